/** Display formatting. Numbers stay full precision inside the engine; round only here. */
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
  if (!Number.isFinite(x)) return String(x);
  const factor = 10 ** maxDecimals;
  const rounded = Math.round((x + Math.sign(x) * Number.EPSILON) * factor) / factor;
  const neg = rounded < 0;
  const [intPart = '0', frac = ''] = Math.abs(rounded).toFixed(maxDecimals).split('.');
  const trimmed = frac.replace(/0+$/, '');
  const sep = lang === 'vi' ? '.' : ',';
  const dec = lang === 'vi' ? ',' : '.';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return (neg ? '-' : '') + grouped + (trimmed ? dec + trimmed : '');
}

/**
 * Format a percentage given in 0–100.
 * @example formatPercent(91.43, 'vi') // "91,43%"
 */
export function formatPercent(x: number, lang: Lang = 'vi', maxDecimals = 2): string {
  return formatNumber(x, lang, maxDecimals) + '%';
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
