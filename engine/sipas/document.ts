import { z } from 'zod';
import { sipasMethodSchema } from './method';
import { qualitySchema, type QualityInput } from './quality';
import { weightingSchema, type WeightingInput } from './weighting';

/**
 * The SIPAS document (JSON input of `parindex sipas`, see CONTRACTS):
 * - `instrument`: a custom instrument, or the id of a built-in one ("sipas-2022"); default built-in.
 * - `method`: see ./method.ts (all fields optional).
 * - `responses`: one row per respondent: {unit, answers: {item: 1..5 | null | text}, weight?, channel?}.
 *   Rows are checked one by one while scoring (fast path), not by the schema.
 * - `counts`: aggregated answers per unit and item: {unit, item, levels: [n1..n5], blank?}.
 *   Counts add to the respondent tallies of the same unit and item (each counted answer acts
 *   as one respondent of weight 1 who answered only that item).
 * - `previous`: last year's indices per unit: {unit, overall?, rank?, indices?: {code: index}}
 *   where codes are group/aspect codes (or "overall").
 * - `units`: optional display names and kinds {code, name, kind}; ranks are computed among
 *   units of the same kind (wards among wards).
 * - `pool`: optional pooled unit over all responses and counts (see below).
 */
/**
 * Largest accepted sampling weight of one response row. Real survey weights are far smaller
 * (a respondent standing for a few hundred citizens); the bound keeps every sum of weights,
 * squared weights and weighted levels far from overflow (10⁶ rows × (10⁶)² = 10¹⁸).
 */
export const SIPAS_MAX_WEIGHT = 1e6;
/**
 * Largest accepted count of one level (or of blanks) in one count row: 10⁹ is far above any
 * population of a unit; sums over many count rows stay far from overflow.
 */
export const SIPAS_MAX_COUNT = 1e9;

export const sipasCountSchema = z.object({
  unit: z.string().min(1),
  item: z.string().min(1),
  levels: z.array(z.number().finite().nonnegative().max(SIPAS_MAX_COUNT)).length(5),
  blank: z.number().finite().nonnegative().max(SIPAS_MAX_COUNT).optional(),
});
export type SipasCount = z.infer<typeof sipasCountSchema>;

export const sipasPreviousSchema = z.object({
  unit: z.string().min(1),
  overall: z.number().finite().optional(),
  rank: z.number().int().positive().optional(),
  indices: z.record(z.string(), z.number().finite()).optional(),
});
export type SipasPrevious = z.infer<typeof sipasPreviousSchema>;

/** A raw answer as found in data: a level, a blank, or text ("4", "Hài lòng", "không trả lời"). */
export type SipasAnswer = number | string | null | undefined;

export interface SipasResponse {
  unit: string;
  answers: Record<string, SipasAnswer>;
  weight?: number;
  channel?: string;
  /** Respondent id (số phiếu, mã người trả lời): the quality guard flags a repeated id in one unit. */
  id?: string;
  /** When it was answered (ISO date-time, "2023-10-05T09:12"): bursts and opening hours. */
  at?: string;
  /** The device, kiosk or QR code it came from: bursts. */
  device?: string;
  /** The respondent's stratum for post-stratification ({ sex: "Nữ", age: "35–54" }). */
  strata?: Record<string, string>;
}

export const sipasDocumentSchema = z.object({
  instrument: z.unknown().optional(),
  method: sipasMethodSchema.partial().optional(),
  target: z.number().finite().min(0).max(100).optional(),
  responses: z.array(z.unknown()).optional(),
  counts: z.array(z.unknown()).optional(),
  previous: z.array(z.unknown()).optional(),
  units: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string().optional() }).loose()).optional(),
  /**
   * A pooled unit computed from every response and count of the document (e.g. the district
   * "QTX" from its wards' surveys): `"QTX"` or `{unit, name}`. It is not ranked.
   */
  pool: z.union([z.string().min(1), z.object({ unit: z.string().min(1), name: z.string().optional() })]).optional(),
  /** The survey-quality guard's thresholds (engine/sipas/quality.ts); absent: the defaults. */
  quality: qualitySchema.optional(),
  /** Post-stratification: population shares by stratum per unit (engine/sipas/weighting.ts). */
  weighting: weightingSchema.optional(),
});
/** The SIPAS document as the schema reads it (responses, counts and previous rows still unchecked). */
export type SipasDocument = z.infer<typeof sipasDocumentSchema>;
export type SipasDocumentInput = {
  instrument?: unknown;
  method?: Partial<z.input<typeof sipasMethodSchema>>;
  target?: number;
  responses?: SipasResponse[] | unknown[];
  counts?: SipasCount[] | unknown[];
  previous?: SipasPrevious[] | unknown[];
  units?: { code: string; name: string; kind?: string }[];
  pool?: string | { unit: string; name?: string };
  quality?: QualityInput;
  weighting?: WeightingInput;
};
