/**
 * The demo's source data (samples/*.json): Thanh Xuân 2023, synthetic but plausible.
 * Kept as data so the demo is the same on every machine; `generate.ts` produced it once.
 */
import type { PreviousCriterion, PreviousResult } from '../../engine';
import type { RoundDeadline, PlanTaskRow } from '../../engine';
import type { TaskStatus } from '../../engine';

export interface SampleRow {
  criterion: string;
  value?: string | number;
  self?: number;
  evidence?: string;
  explanation?: string;
}

/** What one unit sends back (an office answers the district-level criteria it leads). */
export interface SampleSubmission {
  /** The unit whose template this is (ward or office). */
  from: string;
  /** The unit assessed (the ward itself, or the district for an office). */
  unit: string;
  /** ISO date-time the file arrived. */
  submittedAt: string;
  rows: SampleRow[];
}

export interface SampleAppraisal {
  unit: string;
  criterion: string;
  appraisal: number[];
  reasons: string[];
}

/** A mistake a unit makes while filling its template (the importer must catch it). */
export interface SampleMistake {
  from: string;
  criterion: string;
  field: 'value' | 'self';
  value: string | number;
  /** What kind of mistake, for the reader of the sample. */
  kind: 'textInNumber' | 'aboveMax' | 'notInList';
}

export interface DemoSample {
  id: string;
  name: string;
  year: number;
  frameworkId: string;
  /** "Today" of the demo (ISO date). */
  asOf: string;
  seed: number;
  rounds: RoundDeadline[];
  /** Units that never sent their template. */
  missing: string[];
  submissions: SampleSubmission[];
  appraisals: SampleAppraisal[];
  mistakes: SampleMistake[];
  previous: PreviousResult[];
  survey: {
    instrument: string;
    items: string[];
    /** Per unit, one string per respondent: one digit per item (1–5, 0 = no answer). */
    responses: Record<string, string[]>;
    /**
     * Answers collected by QR code or kiosk, one row each with the device and the time: written as
     * respondent rows ("Khảo sát") beside the counted answers, so the survey-quality guard sees them.
     */
    kiosk?: { unit: string; device: string; at: string; answers: string }[];
  };
  /** Last year's appraised points per unit and criterion, on last year's codes ("Năm trước - tiêu chí"). */
  previousCriteria?: PreviousCriterion[];
  /** Criteria codes that moved between last year's set and this year's (rows of kind "tiêu chí" in "Chuyển đổi đơn vị"). */
  criteriaCrosswalk?: { from: string; to: string; note?: string }[];
  /** Sociological-survey indices (%) of PAR survey criteria that are not SIPAS aspects: unit → criterion → index. */
  surveyIndices?: Record<string, Record<string, number>>;
  plan?: PlanTaskRow[];
  /** Built-in plan tracked by the demo, and the units' quarterly reports on its tasks. */
  planId?: string;
  planStatuses?: TaskStatus[];
  sipasPrevious?: { unit: string; overall: number; rank?: number }[];
}
