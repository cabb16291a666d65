import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { scoreDocument } from '../../engine';
import { renderMasterInputSheets, type MasterData } from '../../engine/workbook/master';
import { ExcelJsPort } from '../../files/port';
import { saveXlsxAtomically } from '../../files/node';
import { scoreWorkbookFile, validateMasterFile, defaultResultsPath } from '../../files/scoreWorkbook';
import { main } from '../../cli/main';
import type { CliIO } from '../../cli/io';
import { smallFramework, smallUnits } from './helpers';
import { hasOpenpyxl, hasSoffice, requireTool, run, sha256 } from './tools';

const HYPERLINK = '=HYPERLINK("http://example.com","bấm vào đây")';

const data: MasterData = {
  framework: smallFramework,
  units: smallUnits,
  assessments: [
    { unit: 'KG', criterion: '1.1', value: 'Có', self: 2, evidence: HYPERLINK },
    { unit: 'KG', criterion: '1.2', value: 2.5, self: 3, appraisal: [2, 2.5], reason: 'bổ sung tài liệu' },
    { unit: 'KG', criterion: '2.1', value: 'Không', self: 1, explanation: '+cmd|/C calc' },
    { unit: 'HD', criterion: '1.1', value: 'Không', self: 0, appraisal: [0], reason: '@SUM(A1:A2)' },
    { unit: 'HD', criterion: '1.2', self: 3 },
    { unit: 'HD', criterion: '2.1', value: 'Có', self: 4 },
  ],
  survey: { indices: { KG: { II: 80 }, HD: { II: 95 } } },
  previous: [
    { unit: 'KG', index: 88.2, rank: 2 },
    { unit: 'HD', index: 91.5, rank: 1 },
  ],
};

/** The equivalent JSON scoring document. */
const jsonDoc = {
  framework: smallFramework,
  units: smallUnits,
  assessments: data.assessments,
  previous: data.previous,
  surveyIndices: { KG: { II: 80 }, HD: { II: 95 } },
};

function bufferIO(): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', isTTY: false, stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

let dir: string;
let master: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parindex-score-'));
  master = path.join(dir, 'master.xlsx');
  const port = ExcelJsPort.create();
  await port.write(renderMasterInputSheets(data));
  expect(await saveXlsxAtomically(port, master)).toEqual([]);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('parindex score master.xlsx', () => {
  let out: string;
  let before: string;
  let res: Awaited<ReturnType<typeof scoreWorkbookFile>>;

  beforeAll(async () => {
    out = path.join(dir, 'results.xlsx');
    before = sha256(master);
    res = await scoreWorkbookFile(master, { lang: 'vi', out });
  });

  test('scores from the workbook equal scoreDocument on the equivalent JSON document', () => {
    const direct = scoreDocument(jsonDoc, { lang: 'vi' });
    expect(direct.ok).toBe(true);
    expect(res.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(res.results?.units).toEqual(direct.results.units);
    // Hand check of KG: 1.1 Có → 2/2; 1.2 appraisal round 2 → 2,5/3; 2.1 "Không" with no = 0.25 → 1/4;
    // 2.2 survey 80% of 1 → 0,8. Total 6,3 of 10 → index 63.
    const kg = res.results?.units.find((u) => u.code === 'KG');
    expect(kg?.score).toBeCloseTo(6.3, 12);
    expect(kg?.index).toBeCloseTo(63, 12);
  });

  test('the input file is byte-identical after score and validate; the default output sits beside it', async () => {
    await validateMasterFile(master, 'vi');
    expect(sha256(master)).toBe(before);
    expect(res.outPath).toBe(out);
    expect(defaultResultsPath(master)).toBe(path.join(dir, 'master-ket-qua.xlsx'));
  });

  test('refuses to write over its input', async () => {
    const r = await scoreWorkbookFile(master, { lang: 'vi', out: master });
    expect(r.issues.map((i) => i.code)).toContain('cli.sameFile');
    expect(r.outPath).toBeUndefined();
    expect(sha256(master)).toBe(before);
  });

  test('output sheets exist, inputs are kept, computed columns hold final points; user text stays text (exceljs)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    for (const n of ['Bộ tiêu chí', 'Đơn vị', 'Kê khai', 'Tổng hợp', 'Kết quả', 'Xếp hạng', 'Điểm bị trừ', 'Kiểm tra dữ liệu']) expect(names).toContain(n);
    const ke = wb.getWorksheet('Kê khai');
    if (!ke) throw new Error('no Kê khai');
    const keys = (ke.getRow(3).values as ExcelJS.CellValue[]).map((v) => (typeof v === 'string' ? v : ''));
    const col = (k: string): number => keys.indexOf(k);
    expect(col('out_points')).toBeGreaterThan(0);
    // row 5 = KG 1.1: evidence is the HYPERLINK text, as a string
    const ev = ke.getCell(5, col('evidence')).value;
    expect(ev).toBe(HYPERLINK);
    expect(ke.getCell(5, col('out_points')).value).toBe(2);
    // row 6 = KG 1.2: appraisal round 2 gives 2.5 of 3 → 0.5 lost
    expect(ke.getCell(6, col('out_points')).value).toBe(2.5);
    expect(ke.getCell(6, col('out_lost')).value).toBe(0.5);
    expect(ke.getCell(6, col('out_source')).value).toBe('Thẩm định lần 2');
    let formulas = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.type === ExcelJS.ValueType.Formula && formulas++))));
    expect(formulas).toBe(0);
    // "Xếp hạng": HD (index 95.75?) — check against the results document
    const rk = wb.getWorksheet('Xếp hạng');
    const rows: (string | number)[][] = [];
    rk?.eachRow((r) => rows.push((r.values as ExcelJS.CellValue[]).slice(1).map((v) => (typeof v === 'number' || typeof v === 'string' ? v : ''))));
    for (const u of res.results?.units ?? []) {
      const row = rows.find((r) => r[1] === u.code);
      expect(row?.[3]).toBe(u.index);
      expect(row?.[0]).toBe(u.rank);
    }
  });

  test('openpyxl sees no formula in any cell (user text with = + @ stays text)', () => {
    if (!requireTool('python3-openpyxl', hasOpenpyxl())) return;
    const py = `
import openpyxl, json, sys
wb = openpyxl.load_workbook(sys.argv[1])
f = [(ws.title, c.coordinate) for ws in wb for row in ws.iter_rows() for c in row if c.data_type == 'f']
ke = wb['Kê khai']
texts = [c.value for row in ke.iter_rows() for c in row if isinstance(c.value, str) and c.value != '' and c.value[0] in '=+@']
print(json.dumps({'formulas': f, 'texts': texts}))
`;
    const outJson = JSON.parse(run('/usr/bin/python3', ['-c', py, out])) as { formulas: string[]; texts: string[] };
    expect(outJson.formulas).toEqual([]);
    expect(outJson.texts.sort()).toEqual([HYPERLINK, '+cmd|/C calc', '@SUM(A1:A2)'].sort());
  });

  test('LibreOffice opens results.xlsx and its values match', () => {
    // one conversion at a time, with a fresh profile so a running office instance cannot lock it
    if (!requireTool('soffice (LibreOffice)', hasSoffice())) return;
    const csvDir = path.join(dir, 'csv');
    fs.mkdirSync(csvDir);
    const profile = path.join(dir, 'lo-profile');
    run('soffice', [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      csvDir,
      out,
    ]);
    const file = fs.readdirSync(csvDir).find((f) => f.includes('Xếp hạng') || f.normalize('NFC').includes('Xếp hạng'));
    expect(file).toBeDefined();
    const text = fs.readFileSync(path.join(csvDir, file ?? ''), 'utf8');
    const lines = text.split(/\r?\n/).map((l) => l.split(','));
    for (const u of res.results?.units ?? []) {
      const line = lines.find((l) => l[1] === u.code);
      expect(line).toBeDefined();
      expect(Number(line?.[3])).toBeCloseTo(u.index, 9);
      expect(Number(line?.[0])).toBe(u.rank);
    }
  }, 180_000);

  test('a hand edit of a computed column is overwritten with a warning', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ke = wb.getWorksheet('Kê khai');
    if (!ke) throw new Error('no Kê khai');
    const keys = (ke.getRow(3).values as ExcelJS.CellValue[]).map((v) => (typeof v === 'string' ? v : ''));
    ke.getCell(6, keys.indexOf('out_points')).value = 3;
    const edited = path.join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const again = path.join(dir, 'again.xlsx');
    const r = await scoreWorkbookFile(edited, { lang: 'vi', out: again });
    const w = r.issues.filter((i) => i.code === 'workbook.outputEdited');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', sheet: 'Kê khai', unit: 'KG', criterion: '1.2' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(again);
    expect(wb2.getWorksheet('Kê khai')?.getCell(6, keys.indexOf('out_points')).value).toBe(2.5);
    // a third run over unedited output raises no warning
    const third = await scoreWorkbookFile(again, { lang: 'vi', out: path.join(dir, 'third.xlsx') });
    expect(third.issues.filter((i) => i.code === 'workbook.outputEdited')).toEqual([]);
  });
});

describe('owned sheets from an earlier run', () => {
  test('a stale owned sheet this run does not produce is replaced by a note', async () => {
    const stale = path.join(dir, 'stale.xlsx');
    const port = ExcelJsPort.create();
    await port.write([...renderMasterInputSheets(data), { name: 'SIPAS', marker: 'parindex:sipas', values: [['cũ'], [99.9]] }]);
    await saveXlsxAtomically(port, stale);
    const out = path.join(dir, 'stale-out.xlsx');
    const r = await scoreWorkbookFile(stale, { lang: 'vi', out });
    expect(r.outPath).toBe(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('SIPAS');
    expect(ws?.getCell('A1').value).toBe('Không có dữ liệu cho trang này trong lần tính điểm gần nhất.');
    expect(ws?.getCell('A2').value).toBeNull();
  });
});

describe('CLI: parindex score / validate on workbooks', () => {
  test('score master.xlsx --out writes the results and exits 0', async () => {
    const io = bufferIO();
    const out = path.join(dir, 'cli-results.xlsx');
    const code = await main(['score', master, '--out', out], io);
    expect(io.err).toContain('cli-results.xlsx');
    expect(code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(io.out).toContain('UBND phường Kim Giang');
  });

  test('score --json prints the results document and writes no file', async () => {
    const io = bufferIO();
    const code = await main(['score', master, '--json'], io);
    expect(code).toBe(0);
    const parsed = JSON.parse(io.out) as { units: { code: string }[] };
    expect(parsed.units.map((u) => u.code).sort()).toEqual(['HD', 'KG']);
    expect(fs.existsSync(defaultResultsPath(master))).toBe(false);
  });

  test('validate: a valid master exits 0', async () => {
    const io = bufferIO();
    const code = await main(['validate', master], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toContain('hợp lệ');
  });

  test('validate: a broken master exits 1 and lists every issue, located', async () => {
    const broken = path.join(dir, 'broken.xlsx');
    const bad: MasterData = {
      ...data,
      assessments: [
        { unit: 'KG', criterion: '1.1', value: 'Đã làm', self: 2 },
        { unit: 'XX', criterion: '1.1', value: 'Có' },
        { unit: 'HD', criterion: '1.2', self: 7 },
      ],
    };
    const port = ExcelJsPort.create();
    await port.write(renderMasterInputSheets(bad));
    await saveXlsxAtomically(port, broken);
    const io = bufferIO();
    const code = await main(['validate', broken, '--lang', 'en'], io);
    expect(code).toBe(1);
    const lines = io.err.trim().split('\n');
    expect(lines).toEqual([
      "File 'broken.xlsx', sheet 'Kê khai'!A6 (unit XX, criterion 1.1): Unit code \"XX\" is not in the units sheet",
      "File 'broken.xlsx', sheet 'Kê khai'!H7 (unit HD, criterion 1.2): Points 7 exceed the maximum 3",
      expect.stringMatching(/^File 'broken.xlsx', sheet 'Kê khai'!F5 \(unit KG, criterion 1\.1\): .*Đã làm/),
    ]);
  });

  test('validate: a workbook that is neither a master nor a template exits 1', async () => {
    const other = path.join(dir, 'other.xlsx');
    const port = ExcelJsPort.create();
    await port.write([{ name: 'Sheet1', marker: 'x', values: [['a', 'b']] }]);
    await saveXlsxAtomically(port, other);
    const io = bufferIO();
    expect(await main(['validate', other], io)).toBe(1);
    expect(io.err).toContain('other.xlsx');
  });

  test('usage errors exit 2', async () => {
    expect(await main(['validate'], bufferIO())).toBe(2);
    expect(await main(['demo', 'extra'], bufferIO())).toBe(2);
  });
});
