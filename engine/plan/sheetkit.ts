/** Small helpers shared by the plan sheets: columns by stable key, with a header-name fallback. */
import type { CellValue, SheetSnapshot } from '../workbook/port';
import { cellText as readCellText, findTable, SCAN_ROWS as TABLE_SCAN_ROWS } from '../workbook/cells';
import type { Lang } from '../i18n';

export interface PlanColumn {
  key: string;
  vi: string;
  en: string;
  width: number;
  /** Other header names accepted when the key row is missing (folded on compare). */
  aliases?: readonly string[];
}

/** How far down readers look for the key row or the header row (the engine's one table locator). */
export const SCAN_ROWS = TABLE_SCAN_ROWS;

/** A cell as text (engine/workbook/cells.ts): "" for blanks, trimmed, booleans as TRUE / FALSE. */
export function cellText(v: CellValue | undefined): string {
  return readCellText(v);
}

export function cellAt(snap: SheetSnapshot, row: number, col: number): CellValue {
  return snap.values[row]?.[col] ?? null;
}

export interface TableLocation {
  /** 0-based row of the display headers. */
  headerRow: number;
  /** 0-based row of the keys, -1 when absent. */
  keyRow: number;
  /** key → 0-based column. */
  columns: Map<string, number>;
}

/**
 * Find a table with the engine's one locator (engine/workbook/cells.ts `findTable`): the row of
 * stable keys, else the row of display headers (vi, en or an alias, diacritics-insensitive).
 * Undefined when neither is found or a `required` column is missing.
 */
export function locateTable(snap: SheetSnapshot, columns: readonly PlanColumn[], required: readonly string[]): TableLocation | undefined {
  const found = findTable(
    snap.values,
    columns.map((c) => ({ key: c.key, names: [c.vi, c.en, ...(c.aliases ?? [])] })),
    { scanRows: SCAN_ROWS, minHits: Math.max(1, Math.min(2, required.length)) },
  );
  if (!found || !required.every((k) => found.columns.has(k))) return undefined;
  return { headerRow: found.headerRow, keyRow: found.keyRow, columns: found.columns };
}

export function header(col: PlanColumn, lang: Lang): string {
  return lang === 'vi' ? col.vi : col.en;
}

/** Split a list cell: "HD, KD; KM" → ["HD", "KD", "KM"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
