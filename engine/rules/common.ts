import { z } from 'zod';
import type { AssessedValue } from '../model/assessment';
import { formatNumber, formatPercent, type Lang } from '../i18n/format';
import type { Fact, RuleIssue, RuleOutcome } from './types';
import { clampPoints, fold, isNotApplicableValue } from './value';

/** Tolerance used when comparing points and thresholds written as decimals (0.1 + 0.2). */
export const EPS = 1e-9;

/** Nothing declared: undefined, null, or an empty / blank string. */
export function isBlank(v: AssessedValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * What every kind does first: a blank value is missing (no issue: the scorer decides what a
 * missing answer means); "Không áp dụng" is missing with `facts.notApplicable` (the leaf's N/A
 * policy is applied by the scorer before rules run, so this is only a safety net).
 */
export function preamble(v: AssessedValue | undefined): RuleOutcome | undefined {
  if (isBlank(v)) return { points: 0, missing: true, issues: [], facts: {} };
  if (isNotApplicableValue(v)) return { points: 0, missing: true, issues: [], facts: { notApplicable: true } };
  return undefined;
}

/** A usable result: points clamped to [0, max]. */
export function scored(points: number, max: number, facts: Record<string, Fact>, issues: RuleIssue[] = []): RuleOutcome {
  return { points: clampPoints(points, max), missing: false, issues, facts };
}

/** No usable value: 0 points, with the reason as an issue. */
export function unusable(issue: RuleIssue, facts: Record<string, Fact> = {}): RuleOutcome {
  return { points: 0, missing: true, issues: [issue], facts };
}

/** "0,5/1 điểm" · "0.5/1 points" (up to 3 decimals: 0,875 stays 0,875). */
export function pointsOf(points: number, max: number, lang: Lang): string {
  const unit = lang === 'vi' ? 'điểm' : max === 1 && points === 1 ? 'point' : 'points';
  return `${formatNumber(points, lang, 3)}/${formatNumber(max, lang, 3)} ${unit}`;
}

/** "0,5 điểm" · "0.5 points". */
export function pointsWord(points: number, lang: Lang): string {
  return `${formatNumber(points, lang, 3)} ${lang === 'vi' ? 'điểm' : points === 1 ? 'point' : 'points'}`;
}

/** A share of the maximum as a percentage: 0.75 → "75%". */
export function shareText(share: number, lang: Lang): string {
  return formatPercent(share * 100, lang);
}

/** Wording when a kind had nothing to score. Issues carry the details. */
export function missingText(o: RuleOutcome, lang: Lang): string | undefined {
  if (!o.missing) return undefined;
  if (o.facts.notApplicable === true) return lang === 'vi' ? 'không áp dụng' : 'not applicable';
  if (o.issues.length > 0) return lang === 'vi' ? 'số liệu không hợp lệ: 0 điểm' : 'invalid value: 0 points';
  return lang === 'vi' ? 'chưa kê khai số liệu' : 'no value declared';
}

/** Lower-case the first letter, for labels used inside a sentence ("Hoàn thành tốt" → "hoàn thành tốt"). */
export function inSentence(label: string): string {
  const first = label.charAt(0);
  return first.toLocaleLowerCase('vi') + label.slice(1);
}

/** Round down to a multiple of `step` (points go in 0,25 or 0,5 steps in many forms). */
export function stepDown(x: number, step: number | undefined): number {
  if (step === undefined || step <= 0) return x;
  return Math.floor(x / step + EPS) * step;
}

/**
 * Points of a band / level / severity: either absolute `points` or a `share` of max.
 * Exactly one must be given.
 */
export const awardShape = {
  /** Absolute points (0 ≤ points ≤ max). */
  points: z.number().finite().min(0).optional(),
  /** Share of the maximum, 0–1 (0.5 = half the points). */
  share: z.number().finite().min(0).max(1).optional(),
};

export function hasOneAward(a: { points?: number | undefined; share?: number | undefined }): boolean {
  return (a.points === undefined) !== (a.share === undefined);
}

export const ONE_AWARD = { message: 'give exactly one of "points" or "share"', params: { code: 'rule.oneAward' } };

/** Points an award gives for this maximum. */
export function awardPoints(a: { points?: number | undefined; share?: number | undefined }, max: number): number {
  return a.points ?? (a.share ?? 0) * max;
}

/** Issue when an absolute award exceeds max. `what` names the band/level in the message. */
export function checkAwardMax(
  a: { points?: number | undefined },
  max: number,
  what: string,
): RuleIssue[] {
  if (a.points !== undefined && a.points > max + EPS)
    return [{ code: 'rule.awardAboveMax', params: { what, points: a.points, max } }];
  return [];
}

/** Labels that collide once diacritics and case are folded. */
export function duplicateLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, string>();
  const dups: string[] = [];
  for (const l of labels) {
    const f = fold(l);
    if (seen.has(f)) dups.push(l);
    else seen.set(f, l);
  }
  return dups;
}

/** Zod schema for a label: non-empty once trimmed. */
export const labelSchema = z.string().trim().min(1);

/**
 * A declared value as text for messages: strings as they are, records as JSON. Never throws
 * (a record without prototype has no toString).
 */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.stringify(v);
    } catch {
      return '[object]';
    }
  }
  return String(v);
}
