import { z } from 'zod';
import { defineRule } from './define';
import { bandListSchema, bound, unitSuffix, bandPoints, bandReason, checkBands, describeBands, findBand, scaleFormatter, type Domain, type Scale } from './bandsCore';
import { missingText, pointsOf, preamble, scored, unusable, valueText } from './common';
import { parseRate } from './value';
import type { Lang } from '../i18n/format';
import { maxOf, minOf } from '../model/arrays';

const paramsSchema = z
  .object({
    bands: bandListSchema,
    /** `rate` (default): a percentage 0–100; `number` — any number (days, count…). */
    scale: z.enum(['rate', 'number']).optional(),
    /** Unit word shown after numbers on the `number` scale, e.g. "ngày". */
    unit: z.string().optional(),
    /** The unit word in English ("days"); default: `unit`. */
    unitEn: z.string().optional(),
    /** Range the bands should cover (rate: 0–100; number: 0 and up). Values outside are refused. */
    domain: z.object({ min: z.number().finite().optional(), max: z.number().finite().optional() }).strict().optional(),
  })
  .strict();
export type BandsParams = z.infer<typeof paramsSchema>;

export function scaleOf(p: BandsParams): Scale {
  return p.scale ?? 'rate';
}

/**
 * The values the bands are meant for. Rates: 0–100% unless `domain` says otherwise. Other
 * numbers: `domain` if given, else what the bands span — from the lowest `from` (or −∞ when a
 * band is open below) to the highest `to` (or +∞ when a band is open above).
 */
export function domainOf(p: BandsParams): Domain {
  if (scaleOf(p) === 'rate') return { min: p.domain?.min ?? 0, max: p.domain?.max ?? 100 };
  const froms = p.bands.map((b) => b.from);
  const tos = p.bands.map((b) => b.to);
  const min = froms.every((x): x is number => x !== undefined) ? minOf(froms) : -Infinity;
  const max = tos.every((x): x is number => x !== undefined) ? maxOf(tos) : Infinity;
  return { min: p.domain?.min ?? min, max: p.domain?.max ?? max };
}

function noun(p: BandsParams, lang: Lang): string {
  if (scaleOf(p) === 'rate') return lang === 'vi' ? 'tỷ lệ' : 'rate';
  return lang === 'vi' ? 'giá trị' : 'value';
}

/**
 * `bands`: a rate (or any number) → points by ordered thresholds.
 * @example { "kind": "bands", "bands": [{"from": 100, "share": 1}, {"from": 90, "to": 100, "points": 0.5}, {"to": 90, "points": 0}] }
 */
export const bandsRule = defineRule({
  kind: 'bands',
  label: { vi: 'Theo khung tỷ lệ / ngưỡng', en: 'Banded thresholds' },
  params: paramsSchema,
  check(p, max) {
    const d = domainOf(p);
    if (d.min > d.max) return [{ code: 'rule.domainEmpty', params: { min: d.min, max: d.max } }];
    return checkBands(p.bands, max, d, unitSuffix(scaleOf(p), p.unit));
  },
  input(p) {
    if (scaleOf(p) === 'rate') return { type: 'rate' };
    const d = domainOf(p);
    return { type: 'number', ...(Number.isFinite(d.min) ? { min: d.min } : {}), ...(Number.isFinite(d.max) ? { max: d.max } : {}), ...(p.unit ? { unit: p.unit } : {}) };
  },
  score(input, p, max) {
    const pre = preamble(input.value);
    if (pre) return pre;
    const x = parseRate(input.value);
    if (x === undefined) return unusable({ code: 'rule.notANumber', params: { value: valueText(input.value) } });
    const d = domainOf(p);
    if (x < d.min || x > d.max) {
      return unusable({ code: 'rule.valueOutOfRange', params: { value: x, min: bound(d.min), max: bound(d.max), unit: unitSuffix(scaleOf(p), p.unit) } }, { value: x });
    }
    const i = findBand(p.bands, x);
    if (i < 0) return scored(0, max, { value: x, band: null }, [{ code: 'rule.outsideBands', severity: 'warning', params: { value: x, unit: unitSuffix(scaleOf(p), p.unit) } }]);
    return scored(bandPoints(p.bands, i, max), max, { value: x, band: i });
  },
  explain(o, p, max, lang) {
    const m = missingText(o, lang);
    if (m) return m;
    const fmt = scaleFormatter(scaleOf(p), lang, lang === 'en' ? (p.unitEn ?? p.unit) : p.unit);
    const x = typeof o.facts.value === 'number' ? o.facts.value : 0;
    const band = typeof o.facts.band === 'number' ? p.bands[o.facts.band] : undefined;
    const why = band ? bandReason(band, x, lang, fmt) : `${fmt(x)} (${lang === 'vi' ? 'ngoài các khung' : 'outside every band'})`;
    return `${noun(p, lang)} ${why}: ${pointsOf(o.points, max, lang)}`;
  },
  describe(p, max, lang) {
    return describeBands(p.bands, max, lang, scaleFormatter(scaleOf(p), lang, lang === 'en' ? (p.unitEn ?? p.unit) : p.unit));
  },
});

/** Params of this kind, for readers that translate the rule (the templates' provisional-points formulas). */
export { paramsSchema as bandsParams };
