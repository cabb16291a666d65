/**
 * `npm run bench`: every benchmark, written to bench/RESULTS.md and bench/results.json.
 *
 *   engine    scoreDocument on 160 units × 200 criteria (JSON in, results out), and what-if on one change
 *   scaling   the same at 1×, 2×, 4×, 8× units: time ratio of each doubling (target ≤ 2.2)
 *   sipas     100,000 respondents × 39 items (bench/sipas.ts benchSipas)
 *   LibreOffice  the same computation as a formula workbook (SUMIFS/SUMPRODUCT/COUNTIFS) recalculated
 *             headless; its unit indices are compared with the engine's; start-up timed separately
 *   end to end  `parindex score master.xlsx --out results.xlsx` (160 × 200, file in → file out) against
 *             LibreOffice recalculating the same-size formula workbook (bench/e2e.ts)
 *   demo      `node bin/parindex.cjs demo --out <tmp>` end to end
 *   add-in    context.sync calls of one full recompute (Excel double), initial JS of the pane (gzip)
 *
 * Times are medians of several runs after warm-up. Nothing in `npm test` depends on them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { scoreDocument, whatIf, type ScoringDocument } from '../engine';
import { renderMasterInputSheets } from '../engine/workbook/master';
import type { CellValue } from '../engine/workbook/port';
import { OfficeJsPort } from '../addin/excel/port';
import { recompute } from '../addin/taskpane/recompute';
import { computeMaster, sheetsNeeded } from '../addin/taskpane/engine';
import { ExcelDouble } from '../test/addin/excel-double';
import { syntheticDocument } from './synthetic';
import { buildFormulaWorkbook, recalcWithLibreOffice, readRecalculatedIndices, runMeasured } from './libreoffice';
import { benchSipas, SIPAS_BENCH_TARGET_SECONDS } from './sipas';
import { endToEndBench, type EndToEnd } from './e2e';

const ROOT = path.resolve(__dirname, '../..');
const TARGET = { engine: 0.5, sipas: SIPAS_BENCH_TARGET_SECONDS, scaling: 2.2, libreOffice: 20, syncs: 3, paneKB: 400, demo: 3 };

const log = (s: string): void => void process.stdout.write(s + '\n');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

interface Timing {
  /** Median wall-clock seconds. */
  wall: number;
  /** Median CPU seconds of the process (all threads, GC included). */
  cpu: number;
}

/** Medians of `runs` calls after `warm` untimed calls. */
function timeIt(fn: () => void, runs = 7, warm = 2): Timing {
  for (let i = 0; i < warm; i++) fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    walls.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1e6);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

/** The document as `parindex score doc.json` receives it (JSON.parse of the file text). */
function asJson(units: number, criteria = 200): unknown {
  return JSON.parse(JSON.stringify(syntheticDocument(units, criteria)));
}

function engineBench(): { seconds: number; cpuSeconds: number; whatIfSeconds: number; units: number; criteria: number; assessments: number } {
  const raw = asJson(160);
  const doc = raw as ScoringDocument;
  const first = scoreDocument(raw);
  if (!first.ok || first.results.units.length !== 160) throw new Error(`bench: engine did not score 160 units (${first.issues.length} issues)`);
  const t = timeIt(() => void scoreDocument(raw), 9, 2);
  // what-if: one appraisal changed for one unit (the session is kept per document object)
  const change = { unit: 'U7', criterion: '3.1', appraisal: [0] };
  whatIf(doc, [change]);
  const whatIfSeconds = timeIt(() => void whatIf(doc, [change]), 15, 3).wall;
  return { seconds: t.wall, cpuSeconds: t.cpu, whatIfSeconds, units: 160, criteria: 200, assessments: doc.assessments.length };
}

function scalingBench(): { units: number; seconds: number; cpuSeconds: number }[] {
  const out: { units: number; seconds: number; cpuSeconds: number }[] = [];
  for (const k of [1, 2, 4, 8]) {
    const raw = asJson(160 * k);
    const t = timeIt(() => void scoreDocument(raw), 7, 2);
    out.push({ units: 160 * k, seconds: t.wall, cpuSeconds: t.cpu });
  }
  return out;
}

async function libreOfficeBench(engineSeconds: number): Promise<
  | { available: false; reason: string }
  | { available: true; seconds: number; startupSeconds: number; ratio: number; ratioWithoutStartup: number; maxIndexDiff: number; units: number }
> {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60000 });
  if (probe.status !== 0) return { available: false, reason: 'soffice not found' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parindex-bench-lo-'));
  try {
    const doc = syntheticDocument(160, 200);
    const file = path.join(dir, 'formulas.xlsx');
    await buildFormulaWorkbook(doc, file);
    // start-up: a one-cell workbook, converted the same way
    const tiny = path.join(dir, 'tiny.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = { formula: '1+1' };
    await wb.xlsx.writeFile(tiny);
    recalcWithLibreOffice(tiny); // first run builds a profile; not counted
    const startup = median([0, 1, 2].map(() => recalcWithLibreOffice(tiny).seconds));
    const runs = [0, 1, 2].map(() => recalcWithLibreOffice(file));
    const seconds = median(runs.map((r) => r.seconds));
    const last = runs[runs.length - 1];
    if (!last) throw new Error('bench: no LibreOffice run');
    const lo = await readRecalculatedIndices(last.outFile);
    const engine = scoreDocument(JSON.parse(JSON.stringify(doc)));
    let maxDiff = 0;
    for (const u of engine.results.units) {
      const v = lo.get(u.code);
      maxDiff = Math.max(maxDiff, v === undefined || !Number.isFinite(v) ? Infinity : Math.abs(v - u.index));
    }
    return {
      available: true,
      seconds,
      startupSeconds: startup,
      ratio: seconds / engineSeconds,
      ratioWithoutStartup: (seconds - startup) / engineSeconds,
      maxIndexDiff: maxDiff,
      units: engine.results.units.length,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function demoBench(): { seconds: number; cpuSeconds: number } | { error: string } {
  const bin = path.join(ROOT, 'bin/parindex.cjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parindex-bench-demo-'));
  try {
    // first run rebuilds the CLI bundle if sources changed; the second is timed
    const warm = spawnSync(process.execPath, [bin, 'demo', '--out', path.join(dir, 'warm')], { encoding: 'utf8', timeout: 600000 });
    if (warm.status !== 0) return { error: `demo exited ${String(warm.status)}: ${(warm.stderr ?? '').split('\n')[0] ?? ''}` };
    const xs: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = runMeasured(process.execPath, [bin, 'demo', '--out', path.join(dir, `run${i}`)]);
      if (r.status !== 0) return { error: `demo exited ${String(r.status)}` };
      xs.push(r.seconds);
      cpus.push(r.cpuSeconds);
    }
    return { seconds: median(xs), cpuSeconds: median(cpus) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A master workbook of `units` wards × 200 criteria in the (strict) Excel double, opened as the
 * pane opens it (list and read), then one full recompute: syncs, largest request and response counted.
 */
async function syncBench(units: number): Promise<{ units: number; syncs: number; written: number; maxSyncMB: number; maxResponseMB: number }> {
  const doc = syntheticDocument(units, 200);
  const sheets = renderMasterInputSheets({
    framework: doc.framework,
    units: doc.units.map((u) => ({ ...u, kind: u.kind ?? 'ward' })),
    assessments: doc.assessments ?? [],
    rounds: [{ round: 'selfAssessment', deadline: '2023-11-30' }],
  });
  const data: Record<string, CellValue[][]> = {};
  for (const s of sheets) data[s.name] = s.values.map((row) => row.map((v) => (v === undefined ? null : v)));
  const dbl = new ExcelDouble(data);
  const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
  await port.read(sheetsNeeded((await port.listSheets()).map((s) => s.name)));
  dbl.resetStats();
  const r = await recompute(port, {
    inputSheets: sheetsNeeded,
    compute: (snaps) => Promise.resolve(computeMaster(snaps, { lang: 'vi', file: 'master.xlsx' })),
  });
  if (!r.ok || r.written.length === 0) throw new Error(`bench: recompute wrote nothing (${r.issues.filter((i) => i.severity === 'error').length} errors, first ${r.issues[0]?.code ?? ''})`);
  if (dbl.stats.refused.length > 0) throw new Error(`bench: Excel refused ${dbl.stats.refused.join(', ')}`);
  return { units, syncs: dbl.stats.syncs, written: r.written.length, maxSyncMB: dbl.stats.maxSyncBytes / (1024 * 1024), maxResponseMB: dbl.stats.maxResponseBytes / (1024 * 1024) };
}

function paneBench(): { gzipKB: number; files: number } | { error: string } {
  try {
    const wp = path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js');
    execFileSync(process.execPath, [wp, '--mode', 'production'], { cwd: ROOT, stdio: 'ignore', timeout: 900000 });
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/addin-size.mjs'), '--json', '--max', '100000'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) return { error: `addin-size exited ${String(r.status)}: ${r.stderr}` };
    const out = JSON.parse(r.stdout) as { initialGzipKb: number; files: unknown[] };
    return { gzipKB: out.initialGzipKb, files: out.files.length };
  } catch (e) {
    return { error: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) };
  }
}

/**
 * Time to first render of the built pane in headless Chromium (standalone, Office CDN answered
 * 404 as here): from navigation start to the "open a workbook" button, median of 5 fresh pages.
 */
async function firstRenderBench(): Promise<{ ms: number } | { error: string }> {
  const chromium = '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) return { error: 'no /usr/bin/chromium' };
  if (!fs.existsSync(path.join(ROOT, 'dist/addin/taskpane.html'))) return { error: 'pane not built' };
  const { chromium: pw } = await import('playwright-core');
  const { serveStatic } = await import('../test/e2e/server');
  const server = await serveStatic(path.join(ROOT, 'dist/addin'));
  const browser = await pw.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
      const page = await context.newPage();
      await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 404, body: '' }));
      await page.goto(`${server.url}/taskpane.html`);
      await page.getByTestId('open-master').waitFor({ state: 'attached', timeout: 30000 });
      const ms = await page.evaluate(() => performance.now());
      if (i > 0) times.push(ms); // the first page warms the browser's caches of the engine
      await context.close();
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)] ?? NaN };
  } finally {
    await browser.close();
    await server.close();
  }
}

function machine(): { cpu: string; cores: number; memoryGB: number; node: string; os: string } {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

const f3 = (x: number): string => x.toFixed(3);
const f2 = (x: number): string => x.toFixed(2);
const verdict = (ok: boolean): string => (ok ? 'đạt / met' : 'CHƯA ĐẠT / missed');

async function main(): Promise<void> {
  const date = new Date().toISOString();
  const m = machine();
  const loadBefore = os.loadavg()[0] ?? 0;
  log(`parindex bench — ${date} — ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, node ${m.node}`);

  const eng = engineBench();
  log(`engine: ${eng.units} × ${eng.criteria}: ${f3(eng.seconds)} s (CPU ${f3(eng.cpuSeconds)} s); what-if (1 change): ${(eng.whatIfSeconds * 1000).toFixed(2)} ms`);
  const scaling = scalingBench();
  const ratios = scaling.slice(1).map((s, i) => s.seconds / (scaling[i]?.seconds ?? NaN));
  const cpuRatios = scaling.slice(1).map((s, i) => s.cpuSeconds / (scaling[i]?.cpuSeconds ?? NaN));
  // On a shared machine wall time also counts waiting for a core, which differs from one size to
  // the next; the doubling ratio is therefore taken on CPU time (wall ratios are shown beside it).
  const scaling2x = Math.max(...cpuRatios);
  log(`scaling: ${scaling.map((s) => `${s.units}: ${f3(s.seconds)} s (CPU ${f3(s.cpuSeconds)} s)`).join(', ')}; doubling ratios CPU ${cpuRatios.map(f2).join(', ')}, wall ${ratios.map(f2).join(', ')}`);
  const sipas = await benchSipas();
  log(`sipas: ${sipas.respondents} × ${sipas.items}: ${f3(sipas.seconds)} s (CPU ${f3(sipas.cpuSeconds)} s)`);
  const lo = await libreOfficeBench(eng.seconds);
  log(lo.available ? `LibreOffice: ${f3(lo.seconds)} s (start-up ${f3(lo.startupSeconds)} s), ratio ${f2(lo.ratio)}×, max index diff ${lo.maxIndexDiff.toExponential(2)}` : `LibreOffice: n/a (${lo.reason})`);
  const e2e: EndToEnd | { error: string } = await endToEndBench({ log }).catch((e: unknown) => ({ error: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) }));
  if ('error' in e2e) log(`end to end: ${e2e.error}`);
  else
    log(
      `end to end, parindex score master.xlsx --out (${e2e.units} × ${e2e.criteria}): ${f3(e2e.cliSeconds)} s (CPU ${f3(e2e.cliCpuSeconds)} s); ` +
        ('skipped' in e2e.libreOffice
          ? `LibreOffice skipped (${e2e.libreOffice.skipped})`
          : `LibreOffice ${f3(e2e.libreOffice.seconds)} s (CPU ${f3(e2e.libreOffice.cpuSeconds)} s), ratio ${f2(e2e.libreOffice.ratio)}× wall, ${f2(e2e.libreOffice.cpuRatio)}× CPU`),
    );
  const demo = demoBench();
  log('seconds' in demo ? `demo: ${f3(demo.seconds)} s (CPU ${f3(demo.cpuSeconds)} s)` : `demo: ${demo.error}`);
  const syncs = [await syncBench(11), await syncBench(160)];
  log(`add-in recompute: ${syncs.map((s) => `${s.units} units: ${s.syncs} syncs (largest request ${f2(s.maxSyncMB)} MB, response ${f2(s.maxResponseMB)} MB)`).join(', ')}`);
  const pane = paneBench();
  log('gzipKB' in pane ? `pane initial JS: ${pane.gzipKB} KB gzip` : `pane: ${pane.error}`);
  const render = await firstRenderBench().catch((e: unknown) => ({ error: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) }));
  log('ms' in render ? `pane first render (headless Chromium): ${render.ms.toFixed(0)} ms` : `pane first render: ${render.error}`);

  const results = {
    engineSeconds: eng.seconds,
    sipasSeconds: sipas.seconds,
    libreOfficeRatio: lo.available ? lo.ratio : null,
    endToEnd:
      'error' in e2e
        ? null
        : {
            cliSeconds: e2e.cliSeconds,
            cliCpuSeconds: e2e.cliCpuSeconds,
            libreOfficeSeconds: 'skipped' in e2e.libreOffice ? null : e2e.libreOffice.seconds,
            libreOfficeCpuSeconds: 'skipped' in e2e.libreOffice ? null : e2e.libreOffice.cpuSeconds,
            ratio: 'skipped' in e2e.libreOffice ? null : e2e.libreOffice.ratio,
            cpuRatio: 'skipped' in e2e.libreOffice ? null : e2e.libreOffice.cpuRatio,
          },
    scaling2x,
    recomputeSyncs: Math.max(...syncs.map((s) => s.syncs)),
    recomputeSyncsByUnits: Object.fromEntries(syncs.map((s) => [s.units, s.syncs])),
    recomputeMaxPayloadMB: Math.max(...syncs.map((s) => Math.max(s.maxSyncMB, s.maxResponseMB))),
    paneInitialGzipKB: 'gzipKB' in pane ? pane.gzipKB : null,
    demoSeconds: 'seconds' in demo ? demo.seconds : null,
    demoCpuSeconds: 'seconds' in demo ? demo.cpuSeconds : null,
    paneFirstRenderMs: 'ms' in render ? render.ms : null,
    machine: m,
    date,
  };
  fs.writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');

  const engineOk = eng.seconds < TARGET.engine;
  const sipasOk = sipas.seconds < TARGET.sipas;
  const scalingOk = scaling2x <= TARGET.scaling;
  const loOk = lo.available && lo.ratio >= TARGET.libreOffice;
  // ≤ 3 syncs when the data fits one response (a district: 11 units); every request and response under 4 MB
  const syncOk = (syncs[0]?.syncs ?? Infinity) <= TARGET.syncs && results.recomputeMaxPayloadMB < 4;
  const loadAfter = os.loadavg()[0] ?? 0;
  const md: string[] = [
    '# Kết quả đo hiệu năng / Benchmark results',
    '',
    `Ngày / date: ${date}  `,
    `Máy / machine: ${m.cpu}, ${m.cores} lõi / cores, ${m.memoryGB} GB RAM, Node ${m.node}, ${m.os}  `,
    `Tải máy / load average (1 min): ${f2(loadBefore)} lúc bắt đầu / at start, ${f2(loadAfter)} lúc kết thúc / at end`,
    '',
    'Chạy lại / re-run: `npm run bench` (bench/run.cjs). Thời gian là trung vị của nhiều lần chạy sau khi khởi động (warm-up); "CPU" là thời gian CPU của tiến trình. / Times are medians of several runs after warm-up; "CPU" is the process CPU time.',
    '',
    '| Phép đo / measure | Kết quả / result | Mục tiêu / target | |',
    '|---|---|---|---|',
    `| Engine: ${eng.units} đơn vị × ${eng.criteria} tiêu chí (${eng.assessments.toLocaleString('en')} assessments), scoreDocument | ${f3(eng.seconds)} s (CPU ${f3(eng.cpuSeconds)} s) | < ${TARGET.engine} s | ${verdict(engineOk)} |`,
    `| What-if: 1 thay đổi / one change | ${(eng.whatIfSeconds * 1000).toFixed(2)} ms | — | |`,
    `| Tăng quy mô / scaling ×2 (worst doubling, CPU time) | ${f2(scaling2x)}× (wall: ${f2(Math.max(...ratios))}×) | ≤ ${TARGET.scaling}× | ${verdict(scalingOk)} |`,
    `| SIPAS: ${sipas.respondents.toLocaleString('en')} phiếu × ${sipas.items} câu | ${f3(sipas.seconds)} s (CPU ${f3(sipas.cpuSeconds)} s) | < ${TARGET.sipas} s | ${verdict(sipasOk)} |`,
  ];
  if (lo.available) {
    md.push(
      `| LibreOffice headless ÷ engine (same ${lo.units} units) | ${f2(lo.ratio)}× (${f3(lo.seconds)} s vs ${f3(eng.seconds)} s) | ≥ ${TARGET.libreOffice}× | ${verdict(loOk)} |`,
      `| LibreOffice start-up (1-cell workbook) | ${f3(lo.startupSeconds)} s; ratio without it ${f2(lo.ratioWithoutStartup)}× | — | |`,
    );
  } else md.push(`| LibreOffice headless ÷ engine | n/a (${lo.reason}) | ≥ ${TARGET.libreOffice}× | |`);
  if ('error' in e2e) md.push(`| End to end: \`parindex score master.xlsx --out\` vs LibreOffice | n/a (${e2e.error}) | — | |`);
  else if ('skipped' in e2e.libreOffice)
    md.push(
      `| End to end: \`parindex score master.xlsx --out\`, ${e2e.units} × ${e2e.criteria}, file in → file out | CLI ${f3(e2e.cliSeconds)} s (CPU ${f3(e2e.cliCpuSeconds)} s); **LibreOffice half skipped (${e2e.libreOffice.skipped})** | — | |`,
    );
  else
    md.push(
      `| End to end, file in → file out: LibreOffice recalculating the formula workbook ÷ \`parindex score master.xlsx --out\` (${e2e.units} × ${e2e.criteria}) | ${f2(e2e.libreOffice.ratio)}× wall (LibreOffice ${f3(e2e.libreOffice.seconds)} s vs CLI ${f3(e2e.cliSeconds)} s); ${f2(e2e.libreOffice.cpuRatio)}× CPU (${f3(e2e.libreOffice.cpuSeconds)} s vs ${f3(e2e.cliCpuSeconds)} s) | — | |`,
    );
  md.push(
    `| CLI demo end to end (\`npm run demo\`) | ${'seconds' in demo ? `${f3(demo.seconds)} s (CPU ${f3(demo.cpuSeconds)} s)` : 'n/a (' + demo.error + ')'} | < ${TARGET.demo} s | ${'seconds' in demo ? verdict(demo.seconds < TARGET.demo) : ''} |`,
    `| Add-in: context.sync per full recompute (workbook opened) | ${syncs.map((s) => `${s.syncs} (${s.units} units, largest request ${f2(s.maxSyncMB)} MB, response ${f2(s.maxResponseMB)} MB)`).join(', ')} | ≤ ${TARGET.syncs} when the data fits; every payload < 4 MB | ${verdict(syncOk)} |`,
    `| Pane first render, headless Chromium (navigation → first control) | ${'ms' in render ? `${render.ms.toFixed(0)} ms` : 'n/a (' + render.error + ')'} | ≤ 1000 ms | ${'ms' in render ? verdict(render.ms <= 1000) : ''} |`,
    `| Pane initial JS (gzip) | ${'gzipKB' in pane ? `${pane.gzipKB} KB (${pane.files} file${pane.files === 1 ? '' : 's'})` : 'n/a (' + pane.error + ')'} | ≤ ${TARGET.paneKB} KB | ${'gzipKB' in pane ? verdict(pane.gzipKB <= TARGET.paneKB) : ''} |`,
    '',
    '## Tăng quy mô / scaling',
    '',
    '| đơn vị / units | giây / seconds | CPU | CPU ÷ previous | wall ÷ previous |',
    '|---|---|---|---|---|',
    ...scaling.map((s, i) => `| ${s.units} | ${f3(s.seconds)} | ${f3(s.cpuSeconds)} | ${i === 0 ? '—' : f2(cpuRatios[i - 1] ?? NaN)} | ${i === 0 ? '—' : f2(ratios[i - 1] ?? NaN)} |`),
    '',
  );
  const notes: string[] = [];
  if (lo.available) {
    notes.push(
      `LibreOffice tính lại cùng chỉ số: chênh lệch lớn nhất ${lo.maxIndexDiff.toExponential(2)} điểm trên ${lo.units} đơn vị, nên so sánh là công bằng. Thời gian LibreOffice gồm khởi động (${f3(lo.startupSeconds)} s), đọc, tính lại và ghi tệp; bỏ phần khởi động, tỷ lệ là ${f2(lo.ratioWithoutStartup)}×. / LibreOffice recalculated the same unit indices (max difference ${lo.maxIndexDiff.toExponential(2)} points over ${lo.units} units), so the comparison is honest. Its time includes start-up (${f3(lo.startupSeconds)} s), load, recalculation and save; without start-up the ratio is ${f2(lo.ratioWithoutStartup)}×.`,
    );
  }
  if (!('error' in e2e)) {
    const loPart =
      'skipped' in e2e.libreOffice
        ? `Phần LibreOffice bị bỏ qua (${e2e.libreOffice.skipped}). / The LibreOffice half was skipped (${e2e.libreOffice.skipped}).`
        : `LibreOffice tính lại sổ công thức cùng cỡ (${f3(e2e.libreOffice.seconds)} s, chênh lệch chỉ số lớn nhất so với CLI ${e2e.libreOffice.maxIndexDiff.toExponential(2)}). / LibreOffice recalculating the same-size formula workbook took ${f3(e2e.libreOffice.seconds)} s (max index difference from the CLI ${e2e.libreOffice.maxIndexDiff.toExponential(2)}).`;
    notes.push(
      `Trọn vòng tệp vào → tệp ra: \`parindex score master.xlsx --out\` trên sổ tổng hợp ${e2e.units} đơn vị × ${e2e.criteria} tiêu chí (${f2(e2e.inputMB)} MB vào, ${f2(e2e.outputMB)} MB ra) mất ${f3(e2e.cliSeconds)} s, gồm khởi động Node, đọc và ghi .xlsx bằng exceljs. ${loPart.split(' / ')[0]} / End to end, file in → file out: \`parindex score master.xlsx --out\` on a ${e2e.units}-unit × ${e2e.criteria}-criterion master (${f2(e2e.inputMB)} MB in, ${f2(e2e.outputMB)} MB out) took ${f3(e2e.cliSeconds)} s, Node start-up and exceljs reading and writing the .xlsx included. ${loPart.split(' / ')[1] ?? ''}`,
    );
  }
  if ('seconds' in demo && demo.seconds >= TARGET.demo)
    notes.push(`Demo: ${f3(demo.seconds)} s, vượt mục tiêu ${TARGET.demo} s (CPU ${f3(demo.cpuSeconds)} s; trên máy dùng chung, thời gian thực còn tính cả thời gian chờ lõi). / Demo: ${f3(demo.seconds)} s, over the ${TARGET.demo} s target (CPU ${f3(demo.cpuSeconds)} s; on a shared machine wall time includes waiting for a core).`);
  if (!engineOk) notes.push(`Engine: chậm hơn mục tiêu ${f2(eng.seconds / TARGET.engine)}× (${f3(eng.seconds - TARGET.engine)} s). / Engine missed its target by ${f2(eng.seconds / TARGET.engine)}×.`);
  if (!sipasOk) notes.push(`SIPAS: chậm hơn mục tiêu ${f2(sipas.seconds / TARGET.sipas)}× — CPU ${f3(sipas.cpuSeconds)} s; trên máy dùng chung, thời gian thực còn tính cả thời gian chờ lõi. / SIPAS missed its target by ${f2(sipas.seconds / TARGET.sipas)}× (CPU ${f3(sipas.cpuSeconds)} s; on a shared machine wall time includes waiting for a core).`);
  const bigSync = syncs.find((x) => x.syncs > TARGET.syncs);
  if (bigSync)
    notes.push(
      `Add-in: ${bigSync.syncs} lần sync với ${bigSync.units} đơn vị vì phần đọc trang Kê khai (khoảng 20 MB) được chia thành các khối dưới 4 MB (Excel trên web từ chối yêu cầu hoặc phản hồi > 5 MB); với 11 đơn vị (quy mô một quận) là ${syncs[0]?.syncs ?? '?'} lần. / ${bigSync.syncs} syncs at ${bigSync.units} units because the read of "Kê khai" (about 20 MB) comes in blocks under 4 MB (Excel on the web refuses requests or responses > 5 MB); ${syncs[0]?.syncs ?? '?'} at 11 units (one district).`,
    );
  if (!scalingOk) notes.push(`Scaling: lần nhân đôi tệ nhất ${f2(scaling2x)}× vượt ${TARGET.scaling}× (ở cỡ lớn, thu gom rác và bộ nhớ đệm chiếm phần lớn hơn). / The worst doubling ${f2(scaling2x)}× exceeds ${TARGET.scaling}× (garbage collection and cache effects grow at the larger sizes).`);
  if (lo.available && !loOk) notes.push(`LibreOffice ÷ engine = ${f2(lo.ratio)}×, dưới mục tiêu ${TARGET.libreOffice}×. / Below the ${TARGET.libreOffice}× target.`);
  if (notes.length) md.push('## Ghi chú / notes', '', ...notes.map((n) => `- ${n}`), '');
  md.push('Số liệu máy đọc được: bench/results.json. / Machine-readable figures: bench/results.json.', '');
  fs.writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), md.join('\n'));
  log('bench/RESULTS.md and bench/results.json written');
}

main().catch((e: unknown) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
  process.exitCode = 1;
});
