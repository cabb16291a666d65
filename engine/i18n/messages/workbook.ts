import type { Catalogue } from '../catalogue';

/** Messages of the workbook module. Keys are issue codes; {name} placeholders take issue params. */
export const workbookMessages = {
} as const satisfies Catalogue;
