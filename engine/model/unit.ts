import { z } from 'zod';

/** A unit that is scored or that answers for criteria: a ward, an office, a district, a department… */
export const unitSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  /** Unit kind matched against a node's `appliesTo` (ward, office, district, department, commune…). */
  kind: z.string().min(1).default('ward'),
  /** Whether this unit is scored (ranked). Offices that only lead criteria may set false. */
  scored: z.boolean().optional(),
  email: z.string().optional(),
  head: z.string().optional(),
});
export type Unit = z.infer<typeof unitSchema>;
export type UnitInput = z.input<typeof unitSchema>;
