/**
 * Comparing the sheets two hosts wrote: values as a user sees them, owned sheets only.
 */
import JSZip from 'jszip';
import { isOutputSheet } from '../../engine/workbook/output';
import type { CellValue, SheetSnapshot } from '../../engine/workbook/port';

/** Values as a user sees them: trailing empty cells and rows dropped, -0 as 0. */
export function normal(values: readonly (readonly CellValue[] | undefined)[]): CellValue[][] {
  // absent rows and cells (holes of a sparse snapshot) are empty
  const rows = Array.from(values, (r) => {
    const out = Array.from(r ?? [], (v): CellValue => (v === '' || v === undefined ? null : typeof v === 'number' && Object.is(v, -0) ? 0 : v));
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}

/**
 * The charts of a workbook written outside Excel (native DrawingML parts: engine
 * workbook/charts): each chart's XML, by sheet, in part order. Two hosts that wrote the same
 * sheets through the exceljs port write the same charts, with the same cell references and cached values.
 */
export async function chartParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return Promise.all(names.map(async (p) => (await zip.file(p)?.async('string')) ?? ''));
}

export function owned(snaps: readonly SheetSnapshot[]): Map<string, CellValue[][]> {
  return new Map(snaps.filter((s) => isOutputSheet(s.name) || s.name === 'Kê khai').map((s) => [s.name, normal(s.values)]));
}

