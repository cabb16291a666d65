/**
 * Appraisal risk before submission (issue 15, part 2): where a unit's self-score is likely to be
 * cut by the appraisers, as `risk.*` warnings naming unit and criterion, ranked by the points at
 * stake (largest first). Only rows that no appraisal round has decided yet are checked.
 *
 * - `risk.selfAboveRule`: the self-score exceeds what the criterion's rule gives for the declared
 *   value (a declared "Không" with the full yes/no points). At stake: self − rule points.
 * - `risk.fullNoEvidence`: the self-score is the maximum and no evidence document is named. At
 *   stake: the self-score.
 * - `risk.aboveLastYear`: the self-score is higher than last year's appraised points on the same
 *   criterion while nothing new is declared (no value, or last year's value; no evidence, or last
 *   year's). At stake: self − last year's points.
 * - `risk.evidenceNotReference`: the evidence text does not look like a document reference: no
 *   number/symbol ("15/KH-UBND", "Số 45"), no date ("12/3/2023", "ngày 12 tháng 3 năm 2023") and
 *   no link. At stake: the self-score.
 * Survey-channel criteria are scored from the survey, not from evidence: only the first check
 * applies to them.
 */
import type { Assessment, PreviousCriterion } from '../model/assessment';
import type { Unit } from '../model/unit';
import { tidy } from '../model/numbers';
import { issue, type Issue } from '../model/issue';
import { fold } from '../rules/value';
import { POINTS_EPS, type CompiledFramework, type CompiledNode } from './validate';
import { isNotApplicableValue } from '../rules/value';

/** The `risk.*` codes. */
export type RiskCode = 'risk.selfAboveRule' | 'risk.fullNoEvidence' | 'risk.aboveLastYear' | 'risk.evidenceNotReference';

export interface RiskInput {
  compiled: CompiledFramework;
  assessments: readonly Assessment[];
  /** Units (kinds decide which criteria apply); assessments of unknown units are skipped. */
  units?: readonly Unit[];
  previousCriteria?: readonly PreviousCriterion[];
}

/** A document number/symbol, a date, or a link: what an appraiser can look up. */
const REFERENCE = [
  // 15/KH-UBND, 123/QĐ-UBND, 45/2023/NĐ-CP, 12/BC-PNV
  /\d+\s*\/\s*(?:\d{4}\s*\/\s*)?[\p{L}][\p{L}\d]*(?:\s*-\s*[\p{L}\d]+)*/u,
  // số 45, Số: 12
  /\bs[oố]\s*:?\s*\d+/iu,
  // 12/3/2023, 12-03-2023, 2023-03-12
  /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\b/u,
  /\b\d{4}-\d{2}-\d{2}\b/u,
  // ngày 12 tháng 3 năm 2023
  /ng[aà]y\s+\d{1,2}\s+th[aá]ng\s+\d{1,2}/iu,
  // a link
  /https?:\/\/\S+/iu,
];

/**
 * Does the text look like a document reference (number/symbol, date, link)?
 * @example looksLikeReference('Kế hoạch số 15/KH-UBND ngày 12/01/2023') // true
 * @example looksLikeReference('đã thực hiện đầy đủ') // false
 */
export function looksLikeReference(text: string): boolean {
  return REFERENCE.some((re) => re.test(text));
}

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const same = (a: unknown, b: unknown): boolean => {
  if (blank(a) && blank(b)) return true;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= POINTS_EPS;
  if ((typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean') && (typeof b === 'string' || typeof b === 'number' || typeof b === 'boolean')) return fold(String(a)) === fold(String(b));
  return JSON.stringify(a) === JSON.stringify(b);
};

/**
 * Every appraisal risk of the given assessments, ranked by points at stake (then unit, criterion).
 * Each issue is a warning with `unit`, `criterion`, the field it is about (`self` or `evidence`,
 * so a sheet reader can point at that cell) and `points` = points at stake.
 * @example appraisalRisks({ compiled, assessments: [{ unit: 'KG', criterion: '1.1', value: 'Không', self: 1 }] })[0]?.code // 'risk.selfAboveRule'
 */
export function appraisalRisks(input: RiskInput): Issue[] {
  const kinds = new Map((input.units ?? []).map((u) => [u.code, u.kind]));
  const last = new Map((input.previousCriteria ?? []).map((p) => [`${p.unit}\u0000${p.criterion}`, p]));
  const out: { stake: number; issue: Issue }[] = [];
  const add = (code: RiskCode, a: Assessment, raw: number, params: Record<string, number | string>, field: 'self' | 'evidence'): void => {
    const stake = tidy(raw);
    out.push({ stake, issue: issue(code, { ...params, points: stake, field }, { unit: a.unit, criterion: a.criterion }, 'warning') });
  };
  for (const a of input.assessments) {
    const node: CompiledNode | undefined = input.compiled.byCode.get(a.criterion);
    if (!node || !node.leaf || node.role !== 'standard') continue;
    const kind = kinds.get(a.unit);
    if (input.units && kind === undefined) continue;
    if (kind !== undefined && node.appliesTo !== undefined && !node.appliesTo.includes(kind)) continue;
    if ((a.appraisal?.length ?? 0) > 0 || a.notApplicable === true || (typeof a.value === 'string' && isNotApplicableValue(a.value))) continue;
    const self = a.self;
    if (self === undefined || !(self > POINTS_EPS)) continue;
    const max = node.max;
    // the rule applied to the declared value
    const type = node.rule?.input.type;
    if (node.rule && !blank(a.value) && type !== 'points' && type !== 'survey') {
      const o = node.rule.score({ value: a.value, self });
      if (!o.missing && self > o.points + POINTS_EPS) add('risk.selfAboveRule', a, self - o.points, { self, rule: o.points, max }, 'self');
    }
    if (node.channel === 'survey') continue;
    const evidence = (a.evidence ?? '').trim();
    if (evidence === '' && self >= max - POINTS_EPS) add('risk.fullNoEvidence', a, self, { self, max }, 'evidence');
    const before = last.get(`${a.unit}\u0000${a.criterion}`);
    if (before && self > before.points + POINTS_EPS) {
      const newValue = !blank(a.value) && (before.value === undefined || !same(a.value, before.value));
      const newEvidence = evidence !== '' && !same(evidence, before.evidence ?? '');
      if (!newValue && !newEvidence) add('risk.aboveLastYear', a, self - before.points, { self, last: before.points, max }, 'self');
    }
    if (evidence !== '' && !looksLikeReference(evidence)) add('risk.evidenceNotReference', a, self, { self, evidence, max }, 'evidence');
  }
  return out
    .sort((x, y) => y.stake - x.stake || (x.issue.unit ?? '').localeCompare(y.issue.unit ?? '') || (x.issue.criterion ?? '').localeCompare(y.issue.criterion ?? '', undefined, { numeric: true }))
    .map((x) => x.issue);
}

/**
 * Points at stake per unit (sum over its risks; a criterion counted once, at its largest risk).
 * @example riskByUnit(risks).get('KG') // 2.5
 */
export function riskByUnit(risks: readonly Issue[]): Map<string, { points: number; count: number }> {
  const worst = new Map<string, number>();
  for (const r of risks) {
    if (!r.unit || !r.criterion || !r.code.startsWith('risk.')) continue;
    const k = `${r.unit}\u0000${r.criterion}`;
    const p = typeof r.params?.['points'] === 'number' ? r.params['points'] : 0;
    worst.set(k, Math.max(worst.get(k) ?? 0, p));
  }
  const out = new Map<string, { points: number; count: number }>();
  for (const [k, p] of worst) {
    const unit = k.split('\u0000')[0] ?? '';
    const u = out.get(unit) ?? { points: 0, count: 0 };
    u.points = tidy(u.points + p);
    u.count++;
    out.set(unit, u);
  }
  return out;
}
