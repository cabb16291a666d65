/**
 * The pane's words for "Giải thích ô đang chọn" (the cell selected in Excel explained), Vietnamese
 * first, typed as the pane's own catalogue is (addin/taskpane/i18n.ts).
 */
import type { Catalogue, Lang } from '../../../engine';
import { lookup } from './strings';

const S = {
  'cell.title': { vi: 'Giải thích ô đang chọn', en: 'Explain the selected cell' },
  'cell.at': { vi: 'Ô {cell}', en: 'Cell {cell}' },
  'cell.hint': { vi: 'Chọn một ô điểm trong sheet Kết quả để xem giải thích.', en: "Select a score cell in the sheet 'Kết quả' to see its explanation." },
  'cell.notScore': { vi: 'Ô {cell} không phải ô điểm của một đơn vị.', en: "Cell {cell} is not a unit's score." },
  'cell.unitOf': { vi: 'Quay về chỉ số của đơn vị', en: "Back to the unit's index" },
} as const satisfies Catalogue;

export type SelectionKey = keyof typeof S;

/** The panel's catalogue as data (for tests). */
export const selectionStrings: Catalogue = S;

/** A panel string with {param} placeholders filled. */
export const sc: (key: SelectionKey, lang: Lang, params?: Record<string, string | number>) => string = lookup(S);
