import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScoringDocumentInput } from '../engine/model/document';
import type { FrameworkNode } from '../engine/model/framework';

/**
 * The same computation as the engine, written the way an analyst would in Excel: a long
 * table of answers with a final-points formula per row, then SUMIFS per unit and per area,
 * index, and rank by COUNTIFS. LibreOffice headless loads, recalculates and saves it.
 */
export async function buildFormulaWorkbook(doc: ScoringDocumentInput, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('Data');
  data.addRow(['unit', 'criterion', 'area', 'kind', 'value', 'self', 'appraisal', 'max', 'final', 'lost']);
  const leafInfo = new Map<string, { area: string; kind: string; max: number }>();
  const walk = (nodes: FrameworkNode[], area: string | undefined): void => {
    for (const n of nodes) {
      const a = area ?? n.code;
      if (n.children) walk(n.children, a);
      else leafInfo.set(n.code, { area: a, kind: n.rule?.kind ?? 'points', max: n.max ?? 0 });
    }
  };
  walk(doc.framework.nodes, undefined);
  let r = 2;
  for (const a of doc.assessments ?? []) {
    const info = leafInfo.get(a.criterion);
    if (!info) continue;
    const appr = a.appraisal && a.appraisal.length ? a.appraisal[a.appraisal.length - 1] : null;
    data.addRow([a.unit, a.criterion, info.area, info.kind, typeof a.value === 'string' ? a.value : null, a.self ?? null, appr ?? null, info.max]);
    data.getCell(`I${r}`).value = {
      formula: `IF(G${r}<>"",MIN(H${r},MAX(0,G${r})),IF(D${r}="yesNo",IF(E${r}="Có",H${r},0),MIN(H${r},MAX(0,F${r}))))`,
    };
    data.getCell(`J${r}`).value = { formula: `H${r}-I${r}` };
    r++;
  }
  const last = r - 1;
  const unitsWs = wb.addWorksheet('Units');
  unitsWs.addRow(['unit', 'score', 'max', 'index', 'rank']);
  const n = doc.units.length;
  doc.units.forEach((u, i) => {
    const row = i + 2;
    unitsWs.addRow([u.code]);
    unitsWs.getCell(`B${row}`).value = { formula: `SUMIFS(Data!$I$2:$I$${last},Data!$A$2:$A$${last},A${row})` };
    unitsWs.getCell(`C${row}`).value = { formula: `SUMIFS(Data!$H$2:$H$${last},Data!$A$2:$A$${last},A${row})` };
    unitsWs.getCell(`D${row}`).value = { formula: `IF(C${row}=0,0,B${row}/C${row}*100)` };
    unitsWs.getCell(`E${row}`).value = { formula: `COUNTIFS($D$2:$D$${n + 1},">"&D${row})+1` };
  });
  const areas = doc.framework.nodes.map((x) => x.code);
  const areaWs = wb.addWorksheet('Areas');
  areaWs.addRow(['unit', ...areas]);
  doc.units.forEach((u, i) => {
    const row = i + 2;
    areaWs.addRow([u.code]);
    areas.forEach((a, j) => {
      const col = String.fromCharCode(66 + j);
      areaWs.getCell(`${col}${row}`).value = {
        formula: `SUMPRODUCT((Data!$A$2:$A$${last}=$A${row})*(Data!$C$2:$C$${last}="${a}")*Data!$I$2:$I$${last})`,
      };
    });
  });
  await wb.xlsx.writeFile(file);
}

let profileDir: string | undefined;
let clockTicks: number | undefined;

export interface MeasuredRun {
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds of the command and every process it waited for (NaN where /proc is missing). */
  cpuSeconds: number;
  status: number | null;
  stderr: string;
}

/**
 * Run a command to completion and measure it: wall time, and CPU time of the whole process tree
 * (a shell runs it and reports its children's user + system time from /proc/<pid>/stat), which a
 * shared machine's load does not inflate the way it inflates wall time. Its stdout is discarded.
 */
export function runMeasured(command: string, args: readonly string[], timeoutMs = 600000): MeasuredRun {
  clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  const t0 = process.hrtime.bigint();
  const r = spawnSync('sh', ['-c', '"$@" >/dev/null; s=$?; cat /proc/$$/stat 2>/dev/null; exit $s', 'sh', command, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // fields after "pid (comm)": state is field 3, cutime field 16, cstime field 17
  const rest = (r.stdout ?? '').slice((r.stdout ?? '').lastIndexOf(')') + 2).split(' ');
  const ticks = Number(rest[13]) + Number(rest[14]);
  return { seconds, cpuSeconds: rest.length > 14 ? ticks / clockTicks : NaN, status: r.status, stderr: r.stderr ?? '' };
}

/**
 * Load, recalculate and save `file` with LibreOffice headless (one run). One user profile is kept
 * for the whole process, so only the very first call pays for building it.
 * Returns the seconds taken (wall and CPU) and the recalculated copy.
 */
export function recalcWithLibreOffice(file: string): { seconds: number; cpuSeconds: number; outFile: string } {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-out-'));
  profileDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'lo-prof-'));
  const r = runMeasured('soffice', [`-env:UserInstallation=file://${profileDir}`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, file]);
  const outFile = path.join(outDir, path.basename(file));
  if (r.status !== 0 || !fs.existsSync(outFile)) throw new Error(`soffice --convert-to exited ${String(r.status)}: ${r.stderr.split('\n')[0] ?? ''}`);
  return { seconds: r.seconds, cpuSeconds: r.cpuSeconds, outFile };
}

/** Seconds LibreOffice headless takes to load, recalculate and save `file` (one run). */
export function timeLibreOffice(file: string): number {
  return recalcWithLibreOffice(file).seconds;
}

/** Read back LibreOffice's recalculated unit indices (to check it computed the same thing). */
export async function readRecalculatedIndices(file: string): Promise<Map<string, number>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Units');
  const out = new Map<string, number>();
  ws?.eachRow((row, i) => {
    if (i === 1) return;
    const code = row.getCell(1).value;
    const v = row.getCell(4).value;
    const num = typeof v === 'object' && v !== null && 'result' in v ? Number((v as { result: unknown }).result) : Number(v);
    if (typeof code === 'string') out.set(code, num);
  });
  return out;
}
