/**
 * What the task pane asks of the engine, in one lazily loaded module (with zod and the rule
 * kinds it is the heaviest part of the pane: it is fetched when a workbook is opened, and the
 * compute step runs it inside a Web Worker — see ./worker-client.ts).
 * Pure: no DOM, no Office; the worker and the pane share it.
 */
import { scoreDocument, whatIf, getBuiltinFramework, builtinFrameworks, builtinUnits } from '../../engine';
import { formatIssue } from '../../engine/i18n';
import type { Lang } from '../../engine/i18n/format';
import { hasErrors, issue, type Issue } from '../../engine/model/issue';
import type { Assessment } from '../../engine/model/assessment';
import type { Framework } from '../../engine/model/framework';
import type { Unit } from '../../engine/model/unit';
import type { ScoringDocument } from '../../engine/model/document';
import type { ResultsDocument } from '../../engine/model/results';
import type { RenderedSheet, SheetSnapshot } from '../../engine/workbook/port';
import {
  readMaster,
  scoreMaster,
  findTableSheet,
  tableSpec,
  looksLikeMaster,
  masterSheetNames,
  renderMasterInputSheets,
  renderSubmissionsSheet,
  frameworkLeaves,
  type MasterData,
  type MasterDocument,
  type MasterScore,
} from '../../engine/workbook/master';
import { renderOutputSheets, applyComputedColumns, computeSubmissionOutputs, isOutputSheet, kindLabel } from '../../engine/workbook/output';
import { parseFilledTemplate, mergeAssessments, isTemplateWorkbook, type FilledParse, type FilledWorkbook, type LogEntry } from '../../engine/workbook/import';
import { gapsByLead, type GapRollup } from '../../engine/gaps/gaps';
import type { AssessmentChange, WhatIfResult } from '../../engine/gaps/whatIf';
import { templateUnits } from '../../engine/workbook/template';
import type { ComputeOutput } from './recompute';

export type { MasterDocument, MasterScore, GapRollup, WhatIfResult, AssessmentChange, FilledParse, LogEntry };

/** What the pane shows after a compute. */
export interface ComputeSummary {
  results?: ResultsDocument;
  sipas?: MasterScore['sipas'];
  doc?: MasterDocument;
  /** The document as scored (survey indices from SIPAS merged in): what-if starts from it. */
  scoring?: ScoringDocument;
  /** Units scored, by kind. */
  counts: { units: number; wards: number; errors: number; warnings: number };
}

/** Sheets to read for a compute: every master sheet present (canonical names and aliases). */
export function masterInputs(available: readonly string[]): string[] {
  const wanted = new Set(masterSheetNames());
  return available.filter((n) => wanted.has(n) || (!isOutputSheet(n) && !n.startsWith('_')));
}

export function isMasterWorkbook(names: readonly string[]): boolean {
  return looksLikeMaster(names);
}

/** Read a master workbook's sheets into a document (issues located on cells). */
export function readMasterDoc(snapshots: readonly SheetSnapshot[], file?: string): { doc: MasterDocument; issues: Issue[] } {
  return readMaster(snapshots, file, { resolveFramework: (id) => getBuiltinFramework(id) });
}

/**
 * The whole compute: master sheets → document → scores (with SIPAS) → output sheets and the
 * computed columns beside "Kê khai". Nothing to write when the input has errors.
 * @example const out = computeMaster(await port.read(names), { lang: 'vi', file: 'master.xlsx' });
 */
export function computeMaster(
  snapshots: readonly SheetSnapshot[],
  options: { lang: Lang; file?: string; asOf?: string },
  onProgress: (fraction: number) => void = () => undefined,
): ComputeOutput<ComputeSummary> {
  const { lang, file } = options;
  const names = snapshots.map((s) => s.name);
  if (!looksLikeMaster(names)) {
    return { sheets: [], issues: [issue('workbook.notMaster', {}, file ? { file } : {})], ok: false, summary: { counts: { units: 0, wards: 0, errors: 1, warnings: 0 } } };
  }
  const read = readMasterDoc(snapshots, file);
  onProgress(0.2);
  const issues: Issue[] = [...read.issues];
  const doc = read.doc;
  const counts = (): ComputeSummary['counts'] => ({
    units: doc.units.length,
    wards: doc.units.filter((u) => u.kind === 'ward').length,
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
  });
  if (hasErrors(read.issues) || doc.framework.nodes.length === 0 || doc.units.length === 0) {
    return { sheets: [], issues, ok: false, summary: { doc, counts: counts() } };
  }
  const scored = scoreMaster(doc, (d, o) => scoreDocument(d, o), { lang, ...(file ? { file } : {}), ...(options.asOf ? { asOf: options.asOf } : {}) });
  onProgress(0.7);
  issues.push(...scored.issues);
  const sheets: RenderedSheet[] = [];
  const subs = findTableSheet(snapshots, tableSpec('submissions'));
  if (subs) {
    const outputs = computeSubmissionOutputs(scored.results, lang);
    const applied = applyComputedColumns(subs, outputs, doc.extras.locations, { lang, ...(file ? { file } : {}) });
    issues.push(...applied.issues);
    sheets.push(applied.sheet);
  }
  const unitNames = Object.fromEntries(doc.units.map((u) => [u.code, u.name]));
  sheets.push(
    ...renderOutputSheets(scored.results, {
      lang,
      nodes: doc.framework.nodes,
      unitNames,
      ...(scored.sipas ? { sipas: scored.sipas } : {}),
      issues: [...issues],
    }),
  );
  onProgress(1);
  const summary: ComputeSummary = { results: scored.results, doc, scoring: scored.document, counts: counts() };
  if (scored.sipas) summary.sipas = scored.sipas;
  return { sheets, issues, ok: scored.ok || !hasErrors(scored.issues), summary };
}

/**
 * Live what-if on the scored document: only the changed units are re-scored (the engine keeps
 * a session per document object, so keep passing the same object).
 */
export function runWhatIf(scoring: ScoringDocument, changes: readonly AssessmentChange[], lang: Lang): WhatIfResult {
  return whatIf(scoring, [...changes], { lang });
}

export function leadRollup(results: ResultsDocument): GapRollup[] {
  return gapsByLead(results);
}

export function describeIssue(i: Issue, lang: Lang): string {
  return formatIssue(i, lang);
}

/** Built-in criteria sets and the built-in unit list, for "Thiết lập". */
export function builtins(): { frameworks: { id: string; name: string; leaves: number }[]; units: Unit[] } {
  const list = builtinFrameworks.map((f) => ({ id: f.id, name: f.name, leaves: countLeaves(f) }));
  return { frameworks: list, units: [...builtinUnits] };
}

function countLeaves(f: Framework): number {
  let n = 0;
  const walk = (nodes: Framework['nodes']): void => {
    for (const x of nodes) {
      if (x.children && x.children.length) walk(x.children);
      else n++;
    }
  };
  walk(f.nodes);
  return n;
}

/** A new master's input sheets: a built-in criteria set and units, no submissions yet. */
export function newMasterSheets(frameworkId: string, lang: Lang): { sheets: RenderedSheet[]; issues: Issue[] } {
  const framework = getBuiltinFramework(frameworkId);
  if (!framework) return { sheets: [], issues: [issue('addin.unknownFramework', { id: frameworkId })] };
  const data: MasterData = { framework, units: [...builtinUnits], assessments: [] };
  return { sheets: renderMasterInputSheets(data, { lang }), issues: [] };
}

/** Check filled templates against the master and bring the valid ones into "Kê khai". */
export function importFilledTemplates(
  doc: MasterDocument,
  files: readonly FilledWorkbook[],
  options: { lang: Lang; now: string; acceptValidRows: boolean },
): { parsed: FilledParse[]; sheet?: RenderedSheet; log: LogEntry[]; issues: Issue[] } {
  const parsed: FilledParse[] = [];
  const issues: Issue[] = [];
  let assessments: Assessment[] = doc.assessments.map((a) => ({ ...a }));
  const log: LogEntry[] = [];
  for (const f of files) {
    if (!isTemplateWorkbook(f.sheets)) {
      const i = issue('addin.notTemplate', { file: f.file }, { file: f.file });
      parsed.push({ file: f.file, assessments: [], rows: [], applicable: 0, answered: 0, rejectedRows: 0, issues: [i], status: 'rejected' });
      issues.push(i);
      continue;
    }
    const p = parseFilledTemplate(f, { framework: doc.framework, units: doc.units }, { acceptValidRows: options.acceptValidRows });
    parsed.push(p);
    issues.push(...p.issues);
    if (p.status === 'rejected' || p.rows.length === 0) continue;
    const merged = mergeAssessments(assessments, p.rows, { file: f.file, by: p.unit ?? '', time: options.now });
    assessments = merged.assessments;
    log.push(...merged.log);
  }
  if (log.length === 0) return { parsed, log, issues };
  const sheet = renderSubmissionsSheet(assessments, { lang: options.lang, framework: doc.framework, units: doc.units, submissions: doc.extras.submissions });
  return { parsed, sheet, log, issues };
}

/** Write appraisal rounds and reasons into the assessments and render "Kê khai" again. */
export function applyAppraisals(
  doc: MasterDocument,
  edits: readonly { unit: string; criterion: string; appraisal: number[]; reason?: string }[],
  lang: Lang,
): RenderedSheet {
  const byKey = new Map(edits.map((e) => [`${e.unit}|${e.criterion}`, e]));
  const assessments = doc.assessments.map((a) => {
    const e = byKey.get(`${a.unit}|${a.criterion}`);
    if (!e) return a;
    const next: Assessment = { ...a, appraisal: e.appraisal };
    if (e.reason !== undefined && e.reason !== '') next.reason = e.reason;
    else delete next.reason;
    return next;
  });
  for (const e of edits) {
    if (!doc.assessments.some((a) => a.unit === e.unit && a.criterion === e.criterion)) {
      const next: Assessment = { unit: e.unit, criterion: e.criterion, appraisal: e.appraisal };
      if (e.reason) next.reason = e.reason;
      assessments.push(next);
    }
  }
  return renderSubmissionsSheet(assessments, { lang, framework: doc.framework, units: doc.units, submissions: doc.extras.submissions });
}

/** Units that get a template (wards and the lead offices), in the master's order. */
export function templateUnitsOf(doc: MasterDocument): Unit[] {
  return templateUnits(doc.framework, doc.units);
}

/** Leaves of the criteria set, for the appraisal table. */
export function leavesOf(doc: MasterDocument): { code: string; name: string; max: number }[] {
  return frameworkLeaves(doc.framework.nodes).map((n) => ({ code: n.code, name: n.name, max: n.max ?? 0 }));
}

/** "ward" → "Phường" (the output sheets' wording). */
export function kindName(kind: string, lang: Lang): string {
  return kindLabel(kind, lang);
}
