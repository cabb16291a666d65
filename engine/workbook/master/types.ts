import type { Framework } from '../../model/framework';
import type { Unit } from '../../model/unit';
import type { Assessment, PreviousResult } from '../../model/assessment';
import type { ScoringDocument } from '../../model/document';
import type { CellValue } from '../port';
import type { RoundId } from './spec';

/** Where a record came from in the workbook (1-based row, A1 cells by column key). */
export interface RowRef {
  sheet: string;
  /** 1-based row number. */
  row: number;
  /** A1 address of each column present, by key. */
  cells: Record<string, string>;
}

/** Submission metadata kept beside each assessment (not part of the scoring model). */
export interface SubmissionMeta {
  unit: string;
  criterion: string;
  /** ISO date or date-time "yyyy-mm-ddThh:mm". */
  submittedAt?: string;
  sourceFile?: string;
  /** The unit that answered (an office answering for the district). */
  by?: string;
  /** Reason of each appraisal round as entered (round 1, round 2). */
  reasons?: [string | undefined, string | undefined];
  note?: string;
}

export interface RoundDeadline {
  round: RoundId;
  label?: string;
  /** ISO dates. */
  start?: string;
  deadline: string;
  note?: string;
}

export interface SurveyResponseRow {
  unit: string;
  respondent?: string;
  weight?: number;
  /** The device, kiosk or QR code the answers came from (survey-quality guard). */
  device?: string;
  /** When it was answered, ISO "yyyy-mm-ddThh:mm" (survey-quality guard). */
  at?: string;
  answers: Record<string, number | null>;
}

export interface SurveyCountRow {
  unit: string;
  item: string;
  levels: [number, number, number, number, number];
  blank?: number;
}

/** Plan task as read from the "Kế hoạch" sheet: the known fields plus any extra columns (by key). */
export interface PlanTaskRow {
  id: string;
  title: string;
  lead?: string;
  leadName?: string;
  coordinators?: string[];
  due?: string;
  criteria?: string[];
  status?: string;
  reportedAt?: string;
  note?: string;
  extra?: Record<string, CellValue>;
}

/** Settings of the "Cấu hình" sheet that are not part of the framework. */
export interface MasterSettings {
  sipasMethod?: 'topTwoBox' | 'meanScore';
  surveyTarget?: number;
  /** Built-in plan id used when the "Kế hoạch" sheet has no rows. */
  planId?: string;
  note?: string;
  /** Unknown keys kept as written. */
  other?: Record<string, CellValue>;
}

/** Everything a master workbook holds, as data. Input of the writer, output of the reader. */
export interface MasterData {
  framework: Framework;
  units: Unit[];
  assessments: Assessment[];
  submissions?: SubmissionMeta[];
  rounds?: RoundDeadline[];
  survey?: {
    responses?: SurveyResponseRow[];
    /** Item codes in column order for the responses sheet (default: the order first seen). */
    items?: string[];
    counts?: SurveyCountRow[];
    /** unit → source → index (%), entered directly. */
    indices?: Record<string, Record<string, number>>;
  };
  previous?: PreviousResult[];
  plan?: PlanTaskRow[];
  settings?: MasterSettings;
}

/** What `readMaster` returns besides the scoring document. */
export interface MasterExtras {
  submissions: SubmissionMeta[];
  rounds: RoundDeadline[];
  settings: MasterSettings;
  survey: NonNullable<MasterData['survey']>;
  planRows: PlanTaskRow[];
  /** Location of each submission row, key `unit|criterion`. */
  locations: Record<string, RowRef>;
  /** Location of each row of "Kế hoạch", in task order (issues with path ["plan", "tasks", i]). */
  planLocations: RowRef[];
  /** Location of each criterion row of "Bộ tiêu chí", by code. */
  criteriaLocations: Record<string, RowRef>;
  /**
   * Fields of a criterion whose cell the reader rejected (reported there: a negative maximum,
   * text in a number cell, rule parameters that are not JSON), by code. They are left out of the
   * criteria set, and the criteria checks do not report them again as missing.
   */
  criteriaRejected?: Record<string, string[]>;
  /** 1-based sheet row of each survey response (same order as `survey.responses`): issues of the quality guard point at it. */
  surveyRows?: number[];
  /** Location of each unit row of "Đơn vị", by code (absent in documents not read from a workbook). */
  unitLocations?: Record<string, RowRef>;
  /** Sheets recognised, by table id. */
  sheets: Partial<Record<string, string>>;
  /** Whether the workbook looks like a master workbook at all. */
  recognised: boolean;
  /** Rounds closed and reopened ("Chốt điểm"; engine/periods), set by openMaster. */
  locks?: import('../../periods/lock').LockEvent[];
  /** Crosswalk of units and criteria codes ("Chuyển đổi đơn vị"; engine/periods), set by openMaster. */
  crosswalk?: import('../../periods/crosswalk').Crosswalk;
  /**
   * "Kê khai" as read (the snapshot itself, not a copy): an appraisal save patches its appraisal
   * and reason cells by location, so the user's own cells and columns stay (engine/app `applyAppraisals`).
   */
  submissionsSheet?: import('../port').SheetSnapshot;
}

export type MasterDocument = ScoringDocument & { extras: MasterExtras };

export function assessmentKey(unit: string, criterion: string): string {
  return `${unit}|${criterion}`;
}
