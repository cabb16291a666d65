import type { Catalogue } from '../catalogue';

/** Messages of the sipas module. Keys are issue codes; {name} placeholders take issue params. */
export const sipasMessages = {
} as const satisfies Catalogue;
