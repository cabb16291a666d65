/**
 * The plan's measurable targets against the data: a value entered by hand, a SIPAS index, or the
 * declared rate of a criterion for the district. Pure.
 */
import type { ResultsDocument, NodeResult } from '../model/results';
import { parseRate } from '../rules/value';
import type { PlanTarget } from './task';

/** SIPAS results as `parindex sipas --json` gives them (only what the report reads). */
export interface SipasLike {
  units: readonly {
    unit: string;
    name?: string;
    overall: number | null;
    n?: number;
    groups?: readonly { code: string; index: number | null; aspects?: readonly { code: string; index: number | null }[] }[];
  }[];
}

export interface IndicatorValue {
  /** Measured value in percent (0–100), when known. */
  actual?: number;
  /** Last year's value, when the target asks for an improvement. */
  previous?: number;
  /** Whether the target is met; undefined when there is no value. */
  met?: boolean;
  /** Where the value came from (criterion code, "SIPAS …", "input"). */
  source?: string;
}

function findNode(nodes: readonly NodeResult[], code: string): NodeResult | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const c = findNode(n.children ?? [], code);
    if (c) return c;
  }
  return undefined;
}

function sipasValue(sipas: SipasLike, ref: string, unit: string | undefined): number | undefined {
  const pick = (u: SipasLike['units'][number]): number | undefined => {
    if (ref === 'overall') return u.overall ?? undefined;
    for (const g of u.groups ?? []) {
      if (g.code === ref) return g.index ?? undefined;
      for (const a of g.aspects ?? []) if (a.code === ref) return a.index ?? undefined;
    }
    return undefined;
  };
  const own = unit ? sipas.units.find((u) => u.unit === unit) : undefined;
  if (own) return pick(own);
  // no row for the district itself: mean over the units, weighted by respondents when known
  let sum = 0;
  let w = 0;
  for (const u of sipas.units) {
    const v = pick(u);
    if (v === undefined) continue;
    const weight = u.n && u.n > 0 ? u.n : 1;
    sum += v * weight;
    w += weight;
  }
  return w > 0 ? sum / w : undefined;
}

function meets(x: PlanTarget, v: number): boolean {
  const goal = x.value ?? 0;
  const eps = 1e-9;
  switch (x.op) {
    case '>':
      return v > goal + eps;
    case '<':
      return v < goal - eps;
    case '<=':
      return v <= goal + eps;
    case '=':
      return Math.abs(v - goal) <= eps;
    default:
      return v >= goal - eps;
  }
}

export interface IndicatorSources {
  results?: ResultsDocument;
  sipas?: SipasLike;
  /** Values entered by hand, by target id (percent 0–100). */
  indicators?: Readonly<Record<string, number>>;
  /** Last year's values by target id (for "better than 2022"). */
  previous?: Readonly<Record<string, number>>;
  /** Unit whose values measure the plan's targets (default "QTX", else the district-kind unit). */
  unit?: string;
}

/**
 * Measure a target: a value entered by hand, else the SIPAS index it names, else the declared
 * value (a rate) of its criterion for the district in the results.
 */
export function measureTarget(x: PlanTarget, src: IndicatorSources): IndicatorValue {
  const unit = src.unit ?? src.results?.units.find((u) => u.kind === 'district')?.code ?? 'QTX';
  let actual: number | undefined;
  let source: string | undefined;
  const given = src.indicators?.[x.id];
  if (given !== undefined) {
    actual = given;
    source = 'input';
  } else if (x.sipas && src.sipas) {
    actual = sipasValue(src.sipas, x.sipas, unit);
    if (actual !== undefined) source = `SIPAS ${x.sipas}`;
  } else if (x.criterion && src.results) {
    const u = src.results.units.find((r) => r.code === unit);
    const node = u ? findNode(u.tree, x.criterion) : undefined;
    const v = node?.value;
    const rate = typeof v === 'string' || typeof v === 'number' ? parseRate(v) : undefined;
    if (rate !== undefined) {
      actual = rate;
      source = x.criterion;
    }
  }
  const out: IndicatorValue = {};
  if (actual !== undefined) out.actual = actual;
  if (source) out.source = source;
  const prev = src.previous?.[x.id];
  if (prev !== undefined) out.previous = prev;
  if (actual !== undefined && x.value !== undefined) {
    out.met = meets(x, actual) && (!x.betterThanPrevious || prev === undefined || actual > prev);
  }
  return out;
}
