import { fold, parseNumber } from '../rules/value';

/** Code of a blank / "no answer" answer. */
export const BLANK = 0;
/** Code of an out-of-scale or unreadable answer. */
export const INVALID = 255;

const BLANK_WORDS = new Set([
  'khong tra loi', 'ktl', 'khong y kien', 'khong co y kien', 'khong biet', 'kb', 'khong danh gia',
  'bo trong', 'no answer', 'n/a', 'na', 'dont know', "don't know", 'not answered', '-', '.', '',
]);

/** Words for the five levels of the satisfaction scale (vi, folded; en). */
const LEVEL_WORDS = new Map<string, number>([
  ['rat khong hai long', 1], ['very dissatisfied', 1],
  ['khong hai long', 2], ['dissatisfied', 2],
  ['binh thuong', 3], ['trung binh', 3], ['neutral', 3],
  ['hai long', 4], ['satisfied', 4],
  ['rat hai long', 5], ['very satisfied', 5],
]);

/**
 * Read one answer: 1..5 → that level; null / "" / "không trả lời" … → BLANK;
 * anything else (6, 0, 3.5, "abc") → INVALID.
 * Accepts "4", "4,0" and the words of the scale ("Hài lòng" → 4).
 * @example answerCode("Rất hài lòng") // 5
 */
export function answerCode(v: unknown): number {
  if (typeof v === 'number') return v >= 1 && v <= 5 && Number.isInteger(v) ? v : INVALID;
  if (v === null || v === undefined) return BLANK;
  if (typeof v !== 'string') return INVALID;
  const s = v.trim();
  if (s.length === 1) {
    const c = s.charCodeAt(0) - 48;
    if (c >= 1 && c <= 5) return c;
  }
  const f = fold(s);
  if (BLANK_WORDS.has(f)) return BLANK;
  const word = LEVEL_WORDS.get(f);
  if (word !== undefined) return word;
  const n = parseNumber(s);
  if (n !== undefined) return n >= 1 && n <= 5 && Number.isInteger(n) ? n : INVALID;
  return INVALID;
}
