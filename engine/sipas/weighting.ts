/**
 * Post-stratification of SIPAS responses (issue 15, part 3): given the population's shares by
 * stratum (sex × age group…) per unit, weight the responses so that the sample matches them.
 *
 * - `cells` (joint shares known): every response of cell c gets the factor
 *   P_c × W ÷ S_c, where P_c is the cell's population share (renormalised over the cells that
 *   have respondents), S_c the weighted total of the cell's respondents and W that of every
 *   matched respondent (so the unit's total weight is kept).
 * - `margins` only (each variable's shares alone): raking — iterative proportional fitting,
 *   one variable after the other, until every margin is within 10⁻⁶ of its target (at most
 *   100 rounds).
 * Responses whose stratum is missing or not in the population keep their weight (factor 1) and
 * are counted as `unmatched`. The effective sample size is Kish's (Σw)² ÷ Σw² over the unit's
 * counted responses. Factors multiply any sampling weight a response already carries.
 */
import { z } from 'zod';
import { fold } from '../rules/value';

const shareSchema = z.number().finite().nonnegative();
export const populationSchema = z
  .object({
    /** The unit the shares describe; "*" (or absent) for every unit without its own entry. */
    unit: z.string().min(1).optional(),
    /** Joint shares: [{ strata: { sex: "Nữ", age: "35–54" }, share: 0.21 }, …]. */
    cells: z.array(z.object({ strata: z.record(z.string(), z.string()), share: shareSchema }).strict()).min(1).optional(),
    /** Shares of each variable alone: { sex: { Nam: 0.49, Nữ: 0.51 }, age: { … } }. */
    margins: z.record(z.string(), z.record(z.string(), shareSchema)).optional(),
  })
  .strict()
  .refine((p) => (p.cells === undefined) !== (p.margins === undefined), { message: 'cells | margins', params: { code: 'sipas.weighting.cellsOrMargins' } });
export const weightingSchema = z.object({ population: z.array(populationSchema).min(1) }).strict();
export type WeightingInput = z.input<typeof weightingSchema>;
export type Population = z.output<typeof populationSchema>;

/** What weighting did for one unit (`units[].weighting` of a SIPAS result). */
export interface WeightingSummary {
  method: 'cells' | 'raking';
  /** Responses counted. */
  n: number;
  /** Kish effective sample size after weighting. */
  nEffective: number;
  /** Responses whose stratum is missing or not in the population (kept at their weight). */
  unmatched: number;
  /** Population cells (or margin levels) with no respondent: their share went to the others. */
  empty: string[];
  /** Raking only. */
  iterations?: number;
  converged?: boolean;
}

/** One counted response as weighting sees it. */
export interface WeightRow {
  unit: string;
  weight: number;
  strata?: Readonly<Record<string, unknown>>;
}

const MAX_ROUNDS = 100;
const TOLERANCE = 1e-6;

/** The population entry of a unit: its own, else the one for every unit. */
export function populationFor(list: readonly Population[], unit: string): Population | undefined {
  return list.find((p) => p.unit === unit) ?? list.find((p) => p.unit === undefined || p.unit === '*');
}

const key = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? fold(String(v)) : undefined);

/**
 * Factors for the rows of one unit (same order as `rows`) and the summary.
 * @example weightUnit([{ unit: 'KG', weight: 1, strata: { sex: 'Nam' } }, …], { margins: { sex: { Nam: 0.5, Nữ: 0.5 } } })
 */
export function weightUnit(rows: readonly WeightRow[], pop: Population): { factors: Float64Array; summary: WeightingSummary } {
  const factors = new Float64Array(rows.length).fill(1);
  const empty: string[] = [];
  let unmatched = 0;
  let iterations: number | undefined;
  let converged: boolean | undefined;
  if (pop.cells) {
    const vars = [...new Set(pop.cells.flatMap((c) => Object.keys(c.strata)))];
    const cellKey = (strata: Readonly<Record<string, unknown>> | undefined): string | undefined => {
      const parts: string[] = [];
      for (const v of vars) {
        const k = key(strata?.[v]);
        if (k === undefined || k === '') return undefined;
        parts.push(k);
      }
      return parts.join('\u0000');
    };
    const shares = new Map<string, { share: number; label: string }>();
    for (const c of pop.cells) {
      const k = cellKey(c.strata);
      if (k !== undefined) shares.set(k, { share: (shares.get(k)?.share ?? 0) + c.share, label: vars.map((v) => c.strata[v]).join(' × ') });
    }
    const cellOf = rows.map((r) => {
      const k = cellKey(r.strata);
      return k !== undefined && shares.has(k) ? k : undefined;
    });
    const S = new Map<string, number>();
    let W = 0;
    rows.forEach((r, i) => {
      const k = cellOf[i];
      if (k === undefined) {
        unmatched++;
        return;
      }
      S.set(k, (S.get(k) ?? 0) + r.weight);
      W += r.weight;
    });
    let present = 0;
    for (const [k, s] of shares) {
      if ((S.get(k) ?? 0) > 0) present += s.share;
      else if (s.share > 0) empty.push(s.label);
    }
    rows.forEach((_r, i) => {
      const k = cellOf[i];
      const s = k !== undefined ? S.get(k) : undefined;
      const p = k !== undefined ? shares.get(k)?.share : undefined;
      if (k !== undefined && s !== undefined && s > 0 && p !== undefined && present > 0) factors[i] = ((p / present) * W) / s;
    });
  } else if (pop.margins) {
    const vars = Object.keys(pop.margins);
    const targets = vars.map((v) => {
      const m = new Map<string, { share: number; label: string }>();
      for (const [level, share] of Object.entries(pop.margins?.[v] ?? {})) {
        const k = key(level);
        if (k !== undefined) m.set(k, { share: (m.get(k)?.share ?? 0) + share, label: `${v}: ${level}` });
      }
      return m;
    });
    const levels = rows.map((r) => vars.map((v, j) => {
      const k = key(r.strata?.[v]);
      return k !== undefined && targets[j]?.has(k) ? k : undefined;
    }));
    const matched = levels.map((ls) => ls.every((k) => k !== undefined));
    unmatched = matched.filter((m) => !m).length;
    let W = 0;
    rows.forEach((r, i) => {
      if (matched[i]) W += r.weight;
    });
    // shares renormalised over the levels that have respondents
    const present = targets.map((m, j) => {
      const seen = new Set(levels.filter((_l, i) => matched[i]).map((l) => l[j]));
      let sum = 0;
      for (const [k, s] of m) {
        if (seen.has(k)) sum += s.share;
        else if (s.share > 0) empty.push(s.label);
      }
      return sum;
    });
    converged = false;
    iterations = 0;
    while (iterations < MAX_ROUNDS && W > 0) {
      iterations++;
      let worst = 0;
      vars.forEach((_v, j) => {
        const totals = new Map<string, number>();
        rows.forEach((r, i) => {
          const k = levels[i]?.[j];
          if (matched[i] && k !== undefined) totals.set(k, (totals.get(k) ?? 0) + r.weight * (factors[i] ?? 1));
        });
        const m = targets[j];
        const sum = present[j] ?? 0;
        if (!m || !(sum > 0)) return;
        const ratio = new Map<string, number>();
        for (const [k, t] of totals) {
          const want = ((m.get(k)?.share ?? 0) / sum) * W;
          ratio.set(k, t > 0 ? want / t : 1);
        }
        rows.forEach((_r, i) => {
          const k = levels[i]?.[j];
          if (matched[i] && k !== undefined) factors[i] = (factors[i] ?? 1) * (ratio.get(k) ?? 1);
        });
      });
      // how far each margin still is from its target after the round
      vars.forEach((_v, j) => {
        const totals = new Map<string, number>();
        rows.forEach((r, i) => {
          const k = levels[i]?.[j];
          if (matched[i] && k !== undefined) totals.set(k, (totals.get(k) ?? 0) + r.weight * (factors[i] ?? 1));
        });
        const m = targets[j];
        const sum = present[j] ?? 0;
        if (!m || !(sum > 0)) return;
        for (const [k, t] of totals) worst = Math.max(worst, Math.abs(t / W - (m.get(k)?.share ?? 0) / sum));
      });
      if (worst < TOLERANCE) {
        converged = true;
        break;
      }
    }
  }
  let sw = 0;
  let sw2 = 0;
  rows.forEach((r, i) => {
    const w = r.weight * (factors[i] ?? 1);
    sw += w;
    sw2 += w * w;
  });
  const summary: WeightingSummary = {
    method: pop.cells ? 'cells' : 'raking',
    n: rows.length,
    nEffective: sw2 > 0 ? (sw * sw) / sw2 : 0,
    unmatched,
    empty,
    ...(iterations !== undefined ? { iterations } : {}),
    ...(converged !== undefined ? { converged } : {}),
  };
  return { factors, summary };
}
