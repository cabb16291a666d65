import { z } from 'zod';
import { defineRule } from './define';
import { parseYesNo } from './value';
import { valueText } from './common';
import { formatNumber } from '../i18n/format';

/** Params of `yesNo` (also read by the templates' provisional-points formulas). */
export const yesNoParams = z
  .object({
    /** Share of max for "Có" (default 1). */
    yes: z.number().min(0).max(1).optional(),
    /** Share of max for "Không" (default 0). */
    no: z.number().min(0).max(1).optional(),
  })
  .strict();

/**
 * `yesNo`: "Có" → full points (or `yes` share), "Không" → 0 (or `no` share).
 * "Không áp dụng" is handled by the leaf's N/A policy before the rule runs.
 * @example { "kind": "yesNo" }
 */
export const yesNoRule = defineRule({
  kind: 'yesNo',
  label: { vi: 'Có / Không', en: 'Yes / No' },
  params: yesNoParams,
  input: () => ({ type: 'choice', choices: ['Có', 'Không', 'Không áp dụng'] }),
  score(input, p, max) {
    const yn = parseYesNo(input.value);
    if (input.value === undefined || input.value === null || input.value === '')
      return { points: 0, missing: true, issues: [], facts: {} };
    if (yn === undefined)
      return {
        points: 0,
        missing: true,
        issues: [{ code: 'rule.notAChoice', params: { value: valueText(input.value), choices: ['Có', 'Không', 'Không áp dụng'] } }],
        facts: {},
      };
    const share = yn ? (p.yes ?? 1) : (p.no ?? 0);
    return { points: share * max, missing: false, issues: [], facts: { yes: yn } };
  },
  explain(o, _p, max, lang) {
    if (o.missing) return lang === 'vi' ? 'chưa kê khai Có/Không' : 'yes/no not declared';
    const pts = `${formatNumber(o.points, lang)}/${formatNumber(max, lang)}`;
    if (lang === 'vi') return o.facts.yes ? `Có: ${pts} điểm` : `Không: ${pts} điểm`;
    return o.facts.yes ? `Yes: ${pts} points` : `No: ${pts} points`;
  },
  describe(p, max, lang) {
    const y = formatNumber((p.yes ?? 1) * max, lang);
    const n = formatNumber((p.no ?? 0) * max, lang);
    return lang === 'vi' ? `Có: ${y} điểm; Không: ${n} điểm` : `Yes: ${y} points; No: ${n} points`;
  },
});
