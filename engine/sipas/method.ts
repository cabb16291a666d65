import { z } from 'zod';

/**
 * How answers become indices. Defaults (used when a field is absent):
 * - `item: "topTwoBox"`: item index = weighted share of valid answers at level 4 or 5, × 100.
 *   `meanScore`: item index = (weighted mean level − 1) ÷ 4 × 100.
 * - `aggregate: "items"`: every level (aspect, group, overall) is the mean of all the item
 *   indices below it, so an aspect or a group weighs by its number of items with data (the
 *   2022+ instrument's groups weigh 23 : 16); published national and Hà Nội totals fit this.
 *   `equal`: each level is the mean of its parts (aspects alike within a group, groups alike).
 *   Weights declared in the instrument override both at the level where they are declared:
 *   when any part of a level has a `weight`, that level weighs its parts by it (default 1).
 *   Weights are renormalised over the parts that have data.
 * - `target`: 90 (percent), used for the gap and the drag analysis.
 * - 95% intervals: Wilson score interval for a topTwoBox item (Kish effective n with sampling
 *   weights), a normal interval on the mean for a meanScore item, and for aspects, groups and
 *   the overall index a normal interval whose variance comes from Taylor linearisation over
 *   respondents (so items answered by the same person are not treated as independent).
 * - `minN`: 30 and `maxHalfWidth`: 5 points: below / above these an index is flagged as a
 *   small sample.
 */
export const itemMethodSchema = z.enum(['topTwoBox', 'meanScore']);
export type ItemMethod = z.infer<typeof itemMethodSchema>;

/** How aspects, groups and the overall index combine their parts (see above). */
export const aggregateMethodSchema = z.enum(['items', 'equal']);
export type AggregateMethod = z.infer<typeof aggregateMethodSchema>;

export const sipasMethodSchema = z.object({
  item: itemMethodSchema.default('topTwoBox'),
  aggregate: aggregateMethodSchema.default('items'),
  target: z.number().finite().min(0).max(100).default(90),
  minN: z.number().int().nonnegative().default(30),
  maxHalfWidth: z.number().finite().nonnegative().default(5),
});
export type SipasMethod = z.infer<typeof sipasMethodSchema>;
export type SipasMethodInput = z.input<typeof sipasMethodSchema>;

export const DEFAULT_METHOD: SipasMethod = Object.freeze({ item: 'topTwoBox', aggregate: 'items', target: 90, minN: 30, maxHalfWidth: 5 });

/** Two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

/** Score of each answer level 1..5 (index 0..4) on the 0–100 scale, per item method. */
export function levelScores(method: ItemMethod): Float64Array {
  return method === 'topTwoBox' ? Float64Array.of(0, 0, 0, 100, 100) : Float64Array.of(0, 25, 50, 75, 100);
}
