import { z } from 'zod';
import { formatNumber, formatPercent, type Lang } from '../i18n/format';
import { defineRule } from './define';
import { EPS, missingText, pointsOf, pointsWord, preamble, scored, stepDown, unusable, valueText } from './common';
import { parseRate } from './value';
import type { RuleIssue, RuleOutcome } from './types';

/**
 * Proportional scoring of a rate, shared by `proportional` and `survey`.
 * - plain: points = max × rate / 100;
 * - `fullAt` F: rate ≥ F → max; below → max × rate / F (Decision 766/QĐ-TTg uses F = 90 or 80);
 * - `inverse` (lower is better): points = max × (100 − rate) / (100 − F), F (default 0) being the
 *   rate at or below which the points are full.
 * `step` rounds the result down to a multiple of step (0,25 or 0,5 in many forms).
 */
export const proportionalShape = {
  fullAt: z.number().finite().min(0).max(100).optional(),
  inverse: z.boolean().optional(),
  step: z.number().finite().positive().optional(),
};
export interface ProportionalParams {
  fullAt?: number | undefined;
  inverse?: boolean | undefined;
  step?: number | undefined;
}

export function checkProportional(p: ProportionalParams, max: number): RuleIssue[] {
  if (!p.inverse && p.fullAt !== undefined && p.fullAt <= 0)
    return [{ code: 'rule.fullAtRange', params: { fullAt: p.fullAt, from: 0, to: 100 } }];
  if (p.inverse && p.fullAt !== undefined && p.fullAt >= 100)
    return [{ code: 'rule.fullAtRange', params: { fullAt: p.fullAt, from: 0, to: 100 } }];
  if (p.step !== undefined && p.step > max + EPS)
    return [{ code: 'rule.awardAboveMax', params: { what: 'step', points: p.step, max } }];
  return [];
}

/** Points for a rate already checked to lie in 0–100. */
export function proportionalPoints(rate: number, p: ProportionalParams, max: number): { points: number; full: boolean } {
  if (p.inverse) {
    const f = p.fullAt ?? 0;
    if (rate <= f + EPS) return { points: max, full: true };
    return { points: stepDown(Math.min(max, (max * (100 - rate)) / (100 - f)), p.step), full: false };
  }
  const f = p.fullAt ?? 100;
  if (rate >= f - EPS) return { points: max, full: true };
  return { points: stepDown(Math.min(max, (max * rate) / f), p.step), full: false };
}

/**
 * Score a rate proportionally. Negative rates are refused; rates above 100% are refused too
 * unless `above100` (a completion rate such as revenue against the budget may exceed 100%:
 * the points are capped at max).
 */
export function scoreRate(rate: number, p: ProportionalParams, max: number, facts: RuleOutcome['facts'] = {}, above100 = false): RuleOutcome {
  if (rate < 0 || (rate > 100 && !above100))
    return unusable({ code: 'rule.valueOutOfRange', params: { value: rate, min: 0, max: 100, unit: '%' } }, { ...facts, rate });
  const { points, full } = proportionalPoints(rate, p, max);
  return scored(points, max, { ...facts, rate, full });
}

/** "tỷ lệ 85% < 90%: 85% × 1 / 90% = 0,94/1 điểm" and the like. */
export function explainRate(o: RuleOutcome, p: ProportionalParams, max: number, lang: Lang, noun: string): string {
  const rate = typeof o.facts.rate === 'number' ? o.facts.rate : 0;
  const r = formatPercent(rate, lang);
  const m = formatNumber(max, lang);
  const pts = pointsOf(o.points, max, lang);
  const stepNote = p.step !== undefined ? (lang === 'vi' ? `, làm tròn xuống bội số ${formatNumber(p.step, lang)}` : `, rounded down to a multiple of ${formatNumber(p.step, lang)}`) : '';
  if (p.inverse) {
    const f = p.fullAt ?? 0;
    if (o.facts.full === true) return `${noun} ${r} ≤ ${formatPercent(f, lang)}: ${pts}`;
    const formula = f === 0 ? `(100% − ${r}) × ${m}` : `(100% − ${r}) × ${m} / ${formatPercent(100 - f, lang)}`;
    return `${noun} ${r}: ${formula}${stepNote} = ${pts}`;
  }
  const f = p.fullAt ?? 100;
  if (o.facts.full === true) return `${noun} ${r} ≥ ${formatPercent(f, lang)}: ${pts}`;
  if (p.fullAt === undefined) return `${noun} ${r} × ${m}${stepNote} = ${pts}`;
  return `${noun} ${r} < ${formatPercent(f, lang)}: ${r} × ${m} / ${formatPercent(f, lang)}${stepNote} = ${pts}`;
}

/**
 * The rule as a person reads it, with the rate in percent:
 * "Điểm = tỷ lệ (%) × 3 ÷ 100"; "Đạt từ 90% trở lên: tối đa 1 điểm; dưới 90%: điểm = tỷ lệ (%) × 1 ÷ 90".
 */
export function describeRate(p: ProportionalParams, max: number, lang: Lang, noun: string): string {
  const vi = lang === 'vi';
  const m = formatNumber(max, lang);
  const full = vi ? `tối đa ${pointsWord(max, lang)}` : `full ${pointsWord(max, lang)}`;
  const step = p.step !== undefined ? (vi ? ` (làm tròn xuống bội số ${formatNumber(p.step, lang)})` : ` (rounded down to a multiple of ${formatNumber(p.step, lang)})`) : '';
  const pts = vi ? 'điểm' : 'points';
  if (p.inverse) {
    const f = p.fullAt ?? 0;
    const formula = `(100 − ${noun} (%)) × ${m} ÷ ${formatNumber(100 - f, lang)}${step}`;
    if (f === 0) return `${cap(pts)} = ${formula}`;
    const fp = formatPercent(f, lang);
    return vi
      ? `${cap(noun)} từ ${fp} trở xuống: ${full}; trên ${fp}: ${pts} = ${formula}`
      : `${cap(noun)} ${fp} or less: ${full}; above ${fp}: ${pts} = ${formula}`;
  }
  if (p.fullAt === undefined || p.fullAt === 100) return `${cap(pts)} = ${noun} (%) × ${m} ÷ 100${step}`;
  const fp = formatPercent(p.fullAt, lang);
  const below = `${pts} = ${noun} (%) × ${m} ÷ ${formatNumber(p.fullAt, lang)}${step}`;
  return vi ? `Đạt từ ${fp} trở lên: ${full}; dưới ${fp}: ${below}` : `${fp} or more: ${full}; below ${fp}: ${below}`;
}

function cap(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

const paramsSchema = z.object(proportionalShape).strict();

/**
 * `proportional`: points = max × rate, capped at max; optional `fullAt`, `inverse`, `step`.
 * The value is a rate "87,5%", 87.5, or a fraction of counts "18/20".
 * @example { "kind": "proportional", "fullAt": 90 }
 */
export const proportionalRule = defineRule({
  kind: 'proportional',
  label: { vi: 'Theo tỷ lệ', en: 'Proportional to a rate' },
  params: paramsSchema,
  check: checkProportional,
  input: () => ({ type: 'rate' }),
  score(input, p, max) {
    const pre = preamble(input.value);
    if (pre) return pre;
    const rate = parseRate(input.value);
    if (rate === undefined) return unusable({ code: 'rule.notANumber', params: { value: valueText(input.value) } });
    // Lower-is-better rates cannot exceed 100%; a completion rate can (capped at max).
    return scoreRate(rate, p, max, {}, !p.inverse);
  },
  explain(o, p, max, lang) {
    return missingText(o, lang) ?? explainRate(o, p, max, lang, lang === 'vi' ? 'tỷ lệ' : 'rate');
  },
  describe(p, max, lang) {
    return describeRate(p, max, lang, lang === 'vi' ? 'tỷ lệ' : 'rate');
  },
});

/** Params of this kind, for readers that translate the rule (the templates' provisional-points formulas). */
export { paramsSchema as proportionalParams };
