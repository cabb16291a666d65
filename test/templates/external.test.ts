/**
 * Checks with tools outside Node: LibreOffice re-saves a filled template (it must still import:
 * the content hash is over values, not bytes) and openpyxl sees protection, validations,
 * unlocked input cells and the veryHidden metadata sheet. Skipped with a notice when a tool is
 * missing, failed when CI=true.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { validateTemplateFile, importFilled } from '../../files/import';
import { KG_ASSESSMENTS, sha256, tmpDir } from './helpers';

const DIR = path.join(__dirname, '..', 'fixtures', 'broken-templates');
const MASTER = path.join(DIR, 'master.xlsx');
const GOOD = path.join(DIR, 'good-KG.xlsx');

function has(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60000 });
  return r.status === 0;
}

function toolOrSkip(name: string, ok: boolean): boolean {
  if (ok) return true;
  if (process.env.CI === 'true') throw new Error(`${name} is required in CI`);
  console.warn(`SKIPPED: ${name} not available on this machine`);
  return false;
}

describe('external tools', () => {
  test('a filled template re-saved by LibreOffice still imports', async () => {
    if (!toolOrSkip('soffice (LibreOffice)', has('soffice', ['--version']))) return;
    const dir = await tmpDir('lo');
    const src = path.join(dir, 'src', 'tu-danh-gia-KG.xlsx');
    await fsp.mkdir(path.dirname(src), { recursive: true });
    await fsp.copyFile(GOOD, src);
    const out = path.join(dir, 'out');
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', out, src], { timeout: 120000, stdio: 'pipe' });
    const resaved = path.join(out, 'tu-danh-gia-KG.xlsx');
    // different bytes, same content
    expect(await sha256(resaved)).not.toBe(await sha256(src));
    const v = await validateTemplateFile(resaved, 'vi', { masterPath: MASTER });
    expect(v.kind).toBe('template');
    expect(v.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const res = await importFilled(MASTER, [resaved], path.join(dir, 'master-2.xlsx'), { lang: 'vi', now: '2023-12-01T08:00' });
    const kg = res.assessments.filter((a) => a.unit === 'KG').sort((a, b) => a.criterion.localeCompare(b.criterion));
    expect(kg).toEqual(KG_ASSESSMENTS);
  });

  test('openpyxl sees protection, validations, unlocked inputs and the veryHidden metadata sheet', () => {
    const py = '/usr/bin/python3';
    if (!toolOrSkip('python3 with openpyxl', has(py, ['-c', 'import openpyxl']))) return;
    const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Tự đánh giá']
dv = [(d.type, str(d.sqref), d.formula1, d.formula2) for d in ws.data_validations.dataValidation]
print(json.dumps({
  'sheets': [(s.title, s.sheet_state) for s in wb.worksheets],
  'protected': bool(ws.protection.sheet),
  'insProtected': bool(wb['Hướng dẫn'].protection.sheet),
  'lockedC7': ws['C7'].protection.locked, 'lockedD7': ws['D7'].protection.locked,
  'lockedH7': ws['H7'].protection.locked, 'lockedG7': ws['G7'].protection.locked, 'lockedI7': ws['I7'].protection.locked,
  'lockedA6': ws['A6'].protection.locked, 'lockedD12': ws['D12'].protection.locked,
  'dvTypes': sorted(set(t for t, _, _, _ in dv)),
  'listD7': [f for t, r, f, _ in dv if 'D7' in r.split()],
  'selfH7': [(t, f, g) for t, r, f, g in dv if 'H7' in r.split()],
  'hidden4': bool(ws.row_dimensions[4].hidden),
  'freeze': ws.freeze_panes,
}, ensure_ascii=False))
`;
    const out = execFileSync(py, ['-c', script, GOOD], { encoding: 'utf8', timeout: 60000 });
    const r = JSON.parse(out) as Record<string, unknown>;
    expect(r['sheets']).toEqual([
      ['Hướng dẫn', 'visible'],
      ['Tự đánh giá', 'visible'],
      ['_meta', 'veryHidden'],
    ]);
    expect(r['protected']).toBe(true);
    expect(r['insProtected']).toBe(true);
    // locked structure (max, group row, the "—" value cell of a points leaf), unlocked inputs
    expect([r['lockedC7'], r['lockedA6'], r['lockedD12']]).toEqual([true, true, true]);
    expect([r['lockedD7'], r['lockedH7'], r['lockedG7'], r['lockedI7']]).toEqual([false, false, false, false]);
    expect(r['dvTypes']).toEqual(['date', 'decimal', 'list']);
    expect(r['listD7']).toEqual(['"Có,Không,Không áp dụng"']);
    // self-score of 1.1 (max 1): decimal between 0 and 1
    expect(r['selfH7']).toEqual([['decimal', '0', '1']]);
    expect(r['hidden4']).toBe(true);
    expect(r['freeze']).toBe('C6');
  });
});
