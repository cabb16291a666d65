import type { AssessedValue } from '../model/assessment';
import { cellDate, parseDateText } from '../workbook/cells';

/** A calendar day: ISO text and a day number (days since 1970-01-01, UTC). */
export interface Day {
  iso: string;
  day: number;
}

/** Build a day from y/m/d, or undefined when it is not a real date (31/02). */
export function makeDay(y: number, m: number, d: number): Day | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== m - 1) return undefined;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { iso, day: Math.round(ms / 86_400_000) };
}

/**
 * Read a date written the ways units write it: ISO "2023-07-15" (with or without a time),
 * "15/07/2023", "15-07-2023", "15.07.2023", "ngày 15 tháng 7 năm 2023", "15-Jul-2023",
 * "Jul 15, 2023", a JavaScript date string, or an Excel serial number (45122).
 * Vietnamese order is day/month/year; yyyy-first strings are ISO order.
 * @example parseDay('15/07/2023')?.iso // "2023-07-15"
 */
export function parseDay(v: AssessedValue | undefined): Day | undefined {
  // one date reader for the whole engine (engine/workbook/cells.ts); this only adds the day number
  if (typeof v === 'number') return dayOfIso(cellDate(v, { serials: 'plausible' }));
  if (typeof v !== 'string') return undefined;
  const text = parseDateText(v);
  if (text) return dayOfIso(text.date);
  const s = v.trim();
  if (/^\d+([.,]\d+)?$/.test(s)) return dayOfIso(cellDate(Number(s.replace(',', '.')), { serials: 'plausible' }));
  return undefined;
}

function dayOfIso(iso: string | undefined): Day | undefined {
  const m = iso === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? makeDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** A strict ISO day (yyyy-mm-dd), as params must be written. */
export function parseIsoDay(s: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? makeDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}
