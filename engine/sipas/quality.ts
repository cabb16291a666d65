/**
 * The survey-quality guard (issue 15, part 3): satisfaction surveys by QR code or kiosk attract
 * bursts of identical answers from one device, straight-lining, duplicate respondents and
 * answers outside opening hours. Each response is checked against configurable thresholds;
 * flagged responses are set aside by default (they do not count) unless the user keeps them.
 *
 * Reasons (a response may have several):
 * - `burst`: at least `burst.count` responses of one unit from one device with the same answers
 *   within `burst.minutes` minutes of each other (all of them are flagged). Needs `device` and `at`.
 * - `straightLining`: every valid answer at the same level, with at least
 *   `straightLining.minItems` items answered (a short form answered "5" throughout is common
 *   and honest; a long one is not).
 * - `duplicate`: a respondent id (`id`) seen before in the same unit; without ids, a row that
 *   repeats an earlier row of the unit exactly (same answers, same device, same minute).
 *   The first occurrence is kept, the later ones are flagged.
 * - `outsideHours`: answered (`at` with a time) outside the opening hours (`hours`: days of the
 *   week, from, to). Rows with a date but no time are not checked.
 */
import { z } from 'zod';
import { answerCode, BLANK, INVALID } from './answer';

/** Why a response was flagged. */
export type QualityReason = 'burst' | 'straightLining' | 'duplicate' | 'outsideHours';
export const QUALITY_REASONS: readonly QualityReason[] = Object.freeze(['burst', 'straightLining', 'duplicate', 'outsideHours']);

const reasonSchema = z.enum(['burst', 'straightLining', 'duplicate', 'outsideHours']);
const hhmm = z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'hh:mm');

/**
 * Thresholds of the guard (SIPAS document `quality`, all optional). `false` turns a check off.
 * `keep`: true counts every flagged response; a list of reasons counts the responses flagged
 * only for those reasons.
 */
export const qualitySchema = z
  .object({
    keep: z.union([z.boolean(), z.array(reasonSchema)]).optional(),
    burst: z.union([z.literal(false), z.object({ count: z.number().int().min(2).default(3), minutes: z.number().positive().default(10) })]).optional(),
    straightLining: z.union([z.literal(false), z.object({ minItems: z.number().int().min(2).default(10) })]).optional(),
    duplicate: z.boolean().optional(),
    hours: z
      .union([
        z.literal(false),
        z.object({
          /** ISO weekdays 1 (Monday) … 7 (Sunday). */
          days: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5, 6]),
          from: hhmm.default('07:00'),
          to: hhmm.default('18:00'),
        }),
      ])
      .optional(),
  })
  .strict();
export type QualityInput = z.input<typeof qualitySchema>;

/** The guard's settings after defaults. */
export interface QualitySettings {
  keep: boolean | readonly QualityReason[];
  burst: { count: number; minutes: number } | false;
  straightLining: { minItems: number } | false;
  duplicate: boolean;
  hours: { days: readonly number[]; from: string; to: string } | false;
}

export const DEFAULT_QUALITY: QualitySettings = Object.freeze({
  keep: false,
  burst: Object.freeze({ count: 3, minutes: 10 }),
  straightLining: Object.freeze({ minItems: 10 }),
  duplicate: true,
  hours: Object.freeze({ days: Object.freeze([1, 2, 3, 4, 5, 6]), from: '07:00', to: '18:00' }),
});

/**
 * Settings from a parsed `quality` part (absent parts take the defaults).
 * @example qualitySettings({ burst: { count: 5 } }).burst // { count: 5, minutes: 10 }
 */
export function qualitySettings(q: z.output<typeof qualitySchema> | undefined): QualitySettings {
  if (!q) return DEFAULT_QUALITY;
  return {
    keep: q.keep ?? DEFAULT_QUALITY.keep,
    burst: q.burst === undefined ? DEFAULT_QUALITY.burst : q.burst,
    straightLining: q.straightLining === undefined ? DEFAULT_QUALITY.straightLining : q.straightLining,
    duplicate: q.duplicate ?? DEFAULT_QUALITY.duplicate,
    hours: q.hours === undefined ? DEFAULT_QUALITY.hours : q.hours,
  };
}

/** "2023-10-05T09:12", "2023-10-05 09:12:30", "2023-10-05": minutes since 1970 (as written, no time zone) and whether a time was given. */
export function parseMoment(v: unknown): { minutes: number; hasTime: boolean; weekday: number } | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(v.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4] !== undefined ? Number(m[4]) : 0, m[5] !== undefined ? Number(m[5]) : 0];
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  const date = new Date(ms);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23) return undefined;
  const day = date.getUTCDay();
  return { minutes: ms / 60000 + (m[6] !== undefined ? Number(m[6]) / 60 : 0), hasTime: m[4] !== undefined, weekday: day === 0 ? 7 : day };
}

const minutesOfDay = (hm: string): number => {
  const [h, m] = hm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** One response row as the guard sees it. */
export interface GuardRow {
  unit: string;
  /** Answer codes of the instrument's items in instrument order (BLANK, INVALID, 1..5). */
  codes: ArrayLike<number>;
  id?: string;
  device?: string;
  at?: string;
}

/** What the guard found. */
export interface GuardResult {
  /** Reasons per row (index of the row given); absent for a clean row. */
  reasons: Map<number, QualityReason[]>;
  /** Rows set aside (flagged for a reason that is not kept). */
  setAside: Set<number>;
}

/** Answer pattern of a row, as a string key (blank and invalid answers included). */
function pattern(codes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < codes.length; i++) s += String.fromCharCode(48 + (codes[i] === INVALID ? 9 : (codes[i] ?? 0)));
  return s;
}

/**
 * Check every row (rows without a unit are skipped: the scorer reports them).
 * @example guardRows(rows, DEFAULT_QUALITY).reasons.get(3) // ['burst']
 */
export function guardRows(rows: readonly (GuardRow | undefined)[], settings: QualitySettings): GuardResult {
  const reasons = new Map<number, QualityReason[]>();
  const flag = (r: number, why: QualityReason): void => {
    const list = reasons.get(r) ?? [];
    if (!list.includes(why)) list.push(why);
    reasons.set(r, list);
  };
  const moments = rows.map((row) => (row?.at !== undefined ? parseMoment(row.at) : undefined));
  const patterns = rows.map((row) => (row ? pattern(row.codes) : ''));

  // straight-lining
  const sl = settings.straightLining;
  if (sl !== false) {
    rows.forEach((row, r) => {
      if (!row) return;
      let level = 0;
      let n = 0;
      let same = true;
      for (let i = 0; i < row.codes.length; i++) {
        const c = row.codes[i] ?? BLANK;
        if (c === BLANK || c === INVALID) continue;
        n++;
        if (level === 0) level = c;
        else if (c !== level) same = false;
      }
      if (same && n >= sl.minItems) flag(r, 'straightLining');
    });
  }

  // duplicates: a respondent id seen before in the unit; without ids, an exact copy of an earlier row
  if (settings.duplicate) {
    const seen = new Set<string>();
    rows.forEach((row, r) => {
      if (!row) return;
      const id = row.id?.trim();
      let key: string | undefined;
      if (id) key = `id\u0000${row.unit}\u0000${id}`;
      else {
        const at = moments[r];
        if (row.device && at) key = `copy\u0000${row.unit}\u0000${row.device}\u0000${Math.floor(at.minutes)}\u0000${patterns[r] ?? ''}`;
      }
      if (key === undefined) return;
      if (seen.has(key)) flag(r, 'duplicate');
      else seen.add(key);
    });
  }

  // bursts: one device, one unit, the same answers, at least `count` within `minutes`
  const burst = settings.burst;
  if (burst !== false) {
    const groups = new Map<string, number[]>();
    rows.forEach((row, r) => {
      const at = moments[r];
      if (!row?.device || !at) return;
      const key = `${row.unit}\u0000${row.device}\u0000${patterns[r] ?? ''}`;
      const list = groups.get(key) ?? [];
      list.push(r);
      groups.set(key, list);
    });
    for (const list of groups.values()) {
      if (list.length < burst.count) continue;
      const sorted = [...list].sort((a, b) => (moments[a]?.minutes ?? 0) - (moments[b]?.minutes ?? 0));
      // a sliding window: every row inside a window of `minutes` holding `count` rows or more
      let lo = 0;
      for (let hi = 0; hi < sorted.length; hi++) {
        const tHi = moments[sorted[hi] ?? 0]?.minutes ?? 0;
        while ((moments[sorted[lo] ?? 0]?.minutes ?? 0) < tHi - burst.minutes) lo++;
        if (hi - lo + 1 >= burst.count) for (let k = lo; k <= hi; k++) flag(sorted[k] ?? 0, 'burst');
      }
    }
  }

  // outside opening hours
  const hours = settings.hours;
  if (hours !== false) {
    const from = minutesOfDay(hours.from);
    const to = minutesOfDay(hours.to);
    rows.forEach((row, r) => {
      const at = moments[r];
      if (!row || !at?.hasTime) return;
      const minute = ((Math.floor(at.minutes) % 1440) + 1440) % 1440;
      if (!hours.days.includes(at.weekday) || minute < from || minute > to) flag(r, 'outsideHours');
    });
  }

  const keep = settings.keep;
  const setAside = new Set<number>();
  for (const [r, why] of reasons) {
    if (keep === true) continue;
    if (keep === false || why.some((x) => !keep.includes(x))) setAside.add(r);
  }
  return { reasons, setAside };
}

/**
 * Answer codes of a raw response's answers, in item order (for the guard).
 * @example answerCodes({ q1: 5, q2: 'Hài lòng' }, ['q1', 'q2']) // [5, 4]
 */
export function answerCodes(answers: Readonly<Record<string, unknown>>, items: readonly string[]): Uint8Array {
  const out = new Uint8Array(items.length);
  items.forEach((id, i) => {
    out[i] = Object.prototype.hasOwnProperty.call(answers, id) ? answerCode(answers[id]) : BLANK;
  });
  return out;
}
