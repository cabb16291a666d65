import type { Gap, ResultsDocument, UnitResult } from '../model/results';

/** A gap together with the unit that lost the points. */
export interface UnitGap extends Gap {
  unit: string;
  unitName: string;
}

/** Points lost summed over a group of gaps (an area, or a lead unit). */
export interface GapRollup {
  /** Area code or lead unit code ("" when a criterion has no lead). */
  key: string;
  /** Area name (for areas); empty for lead units (map codes to names with the unit list). */
  name: string;
  lost: number;
  recoverable: number;
  /** Points lost on survey-channel criteria (not recoverable by documents). */
  survey: number;
  /** Number of gaps (unit × criterion). */
  count: number;
  /** Distinct units with a gap in this group. */
  units: number;
  /** Criteria codes in the group, in framework order of first appearance. */
  criteria: string[];
}

function pick(results: ResultsDocument, unit?: string): UnitResult[] {
  return unit === undefined ? results.units : results.units.filter((u) => u.code === unit);
}

/**
 * Every gap of every unit (or of one unit), each tagged with its unit.
 * @example allGaps(results, 'KG').map((g) => `${g.criterion}: −${g.lost}`)
 */
export function allGaps(results: ResultsDocument, unit?: string): UnitGap[] {
  const out: UnitGap[] = [];
  for (const u of pick(results, unit)) for (const g of u.gaps) out.push({ ...g, unit: u.code, unitName: u.name });
  return out;
}

function rollup(gaps: readonly UnitGap[], keyOf: (g: UnitGap) => string, nameOf: (g: UnitGap) => string): GapRollup[] {
  const map = new Map<string, GapRollup & { unitSet: Set<string> }>();
  for (const g of gaps) {
    const key = keyOf(g);
    let r = map.get(key);
    if (!r) {
      r = { key, name: nameOf(g), lost: 0, recoverable: 0, survey: 0, count: 0, units: 0, criteria: [], unitSet: new Set() };
      map.set(key, r);
    }
    r.lost += g.lost;
    r.recoverable += g.recoverable;
    if (g.channel === 'survey') r.survey += g.lost;
    r.count += 1;
    r.unitSet.add(g.unit);
    if (!r.criteria.includes(g.criterion)) r.criteria.push(g.criterion);
  }
  return [...map.values()]
    .map(({ unitSet, ...r }) => ({ ...r, units: unitSet.size }))
    .sort((a, b) => b.lost - a.lost || a.key.localeCompare(b.key));
}

/**
 * Points lost per area (top-level node), across all units or for one unit; largest first.
 * @example gapsByArea(results)[0] // { key: '1', name: 'Công tác chỉ đạo…', lost: 4.5, … }
 */
export function gapsByArea(results: ResultsDocument, unit?: string): GapRollup[] {
  const names = new Map<string, string>();
  for (const u of results.units) for (const a of u.areas) if (!names.has(a.code)) names.set(a.code, a.name);
  return rollup(allGaps(results, unit), (g) => g.area, (g) => names.get(g.area) ?? '');
}

/**
 * Points lost per lead unit (đơn vị chủ trì, inherited from parents), across all units or for one.
 * @example gapsByLead(results).map((r) => `${r.key}: ${r.lost}`) // ["NV: 6.25", "TP: 3", …]
 */
export function gapsByLead(results: ResultsDocument, unit?: string): GapRollup[] {
  return rollup(allGaps(results, unit), (g) => g.lead ?? '', () => '');
}

/**
 * Gaps ordered by points that can be recovered (appraisal channel), largest first; survey-channel
 * gaps (recoverable 0: they depend on citizens' answers) follow, by points lost.
 * @example recoverableGaps(results, 'KG')[0].criterion
 */
export function recoverableGaps(results: ResultsDocument, unit?: string): UnitGap[] {
  return allGaps(results, unit).sort((a, b) => b.recoverable - a.recoverable || b.lost - a.lost);
}
