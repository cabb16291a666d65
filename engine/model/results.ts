import type { Issue } from './issue';
import type { Channel, NodeRole } from './framework';
import type { AssessedValue } from './assessment';
import type { SipasResult } from '../sipas/result';

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
  /**
   * Last year's result. With a crosswalk, `index` is the share-weighted mean of the old units in
   * `from` (CONTRACTS); `rank` only where one old unit maps whole onto this one.
   */
  previous?: { index: number; rank?: number; indexChange: number; rankChange?: number; from?: string[] };
  tree: NodeResult[];
  /** Leaves with no answer at all. */
  missing: string[];
  /**
   * The ranks the unit can hold when the survey-derived points of every unit of its kind move
   * within their 95% intervals: [best, worst] (CONTRACTS). Equal numbers when sampling error
   * cannot change the rank. Set by ranking (engine/scoring/uncertainty.ts).
   */
  rankRange?: [number, number];
  /** The index at the low and high ends of the unit's survey-points intervals; absent without sampling error. */
  indexRange?: [number, number];
  /**
   * The next unit below in the ranking of its kind and the probability (0–1) that this unit is
   * truly ahead of it (normal approximation of the difference of the two indices).
   */
  aheadOfNext?: { unit: string; probability: number };
}

/** Tracking status of a plan task for one unit, and of a task overall (fixed names: CONTRACTS). */
export type PlanTrackStatus = 'done' | 'onTrack' | 'late' | 'notStarted' | 'notReported';

/** One lead unit's standing on a plan task (`plan.tasks[].byUnit`). */
export interface PlanUnitStatusResult {
  unit: string;
  unitName: string;
  status: PlanTrackStatus;
  /** Quarter of the report that gave the status ("2023-Q3"); absent when not reported. */
  quarter?: string;
  /** Date the report was received (yyyy-mm-dd), when known. */
  reportedAt?: string;
  completedOn?: string;
  percent?: number;
  /** Days past the due date (late only). */
  daysLate?: number;
}

/** A plan task in the results document (`plan.tasks[]`). */
export interface PlanTaskResult {
  id: string;
  title: string;
  lead: string;
  leadName: string;
  coordinators: string[];
  /** yyyy-mm-dd; a quarterly task: the end of the reporting quarter. */
  due: string;
  /** Overall status: `done` when every lead unit is done, else the worst of the leads' statuses. */
  status: PlanTrackStatus;
  criteria: string[];
  section: string;
  recurrence: 'once' | 'quarterly';
  /** Each lead unit's own status (a group lead expanded: unit-list order; a list of leads: as listed). */
  byUnit: PlanUnitStatusResult[];
}

/** One unit × task behind schedule (`plan.late[]`). */
export interface PlanLateResult {
  unit: string;
  task: string;
  status: Extract<PlanTrackStatus, 'late' | 'notStarted' | 'notReported'>;
  role: 'lead' | 'coordinator';
  due: string;
  unitName: string;
  /** Who answers for it: "Thủ trưởng cơ quan" / "Chủ tịch UBND phường". */
  headTitle: string;
  daysLate?: number;
}

/** The `plan` part of the results document (CONTRACTS: tasks, late, uncovered; plus the rest). */
export interface PlanResults {
  asOf: string;
  quarter: string;
  tasks: PlanTaskResult[];
  late: PlanLateResult[];
  uncovered: string[];
  /** Tasks by overall status. */
  counts: Record<PlanTrackStatus, number>;
}

export interface ResultsDocument {
  framework: { id: string; name: string; year?: number; target: number };
  units: UnitResult[];
  /** Issues with their message rendered in the requested language. */
  issues: (Issue & { message?: string })[];
  /** Reference date given to scoring (yyyy-mm-dd), when any. */
  asOf?: string;
  plan?: PlanResults;
  /** Satisfaction indices (SIPAS) when the document had survey data: `parindex sipas --json`'s result. */
  sipas?: SipasResult;
  /**
   * Hash of every input the scores depend on and the rounds closed when they were computed
   * (CONTRACTS; engine/periods/snapshot.ts).
   */
  snapshot?: { sha256: string; locked: string[] };
  /** Each unit's index and rank over the years present (previous results with a year, crosswalk applied). */
  years?: { years: number[]; units: { unit: string; name: string; byYear: Record<string, { index: number; rank?: number }> }[] };
}
