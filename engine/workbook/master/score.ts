import type { Issue, Location } from '../../model/issue';
import { hasErrors } from '../../model/issue';
import type { Lang } from '../../i18n/format';
import type { ResultsDocument } from '../../model/results';
import type { ScoringDocument } from '../../model/document';
import type { SipasResult } from '../../sipas/result';
import { scoreSipas } from '../../sipas/score';
import { mergeSurveyIntervals, sipasToSurveyIndices, sipasToSurveyIntervals } from '../../sipas/link';
import { planForResults } from '../../plan/document';
import type { PlanReport } from '../../plan/track';
import type { TaskStatus } from '../../plan/task';
import { assessmentKey, type MasterDocument } from './types';
import { pushAll } from '../../model/arrays';

/** The scoring function of the engine (engine/index.ts `scoreDocument`), passed in to keep this module free of cycles. */
export type ScoreFn = (doc: unknown, options?: { lang?: Lang; asOf?: string }) => { results: ResultsDocument; issues: Issue[]; ok: boolean };

export interface MasterScore {
  results: ResultsDocument;
  sipas?: SipasResult;
  /** Plan tracking (when the master has plan tasks or a built-in plan id). */
  planReport?: PlanReport;
  /** Scoring and survey issues, located on the master's cells where possible. */
  issues: Issue[];
  ok: boolean;
  /** The scoring document actually scored (survey indices merged in, plan left out): what-if starts from it. */
  document: ScoringDocument;
}

/** Criteria-sheet column of the field a criteria-set issue is about. */
function criteriaColumn(i: Issue, cells: Record<string, string>): string {
  const rule = cells['ruleParams'] ? 'ruleParams' : 'ruleKind';
  if (i.code === 'rule.unknownKind') return 'ruleKind';
  if (i.code.startsWith('rule.')) return rule;
  const path = i.params?.['path'];
  const missing = i.params?.['missing'];
  const field = i.code === 'framework.badField' && typeof path === 'string' ? path.split('.')[0] : i.code === 'framework.leafIncomplete' && Array.isArray(missing) && typeof missing[0] === 'string' ? missing[0] : undefined;
  if (field === 'rule') return i.code === 'framework.leafIncomplete' ? 'ruleKind' : rule;
  if (field !== undefined && cells[field]) return field;
  return /max|sum|total/i.test(i.code) ? 'max' : 'code';
}

/** A criteria-set issue that only repeats a cell the reader rejected (a maximum refused is not also "missing"). */
function repeatsRejected(i: Issue, rejected: Readonly<Record<string, string[]>>): boolean {
  const fields = i.criterion !== undefined && !i.unit ? rejected[i.criterion] : undefined;
  if (!fields) return false;
  if (i.code === 'framework.capMissing') return fields.includes('cap');
  const missing = i.params?.['missing'];
  return i.code === 'framework.leafIncomplete' && Array.isArray(missing) && missing.every((m) => typeof m === 'string' && fields.includes(m));
}

/**
 * Put sheet locations on issues that only name a unit and a criterion (engine issues):
 * the submission row's cell, or the cell of the criterion's row in "Bộ tiêu chí" that holds the
 * field in question. A criteria-set issue that only repeats a cell the reader already rejected
 * is dropped.
 */
export function locateIssues(issues: readonly Issue[], doc: MasterDocument, file?: string): Issue[] {
  const { locations, criteriaLocations, planLocations } = doc.extras;
  const rejected = doc.extras.criteriaRejected ?? {};
  return issues.filter((i) => !repeatsRejected(i, rejected)).map((i) => {
    if (i.sheet) return i;
    if (i.path && i.path[0] === 'plan' && i.path[1] === 'tasks' && typeof i.path[2] === 'number') {
      const ref = planLocations[i.path[2]];
      if (ref) {
        const key = typeof i.path[3] === 'string' && ref.cells[i.path[3]] ? i.path[3] : 'id';
        const cell = ref.cells[key];
        return { ...i, ...(file ? { file } : {}), sheet: ref.sheet, ...(cell ? { cell } : {}) };
      }
    }
    if (i.unit && i.criterion) {
      const ref = locations[assessmentKey(i.unit, i.criterion)];
      if (ref) {
        // an issue that names its input (self-score, appraisal round) points at that cell
        const field = typeof i.params?.['field'] === 'string' ? i.params['field'] : undefined;
        const key = field && ref.cells[field] ? field : /self|points/i.test(i.code) && !ref.cells['value'] ? 'self' : 'value';
        const cell = ref.cells[key] ?? ref.cells['criterion'];
        return { ...i, ...(file ? { file } : {}), sheet: ref.sheet, ...(cell ? { cell } : {}) };
      }
    }
    if (i.criterion && !i.unit) {
      const ref = criteriaLocations[i.criterion];
      if (ref) {
        const cell = ref.cells[criteriaColumn(i, ref.cells)] ?? ref.cells['code'];
        return { ...i, ...(file ? { file } : {}), sheet: ref.sheet, ...(cell ? { cell } : {}) };
      }
    }
    // The criteria set as a whole (areas against the total): the criteria sheet.
    const criteriaSheet = doc.extras.sheets['criteria'];
    if (!i.criterion && !i.unit && i.path?.[0] === 'framework' && i.path[1] === 'nodes' && criteriaSheet) return { ...i, ...(file ? { file } : {}), sheet: criteriaSheet };
    return file && !i.file ? { ...i, file } : i;
  });
}

/**
 * Score a master document: SIPAS responses/counts → satisfaction indices (indices entered
 * directly win), then the PAR INDEX via the engine's `scoreDocument`; issues located on cells.
 * @example const { results, sipas, issues } = scoreMaster(doc, scoreDocument, { lang: 'vi', file: 'master.xlsx' });
 */
export function scoreMaster(
  doc: MasterDocument,
  score: ScoreFn,
  options: { lang?: Lang; asOf?: string; file?: string; planStatuses?: readonly TaskStatus[] } = {},
): MasterScore {
  const lang = options.lang ?? 'vi';
  const { extras, ...plain } = doc;
  const issues: Issue[] = [];
  let sipas: SipasResult | undefined;
  const scoring: ScoringDocument = { ...plain };
  if (doc.sipas) {
    // issues on response rows (the quality guard's among them) point at the survey sheet's row
    const respSheet = extras.sheets['surveyResponses'];
    const respRows = extras.surveyRows ?? [];
    const locate = (source: 'responses' | 'counts', index: number, item?: string): Location => {
      const row = source === 'responses' ? respRows[index] : undefined;
      if (respSheet && row !== undefined) return { ...(options.file ? { file: options.file } : {}), sheet: respSheet, cell: `A${row}` };
      return source === 'responses' && item !== undefined ? { path: [source, index, 'answers', item] } : { path: [source, index] };
    };
    const s = scoreSipas(
      { ...(doc.sipas as Record<string, unknown>), ...(extras.settings.surveyTarget !== undefined ? { target: extras.settings.surveyTarget } : {}) },
      {
        ...(extras.settings.surveyTarget !== undefined ? { target: extras.settings.surveyTarget } : {}),
        units: doc.units,
        locate,
        rowOf: (source, index) => (source === 'responses' ? (respRows[index] ?? index + 1) : index + 1),
      },
    );
    sipas = s.result;
    pushAll(issues, s.result.issues);
    const computed = sipasToSurveyIndices(s.result);
    const merged: Record<string, Record<string, number>> = {};
    for (const [u, m] of Object.entries(computed)) merged[u] = { ...m };
    for (const [u, m] of Object.entries(doc.surveyIndices ?? {})) merged[u] = { ...(merged[u] ?? {}), ...m };
    scoring.surveyIndices = merged;
    // the 95% intervals of the indices computed from answers (an index entered directly has none)
    scoring.surveyIntervals = mergeSurveyIntervals(sipasToSurveyIntervals(s.result), doc.surveyIndices);
  }
  const { plan: _plan, ...withoutPlan } = scoring;
  void _plan;
  const r = score(withoutPlan, { lang, ...(options.asOf ? { asOf: options.asOf } : {}) });
  pushAll(issues, r.issues);
  let planReport: PlanReport | undefined;
  if (doc.plan !== undefined) {
    const p = planForResults(doc.plan, r.results, {
      units: doc.units,
      lang,
      frameworkNodes: doc.framework.nodes,
      ...(options.asOf ? { asOf: options.asOf } : {}),
      ...(options.planStatuses ? { statuses: options.planStatuses } : {}),
    });
    if (p.plan) r.results.plan = p.plan;
    planReport = p.report;
    pushAll(issues, p.issues);
  }
  if (sipas) r.results.sipas = sipas;
  const located = locateIssues(issues, doc, options.file);
  const out: MasterScore = { results: r.results, issues: located, ok: r.ok && !hasErrors(located), document: withoutPlan };
  if (sipas) out.sipas = sipas;
  if (planReport) out.planReport = planReport;
  return out;
}
