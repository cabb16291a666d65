/**
 * What the task pane asks of the engine, in one lazily loaded module (with zod and the rule
 * kinds it is the heaviest part of the pane: it is fetched when a workbook is opened, and the
 * compute step runs it inside a Web Worker — see ./worker-client.ts). Every step is the engine's
 * application layer (engine/app), the same the CLI calls; this file only adapts shapes for views.
 * Pure: no DOM, no Office; the worker and the pane share it.
 */
import {
  openMaster,
  scoreMasterRound,
  importSubmissions,
  applyAppraisals as appApplyAppraisals,
  templatesFor,
  gapsByLead,
  formatIssue,
  type AppraisalEdit,
  type FilledInput,
  type ImportOutcome,
  type Issue,
  type Lang,
  type ResultsDocument,
  type ScoringDocument,
  type GapRollup,
  type WhatIfResult,
  type AssessmentChange,
  type TemplateFile,
} from '../../engine';
import type { RenderedSheet, SheetSnapshot } from '../../engine';
import type { MasterDocument } from '../../engine';
import type { SipasResult } from '../../engine';
import { kindLabel, fold, sheetsToRead, tableSpec, LOG_SHEET, isMasterWorkbook as looksLikeMaster, isTemplateWorkbook, parseFilledTemplate, readLogSheet, explainCriterion, explanationLines } from '../../engine';
import type { CriterionExplanation, LogEntry, SheetInfo } from '../../engine';
import { lockRound as appLockRound, LOCK_SHEET, CROSSWALK_SHEET, type LockOptions, type LockOutcome, type LockEvent } from '../../engine';
import { PREVIOUS_CRITERIA_SHEET } from '../../engine';
import { cellLayout, cellTarget, type CellLayout, type CellTarget } from '../../engine';
import type { ComputeOutput } from './recompute';

/** Every table of a master workbook (typed: a table the engine adds must be listed here). */
const MASTER_TABLES: Readonly<Record<Parameters<typeof tableSpec>[0], true>> = Object.freeze({
  config: true,
  criteria: true,
  units: true,
  submissions: true,
  rounds: true,
  surveyResponses: true,
  surveyCounts: true,
  surveyIndices: true,
  previous: true,
  plan: true,
});

/**
 * Last year's appraised points per unit and criterion (engine/workbook/master/previousCriteria):
 * not a table of the master's spec but an optional sheet, read for the appraisal-risk check
 * "higher than last year's appraised points with nothing new declared" (`risk.aboveLastYear`).
 * Its names as the reader accepts them (Vietnamese; English; without diacritics, which `fold` covers).
 */
export const PREVIOUS_CRITERIA_SHEETS: readonly string[] = Object.freeze([PREVIOUS_CRITERIA_SHEET, 'Previous year - criteria']);

/** The units' progress reports, read by the plan tracking (engine/plan STATUS_REGISTER_SHEET). */
export const STATUS_REGISTER = 'Tiến độ - tổng hợp';

/**
 * The sheets the pane reads from Excel: those of `sheetsToRead` that the engine uses — the master's
 * tables under their names or accepted aliases (compared as the reader compares them, without
 * case or diacritics), the status register and the import log. The user's other sheets are not
 * read: in Excel every sheet read costs request and response bytes, and they carry nothing the
 * round needs.
 * @example await port.read(sheetsNeeded((await port.listSheets()).map((s) => s.name)))
 */
export function sheetsNeeded(available: readonly string[]): string[] {
  const tables = new Set(
    (Object.keys(MASTER_TABLES) as Parameters<typeof tableSpec>[0][]).flatMap((id) => {
      const t = tableSpec(id);
      return [t.sheet, ...t.sheetAliases].map(fold);
    }),
  );
  // rounds closed and the crosswalk of units (engine/periods): imports, appraisals and scores check them
  for (const n of [LOCK_SHEET, CROSSWALK_SHEET]) tables.add(fold(n));
  // last year's criterion points: the appraisal risks compare this year's self-scores with them
  for (const n of PREVIOUS_CRITERIA_SHEETS) tables.add(fold(n));
  return sheetsToRead(available).filter((n) => tables.has(fold(n)) || n === STATUS_REGISTER || n === LOG_SHEET);
}

export { sheetsToRead, localIso, isMasterWorkbook, builtins, newMasterSheets, runWhatIf, templateUnitsOf, leavesOf } from '../../engine';
export type { MasterDocument, GapRollup, WhatIfResult, AssessmentChange, ImportOutcome, FilledInput, TemplateFile };

/** What the pane shows after a compute. */
export interface ComputeSummary {
  results?: ResultsDocument;
  sipas?: SipasResult;
  doc?: MasterDocument;
  /** The document as scored (survey indices from SIPAS merged in): what-if starts from it. */
  scoring?: ScoringDocument;
  counts: { units: number; wards: number; errors: number; warnings: number };
  /** The import log ("Nhật ký nhập") as read: where each declared value came from, for "explain". */
  log?: LogEntry[];
}

/** Read a master workbook's sheets into a document (issues located on cells). */
export function readMasterDoc(snapshots: readonly SheetSnapshot[], file?: string): { doc: MasterDocument; issues: Issue[] } {
  const m = openMaster(snapshots, file !== undefined ? { file } : {});
  return { doc: m.doc, issues: m.issues };
}

/**
 * The whole compute (engine/app `scoreMasterRound`): the same sheets the CLI writes.
 * @example const out = computeMaster(await port.read(sheetsToRead(names)), { lang: 'vi', file: 'master.xlsx', sheetNames: names });
 */
export function computeMaster(
  snapshots: readonly SheetSnapshot[],
  options: { lang: Lang; file?: string; asOf?: string; sheetNames?: readonly string[] },
  onProgress: (fraction: number) => void = () => undefined,
): ComputeOutput<ComputeSummary> {
  const r = scoreMasterRound(snapshots, { ...options, onProgress });
  const summary: ComputeSummary = { counts: r.counts };
  if (r.results) summary.results = r.results;
  if (r.sipas) summary.sipas = r.sipas;
  if (r.master) summary.doc = r.master.doc;
  if (r.scoring) summary.scoring = r.scoring;
  const log = snapshots.find((x) => x.name === LOG_SHEET);
  if (log) summary.log = readLogSheet(log);
  return { sheets: r.sheets, issues: r.issues, ok: r.ok, summary };
}

export function leadRollup(results: ResultsDocument): GapRollup[] {
  return gapsByLead(results);
}

export function describeIssue(i: Issue, lang: Lang): string {
  return formatIssue(i, lang);
}

/** Check filled templates against the master and bring them in (engine/app `importSubmissions`). */
export function importFilledTemplates(masterSnapshots: readonly SheetSnapshot[], files: readonly FilledInput[], options: { lang: Lang; file?: string; now: string; acceptValidRows: boolean }): ImportOutcome {
  return importSubmissions(masterSnapshots, files, options);
}

/**
 * Close a round, or reopen it with a reason (engine/app `lockRound`, the same as `parindex lock`):
 * the sheets "Chốt điểm" and "Nhật ký nhập" to write back, or the issues that refuse it.
 */
export function lockRoundOf(snapshots: readonly SheetSnapshot[], options: LockOptions): LockOutcome {
  return appLockRound(snapshots, options);
}

/** Appraisal rounds and reasons into "Kê khai" (engine/app `applyAppraisals`). */
export function applyAppraisals(doc: MasterDocument, edits: readonly AppraisalEdit[], lang: Lang): { sheets: RenderedSheet[]; issues: Issue[] } {
  return appApplyAppraisals(doc, edits, lang);
}

/** The templates of the open master (engine/app `templatesFor`), one unit or all. */
export function templatesOf(doc: MasterDocument, options: { lang: Lang; now: string; deadline?: string; units?: readonly string[] }): TemplateFile[] {
  return templatesFor(doc, options).templates;
}

/**
 * Why no template can be made from this master (unit codes that would share a file name, or make
 * one too long: engine/app `templatesFor` checks them before any template), one line per problem,
 * located; empty when templates can be made.
 */
export function templatesBlocked(doc: MasterDocument, lang: Lang): string[] {
  const r = templatesFor(doc, { lang, now: '', units: [] });
  return r.ok ? [] : r.issues.filter((i) => i.severity === 'error').map((i) => formatIssue(i, lang));
}

/** "ward" → "Phường" (the output sheets' wording). */
export function kindName(kind: string, lang: Lang): string {
  return kindLabel(kind, lang);
}

/** What an opened file is, said at once: the master, a unit's template (with how much of it is filled), or neither. */
export type WorkbookKind = { kind: 'master' } | { kind: 'template'; unit?: string; unitName?: string; answered: number; applicable: number } | { kind: 'other' };

/**
 * Tell a master from a unit's template (its "_meta" or self-assessment sheet) from anything else,
 * by its sheets; a template's own metadata names its unit (`snapshots`: the file's sheets).
 * @example workbookKind('tu-danh-gia-KG.xlsx', sheets, snapshots) // { kind: 'template', unit: 'KG', answered: 40, … }
 */
export function workbookKind(file: string, sheets: readonly SheetInfo[], snapshots: readonly SheetSnapshot[] = []): WorkbookKind {
  if (looksLikeMaster(sheets.map((x) => x.name))) return { kind: 'master' };
  if (!isTemplateWorkbook(sheets)) return { kind: 'other' };
  const p = parseFilledTemplate({ file, sheets, snapshots }, {});
  const unitName = p.meta?.unitName;
  return { kind: 'template', ...(p.unit ? { unit: p.unit } : {}), ...(unitName ? { unitName } : {}), answered: p.answered, applicable: p.applicable };
}

/**
 * How one unit's score on one criterion came about (engine/app `explainCriterion`, the same as
 * `parindex explain`), from the round the pane holds after a compute: the rule and its
 * parameters, the declared value and its source (file, sheet, cell, import time), each round with
 * its reason, the points lost and recoverable. Undefined when the unit or criterion is not scored.
 */
export function explain(summary: ComputeSummary, unit: string, criterion: string, lang: Lang, file?: string): { explanation: CriterionExplanation; lines: string[] } | undefined {
  if (!summary.results) return undefined;
  const doc = summary.doc;
  const master = doc ? { isMaster: true, doc, statuses: [], issues: [], scorable: true, snapshots: [] } : undefined;
  const r = explainCriterion(
    { results: summary.results, issues: summary.results.issues, ...(summary.scoring ? { scoring: summary.scoring } : {}), ...(summary.sipas ? { sipas: summary.sipas } : {}), ...(master ? { master } : {}) },
    { lang, unit, criterion, ...(file !== undefined ? { file } : {}), ...(summary.log ? { log: summary.log } : {}) },
  );
  return r.explanation ? { explanation: r.explanation, lines: explanationLines(r.explanation, lang) } : undefined;
}

/** Layouts of the output sheets, kept per results document (rendered again only after a new compute). */
const layouts = new WeakMap<ResultsDocument, CellLayout>();

/**
 * The unit (and criterion) a cell of "Kết quả", "Xếp hạng", "Điểm bị trừ" or "Tổng hợp" stands for,
 * for the cell the analyst selects in Excel (engine/app `cellTarget`); undefined for any other cell.
 */
export function cellExplainTarget(summary: ComputeSummary, sheet: string, address: string): CellTarget | undefined {
  const results = summary.results;
  if (!results) return undefined;
  let layout = layouts.get(results);
  if (!layout) {
    const doc = summary.doc;
    layout = cellLayout(results, doc ? { nodes: doc.framework.nodes, unitNames: Object.fromEntries(doc.units.map((u) => [u.code, u.name])) } : {});
    layouts.set(results, layout);
  }
  return cellTarget(layout, sheet, address);
}
export type { CriterionExplanation, LogEntry, LockEvent, LockOutcome };
