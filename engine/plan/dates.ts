/** Calendar dates and quarters, as ISO strings (no time zones involved). */
import { parseDateText as readDateText } from '../rules/value';

export interface Quarter {
  year: number;
  /** 1–4. */
  q: number;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date written as text, read as every reader of the engine reads it (engine/workbook/cells.ts):
 * "2023-07-15", "15/7/2023", "15-07-2023", "15.07.2023" (day first, as Vietnamese writes it),
 * "ngày 15 tháng 7 năm 2023", a time after the date is ignored. Returns the ISO day or undefined.
 * @example parseDateText('20/7/2023') // "2023-07-20"
 */
export function parseDateText(text: string): string | undefined {
  return readDateText(text)?.date;
}

/** "2023-Q3", "Q3/2023", "Quý III/2023", "III/2023", "3/2023" → { year, q }. */
export function parseQuarter(text: string): Quarter | undefined {
  const fast = /^(\d{4})-Q([1-4])$/.exec(text);
  if (fast) return { year: Number(fast[1]), q: Number(fast[2]) };
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toUpperCase()
    .replace(/\s+/g, ' ');
  const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
  let m = /^(\d{4})\s*-?\s*Q([1-4])$/.exec(s);
  if (m) return { year: Number(m[1]), q: Number(m[2]) };
  m = /^(?:QUY |Q)?([1-4]|I{1,3}|IV)\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m && m[1]) return { year: Number(m[2]), q: roman[m[1]] ?? Number(m[1]) };
  return undefined;
}

/** { 2023, 3 } → "2023-Q3". */
export function quarterKey(q: Quarter): string {
  return `${q.year}-Q${q.q}`;
}

/** The quarter a date falls in. */
export function quarterOf(isoDate: string): Quarter {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  return { year: y, q: Math.floor((m - 1) / 3) + 1 };
}

/** Last day of a quarter, ISO. */
export function quarterEnd(q: Quarter): string {
  const m = q.q * 3;
  const d = m === 3 || m === 12 ? 31 : 30;
  return iso(q.year, m, d);
}

/** First day of a quarter, ISO. */
export function quarterStart(q: Quarter): string {
  return iso(q.year, (q.q - 1) * 3 + 1, 1);
}

/** Compare two quarters: negative when a is earlier. */
export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.year !== b.year ? a.year - b.year : a.q - b.q;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

/** "Quý III/2023" (vi) or "Q3 2023" (en). */
export function quarterLabel(q: Quarter, lang: 'vi' | 'en' = 'vi'): string {
  return lang === 'vi' ? `Quý ${ROMAN[q.q] ?? q.q}/${q.year}` : `Q${q.q} ${q.year}`;
}
