/** A1 addresses. Rows and columns are 0-based in code, 1-based in A1 text. */
import { eachPresent } from '../model/arrays';

/** Columns of an Excel sheet (A … XFD). */
export const EXCEL_MAX_COLUMNS = 16_384;
/** Rows of an Excel sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;
/** Characters a cell holds in Excel (longer text is refused by Excel, or cut). */
export const EXCEL_MAX_TEXT = 32_767;

/**
 * Every text cell of a sheet longer than Excel allows (EXCEL_MAX_TEXT), as [A1 address, length]:
 * readers refuse them, located, so that no over-long text reaches a workbook parindex writes.
 */
export function overlongTexts(values: readonly (readonly unknown[] | undefined)[]): [string, number][] {
  const out: [string, number][] = [];
  eachPresent(values, (row, r) => {
    eachPresent(row, (v, c) => {
      if (typeof v === 'string' && v.length > EXCEL_MAX_TEXT) out.push([a1(r, c), v.length]);
    });
  });
  return out;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (row 0, col 0) → "A1". */
export function a1(row: number, col: number): string {
  return columnName(col) + String(row + 1);
}

/** "F14" → { row: 13, col: 5 }; undefined when not an address. */
export function parseA1(addr: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(addr.trim().toUpperCase());
  if (!m || !m[1] || !m[2]) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** (r0,c0,r1,c1) → "A1:C3". */
export function rangeA1(r0: number, c0: number, r1: number, c1: number): string {
  return `${a1(r0, c0)}:${a1(r1, c1)}`;
}
