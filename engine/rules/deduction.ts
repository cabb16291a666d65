import { z } from 'zod';
import { formatNumber, type Lang } from '../i18n/format';
import { defineRule } from './define';
import { duplicateLabels, EPS, inSentence, labelSchema, missingText, pointsOf, pointsWord, preamble, scored, shareText, unusable, valueText } from './common';
import type { AssessedValue } from '../model/assessment';
import type { RuleIssue, RuleOutcome } from './types';
import { fold, parseNumber } from './value';

const severitySchema = z
  .object({
    label: labelSchema,
    labelEn: z.string().optional(),
    aliases: z.array(labelSchema).optional(),
    /** Share of max deducted for one violation of this severity (1 = all points lost). */
    share: z.number().finite().min(0).max(1),
  })
  .strict();

const paramsSchema = z
  .object({
    /** Count form: points deducted per violation. */
    per: z.number().finite().positive().optional(),
    /** Count form: from this many violations on, the points are 0. */
    zeroAt: z.number().int().positive().optional(),
    /** Severity form: named severities → share of max deducted. */
    severities: z.array(severitySchema).min(1).optional(),
  })
  .strict()
  .refine((p) => (p.per === undefined) !== (p.severities === undefined), { message: 'give exactly one of "per" or "severities"', params: { code: 'rule.perOrSeverities' } })
  .refine((p) => p.zeroAt === undefined || p.per !== undefined, { message: '"zeroAt" goes with "per"', params: { code: 'rule.zeroAtWithPer' } });
type DeductionParams = z.infer<typeof paramsSchema>;
type Severity = z.infer<typeof severitySchema>;

/** Words (folded) meaning "no violation" (also matched by the templates' provisional-points formulas). */
export const NONE_WORDS: ReadonlySet<string> = new Set(['khong vi pham', 'khong co vi pham', 'khong', 'khong co', 'none', 'no', 'no violation', 'no violations']);

const NONE_LABEL = 'Không vi phạm';

function severityIndex(sev: readonly Severity[], value: string): number {
  const f = fold(value);
  return sev.findIndex((s) => fold(s.label) === f || (s.aliases ?? []).some((a) => fold(a) === f));
}

function parseCount(v: AssessedValue | undefined): { count?: number; issue?: RuleIssue } {
  if (typeof v === 'string' && NONE_WORDS.has(fold(v))) return { count: 0 };
  const n = parseNumber(typeof v === 'object' && v !== null ? undefined : v);
  if (n === undefined) return { issue: { code: 'rule.notANumber', params: { value: valueText(v) } } };
  if (n < 0) return { issue: { code: 'rule.negativeCount', params: { value: n } } };
  if (!Number.isInteger(n)) return { issue: { code: 'rule.notAnInteger', params: { value: n } } };
  return { count: n };
}

function scoreCount(v: AssessedValue | undefined, p: DeductionParams, per: number, max: number): RuleOutcome {
  const { count, issue } = parseCount(v);
  if (count === undefined) return unusable(issue ?? { code: 'rule.notANumber', params: { value: valueText(v) } });
  const zero = p.zeroAt !== undefined && count >= p.zeroAt;
  return scored(zero ? 0 : max - count * per, max, { count, zero });
}

function scoreSeverity(v: AssessedValue | undefined, sev: readonly Severity[], max: number): RuleOutcome {
  const choices = [NONE_LABEL, ...sev.map((s) => s.label)];
  if (typeof v === 'string') {
    if (NONE_WORDS.has(fold(v))) return scored(max, max, { deducted: 0, none: true });
    const i = severityIndex(sev, v);
    const s = sev[i];
    if (!s) return unusable({ code: 'rule.notAChoice', params: { value: v, choices } });
    return scored(max - s.share * max, max, { deducted: s.share, severity: i });
  }
  if (typeof v === 'object' && v !== null) {
    // Counts per severity: {"Vi phạm nhẹ": 2, "Vi phạm nghiêm trọng": 0}.
    let share = 0;
    const parts: string[] = [];
    for (const [key, raw] of Object.entries(v)) {
      const i = severityIndex(sev, key);
      const s = sev[i];
      if (!s) return unusable({ code: 'rule.notAChoice', params: { value: key, choices } });
      const { count, issue } = parseCount(raw);
      if (count === undefined) return unusable(issue ?? { code: 'rule.notANumber', params: { value: valueText(raw) } });
      share += count * s.share;
      if (count > 0) parts.push(`${count}:${i}`);
    }
    return scored(max - share * max, max, { deducted: share, counts: parts.join(','), none: parts.length === 0 });
  }
  return unusable({ code: 'rule.notAChoice', params: { value: valueText(v), choices } });
}

function sevName(s: Severity, lang: Lang): string {
  return lang === 'en' && s.labelEn ? s.labelEn : inSentence(s.label);
}

/**
 * `deduction`: max minus points per violation (floor 0), or named severities → share deducted.
 * @example { "kind": "deduction", "per": 0.25 }
 * @example { "kind": "deduction", "severities": [{"label": "Vi phạm nhẹ", "share": 0.5}, {"label": "Vi phạm nghiêm trọng", "share": 1}] }
 */
export const deductionRule = defineRule({
  kind: 'deduction',
  label: { vi: 'Trừ điểm theo vi phạm', en: 'Deduction per violation' },
  params: paramsSchema,
  check(p, max) {
    const issues: RuleIssue[] = [];
    if (p.per !== undefined && p.per > max + EPS)
      issues.push({ code: 'rule.deductionAboveMax', severity: 'warning', params: { per: p.per, max } });
    if (p.severities) {
      const names = [NONE_LABEL, ...p.severities.flatMap((s) => [s.label, ...(s.aliases ?? [])])];
      for (const label of duplicateLabels(names)) issues.push({ code: 'rule.duplicateLabel', params: { label } });
    }
    return issues;
  },
  input(p) {
    if (p.severities) return { type: 'choice', choices: [NONE_LABEL, ...p.severities.map((s) => s.label)] };
    return { type: 'number', min: 0, integer: true, unit: 'vi phạm' };
  },
  score(input, p, max) {
    const pre = preamble(input.value);
    if (pre) return pre;
    if (p.severities) return scoreSeverity(input.value, p.severities, max);
    return scoreCount(input.value, p, p.per ?? 0, max);
  },
  explain(o, p, max, lang) {
    const m = missingText(o, lang);
    if (m) return m;
    const vi = lang === 'vi';
    const pts = pointsOf(o.points, max, lang);
    if (p.severities) {
      if (o.facts.none === true) return `${vi ? 'không vi phạm' : 'no violation'}: ${pts}`;
      if (typeof o.facts.severity === 'number') {
        const s = p.severities[o.facts.severity];
        if (s) return `${sevName(s, lang)} (${vi ? 'trừ' : 'minus'} ${shareText(s.share, lang)}): ${pts}`;
      }
      const counts = typeof o.facts.counts === 'string' ? o.facts.counts.split(',') : [];
      const text = counts
        .map((c) => {
          const [n, i] = c.split(':').map(Number);
          const s = p.severities?.[i ?? -1];
          return s ? `${formatNumber(n ?? 0, lang)} × ${sevName(s, lang)} (${vi ? 'trừ' : 'minus'} ${shareText(s.share, lang)})` : '';
        })
        .join(', ');
      return `${text}: ${pts}`;
    }
    const count = typeof o.facts.count === 'number' ? o.facts.count : 0;
    if (count === 0) return `${vi ? 'không vi phạm' : 'no violation'}: ${pts}`;
    const n = formatNumber(count, lang);
    const what = vi ? `${n} vi phạm` : `${n} violation${count === 1 ? '' : 's'}`;
    if (o.facts.zero === true && p.zeroAt !== undefined)
      return vi ? `${what} (từ ${formatNumber(p.zeroAt, lang)} vi phạm trở lên: 0 điểm): ${pts}` : `${what} (${formatNumber(p.zeroAt, lang)} or more: 0 points): ${pts}`;
    return `${what} × ${formatNumber(p.per ?? 0, lang)}: ${pts}`;
  },
  describe(p, max, lang) {
    const vi = lang === 'vi';
    const head = vi ? `Không vi phạm: tối đa ${pointsWord(max, lang)}` : `No violation: full ${pointsWord(max, lang)}`;
    if (p.severities) {
      const rest = p.severities.map((s) => {
        const name = lang === 'en' && s.labelEn ? s.labelEn : inSentence(s.label);
        return s.share >= 1 ? `${name}: ${pointsWord(0, lang)}` : `${name}: ${vi ? 'trừ' : 'minus'} ${shareText(s.share, lang)}`;
      });
      return [head, ...rest].join('; ');
    }
    const per = pointsWord(p.per ?? 0, lang);
    let s = vi ? `${head}; mỗi vi phạm trừ ${per}, tối thiểu 0 điểm` : `${head}; minus ${per} per violation, not below 0`;
    if (p.zeroAt !== undefined)
      s += vi ? `; từ ${formatNumber(p.zeroAt, lang)} vi phạm trở lên: 0 điểm` : `; ${formatNumber(p.zeroAt, lang)} or more violations: 0 points`;
    return s;
  },
});

/** Params of this kind, for readers that translate the rule (the templates' provisional-points formulas). */
export { paramsSchema as deductionParams };
