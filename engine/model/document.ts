import { z } from 'zod';
import { frameworkSchema } from './framework';
import { unitSchema } from './unit';
import { assessmentSchema, previousCriterionSchema, previousResultSchema } from './assessment';

/**
 * The scoring document: JSON input of `parindex score` (see shared CONTRACTS).
 * `surveyIndices` optionally feeds `survey` rules: unit → reference (criterion code or SIPAS
 * aspect/group code, or "overall") → satisfaction index in percent.
 */
export const scoringDocumentSchema = z.object({
  framework: frameworkSchema,
  units: z.array(unitSchema),
  assessments: z.array(assessmentSchema).default([]),
  previous: z.array(previousResultSchema).optional(),
  /** Last year's appraised points per unit and criterion (appraisal risk: `risk.aboveLastYear`). */
  previousCriteria: z.array(previousCriterionSchema).optional(),
  surveyIndices: z.record(z.string(), z.record(z.string(), z.number().finite())).optional(),
  /**
   * 95% intervals of the survey indices, same keys as `surveyIndices`: unit → reference →
   * [low, high] in percent. Filled from SIPAS results (or given with indices an outside survey
   * published); the rank uncertainty (`rankRange`) reads them. An index without an interval has
   * no sampling error as far as scoring knows.
   */
  surveyIntervals: z.record(z.string(), z.record(z.string(), z.tuple([z.number().finite(), z.number().finite()]))).optional(),
  /** Plan tasks and status (plan-tracking); validated by engine/plan. */
  plan: z.unknown().optional(),
  /** SIPAS document part (sipas); validated by engine/sipas. */
  sipas: z.unknown().optional(),
});
export type ScoringDocument = z.infer<typeof scoringDocumentSchema>;
export type ScoringDocumentInput = z.input<typeof scoringDocumentSchema>;
