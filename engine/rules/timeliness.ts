import { z } from 'zod';
import { formatDate, formatNumber } from '../i18n/format';
import { defineRule } from './define';
import { EPS, missingText, pointsOf, pointsWord, preamble, scored, shareText, unusable, valueText } from './common';
import { parseDay, parseIsoDay } from './dates';
import type { RuleIssue } from './types';
import { fold } from './value';

const stepSchema = z
  .object({
    /** Up to and including this many days late… */
    upTo: z.number().int().positive(),
    /** …this share of max is kept. */
    share: z.number().finite().min(0).max(1),
  })
  .strict();

const paramsSchema = z
  .object({
    /** The deadline, ISO yyyy-mm-dd. Done on or before it → max. */
    deadline: z.string().optional(),
    /** Share of max kept when late (default 0.5; when a schedule is given: its first step). */
    late: z.number().finite().min(0).max(1).optional(),
    /** Shares by days late, ascending: [{upTo: 5, share: 0.75}, {upTo: 10, share: 0.5}]. */
    schedule: z.array(stepSchema).min(1).optional(),
    /** Share kept beyond the last step of the schedule (default 0). */
    after: z.number().finite().min(0).max(1).optional(),
    /** Share for "Chưa thực hiện" (default 0). */
    notDone: z.number().finite().min(0).max(1).optional(),
  })
  .strict()
  .refine((p) => p.after === undefined || p.schedule !== undefined, { message: '"after" goes with "schedule"', params: { code: 'rule.afterWithSchedule' } });
export type TimelinessParams = z.infer<typeof paramsSchema>;

/** Status words (folded), also matched by the templates' provisional-points formulas. */
export const ON_TIME: ReadonlySet<string> = new Set(['dung han', 'truoc han', 'hoan thanh dung han', 'da hoan thanh dung han', 'som', 'on time', 'ontime', 'early', 'in time']);
export const LATE: ReadonlySet<string> = new Set(['qua han', 'tre han', 'cham', 'cham tien do', 'hoan thanh qua han', 'hoan thanh cham', 'late', 'overdue', 'delayed']);
export const NOT_DONE: ReadonlySet<string> = new Set(['chua thuc hien', 'khong thuc hien', 'chua hoan thanh', 'khong hoan thanh', 'chua', 'not done', 'not completed', 'none']);
const LATE_DAYS = [/^(?:qua han|tre han|tre|cham|hoan thanh qua han)\s+(\d+)\s+ngay$/, /^late\s+(\d+)\s+days?$/, /^(\d+)\s+days?\s+late$/];

const CHOICES = ['Đúng hạn', 'Quá hạn', 'Chưa thực hiện'];

export function lateShare(p: TimelinessParams, daysLate: number | undefined): number {
  if (daysLate === undefined || !p.schedule) return p.late ?? p.schedule?.[0]?.share ?? 0.5;
  const step = p.schedule.find((s) => daysLate <= s.upTo);
  return step ? step.share : (p.after ?? 0);
}

/**
 * `timeliness`: completion date (or "Đúng hạn" / "Quá hạn" / "Chưa thực hiện") against a deadline.
 * @example { "kind": "timeliness", "deadline": "2023-07-20", "late": 0.5 }
 */
export const timelinessRule = defineRule({
  kind: 'timeliness',
  label: { vi: 'Theo thời hạn hoàn thành', en: 'Timeliness against a deadline' },
  params: paramsSchema,
  check(p) {
    const issues: RuleIssue[] = [];
    if (p.deadline !== undefined && !parseIsoDay(p.deadline)) issues.push({ code: 'rule.badDeadline', params: { value: p.deadline } });
    if (p.schedule) {
      const shares = [...p.schedule.map((s) => s.share), p.after ?? 0];
      const daysUp = p.schedule.every((s, i) => i === 0 || s.upTo > (p.schedule?.[i - 1]?.upTo ?? 0));
      const sharesDown = shares.every((s, i) => i === 0 || s <= (shares[i - 1] ?? 1) + EPS);
      if (!daysUp || !sharesDown) issues.push({ code: 'rule.scheduleOrder' });
    }
    return issues;
  },
  input: (p) => (p.deadline !== undefined ? { type: 'date', choices: CHOICES } : { type: 'choice', choices: CHOICES }),
  score(input, p, max) {
    const pre = preamble(input.value);
    if (pre) return pre;
    const v = input.value;
    const f = typeof v === 'string' ? fold(v) : '';
    if (ON_TIME.has(f)) return scored(max, max, { status: 'onTime' });
    if (NOT_DONE.has(f)) return scored((p.notDone ?? 0) * max, max, { status: 'notDone' });
    if (LATE.has(f)) return scored(lateShare(p, undefined) * max, max, { status: 'late' });
    for (const re of LATE_DAYS) {
      const m = re.exec(f);
      if (m) {
        const days = Number(m[1]);
        return scored((days <= 0 ? 1 : lateShare(p, days)) * max, max, { status: days <= 0 ? 'onTime' : 'late', daysLate: days });
      }
    }
    const done = typeof v === 'object' && v !== null ? undefined : parseDay(v);
    if (!done) return unusable({ code: 'rule.notADate', params: { value: valueText(v) } });
    const deadline = p.deadline !== undefined ? parseIsoDay(p.deadline) : undefined;
    if (!deadline) return unusable({ code: 'rule.noDeadline', params: { value: formatDate(done.iso, 'vi') } }, { done: done.iso });
    const daysLate = done.day - deadline.day;
    if (daysLate <= 0) return scored(max, max, { status: 'onTime', done: done.iso, daysLate });
    return scored(lateShare(p, daysLate) * max, max, { status: 'late', done: done.iso, daysLate });
  },
  explain(o, p, max, lang) {
    const m = missingText(o, lang);
    if (m) return m;
    const vi = lang === 'vi';
    const pts = pointsOf(o.points, max, lang);
    const done = typeof o.facts.done === 'string' ? formatDate(o.facts.done, lang) : undefined;
    const dl = p.deadline !== undefined ? formatDate(p.deadline, lang) : undefined;
    const days = typeof o.facts.daysLate === 'number' ? o.facts.daysLate : undefined;
    switch (o.facts.status) {
      case 'onTime':
        if (done && dl) return vi ? `đúng hạn (${done} ≤ ${dl}): ${pts}` : `on time (${done} ≤ ${dl}): ${pts}`;
        return vi ? `đúng hạn: ${pts}` : `on time: ${pts}`;
      case 'late': {
        const n = days !== undefined ? formatNumber(days, lang) : undefined;
        const head = n ? (vi ? `quá hạn ${n} ngày` : `${n} day${days === 1 ? '' : 's'} late`) : vi ? 'quá hạn' : 'late';
        const when = done && dl ? (vi ? ` (hoàn thành ${done}, hạn ${dl})` : ` (done ${done}, deadline ${dl})`) : '';
        return `${head}${when}: ${pts}`;
      }
      default:
        return vi ? `chưa thực hiện: ${pts}` : `not done: ${pts}`;
    }
  },
  describe(p, max, lang) {
    const vi = lang === 'vi';
    const dl = p.deadline !== undefined ? formatDate(p.deadline, lang) : undefined;
    const amount = (share: number): string =>
      share >= 1 ? pointsWord(max, lang) : share <= 0 ? pointsWord(0, lang) : `${shareText(share, lang)} (${pointsWord(share * max, lang)})`;
    const parts: string[] = [];
    parts.push(
      vi
        ? `Hoàn thành đúng hạn${dl ? ` (đến hết ngày ${dl})` : ''}: tối đa ${pointsWord(max, lang)}`
        : `Done on time${dl ? ` (by ${dl})` : ''}: full ${pointsWord(max, lang)}`,
    );
    if (p.schedule) {
      for (const s of p.schedule) parts.push(vi ? `quá hạn đến ${formatNumber(s.upTo, lang)} ngày: ${amount(s.share)}` : `up to ${formatNumber(s.upTo, lang)} days late: ${amount(s.share)}`);
      const last = p.schedule[p.schedule.length - 1];
      if (last) parts.push(vi ? `quá hạn trên ${formatNumber(last.upTo, lang)} ngày: ${amount(p.after ?? 0)}` : `more than ${formatNumber(last.upTo, lang)} days late: ${amount(p.after ?? 0)}`);
    } else {
      parts.push(vi ? `quá hạn: ${amount(lateShare(p, undefined))}` : `late: ${amount(lateShare(p, undefined))}`);
    }
    parts.push(vi ? `chưa thực hiện: ${amount(p.notDone ?? 0)}` : `not done: ${amount(p.notDone ?? 0)}`);
    return parts.join('; ');
  },
});

/** Params of this kind, for readers that translate the rule (the templates' provisional-points formulas). */
export { paramsSchema as timelinessParams };
