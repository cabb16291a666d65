/**
 * How sure a rank is (issue 15, part 1): the ranks a unit can hold when survey-derived points
 * move within their 95% intervals, and how likely each unit is truly ahead of the next one.
 *
 * Method — analytic bounds, deterministic (no resampling, so the same input always gives the
 * same ranges and a test can compute them by hand):
 *
 * 1. A survey-channel leaf whose points the rule took from a survey index (`surveyIndices`) with
 *    a known 95% interval (`surveyIntervals`) is re-scored by its own rule at the interval's
 *    ends (and on a grid of 20 steps between them, so a banded rule that is not monotone is
 *    still bounded). Its points then lie in [min, max] of those evaluations. Leaves scored by an
 *    appraisal round, a declared value or a self-score carry no sampling error.
 * 2. The unit's index at the low end adds every such leaf's lowest points (its high end: the
 *    highest), over the same applicable maximum, clamped to 0–100. Moving all of a unit's survey
 *    points together is the cautious choice: aspects of one survey share respondents and move
 *    together, so the unit's range is not narrowed by assuming they cancel out.
 * 3. Ranks within the unit's kind, as `rankUnits` counts them (1 + units above by more than the
 *    tie tolerance): best rank = the unit at its high end against every other unit at its low
 *    end; worst rank = the unit at its low end against every other at its high end. A unit
 *    whose own points have no sampling error keeps a single rank unless another unit's interval
 *    crosses its index (it can then be overtaken, and the range says so).
 * 4. Neighbours: for units next to each other in the ranking, the probability that the order is
 *    right is Φ(d ÷ √(s₁² + s₂²)), d = difference of the indices, s = (high − low) ÷ (2 × 1,96)
 *    of each unit's index range (a normal approximation of the difference; exact for indices
 *    that are sums of normal estimates, approximate for banded rules). 1 when neither has
 *    sampling error; ½ for a tie.
 *
 * Seeded resampling of the answers would capture correlations exactly but costs thousands of
 * re-scorings, needs the raw answers (not available when only indices or counts were entered)
 * and gives numbers that move with the seed; the analytic bounds need only the intervals every
 * SIPAS result already carries.
 */
import type { NodeResult, UnitResult } from '../model/results';
import type { CompiledFramework } from './validate';

/** Two-sided 95% normal quantile (same as engine/sipas/method.ts Z95). */
const Z95 = 1.959963984540054;
/** Steps of the grid between the interval's ends. */
const GRID = 20;

/** What the bounds need from a scored document. */
export interface UncertaintyInput {
  compiled: CompiledFramework;
  surveyIndices?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  surveyIntervals?: Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>>;
}

/**
 * Standard normal cumulative distribution Φ(x) (Abramowitz & Stegun 7.1.26 through erf;
 * absolute error below 1,5 × 10⁻⁷).
 * @example normalCdf(0) // 0.5
 * @example normalCdf(1.96) // 0.975…
 */
export function normalCdf(x: number): number {
  if (!Number.isFinite(x)) return x > 0 ? 1 : 0;
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Standard leaves of a result tree (tree order) that count toward the maximum. */
function standardLeaves(nodes: readonly NodeResult[], out: NodeResult[] = []): NodeResult[] {
  for (const n of nodes) {
    if (!n.applicable || n.role !== 'standard') continue;
    if (n.children) standardLeaves(n.children, out);
    else if (n.leaf) out.push(n);
  }
  return out;
}

/**
 * A unit's index at the low and high ends of its survey-points intervals, or undefined when
 * none of its points carries sampling error.
 * @example indexBounds(input, unit) // [84.1, 88.6]
 */
export function indexBounds(input: UncertaintyInput, unit: UnitResult): [number, number] | undefined {
  const indices = input.surveyIndices?.[unit.code];
  const intervals = input.surveyIntervals?.[unit.code];
  if (!indices || !intervals || !(unit.max > 0)) return undefined;
  let down = 0;
  let up = 0;
  let any = false;
  for (const leaf of standardLeaves(unit.tree)) {
    if (leaf.channel !== 'survey' || leaf.source !== 'rule' || !(leaf.max > 0)) continue;
    const node = input.compiled.byCode.get(leaf.code);
    const rule = node?.rule;
    if (!node || !rule) continue;
    const est = indices[node.surveyKey];
    const iv = intervals[node.surveyKey];
    if (est === undefined || !iv) continue;
    const low = Math.max(0, Math.min(iv[0], est));
    const high = Math.min(100, Math.max(iv[1], est));
    if (!(high - low > 0)) continue;
    const at = (x: number): number | undefined => {
      const o = rule.score({ value: leaf.value, self: leaf.self, survey: x });
      return o.missing ? undefined : o.points;
    };
    const base = at(est);
    if (base === undefined) continue;
    let lo = base;
    let hi = base;
    for (let k = 0; k <= GRID; k++) {
      const p = at(low + ((high - low) * k) / GRID);
      if (p === undefined) continue;
      if (p < lo) lo = p;
      if (p > hi) hi = p;
    }
    down += lo - base;
    up += hi - base;
    any = true;
  }
  if (!any) return undefined;
  const clamp = (x: number): number => Math.min(100, Math.max(0, x));
  return [clamp(((unit.score + down) / unit.max) * 100), clamp(((unit.score + up) / unit.max) * 100)];
}

/**
 * Rank ranges and neighbour probabilities for ranked units (ranks already set), within each
 * kind. Returns new unit objects with `rankRange` (always), `indexRange` (units with sampling
 * error) and `aheadOfNext` (every unit but the last of its kind).
 * @example withRankUncertainty(input, ranked, 1e-9).map((u) => u.rankRange) // [[1, 2], [1, 2], [3, 3]]
 */
export function withRankUncertainty(input: UncertaintyInput, units: readonly UnitResult[], eps: number): UnitResult[] {
  const bounds = new Map<string, [number, number]>();
  for (const u of units) {
    const b = indexBounds(input, u);
    if (b) bounds.set(u.code, b);
  }
  const lowOf = (u: UnitResult): number => bounds.get(u.code)?.[0] ?? u.index;
  const highOf = (u: UnitResult): number => bounds.get(u.code)?.[1] ?? u.index;
  const seOf = (u: UnitResult): number => (highOf(u) - lowOf(u)) / (2 * Z95);
  const byKind = new Map<string, UnitResult[]>();
  for (const u of units) {
    const list = byKind.get(u.kind) ?? [];
    list.push(u);
    byKind.set(u.kind, list);
  }
  const next = new Map<string, { unit: string; probability: number }>();
  for (const list of byKind.values()) {
    const ordered = [...list].sort((a, b) => a.rank - b.rank || b.index - a.index || a.code.localeCompare(b.code));
    for (let k = 0; k + 1 < ordered.length; k++) {
      const a = ordered[k];
      const b = ordered[k + 1];
      if (!a || !b) continue;
      const d = a.index - b.index;
      const s = Math.sqrt(seOf(a) ** 2 + seOf(b) ** 2);
      const probability = d <= eps ? 0.5 : s > 0 ? normalCdf(d / s) : 1;
      next.set(a.code, { unit: b.code, probability });
    }
  }
  return units.map((u) => {
    const peers = byKind.get(u.kind) ?? [];
    let best = 1;
    let worst = 1;
    for (const v of peers) {
      if (v === u) continue;
      if (lowOf(v) > highOf(u) + eps) best++;
      if (highOf(v) > lowOf(u) + eps) worst++;
    }
    const out: UnitResult = { ...u, rankRange: [Math.min(best, u.rank), Math.max(worst, u.rank)] };
    const b = bounds.get(u.code);
    if (b) out.indexRange = b;
    const n = next.get(u.code);
    if (n) out.aheadOfNext = n;
    return out;
  });
}

/**
 * "2 (1–3)": the rank with its range when the range is wider than one rank, else the rank alone.
 * @example rankWithRange({ rank: 2, rankRange: [1, 3] }) // "2 (1–3)"
 */
export function rankWithRange(u: Pick<UnitResult, 'rank' | 'rankRange'>): string {
  const r = u.rankRange;
  return r && r[0] !== r[1] ? `${u.rank} (${r[0]}–${r[1]})` : String(u.rank);
}
