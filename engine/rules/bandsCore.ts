import { z } from 'zod';
import { formatNumber, formatPercent, type Lang } from '../i18n/format';
import type { RuleIssue } from './types';
import { awardPoints, awardShape, checkAwardMax, EPS, hasOneAward, ONE_AWARD, pointsWord } from './common';
import { pushAll } from '../model/arrays';

/**
 * Bands: ordered thresholds mapping a number (a rate, a count, a satisfaction index) to
 * points. Shared by `bands` and `survey`.
 *
 * A band is an interval with optional ends:
 *  - `from` (inclusive by default; `fromInclusive: false` means "above from"),
 *  - `to` (exclusive by default; `toInclusive: true` means "up to and including to").
 * "100% → max; [90, 100) → 0,5; < 90 → 0" is
 *  `[{from:100, share:1}, {from:90, to:100, points:0.5}, {to:90, points:0}]`.
 */
export const bandSchema = z
  .object({
    from: z.number().finite().optional(),
    fromInclusive: z.boolean().optional(),
    to: z.number().finite().optional(),
    toInclusive: z.boolean().optional(),
    ...awardShape,
  })
  .strict()
  .refine(hasOneAward, ONE_AWARD);
export type Band = z.infer<typeof bandSchema>;

export const bandListSchema = z.array(bandSchema).min(1);

/** An interval with explicit ends; open ends are ±Infinity (never inclusive). */
export interface Interval {
  lo: number;
  loInc: boolean;
  hi: number;
  hiInc: boolean;
}

export function toInterval(b: Band): Interval {
  return {
    lo: b.from ?? -Infinity,
    loInc: b.from === undefined ? false : (b.fromInclusive ?? true),
    hi: b.to ?? Infinity,
    hiInc: b.to === undefined ? false : (b.toInclusive ?? false),
  };
}

export function contains(iv: Interval, x: number): boolean {
  const aboveLo = iv.loInc ? x >= iv.lo : x > iv.lo;
  const belowHi = iv.hiInc ? x <= iv.hi : x < iv.hi;
  return aboveLo && belowHi;
}

function isEmpty(iv: Interval): boolean {
  return iv.lo > iv.hi || (iv.lo === iv.hi && !(iv.loInc && iv.hiInc));
}

/** a lies entirely below b (they may touch at one end if that point belongs to only one). */
function before(a: Interval, b: Interval): boolean {
  return a.hi < b.lo || (a.hi === b.lo && !(a.hiInc && b.loInc));
}

/** The domain the bands should cover: rates 0–100, other numbers from 0 up by default. */
export interface Domain {
  min: number;
  max: number;
}

/**
 * Consistency of a band list against the leaf maximum:
 *  - each band non-empty (`rule.bandEmpty`), points ≤ max (`rule.awardAboveMax`);
 *  - listed in ascending or descending order without overlap (`rule.bandsOrder`, `rule.bandsOverlap`);
 *  - gaps inside the domain are warnings (`rule.bandsGap`): a value falling there scores 0.
 */
export function checkBands(bands: readonly Band[], max: number, domain: Domain, unit: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const ivs = bands.map(toInterval);
  bands.forEach((b, i) => {
    const iv = ivs[i];
    if (iv && isEmpty(iv)) issues.push({ code: 'rule.bandEmpty', params: { band: i + 1 } });
    pushAll(issues, checkAwardMax(b, max, `#${i + 1}`));
  });
  if (issues.length > 0) return issues;
  // Order as listed: all ascending or all descending.
  let asc = true;
  let desc = true;
  for (let i = 1; i < ivs.length; i++) {
    const a = ivs[i - 1] as Interval;
    const b = ivs[i] as Interval;
    if (!before(a, b)) asc = false;
    if (!before(b, a)) desc = false;
  }
  const sorted = [...ivs].sort((a, b) => a.lo - b.lo || (a.loInc === b.loInc ? 0 : a.loInc ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as Interval;
    const b = sorted[i] as Interval;
    if (!before(a, b)) {
      const ia = ivs.indexOf(a);
      const ib = ivs.indexOf(b);
      issues.push({ code: 'rule.bandsOverlap', params: { a: Math.min(ia, ib) + 1, b: Math.max(ia, ib) + 1 } });
    }
  }
  if (issues.length > 0) return issues;
  if (!asc && !desc) return [{ code: 'rule.bandsOrder' }];
  // Coverage of the domain: walk from its low end.
  let cursor = domain.min;
  let needPoint = Number.isFinite(domain.min); // is `cursor` itself still uncovered?
  for (const iv of sorted) {
    if (iv.hi < domain.min || (iv.hi === domain.min && !iv.hiInc)) continue;
    if (iv.lo > domain.max) break;
    const startsLate = iv.lo > cursor || (iv.lo === cursor && needPoint && !iv.loInc);
    if (startsLate) issues.push({ code: 'rule.bandsGap', severity: 'warning', params: { from: bound(cursor), to: bound(Math.min(iv.lo, domain.max)), unit } });
    if (iv.hi > cursor || (iv.hi === cursor && iv.hiInc)) {
      cursor = iv.hi;
      needPoint = !iv.hiInc;
    }
    if (cursor > domain.max) break;
  }
  if (cursor < domain.max || (cursor === domain.max && needPoint && Number.isFinite(domain.max)))
    issues.push({ code: 'rule.bandsGap', severity: 'warning', params: { from: bound(cursor), to: bound(domain.max), unit } });
  return issues;
}

/** Index of the band holding x, or -1. */
export function findBand(bands: readonly Band[], x: number): number {
  return bands.findIndex((b) => contains(toInterval(b), x));
}

/** Points of band i for this maximum. */
export function bandPoints(bands: readonly Band[], i: number, max: number): number {
  const b = bands[i];
  return b ? awardPoints(b, max) : 0;
}

export type Scale = 'rate' | 'number';

/**
 * A bound as an issue param: numbers stay numbers (so messages format them per language),
 * infinite ends become "−∞" / "+∞".
 */
export function bound(x: number): number | string {
  return x === Infinity ? '+∞' : x === -Infinity ? '−∞' : x;
}

/** What follows a number in messages: "%" for rates, " ngày" for a unit word. */
export function unitSuffix(scale: Scale, unit?: string): string {
  if (scale === 'rate' || unit === '%') return '%';
  return unit ? ` ${unit}` : '';
}

/** Display a value on its scale: "87,5%" or "3 ngày". */
export function scaleFormatter(scale: Scale, lang: Lang, unit?: string): (x: number) => string {
  const inf = (x: number): string | undefined => (x === Infinity ? '+∞' : x === -Infinity ? '−∞' : undefined);
  if (scale === 'rate') return (x) => inf(x) ?? formatPercent(x, lang);
  const sep = unit === '%' ? '' : ' ';
  return (x) => inf(x) ?? formatNumber(x, lang) + (unit ? `${sep}${unit}` : '');
}

/**
 * A band in words, as in a form's "cách tính điểm" column.
 * vi: "từ 90% đến dưới 100%", "dưới 90%", "từ 100% trở lên", "trên 95%"…
 */
export function bandPhrase(b: Band, lang: Lang, fmt: (x: number) => string): string {
  const iv = toInterval(b);
  const vi = lang === 'vi';
  const lo = fmt(iv.lo);
  const hi = fmt(iv.hi);
  if (iv.lo === iv.hi) return vi ? `bằng ${lo}` : `exactly ${lo}`;
  if (iv.lo === -Infinity && iv.hi === Infinity) return vi ? 'mọi giá trị' : 'any value';
  if (iv.lo === -Infinity) return iv.hiInc ? (vi ? `từ ${hi} trở xuống` : `${hi} or less`) : vi ? `dưới ${hi}` : `below ${hi}`;
  if (iv.hi === Infinity) return iv.loInc ? (vi ? `từ ${lo} trở lên` : `${lo} or more`) : vi ? `trên ${lo}` : `above ${lo}`;
  const left = iv.loInc ? (vi ? `từ ${lo}` : `from ${lo}`) : vi ? `trên ${lo}` : `above ${lo}`;
  const right = iv.hiInc ? (vi ? `đến ${hi}` : `up to ${hi}`) : vi ? `đến dưới ${hi}` : `to below ${hi}`;
  return `${left} ${right}`;
}

/**
 * Why x fell into band b, compactly: "87% < 90%", "100% ≥ 100%", "95% (từ 90% đến dưới 100%)".
 */
export function bandReason(b: Band, x: number, lang: Lang, fmt: (v: number) => string): string {
  const iv = toInterval(b);
  if (iv.lo === -Infinity && iv.hi !== Infinity) return `${fmt(x)} ${iv.hiInc ? '≤' : '<'} ${fmt(iv.hi)}`;
  if (iv.hi === Infinity && iv.lo !== -Infinity) return `${fmt(x)} ${iv.loInc ? '≥' : '>'} ${fmt(iv.lo)}`;
  return `${fmt(x)} (${bandPhrase(b, lang, fmt)})`;
}

/** "từ 100% trở lên: 1 điểm; từ 90% đến dưới 100%: 0,5 điểm; dưới 90%: 0 điểm". */
export function describeBands(bands: readonly Band[], max: number, lang: Lang, fmt: (x: number) => string): string {
  const parts = bands.map((b) => {
    const p = awardPoints(b, max);
    const pts = Math.abs(p - max) < EPS ? (lang === 'vi' ? `tối đa ${pointsWord(max, lang)}` : `full ${pointsWord(max, lang)}`) : pointsWord(p, lang);
    return `${bandPhrase(b, lang, fmt)}: ${pts}`;
  });
  const s = parts.join('; ');
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}
