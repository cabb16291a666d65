/**
 * One round, one code path: the same master scored through the CLI's file host, the standalone
 * page's path (exceljs port in memory + the pane's recompute) and the Excel port (Office.js over the
 * Excel double) gives cell-identical result sheets.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import { runDemo } from '../../files/demo/run';
import { scoreWorkbookFile } from '../../files/scoreWorkbook';
import { ExcelJsPort } from '../../files/port';
import { OfficeJsPort } from '../../addin/excel/port';
import { recompute } from '../../addin/taskpane/recompute';
import { masterPipeline } from '../../addin/taskpane/worker-client';
import { isoToSerial } from '../../engine/workbook/master';
import { a1 } from '../../engine/workbook/a1';
import type { SheetSnapshot } from '../../engine/workbook/port';
import { chartParts, owned } from './compare';
import { ExcelDouble } from '../addin/excel-double';

const AS_OF = '2023-12-15';
let dir = '';
let master = '';
let cli: SheetSnapshot[] = [];
let cliBytes: Uint8Array = new Uint8Array();

async function readAll(port: { listSheets(): Promise<{ name: string }[]>; read(n: readonly string[]): Promise<SheetSnapshot[]> }): Promise<SheetSnapshot[]> {
  return port.read((await port.listSheets()).map((s) => s.name));
}

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'parindex-one-round-'));
  const demo = await runDemo(path.join(dir, 'demo'), { lang: 'vi' });
  master = demo.files.master;
  const out = path.join(dir, 'cli-results.xlsx');
  const r = await scoreWorkbookFile(master, { lang: 'vi', out, asOf: AS_OF });
  expect(r.outPath).toBe(out);
  cliBytes = new Uint8Array(await fsp.readFile(out));
  cli = await readAll(await ExcelJsPort.fromBuffer(cliBytes));
}, 120_000);

afterAll(async () => {
  if (dir) await fsp.rm(dir, { recursive: true, force: true });
});

describe('the same master through every door', () => {
  test('the CLI writes every output sheet, with plan tracking and the quarterly report', () => {
    const names = cli.map((s) => s.name);
    for (const n of ['Tổng hợp', 'Kết quả', 'Xếp hạng', 'Điểm bị trừ', 'SIPAS', 'Kế hoạch - theo dõi', 'Báo cáo quý', 'Kiểm tra dữ liệu']) expect(names).toContain(n);
  });

  test('standalone page (exceljs in memory + the pane recompute) = CLI, cell for cell', async () => {
    const port = await ExcelJsPort.fromBuffer(await fsp.readFile(master));
    const r = await recompute(port, masterPipeline({ lang: 'vi', file: path.basename(master), asOf: AS_OF }));
    expect(r.written.length).toBeGreaterThan(5);
    const bytes = await port.toBuffer();
    const page = await readAll(await ExcelJsPort.fromBuffer(bytes));
    const want = owned(cli);
    const got = owned(page);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [name, values] of want) expect({ name, values: got.get(name) }).toEqual({ name, values });
    // and the same native charts: ranking with the target line, points lost by lead unit, SIPAS
    const charts = await chartParts(bytes);
    expect(charts.length).toBeGreaterThanOrEqual(5);
    expect(charts).toEqual(await chartParts(cliBytes));
  }, 120_000);

  test('Excel port (Office.js over the double) = CLI, cell for cell', async () => {
    const input = await readAll(await ExcelJsPort.fromBuffer(await fsp.readFile(master)));
    const dbl = new ExcelDouble({});
    // the workbook as Excel holds it: dates are serial numbers with a date format
    for (const s of input) {
      const formats: Record<string, string> = { ...(s.formats ?? {}) };
      const values = s.values.map((row, r) =>
        row.map((v, c) => {
          const addr = a1(r, c);
          if (s.dates?.[addr] && typeof v === 'string') {
            formats[addr] = formats[addr] ?? 'dd/mm/yyyy';
            return isoToSerial(v) ?? v;
          }
          return v;
        }),
      );
      dbl.setSheet(s.name, values, formats);
    }
    const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
    const r = await recompute(port, masterPipeline({ lang: 'vi', file: path.basename(master), asOf: AS_OF }));
    expect(r.written.length).toBeGreaterThan(5);
    const excel = await readAll(port);
    const want = owned(cli);
    const got = owned(excel);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [name, values] of want) expect({ name, values: got.get(name) }).toEqual({ name, values });
  }, 120_000);
});
