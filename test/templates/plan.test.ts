import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readMaster } from '../../engine/workbook/master';
import { ExcelJsPort } from '../../files/port';
import { writeTemplates } from '../../files/templates';
import { importFilled } from '../../files/import';
import { tmpDir, writeMaster } from './helpers';

const PLAN = [
  { id: 'T-1', title: 'Ban hành kế hoạch CCHC của phường', lead: 'KG', due: '2023-12-31' },
  { id: 'T-2', title: 'Rà soát thủ tục hành chính', lead: 'NV', coordinators: ['KG'], due: '2023-06-30' },
];

test('templates carry the quarterly task-status sheet; lead statuses go into the plan sheet', async () => {
  const dir = await tmpDir('plan');
  const master = path.join(dir, 'master.xlsx');
  await writeMaster(master, [], PLAN);
  const { files, issues } = await writeTemplates(master, path.join(dir, 't'), { now: '2023-11-01T08:00', units: ['KG', 'HD'] });
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  const kgFile = files.find((f) => f.endsWith('tu-danh-gia-KG.xlsx')) ?? '';
  const hdFile = files.find((f) => f.endsWith('tu-danh-gia-HD.xlsx')) ?? '';
  const kg = new ExcelJS.Workbook();
  await kg.xlsx.readFile(kgFile);
  const hd = new ExcelJS.Workbook();
  await hd.xlsx.readFile(hdFile);
  // KG leads T-1 and coordinates T-2; HD has no task, so no status sheet
  expect(kg.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Tự đánh giá', 'Tự kiểm tra', 'Tiến độ nhiệm vụ', '_meta']);
  expect(hd.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Tự đánh giá', 'Tự kiểm tra', '_meta']);

  // KG reports T-1 done (as a unit would: the status cell of the T-1 row)
  const ws = kg.getWorksheet('Tiến độ nhiệm vụ');
  if (!ws) throw new Error('no status sheet');
  let keyRow = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === 'task') keyRow = n;
  });
  const keys = (ws.getRow(keyRow).values as ExcelJS.CellValue[]).map((v) => (typeof v === 'string' ? v : ''));
  const col = (k: string): number => keys.indexOf(k);
  let t1 = 0;
  ws.eachRow((row, n) => {
    if (n > keyRow && row.getCell(1).value === 'T-1') t1 = n;
  });
  expect(ws.getCell(t1, col('status')).protection?.locked).toBe(false);
  ws.getCell(t1, col('status')).value = 'Hoàn thành';
  ws.getCell(t1, col('completedOn')).value = new Date('2023-10-15T00:00:00Z');
  const filled = path.join(dir, 'tu-danh-gia-KG.xlsx');
  await kg.xlsx.writeFile(filled);

  const out = path.join(dir, 'master-2.xlsx');
  const res = await importFilled(master, [filled], out, { lang: 'vi', now: '2023-12-01T08:00' });
  expect(res.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(res.taskStatuses).toEqual([expect.objectContaining({ task: 'T-1', unit: 'KG', progress: 'done', completedOn: '2023-10-15' })]);
  const port = await ExcelJsPort.fromBuffer(new Uint8Array(await fsp.readFile(out)));
  const { doc } = readMaster(await port.read((await port.listSheets()).map((s) => s.name)), 'master-2.xlsx');
  const row = doc.extras.planRows.find((r) => r.id === 'T-1');
  expect(row?.status).toBe('Hoàn thành');
  expect(row?.reportedAt).toBe('2023-10-15');
  expect(res.log).toContainEqual(expect.objectContaining({ field: 'taskStatus', criterion: 'T-1', old: null, new: 'Hoàn thành' }));
});
