import type { Issue } from '../model/issue';
import { OVERALL_KEY } from './instrument';
import type { SipasResult } from './result';
import type { SipasPrevious } from './document';
import { scoreSipas, type ScoreSipasOptions } from './score';

/**
 * The scoring document's `surveyIndices` from a SIPAS result: unit → key → index (percent,
 * full precision), keys = aspect codes, group codes and "overall". A survey-channel PAR leaf
 * reads `surveyIndices[unit][node.source ?? node.code]`. Indices without data are left out.
 * @example sipasToSurveyIndices(scoreSipas(doc).result).KG?.['II.1'] // 84.27…
 */
export function sipasToSurveyIndices(result: SipasResult): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const u of result.units) {
    const m: Record<string, number> = {};
    for (const g of u.groups) {
      if (g.index !== null) m[g.code] = g.index;
      for (const a of g.aspects) if (a.index !== null) m[a.code] = a.index;
    }
    if (u.overall !== null) m[OVERALL_KEY] = u.overall;
    out[u.unit] = m;
  }
  return out;
}

/**
 * The scoring document's `surveyIntervals` from a SIPAS result: unit → key → [low, high] (the
 * 95% intervals of the indices `sipasToSurveyIndices` gives, same keys). The rank uncertainty
 * (`rankRange`) reads them.
 * @example sipasToSurveyIntervals(result).KG?.['II.1'] // [79.9, 88.6]
 */
export function sipasToSurveyIntervals(result: SipasResult): Record<string, Record<string, [number, number]>> {
  const out: Record<string, Record<string, [number, number]>> = {};
  for (const u of result.units) {
    const m: Record<string, [number, number]> = {};
    for (const g of u.groups) {
      if (g.index !== null && g.low !== null && g.high !== null) m[g.code] = [g.low, g.high];
      for (const a of g.aspects) if (a.index !== null && a.low !== null && a.high !== null) m[a.code] = [a.low, a.high];
    }
    if (u.overall !== null && u.low !== null && u.high !== null) m[OVERALL_KEY] = [u.low, u.high];
    out[u.unit] = m;
  }
  return out;
}

/**
 * Intervals of the survey indices that scoring will use: those of `computed` (from SIPAS) for
 * every key whose index was not overridden by an index entered directly (`given`), which has no
 * known sampling error. `given` intervals (a document's own `surveyIntervals`) win.
 * @example mergeSurveyIntervals(sipasToSurveyIntervals(r), { KG: { overall: 88 } }) // KG without "overall"
 */
export function mergeSurveyIntervals(
  computed: Readonly<Record<string, Readonly<Record<string, [number, number]>>>>,
  givenIndices: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined,
  givenIntervals?: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): Record<string, Record<string, [number, number]>> {
  const out: Record<string, Record<string, [number, number]>> = {};
  for (const [u, m] of Object.entries(computed)) {
    const given = givenIndices?.[u];
    const overridden = typeof given === 'object' && given !== null ? given : {};
    const kept: Record<string, [number, number]> = {};
    for (const [k, iv] of Object.entries(m)) if (!Object.prototype.hasOwnProperty.call(overridden, k)) kept[k] = iv;
    out[u] = kept;
  }
  for (const [u, m] of Object.entries(givenIntervals ?? {})) {
    if (typeof m !== 'object' || m === null) continue;
    for (const [k, iv] of Object.entries(m)) {
      if (Array.isArray(iv) && iv.length === 2 && typeof iv[0] === 'number' && typeof iv[1] === 'number') (out[u] ??= {})[k] = [iv[0], iv[1]];
    }
  }
  return out;
}

/**
 * For the scoring engine: score the `sipas` part of a scoring document and return its
 * `surveyIndices` map, the full result, and the issues with paths prefixed by "sipas"
 * (so they point into the scoring document).
 * Merge with explicit `surveyIndices` of the document as the scoring engine decides
 * (explicit values usually win).
 * @example surveyIndicesFromSipas(doc.sipas).surveyIndices.KG?.overall
 */
export function surveyIndicesFromSipas(sipas: unknown, options: ScoreSipasOptions = {}): { surveyIndices: Record<string, Record<string, number>>; result: SipasResult; issues: Issue[]; ok: boolean } {
  const { result, ok } = scoreSipas(sipas, options);
  const issues = result.issues.map((i) => (i.path ? { ...i, path: ['sipas', ...i.path] } : i));
  return { surveyIndices: sipasToSurveyIndices(result), result, issues, ok };
}

export interface IndexedPart {
  code: string;
  index: number | null;
}
/** The parts of a result that previousFromResult reads (a SipasResult, or its JSON read back). */
export interface PreviousSource {
  units: { unit: string; overall: number | null; rank?: number | null | undefined; groups: (IndexedPart & { aspects: IndexedPart[] })[] }[];
}

/**
 * Last year's entries for `previous` from last year's result (the `--json` output of
 * `parindex sipas`): overall, rank and every group/aspect index per unit.
 * @example previousFromResult(lastYear).find((p) => p.unit === 'KG')?.indices?.['II.1']
 */
export function previousFromResult(result: PreviousSource): SipasPrevious[] {
  return result.units.map((u) => {
    const indices: Record<string, number> = {};
    for (const g of u.groups) {
      if (g.index !== null) indices[g.code] = g.index;
      for (const a of g.aspects) if (a.index !== null) indices[a.code] = a.index;
    }
    const p: SipasPrevious = { unit: u.unit, indices };
    if (u.overall !== null) p.overall = u.overall;
    if (u.rank !== null && u.rank !== undefined) p.rank = u.rank;
    return p;
  });
}
