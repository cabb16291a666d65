/**
 * Native charts in workbooks written outside Excel: the DrawingML writer (chart XML referencing
 * cells, drawing, relationships, content types) and the exceljs port that adds them after saving.
 * Checked with xmllint (well-formed parts), openpyxl (opens the file and finds the charts) and
 * LibreOffice (draws them: the PDF carries the charts' titles and the target line's legend).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { scoreDocument } from '../../engine';
import { addChartParts, chartXml, insertDrawingElement, resolveChart, resolveTarget } from '../../engine/workbook/charts';
import { renderOutputSheets } from '../../engine/workbook/output';
import type { CellValue, ChartSpec } from '../../engine/workbook/port';
import { ExcelJsPort } from '../../files/port';
import { smallFramework, smallUnits } from './helpers';
import { hasOpenpyxl, hasSoffice, hasTool, requireTool, run } from './tools';

const values: CellValue[][] = [
  ['Xếp hạng', 'Mã', 'Đơn vị', 'Chỉ số (%)', 'Mục tiêu (%)'],
  [1, 'KG', 'UBND phường Kim Giang', 96.5, 90],
  [2, 'HD', 'UBND phường Hạ Đình', 88.25, 90],
  [3, 'TD', 'UBND phường Thượng Đình', 71, 90],
];

const bare: ChartSpec = { type: 'column', title: 'Chỉ số CCHC — Phường', dataRange: 'C1:D4', seriesBy: 'columns', anchor: 'G2', width: 400, height: 240 };
const ranking: ChartSpec = { ...bare, target: { value: 90, label: 'Mục tiêu 90%', range: 'E2:E4' } };

function wellFormed(xml: string): void {
  if (!hasTool('xmllint', ['--version'])) return;
  expect(() => run('xmllint', ['--noout', '-'], xml)).not.toThrow();
}

describe('chart XML', () => {
  test('series reference the sheet cells, with the values cached; the target line reads its cells', () => {
    const xml = chartXml(ranking, "Xếp hạng", values) ?? '';
    wellFormed(xml);
    expect(xml).toContain("<c:f>'Xếp hạng'!$C$2:$C$4</c:f>");
    expect(xml).toContain("<c:f>'Xếp hạng'!$D$1</c:f>");
    expect(xml).toContain("<c:f>'Xếp hạng'!$D$2:$D$4</c:f>");
    expect(xml).toContain('<c:pt idx="1"><c:v>88.25</c:v></c:pt>');
    expect(xml).toContain('<c:v>UBND phường Hạ Đình</c:v>');
    expect(xml).toContain('<c:barDir val="col"/>');
    // the dashed target line: a line series over the same categories, values from E2:E4, axis 0–100
    expect(xml).toMatch(/<c:lineChart>.*<c:tx><c:v>Mục tiêu 90%<\/c:v><\/c:tx>.*<a:prstDash val="dash"\/>.*\$E\$2:\$E\$4/);
    expect(xml).toContain('<c:max val="100"/><c:min val="0"/>');
  });

  test('a sheet name with a quote is quoted Excel-style; text is escaped', () => {
    const xml = chartXml({ ...bare, title: 'A & B <1>' }, "Bà Triệu's", values) ?? '';
    wellFormed(xml);
    expect(xml).toContain("<c:f>'Bà Triệu''s'!$C$2:$C$4</c:f>");
    expect(xml).toContain('A &amp; B &lt;1&gt;');
    expect(xml).not.toContain('<c:lineChart>');
  });

  test('without target cells the line is a literal (Excel draws it; LibreOffice draws cell data only)', () => {
    const xml = chartXml({ ...ranking, target: { value: 80, label: 'Mục tiêu 80%' } }, 'S', values) ?? '';
    expect(xml).toContain('<c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>80</c:v>');
  });

  test('how a spec reads as series: by columns, by rows, explicit categories and series', () => {
    expect(resolveChart({ ...ranking, dataRange: 'C1:D4' })).toEqual({
      categories: { r0: 1, c0: 2, r1: 3, c1: 2 },
      series: [{ name: { r0: 0, c0: 3, r1: 0, c1: 3 }, values: { r0: 1, c0: 3, r1: 3, c1: 3 } }],
    });
    expect(resolveChart({ ...ranking, dataRange: 'C1:E3', seriesBy: 'rows' })?.series.map((s) => s.name)).toEqual([
      { r0: 1, c0: 2, r1: 1, c1: 2 },
      { r0: 2, c0: 2, r1: 2, c1: 2 },
    ]);
    const explicit = resolveChart({ ...ranking, categories: 'B2:B4', series: [{ name: 'D1', values: 'D2:D4' }] });
    expect(explicit?.categories).toEqual({ r0: 1, c0: 1, r1: 3, c1: 1 });
    expect(explicit?.series).toHaveLength(1);
    expect(resolveChart({ ...ranking, dataRange: 'not a range' })).toBeUndefined();
    expect(chartXml({ ...ranking, dataRange: 'x' }, 'S', values)).toBeUndefined();
  });

  test('radar and line charts', () => {
    for (const type of ['radar', 'line'] as const) {
      const xml = chartXml({ ...bare, type, dataRange: 'C1:E4' }, 'S', values) ?? '';
      wellFormed(xml);
      expect(xml).toContain(type === 'radar' ? '<c:radarChart>' : '<c:lineChart>');
      expect((xml.match(/<c:ser>/g) ?? []).length).toBe(2);
    }
  });
});

describe('package edits', () => {
  test('<drawing> goes before the elements the schema puts after it; the r namespace is added when missing', () => {
    const sheet = '<worksheet xmlns="x"><sheetData/><pageMargins/><headerFooter/><tableParts count="0"/><extLst/></worksheet>';
    expect(insertDrawingElement(sheet, 'rId9')).toBe(
      '<worksheet xmlns="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><pageMargins/><headerFooter/><drawing r:id="rId9"/><tableParts count="0"/><extLst/></worksheet>',
    );
    const prefixed = '<x:worksheet xmlns:x="x" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData/></x:worksheet>';
    expect(insertDrawingElement(prefixed, 'c1')).toContain('<x:sheetData/><x:drawing rel:id="c1"/></x:worksheet>');
    expect(resolveTarget('xl/worksheets', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(resolveTarget('xl/worksheets', '/xl/media/a.png')).toBe('xl/media/a.png');
  });

  test('a sheet that already has a drawing gets the charts added to it (ids and rels stay unique)', () => {
    const files: Record<string, string> = {
      '[Content_Types].xml': '<Types xmlns="t"><Override PartName="/xl/drawings/drawing1.xml" ContentType="d"/></Types>',
      'xl/workbook.xml': '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Type="ws" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><drawing r:id="rId1"/></worksheet>',
      'xl/worksheets/_rels/sheet1.xml.rels': '<Relationships><Relationship Id="rId1" Type="d" Target="../drawings/drawing1.xml"/></Relationships>',
      'xl/drawings/drawing1.xml': '<xdr:wsDr xmlns:xdr="x"><xdr:pic><xdr:cNvPr id="2" name="logo"/></xdr:pic></xdr:wsDr>',
      'xl/drawings/_rels/drawing1.xml.rels': '<Relationships><Relationship Id="rId1" Type="img" Target="../media/image1.png"/></Relationships>',
    };
    const r = addChartParts({ paths: Object.keys(files), read: (p) => files[p] }, [{ sheet: 'S', charts: [ranking], values }]);
    expect(r.added).toEqual([{ sheet: 'S', count: 1 }]);
    expect(r.parts.has('xl/worksheets/sheet1.xml')).toBe(false);
    expect(r.parts.get('xl/drawings/drawing1.xml')).toMatch(/<xdr:pic>.*<\/xdr:pic><xdr:oneCellAnchor>.*cNvPr id="3".*r:id="rIdChart1".*<\/xdr:wsDr>$/);
    expect(r.parts.get('xl/drawings/_rels/drawing1.xml.rels')).toContain('<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/>');
    expect(r.parts.get('[Content_Types].xml')).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(r.parts.get('[Content_Types].xml')?.match(/drawing1\.xml/g)).toHaveLength(1);
  });

  test('an unknown sheet or a bad range is reported as skipped, not written', () => {
    const files: Record<string, string> = {
      '[Content_Types].xml': '<Types></Types>',
      'xl/workbook.xml': '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Type="ws" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': '<worksheet><sheetData/></worksheet>',
    };
    const r = addChartParts({ paths: Object.keys(files), read: (p) => files[p] }, [
      { sheet: 'Nowhere', charts: [ranking], values },
      { sheet: 'S', charts: [{ ...ranking, dataRange: 'bad' }], values },
    ]);
    expect(r.skipped).toEqual([
      { sheet: 'Nowhere', title: ranking.title },
      { sheet: 'S', title: ranking.title },
    ]);
    expect(r.added).toEqual([]);
    // nothing of a sheet whose every chart was skipped is touched: no <drawing> pointing at a part never written
    expect([...r.parts.keys()]).toEqual([]);
  });
});

describe('results workbook from the exceljs port', () => {
  const doc = {
    framework: smallFramework,
    units: [...smallUnits, { code: 'TD', name: 'UBND phường Thượng Đình', kind: 'ward' }],
    assessments: [
      { unit: 'KG', criterion: '1.1', value: 'Có' },
      { unit: 'KG', criterion: '1.2', value: 3 },
      { unit: 'KG', criterion: '2.1', value: 'Có' },
      { unit: 'HD', criterion: '1.1', value: 'Không' },
      { unit: 'HD', criterion: '1.2', value: 2 },
      { unit: 'HD', criterion: '2.1', value: 'Có' },
      { unit: 'TD', criterion: '1.1', value: 'Không' },
      { unit: 'TD', criterion: '1.2', value: 1 },
      { unit: 'TD', criterion: '2.1', value: 'Không' },
    ],
    surveyIndices: { KG: { II: 100 }, HD: { II: 90 }, TD: { II: 70 } },
  };
  const { results } = scoreDocument(doc, { lang: 'vi' });
  const sheets = renderOutputSheets(results, { lang: 'vi', nodes: smallFramework.nodes, unitNames: { NV: 'Phòng Nội vụ' } });
  let dir = '';
  let file = '';
  let zip: JSZip;

  beforeAll(async () => {
    const port = ExcelJsPort.create();
    await port.write(sheets);
    dir = mkdtempSync(path.join(tmpdir(), 'parindex-charts-'));
    file = path.join(dir, 'ket-qua.xlsx');
    const bytes = await port.toBuffer();
    writeFileSync(file, bytes);
    zip = await JSZip.loadAsync(bytes);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every chart of the rendered sheets is a chart part, and no chart-note block is left', async () => {
    const want = sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0);
    expect(want).toBeGreaterThanOrEqual(4);
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(want);
    for (const p of Object.keys(zip.files).filter((x) => /\.(xml|rels)$/.test(x))) wellFormed((await zip.file(p)?.async('string')) ?? '');
    const read = await (await ExcelJsPort.fromBuffer(readFileSync(file))).read(sheets.map((s) => s.name));
    const text = read.flatMap((s) => s.values.flatMap((r) => (r ?? []).filter((v): v is string => typeof v === 'string')));
    expect(text.some((v) => v.startsWith('Biểu đồ chỉ được vẽ'))).toBe(false);
  });

  test('the ranking chart reads the ranking sheet, the target line its "Mục tiêu (%)" cells', async () => {
    const all = await Promise.all(Object.keys(zip.files).filter((p) => p.startsWith('xl/charts/')).map((p) => zip.file(p)?.async('string') ?? ''));
    const rank = all.find((x) => x.includes('Chỉ số CCHC — Phường')) ?? '';
    expect(rank).toMatch(/<c:f>'Xếp hạng'!\$C\$\d+:\$C\$\d+<\/c:f>/);
    expect(rank).toMatch(/<c:f>'Xếp hạng'!\$M\$\d+:\$M\$\d+<\/c:f>/);
    const lead = all.find((x) => x.includes('Điểm bị trừ theo đơn vị chủ trì')) ?? '';
    expect(lead).toMatch(/<c:f>'Điểm bị trừ'!\$A\$\d+:\$A\$\d+<\/c:f>/);
  });

  test('openpyxl opens the workbook and finds the charts on their sheets', () => {
    if (!requireTool('openpyxl (/usr/bin/python3)', hasOpenpyxl())) return;
    const script = 'import sys, json, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps({ws.title: len(ws._charts) for ws in wb.worksheets if ws._charts}))';
    const counts = JSON.parse(run('/usr/bin/python3', ['-c', script, file])) as Record<string, number>;
    const want = Object.fromEntries(sheets.filter((s) => s.charts?.length).map((s) => [s.name, s.charts?.length ?? 0]));
    expect(counts).toEqual(want);
  });

  test('LibreOffice draws the charts: the PDF carries their titles and the target legend', () => {
    if (!requireTool('soffice (LibreOffice)', hasSoffice())) return;
    if (!requireTool('pdftotext (poppler-utils)', hasTool('pdftotext', ['-v']))) return;
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 180_000, stdio: 'pipe' });
    const text = run('pdftotext', [path.join(dir, 'ket-qua.pdf'), '-']);
    // chart titles and legends are drawn text; the sheets never hold these exact words in cells
    expect(text).toContain('Chỉ số CCHC — Phường');
    expect(text).toContain('Mục tiêu 90%');
    expect(text).toContain('Điểm bị trừ theo đơn vị chủ trì');
  }, 200_000);
});
