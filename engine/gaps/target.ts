import { issue, type Issue } from '../model/issue';
import type { Gap, ResultsDocument } from '../model/results';

export interface TargetGap {
  unit: string;
  name: string;
  kind: string;
  current: { score: number; max: number; index: number; rank: number };
  /** The index to reach: the target index, or the index of the unit now at the target rank (the higher of both when both are given). */
  targetIndex: number;
  targetRank?: number;
  /** When the target is a rank: the unit now holding it, whose index must be matched. */
  rival?: { unit: string; name: string; index: number; rank: number };
  /** Reaching the rival's index ties it and shares its rank (ties share a rank). */
  tie: boolean;
  /** Points to add to the unit's score (0 when already there). */
  pointsNeeded: number;
  reached: boolean;
  /** Recoverable (appraisal-channel) gaps, largest first, until they cover pointsNeeded. */
  plan: Gap[];
  planPoints: number;
  /** Whether the unit's recoverable gaps can cover pointsNeeded at all. */
  reachable: boolean;
  /** Survey-channel gaps, listed when recoverable gaps do not suffice (they depend on citizens' answers). */
  surveyGaps: Gap[];
  /** Non-empty when the request cannot be answered (unknown unit, bad target); other fields are then neutral. */
  issues: Issue[];
}

/**
 * Points a unit needs to reach a target index or a target rank, and which recoverable gaps,
 * largest first, would cover them. For a rank target the unit must reach the index of the unit
 * now ranked there (among units of the same kind); reaching it exactly ties it and shares its rank.
 * Index = score ÷ max × 100, so points needed = target ÷ 100 × max − score.
 * @example targetGap(results, 'KG', { rank: 1 }).pointsNeeded
 * @example targetGap(results, 'KG', { index: 90 }).plan.map((g) => g.criterion)
 */
export function targetGap(results: ResultsDocument, unit: string, target: { index?: number; rank?: number }): TargetGap {
  const u = results.units.find((x) => x.code === unit);
  const fail = (i: Issue): TargetGap => ({
    unit,
    name: u?.name ?? '',
    kind: u?.kind ?? '',
    current: { score: u?.score ?? 0, max: u?.max ?? 0, index: u?.index ?? 0, rank: u?.rank ?? 0 },
    targetIndex: u?.index ?? 0,
    tie: false,
    pointsNeeded: 0,
    reached: false,
    plan: [],
    planPoints: 0,
    reachable: false,
    surveyGaps: [],
    issues: [i],
  });
  if (!u) return fail(issue('scoring.unknownScoredUnit', { unit }, { unit }));
  if (target.index === undefined && target.rank === undefined) return fail(issue('scoring.targetNoTarget', {}, { unit }));
  if (target.index !== undefined && !(target.index >= 0 && target.index <= 100))
    return fail(issue('scoring.targetIndexRange', { index: target.index }, { unit }));
  const peers = results.units.filter((x) => x.kind === u.kind);
  let targetIndex = target.index ?? 0;
  let rival: TargetGap['rival'];
  if (target.rank !== undefined) {
    if (!(Number.isInteger(target.rank) && target.rank >= 1 && target.rank <= peers.length))
      return fail(issue('scoring.targetRankRange', { rank: target.rank, count: peers.length }, { unit }));
    const others = peers.filter((x) => x.code !== u.code).sort((a, b) => b.index - a.index || a.code.localeCompare(b.code));
    const at = others[target.rank - 1];
    if (at && u.rank > target.rank) {
      rival = { unit: at.code, name: at.name, index: at.index, rank: at.rank };
      targetIndex = Math.max(targetIndex, at.index);
    }
  }
  const needed = Math.max(0, (targetIndex / 100) * u.max - u.score);
  const recoverable = u.gaps.filter((g) => g.recoverable > 1e-9).sort((a, b) => b.recoverable - a.recoverable);
  const plan: Gap[] = [];
  let planPoints = 0;
  for (const g of recoverable) {
    if (planPoints >= needed - 1e-9) break;
    plan.push(g);
    planPoints += g.recoverable;
  }
  const reachable = planPoints >= needed - 1e-9;
  return {
    unit: u.code,
    name: u.name,
    kind: u.kind,
    current: { score: u.score, max: u.max, index: u.index, rank: u.rank },
    targetIndex,
    ...(target.rank !== undefined ? { targetRank: target.rank } : {}),
    ...(rival ? { rival } : {}),
    tie: rival !== undefined,
    pointsNeeded: needed,
    reached: needed <= 1e-9,
    plan,
    planPoints,
    reachable,
    surveyGaps: reachable ? [] : u.gaps.filter((g) => g.channel === 'survey'),
    issues: [],
  };
}
