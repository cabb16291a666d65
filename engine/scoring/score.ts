import type { Assessment, PreviousResult } from '../model/assessment';
import type { ScoringDocument } from '../model/document';
import type { GradeBand } from '../model/framework';
import { issue, ref, type Issue, type Location, type MessageRef } from '../model/issue';
import type { AreaResult, FinalSource, Gap, NodeResult, UnitResult } from '../model/results';
import type { Unit } from '../model/unit';
import { tidy } from '../model/numbers';
import { t } from '../i18n';
import { formatNumber, type Lang } from '../i18n/format';
import { clampPoints, isNotApplicableValue } from '../rules/value';
import type { CompiledRule, RuleOutcome } from '../rules/types';
import { POINTS_EPS, type CompiledFramework, type CompiledNode } from './validate';

/** Unit kind of the district whose criteria offices answer for. */
export const DISTRICT_KIND = 'district';
/** Unit kind of offices (phòng, ban): by default not scored when the document has a district. */
export const OFFICE_KIND = 'office';

/** One unit's answers, keyed by criterion code; `at` is the assessment's index in the document. */
export type UnitAnswers = ReadonlyMap<string, { a: Assessment; at?: number }>;

/**
 * A scoring document made ready for repeated scoring: framework compiled, assessments
 * indexed by unit and criterion (after routing office answers to the district), units that
 * are scored picked out. What-if works on this and re-scores only what changed.
 */
export interface PreparedDocument {
  compiled: CompiledFramework;
  doc: ScoringDocument;
  /** Scored units in document order. */
  units: readonly Unit[];
  answers: ReadonlyMap<string, UnitAnswers>;
  previous: ReadonlyMap<string, PreviousResult>;
  /** Problems found while indexing the document (unknown units, duplicates…). */
  issues: Issue[];
}

/** A unit scored, before ranking. */
export interface UnitScore {
  result: UnitResult;
  issues: Issue[];
}

function applies(node: CompiledNode, kind: string): boolean {
  return node.appliesTo === undefined || node.appliesTo.includes(kind);
}

function hasApplicableStandardLeaf(nodes: readonly CompiledNode[], kind: string): boolean {
  for (const n of nodes) {
    if (n.role !== 'standard' || !applies(n, kind)) continue;
    if (n.leaf) return true;
    if (hasApplicableStandardLeaf(n.children, kind)) return true;
  }
  return false;
}

/**
 * Index a validated document. Office units (or any unit with no applicable criterion, or
 * `scored: false`) are not scored; when exactly one scored unit of kind `district` exists, their
 * answers to criteria that apply to the district become the district's answers.
 * @example const prep = prepareDocument(doc, compiled); prep.units.map((u) => u.code)
 */
export function prepareDocument(doc: ScoringDocument, compiled: CompiledFramework): PreparedDocument {
  const issues: Issue[] = [];
  const unitByCode = new Map<string, Unit>();
  doc.units.forEach((u, i) => {
    if (unitByCode.has(u.code)) issues.push(issue('scoring.duplicateUnit', { code: u.code }, { path: ['units', i], unit: u.code }));
    else unitByCode.set(u.code, u);
  });
  const hasDistrict = [...unitByCode.values()].some((u) => u.kind === DISTRICT_KIND && u.scored !== false);
  // Offices answer for the district when there is one: not scored unless `scored: true`.
  const isScored = (u: Unit): boolean =>
    (u.scored ?? !(u.kind === OFFICE_KIND && hasDistrict)) && hasApplicableStandardLeaf(compiled.nodes, u.kind);
  const units = [...unitByCode.values()].filter(isScored);
  for (const u of unitByCode.values())
    if (u.scored === true && !isScored(u)) issues.push(issue('scoring.nothingApplies', { kind: u.kind }, { unit: u.code }, 'info'));
  const scoredCodes = new Set(units.map((u) => u.code));
  const districts = units.filter((u) => u.kind === DISTRICT_KIND);
  const district = districts.length === 1 ? districts[0] : undefined;

  const answers = new Map<string, Map<string, { a: Assessment; at?: number }>>();
  for (const u of units) answers.set(u.code, new Map());
  doc.assessments.forEach((a, at) => {
    const where = { path: ['assessments', at], unit: a.unit, criterion: a.criterion };
    const unit = unitByCode.get(a.unit);
    if (!unit) {
      issues.push(issue('scoring.unknownUnit', { unit: a.unit }, where));
      return;
    }
    const node = compiled.byCode.get(a.criterion);
    if (!node) {
      issues.push(issue('scoring.unknownCriterion', { criterion: a.criterion }, where));
      return;
    }
    if (!node.leaf) {
      issues.push(issue('scoring.assessmentOnParent', { criterion: a.criterion }, where));
      return;
    }
    let target = unit;
    if (!scoredCodes.has(unit.code)) {
      if (district && applies(node, district.kind)) {
        target = district;
        if (node.lead !== undefined && node.lead !== unit.code)
          issues.push(issue('scoring.notLead', { lead: node.lead, district: district.code }, where, 'warning'));
      } else {
        issues.push(issue('scoring.unscoredUnit', { unit: unit.code }, where, 'warning'));
        return;
      }
    }
    if (!applies(node, target.kind)) {
      issues.push(issue('scoring.notForKind', { kind: target.kind, appliesTo: node.appliesTo ?? [] }, where, 'warning'));
      return;
    }
    const map = answers.get(target.code);
    if (!map) return;
    const prev = map.get(a.criterion);
    if (prev) {
      issues.push(issue('scoring.duplicateAssessment', { first: prev.at ?? -1 }, { ...where, unit: target.code }));
      return;
    }
    map.set(a.criterion, { a, at });
  });

  const previous = new Map<string, PreviousResult>();
  (doc.previous ?? []).forEach((p, i) => {
    if (!unitByCode.has(p.unit)) issues.push(issue('scoring.unknownUnit', { unit: p.unit }, { path: ['previous', i], unit: p.unit }, 'warning'));
    else if (previous.has(p.unit)) issues.push(issue('scoring.duplicatePrevious', {}, { path: ['previous', i], unit: p.unit }));
    else previous.set(p.unit, p);
  });
  for (const [unitCode, byCrit] of Object.entries(doc.surveyIndices ?? {})) {
    if (!unitByCode.has(unitCode)) issues.push(issue('scoring.unknownUnit', { unit: unitCode }, { path: ['surveyIndices', unitCode], unit: unitCode }, 'warning'));
    for (const [key, v] of Object.entries(byCrit))
      if (v < 0 || v > 100) issues.push(issue('scoring.surveyIndexRange', { value: v }, { path: ['surveyIndices', unitCode, key], unit: unitCode }));
  }
  return { compiled, doc, units, answers, previous, issues };
}

const PTS_CACHE = new Map<string, string>();
const EXPLAIN_CACHE = new WeakMap<CompiledRule, Map<string, string>>();
const CACHE_LIMIT = 5000;

/** "0,5/1" — memoised: display strings repeat across units. */
function pts(points: number, max: number, lang: Lang): string {
  const key = `${lang}${points}/${max}`;
  let s = PTS_CACHE.get(key);
  if (s === undefined) {
    s = `${formatNumber(points, lang)}/${formatNumber(max, lang)}`;
    if (PTS_CACHE.size >= CACHE_LIMIT) PTS_CACHE.clear();
    PTS_CACHE.set(key, s);
  }
  return s;
}

/**
 * The rule's explanation of an outcome, memoised per compiled rule: explain is a pure function
 * of (outcome, lang), and the same values recur across units (Có/Không, common rates).
 */
function explain(rule: CompiledRule, outcome: RuleOutcome, lang: Lang): string {
  let cache = EXPLAIN_CACHE.get(rule);
  if (!cache) {
    cache = new Map();
    EXPLAIN_CACHE.set(rule, cache);
  }
  const key = `${lang}|${outcome.points}|${outcome.missing ? 1 : 0}|${outcome.issues.map((i) => i.code).join(',')}|${JSON.stringify(outcome.facts)}`;
  let s = cache.get(key);
  if (s === undefined) {
    s = rule.explain(outcome, lang);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, s);
  }
  return s;
}

const NA_CACHE = new Map<string, boolean>();

/** isNotApplicableValue, memoised for strings (the same few words recur on every row). */
function notApplicableValue(v: Assessment['value']): boolean {
  if (typeof v !== 'string') return false;
  let r = NA_CACHE.get(v);
  if (r === undefined) {
    r = isNotApplicableValue(v);
    if (NA_CACHE.size >= CACHE_LIMIT) NA_CACHE.clear();
    NA_CACHE.set(v, r);
  }
  return r;
}

interface LeafOut {
  node: NodeResult;
  missing: boolean;
}

function scoreLeaf(node: CompiledNode, unit: Unit, entry: { a: Assessment; at?: number } | undefined, survey: number | undefined, lang: Lang, issues: Issue[]): LeafOut {
  const a = entry?.a;
  const where: Location = { unit: unit.code, criterion: node.code };
  if (entry?.at !== undefined) where.path = ['assessments', entry.at];
  const base: NodeResult = {
    code: node.code,
    name: node.name,
    role: node.role,
    channel: node.channel,
    score: 0,
    max: node.max,
    declaredMax: node.max,
    lost: 0,
    applicable: true,
    leaf: true,
  };
  if (node.lead !== undefined) base.lead = node.lead;
  if (a) {
    if (a.value !== undefined) base.value = a.value;
    if (a.self !== undefined) base.self = a.self;
    if (a.appraisal !== undefined && a.appraisal.length > 0) base.appraisal = [...a.appraisal];
    if (a.reason !== undefined) base.appraiserReason = a.reason;
    if (a.explanation !== undefined) base.explanation = a.explanation;
    if (a.evidence !== undefined) base.evidence = a.evidence;
  }
  const rounds = a?.appraisal ?? [];
  const declaredNa = a !== undefined && (a.notApplicable === true || notApplicableValue(a.value));
  if (declaredNa && rounds.length === 0) {
    base.source = 'notApplicable';
    if (node.notApplicable === 'full') {
      base.score = node.max;
      base.reason = t('scoring.reason.naFull', {}, lang);
    } else {
      base.max = 0;
      base.reason = t('scoring.reason.naExcluded', {}, lang);
    }
    return { node: base, missing: false };
  }

  let outcome: RuleOutcome | undefined;
  if (node.rule) {
    outcome = node.rule.score({ value: declaredNa ? undefined : a?.value, self: a?.self, survey });
    if (!outcome.missing || outcome.issues.length > 0) base.rulePoints = outcome.points;
    for (const ri of outcome.issues) issues.push(issue(ri.code, ri.params ?? {}, where, ri.severity ?? 'error'));
  }
  // `field` names the input the issue is about, so a sheet reader can point at that very cell
  // `what` is a message reference, so the issue's params are the same whatever the language
  const checkRange = (x: number, what: MessageRef, field: 'self' | 'appraisal1' | 'appraisal2'): number => {
    if (x < -POINTS_EPS || x > node.max + POINTS_EPS) issues.push(issue('scoring.pointsOutOfRange', { what, value: x, max: node.max, field }, where));
    return clampPoints(x, node.max);
  };

  let points = 0;
  let source: FinalSource = 'none';
  let missing = false;
  if (rounds.length > 0) {
    rounds.forEach((r, i) => checkRange(r, ref(i === 0 ? 'scoring.round.appraisal1' : 'scoring.round.appraisal2'), i === 0 ? 'appraisal1' : 'appraisal2'));
    const last = rounds[rounds.length - 1] ?? 0;
    points = clampPoints(last, node.max);
    source = rounds.length >= 2 ? 'appraisal2' : 'appraisal1';
    const reference = a?.self ?? (outcome && !outcome.missing ? outcome.points : undefined);
    if (reference !== undefined && !(a?.reason ?? '').trim() && rounds.some((r) => Math.abs(r - reference) > POINTS_EPS))
      issues.push(issue('scoring.appraisalWithoutReason', { self: reference, appraisal: last, field: rounds.length >= 2 ? 'appraisal2' : 'appraisal1' }, where, 'warning'));
    const head = t(source === 'appraisal2' ? 'scoring.reason.appraisal2' : 'scoring.reason.appraisal1', { points: pts(points, node.max, lang) }, lang);
    base.reason = a?.reason ? `${head} — ${t('scoring.reason.why', { reason: a.reason }, lang)}` : head;
  } else if (outcome && !outcome.missing) {
    points = outcome.points;
    source = 'rule';
    // Words only where points were lost: a leaf at full points needs no reason (and scoring stays fast).
    if (node.rule && node.max - points > POINTS_EPS) base.reason = explain(node.rule, outcome, lang);
  } else if (a?.self !== undefined) {
    points = checkRange(a.self, ref('scoring.round.self'), 'self');
    source = 'self';
    base.reason = t('scoring.reason.self', { points: pts(points, node.max, lang) }, lang);
  } else {
    missing = true;
    base.reason =
      outcome && outcome.issues.length > 0 && node.rule
        ? explain(node.rule, outcome, lang)
        : t(node.channel === 'survey' ? 'scoring.reason.noSurvey' : 'scoring.reason.missing', { points: pts(0, node.max, lang) }, lang);
  }
  base.score = points;
  base.source = source;
  base.lost = Math.max(0, node.max - points);
  return { node: base, missing };
}

interface Walk {
  unit: Unit;
  answers: UnitAnswers | undefined;
  survey: Readonly<Record<string, number>> | undefined;
  lang: Lang;
  issues: Issue[];
  missing: string[];
  gaps: Gap[];
}

function walkNode(node: CompiledNode, w: Walk): NodeResult {
  if (!applies(node, w.unit.kind)) {
    return { code: node.code, name: node.name, role: node.role, channel: node.channel, ...(node.lead !== undefined ? { lead: node.lead } : {}), score: 0, max: 0, declaredMax: node.max, lost: 0, applicable: false, leaf: node.leaf };
  }
  if (node.leaf) {
    const out = scoreLeaf(node, w.unit, w.answers?.get(node.code), w.survey?.[node.surveyKey], w.lang, w.issues);
    if (node.role === 'standard') {
      if (out.missing) w.missing.push(node.code);
      if (out.node.lost > POINTS_EPS) {
        const gap: Gap = {
          criterion: node.code,
          name: node.name,
          area: node.area,
          lost: out.node.lost,
          max: out.node.max,
          score: out.node.score,
          channel: node.channel,
          reason: out.node.reason ?? '',
          recoverable: node.channel === 'survey' ? 0 : out.node.lost,
          source: out.node.source ?? 'none',
        };
        if (node.lead !== undefined) gap.lead = node.lead;
        w.gaps.push(gap);
      }
    }
    return out.node;
  }
  const children: NodeResult[] = [];
  let score = 0;
  let max = 0;
  let applicable = false;
  for (const c of node.children) {
    const r = walkNode(c, w);
    children.push(r);
    score += r.score;
    max += r.max;
    applicable ||= r.applicable;
  }
  const out: NodeResult = {
    code: node.code,
    name: node.name,
    role: node.role,
    channel: node.channel,
    score: tidy(score),
    max: tidy(max),
    declaredMax: node.max,
    lost: Math.max(0, tidy(max - score)),
    applicable,
    leaf: false,
    children,
  };
  if (node.lead !== undefined) out.lead = node.lead;
  return out;
}

/**
 * Grade of an index: the first band (highest minimum first) whose minimum it reaches.
 * @example gradeOf(84, DEFAULT_GRADES) // "B"
 */
export function gradeOf(index: number, grades: readonly GradeBand[]): string {
  for (const g of grades) if (index >= g.min - 1e-9) return g.grade;
  return '-';
}

/** Gap order: most points lost first, then framework order (stable sort keeps tree order). */
function byLost(a: Gap, b: Gap): number {
  return b.lost - a.lost;
}

/** Applicable standard survey-channel leaves of a result tree that count toward the maximum, in tree order. */
function surveyLeaves(nodes: readonly NodeResult[], out: NodeResult[] = []): NodeResult[] {
  for (const n of nodes) {
    if (!n.applicable || n.role !== 'standard') continue;
    if (n.children) surveyLeaves(n.children, out);
    else if (n.leaf && n.channel === 'survey' && n.source !== 'notApplicable') out.push(n);
  }
  return out;
}

/** Leave the given leaves out of the maximum (rescale policy) and re-add their ancestors' sums. */
function leaveOut(nodes: readonly NodeResult[], codes: ReadonlySet<string>, reason: string): void {
  for (const n of nodes) {
    if (n.children) {
      leaveOut(n.children, codes, reason);
      let score = 0;
      let max = 0;
      for (const c of n.children) {
        score += c.score;
        max += c.max;
      }
      n.score = tidy(score);
      n.max = tidy(max);
      n.lost = Math.max(0, tidy(max - score));
    } else if (codes.has(n.code)) {
      n.max = 0;
      n.lost = 0;
      n.reason = reason;
    }
  }
}

/** What the framework's missing-survey policy did for one unit (see MissingSurveyPolicy). */
interface SurveyPolicyApplied {
  kind: 'rescaled' | 'zero' | 'partial';
  criteria: string[];
  points: number;
}

/**
 * Apply the framework's missing-survey policy to a unit's tree, before totals: with `rescale`
 * and no survey result on any survey criterion, those criteria leave the maximum (so the index
 * is the appraisal score converted to 100) and their per-criterion warnings give way to one note.
 */
function applySurveyPolicy(prep: PreparedDocument, tree: NodeResult[], w: Walk): SurveyPolicyApplied | undefined {
  const leaves = surveyLeaves(tree);
  const missing = new Set(w.missing);
  const absent = leaves.filter((l) => missing.has(l.code));
  if (absent.length === 0) return undefined;
  const criteria = absent.map((l) => l.code);
  const points = absent.reduce((sum, l) => sum + l.max, 0);
  if ((prep.compiled.framework.missingSurvey ?? 'zero') === 'zero') return { kind: 'zero', criteria, points };
  if (absent.length < leaves.length) return { kind: 'partial', criteria, points };
  const codes = new Set(criteria);
  leaveOut(tree, codes, t('scoring.reason.noSurveyRescaled', {}, w.lang));
  w.gaps = w.gaps.filter((g) => !codes.has(g.criterion));
  w.issues = w.issues.filter((i) => !(i.code === 'rule.surveyMissing' && i.criterion !== undefined && codes.has(i.criterion)));
  return { kind: 'rescaled', criteria, points };
}

/** The located note saying which missing-survey policy was applied to a unit. */
function surveyPolicyNote(applied: SurveyPolicyApplied, unit: Unit, score: number, max: number, index: number): Issue {
  const where: Location = { unit: unit.code, path: ['framework', 'missingSurvey'] };
  const base = { criteria: applied.criteria, points: applied.points };
  if (applied.kind === 'rescaled') return issue('scoring.surveyRescaled', { ...base, score, max, index }, where, 'warning');
  if (applied.kind === 'partial') return issue('scoring.surveyPartial', base, where, 'warning');
  return issue('scoring.surveyZero', base, where, 'info');
}

/**
 * Score one unit against the compiled tree (rank left at 0: ranks need every unit).
 * index = (standard points + bonus − penalty) ÷ applicable standard maximum × 100, clamped to [0, 100].
 * A unit with no survey result under the framework's `missingSurvey: "rescale"` has its survey
 * criteria left out of the maximum: index = appraisal points ÷ appraisal maximum × 100.
 * @example scoreUnit(prep, unit, prep.answers.get(unit.code), 'vi').result.index
 */
export function scoreUnit(prep: PreparedDocument, unit: Unit, answers: UnitAnswers | undefined, lang: Lang): UnitScore {
  const w: Walk = { unit, answers, survey: prep.doc.surveyIndices?.[unit.code], lang, issues: [], missing: [], gaps: [] };
  const tree = prep.compiled.nodes.map((n) => walkNode(n, w));
  const surveyPolicy = applySurveyPolicy(prep, tree, w);
  let standard = 0;
  let max = 0;
  let bonus = 0;
  let penalty = 0;
  const areas: AreaResult[] = [];
  tree.forEach((r, i) => {
    const node = prep.compiled.nodes[i];
    if (!node) return;
    if (node.role === 'standard') {
      standard += r.score;
      max += r.max;
      if (r.applicable) areas.push({ code: r.code, name: r.name, score: tidy(r.score), max: r.max, index: r.max > 0 ? tidy((r.score / r.max) * 100) : 0 });
    } else {
      const capped = Math.min(r.score, node.cap ?? Infinity);
      if (node.role === 'bonus') bonus += capped;
      else penalty += capped;
    }
  });
  standard = tidy(standard);
  bonus = tidy(bonus);
  penalty = tidy(penalty);
  const score = tidy(standard + bonus - penalty);
  const index = max > 0 ? tidy(Math.min(100, Math.max(0, (score / max) * 100))) : 0;
  if (surveyPolicy) w.issues.push(surveyPolicyNote(surveyPolicy, unit, score, max, index));
  const result: UnitResult = {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    score,
    max,
    index,
    rank: 0,
    grade: gradeOf(index, prep.compiled.grades),
    bonus,
    penalty,
    standardScore: standard,
    areas,
    gaps: w.gaps.sort(byLost),
    tree,
    missing: w.missing,
  };
  const prev = prep.previous.get(unit.code);
  if (prev) result.previous = { index: prev.index, ...(prev.rank !== undefined ? { rank: prev.rank } : {}), indexChange: tidy(index - prev.index) };
  return { result, issues: w.issues };
}

/**
 * Ranks within each unit kind: 1 = highest index; indices within `eps` of each other tie and
 * share a rank, the next rank skips (1, 2, 2, 4). rank = 1 + number of units of the same kind
 * whose index exceeds this one by more than `eps` — independent of unit order.
 * Returns new unit objects (inputs are not mutated), with year-over-year rank change
 * (`previous.rankChange`, only when the unit's kind has at least two units this year).
 * @example rankUnits(units, 1e-9).map((u) => u.rank) // [1, 2, 2, 4]
 */
export function rankUnits(units: readonly UnitResult[], eps: number): UnitResult[] {
  const byKind = new Map<string, number[]>();
  for (const u of units) {
    const list = byKind.get(u.kind) ?? [];
    list.push(u.index);
    byKind.set(u.kind, list);
  }
  for (const list of byKind.values()) list.sort((a, b) => b - a);
  return units.map((u) => {
    const sorted = byKind.get(u.kind) ?? [];
    // first position whose index is not above u.index + eps (sorted descending)
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] ?? -Infinity) > u.index + eps) lo = mid + 1;
      else hi = mid;
    }
    const rank = lo + 1;
    const out: UnitResult = { ...u, rank };
    if (u.previous) {
      const { rankChange: _old, ...rest } = u.previous;
      void _old;
      // Last year's rank is taken to be within the same kind. A unit alone in its kind this year
      // ("1 of 1", the district) has no comparison group, so no rank change: its rank last year
      // was taken among other units (the city's districts), not among this document's.
      out.previous = rest.rank !== undefined && sorted.length >= 2 ? { ...rest, rankChange: rest.rank - rank } : rest;
    }
    return out;
  });
}

/**
 * Render issues with their message in the requested language.
 * @example withMessages(issues, 'en')[0].message
 */
export function withMessages(issues: readonly Issue[], lang: Lang): (Issue & { message: string })[] {
  return issues.map((i) => ({ ...i, message: t(i.code, i.params, lang) }));
}

/**
 * "0,5/1" in the language's number format.
 * @example leafPoints(0.5, 1, 'vi') // "0,5/1"
 */
export function leafPoints(points: number, max: number, lang: Lang): string {
  return pts(points, max, lang);
}
