/**
 * Saving appraisals keeps the user's own cells of "Kê khai": a column the user added, a note below
 * the table, a colour and a number format stay exactly as they were; only the appraisal and reason
 * cells of the edited rows change. Through the exceljs port (a file) and the Office.js port (the
 * strict Excel double), whose check of rows moved since the read still refuses a stale save.
 */
import ExcelJS from 'exceljs';
import { applyAppraisals, openMaster, sheetsToRead } from '../../engine';
import { renderMasterInputSheets, type MasterData } from '../../engine/workbook/master';
import type { Framework } from '../../engine/model/framework';
import type { Unit } from '../../engine/model/unit';
import { ExcelJsPort } from '../../files/port';
import { OfficeJsPort } from '../../addin/excel/port';
import { ExcelPortError } from '../../addin/excel/errors';
import { ExcelDouble } from '../addin/excel-double';
import { columnName, parseA1 } from '../../engine/workbook/a1';

const framework = {
  id: 'appraise-save',
  name: 'Bộ tiêu chí thử',
  year: 2025,
  total: 3,
  nodes: [
    {
      code: '1',
      name: 'Chỉ đạo, điều hành',
      children: [
        { code: '1.1', name: 'Ban hành kế hoạch CCHC', max: 1, rule: { kind: 'points' } },
        { code: '1.2', name: 'Báo cáo định kỳ', max: 2, rule: { kind: 'points' } },
      ],
    },
  ],
} as unknown as Framework;

const units: Unit[] = [
  { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
  { code: 'HD', name: 'UBND phường Hạ Đình', kind: 'ward' },
];

const data: MasterData = {
  framework,
  units,
  assessments: [
    { unit: 'KG', criterion: '1.1', self: 1 },
    { unit: 'KG', criterion: '1.2', self: 2, appraisal: [1.5], reason: 'thiếu báo cáo quý II' },
    { unit: 'HD', criterion: '1.1', self: 1 },
  ],
  rounds: [{ round: 'selfAssessment', deadline: '2025-11-30' }],
} as MasterData;

const SHEET = 'Kê khai';

/** Column letter (1-based index) of a key in the hidden key row 3. */
function columnOf(ws: ExcelJS.Worksheet, key: string): number {
  let found = -1;
  ws.getRow(3).eachCell((cell, col) => {
    if (cell.value === key) found = col;
  });
  if (found < 0) throw new Error(`no column ${key}`);
  return found;
}

/** Row (1-based) of a unit × criterion. */
function rowOf(ws: ExcelJS.Worksheet, unit: string, criterion: string): number {
  const u = columnOf(ws, 'unit');
  const c = columnOf(ws, 'criterion');
  for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, u).value === unit && ws.getCell(r, c).value === criterion) return r;
  throw new Error(`no row ${unit} ${criterion}`);
}

/** Every cell of the sheet as JSON of its value and style, by address. */
function cellsOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      out.set(cell.address, JSON.stringify({ v: cell.value, s: cell.style }));
    });
  });
  return out;
}

async function sheetOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET);
  if (!ws) throw new Error('no Kê khai');
  return ws;
}

/** The master as a file, with what a user adds by hand: a column of their own, a note below the table, a colour, a number format. */
async function userMaster(): Promise<{ bytes: Uint8Array; userCol: number }> {
  const port = ExcelJsPort.create();
  await port.write(renderMasterInputSheets(data, { lang: 'vi' }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await port.toBuffer()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET);
  if (!ws) throw new Error('no Kê khai');
  let width = 0;
  ws.getRow(4).eachCell((_, col) => (width = Math.max(width, col)));
  const userCol = width + 1;
  ws.getCell(4, userCol).value = 'Người theo dõi';
  ws.getCell(4, userCol).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell(5, userCol).value = 'chị Lan';
  ws.getCell(6, userCol).value = 0.25;
  ws.getCell(6, userCol).numFmt = '0.0%';
  ws.getCell(7, userCol).value = 'anh Minh';
  ws.getCell(12, userCol).value = 'Ghi chú: HD nộp bổ sung ngày 02/12/2025';
  ws.getCell(12, userCol).font = { italic: true, color: { argb: 'FFC00000' } };
  // a colour on a cell of the table the software does not write
  const self = columnOf(ws, 'self');
  ws.getCell(5, self).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } };
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), userCol };
}

describe('appraisal save through the file port', () => {
  test("the user's column, note, colour and format stay byte for byte; the appraisal cells hold the new values", async () => {
    const { bytes, userCol } = await userMaster();
    const before = await sheetOf(bytes);
    const port = await ExcelJsPort.fromBuffer(bytes);
    const snaps = await port.read(sheetsToRead((await port.listSheets()).map((s) => s.name)));
    const doc = openMaster(snaps, { file: 'master.xlsx' }).doc;
    const r = applyAppraisals(
      doc,
      [
        { unit: 'HD', criterion: '1.1', appraisal: [0.5], reason: 'kế hoạch ban hành muộn' },
        { unit: 'KG', criterion: '1.2', appraisal: [1.5, 1.75], reason: 'đã bổ sung một phần' },
      ],
      'vi',
    );
    expect(r.issues).toEqual([]);
    await port.write(r.sheets);
    const after = await sheetOf(await port.toBuffer());

    const ap1 = columnOf(after, 'appraisal1');
    const ap2 = columnOf(after, 'appraisal2');
    const re1 = columnOf(after, 'reason1');
    const re2 = columnOf(after, 'reason2');
    const hd = rowOf(after, 'HD', '1.1');
    const kg = rowOf(after, 'KG', '1.2');
    expect(after.getCell(hd, ap1).value).toBe(0.5);
    expect(after.getCell(hd, re1).value).toBe('kế hoạch ban hành muộn');
    expect(after.getCell(kg, ap1).value).toBe(1.5);
    expect(after.getCell(kg, ap2).value).toBe(1.75);
    // round 1's reason stays as read; the reason typed goes to the last round
    expect(after.getCell(kg, re1).value).toBe('thiếu báo cáo quý II');
    expect(after.getCell(kg, re2).value).toBe('đã bổ sung một phần');

    // every other cell: value and style as before
    const changed = new Set([after.getCell(hd, ap1).address, after.getCell(hd, re1).address, after.getCell(kg, ap2).address, after.getCell(kg, re2).address]);
    const was = cellsOf(before);
    const now = cellsOf(after);
    for (const [addr, json] of was) if (!changed.has(addr)) expect([addr, now.get(addr)]).toEqual([addr, json]);
    expect(after.getCell(5, userCol).value).toBe('chị Lan');
    expect(after.getCell(6, userCol).numFmt).toBe('0.0%');
    expect(after.getCell(12, userCol).value).toBe('Ghi chú: HD nộp bổ sung ngày 02/12/2025');
    expect(after.getCell(4, userCol).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    // the hidden key row stays hidden
    expect(after.getRow(3).hidden).toBe(true);
  });

  test('a pair without a row gets a new row below the table, above nothing of the user', async () => {
    const { bytes, userCol } = await userMaster();
    const port = await ExcelJsPort.fromBuffer(bytes);
    const snaps = await port.read(sheetsToRead((await port.listSheets()).map((s) => s.name)));
    const doc = openMaster(snaps, { file: 'master.xlsx' }).doc;
    const r = applyAppraisals(doc, [{ unit: 'HD', criterion: '1.2', appraisal: [0], reason: 'không có báo cáo' }], 'vi');
    await port.write(r.sheets);
    const after = await sheetOf(await port.toBuffer());
    // the table ends at row 7: the new row is row 8
    expect(rowOf(after, 'HD', '1.2')).toBe(8);
    expect(after.getCell(8, columnOf(after, 'appraisal1')).value).toBe(0);
    expect(after.getCell(8, columnOf(after, 'reason1')).value).toBe('không có báo cáo');
    expect(after.getCell(8, columnOf(after, 'criterionName')).value).toBe('Báo cáo định kỳ');
    expect(after.getCell(12, userCol).value).toBe('Ghi chú: HD nộp bổ sung ngày 02/12/2025');
    expect(after.getCell(7, userCol).value).toBe('anh Minh');
    // and the master reads it back as an appraisal
    const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
    const reread = openMaster(await back.read((await back.listSheets()).map((s) => s.name))).doc;
    expect(reread.assessments.find((a) => a.unit === 'HD' && a.criterion === '1.2')).toMatchObject({ appraisal: [0], reason: 'không có báo cáo' });
  });

  test('clearing an appraisal clears its cells and nothing else', async () => {
    const { bytes } = await userMaster();
    const port = await ExcelJsPort.fromBuffer(bytes);
    const snaps = await port.read(sheetsToRead((await port.listSheets()).map((s) => s.name)));
    const r = applyAppraisals(openMaster(snaps).doc, [{ unit: 'KG', criterion: '1.2', appraisal: [], reason: '' }], 'vi');
    await port.write(r.sheets);
    const after = await sheetOf(await port.toBuffer());
    const kg = rowOf(after, 'KG', '1.2');
    expect(after.getCell(kg, columnOf(after, 'appraisal1')).value).toBeNull();
    expect(after.getCell(kg, columnOf(after, 'reason1')).value).toBeNull();
    expect(after.getCell(kg, columnOf(after, 'self')).value).toBe(2);
  });
});

describe('a document without the sheet as read', () => {
  test('the sheet is rendered whole, with the typed reason in the last round and round 1\'s reason kept', async () => {
    const { bytes } = await userMaster();
    const port = await ExcelJsPort.fromBuffer(bytes);
    const doc = openMaster(await port.read(sheetsToRead((await port.listSheets()).map((s) => s.name)))).doc;
    const { submissionsSheet, ...extras } = doc.extras;
    expect(submissionsSheet?.name).toBe(SHEET);
    const r = applyAppraisals({ ...doc, extras }, [{ unit: 'KG', criterion: '1.2', appraisal: [1.5, 1.75], reason: 'đã bổ sung một phần' }], 'vi');
    const [sheet] = r.sheets;
    const keys = sheet?.values[2] ?? [];
    const row = sheet?.values.find((v) => v[keys.indexOf('unit')] === 'KG' && v[keys.indexOf('criterion')] === '1.2') ?? [];
    expect(['appraisal1', 'reason1', 'appraisal2', 'reason2'].map((k) => row[keys.indexOf(k)])).toEqual([1.5, 'thiếu báo cáo quý II', 1.75, 'đã bổ sung một phần']);
  });
});

function portOver(dbl: ExcelDouble, now?: () => number): OfficeJsPort {
  return new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported, ...(now ? { now } : {}) });
}

/** The master typed into the Excel double, with a user column right of the table and a note below it. */
async function doubleMaster(now?: () => number): Promise<{ dbl: ExcelDouble; port: OfficeJsPort; userCol: string }> {
  const dbl = new ExcelDouble();
  const port = portOver(dbl, now);
  await port.write(renderMasterInputSheets(data, { lang: 'vi' }));
  const [snap] = await port.read([SHEET]);
  const width = Math.max(...(snap?.values ?? []).map((r) => r?.length ?? 0));
  const userCol = columnName(width);
  dbl.setCell(SHEET, `${userCol}4`, { value: 'Người theo dõi' });
  dbl.setCell(SHEET, `${userCol}5`, { value: 'chị Lan' });
  dbl.setCell(SHEET, `${userCol}6`, { value: 0.25, numberFormat: '0.0%' });
  dbl.setCell(SHEET, `${userCol}12`, { value: 'Ghi chú: HD nộp bổ sung' });
  return { dbl, port, userCol };
}

function colOfKey(dbl: ExcelDouble, key: string): string {
  for (let c = 0; c < 40; c++) if (dbl.cell(SHEET, `${columnName(c)}3`)?.value === key) return columnName(c);
  throw new Error(`no column ${key}`);
}

describe('appraisal save through the Office.js port (Excel double)', () => {
  test("the user's cells stay as they were, the appraisal cells hold the new values", async () => {
    const { dbl, port, userCol } = await doubleMaster();
    const cellsBefore = new Map([...(dbl.sheet(SHEET)?.cells ?? new Map())].map(([a, c]) => [a, JSON.stringify(c)]));
    const stylesBefore = JSON.stringify(dbl.sheet(SHEET)?.styles);
    const snaps = await port.read(sheetsToRead((await port.listSheets()).map((s) => s.name)));
    const doc = openMaster(snaps).doc;
    const hdRow = 5 + doc.assessments.findIndex((a) => a.unit === 'HD' && a.criterion === '1.1');
    expect(hdRow).toBe(7);
    const r = applyAppraisals(doc, [{ unit: 'HD', criterion: '1.1', appraisal: [0.5], reason: 'kế hoạch ban hành muộn' }], 'vi');
    await port.write(r.sheets);
    const ap1 = `${colOfKey(dbl, 'appraisal1')}${hdRow}`;
    const re1 = `${colOfKey(dbl, 'reason1')}${hdRow}`;
    expect(dbl.cell(SHEET, ap1)?.value).toBe(0.5);
    expect(dbl.cell(SHEET, re1)?.value).toBe('kế hoạch ban hành muộn');
    // the double keys its cells by "row,column" (0-based)
    const k = (addr: string): string => {
      const p = parseA1(addr);
      return p ? `${p.row},${p.col}` : addr;
    };
    const cellsAfter = dbl.sheet(SHEET)?.cells;
    for (const [at, json] of cellsBefore) if (at !== k(ap1) && at !== k(re1)) expect([at, JSON.stringify(cellsAfter?.get(at))]).toEqual([at, json]);
    expect(dbl.cell(SHEET, `${userCol}6`)).toEqual({ value: 0.25, numberFormat: '0.0%' });
    expect(dbl.cell(SHEET, `${userCol}12`)?.value).toBe('Ghi chú: HD nộp bổ sung');
    // no style was written anywhere
    expect(JSON.stringify(dbl.sheet(SHEET)?.styles)).toBe(stylesBefore);
  });

  test('rows sorted after an old read: nothing is written (excel.stale), the user cells and the appraisal cells stay', async () => {
    let clock = 0;
    const { dbl, port, userCol } = await doubleMaster(() => clock);
    const snaps = await port.read(sheetsToRead((await port.listSheets()).map((s) => s.name)));
    const r = applyAppraisals(openMaster(snaps).doc, [{ unit: 'HD', criterion: '1.1', appraisal: [0.5] }], 'vi');
    clock += 60_000;
    // the user sorts the table by unit: HD first
    dbl.sortRows(SHEET, 5, 7, 0);
    const e = await port.write(r.sheets).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ExcelPortError);
    expect((e as ExcelPortError).info).toMatchObject({ code: 'excel.stale', sheet: SHEET });
    const ap1 = colOfKey(dbl, 'appraisal1');
    for (const row of [5, 6, 7]) expect(dbl.cell(SHEET, `${ap1}${row}`)?.value ?? null).not.toBe(0.5);
    expect(dbl.cell(SHEET, `${userCol}12`)?.value).toBe('Ghi chú: HD nộp bổ sung');
    // the sort moved the user's cells with their rows (KG 1.1 is row 6 now), the save did not touch them
    expect(dbl.cell(SHEET, `${userCol}6`)?.value).toBe('chị Lan');
  });
});
