/** Display formatting. Numbers stay full precision inside the engine; round only here. */
import { tidy } from '../model/numbers';

export type Lang = 'vi' | 'en';

export const LANGS: readonly Lang[] = ['vi', 'en'];

export function isLang(x: unknown): x is Lang {
  return x === 'vi' || x === 'en';
}

/**
 * Format a number for display: vi uses "," for decimals and "." for thousands.
 * @example formatNumber(0.25, 'vi') // "0,25"
 * @example formatNumber(1234.5, 'vi', 2) // "1.234,5"
 */
export function formatNumber(x: number, lang: Lang = 'vi', maxDecimals = 2): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (Math.abs(x) >= HUGE) return powerOfTen(x, lang);
  const factor = 10 ** maxDecimals;
  // 15 significant digits first, as Excel shows numbers: 90.12499999999999 (binary 18,025 ÷ 20 × 100) → 90,13
  // then half away from zero on the decimal digits (2,675 → 2,68; -2,675 → -2,68), as Excel rounds
  const clean = tidy(x);
  const rounded = (Math.sign(clean) * Math.round(Number((Math.abs(clean) * factor).toPrecision(15)))) / factor;
  const neg = rounded < 0;
  const [intPart = '0', frac = ''] = Math.abs(rounded).toFixed(maxDecimals).split('.');
  const trimmed = frac.replace(/0+$/, '');
  const sep = lang === 'vi' ? '.' : ',';
  const dec = lang === 'vi' ? ',' : '.';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return (neg ? '-' : '') + grouped + (trimmed ? dec + trimmed : '');
}

/** From here on a number is shown as a power of ten: a double no longer holds every digit of it. */
const HUGE = 1e15;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * A huge number as mantissa × power of ten, digits in the language's form.
 * @example formatNumber(1e308, 'vi') // "1 × 10³⁰⁸"; formatNumber(-2.5e20, 'vi') // "-2,5 × 10²⁰"
 */
function powerOfTen(x: number, lang: Lang): string {
  const [mantissa = '0', exponent = '0'] = x.toExponential(3).split('e');
  const sup = String(Number(exponent)).replace('-', '⁻').replace(/\d/g, (d) => SUPERSCRIPT[Number(d)] ?? d);
  return `${formatNumber(Number(mantissa), lang, 3)} × 10${sup}`;
}

/**
 * A code (unit, criterion, task) with what the eye cannot see made visible: zero-width and other
 * format characters, control characters, spaces other than the plain one, and — when the text is
 * not in composed form (NFC) — the separate accent marks, each as <U+XXXX>. Two codes that look
 * the same then print differently.
 * @example visibleCode('KG\u200B') // "KG<U+200B>"; visibleCode('Phu\u0301') // "Phu<U+0301>"
 */
export function visibleCode(code: string): string {
  const hex = (c: string): string => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`;
  let s = code.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu, hex);
  if (s !== s.normalize('NFC')) s = s.replace(/\p{M}/gu, hex);
  return s;
}

/**
 * Format a percentage given in 0–100.
 * @example formatPercent(91.43, 'vi') // "91,43%"
 */
export function formatPercent(x: number, lang: Lang = 'vi', maxDecimals = 2): string {
  return formatNumber(x, lang, maxDecimals) + '%';
}

/**
 * A number with exactly `decimals` decimals (trailing zeros kept), thousands grouped.
 * @example formatFixed(91.3, 'vi', 2) // "91,30"; formatFixed(2607, 'en', 2) // "2,607.00"
 */
export function formatFixed(x: number, lang: Lang = 'vi', decimals = 2): string {
  const text = formatNumber(x, lang, decimals);
  if (decimals <= 0 || !/\d$/.test(text) || Math.abs(x) >= HUGE) return text;
  const dec = lang === 'vi' ? ',' : '.';
  const at = text.indexOf(dec);
  const have = at < 0 ? 0 : text.length - at - 1;
  return (at < 0 ? text + dec : text) + '0'.repeat(Math.max(0, decimals - have));
}

/**
 * An index (or an index's share, 0–100) as the project prints them: always two decimals.
 * @example formatIndex(91.3, 'vi') // "91,30%"; formatIndex(91.3, 'en') // "91.30%"
 */
export function formatIndex(x: number, lang: Lang = 'vi'): string {
  return formatFixed(x, lang, 2) + '%';
}

/**
 * A date or date-time: dd/mm/yyyy (vi) or yyyy-mm-dd (en), then " HH:mm" when the ISO text has a
 * time. Other text is returned as it is.
 * @example formatDateTime('2025-03-01T09:05', 'vi') // "01/03/2025 09:05"; formatDateTime('2025-03-01', 'en') // "2025-03-01"
 */
export function formatDateTime(iso: string, lang: Lang = 'vi'): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  const time = /^\d{4}-\d{2}-\d{2}[T ](\d{2}:\d{2})/.exec(iso)?.[1];
  const day = formatDate(iso.slice(0, 10), lang);
  return time ? `${day} ${time}` : day;
}

/** An ISO date or date-time as a value holds it ("2025-03-01", "2025-03-01T09:05", "…:00.000Z"). */
export function isIsoDate(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/.test(v);
}

/** dd/mm/yyyy for vi, yyyy-mm-dd for en. Input: ISO date string (yyyy-mm-dd…). */
export function formatDate(iso: string, lang: Lang = 'vi'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * A date as an issue parameter: both languages' forms, so the issue is the same whatever the
 * reader's language and the message shows the date the way the reader writes it.
 * @example t('import.late', { unit: 'KG', date: dateParam('2023-07-20'), deadline: dateParam('2023-07-15') }, 'vi') // "… nộp ngày 20/07/2023, quá hạn 15/07/2023"
 */
export function dateParam(iso: string): { readonly vi: string; readonly en: string } {
  return { vi: formatDate(iso, 'vi'), en: formatDate(iso, 'en') };
}
