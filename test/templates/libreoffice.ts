/**
 * LibreOffice and openpyxl for template tests: convert a file (recalculating its formulas, or to
 * PDF), read cell values as LibreOffice computed them. Tests that need them print a visible skip
 * notice when they are missing, and fail when CI=true.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

function runs(cmd: string, args: string[]): boolean {
  try {
    return spawnSync(cmd, args, { stdio: 'ignore', timeout: 60000 }).status === 0;
  } catch {
    return false;
  }
}

export const HAS_SOFFICE = runs('soffice', ['--version']);
export const PYTHON = '/usr/bin/python3';
export const HAS_OPENPYXL = runs(PYTHON, ['-c', 'import openpyxl']);

/** Convert `file` with LibreOffice into `outDir` ("xlsx": recalculated on load, saved again; "pdf": printed). */
export async function convert(file: string, to: 'xlsx' | 'pdf', outDir: string, profile: string): Promise<string> {
  await fsp.mkdir(outDir, { recursive: true });
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], { timeout: 240000, stdio: 'pipe' });
  return path.join(outDir, path.basename(file).replace(/\.xlsx$/i, `.${to}`));
}

/** Values of one sheet as LibreOffice saved them (openpyxl, data_only): rows of cells, dates as ISO text. */
export function readValues(file: string, sheet: string, cols: string): (string | number | boolean | null)[][] {
  const script = [
    'import json, sys, datetime, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1], data_only=True)',
    'ws = wb[sys.argv[2]]',
    'out = []',
    'for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=openpyxl.utils.column_index_from_string(sys.argv[3])):',
    '    out.append([c.value.isoformat()[:10] if isinstance(c.value, (datetime.datetime, datetime.date)) else c.value for c in row])',
    'print(json.dumps(out, ensure_ascii=False))',
  ].join('\n');
  const text = execFileSync(PYTHON, ['-c', script, file, sheet, cols], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(text) as (string | number | boolean | null)[][];
}

/** When a tool is missing: a test that says so (and fails on CI). */
export function missingTool(name: string): void {
  test(`${name} is installed`, () => {
    if (process.env.CI === 'true') throw new Error(`${name} is required on CI`);
    console.warn(`SKIPPED: ${name} is not installed; the checks that need it did not run.`);
  });
}
