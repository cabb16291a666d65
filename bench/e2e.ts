/**
 * End to end, file in → file out: `parindex score master.xlsx --out results.xlsx` on a master of
 * 160 wards × 200 criteria (32,000 answers), against LibreOffice headless recalculating the
 * same-size formula workbook (bench/libreoffice.ts: `soffice --headless --convert-to xlsx`).
 * Both times include process start-up, reading the .xlsx, computing and writing the new .xlsx.
 *
 * `node bench/e2e.run.cjs` runs this part alone; `npm run bench` runs it with the others.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderMasterInputSheets } from '../engine/workbook/master';
import { ExcelJsPort } from '../files/port';
import { saveXlsxAtomically } from '../files/node';
import { syntheticDocument } from './synthetic';
import { buildFormulaWorkbook, readRecalculatedIndices, recalcWithLibreOffice, runMeasured } from './libreoffice';

export interface EndToEnd {
  units: number;
  criteria: number;
  /** Median seconds of `parindex score master.xlsx --out results.xlsx` (a fresh Node process each run). */
  cliSeconds: number;
  /** Median CPU seconds of the same runs (not inflated by other processes' load). */
  cliCpuSeconds: number;
  inputMB: number;
  outputMB: number;
  /** LibreOffice half: absent with the reason when `soffice` is missing or fails. */
  libreOffice: { seconds: number; cpuSeconds: number; ratio: number; cpuRatio: number; maxIndexDiff: number } | { skipped: string };
}

const ROOT = path.resolve(__dirname, '../..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

const mb = (file: string): number => fs.statSync(file).size / (1024 * 1024);

/** Whether LibreOffice answers; the reason when it does not. */
export function libreOfficeMissing(): string | undefined {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60000 });
  return probe.status === 0 ? undefined : 'soffice not found';
}

/** Write the 160 × 200 master workbook the CLI scores (the input sheets a round starts from). */
async function writeMaster(file: string, units: number, criteria: number): Promise<void> {
  const doc = syntheticDocument(units, criteria);
  const port = ExcelJsPort.create();
  await port.write(
    renderMasterInputSheets({
      framework: doc.framework,
      units: doc.units.map((u) => ({ ...u, kind: u.kind ?? 'ward' })),
      assessments: doc.assessments ?? [],
      rounds: [{ round: 'selfAssessment', deadline: '2023-11-30' }],
    }),
  );
  const issues = await saveXlsxAtomically(port, file);
  if (issues.length > 0) throw new Error(`bench: master not written (${issues[0]?.code ?? ''})`);
}

/**
 * The CLI as bin/parindex.cjs runs it, from a private copy of its bundle: a source edit during the
 * bench then cannot make bin/ rebuild the bundle inside a timed run.
 */
function cliRunner(): string[] {
  const bin = path.join(ROOT, 'bin/parindex.cjs');
  const warm = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', timeout: 600000 }); // rebuilds dist/ when stale
  if (warm.error) throw warm.error;
  const copy = path.join(ROOT, 'out/bench/parindex-cli.cjs');
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'dist/parindex.cjs'), copy);
  const script = `require(${JSON.stringify(copy)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; }, (e) => { console.error(e); process.exitCode = 1; })`;
  return ['-e', script];
}

/** Unit indices from `parindex score master.xlsx --json` (untimed): what the CLI computed. */
function cliIndices(runner: string[], master: string): Map<string, number> {
  const r = spawnSync(process.execPath, [...runner, 'score', master, '--json'], { encoding: 'utf8', timeout: 600000, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench: parindex score --json exited ${String(r.status)}: ${(r.stderr ?? '').split('\n')[0] ?? ''}`);
  const json = JSON.parse(r.stdout) as { units: { code: string; index: number }[] };
  return new Map(json.units.map((u) => [u.code, u.index]));
}

export async function endToEndBench(options: { units?: number; criteria?: number; runs?: number; log?: (s: string) => void } = {}): Promise<EndToEnd> {
  const units = options.units ?? 160;
  const criteria = options.criteria ?? 200;
  const runs = options.runs ?? 3;
  const log = options.log ?? ((): void => undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parindex-bench-e2e-'));
  try {
    const master = path.join(dir, 'master.xlsx');
    await writeMaster(master, units, criteria);
    const runner = cliRunner();
    const indices = cliIndices(runner, master); // also the warm-up (disk cache, code cache)
    if (indices.size !== units) throw new Error(`bench: the CLI scored ${indices.size} units, expected ${units}`);
    const cli: { seconds: number; cpuSeconds: number }[] = [];
    let out = '';
    for (let i = 0; i < runs; i++) {
      out = path.join(dir, `results-${i}.xlsx`);
      const r = runMeasured(process.execPath, [...runner, 'score', master, '--out', out]);
      if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`bench: parindex score --out exited ${String(r.status)}: ${r.stderr.split('\n')[0] ?? ''}`);
      cli.push(r);
    }
    const cliSeconds = median(cli.map((r) => r.seconds));
    const cliCpuSeconds = median(cli.map((r) => r.cpuSeconds));
    const base = { units, criteria, cliSeconds, cliCpuSeconds, inputMB: mb(master), outputMB: mb(out) };

    const missing = libreOfficeMissing();
    if (missing) {
      log(`NOTICE: end-to-end LibreOffice half skipped (${missing}); only the CLI was timed.`);
      return { ...base, libreOffice: { skipped: missing } };
    }
    const formulas = path.join(dir, 'formulas.xlsx');
    await buildFormulaWorkbook(syntheticDocument(units, criteria), formulas);
    const dropOutput = (r: { outFile: string }): void => fs.rmSync(path.dirname(r.outFile), { recursive: true, force: true });
    dropOutput(recalcWithLibreOffice(formulas)); // first run builds the user profile; not counted
    const lo = Array.from({ length: runs }, () => recalcWithLibreOffice(formulas));
    const last = lo[lo.length - 1];
    if (!last) throw new Error('bench: no LibreOffice run');
    const loIndices = await readRecalculatedIndices(last.outFile);
    lo.forEach(dropOutput);
    let maxIndexDiff = 0;
    for (const [code, index] of indices) {
      const v = loIndices.get(code);
      maxIndexDiff = Math.max(maxIndexDiff, v === undefined || !Number.isFinite(v) ? Infinity : Math.abs(v - index));
    }
    const seconds = median(lo.map((r) => r.seconds));
    const cpuSeconds = median(lo.map((r) => r.cpuSeconds));
    return { ...base, libreOffice: { seconds, cpuSeconds, ratio: seconds / cliSeconds, cpuRatio: cpuSeconds / cliCpuSeconds, maxIndexDiff } };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
