import { z } from 'zod';

/**
 * Criteria set (bộ tiêu chí) as data. A tree of nodes of any depth: a node with `children`
 * scores as the sum of its children; a leaf has `max` and `rule`.
 * Rule params are validated per kind by engine/rules (the registry), not here, so that
 * framework validation can report every bad rule with its node path.
 */
export const ruleSpecSchema = z
  .object({ kind: z.string().min(1) })
  .catchall(z.unknown());
export type RuleSpec = z.infer<typeof ruleSpecSchema>;

export const channelSchema = z.enum(['appraisal', 'survey']);
export type Channel = z.infer<typeof channelSchema>;

/** `exclude`: drop the leaf from the maximum and rescale; `full`: award full points. */
export const notApplicablePolicySchema = z.enum(['exclude', 'full']);
export type NotApplicablePolicy = z.infer<typeof notApplicablePolicySchema>;

/** `official`: the decision's own figure; `illustrative`: a placeholder to replace with the decision in force. */
export const pointsStatusSchema = z.enum(['official', 'illustrative']);
export type PointsStatus = z.infer<typeof pointsStatusSchema>;

/**
 * What a unit without survey results scores (framework-level): `zero` (default) — survey
 * criteria count 0 against the full maximum; `rescale` — the appraisal score alone is
 * converted to 100 (index = appraisal points ÷ appraisal maximum × 100), as Hà Nội's ward
 * decision does when the survey was not held. Applies only when the unit has no survey result
 * on any of its survey criteria.
 */
export const missingSurveyPolicySchema = z.enum(['zero', 'rescale']);
export type MissingSurveyPolicy = z.infer<typeof missingSurveyPolicySchema>;

/** `standard` nodes count toward the 100; `bonus` / `penalty` nodes sit outside it, capped. */
export const nodeRoleSchema = z.enum(['standard', 'bonus', 'penalty']);
export type NodeRole = z.infer<typeof nodeRoleSchema>;

export interface FrameworkNode {
  code: string;
  name: string;
  nameEn?: string | undefined;
  /** Declared maximum. Required on leaves; on a parent it is checked against the children's sum. */
  max?: number | undefined;
  rule?: RuleSpec | undefined;
  channel?: Channel | undefined;
  /** Lead unit code (đơn vị chủ trì). Inherited by descendants when absent. */
  lead?: string | undefined;
  coordinators?: string[] | undefined;
  /** Evidence requirement (tài liệu kiểm chứng) in words. */
  evidence?: string | undefined;
  /** Scoring rule as written in the decision (cách tính điểm); generated from `rule` when absent. */
  ruleText?: string | undefined;
  /** Unit kinds this node applies to (ward, office, district…). Inherited; absent = all. */
  appliesTo?: string[] | undefined;
  notApplicable?: NotApplicablePolicy | undefined;
  role?: NodeRole | undefined;
  /** Cap on the points a bonus/penalty node may add or remove. */
  cap?: number | undefined;
  /**
   * Survey-channel leaves: which satisfaction index feeds the rule — a SIPAS aspect code
   * ("II.1"), group code ("II"), "overall", or any key of the document's `surveyIndices`.
   * Default: the leaf's own code.
   */
  source?: string | undefined;
  note?: string | undefined;
  /**
   * Whether this node's maximum is the decision's own (`official`) or illustrative (to be
   * replaced by the decision in force). Absent: as the framework's `meta.points`.
   */
  points?: PointsStatus | undefined;
  children?: FrameworkNode[] | undefined;
}

export const frameworkNodeSchema: z.ZodType<FrameworkNode, FrameworkNode> = z.lazy(() =>
  z.object({
    code: z.string().min(1),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    max: z.number().finite().nonnegative().optional(),
    rule: ruleSpecSchema.optional(),
    channel: channelSchema.optional(),
    lead: z.string().optional(),
    coordinators: z.array(z.string()).optional(),
    evidence: z.string().optional(),
    ruleText: z.string().optional(),
    appliesTo: z.array(z.string()).optional(),
    notApplicable: notApplicablePolicySchema.optional(),
    role: nodeRoleSchema.optional(),
    cap: z.number().finite().nonnegative().optional(),
    source: z.string().optional(),
    note: z.string().optional(),
    points: pointsStatusSchema.optional(),
    children: z.array(frameworkNodeSchema).optional(),
  }),
);

export const gradeBandSchema = z.object({
  grade: z.string().min(1),
  min: z.number().finite(),
  /** Where the band comes from, e.g. that it is an assumption rather than the decision's. */
  note: z.string().optional(),
});
export type GradeBand = z.infer<typeof gradeBandSchema>;

/**
 * Default grades. A ≥ 90 and B 80–<90 are the groups of the national reports; C (70–<80) and
 * D (below 70) are an assumption of this software — set `grades` from the decision in force.
 */
export const DEFAULT_GRADES: readonly GradeBand[] = Object.freeze([
  { grade: 'A', min: 90 },
  { grade: 'B', min: 80 },
  { grade: 'C', min: 70 },
  { grade: 'D', min: 0 },
]);

export const frameworkMetaSchema = z.object({
  /** Legal basis, e.g. "Quyết định 2940/QĐ-UBND". */
  legalBasis: z.string().optional(),
  /** Whether the point values are official or illustrative (to be replaced by the decision in force). */
  points: pointsStatusSchema.optional(),
  source: z.string().optional(),
  note: z.string().optional(),
  /**
   * The years the decision covers (assessment years): `to` absent = open-ended ("from 2025").
   * A set is "in force" for a year within this range.
   */
  years: z
    .object({ from: z.number().int(), to: z.number().int().optional() })
    .refine((y) => y.to === undefined || y.to >= y.from, { message: 'to >= from', params: { code: 'framework.yearsOrder' }, path: ['to'] })
    .optional(),
  /** Decisions that replaced this one or apply beside it, in words (e.g. "3199/QĐ-UBND (2024)"). */
  related: z.array(z.string()).optional(),
});

export const frameworkSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  year: z.number().int().optional(),
  version: z.string().optional(),
  /** Declared total of the standard nodes (default 100). */
  total: z.number().finite().positive().optional(),
  grades: z.array(gradeBandSchema).optional(),
  /** Target index used for colours and target gaps (default 90). */
  target: z.number().finite().optional(),
  /** Two indices closer than this are a tie (default 1e-9 index points). */
  tieEpsilon: z.number().finite().nonnegative().optional(),
  /** Default N/A policy for leaves that do not set one (default `exclude`). */
  notApplicable: notApplicablePolicySchema.optional(),
  /** What a unit without any survey result scores (default `zero`). */
  missingSurvey: missingSurveyPolicySchema.optional(),
  unitKinds: z.array(z.string()).optional(),
  meta: frameworkMetaSchema.optional(),
  nodes: z.array(frameworkNodeSchema),
});
export type Framework = z.infer<typeof frameworkSchema>;
