/**
 * The smaller steps of a round: set up a new master, enter appraisals, check a master, what-if.
 */
import { hasErrors, issue, type Issue } from '../model/issue';
import type { Lang } from '../i18n/format';
import type { Assessment } from '../model/assessment';
import type { Framework } from '../model/framework';
import type { Unit } from '../model/unit';
import type { ScoringDocument } from '../model/document';
import type { ResultsDocument } from '../model/results';
import type { RenderedSheet, SheetSnapshot } from '../workbook/port';
import { frameworkLeaves, renderMasterInputSheets, renderSubmissionsSheet, submissionStatus, type MasterData, type MasterDocument } from '../workbook/master';
import { templateUnits } from '../workbook/template';
import { builtinFrameworks, builtinUnits, frameworkYears, getBuiltinFramework } from '../frameworks';
import { whatIf, type AssessmentChange, type WhatIfResult } from '../gaps/whatIf';
import { scoreMasterRound } from './score';
import { countLeaves, openMaster } from './master';
import { pushAll } from '../model/arrays';
import { guardAppraisalEdits } from './periods';

/**
 * Built-in criteria sets and the built-in unit list, for "Thiết lập"; `years` is the years the
 * set's decision covers, in words ("2022–2030", "từ 2022"), when the set says.
 */
export function builtins(lang: Lang = 'vi'): { frameworks: { id: string; name: string; leaves: number; years?: string }[]; units: Unit[] } {
  const frameworks = builtinFrameworks.map((f: Framework) => {
    const years = frameworkYears(f.meta?.years, lang);
    return { id: f.id, name: f.name, leaves: countLeaves(f.nodes), ...(years !== undefined ? { years } : {}) };
  });
  return { frameworks, units: [...builtinUnits] };
}

/**
 * A new master's input sheets: a built-in criteria set and units, no submissions yet.
 * @example const { sheets } = newMasterSheets('thanh-xuan-2023', 'vi'); await port.write(sheets);
 */
export function newMasterSheets(frameworkId: string, lang: Lang): { sheets: RenderedSheet[]; issues: Issue[] } {
  const framework = getBuiltinFramework(frameworkId);
  if (!framework) return { sheets: [], issues: [issue('setup.unknownFramework', { id: frameworkId })] };
  const data: MasterData = { framework, units: [...builtinUnits], assessments: [] };
  return { sheets: renderMasterInputSheets(data, { lang }), issues: [] };
}

/** One appraisal entry: the rounds' points (round 1, round 2) and the reason. */
export interface AppraisalEdit {
  unit: string;
  criterion: string;
  appraisal: number[];
  /** The reason of the last round (the one scoring shows). */
  reason?: string;
  /** The reason of each round as entered (round 1, round 2), kept beside the submission. */
  reasons?: [string | undefined, string | undefined];
}

/**
 * Enter appraisal rounds and reasons into the master's assessments; returns "Kê khai" to write
 * (the host's port updates it in place). Unknown unit/criterion pairs are reported; an edit that
 * changes the points of a closed round ("Chốt điểm") is refused, naming the round and when it closed.
 * @example const { sheets } = applyAppraisals(doc, [{ unit: 'KG', criterion: '1.1', appraisal: [0.5], reason: 'thiếu tài liệu' }], 'vi');
 */
export function applyAppraisals(doc: MasterDocument, edits: readonly AppraisalEdit[], lang: Lang): { sheets: RenderedSheet[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const leaves = new Set(frameworkLeaves(doc.framework.nodes).map((n) => n.code));
  const unitCodes = new Set(doc.units.map((u) => u.code));
  const byKey = new Map<string, AppraisalEdit>();
  // a closed appraisal round refuses changed points (engine/app/periods.ts)
  const guarded = guardAppraisalEdits(doc, edits);
  pushAll(issues, guarded.issues);
  for (const e of guarded.edits) {
    if (!leaves.has(e.criterion) || !unitCodes.has(e.unit)) {
      issues.push(issue('appraise.unknownRow', { unit: e.unit, criterion: e.criterion }, { unit: e.unit, criterion: e.criterion }));
      continue;
    }
    byKey.set(`${e.unit}|${e.criterion}`, e);
  }
  const seen = new Set<string>();
  const assessments: Assessment[] = doc.assessments.map((a) => {
    const key = `${a.unit}|${a.criterion}`;
    const e = byKey.get(key);
    if (!e) return a;
    seen.add(key);
    const next: Assessment = { ...a, appraisal: e.appraisal };
    if (e.reason !== undefined && e.reason !== '') next.reason = e.reason;
    else delete next.reason;
    return next;
  });
  for (const [key, e] of byKey) {
    if (seen.has(key)) continue;
    const next: Assessment = { unit: e.unit, criterion: e.criterion, appraisal: e.appraisal };
    if (e.reason) next.reason = e.reason;
    assessments.push(next);
  }
  const submissions = doc.extras.submissions.map((m) => {
    const e = byKey.get(`${m.unit}|${m.criterion}`);
    return e?.reasons ? { ...m, reasons: e.reasons } : m;
  });
  const sheet = renderSubmissionsSheet(assessments, { lang, framework: doc.framework, units: doc.units, submissions });
  // the master's own name for the sheet (an alias) is kept
  sheet.name = doc.extras.sheets['submissions'] ?? sheet.name;
  return { sheets: [sheet], issues };
}

export interface MasterCheck {
  kind: 'master' | 'notMaster';
  issues: Issue[];
  units: number;
  criteria: number;
  rows: number;
  ok: boolean;
}

/**
 * Check a master fully: sheet structure and cells, then the criteria set, the declared values
 * against each rule, the survey data and the plan — the same checks as scoring, without writing.
 * @example const { ok, issues } = checkMaster(snapshots, { lang: 'vi', file: 'master.xlsx' });
 */
export function checkMaster(snapshots: readonly SheetSnapshot[], options: { lang: Lang; file?: string }): MasterCheck {
  const fileLoc = options.file !== undefined ? { file: options.file } : {};
  const m = openMaster(snapshots, fileLoc);
  if (!m.isMaster) return { kind: 'notMaster', issues: m.issues, units: 0, criteria: 0, rows: 0, ok: false };
  const issues: Issue[] = [...m.issues];
  if (m.scorable) {
    const scored = scoreMasterRound(snapshots, { ...options, render: false });
    const key = (i: Issue): string => `${i.code}|${i.sheet ?? ''}|${i.cell ?? ''}|${i.unit ?? ''}|${i.criterion ?? ''}`;
    const seen = new Set(issues.map(key));
    for (const i of scored.issues) {
      // appraisal risks are advice on self-scores, not problems of the data: scoring lists them
      if (i.code.startsWith('risk.')) continue;
      if (seen.has(key(i))) continue;
      seen.add(key(i));
      issues.push(i);
    }
  }
  pushAll(issues, submissionStatus(m.doc, options.file).issues);
  return { kind: 'master', issues, units: m.doc.units.length, criteria: countLeaves(m.doc.framework.nodes), rows: m.doc.assessments.length, ok: !hasErrors(issues) };
}

/**
 * Live what-if on a scored document: only the changed units are re-scored (the engine keeps a
 * session per document object, so keep passing the same object).
 */
export function runWhatIf(scoring: ScoringDocument, changes: readonly AssessmentChange[], lang: Lang): WhatIfResult {
  return whatIf(scoring, [...changes], { lang });
}

/** Units that get a template (wards and the lead offices), in the master's order. */
export function templateUnitsOf(doc: MasterDocument): Unit[] {
  return templateUnits(doc.framework, doc.units);
}

/** Leaves of the criteria set, for the appraisal table. */
export function leavesOf(doc: MasterDocument): { code: string; name: string; max: number }[] {
  return frameworkLeaves(doc.framework.nodes).map((n) => ({ code: n.code, name: n.name, max: n.max ?? 0 }));
}

export type { ResultsDocument };
