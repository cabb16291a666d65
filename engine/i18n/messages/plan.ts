import type { Catalogue } from '../catalogue';

/** Messages of the plan module. Keys are issue codes; {name} placeholders take issue params. */
export const planMessages = {
} as const satisfies Catalogue;
