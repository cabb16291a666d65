import { MB, OfficeJsPort, isDateFormat, needsTextGuard, serialToIsoDate } from '../../addin/excel/port';
import { ExcelPortError } from '../../addin/excel/errors';
import { recompute, type Pipeline } from '../../addin/taskpane/recompute';
import type { CellValue, RenderedSheet, SheetSnapshot } from '../../engine/workbook/port';
import { ExcelDouble, SYNC_LIMIT_BYTES } from './excel-double';
import { computeMaster, sheetsToRead } from '../../addin/taskpane/engine';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import { syntheticDocument } from '../../bench/synthetic';

const CRITERIA = 164; // leaves in the Thanh Xuân ward criteria set

/** A master-like workbook: a units sheet and one submission row per unit × criterion. */
function inputWorkbook(units: number): ExcelDouble {
  const unitRows: CellValue[][] = [['Mã', 'Tên đơn vị', 'Loại']];
  const sub: CellValue[][] = [['Đơn vị', 'Tiêu chí', 'Số liệu', 'Tự chấm', 'Thẩm định 1', 'Thẩm định 2', 'Lý do', 'Giải trình']];
  for (let u = 0; u < units; u++) {
    unitRows.push([`P${u}`, `UBND phường số ${u + 1}`, 'ward']);
    for (let c = 0; c < CRITERIA; c++) sub.push([`P${u}`, `${1 + (c % 8)}.${1 + Math.floor(c / 8)}`, c % 3 === 0 ? 'Có' : 87.5, 0.75, 0.5, null, 'thiếu tài liệu kiểm chứng', null]);
  }
  return new ExcelDouble({ 'Đơn vị': unitRows, 'Số liệu': sub });
}

/** Output of realistic size: ranking (one row per unit), results matrix (unit × criterion) and a gaps list (unit × criterion). */
const pipeline: Pipeline<{ units: number }> = {
  inputSheets: (available) => available.filter((n) => n === 'Đơn vị' || n === 'Số liệu'),
  async compute(snaps: SheetSnapshot[]) {
    const units = (snaps.find((s) => s.name === 'Đơn vị')?.values.length ?? 1) - 1;
    const ranking: RenderedSheet = {
      name: 'Xếp hạng',
      marker: 'parindex:ranking',
      values: [['Hạng', 'Đơn vị', 'Chỉ số'], ...Array.from({ length: units }, (_, i) => [i + 1, `UBND phường số ${i + 1}`, 95 - i * 0.1])],
      styles: [{ range: `C2:C${units + 1}`, style: { numFmt: '0.00' } }],
      conditionalFormats: [{ range: `C2:C${units + 1}`, rule: 'lessThan', value: 70, fill: 'FFC7CE' }],
      charts: [{ type: 'bar', title: 'Xếp hạng', dataRange: `B1:C${units + 1}`, anchor: 'E2' }],
      freeze: { rows: 1, columns: 0 },
    };
    const matrix: RenderedSheet = {
      name: 'Kết quả',
      marker: 'parindex:results',
      values: [['Tiêu chí', ...Array.from({ length: units }, (_, i) => `P${i}`)], ...Array.from({ length: CRITERIA }, (_, c) => [`c${c}`, ...Array.from({ length: units }, () => 0.75)])],
      styles: [{ range: `B2:${colName(units)}${CRITERIA + 1}`, style: { numFmt: '0.00' } }],
    };
    const gaps: RenderedSheet = {
      name: 'Điểm bị trừ',
      marker: 'parindex:gaps',
      values: [['Đơn vị', 'Tiêu chí', 'Tên tiêu chí', 'Tối đa', 'Đạt', 'Bị trừ', 'Chủ trì', 'Lý do']],
      styles: [{ range: `D2:F${units * CRITERIA + 1}`, style: { numFmt: '0.00' } }],
    };
    for (let u = 0; u < units; u++)
      for (let c = 0; c < CRITERIA; c++) gaps.values.push([`P${u}`, `c${c}`, 'Ban hành kế hoạch CCHC năm đúng hạn', 1, 0.5, 0.5, 'NV', '=thiếu tài liệu kiểm chứng']);
    return { sheets: [ranking, matrix, gaps], issues: [], ok: true, summary: { units } };
  },
};

function colName(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

describe('OfficeJsPort over the Excel double', () => {
  test.each([11, 50, 150])('a full recompute of %i units on an opened workbook: every request and response under 4 MB, 3 syncs when the read fits', async (units) => {
    const dbl = inputWorkbook(units);
    const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
    // the pane opens the workbook first (list and read): the port then knows each sheet's size
    await port.read((await port.listSheets()).map((x) => x.name));
    dbl.resetStats();
    const r = await recompute(port, pipeline);
    expect(r.written).toEqual(['Xếp hạng', 'Kết quả', 'Điểm bị trừ']);
    // "Số liệu" of 50 units (8,200 rows) comes back in one response; of 150 units (24,600 rows, ≈ 9 MB) in several
    if (units <= 50) expect(dbl.stats.syncs).toBeLessThanOrEqual(3);
    for (const b of dbl.stats.syncBytes) expect(b).toBeLessThanOrEqual(4 * MB);
    for (const b of dbl.stats.responseBytes) expect(b).toBeLessThanOrEqual(4 * MB);
    expect(dbl.stats.refused).toEqual([]);
    expect(dbl.stats.maxSyncBytes).toBeLessThanOrEqual(SYNC_LIMIT_BYTES);
    expect(dbl.stats.suspendCalls).toBeGreaterThan(0);
    // the data really went in: last gaps row, and user text starting with "=" stayed text
    const last = units * CRITERIA + 1;
    expect(dbl.cell('Điểm bị trừ', `A${last}`)?.value).toBe(`P${units - 1}`);
    expect(dbl.cell('Điểm bị trừ', `H${last}`)).toEqual({ value: '=thiếu tài liệu kiểm chứng' });
    expect(dbl.cell('Xếp hạng', 'C2')?.numberFormat).toBe('0.00');
    expect(dbl.sheet('Xếp hạng')?.charts).toEqual([{ type: 'BarClustered', source: `B1:C${units + 1}`, seriesBy: 'Columns', title: 'Xếp hạng', anchor: 'E2' }]);
    expect(dbl.sheet('Xếp hạng')?.conditionalFormats[0]).toMatchObject({ address: `C2:C${units + 1}`, fill: '#FFC7CE', rule: { formula1: '70', operator: 'LessThan' } });
    // a second recompute rewrites the sheets in place: same order, the same syncs
    const first = dbl.stats.syncs;
    dbl.resetStats();
    await recompute(port, pipeline);
    expect(dbl.stats.syncs).toBeLessThanOrEqual(first);
    expect(dbl.sheets.map((s) => s.name)).toEqual(['Đơn vị', 'Số liệu', 'Xếp hạng', 'Kết quả', 'Điểm bị trừ']);
  });

  /**
   * The synthetic master of bench/run.ts: written through the port itself (number formats,
   * validations, hidden key rows as Excel holds them) or, faster, typed as values only as the
   * bench does; stats reset.
   */
  async function syntheticMaster(units: number, criteria: number, viaPort = true): Promise<{ dbl: ExcelDouble; port: OfficeJsPort }> {
    const doc = syntheticDocument(units, criteria);
    const inputs = renderMasterInputSheets({
      framework: doc.framework,
      units: doc.units.map((u) => ({ ...u, kind: u.kind ?? 'ward' })),
      assessments: doc.assessments ?? [],
      rounds: [{ round: 'selfAssessment', deadline: '2023-11-30' }],
    });
    const dbl = viaPort ? new ExcelDouble() : new ExcelDouble(Object.fromEntries(inputs.map((s) => [s.name, s.values.map((row) => row.map((v) => v ?? null))])));
    const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
    if (viaPort) await port.write(inputs);
    // opened as the pane opens it: list and read once
    await port.read(sheetsToRead((await port.listSheets()).map((x) => x.name)));
    dbl.resetStats();
    return { dbl, port };
  }
  const masterPipeline = (captured: RenderedSheet[][] = []): Pipeline<unknown> => ({
    inputSheets: sheetsToRead,
    compute: (snaps) => {
      const out = computeMaster(snaps, { lang: 'vi', file: 'master.xlsx' });
      captured.push(out.sheets);
      return Promise.resolve(out);
    },
  });

  test('160 units × 200 criteria: every request and response under 4 MB, one write sync', async () => {
    const { dbl, port } = await syntheticMaster(160, 200, false);
    const r = await recompute(port, masterPipeline());
    expect(r.ok).toBe(true);
    expect(r.written[0]).toBe('Kê khai');
    // list, the read of ≈ 20 MB in blocks under 4 MB, one write
    expect(dbl.stats.syncs).toBeLessThanOrEqual(10);
    for (const b of dbl.stats.syncBytes) expect(b).toBeLessThan(4 * MB);
    for (const b of dbl.stats.responseBytes) expect(b).toBeLessThan(4 * MB);
    expect(dbl.stats.refused).toEqual([]);
    expect(dbl.stats.syncBytes.filter((b) => b > 1 * MB)).toHaveLength(1);
    // a number format over a whole range is one value, not one per cell: all formats of all sheets fit in a few KB
    expect(dbl.stats.bytesByKind['Range.numberFormat'] ?? 0).toBeLessThan(16 * 1024);
    // "Kê khai" holds 160 × 200 = 32,000 rows (≈ 20 MB whole); only its computed columns went out, the
    // other sheets whole (result sheets now also carry target and rank-interval columns: ≈ 4.3 MB in all)
    expect(dbl.stats.bytesByKind['Range.values'] ?? 0).toBeLessThan(5 * MB);
    // the second recompute finds the computed columns unchanged: "Kê khai" costs almost nothing
    dbl.resetStats();
    await recompute(port, masterPipeline());
    // only the result sheets go out again (≈ 2.7 MB), each sync under the 4 MB budget
    for (const b of dbl.stats.syncBytes) expect(b).toBeLessThan(3 * MB);
  }, 60000);

  test('an input sheet the recompute read is updated in place: same cells as a whole rewrite, formulas and validations kept', async () => {
    const { dbl, port } = await syntheticMaster(3, 10);
    // the user adds a formula in a column of their own and a note that Excel would parse
    const kk = dbl.sheet('Kê khai');
    if (!kk) throw new Error('no Kê khai');
    const validations = kk.validations.length;
    expect(validations).toBeGreaterThan(0);
    const position = dbl.sheets.indexOf(kk);
    kk.cells.set('4,30', { value: 3, formula: '=1+2' });
    kk.cells.set('5,30', { value: '=không phải công thức' });
    const captured: RenderedSheet[][] = [];
    await recompute(port, masterPipeline(captured));
    // list, read, write — and one more read sync: the user's column AE lies beyond the range the port saw when it opened the workbook
    expect(dbl.stats.syncs).toBeLessThanOrEqual(4);
    const rendered = captured[0]?.find((s) => s.name === 'Kê khai');
    if (!rendered) throw new Error('Kê khai not rendered');
    // the same rendered sheet written whole by a port that read nothing
    const whole = new ExcelDouble();
    await new OfficeJsPort({ run: whole.run, isSetSupported: whole.isSetSupported }).write([rendered]);
    const a = dbl.sheet('Kê khai');
    const b = whole.sheet('Kê khai');
    if (!a || !b) throw new Error('missing sheet');
    const valuesOf = (m: typeof a): Map<string, unknown> => new Map([...m.cells].filter(([, c]) => c.value !== '').map(([k, c]) => [k, c.value]));
    expect(valuesOf(a)).toEqual(valuesOf(b));
    // computed columns really filled (points in the first data row)
    const header = rendered.values.findIndex((row) => row.includes('out_points'));
    const col = rendered.values[header]?.indexOf('out_points') ?? -1;
    expect(typeof a.cells.get(`${header + 2},${col}`)?.value).toBe('number');
    expect(a.cells.get(`${header + 2},${col}`)?.numberFormat).not.toBe('@');
    // what only the in-place update keeps
    expect(a.cells.get('4,30')).toMatchObject({ value: 3, formula: '=1+2' });
    expect(a.cells.get('5,30')).toEqual({ value: '=không phải công thức' });
    expect(a.validations.length).toBeGreaterThanOrEqual(validations);
    expect(dbl.sheets.map((s) => s.name).indexOf('Kê khai')).toBe(position);
  });

  test('in place: cells the new sheet no longer has are cleared, a number into a text cell stays a number, rows no longer hidden are shown', async () => {
    const dbl = new ExcelDouble({ Sheet1: [], 'Nhập': [['Mã', 'Điểm'], ['A', 1], ['B', 2], ['C', 3]] });
    const s = dbl.sheet('Nhập');
    if (!s) throw new Error('no sheet');
    s.cells.set('1,1', { value: '1', numberFormat: '@' }); // B2 typed as text "1"
    s.hiddenRows.add(4);
    const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
    const [snap] = await port.read(['Nhập']);
    expect(snap?.hiddenRows).toEqual([4]);
    dbl.resetStats();
    // B2 becomes the number 1.5 (its cell keeps "@" as a whole rewrite would), row 4 goes, "0012" must stay text
    await port.write([{ name: 'Nhập', marker: 'm', values: [['Mã', 'Điểm'], ['A', 1.5], ['0012', 2]] }]);
    expect(dbl.cell('Nhập', 'B2')).toEqual({ value: 1.5, numberFormat: '@' });
    expect(dbl.cell('Nhập', 'A3')?.value).toBe('0012');
    expect(dbl.cell('Nhập', 'A4')).toBeUndefined();
    expect(dbl.cell('Nhập', 'B4')).toBeUndefined();
    expect(dbl.cell('Nhập', 'A2')?.value).toBe('A');
    expect(dbl.sheet('Nhập')?.hiddenRows.has(4)).toBe(false);
    expect(dbl.sheets.map((x) => x.name)).toEqual(['Sheet1', 'Nhập']);
    expect(dbl.stats.syncs).toBe(1);
    // the next write has no read behind it: the sheet is replaced whole
    await port.write([{ name: 'Nhập', marker: 'm', values: [['x']] }]);
    expect(dbl.cell('Nhập', 'B2')).toBeUndefined();
  });

  test('a small range budget splits values into several ranges, each under the budget', async () => {
    const dbl = inputWorkbook(11);
    const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported, rangeBudgetBytes: 64 * 1024 });
    await recompute(port, pipeline);
    expect(dbl.stats.maxOpBytes).toBeLessThanOrEqual(64 * 1024);
    expect(dbl.cell('Điểm bị trừ', `A${11 * CRITERIA + 1}`)?.value).toBe('P10');
  });

  test('user text that Excel would parse is written as text', async () => {
    const dbl = new ExcelDouble();
    const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
    const texts = ['=HYPERLINK("http://evil.example","bấm vào")', '+84 912 345 678', '0012', '12/11/2023', 'TRUE', "'a", '-', 'Có'];
    await port.write([{ name: 'T', marker: 'm', values: [texts, [1.5, true, null, 'x', null, null, null, null]] }]);
    expect(dbl.cell('T', 'A1')).toEqual({ value: '=HYPERLINK("http://evil.example","bấm vào")' });
    expect(dbl.cell('T', 'A1')?.formula).toBeUndefined();
    expect(dbl.cell('T', 'B1')?.value).toBe('+84 912 345 678');
    expect(dbl.cell('T', 'C1')?.value).toBe('0012');
    expect(dbl.cell('T', 'D1')?.value).toBe('12/11/2023');
    expect(dbl.cell('T', 'E1')?.value).toBe('TRUE');
    expect(dbl.cell('T', 'F1')?.value).toBe("'a");
    expect(dbl.cell('T', 'A2')?.value).toBe(1.5);
    expect(dbl.cell('T', 'B2')?.value).toBe(true);
    // a string never gets the apostrophe when Excel would keep it as text anyway
    expect(needsTextGuard('Có')).toBe(false);
    expect(needsTextGuard('Không áp dụng')).toBe(false);
    expect(needsTextGuard('1.1')).toBe(true);
  });

  test('reads formulas, errors, dates and percentages as the engine expects', async () => {
    const dbl = new ExcelDouble();
    const s = dbl.setSheet('Số liệu', [['Ngày', 'Tỷ lệ', 'Tổng', 'Lỗi']], {});
    s.cells.set('1,0', { value: 45245, numberFormat: 'dd/mm/yyyy' }); // 15/11/2023
    s.cells.set('1,1', { value: 0.875, numberFormat: '0.0%' });
    s.cells.set('1,2', { value: 3, formula: '=SUM(E2:F2)' });
    s.cells.set('1,3', { value: '#DIV/0!', formula: '=1/0', error: true });
    const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
    const [snap] = await port.read(['Số liệu']);
    expect(snap?.values[1]).toEqual(['2023-11-15', 0.875, 3]);
    expect(snap?.dates).toEqual({ A2: true });
    expect(snap?.formats).toEqual({ A2: 'dd/mm/yyyy', B2: '0.0%' });
    expect(snap?.formulas).toEqual({ C2: 'SUM(E2:F2)', D2: '1/0' });
    expect(snap?.errors).toEqual({ D2: '#DIV/0!' });
  });

  test('date formats and serials', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('m/d/yyyy')).toBe(true);
    expect(isDateFormat('[$-vi-VN]d mmmm yyyy')).toBe(true);
    expect(isDateFormat('0.00%')).toBe(false);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('h:mm')).toBe(false);
    expect(isDateFormat('"Ngày" 0')).toBe(false);
    // 45245 days after 30/12/1899 is 15/11/2023; serial 1 is 01/01/1900; 61 is 01/03/1900 (after the fictitious 29/02/1900)
    expect(serialToIsoDate(45245)).toBe('2023-11-15');
    expect(serialToIsoDate(1)).toBe('1900-01-01');
    expect(serialToIsoDate(61)).toBe('1900-03-01');
  });

  test('on ExcelApi 1.8 features of later sets are skipped with a notice, the rest is written', async () => {
    const dbl = new ExcelDouble({ Sheet1: [] }, '1.8');
    const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
    await port.write([{ name: 'R', marker: 'parindex:r', values: [['a', 1]], printArea: 'A1:B1', charts: [{ type: 'column', title: 't', dataRange: 'A1:B1', anchor: 'D1' }] }]);
    expect(port.notices.map((n) => [n.feature, n.version])).toEqual([
      ['printArea', '1.9'],
      ['footerMarker', '1.9'],
    ]);
    expect(dbl.sheet('R')?.printArea).toBeUndefined();
    expect(dbl.sheet('R')?.charts).toHaveLength(1);
    expect(dbl.cell('R', 'B1')?.value).toBe(1);
    const full = new ExcelDouble();
    const port2 = new OfficeJsPort({ run: full.run, isSetSupported: full.isSetSupported });
    await port2.write([{ name: 'R', marker: 'parindex:r', values: [['a']], printArea: 'A1:B1' }]);
    expect(port2.notices).toEqual([]);
    expect(full.sheet('R')?.footer).toBe('parindex:r');
    expect(full.sheet('R')?.printArea).toBe('A1:B1');
  });

  test('Excel failures become located errors: a sheet deleted behind the pane, a too large request, a missing sheet to select', async () => {
    const dbl = new ExcelDouble({ Sheet1: [['x']], 'Số liệu': [['a']] });
    const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
    await port.listSheets();
    dbl.sheets.splice(1, 1); // the user deletes the sheet
    const err = await port.read(['Số liệu']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelPortError);
    expect((err as ExcelPortError).info).toMatchObject({ code: 'excel.notFound', operation: 'read' });
    // the port forgot its sheet list: the next read works again
    await expect(port.read(['Số liệu'])).resolves.toEqual([]);

    const big = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported, syncBudgetBytes: 64 * MB, rangeBudgetBytes: 64 * MB });
    const rows = Array.from({ length: 100000 }, (_, i) => [`dòng số ${i} với một đoạn văn bản dài để vượt giới hạn`, i, i / 3]);
    const tooLarge = await big.write([{ name: 'Lớn', marker: 'm', values: rows }]).catch((e: unknown) => e);
    expect((tooLarge as ExcelPortError).info).toMatchObject({ code: 'excel.payloadTooLarge', operation: 'write', sheet: 'Lớn' });
    // with the default budgets the same write succeeds in several syncs
    dbl.resetStats();
    await port.write([{ name: 'Lớn', marker: 'm', values: rows }]);
    expect(dbl.stats.maxSyncBytes).toBeLessThanOrEqual(SYNC_LIMIT_BYTES);
    expect(dbl.cell('Lớn', 'B100000')?.value).toBe(99999);

    const p = await port.select('Không có', 'A1').catch((e: unknown) => e);
    expect((p as ExcelPortError).info).toMatchObject({ code: 'excel.notFound', operation: 'select', sheet: 'Không có', cell: 'A1' });
  });

  test('select activates the sheet and selects the cell', async () => {
    const dbl = new ExcelDouble({ Sheet1: [['x']], 'Số liệu': [['a']] });
    const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
    await port.select('Số liệu', 'F14');
    expect(dbl.active).toEqual({ sheet: 'Số liệu', cell: 'F14' });
  });
});
