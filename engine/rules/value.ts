import type { AssessedValue } from '../model/assessment';
import { fold, parseNumber } from '../workbook/cells';

// Text, numbers and dates are read one way for the whole engine (engine/workbook/cells.ts); the
// rules and the domain modules that must not depend on engine/workbook (engine/plan) take them here.
export { fold, parseNumber, parseDateText, type DateText } from '../workbook/cells';

/** Words (folded) read as "not applicable", "yes" and "no": also matched by the templates' provisional-points formulas. */
export const NA_WORDS: ReadonlySet<string> = new Set(['khong ap dung', 'kad', 'n/a', 'na', 'not applicable', 'khong phat sinh', 'kps']);
export const YES_WORDS: ReadonlySet<string> = new Set(['co', 'yes', 'y', 'x', 'true', 'dat', 'da thuc hien', 'có']);
export const NO_WORDS: ReadonlySet<string> = new Set(['khong', 'no', 'n', 'false', 'khong dat', 'chua thuc hien', 'chua']);

/** Is the declared value "Không áp dụng" / "Không phát sinh" / N/A? */
export function isNotApplicableValue(v: AssessedValue | undefined): boolean {
  return typeof v === 'string' && NA_WORDS.has(fold(v));
}

/** Có → true, Không → false, anything else → undefined. */
export function parseYesNo(v: AssessedValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const f = fold(v);
  if (YES_WORDS.has(f)) return true;
  if (NO_WORDS.has(f)) return false;
  return undefined;
}

/** Clamp to [0, max]. */
export function clampPoints(x: number, max: number): number {
  if (!Number.isFinite(x)) return 0;
  return Math.min(max, Math.max(0, x));
}

/**
 * A rate in percent (0–100) written as a number or text: 87.5, "87,5%", "87,5 %", or as a
 * fraction of counts "18/20" (→ 90). Returns undefined for anything else (incl. "x/0").
 * Range is not checked here.
 * @example parseRate('18/20') // 90
 */
export function parseRate(v: AssessedValue | undefined): number | undefined {
  if (typeof v === 'string') {
    const m = /^\s*([^/]+?)\s*\/\s*([^/]+?)\s*$/.exec(v);
    if (m) {
      const num = parseNumber(m[1]);
      const den = parseNumber(m[2]);
      if (num === undefined || den === undefined || den <= 0) return undefined;
      return (num / den) * 100;
    }
  }
  return parseNumber(v);
}
