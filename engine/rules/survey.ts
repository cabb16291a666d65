import { z } from 'zod';
import { formatNumber, type Lang } from '../i18n/format';
import { defineRule } from './define';
import { bandListSchema, bandPoints, bandReason, checkBands, describeBands, findBand, scaleFormatter } from './bandsCore';
import { duplicateLabels, EPS, labelSchema, pointsOf, scored, shareText, unusable, preamble, valueText } from './common';
import { checkProportional, describeRate, explainRate, proportionalShape, scoreRate } from './proportional';
import type { AssessedValue } from '../model/assessment';
import type { RuleIssue, RuleOutcome } from './types';
import { fold, parseNumber, parseRate } from './value';
import { pushAll } from '../model/arrays';

const answerSchema = z
  .object({
    label: labelSchema,
    /** Share of the points this answer earns (A = 1, B = 0.6, C = 0.2, D = 0). */
    share: z.number().finite().min(0).max(1),
  })
  .strict();

const paramsSchema = z
  .object({
    /** Proportional form (default): points = max × index / 100, or full from `fullAt`. */
    fullAt: proportionalShape.fullAt,
    step: proportionalShape.step,
    /** Banded form: same bands as the `bands` kind, on the index (0–100%). */
    bands: bandListSchema.optional(),
    /**
     * Answer-share form (phiếu điều tra xã hội học): each answer earns a share of the points;
     * the value is the answer ("B") or counts per answer ({"A": 30, "B": 10, "C": 5, "D": 0}),
     * which give the index = Σ count × share / Σ count × 100.
     */
    answers: z.array(answerSchema).min(1).optional(),
  })
  .strict()
  .refine((p) => !(p.bands && (p.fullAt !== undefined || p.step !== undefined)), { message: '"bands" cannot be combined with "fullAt" or "step"', params: { code: 'rule.bandsAlone' } });
type SurveyParams = z.infer<typeof paramsSchema>;

function answerIndex(p: SurveyParams, label: string): number {
  const f = fold(label);
  return (p.answers ?? []).findIndex((a) => fold(a.label) === f);
}

/** Index (0–100) from the declared value: a number, an answer, or counts per answer. */
function indexFromValue(v: AssessedValue | undefined, p: SurveyParams): { index?: number; n?: number; issue?: RuleIssue } {
  const choices = (p.answers ?? []).map((a) => a.label);
  if (typeof v === 'object' && v !== null) {
    if (!p.answers) return { issue: { code: 'rule.notANumber', params: { value: JSON.stringify(v) } } };
    let n = 0;
    let earned = 0;
    for (const [key, raw] of Object.entries(v)) {
      const a = p.answers[answerIndex(p, key)];
      if (!a) return { issue: { code: 'rule.notAChoice', params: { value: key, choices } } };
      const c = raw === null || raw === '' ? 0 : parseNumber(raw);
      if (c === undefined) return { issue: { code: 'rule.notANumber', params: { value: valueText(raw) } } };
      if (c < 0) return { issue: { code: 'rule.negativeCount', params: { value: c } } };
      n += c;
      earned += c * a.share;
    }
    if (n <= 0) return { issue: { code: 'rule.noAnswers' } };
    return { index: (earned / n) * 100, n };
  }
  if (p.answers && typeof v === 'string') {
    const a = p.answers[answerIndex(p, v)];
    if (a) return { index: a.share * 100, n: 1 };
  }
  const x = parseRate(v);
  if (x === undefined)
    return { issue: p.answers ? { code: 'rule.notAChoice', params: { value: valueText(v), choices } } : { code: 'rule.notANumber', params: { value: valueText(v) } } };
  return { index: x };
}

function noun(lang: Lang): string {
  return lang === 'vi' ? 'chỉ số hài lòng' : 'satisfaction';
}

/** Points for an index already known to be a number. */
function scoreIndex(index: number, p: SurveyParams, max: number, facts: RuleOutcome['facts']): RuleOutcome {
  if (!p.bands) return scoreRate(index, p, max, facts);
  if (index < 0 || index > 100)
    return unusable({ code: 'rule.valueOutOfRange', params: { value: index, min: 0, max: 100, unit: '%' } }, { ...facts, rate: index });
  const i = findBand(p.bands, index);
  if (i < 0) return scored(0, max, { ...facts, rate: index, band: null }, [{ code: 'rule.outsideBands', severity: 'warning', params: { value: index, unit: '%' } }]);
  return scored(bandPoints(p.bands, i, max), max, { ...facts, rate: index, band: i });
}

/**
 * `survey`: points from a satisfaction index (0–100%) — the survey result for this unit and
 * leaf, else a declared number — proportional (optionally full from `fullAt`) or banded;
 * optionally from answer shares (A = 100%, B = 60%…).
 * @example { "kind": "survey" }
 * @example { "kind": "survey", "fullAt": 90 }
 * @example { "kind": "survey", "bands": [{"from": 90, "share": 1}, {"from": 80, "to": 90, "share": 0.5}, {"to": 80, "share": 0}] }
 */
export const surveyRule = defineRule({
  kind: 'survey',
  label: { vi: 'Theo kết quả điều tra xã hội học', en: 'From a survey index' },
  params: paramsSchema,
  check(p, max) {
    const issues: RuleIssue[] = [...checkProportional(p, max)];
    if (p.bands) pushAll(issues, checkBands(p.bands, max, { min: 0, max: 100 }, '%'));
    if (p.answers) {
      for (const label of duplicateLabels(p.answers.map((a) => a.label))) issues.push({ code: 'rule.duplicateLabel', params: { label } });
      if (!p.answers.some((a) => a.share >= 1 - EPS)) issues.push({ code: 'rule.answerShares', severity: 'warning' });
    }
    return issues;
  },
  input: (p) => (p.answers ? { type: 'vars', names: p.answers.map((a) => a.label) } : { type: 'survey' }),
  score(input, p, max) {
    if (input.survey !== undefined) {
      if (!Number.isFinite(input.survey)) return unusable({ code: 'rule.notANumber', params: { value: String(input.survey) } });
      return scoreIndex(input.survey, p, max, { source: 'survey' });
    }
    const pre = preamble(input.value);
    if (pre) return pre.facts.notApplicable ? pre : { ...pre, issues: [{ code: 'rule.surveyMissing', severity: 'warning' }] };
    const { index, n, issue } = indexFromValue(input.value, p);
    if (index === undefined) return unusable(issue ?? { code: 'rule.notANumber', params: { value: valueText(input.value) } });
    return scoreIndex(index, p, max, { source: n !== undefined ? 'answers' : 'value', ...(n !== undefined ? { n } : {}) });
  },
  explain(o, p, max, lang) {
    const vi = lang === 'vi';
    if (o.missing) {
      if (o.facts.notApplicable === true) return vi ? 'không áp dụng' : 'not applicable';
      if (o.issues.some((i) => i.code === 'rule.surveyMissing')) return vi ? 'chưa có kết quả điều tra: 0 điểm' : 'no survey result: 0 points';
      return vi ? 'số liệu không hợp lệ: 0 điểm' : 'invalid value: 0 points';
    }
    const votes = typeof o.facts.n === 'number' && o.facts.n > 1 ? (vi ? `${formatNumber(o.facts.n, lang)} phiếu; ` : `${formatNumber(o.facts.n, lang)} answers; `) : '';
    if (p.bands) {
      const x = typeof o.facts.rate === 'number' ? o.facts.rate : 0;
      const band = typeof o.facts.band === 'number' ? p.bands[o.facts.band] : undefined;
      const fmt = scaleFormatter('rate', lang);
      const why = band ? bandReason(band, x, lang, fmt) : `${fmt(x)} (${vi ? 'ngoài các khung' : 'outside every band'})`;
      return `${votes}${noun(lang)} ${why}: ${pointsOf(o.points, max, lang)}`;
    }
    return votes + explainRate(o, p, max, lang, noun(lang));
  },
  describe(p, max, lang) {
    const vi = lang === 'vi';
    const base = p.bands ? describeBands(p.bands, max, lang, scaleFormatter('rate', lang)) : describeRate(p, max, lang, noun(lang));
    const head = vi ? `Theo ${noun(lang)} từ kết quả điều tra. ` : 'From the survey satisfaction index. ';
    const answers = p.answers
      ? (vi ? ' Phương án trả lời: ' : ' Answers: ') + p.answers.map((a) => `${a.label} = ${shareText(a.share, lang)}`).join(', ') + (vi ? ' số điểm.' : ' of the points.')
      : '';
    return head + base + (answers ? '.' + answers : '');
  },
});
