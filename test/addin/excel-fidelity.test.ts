/**
 * The Office.js port as real Excel behaves (issue 18): payload sizes in UTF-8 bytes under the web's
 * limits, the 5,000,000-cell and 512-merged-area limits, owned sheets cleared in place (VeryHidden
 * list sheets, references of the user, case-insensitive names), hidden rows without one request per
 * row, Text cells, rows that moved between a read and a write, recalculation after suspended
 * calculation, and Excel's errors judged by code in any language. Every test runs against the strict
 * double (./excel-double.ts), which enforces what Microsoft documents.
 */
import { OfficeJsPort } from '../../addin/excel/port';
import { ExcelPortError } from '../../addin/excel/errors';
import { cellBands, jsonBytes, rowsWithin, splitRows, utf8Length } from '../../addin/excel/budget';
import { recompute, type Pipeline } from '../../addin/taskpane/recompute';
import { computeMaster, sheetsNeeded, sheetsToRead, STATUS_REGISTER } from '../../addin/taskpane/engine';
import { STATUS_REGISTER_SHEET } from '../../engine/plan';
import { LOG_SHEET } from '../../engine/workbook/import';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import type { RenderedSheet } from '../../engine/workbook/port';
import { syntheticDocument } from '../../bench/synthetic';
import { ExcelDouble } from './excel-double';

const MB = 1024 * 1024;

function portOver(dbl: ExcelDouble, options: ConstructorParameters<typeof OfficeJsPort>[0] = {}): OfficeJsPort {
  return new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported, ...options });
}

/** A caught rejection as the port's error. */
async function failure(p: Promise<unknown>): Promise<ExcelPortError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof ExcelPortError)) throw new Error(`expected an ExcelPortError, got ${String(e)}`);
  return e;
}

const masterPipeline: Pipeline<unknown> = {
  inputSheets: sheetsToRead,
  compute: (snaps) => Promise.resolve(computeMaster(snaps, { lang: 'vi', file: 'master.xlsx' })),
};

/** A synthetic master typed into the double (values as a user holds them), and a port that has opened it (as the pane does). */
async function openedMaster(units: number, criteria: number): Promise<{ dbl: ExcelDouble; port: OfficeJsPort }> {
  const doc = syntheticDocument(units, criteria);
  const inputs = renderMasterInputSheets({
    framework: doc.framework,
    units: doc.units.map((u) => ({ ...u, kind: u.kind ?? 'ward' })),
    assessments: doc.assessments ?? [],
    rounds: [{ round: 'selfAssessment', deadline: '2023-11-30' }],
  });
  const dbl = new ExcelDouble();
  const port = portOver(dbl);
  await port.write(inputs);
  // the pane opens the workbook: list and read once
  await port.read(sheetsToRead((await port.listSheets()).map((s) => s.name)));
  dbl.resetStats();
  return { dbl, port };
}

describe('sizes: every request and response under the budget, in UTF-8 bytes', () => {
  test('a recompute of 11 units × 200 criteria on an opened workbook: 3 syncs; of 160 units: more syncs, each under 4 MB', async () => {
    const small = await openedMaster(11, 200);
    const r = await recompute(small.port, masterPipeline);
    expect(r.ok).toBe(true);
    expect(small.dbl.stats.syncs).toBe(3);
    expect(Math.max(...small.dbl.stats.syncBytes)).toBeLessThan(4 * MB);
    expect(Math.max(...small.dbl.stats.responseBytes)).toBeLessThan(4 * MB);

    const large = await openedMaster(160, 200);
    const r2 = await recompute(large.port, masterPipeline);
    expect(r2.ok).toBe(true);
    // the read of "Kê khai" (32,000 rows) is about 20 MB: it comes in blocks, every response under 4 MB
    expect(large.dbl.stats.responseBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(10 * MB);
    for (const b of large.dbl.stats.responseBytes) expect(b).toBeLessThan(4 * MB);
    for (const b of large.dbl.stats.syncBytes) expect(b).toBeLessThan(4 * MB);
    expect(large.dbl.stats.syncs).toBeLessThanOrEqual(10);
  }, 120_000);

  test('Vietnamese text weighs up to three bytes a character: writes are cut by UTF-8 bytes', async () => {
    const dbl = new ExcelDouble();
    const port = portOver(dbl);
    // 4,000 cells of 900 "ệ": 3.6 million characters (under 4 MB counted in UTF-16 units), 10.8 MB in UTF-8
    const text = 'ệ'.repeat(900);
    expect(utf8Length(text)).toBe(2700);
    await port.write([{ name: 'Giải trình', marker: 'm', values: Array.from({ length: 4000 }, (_, i) => [`${i}`, text]) }]);
    expect(dbl.cell('Giải trình', 'B4000')?.value).toBe(text);
    expect(dbl.stats.syncs).toBeGreaterThanOrEqual(3);
    for (const b of dbl.stats.syncBytes) expect(b).toBeLessThanOrEqual(4 * MB);
    // reading it back: the port's first guess of bytes per cell is far too low for such cells, so
    // Excel refuses the first blocks; the port reads them again smaller, then sizes by what it measured
    dbl.resetStats();
    await port.listSheets();
    const [snap] = await port.read(['Giải trình']);
    expect(snap?.values[3999]?.[1]).toBe(text);
    expect(dbl.stats.refused.length).toBeLessThanOrEqual(4);
    const accepted = dbl.stats.responseBytes.filter((b) => b <= 5 * MB);
    for (const b of accepted) expect(b).toBeLessThanOrEqual(4 * MB);
    // the next read knows: no refusal
    dbl.resetStats();
    await port.read(['Giải trình']);
    expect(dbl.stats.refused).toEqual([]);
    for (const b of dbl.stats.responseBytes) expect(b).toBeLessThanOrEqual(4 * MB);
  });

  test('no read of cell data covers more cells than Excel allows', async () => {
    const dbl = new ExcelDouble();
    dbl.limits.cellsPerRead = 10_000; // the 5,000,000 limit, scaled to a small sheet
    const rows = Array.from({ length: 300 }, (_, r) => Array.from({ length: 100 }, (_, c) => r * 100 + c));
    dbl.setSheet('Lớn', rows);
    const port = portOver(dbl, { maxCellsPerRead: 10_000 });
    const [snap] = await port.read(['Lớn']);
    expect(snap?.values[299]?.[99]).toBe(29999);
    // planning: a block never passes the cell limit, whatever the budget
    expect(rowsWithin(16384, 1, 64 * MB, 5_000_000) * 16384).toBeLessThanOrEqual(5_000_000);
  });

  test('merged areas are asked for in bands that cannot hold more than 512', async () => {
    const dbl = new ExcelDouble();
    const s = dbl.setSheet('Gộp', Array.from({ length: 600 }, (_, r) => [`dòng ${r + 1}`, null, r]));
    for (let r = 1; r <= 600; r++) s.merges.push(`A${r}:B${r}`);
    const port = portOver(dbl);
    const [snap] = await port.read(['Gộp']);
    expect(snap?.merged).toHaveLength(600);
    expect(new Set(snap?.merged)).toContain('A600:B600');
    for (const band of cellBands({ row: 0, col: 0, rows: 100_000, cols: 7 }, 1024)) expect(band.rows * band.cols).toBeLessThanOrEqual(1024);
  });

  test('hidden rows deep in a sheet cost a few loads, not one per row', async () => {
    const dbl = new ExcelDouble();
    const s = dbl.setSheet('Dài', Array.from({ length: 6000 }, (_, r) => [`r${r + 1}`, r]));
    s.hiddenRows.add(3);
    s.hiddenRows.add(5000);
    const port = portOver(dbl);
    await port.listSheets();
    dbl.resetStats();
    const [snap] = await port.read(['Dài']);
    expect(snap?.hiddenRows).toEqual([3, 5000]);
    expect(Math.max(...dbl.stats.loads)).toBeLessThan(600);
    expect(dbl.stats.syncs).toBeLessThanOrEqual(4);
    expect(splitRows(30, 1_048_576, 256).length).toBeLessThanOrEqual(256);
  });

  test('a response Excel refuses as too large after all is read again in smaller blocks', async () => {
    const dbl = new ExcelDouble();
    // text-heavy cells: far above the port's first guess of bytes per cell
    dbl.setSheet('Dày', Array.from({ length: 3000 }, (_, r) => [`${r}`, 'ữ'.repeat(400)]));
    const port = portOver(dbl);
    await port.listSheets();
    dbl.resetStats();
    const [snap] = await port.read(['Dày']);
    expect(snap?.values[2999]?.[1]).toBe('ữ'.repeat(400));
    expect(jsonBytes(snap?.values) * 2).toBeGreaterThan(5 * MB); // values and formulas: over the limit in one response
    expect(dbl.stats.refused).toContain('ResponsePayloadSizeLimitExceeded');
  });
});

describe('only the sheets the engine uses are read', () => {
  test("the master's tables (also under aliases, any case or diacritics), the status register and the import log; not the user's own sheets", () => {
    expect(STATUS_REGISTER).toBe(STATUS_REGISTER_SHEET);
    const names = ['Đơn vị', 'ke khai', 'Bộ tiêu chí', 'Xếp hạng', '_lists_Kê khai', 'Ghi chú của tôi', 'Dữ liệu thô 2022', STATUS_REGISTER_SHEET, LOG_SHEET];
    expect(sheetsNeeded(names)).toEqual(['Đơn vị', 'ke khai', 'Bộ tiêu chí', STATUS_REGISTER_SHEET, LOG_SHEET]);
    // what sheetsToRead keeps besides: the user's sheets
    expect(sheetsToRead(names).filter((n) => !sheetsNeeded(names).includes(n))).toEqual(['Ghi chú của tôi', 'Dữ liệu thô 2022']);
  });

  test("a large sheet of the user's costs nothing in a recompute", async () => {
    const { dbl, port } = await openedMaster(3, 10);
    const base = await (async () => {
      await recompute(port, { ...masterPipeline, inputSheets: sheetsNeeded });
      return dbl.stats.responseBytes.reduce((a, b) => a + b, 0);
    })();
    dbl.setSheet('Dữ liệu thô 2022', Array.from({ length: 5000 }, (_, r) => [`dòng ${r}`, r, 'một ghi chú khá dài của người dùng']));
    dbl.resetStats();
    await port.listSheets();
    await recompute(port, { ...masterPipeline, inputSheets: sheetsNeeded });
    expect(dbl.stats.responseBytes.reduce((a, b) => a + b, 0)).toBeLessThan(base * 1.5);
  });
});

describe('owned sheets are cleared and rewritten in place, never deleted', () => {
  const longList = Array.from({ length: 60 }, (_, i) => `Phường số ${i + 1}, quận Thanh Xuân`);
  const withList = (n: number): RenderedSheet => ({
    name: 'Xếp hạng',
    marker: 'parindex:ranking',
    values: [['Hạng', 'Đơn vị', 'Chỉ số'], [1, 'Phường số 1', 95 - n], [2, 'Phường số 2', 90 - n]],
    validations: [{ range: 'B2:B3', type: 'list', values: longList }],
  });

  test('the VeryHidden list sheet is written before the rule that uses it, and rewritten in place the next time', async () => {
    const dbl = new ExcelDouble();
    const port = portOver(dbl);
    await port.write([withList(0)]);
    const list = dbl.sheet('_lists_Xếp hạng');
    expect(list?.visibility).toBe('VeryHidden');
    expect(dbl.validationAt('Xếp hạng', 'B2')).toEqual({ list: { inCellDropDown: true, source: "='_lists_Xếp hạng'!$A$1:$A$60" } });
    await port.write([withList(1)]);
    expect(dbl.sheet('_lists_Xếp hạng')).toBe(list); // the same sheet, not a new one
    expect(dbl.validationAt('Xếp hạng', 'B3')).toEqual({ list: { inCellDropDown: true, source: "='_lists_Xếp hạng'!$A$1:$A$60" } });
    expect(dbl.cell('_lists_Xếp hạng', 'A60')?.value).toBe(longList[59]);
    expect(dbl.cell('Xếp hạng', 'C2')?.value).toBe(94);
  });

  test('a protected form with a long list and a locked workbook structure is rewritten the next time: list sheet and structure opened with its password', async () => {
    const dbl = new ExcelDouble();
    const port = portOver(dbl);
    const form = (n: number): RenderedSheet => ({ ...withList(n), protection: { password: 'mk', structure: true } });
    await port.write([form(0)]);
    expect(dbl.sheet('_lists_Xếp hạng')).toMatchObject({ protected: true, protectPassword: 'mk', visibility: 'VeryHidden' });
    expect(dbl.structure).toEqual({ locked: true, password: 'mk' });
    await port.write([form(1), { name: 'Ghi chú', marker: 'm', values: [['mới']] }]);
    expect(dbl.cell('Xếp hạng', 'C2')?.value).toBe(94);
    expect(dbl.sheet('Ghi chú')).toBeDefined();
    expect(dbl.sheet('_lists_Xếp hạng')?.protected).toBe(true);
    expect(dbl.structure.locked).toBe(true);
  });

  test("the user's formulas, names and charts that point at a result sheet keep working after a recompute", async () => {
    const dbl = new ExcelDouble({ Sheet1: [], 'Của tôi': [] });
    const port = portOver(dbl);
    await port.write([withList(0)]);
    dbl.setCell('Của tôi', 'A1', { value: 95, formula: "='Xếp hạng'!C2" });
    dbl.names.set('ChiSoCaoNhat', "='Xếp hạng'!$C$2");
    dbl.sheet('Của tôi')?.charts.push({ type: 'Line', source: "'Xếp hạng'!B1:C3", seriesBy: 'Columns' });
    const position = dbl.sheets.findIndex((s) => s.name === 'Xếp hạng');
    await port.listSheets();
    await port.read(['Sheet1']);
    await port.write([withList(2)]);
    expect(dbl.cell('Của tôi', 'A1')).toMatchObject({ formula: "='Xếp hạng'!C2" });
    expect(dbl.cell('Của tôi', 'A1')?.error).toBeUndefined();
    expect(dbl.names.get('ChiSoCaoNhat')).toBe("='Xếp hạng'!$C$2");
    expect(dbl.sheet('Của tôi')?.charts[0]?.source).toBe("'Xếp hạng'!B1:C3");
    expect(dbl.sheets.findIndex((s) => s.name === 'Xếp hạng')).toBe(position);
    expect(dbl.cell('Xếp hạng', 'C2')?.value).toBe(93);
  });

  test('sheet names compare case-insensitively: "xếp hạng" is rewritten as "Xếp hạng", references follow', async () => {
    const dbl = new ExcelDouble({ Sheet1: [], 'xếp hạng': [['cũ', 1]], 'Của tôi': [] });
    dbl.setCell('Của tôi', 'A1', { value: 1, formula: "='xếp hạng'!B1" });
    const port = portOver(dbl);
    await port.write([withList(0)]);
    expect(dbl.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Xếp hạng', 'Của tôi', '_lists_Xếp hạng']);
    expect(dbl.cell('Xếp hạng', 'A1')?.value).toBe('Hạng');
    expect(dbl.cell('Xếp hạng', 'B1')?.value).toBe('Đơn vị');
    expect(dbl.cell('Của tôi', 'A1')).toMatchObject({ formula: "='Xếp hạng'!B1" });
    // reading by either spelling finds it
    const snaps = await port.read(['XẾP HẠNG']);
    expect(snaps.map((s) => s.name)).toEqual(['Xếp hạng']);
  });

  test('a sheet rewritten whole keeps nothing of before: charts, conditional formats, merges, hidden rows, panes, protection', async () => {
    const dbl = new ExcelDouble();
    const port = portOver(dbl);
    await port.write([
      {
        name: 'Kết quả',
        marker: 'm',
        values: [['Tiêu đề'], ['a', 1], ['b', 2], ['c', 3]],
        merges: ['A1:C1'],
        hiddenRows: [3],
        freeze: { rows: 1, columns: 0 },
        conditionalFormats: [{ range: 'B2:B4', rule: 'lessThan', value: 2, fill: 'FFC7CE' }],
        charts: [{ type: 'bar', title: 'x', dataRange: 'A2:B4', anchor: 'E2' }],
        protection: { password: 'khoa' },
        tabColor: '00B050',
        columnWidths: [30],
      },
    ]);
    expect(dbl.sheet('Kết quả')?.protected).toBe(true);
    await port.listSheets();
    await port.read(['Sheet1']);
    await port.write([{ name: 'Kết quả', marker: 'm', values: [['mới']], protection: { password: 'khoa' } }]);
    const s = dbl.sheet('Kết quả');
    expect(s?.cells.size).toBe(1);
    expect(s?.charts).toEqual([]);
    expect(s?.conditionalFormats).toEqual([]);
    expect(s?.merges).toEqual([]);
    expect(s?.hiddenRows.size).toBe(0);
    expect(s?.freeze).toBeUndefined();
    expect(s?.tabColor).toBeUndefined();
    expect(dbl.styleAt('Kết quả', 'A1', 'columnWidth')).toBeUndefined();
    expect(s?.protected).toBe(true); // protected again by the new rendering
  });
});

describe('Text cells and typed input', () => {
  test('into a cell formatted as Text the raw string goes (no apostrophe kept); into a General cell the guard', async () => {
    const dbl = new ExcelDouble();
    const s = dbl.setSheet('Nhập', [
      ['Mã', 'Tiêu chí', 'Ghi chú'],
      ['KG', '1.1', 'x'],
      ['HD', '1.2', 'y'],
    ]);
    // the user formatted column B as Text
    for (const a of ['1,1', '2,1']) s.cells.set(a, { ...(s.cells.get(a) ?? { value: '' }), numberFormat: '@' });
    const port = portOver(dbl);
    const [snap] = await port.read(['Nhập']);
    if (!snap) throw new Error('not read');
    const values = snap.values.map((r) => [...r]);
    (values[2] as unknown[])[1] = '1.3';
    (values[1] as unknown[])[2] = '=ghi chú';
    (values[2] as unknown[])[2] = '2023-11-15';
    await port.write([{ name: 'Nhập', marker: 'm', values }]);
    expect(dbl.cell('Nhập', 'B3')).toEqual({ value: '1.3', numberFormat: '@' });
    expect(dbl.cell('Nhập', 'C2')).toEqual({ value: '=ghi chú' });
    expect(dbl.cell('Nhập', 'C3')).toEqual({ value: '2023-11-15' });
  });

  test('a General cell reads "=…", "+…", "-…", "@…", ISO dates and times as Excel does; the port writes them as text', async () => {
    const dbl = new ExcelDouble();
    const port = portOver(dbl);
    const texts = ['=1+1', '+84 912 345 678', '-abc', '@người dùng', '2023-11-15', '8:30', '2023-11-15 08:30', '-', '1e5', '12%'];
    await port.write([{ name: 'T', marker: 'm', values: [texts] }]);
    const [snap] = await port.read(['T']);
    expect(snap?.values[0]).toEqual(texts);
    expect(snap?.formulas).toBeUndefined();
    expect(snap?.errors).toBeUndefined();
    // what the double does with the same strings unguarded
    const raw = new ExcelDouble();
    raw.setSheet('T', []);
    await raw.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('T').getRange('A1:E1').values = [['-abc', '@x', '2023-11-15', '8:30', '+84 912']];
      await ctx.sync();
    });
    expect(raw.cell('T', 'A1')).toMatchObject({ error: true, formula: '=-abc' });
    expect(raw.cell('T', 'C1')).toEqual({ value: 45245, numberFormat: 'yyyy-mm-dd' });
    expect(raw.cell('T', 'D1')?.numberFormat).toBe('h:mm');
  });
});

describe('rows that moved between the read and the write', () => {
  function kekhai(dbl: ExcelDouble): void {
    dbl.setSheet('Kê khai', [
      ['Đơn vị', 'Tiêu chí', 'Thẩm định'],
      ['KG', '1.1', null],
      ['HD', '1.1', null],
      ['KM', '1.1', null],
    ]);
  }
  /** What an appraisal save renders from the rows as read: HD's appraisal in row 3. */
  const appraised = (): RenderedSheet => ({
    name: 'Kê khai',
    marker: 'm',
    values: [
      ['Đơn vị', 'Tiêu chí', 'Thẩm định'],
      ['KG', '1.1', null],
      ['HD', '1.1', 0.5],
      ['KM', '1.1', null],
    ],
  });

  test('sorted after an old read: nothing is written, the error names the sheet and cell', async () => {
    const dbl = new ExcelDouble();
    kekhai(dbl);
    let clock = 0;
    const port = portOver(dbl, { now: () => clock });
    await port.read(['Kê khai']);
    clock += 60_000; // the user works for a minute…
    dbl.sortRows('Kê khai', 2, 4, 0); // …and sorts by unit: HD, KG, KM
    const e = await failure(port.write([appraised()]));
    expect(e.info).toMatchObject({ code: 'excel.stale', operation: 'write', sheet: 'Kê khai' });
    expect(dbl.cell('Kê khai', 'C2')).toBeUndefined();
    expect(dbl.cell('Kê khai', 'C3')).toBeUndefined();
    // read again, save again: HD's row gets it
    await port.read(['Kê khai']);
    const fresh = appraised();
    fresh.values = [['Đơn vị', 'Tiêu chí', 'Thẩm định'], ['HD', '1.1', 0.5], ['KG', '1.1', null], ['KM', '1.1', null]];
    await port.write([fresh]);
    expect(dbl.cell('Kê khai', 'A2')?.value).toBe('HD');
    expect(dbl.cell('Kê khai', 'C2')?.value).toBe(0.5);
  });

  test('a row inserted after an old read: nothing is written', async () => {
    const dbl = new ExcelDouble();
    kekhai(dbl);
    let clock = 0;
    const port = portOver(dbl, { now: () => clock });
    await port.read(['Kê khai']);
    clock += 60_000;
    dbl.insertRows('Kê khai', 3);
    const e = await failure(port.write([appraised()]));
    expect(e.info.code).toBe('excel.stale');
    expect([...(dbl.sheet('Kê khai')?.cells.values() ?? [])].map((c) => c.value)).not.toContain(0.5);
  });

  test('unchanged rows after an old read: one sync checks the key cells, the values land', async () => {
    const dbl = new ExcelDouble();
    kekhai(dbl);
    let clock = 0;
    const port = portOver(dbl, { now: () => clock });
    await port.read(['Kê khai']);
    clock += 60_000;
    dbl.resetStats();
    await port.write([appraised()]);
    expect(dbl.cell('Kê khai', 'C3')?.value).toBe(0.5);
    expect(dbl.stats.syncs).toBe(2);
  });

  test('a row inserted between two recomputes: the second reads afresh and writes the right rows', async () => {
    const { dbl, port } = await openedMaster(3, 10);
    await recompute(port, masterPipeline);
    const kk = dbl.sheet('Kê khai');
    if (!kk) throw new Error('no Kê khai');
    dbl.insertRows('Kê khai', 7);
    const r = await recompute(port, masterPipeline);
    expect(r.ok).toBe(true);
    // every data row still has its computed points beside its own unit and criterion
    const [snap] = await port.read(['Kê khai']);
    const header = snap?.values.findIndex((row) => row.includes('out_points')) ?? -1;
    const col = snap?.values[header]?.indexOf('out_points') ?? -1;
    const unitCol = snap?.values[header]?.indexOf('unit') ?? -1;
    for (const row of snap?.values.slice(header + 2) ?? []) if (row[unitCol]) expect(typeof row[col]).toBe('number');
  });
});

describe('calculation and errors', () => {
  test('after writing with calculation suspended, the workbook is recalculated', async () => {
    const dbl = new ExcelDouble();
    const port = portOver(dbl);
    await port.write([{ name: 'R', marker: 'm', values: [['a', 1]] }]);
    expect(dbl.stats.suspendCalls).toBeGreaterThan(0);
    expect(dbl.stats.calculateCalls).toBe(1);
    expect(dbl.calcDirty).toBe(false);
  });

  test('Excel in cell edit mode is "Excel is busy"', async () => {
    const dbl = new ExcelDouble();
    const port = portOver(dbl);
    dbl.cellEditMode = true;
    const e = await failure(port.write([{ name: 'R', marker: 'm', values: [['a']] }]));
    expect(e.info.code).toBe('excel.busy');
  });

  test('a protected sheet is recognised by code and state, also in a Vietnamese Excel', async () => {
    const dbl = new ExcelDouble({ Sheet1: [], 'Nhập': [['Mã', 'Điểm'], ['A', 1]] });
    dbl.locale = 'vi';
    const port = portOver(dbl);
    await port.read(['Nhập']);
    const s = dbl.sheet('Nhập');
    if (s) s.protected = true; // the user protects it while the pane is open
    const e = await failure(port.write([{ name: 'Nhập', marker: 'm', values: [['Mã', 'Điểm'], ['A', 2]] }]));
    expect(e.info).toMatchObject({ code: 'excel.protected', sheet: 'Nhập' });
    expect(e.info.detail).toContain('trang tính được bảo vệ');
  });
});
