import { z } from 'zod';
import { defineRule } from './define';
import { clampPoints, parseNumber } from './value';
import { formatNumber } from '../i18n/format';

/**
 * `points`: the assessed points are used directly (declared value as a number, else the
 * self-score), checked to lie in [0, max].
 * @example { "kind": "points" }
 */
export const pointsRule = defineRule({
  kind: 'points',
  label: { vi: 'Điểm chấm trực tiếp', en: 'Points assessed directly' },
  params: z.object({ step: z.number().positive().optional() }).strict(),
  input: () => ({ type: 'points' }),
  score(input, _params, max) {
    const fromValue = parseNumber(input.value);
    const raw = fromValue ?? input.self;
    if (raw === undefined) return { points: 0, missing: true, issues: [], facts: {} };
    const issues =
      raw < 0 || raw > max
        ? [{ code: 'rule.pointsOutOfRange' as const, params: { value: raw, max } }]
        : [];
    return { points: clampPoints(raw, max), missing: false, issues, facts: { raw } };
  },
  explain(o, _p, max, lang) {
    if (o.missing) return lang === 'vi' ? 'chưa có điểm' : 'no points entered';
    return lang === 'vi'
      ? `chấm ${formatNumber(o.points, 'vi')}/${formatNumber(max, 'vi')} điểm`
      : `assessed ${formatNumber(o.points, 'en')}/${formatNumber(max, 'en')} points`;
  },
  describe(_p, max, lang) {
    return lang === 'vi'
      ? `Chấm điểm trực tiếp từ 0 đến ${formatNumber(max, 'vi')} điểm`
      : `Points assessed directly, 0 to ${formatNumber(max, 'en')}`;
  },
});
