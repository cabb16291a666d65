/**
 * Native charts in an .xlsx written outside Excel: exceljs cannot write charts, so after it saves,
 * the chart parts the engine builds (engine `addChartParts`: drawing, chart XML referencing the
 * sheet's cells, relationships, content types) are put into the zip. Browser-safe (jszip, no fs):
 * the CLI and the standalone page save through the same code.
 */
import { addChartParts, worksheetPartsByName, type SheetCharts } from '../engine';

export type { SheetCharts };

/**
 * The workbook bytes with the charts of `sheets` added. Bytes come back unchanged when no sheet
 * has a chart.
 * @example const bytes = await withCharts(await wb.xlsx.writeBuffer(), [{ sheet: 'Xếp hạng', charts, values }]);
 */
export async function withCharts(bytes: Uint8Array, sheets: readonly SheetCharts[]): Promise<Uint8Array> {
  if (!sheets.some((s) => s.charts.length > 0)) return bytes;
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ 'jszip');
  const zip = await JSZip.loadAsync(bytes);
  const paths = Object.keys(zip.files).filter((p) => !zip.files[p]?.dir);
  const text = async (p: string): Promise<string | undefined> => zip.file(p)?.async('string');
  const texts = new Map<string, string>();
  const keep = async (p: string): Promise<void> => {
    const t = await text(p);
    if (t !== undefined) texts.set(p, t);
  };
  // only the parts the writer reads: workbook, rels, content types, the charted sheets, drawings
  for (const p of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']) await keep(p);
  const byName = worksheetPartsByName(texts.get('xl/workbook.xml') ?? '', texts.get('xl/_rels/workbook.xml.rels') ?? '');
  for (const s of sheets) {
    const part = byName.get(s.sheet);
    if (part === undefined || s.charts.length === 0) continue;
    await keep(part);
    const slash = part.lastIndexOf('/');
    await keep(`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`);
  }
  for (const p of paths) if (p.startsWith('xl/drawings/')) await keep(p);
  const { parts } = addChartParts({ paths, read: (p) => texts.get(p) }, sheets);
  if (parts.size === 0) return bytes;
  for (const [path, content] of parts) zip.file(path, content, { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}
