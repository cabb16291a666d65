import type { Catalogue } from '../catalogue';

/** Messages of the scoring module. Keys are issue codes; {name} placeholders take issue params. */
export const scoringMessages = {
} as const satisfies Catalogue;
