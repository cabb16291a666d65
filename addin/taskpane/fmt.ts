/**
 * The pane's one number format (vi-VN first): points with up to two decimals ("1,5"), counts
 * grouped ("2.607"), indices with exactly two decimals ("91,43%", "50,00%" — as the result sheets
 * show them), dates dd/mm/yyyy. Every view formats through these, never with String(x).
 */
import { formatDate, formatNumber, type Lang } from '../../engine';

/** Points: up to two decimals, trailing zeros dropped. @example points(1.5, 'vi') // "1,5" */
export function points(x: number, lang: Lang): string {
  return formatNumber(x, lang, 2);
}

/** A count: grouped thousands, no decimals. @example count(2607, 'vi') // "2.607" */
export function count(n: number, lang: Lang): string {
  return formatNumber(Math.round(n), lang, 0);
}

/** An index (0–100) with exactly two decimals. @example index(50, 'vi') // "50,00%" */
export function index(x: number, lang: Lang): string {
  return `${fixed(x, lang, 2)}%`;
}

/** A number with exactly `decimals` decimals. @example fixed(2, 'vi', 2) // "2,00" */
export function fixed(x: number, lang: Lang, decimals: number): string {
  const text = formatNumber(x, lang, decimals);
  if (decimals === 0 || !/\d$/.test(text)) return text;
  const dec = lang === 'vi' ? ',' : '.';
  const at = text.indexOf(dec);
  const have = at < 0 ? 0 : text.length - at - 1;
  return (at < 0 ? text + dec : text) + '0'.repeat(Math.max(0, decimals - have));
}

/** A signed change of index points. @example change(-1.5, 'vi') // "−1,50" */
export function change(x: number, lang: Lang): string {
  return (x > 0 ? '+' : x < 0 ? '−' : '±') + fixed(Math.abs(x), lang, 2);
}

/**
 * A rank with the ranks it can hold when survey-derived points move within their 95% intervals
 * (engine/scoring/uncertainty `rankRange`): "2 (1–3)" with an en dash; the rank alone when the
 * range is one rank or unknown. Ranks are counts: grouped as counts are ("1.024" in vi).
 * @example rankWithRange(2, [1, 3], 'vi') // "2 (1–3)"
 */
export function rankWithRange(rank: number, range: readonly [number, number] | undefined, lang: Lang): string {
  if (!range || range[0] === range[1]) return count(rank, lang);
  return `${count(rank, lang)} (${count(range[0], lang)}–${count(range[1], lang)})`;
}

/** dd/mm/yyyy (vi) or yyyy-mm-dd (en) from an ISO date; other text as it is. */
export function date(iso: string, lang: Lang): string {
  return formatDate(iso, lang);
}

/** A value as a unit declared it: numbers in the pane's format, ISO dates as dates, pairs "a = 1; b = 2". */
export function value(v: unknown, lang: Lang): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return formatNumber(v, lang, 4);
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(v) ? formatDate(v, lang) : v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return formatDate(v.toISOString(), lang);
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k} = ${value(x, lang)}`)
      .join('; ');
  return String(v);
}

/**
 * A number typed by the user, vi or en ("1,5", "1.5", " 2 "): undefined when it is not a number
 * ("abc", "1,2,3", empty).
 */
export function parseTyped(text: string): number | undefined {
  const t = text.trim().replace(/\s+/g, '');
  if (t === '' || !/^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/.test(t)) return undefined;
  const x = Number(t.replace(',', '.'));
  return Number.isFinite(x) ? x : undefined;
}

/**
 * A date typed as dd/mm/yyyy (also d/m/yyyy, with "-" or "."), or yyyy-mm-dd: the ISO day, or
 * undefined when it is not a day of the calendar ("31/02/2024", "abc").
 * @example parseDate('05/01/2024') // "2024-01-05"
 */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const [y, m, d] = dmy ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])] : ymd ? [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])] : [NaN, NaN, NaN];
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1) return undefined;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
