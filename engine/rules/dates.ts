import type { AssessedValue } from '../model/assessment';
import { fold } from './value';

/** A calendar day: ISO text and a day number (days since 1970-01-01, UTC). */
export interface Day {
  iso: string;
  day: number;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

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

/** Excel serial day (1900 system): 45122 → 2023-07-15. Only plausible serials (1955–2119). */
export function fromExcelSerial(n: number): Day | undefined {
  if (!Number.isFinite(n) || n < 20_000 || n > 80_000) return undefined;
  const day = Math.floor(n) - 25_569;
  const dt = new Date(day * 86_400_000);
  return makeDay(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[AaPp][Mm])?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const DMY = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}$`);
const VI_WORDS = /^(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$/;
const D_MON_Y = /^(\d{1,2})[-\s]([a-z]{3})[a-z]*\.?[-\s,]+(\d{4})$/;
const MON_D_Y = /^(?:[a-z]{3}[a-z]*,?\s+)?([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/;

/**
 * Read a date written the ways units write it: ISO "2023-07-15" (with or without a time),
 * "15/07/2023", "15-07-2023", "15.07.2023", "ngày 15 tháng 7 năm 2023", "15-Jul-2023",
 * "Jul 15, 2023", a JavaScript date string, or an Excel serial number (45122).
 * Vietnamese order is day/month/year; yyyy-first strings are ISO order.
 * @example parseDay('15/07/2023')?.iso // "2023-07-15"
 */
export function parseDay(v: AssessedValue | undefined): Day | undefined {
  if (typeof v === 'number') return fromExcelSerial(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  let m = ISO.exec(s);
  if (m) return makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY.exec(s);
  if (m) return makeDay(Number(m[3]), Number(m[2]), Number(m[1]));
  const f = fold(s);
  m = VI_WORDS.exec(f);
  if (m) return makeDay(Number(m[3]), Number(m[2]), Number(m[1]));
  m = D_MON_Y.exec(f);
  if (m) {
    const mon = MONTHS[m[2] ?? ''];
    return mon ? makeDay(Number(m[3]), mon, Number(m[1])) : undefined;
  }
  m = MON_D_Y.exec(f);
  if (m) {
    const mon = MONTHS[m[1] ?? ''];
    return mon ? makeDay(Number(m[3]), mon, Number(m[2])) : undefined;
  }
  if (/^\d+([.,]\d+)?$/.test(s)) return fromExcelSerial(Number(s.replace(',', '.')));
  return undefined;
}

/** A strict ISO day (yyyy-mm-dd), as params must be written. */
export function parseIsoDay(s: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? makeDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}
