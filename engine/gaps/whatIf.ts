import type { Assessment } from '../model/assessment';
import type { ScoringDocument } from '../model/document';
import { hasErrors, issue, type Issue } from '../model/issue';
import type { ResultsDocument, UnitResult } from '../model/results';
import { assemble, createSession, type ScoreOptions, type ScoringSession } from '../scoring/document';
import { DISTRICT_KIND, scoreUnit, type UnitAnswers, type UnitScore } from '../scoring/score';

/** A changed input — any assessment fields for one unit and leaf. `appraisal: []` removes the rounds. */
export type AssessmentChange = Partial<Assessment> & { unit: string; criterion: string };

export interface UnitSnapshot {
  score: number;
  max: number;
  index: number;
  grade: string;
  rank: number;
}

export interface WhatIfUnit {
  code: string;
  name: string;
  kind: string;
  before: UnitSnapshot;
  after: UnitSnapshot;
  /** after − before; for rank, a negative delta is an improvement (5 → 3 is −2). */
  delta: { score: number; index: number; rank: number };
  /** Whether the unit's own inputs changed (others may move in rank only). */
  changed: boolean;
}

export interface WhatIfResult {
  /** Every scored unit, in document order. */
  units: WhatIfUnit[];
  /** The full results after the changes. */
  results: ResultsDocument;
  /** Problems with the changes themselves (unknown unit or criterion…). */
  issues: Issue[];
  ok: boolean;
}

const sessions = new WeakMap<object, Map<string, ScoringSession>>();

/**
 * A session for a document object, cached per object and language so repeated what-ifs on the
 * same document do not re-score the unchanged units. The document must not be mutated after.
 * @example const session = sessionFor(doc, { lang: 'vi' }); session?.outcome.results.units.length
 */
export function sessionFor(doc: ScoringDocument, options: ScoreOptions = {}): ScoringSession | undefined {
  const key = `${options.lang ?? 'vi'}|${options.asOf ?? ''}`;
  let byKey = sessions.get(doc);
  const hit = byKey?.get(key);
  if (hit) return hit;
  const { session } = createSession(doc, options);
  if (!session) return undefined;
  if (!byKey) {
    byKey = new Map();
    sessions.set(doc, byKey);
  }
  byKey.set(key, session);
  return session;
}

function snap(u: UnitResult): UnitSnapshot {
  return { score: u.score, max: u.max, index: u.index, grade: u.grade, rank: u.rank };
}

/**
 * Apply changes to a scored session and return the new score, index, grade and rank of every
 * unit with deltas. Only units whose inputs change are re-scored; ranks are recomputed for all.
 * Nothing in the session or the document is mutated.
 * @example
 * const { session } = createSession(doc);
 * if (session) whatIfSession(session, [{ unit: 'KG', criterion: '1.3', appraisal: [2], reason: 'đã bổ sung' }]).units;
 */
export function whatIfSession(session: ScoringSession, changes: readonly AssessmentChange[]): WhatIfResult {
  const { prep, lang } = session;
  const issues: Issue[] = [];
  const unitByCode = new Map(prep.units.map((u) => [u.code, u]));
  const districts = prep.units.filter((u) => u.kind === DISTRICT_KIND);
  const districtFor = (code: string, appliesTo: readonly string[] | undefined): string | undefined => {
    const d = districts.length === 1 ? districts[0] : undefined;
    const known = prep.doc.units.some((u) => u.code === code);
    return d && known && (appliesTo === undefined || appliesTo.includes(d.kind)) ? d.code : undefined;
  };
  const changedAnswers = new Map<string, Map<string, { a: Assessment; at?: number }>>();
  changes.forEach((c, i) => {
    const where = { path: ['changes', i], unit: c.unit, criterion: c.criterion };
    const node = prep.compiled.byCode.get(c.criterion);
    // An office's change counts for the district it answers for (as when the document was scored).
    const target = unitByCode.has(c.unit) ? c.unit : districtFor(c.unit, node?.appliesTo);
    if (target === undefined) {
      issues.push(issue('scoring.unknownScoredUnit', { unit: c.unit }, where));
      return;
    }
    if (!node) {
      issues.push(issue('scoring.unknownCriterion', { criterion: c.criterion }, where));
      return;
    }
    if (!node.leaf) {
      issues.push(issue('scoring.assessmentOnParent', { criterion: c.criterion }, where));
      return;
    }
    let map = changedAnswers.get(target);
    if (!map) {
      map = new Map(prep.answers.get(target) ?? []);
      changedAnswers.set(target, map);
    }
    const old = map.get(c.criterion);
    const merged: Assessment = { ...(old?.a ?? { unit: c.unit, criterion: c.criterion }), ...c };
    map.set(c.criterion, old?.at !== undefined ? { a: merged, at: old.at } : { a: merged });
  });
  const scores = new Map<string, UnitScore>(session.scores);
  for (const [code, answers] of changedAnswers) {
    const unit = unitByCode.get(code);
    if (unit) scores.set(code, scoreUnit(prep, unit, answers as UnitAnswers, lang));
  }
  const outcome = assemble(prep, scores, session.baseIssues, lang, session.asOf);
  const before = new Map(session.outcome.results.units.map((u) => [u.code, u]));
  const units: WhatIfUnit[] = outcome.results.units.map((a) => {
    const b = before.get(a.code) ?? a;
    return {
      code: a.code,
      name: a.name,
      kind: a.kind,
      before: snap(b),
      after: snap(a),
      delta: { score: a.score - b.score, index: a.index - b.index, rank: a.rank - b.rank },
      changed: changedAnswers.has(a.code),
    };
  });
  return { units, results: outcome.results, issues, ok: !hasErrors(issues) };
}

/**
 * What-if: the new score, index, grade and rank of every unit after changing some inputs
 * (values, self-scores, appraisal rounds, N/A), with deltas. The input is not mutated.
 * Repeated calls on the same document object reuse its scored baseline.
 * @example
 * const r = whatIf(doc, [{ unit: 'KG', criterion: '2.1', value: '100%' }]);
 * r.units.find((u) => u.code === 'KG')?.delta.index // +1.25
 */
export function whatIf(doc: ScoringDocument, changes: readonly AssessmentChange[], options: ScoreOptions = {}): WhatIfResult {
  const session = sessionFor(doc, options);
  if (!session) {
    const { outcome } = createSession(doc, options);
    return { units: [], results: outcome.results, issues: outcome.issues, ok: false };
  }
  return whatIfSession(session, changes);
}
