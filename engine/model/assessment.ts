import { z } from 'zod';

/**
 * A declared value (số liệu kê khai): "Có" / "Không" / "Không áp dụng", a number or rate,
 * a date (ISO yyyy-mm-dd or dd/mm/yyyy), a level name, or named variables for a formula.
 */
export const scalarValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type ScalarValue = z.infer<typeof scalarValueSchema>;
export const assessedValueSchema = z.union([scalarValueSchema, z.record(z.string(), scalarValueSchema)]);
export type AssessedValue = z.infer<typeof assessedValueSchema>;

/**
 * One unit's answer to one leaf criterion, with its rounds.
 * Final points = last `appraisal` round if any, else the rule applied to `value`, else `self`.
 */
export const assessmentSchema = z.object({
  unit: z.string().min(1),
  criterion: z.string().min(1),
  value: assessedValueSchema.optional(),
  /** Self-score (tự chấm). */
  self: z.number().finite().optional(),
  /** Appraisal rounds in order: [round 1, round 2 after explanation]. */
  appraisal: z.array(z.number().finite()).optional(),
  /** Appraiser's reason for changing the self-score. */
  reason: z.string().optional(),
  /** Unit's explanation (giải trình). */
  explanation: z.string().optional(),
  /** Evidence reference (số, ký hiệu văn bản kiểm chứng). */
  evidence: z.string().optional(),
  notApplicable: z.boolean().optional(),
  note: z.string().optional(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const previousResultSchema = z.object({
  unit: z.string().min(1),
  index: z.number().finite(),
  rank: z.number().int().positive().optional(),
  grade: z.string().optional(),
  /**
   * The assessment year of this result (several past years may be given, one entry per unit and
   * year). Absent: the year before the current one. Year-over-year change uses the latest year.
   */
  year: z.number().int().min(1900).max(2200).optional(),
});
export type PreviousResult = z.infer<typeof previousResultSchema>;

/**
 * Last year's appraised points of one unit on one criterion (and what it declared then): the
 * appraisal-risk check warns when this year's self-score is higher with nothing new declared.
 */
export const previousCriterionSchema = z.object({
  unit: z.string().min(1),
  criterion: z.string().min(1),
  /** Final (appraised) points last year. */
  points: z.number().finite(),
  value: scalarValueSchema.optional(),
  evidence: z.string().optional(),
});
export type PreviousCriterion = z.infer<typeof previousCriterionSchema>;
