import type { Issue } from '../model/issue';
import type { AggregateMethod, ItemMethod } from './method';
import type { QualityReason, QualitySettings } from './quality';
import type { WeightingSummary } from './weighting';

/** What the survey-quality guard found for one unit (CONTRACTS: `quality: {flagged, reasons}`). */
export interface SipasQuality {
  /** Responses flagged (for one reason or more). */
  flagged: number;
  /** Responses flagged for each reason (a response with two reasons counts in both). */
  reasons: Partial<Record<QualityReason, number>>;
  /** Flagged responses left out of the index (all of them unless the user keeps them). */
  setAside: number;
  /** The overall index counting the flagged responses, and without them (null: no data). */
  overallWith: number | null;
  overallWithout: number | null;
}

/** A level of the instrument that can carry weights. */
export type SipasWeightLevel = 'group' | 'aspect' | 'item';

/** Why an index is flagged as imprecise. */
export type PrecisionFlag = 'smallSample' | 'wideInterval';

export interface SipasItemResult {
  item: string;
  text: string;
  textEn?: string;
  /** true when the item text is not quoted from a decision (the instrument says so). */
  unofficial?: boolean;
  /** Item index in percent (full precision); null when no valid answer. */
  index: number | null;
  /** Valid answers (levels 1..5), unweighted. */
  n: number;
  /** Kish effective sample size (= n without sampling weights). */
  nEffective: number;
  /** 95% interval, percent. */
  low: number | null;
  high: number | null;
  /** Weighted answers per level 1..5. */
  levels: number[];
  /** Blank / "no answer" (excluded from the denominator). */
  blank: number;
  /** Out-of-scale or unreadable answers (excluded, reported as issues). */
  invalid: number;
  flags: PrecisionFlag[];
}

export interface SipasAspectResult {
  code: string;
  name: string;
  nameEn?: string;
  index: number | null;
  /** Smallest valid n among its items (used for the small-sample check). */
  n: number;
  low: number | null;
  high: number | null;
  /** Effective weight of this aspect in the overall index (sums to 1 over aspects with data). */
  weight: number;
  /** target − index. */
  gap: number | null;
  /** index − previous year's index, when given. */
  change?: number;
  previous?: number;
  flags: PrecisionFlag[];
  items: SipasItemResult[];
}

export interface SipasGroupResult {
  code: string;
  name: string;
  nameEn?: string;
  index: number | null;
  n: number;
  low: number | null;
  high: number | null;
  /** Effective weight of this group in the overall index. */
  weight: number;
  gap: number | null;
  change?: number;
  previous?: number;
  flags: PrecisionFlag[];
  aspects: SipasAspectResult[];
}

/** One aspect's part of the distance to target: (target − index) × effective weight. */
export interface SipasDrag {
  aspect: string;
  name: string;
  nameEn?: string;
  group: string;
  index: number;
  weight: number;
  /** Points of the overall index this aspect keeps below (positive) or above (negative) target. */
  drag: number;
  /** drag ÷ (target − overall) when the overall is below target. */
  share: number | null;
}

export interface SipasUnitResult {
  unit: string;
  name: string;
  /** Unit kind from the document's `units` ("ward", "office"…), or "pool" for the pooled unit. */
  kind?: string;
  /** true for the pooled unit (all responses of the document together). */
  pooled?: boolean;
  overall: number | null;
  /** Respondents: response rows of the unit + the largest counted total of any item. */
  n: number;
  low: number | null;
  high: number | null;
  /** 1 = highest overall among the units of the same kind; equal indices share a rank; null for the pooled unit. */
  rank: number | null;
  target: number;
  /** target − overall (positive = below target). */
  gap: number | null;
  meetsTarget: boolean | null;
  change?: number;
  previous?: { overall?: number; rank?: number; rankChange?: number };
  blank: number;
  invalid: number;
  flags: PrecisionFlag[];
  groups: SipasGroupResult[];
  /** Aspects ranked by drag, largest first. */
  drag: SipasDrag[];
  /** The survey-quality guard's findings (units with response rows). */
  quality?: SipasQuality;
  /** Post-stratification, when the document gives population shares for the unit. */
  weighting?: WeightingSummary;
}

export interface SipasResult {
  instrument: { id: string; name: string; items: number };
  method: {
    item: ItemMethod;
    /** How aspects, groups and the overall index were combined: "items" (mean of all items below) or "equal". */
    aggregate: AggregateMethod;
    /** Levels where the instrument declares weights, which override `aggregate` there; absent when none. */
    declaredWeights?: SipasWeightLevel[];
    target: number;
    interval: string;
    minN: number;
    maxHalfWidth: number;
    /** The survey-quality guard's settings (thresholds, what is kept). */
    quality?: QualitySettings;
  };
  units: SipasUnitResult[];
  issues: Issue[];
}
