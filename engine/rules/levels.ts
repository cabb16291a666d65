import { z } from 'zod';
import { defineRule } from './define';
import {
  awardPoints, awardShape, checkAwardMax, duplicateLabels, hasOneAward, inSentence, labelSchema, missingText,
  ONE_AWARD, pointsOf, pointsWord, preamble, scored, shareText, unusable, valueText,
} from './common';
import { fold } from './value';

const levelSchema = z
  .object({
    label: labelSchema,
    /** English label for reports in English (default: the label). */
    labelEn: z.string().optional(),
    /** Other spellings accepted for this level ("HTXS"). */
    aliases: z.array(labelSchema).optional(),
    ...awardShape,
  })
  .strict()
  .refine(hasOneAward, ONE_AWARD);

const paramsSchema = z.object({ levels: z.array(levelSchema).min(1) }).strict();
type LevelsParams = z.infer<typeof paramsSchema>;

function matchLevel(p: LevelsParams, value: string): number {
  const f = fold(value);
  return p.levels.findIndex((l) => fold(l.label) === f || (l.aliases ?? []).some((a) => fold(a) === f));
}

/**
 * `levels`: a named level (chosen from a list) → share of max.
 * @example { "kind": "levels", "levels": [{"label": "Hoàn thành xuất sắc", "share": 1}, {"label": "Hoàn thành tốt", "share": 0.75}, {"label": "Hoàn thành", "share": 0.5}, {"label": "Không hoàn thành", "share": 0}] }
 */
export const levelsRule = defineRule({
  kind: 'levels',
  label: { vi: 'Theo mức độ', en: 'Named levels' },
  params: paramsSchema,
  check(p, max) {
    const names = p.levels.flatMap((l) => [l.label, ...(l.aliases ?? [])]);
    const dups = duplicateLabels(names).map((label) => ({ code: 'rule.duplicateLabel' as const, params: { label } }));
    return [...dups, ...p.levels.flatMap((l) => checkAwardMax(l, max, l.label))];
  },
  input: (p) => ({ type: 'choice', choices: p.levels.map((l) => l.label) }),
  score(input, p, max) {
    const pre = preamble(input.value);
    if (pre) return pre;
    const i = typeof input.value === 'string' ? matchLevel(p, input.value) : -1;
    const level = p.levels[i];
    if (!level)
      return unusable({ code: 'rule.notAChoice', params: { value: valueText(input.value), choices: p.levels.map((l) => l.label) } });
    return scored(awardPoints(level, max), max, { level: i });
  },
  explain(o, p, max, lang) {
    const m = missingText(o, lang);
    if (m) return m;
    const level = typeof o.facts.level === 'number' ? p.levels[o.facts.level] : undefined;
    if (!level) return pointsOf(o.points, max, lang);
    const name = lang === 'en' && level.labelEn ? level.labelEn : inSentence(level.label);
    const share = max > 0 ? shareText(o.points / max, lang) : shareText(0, lang);
    return `${name} (${share}): ${pointsOf(o.points, max, lang)}`;
  },
  describe(p, max, lang) {
    return p.levels
      .map((l) => {
        const name = lang === 'en' && l.labelEn ? l.labelEn : l.label;
        const pts = awardPoints(l, max);
        const amount = l.share !== undefined && l.share !== 1 && l.share !== 0 ? `${shareText(l.share, lang)} (${pointsWord(pts, lang)})` : pointsWord(pts, lang);
        return `${name}: ${amount}`;
      })
      .join('; ');
  },
});

/** Params of this kind, for readers that translate the rule (the templates' provisional-points formulas). */
export { paramsSchema as levelsParams };
