/**
 * `parindex score master.xlsx`: read a master workbook with the exceljs port, score it with
 * the engine, write every output sheet (and the computed columns of "Kê khai") into a NEW
 * file — temp file then rename — never touching the input.
 */
import * as path from 'node:path';
import { hasErrors, issue, type Issue } from '../engine/model/issue';
import type { Lang } from '../engine/i18n/format';
import type { ResultsDocument } from '../engine/model/results';
import type { RenderedSheet, SheetSnapshot } from '../engine/workbook/port';
import { scoreDocument, getBuiltinFramework } from '../engine';
import { readMaster, scoreMaster, submissionStatus, findTableSheet, tableSpec, looksLikeMaster, type MasterDocument, type MasterScore } from '../engine/workbook/master';
import { renderOutputSheets, applyComputedColumns, computeSubmissionOutputs, isOutputSheet, OUTPUT_SHEETS } from '../engine/workbook/output';
import { readStatusRegister, STATUS_REGISTER_SHEET } from '../engine/plan';
import type { ExcelJsPort } from './port';
import { openXlsxFile, saveXlsxAtomically, samePath } from './node';

export interface ScoreWorkbookOptions {
  /** Output path; default `<input>-ket-qua.xlsx` beside the input (none with `json` unless given). */
  out?: string;
  /** Results are wanted as JSON: no file is written unless `out` is given. */
  json?: boolean;
  lang: Lang;
  /** ISO date used as "today" (plan status, late submissions). */
  asOf?: string;
  /** Sheets rendered by other modules (submission status, plan tracking) to write with ours. */
  extraSheets?: (doc: MasterDocument, scored: MasterScore) => readonly RenderedSheet[];
}

export interface ScoreWorkbookResult {
  results?: ResultsDocument;
  issues: Issue[];
  outPath?: string;
  /** The master as read (for callers that print summaries). */
  doc?: MasterDocument;
  scored?: MasterScore;
}

/** `master.xlsx` → `master-ket-qua.xlsx` in the same folder. */
export function defaultResultsPath(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.xlsx$/i, '');
  return path.join(dir, `${base}-ket-qua.xlsx`);
}

/** Read every sheet of a workbook (one batched read). */
export async function readAllSheets(port: ExcelJsPort): Promise<SheetSnapshot[]> {
  const names = (await port.listSheets()).map((s) => s.name);
  return port.read(names);
}

/** Open and read a master workbook. Issues are located at the file's base name. */
export async function readMasterFile(input: string): Promise<{ port?: ExcelJsPort; doc?: MasterDocument; issues: Issue[]; snapshots: SheetSnapshot[]; isMaster: boolean }> {
  const label = path.basename(input);
  const opened = await openXlsxFile(input, label);
  if (!opened.port) return { issues: opened.issues, snapshots: [], isMaster: false };
  const snapshots = await readAllSheets(opened.port);
  const isMaster = looksLikeMaster(snapshots.map((s) => s.name));
  const { doc, issues } = readMaster(snapshots, label, { resolveFramework: (id) => getBuiltinFramework(id) });
  return { port: opened.port, doc, issues, snapshots, isMaster };
}

/** Score a master document already read (no file I/O). */
export function scoreMasterDocument(doc: MasterDocument, lang: Lang, file?: string, asOf?: string, snapshots: readonly SheetSnapshot[] = []): MasterScore {
  // Units' quarterly task statuses, when the master holds the plan module's status register.
  const reg = snapshots.find((s) => s.name === STATUS_REGISTER_SHEET);
  const statuses = reg ? readStatusRegister(reg, file) : undefined;
  const scored = scoreMaster(doc, (d, o) => scoreDocument(d, o), {
    lang,
    ...(file ? { file } : {}),
    ...(asOf ? { asOf } : {}),
    ...(statuses && statuses.statuses.length ? { planStatuses: statuses.statuses } : {}),
  });
  if (statuses) scored.issues.push(...statuses.issues);
  return scored;
}

/** Render all sheets the scorer writes into a master: outputs, issues list, "Kê khai" with computed columns. */
export function renderScoredSheets(
  doc: MasterDocument,
  scored: MasterScore,
  snapshots: readonly SheetSnapshot[],
  options: { lang: Lang; file?: string; extraSheets?: readonly RenderedSheet[] },
): { sheets: RenderedSheet[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const sheets: RenderedSheet[] = [];
  const subs = findTableSheet(snapshots, tableSpec('submissions'));
  if (subs) {
    const outputs = computeSubmissionOutputs(scored.results, options.lang);
    const applied = applyComputedColumns(subs, outputs, doc.extras.locations, { lang: options.lang, ...(options.file ? { file: options.file } : {}) });
    issues.push(...applied.issues);
    sheets.push(applied.sheet);
  }
  const unitNames = Object.fromEntries(doc.units.map((u) => [u.code, u.name]));
  sheets.push(
    ...renderOutputSheets(scored.results, {
      lang: options.lang,
      nodes: doc.framework.nodes,
      unitNames,
      ...(scored.sipas ? { sipas: scored.sipas } : {}),
      ...(scored.planReport ? { planReport: scored.planReport } : {}),
      extraSheets: options.extraSheets ?? [],
      issues: [...scored.issues, ...issues],
    }),
  );
  // An owned sheet left from an earlier run that this run does not produce (e.g. SIPAS when the
  // survey data were removed) is replaced by a note, so stale numbers never survive.
  const produced = new Set(sheets.map((x) => x.name));
  for (const snap of snapshots) {
    if (!isOutputSheet(snap.name) || produced.has(snap.name) || snap.name === OUTPUT_SHEETS.status.name) continue;
    sheets.push({
      name: snap.name,
      marker: 'parindex:stale',
      values: [[options.lang === 'vi' ? 'Không có dữ liệu cho trang này trong lần tính điểm gần nhất.' : 'No data for this sheet in the latest scoring run.']],
      styles: [{ range: 'A1', style: { italic: true, fontColor: '595959' } }],
      columnWidths: [80],
    });
  }
  return { sheets, issues };
}

/**
 * Score a master workbook file and write the results workbook.
 * Refuses to write over the input (issue `cli.sameFile`). Output = the input's sheets, the
 * owned output sheets rewritten whole, and the computed columns beside "Kê khai".
 * @example const { results, issues, outPath } = await scoreWorkbookFile('master.xlsx', { lang: 'vi' });
 */
export async function scoreWorkbookFile(input: string, options: ScoreWorkbookOptions): Promise<ScoreWorkbookResult> {
  const read = await readMasterFile(input);
  if (!read.port || !read.doc) return { issues: read.issues };
  return scoreLoadedWorkbook(read.port, read.snapshots, input, options, { doc: read.doc, issues: read.issues, isMaster: read.isMaster });
}

/**
 * The part of `scoreWorkbookFile` after the file is open: used by callers that already hold
 * the workbook in memory (the demo, after entering appraisal scores). `input` is the path the
 * workbook came from (never written).
 */
export async function scoreLoadedWorkbook(
  port: ExcelJsPort,
  snapshots: readonly SheetSnapshot[],
  input: string,
  options: ScoreWorkbookOptions,
  read?: { doc: MasterDocument; issues: Issue[]; isMaster: boolean },
): Promise<ScoreWorkbookResult> {
  const label = path.basename(input);
  const r = read ?? (() => {
    const x = readMaster(snapshots, label, { resolveFramework: (id) => getBuiltinFramework(id) });
    return { doc: x.doc, issues: x.issues, isMaster: looksLikeMaster(snapshots.map((s) => s.name)) };
  })();
  if (!r.isMaster) return { issues: [...r.issues.filter((i) => i.code === 'workbook.missingSheet'), issue('workbook.notMaster', {}, { file: label })] };
  const doc = r.doc;
  const issues: Issue[] = [...r.issues];
  // Without a criteria set or units there is nothing to score.
  if (doc.framework.nodes.length === 0 || doc.units.length === 0) return { issues, doc };
  const scored = scoreMasterDocument(doc, options.lang, label, options.asOf, snapshots);
  issues.push(...scored.issues);
  const wantFile = options.out !== undefined || !options.json;
  const result: ScoreWorkbookResult = { results: scored.results, issues, doc, scored };
  if (!wantFile) return result;
  const outPath = options.out ?? defaultResultsPath(input);
  if (samePath(input, outPath)) {
    issues.push(issue('cli.sameFile', { file: outPath }, { file: path.basename(outPath) }));
    return result;
  }
  const extra = options.extraSheets ? options.extraSheets(doc, scored) : [];
  const rendered = renderScoredSheets(doc, { ...scored, issues }, snapshots, { lang: options.lang, file: label, extraSheets: extra });
  issues.push(...rendered.issues);
  // Input sheets other than "Kê khai" are left exactly as they are; owned sheets are replaced whole.
  for (const s of rendered.sheets) if (!isOutputSheet(s.name) && s.name !== doc.extras.sheets['submissions']) throw new Error(`refusing to write input sheet ${s.name}`);
  await port.write(rendered.sheets);
  const saveIssues = await saveXlsxAtomically(port, outPath, { inputPath: input });
  issues.push(...saveIssues);
  if (!hasErrors(saveIssues)) result.outPath = outPath;
  return result;
}

export interface ValidateMasterResult {
  kind: 'master' | 'notMaster' | 'unreadable';
  issues: Issue[];
  units?: number;
  criteria?: number;
  rows?: number;
}

/**
 * Check a master workbook fully: sheet structure and cells (reader), then the criteria set,
 * the declared values against each rule and the survey data (engine), all located on cells.
 * Reads only; the file is never written.
 */
export async function validateMasterFile(input: string, lang: Lang): Promise<ValidateMasterResult> {
  const label = path.basename(input);
  const read = await readMasterFile(input);
  if (!read.port) return { kind: 'unreadable', issues: read.issues };
  if (!read.isMaster || !read.doc) return { kind: 'notMaster', issues: read.issues };
  const doc = read.doc;
  const issues: Issue[] = [...read.issues];
  if (doc.framework.nodes.length > 0 && doc.units.length > 0) {
    const scored = scoreMasterDocument(doc, lang, label, undefined, read.snapshots);
    const seen = new Set(issues.map((i) => `${i.code}|${i.sheet ?? ''}|${i.cell ?? ''}|${i.unit ?? ''}|${i.criterion ?? ''}`));
    for (const i of scored.issues) {
      const k = `${i.code}|${i.sheet ?? ''}|${i.cell ?? ''}|${i.unit ?? ''}|${i.criterion ?? ''}`;
      if (!seen.has(k)) {
        seen.add(k);
        issues.push(i);
      }
    }
  }
  issues.push(...submissionStatus(doc, label).issues);
  let criteria = 0;
  const walk = (ns: readonly { children?: unknown[] | undefined }[]): void => {
    for (const n of ns) {
      if (n.children && n.children.length) walk(n.children as { children?: unknown[] }[]);
      else criteria++;
    }
  };
  walk(doc.framework.nodes);
  return { kind: 'master', issues, units: doc.units.length, criteria, rows: doc.assessments.length };
}
