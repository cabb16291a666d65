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
