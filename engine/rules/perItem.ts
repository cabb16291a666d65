import { z } from 'zod';
import { formatNumber, type Lang } from '../i18n/format';
import { defineRule } from './define';
import { EPS, missingText, pointsOf, pointsWord, preamble, scored, unusable, valueText } from './common';
import type { AssessedValue } from '../model/assessment';
import type { RuleIssue, RuleOutcome } from './types';
import { fold, parseNumber } from './value';

const paramsSchema = z
  .object({
    /** Points per item done on time (default: max ÷ due, each due item worth the same). */
    per: z.number().finite().positive().optional(),
    /** Items due in the year (N báo cáo phải nộp). May instead come with the value ("8/12"). */
    due: z.number().int().positive().optional(),
    /** Points per item done late (default 0). */
    latePer: z.number().finite().min(0).optional(),
    /** What an item is, for wording: "báo cáo" (default "nhiệm vụ"). */
    item: z.string().trim().min(1).optional(),
    itemEn: z.string().trim().min(1).optional(),
  })
  .strict();
type PerItemParams = z.infer<typeof paramsSchema>;

const ON_TIME_KEYS = new Set(['ontime', 'on time', 'done', 'dung han', 'da thuc hien', 'hoan thanh', 'hoan thanh dung han']);
const LATE_KEYS = new Set(['late', 'qua han', 'hoan thanh qua han', 'tre han']);
const DUE_KEYS = new Set(['due', 'total', 'tong', 'tong so', 'phai thuc hien', 'so phai thuc hien', 'phai nop']);

interface Counts {
  onTime: number;
  late: number;
  due?: number;
}

function count(raw: AssessedValue | undefined): { n?: number; issue?: RuleIssue } {
  const n = raw === null || raw === '' ? 0 : parseNumber(typeof raw === 'object' ? undefined : raw);
  if (n === undefined) return { issue: { code: 'rule.notANumber', params: { value: valueText(raw) } } };
  if (n < 0) return { issue: { code: 'rule.negativeCount', params: { value: n } } };
  if (!Number.isInteger(n)) return { issue: { code: 'rule.notAnInteger', params: { value: n } } };
  return { n };
}

/** 8 → on time 8; "8/12" → 8 on time of 12 due; {"onTime": 8, "late": 1, "due": 12}. */
function readCounts(v: AssessedValue | undefined): { counts?: Counts; issue?: RuleIssue } {
  if (typeof v === 'object' && v !== null) {
    const c: Counts = { onTime: 0, late: 0 };
    for (const [key, raw] of Object.entries(v)) {
      const f = fold(key);
      const slot = ON_TIME_KEYS.has(f) ? 'onTime' : LATE_KEYS.has(f) ? 'late' : DUE_KEYS.has(f) ? 'due' : undefined;
      if (!slot) return { issue: { code: 'rule.notAChoice', params: { value: key, choices: ['onTime', 'late', 'due'] } } };
      const { n, issue } = count(raw);
      if (n === undefined) return issue ? { issue } : {};
      c[slot] = n;
    }
    return { counts: c };
  }
  if (typeof v === 'string') {
    const m = /^\s*([^/]+?)\s*\/\s*([^/]+?)\s*$/.exec(v);
    if (m) {
      const a = count(m[1]);
      const b = count(m[2]);
      if (a.n === undefined) return a.issue ? { issue: a.issue } : {};
      if (b.n === undefined) return b.issue ? { issue: b.issue } : {};
      return { counts: { onTime: a.n, late: 0, due: b.n } };
    }
  }
  const { n, issue } = count(v);
  return n === undefined ? (issue ? { issue } : {}) : { counts: { onTime: n, late: 0 } };
}

function itemWord(p: PerItemParams, lang: Lang): string {
  return lang === 'vi' ? (p.item ?? 'nhiệm vụ') : (p.itemEn ?? 'items');
}

/**
 * `perItem`: N items due, points per item done on time (optionally less per late item),
 * capped at max.
 * @example { "kind": "perItem", "per": 0.25, "due": 4, "item": "báo cáo" }
 */
export const perItemRule = defineRule({
  kind: 'perItem',
  label: { vi: 'Theo số lượng hoàn thành', en: 'Per item done' },
  params: paramsSchema,
  check(p, max) {
    const issues: RuleIssue[] = [];
    if (p.per !== undefined && p.per > max + EPS) issues.push({ code: 'rule.awardAboveMax', params: { what: 'per', points: p.per, max } });
    if (p.latePer !== undefined && p.per !== undefined && p.latePer > p.per + EPS)
      issues.push({ code: 'rule.awardAboveMax', params: { what: 'latePer', points: p.latePer, max: p.per } });
    return issues;
  },
  input(p) {
    if (p.due !== undefined) return { type: 'number', min: 0, max: p.due, integer: true, unit: p.item ?? 'nhiệm vụ' };
    if (p.per !== undefined) return { type: 'number', min: 0, integer: true, unit: p.item ?? 'nhiệm vụ' };
    return { type: 'vars', names: ['onTime', 'late', 'due'] };
  },
  score(input, p, max): RuleOutcome {
    const pre = preamble(input.value);
    if (pre) return pre;
    const { counts, issue } = readCounts(input.value);
    if (!counts) return unusable(issue ?? { code: 'rule.notANumber', params: { value: valueText(input.value) } });
    const due = counts.due ?? p.due;
    const per = p.per ?? (due !== undefined && due > 0 ? max / due : undefined);
    if (per === undefined) return unusable({ code: 'rule.perItemNoDue' });
    const issues: RuleIssue[] = [];
    const done = counts.onTime + counts.late;
    if (due !== undefined && done > due) issues.push({ code: 'rule.moreThanDue', severity: 'warning', params: { done, due } });
    const latePer = p.latePer ?? 0;
    const raw = counts.onTime * per + counts.late * latePer;
    return scored(raw, max, { onTime: counts.onTime, late: counts.late, due: due ?? null, per, latePer, raw }, issues);
  },
  explain(o, p, max, lang) {
    const m = missingText(o, lang);
    if (m) return m;
    const vi = lang === 'vi';
    const n = (x: unknown): string => formatNumber(typeof x === 'number' ? x : 0, lang);
    const what = itemWord(p, lang);
    const due = typeof o.facts.due === 'number' ? `/${n(o.facts.due)}` : '';
    let s = vi ? `${n(o.facts.onTime)}${due} ${what} đúng hạn × ${n(o.facts.per)}` : `${n(o.facts.onTime)}${due} ${what} on time × ${n(o.facts.per)}`;
    if (typeof o.facts.late === 'number' && o.facts.late > 0) s += vi ? ` + ${n(o.facts.late)} quá hạn × ${n(o.facts.latePer)}` : ` + ${n(o.facts.late)} late × ${n(o.facts.latePer)}`;
    const capped = typeof o.facts.raw === 'number' && o.facts.raw > max + EPS ? (vi ? ` (${n(o.facts.raw)}, tối đa ${n(max)})` : ` (${n(o.facts.raw)}, capped at ${n(max)})`) : '';
    return `${s}${capped}: ${pointsOf(o.points, max, lang)}`;
  },
  describe(p, max, lang) {
    const vi = lang === 'vi';
    const what = itemWord(p, lang);
    const late = p.latePer !== undefined && p.latePer > 0 ? (vi ? `; quá hạn: ${pointsWord(p.latePer, lang)} mỗi ${what}` : `; late: ${pointsWord(p.latePer, lang)} each`) : '';
    const due = p.due !== undefined ? (vi ? ` (phải thực hiện ${formatNumber(p.due, lang)} ${what})` : ` (${formatNumber(p.due, lang)} ${what} due)`) : '';
    if (p.per !== undefined)
      return vi
        ? `Mỗi ${what} hoàn thành đúng hạn: ${pointsWord(p.per, lang)}${late}; tối đa ${pointsWord(max, lang)}${due}`
        : `Each of the ${what} done on time: ${pointsWord(p.per, lang)}${late}; at most ${pointsWord(max, lang)}${due}`;
    return vi
      ? `Điểm = số ${what} đúng hạn / số phải thực hiện × ${formatNumber(max, lang)}${late}${due}`
      : `Points = ${what} on time / ${what} due × ${formatNumber(max, lang)}${late}${due}`;
  },
});

/** Params of this kind, for readers that translate the rule (the templates' provisional-points formulas). */
export { paramsSchema as perItemParams };
