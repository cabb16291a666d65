import { z } from 'zod';
import type { PlanTrackStatus } from '../model/results';

/**
 * The plan's task register as data (kế hoạch duy trì, nâng cao Chỉ số CCHC / SIPAS).
 * One task per bullet of the plan. Types are inferred from the schemas.
 */

/** ISO calendar date "yyyy-mm-dd". */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd');

/** `quarterly`: due at the end of every quarter of the plan year (a report, a recurring check). */
export const recurrenceSchema = z.enum(['once', 'quarterly']);
export type Recurrence = z.infer<typeof recurrenceSchema>;

/** A measurable target the plan gives ("100% văn bản…", "tối thiểu 20%…", "trên 90%"). */
export const planTargetSchema = z.object({
  id: z.string().min(1),
  /** The indicator in the plan's words. */
  indicator: z.string().min(1),
  op: z.enum(['>=', '>', '<=', '<', '=']).optional(),
  value: z.number().finite().optional(),
  unit: z.string().optional(),
  /** Date by which the target is to be met (default: the task's due date / the plan's year end). */
  by: isoDateSchema.optional(),
  /** Framework criterion whose declared value measures the target (rate 0–100), read for the district. */
  criterion: z.string().optional(),
  /** SIPAS index that measures the target: "overall", a group ("II") or an aspect ("II.1"). */
  sipas: z.string().optional(),
  /** Whether the target also asks for an improvement over the previous year. */
  betterThanPrevious: z.boolean().optional(),
  /** Section of the plan that sets the target (e.g. "I.1"). */
  source: z.string().optional(),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

export const planTaskSchema = z.object({
  /** Stable id: section + "-" + bullet number, e.g. "II.1.3-4". */
  id: z.string().min(1),
  /** Plan section, e.g. "II.1.3", "III.2". */
  section: z.string().min(1),
  title: z.string().min(1),
  /**
   * Lead unit code (đơn vị chủ trì), or a group: "ALL" (every office and ward), "WARDS", "OFFICES",
   * or any other group code whose members are listed in `leads`.
   */
  lead: z.string().min(1),
  /** The lead as the plan writes it ("Phòng Nội vụ", "Các cơ quan, đơn vị, UBND 11 phường"). */
  leadName: z.string().min(1),
  /** Members of a lead group (e.g. the six lead offices of section III.2). */
  leads: z.array(z.string().min(1)).optional(),
  /** Coordinating unit codes (đơn vị phối hợp). */
  coordinators: z.array(z.string().min(1)).default([]),
  /** The coordinators as the plan writes them. */
  coordinatorNames: z.string().optional(),
  /** Due date of a one-off task. Quarterly tasks are due at each quarter end. */
  due: isoDateSchema.optional(),
  recurrence: recurrenceSchema.optional(),
  /** Framework criterion codes (or area codes) the task serves. */
  criteria: z.array(z.string().min(1)).default([]),
  targets: z.array(planTargetSchema).optional(),
  note: z.string().optional(),
});
export type PlanTask = z.infer<typeof planTaskSchema>;
export type PlanTaskInput = z.input<typeof planTaskSchema>;

export const planSectionSchema = z.object({ code: z.string().min(1), title: z.string().min(1) });
export type PlanSection = z.infer<typeof planSectionSchema>;

/** A whole plan: its tasks, sections and plan-level targets. */
export const planSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  year: z.number().int(),
  /** Criteria set the tasks link to (by code). */
  framework: z.string().optional(),
  /** Unit list the lead/coordinator codes refer to. */
  units: z.string().optional(),
  source: z.string().optional(),
  sections: z.array(planSectionSchema).default([]),
  targets: z.array(planTargetSchema).default([]),
  tasks: z.array(planTaskSchema),
});
export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

/** Progress as a unit reports it: Hoàn thành / Đang thực hiện / Chưa thực hiện. */
export const progressSchema = z.enum(['done', 'inProgress', 'notStarted']);
export type Progress = z.infer<typeof progressSchema>;

/** Quarter key "2023-Q3". */
export const quarterKeySchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'yyyy-Qn');

/** One unit's quarterly report on one task (a row of its "Tiến độ nhiệm vụ" sheet). */
export const taskStatusSchema = z.object({
  task: z.string().min(1),
  unit: z.string().min(1),
  quarter: quarterKeySchema,
  progress: progressSchema,
  /** Percent done, 0–100. */
  percent: z.number().finite().min(0).max(100).optional(),
  completedOn: isoDateSchema.optional(),
  /** What was done (kết quả thực hiện). */
  done: z.string().optional(),
  evidence: z.string().optional(),
  difficulties: z.string().optional(),
  proposals: z.string().optional(),
  /** Date the unit's report was received (yyyy-mm-dd), when known: a later report of the same quarter wins. */
  reportedAt: isoDateSchema.optional(),
});
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/** Tracking status of a task for a unit (and of a task overall). Fixed names: see CONTRACTS. */
export const TRACK_STATUSES = ['done', 'onTrack', 'late', 'notStarted', 'notReported'] as const;
export type TrackStatus = (typeof TRACK_STATUSES)[number];

// The results document types the same names (engine/model/results.ts): keep the two in step.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameStatuses: Same<TrackStatus, PlanTrackStatus> = true;
void sameStatuses;
