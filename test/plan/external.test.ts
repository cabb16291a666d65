/**
 * The unit's "Tiến độ nhiệm vụ" sheet seen by tools outside Node: openpyxl must see the sheet
 * protection, the three validations, unlocked input cells and hidden rows; a filled sheet re-saved
 * by LibreOffice must still parse to the same statuses. Skipped with a notice when a tool is
 * missing, failed when CI=true.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { builtinPlan2023, parseTaskStatusSheet, renderTaskStatusSheet } from '../../engine/plan';
import { ExcelJsPort } from '../../files/port';

function present(cmd: string, args: string[]): boolean {
  try {
    return spawnSync(cmd, args, { stdio: 'ignore', timeout: 30000 }).status === 0;
  } catch {
    return false;
  }
}

function toolOrSkip(name: string, ok: boolean): boolean {
  if (ok) return true;
  if (process.env['CI'] === 'true') throw new Error(`${name} is required on CI but missing`);
  console.warn(`SKIPPED: ${name} is not installed; this check did not run.`);
  return false;
}

const tasks = builtinPlan2023.tasks.filter((x) => ['II.1.2-2', 'III.1-3', 'III.2-1'].includes(x.id));

async function filledFile(dir: string): Promise<string> {
  const port = ExcelJsPort.create();
  await port.write([renderTaskStatusSheet(tasks, 'TP', '2023-Q3')]);
  const ws = port.workbook.getWorksheet('Tiến độ nhiệm vụ');
  if (!ws) throw new Error('sheet missing');
  // rows: 6 II.1.2-2, 7 III.1-3, 8 III.2-1
  ws.getCell('E8').value = 'Hoàn thành';
  ws.getCell('F8').value = 100;
  ws.getCell('G8').value = new Date(Date.UTC(2023, 6, 20));
  ws.getCell('H8').value = 'Ban hành Kế hoạch số 15/KH-TP';
  ws.getCell('E6').value = 'Đang thực hiện';
  ws.getCell('F6').value = 70;
  ws.getCell('J6').value = 'Thiếu nhân lực';
  const file = path.join(dir, 'TP.xlsx');
  writeFileSync(file, await port.toBuffer());
  return file;
}

const EXPECTED = [
  { task: 'II.1.2-2', unit: 'TP', quarter: '2023-Q3', progress: 'inProgress', percent: 70, difficulties: 'Thiếu nhân lực' },
  { task: 'III.2-1', unit: 'TP', quarter: '2023-Q3', progress: 'done', percent: 100, completedOn: '2023-07-20', done: 'Ban hành Kế hoạch số 15/KH-TP' },
];

describe('status sheet and external tools', () => {
  test('openpyxl sees protection, validations, unlocked inputs and hidden rows', async () => {
    const py = '/usr/bin/python3';
    if (!toolOrSkip('python3 with openpyxl', present(py, ['-c', 'import openpyxl']))) return;
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-ext-'));
    const file = await filledFile(dir);
    const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Tiến độ nhiệm vụ']
print(json.dumps({
  'protected': bool(ws.protection.sheet),
  'validations': sorted([(d.type, str(d.sqref), d.formula1, d.formula2) for d in ws.data_validations.dataValidation]),
  'locked': {a: ws[a].protection.locked for a in ['A6', 'B6', 'E6', 'F6', 'G6', 'H6', 'K8']},
  'hidden': [r for r in range(1, 10) if ws.row_dimensions[r].hidden],
  'C3': ws['C3'].value,
}, ensure_ascii=False))
`;
    const out = JSON.parse(execFileSync(py, ['-c', script, file], { encoding: 'utf8', timeout: 60000 })) as {
      protected: boolean;
      validations: [string, string, string | null, string | null][];
      locked: Record<string, boolean>;
      hidden: number[];
      C3: string;
    };
    expect(out.protected).toBe(true);
    expect(out.validations.map((v) => [v[0], v[1]])).toEqual([
      ['date', 'G6:G8'],
      ['decimal', 'F6:F8'],
      ['list', 'E6:E8'],
    ]);
    expect(out.validations[2]?.[2]).toBe('"Hoàn thành,Đang thực hiện,Chưa thực hiện"');
    expect(out.validations[1]?.slice(2)).toEqual(['0', '100']);
    expect(out.locked).toEqual({ A6: true, B6: true, E6: false, F6: false, G6: false, H6: false, K8: false });
    expect(out.hidden).toEqual([3, 4]);
    expect(out.C3).toBe('2023-Q3');
  });

  test('a filled sheet re-saved by LibreOffice parses to the same statuses', async () => {
    if (!toolOrSkip('soffice (LibreOffice)', present('soffice', ['--version']))) return;
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-lo-'));
    const file = await filledFile(dir);
    const before = await ExcelJsPort.fromBuffer(readFileSync(file));
    const [snapBefore] = await before.read(['Tiến độ nhiệm vụ']);
    expect(snapBefore && parseTaskStatusSheet(snapBefore, 'TP', 'TP.xlsx')).toEqual({ statuses: EXPECTED, issues: [], quarter: '2023-Q3' });

    const outDir = path.join(dir, 'out');
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, file], { timeout: 180000, stdio: 'pipe' });
    const after = await ExcelJsPort.fromBuffer(readFileSync(path.join(outDir, 'TP.xlsx')));
    const [snap] = await after.read(['Tiến độ nhiệm vụ']);
    expect(snap).toBeDefined();
    if (!snap) return;
    const parsed = parseTaskStatusSheet(snap, 'TP', 'TP.xlsx', { tasks: builtinPlan2023.tasks });
    expect(parsed.issues).toEqual([]);
    expect(parsed.statuses).toEqual(EXPECTED);
  });
});
