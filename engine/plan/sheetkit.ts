/** Small helpers shared by the plan sheets: columns by stable key, with a header-name fallback. */
import type { CellValue, SheetSnapshot } from '../workbook/port';
import { fold } from '../rules/value';
import type { Lang } from '../i18n';

export interface PlanColumn {
  key: string;
  vi: string;
  en: string;
  width: number;
  /** Other header names accepted when the key row is missing (folded on compare). */
  aliases?: readonly string[];
}

/** How far down readers look for the key row or the header row. */
export const SCAN_ROWS = 15;

export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.trim();
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
 * Find a table: first a row holding the stable keys (at least `required`), else a row of display
 * headers (vi or en or an alias, diacritics-insensitive). Undefined when neither is found.
 */
export function locateTable(snap: SheetSnapshot, columns: readonly PlanColumn[], required: readonly string[]): TableLocation | undefined {
  const last = Math.min(snap.values.length, SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const row = snap.values[r] ?? [];
    const keys = row.map((v) => cellText(v));
    if (required.every((k) => keys.includes(k))) {
      const map = new Map<string, number>();
      keys.forEach((k, c) => {
        if (columns.some((col) => col.key === k) && !map.has(k)) map.set(k, c);
      });
      // display headers sit right under the key row; a header fills in a missing key cell
      const hdr = (snap.values[r + 1] ?? []).map((v) => fold(cellText(v)));
      for (const col of columns) {
        if (map.has(col.key)) continue;
        const c = hdr.findIndex((h) => h !== '' && headerNames(col).includes(h));
        if (c >= 0) map.set(col.key, c);
      }
      return { headerRow: r + 1, keyRow: r, columns: map };
    }
  }
  for (let r = 0; r < last; r++) {
    const hdr = (snap.values[r] ?? []).map((v) => fold(cellText(v)));
    const map = new Map<string, number>();
    for (const col of columns) {
      const c = hdr.findIndex((h) => h !== '' && headerNames(col).includes(h));
      if (c >= 0) map.set(col.key, c);
    }
    if (required.every((k) => map.has(k))) return { headerRow: r, keyRow: -1, columns: map };
  }
  return undefined;
}

function headerNames(col: PlanColumn): string[] {
  return [col.vi, col.en, col.key, ...(col.aliases ?? [])].map(fold);
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
