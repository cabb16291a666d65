import type { Issue } from './issue';
import type { Channel, NodeRole } from './framework';
import type { AssessedValue } from './assessment';

/** Which round gave a leaf its final points. */
export type FinalSource = 'appraisal2' | 'appraisal1' | 'rule' | 'self' | 'none' | 'notApplicable';

/** Result tree mirrors the framework tree: inputs seen, points, maximum, lost, reason. */
export interface NodeResult {
  code: string;
  name: string;
  role: NodeRole;
  channel?: Channel;
  lead?: string;
  /** Points achieved (full precision). */
  score: number;
  /** Applicable maximum (after N/A exclusion). */
  max: number;
  /** Declared maximum before N/A exclusion. */
  declaredMax: number;
  lost: number;
  applicable: boolean;
  leaf: boolean;
  // leaf-only
  value?: AssessedValue;
  self?: number;
  appraisal?: number[];
  rulePoints?: number;
  source?: FinalSource;
  /** Why points were lost, in words (vi or en as requested). */
  reason?: string;
  appraiserReason?: string;
  explanation?: string;
  evidence?: string;
  children?: NodeResult[];
}

export interface AreaResult {
  code: string;
  name: string;
  score: number;
  max: number;
  index: number;
}

export interface Gap {
  criterion: string;
  name: string;
  area: string;
  lost: number;
  max: number;
  score: number;
  lead?: string;
  channel: Channel;
  reason: string;
  /** Points judged recoverable within the year (appraisal-channel gaps are; survey ones partly). */
  recoverable: number;
  /** Which round gave the final points. */
  source?: FinalSource;
}

export interface UnitResult {
  code: string;
  name: string;
  kind: string;
  score: number;
  max: number;
  /** score ÷ max × 100, full precision. */
  index: number;
  rank: number;
  grade: string;
  bonus: number;
  penalty: number;
  /** Points of the standard nodes alone (score = standardScore + bonus − penalty). */
  standardScore?: number;
  areas: AreaResult[];
  gaps: Gap[];
  previous?: { index: number; rank?: number; indexChange: number; rankChange?: number };
  tree: NodeResult[];
  /** Leaves with no answer at all. */
  missing: string[];
}

export interface ResultsDocument {
  framework: { id: string; name: string; year?: number; target: number };
  units: UnitResult[];
  /** Issues with their message rendered in the requested language. */
  issues: (Issue & { message?: string })[];
  /** Reference date given to scoring (yyyy-mm-dd), when any. */
  asOf?: string;
  plan?: unknown;
  sipas?: unknown;
}
