/**
 * The reading and import side of issue 12 (hardening-2): a stray cell far down or far right of a
 * master sheet, text longer than a cell holds, numbers with a decimal comma, workbooks told by
 * their content, dates before 1900, two files of one unit, a template of another round. Files are
 * made at test time from the corpus's valid master and template (test/fixtures/bad); the corpus
 * entries for the same classes are replayed by corpus.test.ts.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { issue, maxOf, minOf, pushAll, t, widestRow, type Issue } from '../../engine';
import { MAX_LISTED_ISSUES, renderIssuesSheet } from '../../engine/workbook/output';
import { importFilled, validateTemplateFile } from '../../files/import';
import { openXlsxFile, saveXlsxAtomically, sniffWorkbookBytes, MAX_XLSX_BYTES } from '../../files/node';
import { ExcelJsPort } from '../../files/port';
import { validateMasterFile } from '../../files/scoreWorkbook';
import { listAll, looksLikeCrash, runCli, sha256, tmpDir } from './helpers';

const BAD = path.resolve(__dirname, '../fixtures/bad');
const MASTER = path.join(BAD, 'masters/_valid-master.xlsx');
const TEMPLATE = path.join(BAD, 'templates/_valid-KG.xlsx');
const SUB = 'Kê khai';
const SELF = 'Tự đánh giá';

type Picked = Pick<Issue, 'code' | 'severity'> & Partial<Pick<Issue, 'file' | 'sheet' | 'cell' | 'unit' | 'criterion'>>;
const pick = (i: Issue): Picked => {
  const out: Picked = { code: i.code, severity: i.severity };
  for (const k of ['file', 'sheet', 'cell', 'unit', 'criterion'] as const) if (i[k] !== undefined) out[k] = i[k];
  return out;
};

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Column (1-based) of a header or key in row `row`. */
function col(ws: ExcelJS.Worksheet, row: number, name: string): number {
  for (let c = 1; c <= ws.columnCount; c++) if (String(ws.getCell(row, c).value ?? '') === name) return c;
  throw new Error(`no column ${name} in ${ws.name}`);
}

/** Row (1-based) of the Kê khai line of a unit and criterion. */
function subRow(ws: ExcelJS.Worksheet, unit: string, criterion: string): number {
  const cu = col(ws, 4, 'Mã đơn vị');
  const cc = col(ws, 4, 'Mã tiêu chí');
  for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, cu).value === unit && ws.getCell(r, cc).value === criterion) return r;
  throw new Error(`no row ${unit} ${criterion}`);
}

/** Row (1-based) of a criterion in the template's self-assessment sheet. */
function tplRow(ws: ExcelJS.Worksheet, code: string): number {
  for (let r = 6; r <= ws.rowCount; r++) if (String(ws.getCell(r, 1).value ?? '') === code) return r;
  throw new Error(`no template row ${code}`);
}

/** The template with one declared value (column key `value`) changed. */
async function templateWith(dir: string, name: string, edits: { code: string; key?: string; value: ExcelJS.CellValue; numFmt?: string }[], meta: Record<string, string> = {}, saved?: Date): Promise<string> {
  const wb = await load(TEMPLATE);
  const ws = sheet(wb, SELF);
  for (const e of edits) {
    const cell = ws.getCell(tplRow(ws, e.code), col(ws, 4, e.key ?? 'value'));
    cell.value = e.value;
    if (e.numFmt) cell.numFmt = e.numFmt;
  }
  const m = sheet(wb, '_meta');
  for (let r = 1; r <= 20; r++) {
    const k = String(m.getCell(r, 1).value ?? '');
    if (k in meta) m.getCell(r, 2).value = meta[k] ?? '';
  }
  if (saved) wb.modified = saved;
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

let dir: string;
beforeAll(async () => {
  dir = await tmpDir('reading');
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('a stray cell far down or far right of a master sheet', () => {
  test('row 1,000,000 of Kê khai: read as one row (not a million), validate and score agree, the results keep the cell', async () => {
    const wb = await load(MASTER);
    sheet(wb, SUB).getCell(1_000_000, 30).value = 'ghi chú lạc';
    const file = path.join(dir, 'stray-1m.xlsx');
    await wb.xlsx.writeFile(file);
    const before = await sha256(file);

    const opened = await openXlsxFile(file);
    const [snap] = (await opened.port?.read([SUB])) ?? [];
    let present = 0;
    snap?.values.forEach(() => present++);
    expect(snap?.values.length).toBe(1_000_000);
    expect(present).toBeLessThan(20); // the rows the file holds, not the sheet's extent
    expect(snap?.values[999_999]?.[29]).toBe('ghi chú lạc');

    const v = await validateMasterFile(file, 'vi');
    expect(v.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const out = path.join(dir, 'stray-1m-ket-qua.xlsx');
    const r = await runCli(['score', file, '--out', out]);
    expect(looksLikeCrash(r.stderr)).toBe(false);
    expect(r.code).toBe(0);
    const again = await load(out);
    const ws = sheet(again, SUB);
    expect(ws.getCell(1_000_000, 30).value).toBe('ghi chú lạc');
    // the computed columns are written and styled on the table's rows only
    let rows = 0;
    ws.eachRow(() => rows++);
    expect(rows).toBeLessThan(20);
    expect(await sha256(file)).toBe(before);
  });

  test('a value in column XFD of a table row of a master without result columns: no room for them, said at that cell by validate and score', async () => {
    const wb = await load(MASTER);
    const ws = sheet(wb, SUB);
    // a master made by hand: no computed columns yet (score adds them right of everything)
    ws.spliceColumns(col(ws, 3, 'out_points'), 5);
    const r = subRow(ws, 'KG', '1.2');
    ws.getCell(r, 16_384).value = 'x';
    const file = path.join(dir, 'far-right.xlsx');
    await wb.xlsx.writeFile(file);
    const want = { code: 'workbook.noRoomForOutputs', severity: 'error', file: 'far-right.xlsx', sheet: SUB, cell: `XFD${r}` };
    expect((await validateMasterFile(file, 'vi')).issues.map(pick)).toContainEqual(want);
    const s = await runCli(['score', file, '--json']);
    expect(looksLikeCrash(s.stderr)).toBe(false);
    expect(s.code).toBe(1);
    expect((JSON.parse(s.stdout) as { issues: Issue[] }).issues.map(pick)).toContainEqual(want);
  });

  test('a million faulty rows make no million-row data-check sheet: the first 20,000 issues are listed, the rest counted', () => {
    const many = Array.from({ length: MAX_LISTED_ISSUES + 5_000 }, (_, i) => issue('workbook.missingValue', { column: 'Mã tiêu chí' }, { file: 'm.xlsx', sheet: SUB, cell: `C${i + 5}`, unit: 'KG' }));
    const sheetOut = renderIssuesSheet(many, { lang: 'vi', target: 90 });
    const rows: string[] = [];
    sheetOut.values.forEach((r) => rows.push(String(r[6] ?? '')));
    expect(rows.filter((m) => m.startsWith('Thiếu giá trị'))).toHaveLength(MAX_LISTED_ISSUES);
    expect(rows[rows.length - 1]).toBe(t('workbook.issuesNotListed', { count: 5_000, listed: MAX_LISTED_ISSUES }, 'vi'));
    expect(rows[rows.length - 1]).toContain('5.000');
  });

  test('lists of 300,000 items are appended and measured without spreading them into a call', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i);
    expect(pushAll([-1], many)).toHaveLength(300_001);
    expect(maxOf(many)).toBe(299_999);
    expect(minOf(many)).toBe(0);
    expect(maxOf([], 0)).toBe(0);
    const sparse: number[][] = [];
    sparse[500_000] = [1, 2, 3];
    sparse[3] = [1];
    expect(widestRow(sparse)).toBe(3);
  });
});

describe('text longer than a cell holds (32,767 characters)', () => {
  const LONG = 'Biên bản kiểm tra. '.repeat(2_200); // 41,800 characters

  test('in a filled template: refused at its cell; the import brings nothing of the row in and writes a master that opens', async () => {
    const file = await templateWith(dir, 'tu-danh-gia-KG.xlsx', [{ code: '1.3', key: 'evidence', value: LONG }]);
    const checked = await validateTemplateFile(file, 'vi');
    const hit = checked.issues.find((i) => i.code === 'template.textTooLong');
    expect(hit).toMatchObject({ severity: 'error', sheet: SELF, unit: 'KG', criterion: '1.3' });
    const out = path.join(dir, 'long-master.xlsx');
    const r = await importFilled(MASTER, [file], out, { lang: 'vi', now: '2023-11-29T08:00' });
    expect(r.issues.map((i) => i.code)).toContain('template.textTooLong');
    expect(r.assessments.some((a) => (a.evidence ?? '').length > 32_767)).toBe(false);
    const reopened = await openXlsxFile(out);
    expect(reopened.issues).toEqual([]);
  });

  test('in a master: refused at its cell by validate', async () => {
    const wb = await load(MASTER);
    const ws = sheet(wb, SUB);
    const r = subRow(ws, 'KG', '1.3');
    const c = col(ws, 4, 'Tài liệu kiểm chứng');
    ws.getCell(r, c).value = LONG;
    const file = path.join(dir, 'long-text-master.xlsx');
    await wb.xlsx.writeFile(file);
    const issues = (await validateMasterFile(file, 'vi')).issues.map(pick);
    expect(issues).toContainEqual({ code: 'workbook.textTooLong', severity: 'error', file: 'long-text-master.xlsx', sheet: SUB, cell: ws.getCell(r, c).address });
  });

  test('the writer never puts more than 32,767 characters in a cell (composed text is cut, ending in …)', async () => {
    const port = ExcelJsPort.create();
    await port.write([{ name: 'S', marker: 'test', values: [['a', LONG]] }]);
    const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
    const [s] = await back.read(['S']);
    const v = s?.values[0]?.[1];
    expect(typeof v === 'string' ? v.length : 0).toBe(32_767);
    expect(typeof v === 'string' && v.endsWith('…')).toBe(true);
  });

  test('a workbook parindex could not open again (over 20 MB) is not written: file.outputUnreadable, nothing on disk', async () => {
    const big = new Uint8Array(MAX_XLSX_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const port = { toBuffer: async (): Promise<Uint8Array> => big } as unknown as ExcelJsPort;
    const out = path.join(dir, 'too-big', 'master-moi.xlsx');
    const issues = await saveXlsxAtomically(port, out);
    expect(issues.map(pick)).toEqual([{ code: 'file.outputUnreadable', severity: 'error', file: 'master-moi.xlsx' }]);
    expect(await listAll(path.dirname(out))).toEqual([]);
  });
});

describe('numbers: in Vietnamese writing a comma marks the decimals', () => {
  test('"87,125" in a rate cell is 87.125 (not 87,125 thousand), with a warning at the cell', async () => {
    const file = await templateWith(dir, 'tu-danh-gia-KG.xlsx', [{ code: '1.4', value: '87,125' }]);
    const checked = await validateTemplateFile(file, 'vi');
    expect(checked.issues.map(pick)).toEqual([expect.objectContaining({ code: 'template.ambiguousNumber', severity: 'warning', sheet: SELF, unit: 'KG', criterion: '1.4' })]);
    const r = await importFilled(MASTER, [file], path.join(dir, 'comma.xlsx'), { lang: 'vi', now: '2023-11-29T08:00' });
    expect(r.assessments.find((a) => a.unit === 'KG' && a.criterion === '1.4')?.value).toBe(87.125);
  });

  test('"0,250" reads 0.25 with no warning (a leading zero leaves one reading)', async () => {
    const file = await templateWith(dir, 'tu-danh-gia-KG.xlsx', [{ code: '1.4', value: '0,250' }]);
    const r = await importFilled(MASTER, [file], path.join(dir, 'zero.xlsx'), { lang: 'vi', now: '2023-11-29T08:00' });
    expect(r.issues.filter((i) => i.code === 'template.ambiguousNumber')).toEqual([]);
    expect(r.assessments.find((a) => a.unit === 'KG' && a.criterion === '1.4')?.value).toBe(0.25);
  });

  test('"87.125" in a rate cell (87 125 % the Vietnamese way) is refused at its cell rather than scored as full points', async () => {
    const file = await templateWith(dir, 'tu-danh-gia-KG.xlsx', [{ code: '1.4', value: '87.125' }]);
    const checked = await validateTemplateFile(file, 'vi');
    const hit = checked.issues.find((i) => i.code === 'template.ambiguousRate');
    expect(hit).toMatchObject({ severity: 'error', sheet: SELF, unit: 'KG', criterion: '1.4' });
    expect(hit?.params).toMatchObject({ read: 87_125, other: 87.125 });
  });

  test('"1.250" typed as a self-score in a master: read 1250 the Vietnamese way, the warning names the cell', async () => {
    const wb = await load(MASTER);
    const ws = sheet(wb, SUB);
    const r = subRow(ws, 'KG', '1.6');
    const c = col(ws, 4, 'Điểm tự chấm');
    ws.getCell(r, c).value = '1.250';
    const file = path.join(dir, 'ambiguous-master.xlsx');
    await wb.xlsx.writeFile(file);
    const issues = (await validateMasterFile(file, 'vi')).issues.map(pick);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'workbook.ambiguousNumber', severity: 'warning', sheet: SUB, cell: ws.getCell(r, c).address }));
  });
});

describe('dates before 1900', () => {
  test.each([
    ['31/12/1899', '31/12/1899'],
    ['serial −5 in a date cell', -5],
  ])('%s as a completion date in a template: refused at its cell', async (_name, value) => {
    const file = await templateWith(dir, 'tu-danh-gia-KG.xlsx', [{ code: '1.5', value, numFmt: 'dd/mm/yyyy' }]);
    const checked = await validateTemplateFile(file, 'vi');
    expect(checked.issues.map(pick)).toContainEqual(expect.objectContaining({ code: 'template.dateOutOfRange', severity: 'error', sheet: SELF, unit: 'KG', criterion: '1.5' }));
  });

  test('a submission date of serial −5 in a master (read by exceljs as 25/12/1899): refused at its cell', async () => {
    const wb = await load(MASTER);
    const ws = sheet(wb, SUB);
    const r = subRow(ws, 'KG', '1.5');
    const c = col(ws, 4, 'Ngày nộp');
    ws.getCell(r, c).value = -5;
    ws.getCell(r, c).numFmt = 'dd/mm/yyyy';
    const file = path.join(dir, 'date-1899-master.xlsx');
    await wb.xlsx.writeFile(file);
    const issues = (await validateMasterFile(file, 'vi')).issues.map(pick);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'workbook.dateOutOfRange', severity: 'error', sheet: SUB, cell: ws.getCell(r, c).address, unit: 'KG', criterion: '1.5' }));
  });
});

describe('workbooks are told by their content, whatever their name', () => {
  /** An encrypted workbook (OLE2, 4,096-byte sectors) whose directory lies past `offset` bytes. */
  function encryptedWithDirectoryAt(offset: number): Uint8Array {
    const size = 4096;
    const dirSector = Math.ceil(offset / size);
    const bytes = new Uint8Array((dirSector + 2) * size);
    const view = new DataView(bytes.buffer);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    view.setUint16(24, 0x3e, true);
    view.setUint16(26, 4, true); // version 4: 4,096-byte sectors
    view.setUint16(28, 0xfffe, true);
    view.setUint16(30, 12, true);
    view.setUint32(44, 1, true); // one FAT sector
    view.setUint32(48, dirSector, true); // first directory sector
    view.setUint32(56, 4096, true);
    view.setUint32(60, 0xfffffffe, true);
    view.setUint32(68, 0xfffffffe, true);
    for (let i = 0; i < 109; i++) view.setUint32(76 + 4 * i, i === 0 ? 0 : 0xffffffff, true);
    // FAT (sector 0): itself, free sectors, the directory's end of chain
    const fat = size;
    for (let s = 0; s < size / 4; s++) view.setUint32(fat + 4 * s, s === 0 ? 0xfffffffd : s === dirSector ? 0xfffffffe : 0xffffffff, true);
    const dirAt = (dirSector + 1) * size;
    ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
      for (let k = 0; k < name.length; k++) view.setUint16(dirAt + i * 128 + 2 * k, name.charCodeAt(k), true);
      view.setUint16(dirAt + i * 128 + 64, (name.length + 1) * 2, true);
      bytes[dirAt + i * 128 + 66] = i === 0 ? 5 : 2;
    });
    return bytes;
  }

  test('an encrypted workbook whose directory lies past the first megabyte is encrypted, not a renamed .xls', async () => {
    const bytes = encryptedWithDirectoryAt(1_300_000);
    expect(sniffWorkbookBytes(bytes)).toBe('ole2');
    const file = path.join(dir, 'mat-khau.xlsx');
    await fsp.writeFile(file, bytes);
    expect((await openXlsxFile(file)).issues.map(pick)).toEqual([{ code: 'file.encrypted', severity: 'error', file: 'mat-khau.xlsx' }]);
  });

  test('an .ods given to score is said to be an .ods (not read as JSON)', async () => {
    const file = path.join(dir, 'bang-tinh.ods');
    await fsp.copyFile(path.join(BAD, 'files/calc.xlsx'), file);
    const r = await runCli(['score', file]);
    expect(looksLikeCrash(r.stderr)).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('OpenDocument');
    expect(r.stderr).not.toContain('JSON');
  });

  test('an .xlsm that is a valid OOXML workbook is scored as an .xlsx; the results are name-ket-qua.xlsx', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await fsp.readFile(MASTER));
    const ct = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    zip.file('[Content_Types].xml', ct.replace('spreadsheetml.sheet.main+xml', 'sheet.macroEnabled.main+xml').replace('application/vnd.openxmlformats-officedocument.sheet.macroEnabled', 'application/vnd.ms-excel.sheet.macroEnabled'));
    const sub = path.join(dir, 'xlsm');
    await fsp.mkdir(sub);
    const file = path.join(sub, 'tong-hop.xlsm');
    await fsp.writeFile(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const r = await runCli(['score', file]);
    expect(looksLikeCrash(r.stderr)).toBe(false);
    expect(r.code).toBe(0);
    expect(await listAll(sub)).toEqual(['tong-hop-ket-qua.xlsx', 'tong-hop.xlsm']);
  });
});

describe('two files of one unit in one import', () => {
  test('the one saved last is imported, whatever the order on the command line; a warning names both', async () => {
    const sub = path.join(dir, 'two');
    await fsp.mkdir(sub);
    const older = await templateWith(sub, 'tu-danh-gia-KG.xlsx', [{ code: '1.4', value: 81 }], {}, new Date('2023-11-20T02:00:00Z'));
    const newer = await templateWith(sub, 'tu-danh-gia-KG (sửa).xlsx', [{ code: '1.4', value: 92 }], {}, new Date('2023-11-27T02:00:00Z'));
    for (const order of [[older, newer], [newer, older]]) {
      const r = await importFilled(MASTER, order, path.join(dir, 'two-out.xlsx'), { lang: 'vi', now: '2023-11-29T08:00' });
      expect(r.assessments.find((a) => a.unit === 'KG' && a.criterion === '1.4')?.value).toBe(92);
      const warned = r.issues.filter((i) => i.code === 'import.olderVersion');
      expect(warned.map(pick)).toEqual([{ code: 'import.olderVersion', severity: 'warning', file: 'tu-danh-gia-KG.xlsx', unit: 'KG' }]);
      expect(warned[0]?.params).toMatchObject({ newer: 'tu-danh-gia-KG (sửa).xlsx' });
      expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
  });
});

describe('a template of another round', () => {
  test('last year’s deadline in its metadata: refused as from another round, naming the file and both deadlines; nothing imported even with --accept-valid-rows', async () => {
    // the master holds KG's 1.4 = 81; last year's file says 92
    const file = await templateWith(dir, 'tu-danh-gia-KG.xlsx', [{ code: '1.4', value: 92 }], { deadline: '2022-11-30' });
    const r = await importFilled(MASTER, [file], path.join(dir, 'round.xlsx'), { lang: 'vi', now: '2023-11-29T08:00', acceptValidRows: true });
    const hit = r.issues.find((i) => i.code === 'template.otherRound');
    expect(hit).toMatchObject({ severity: 'error', file: 'tu-danh-gia-KG.xlsx', sheet: '_meta', unit: 'KG' });
    expect(hit?.params).toMatchObject({ file: 'tu-danh-gia-KG.xlsx', found: { vi: '30/11/2022' }, expected: { vi: '30/11/2023' } });
    expect(r.assessments.find((a) => a.unit === 'KG' && a.criterion === '1.4')?.value).toBe(81);
    expect(r.log).toEqual([]);
    expect(r.units.find((u) => u.unit === 'KG')?.status).toBe('rejected');
    // with the master, validate says the same
    const v = await validateTemplateFile(file, 'vi', { masterPath: MASTER });
    expect(v.issues.map((i) => i.code)).toContain('template.otherRound');
  });

  test('another criteria-set year in its metadata: refused as from another round', async () => {
    const file = await templateWith(dir, 'tu-danh-gia-KG.xlsx', [], { frameworkYear: '2022' });
    const r = await importFilled(MASTER, [file], path.join(dir, 'year.xlsx'), { lang: 'vi', now: '2023-11-29T08:00' });
    expect(r.issues.find((i) => i.code === 'template.otherRound')?.params).toMatchObject({ found: '2022', expected: '2023' });
  });

  test('a deadline moved by a week is the same round: imported', async () => {
    const file = await templateWith(dir, 'tu-danh-gia-KG.xlsx', [{ code: '1.4', value: 92 }], { deadline: '2023-12-07' });
    const r = await importFilled(MASTER, [file], path.join(dir, 'moved.xlsx'), { lang: 'vi', now: '2023-11-29T08:00' });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.assessments.find((a) => a.unit === 'KG' && a.criterion === '1.4')?.value).toBe(92);
  });
});
