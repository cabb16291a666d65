/**
 * Sizes and limits of Office.js requests, as Microsoft documents them for Excel on the web (the
 * strictest host): a request and a response may each carry at most 5 MB, counted as the UTF-8
 * bytes of their JSON; a read of cell data may cover at most 5,000,000 cells; and
 * `Range.getMergedAreasOrNullObject` fails on a range holding more than 512 merged areas. The port
 * plans every batch under budgets a margin below those limits. Pure functions, no Office.
 */

export const MB = 1024 * 1024;

/** Limits of Excel on the web and the budgets the port keeps under them. */
export const LIMITS = Object.freeze({
  /** Excel on the web refuses a request or a response above this. */
  payloadBytes: 5 * MB,
  /** The port's budget for one request and for one response (a margin under `payloadBytes`). */
  budgetBytes: 4 * MB,
  /** Cells one read of cell data (values, formulas, formats, types) may cover. */
  cellsPerRead: 5_000_000,
  /** Merged areas one `getMergedAreasOrNullObject` may return. */
  mergedAreas: 512,
});

/** UTF-8 length of a string (what the JSON of a request or response weighs on the wire). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value's JSON. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v ?? null));
}

/** A rectangle of cells, 0-based: first row and column, and size. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Cut `rect` into row bands (and, for a very wide rect, column slices) of at most `maxCells`
 * cells each — the merged-area probes: a band of at most 2 × 512 cells cannot hold more than 512
 * merged areas (every merged area covers at least two cells), so no probe can fail.
 */
export function cellBands(rect: Rect, maxCells: number): Rect[] {
  const out: Rect[] = [];
  if (rect.rows <= 0 || rect.cols <= 0) return out;
  const width = Math.min(rect.cols, Math.max(1, maxCells));
  const height = Math.max(1, Math.floor(maxCells / width));
  for (let c = 0; c < rect.cols; c += width)
    for (let r = 0; r < rect.rows; r += height) out.push({ row: rect.row + r, col: rect.col + c, rows: Math.min(height, rect.rows - r), cols: Math.min(width, rect.cols - c) });
  return out;
}

/** Rows a data block may have: its estimated response within `budget` bytes and `maxCells` cells (at least one row). */
export function rowsWithin(cols: number, bytesPerCell: number, budget: number, maxCells: number): number {
  const byBytes = Math.floor(budget / Math.max(1, cols * bytesPerCell));
  const byCells = Math.floor(maxCells / Math.max(1, cols));
  return Math.max(1, Math.min(byBytes, byCells));
}

/** Columns a one-row block may have when a whole row exceeds the budget. */
export function colsWithin(bytesPerCell: number, budget: number, maxCells: number): number {
  return Math.max(1, Math.min(Math.floor(budget / Math.max(1, bytesPerCell)), maxCells));
}

/**
 * The hidden-row search over rows [from, to) (0-based): `fanout` blocks per level; a block that is
 * neither all hidden nor all shown is split again at the next level, down to single rows. One level
 * is one sync, so a sheet of n rows with a hidden row deep down costs about log_fanout(n) syncs
 * and fanout loads per level, never one load per row.
 */
export function splitRows(from: number, to: number, fanout: number): { row: number; rows: number }[] {
  const n = to - from;
  if (n <= 0) return [];
  const size = Math.max(1, Math.ceil(n / fanout));
  const out: { row: number; rows: number }[] = [];
  for (let r = from; r < to; r += size) out.push({ row: r, rows: Math.min(size, to - r) });
  return out;
}

/** `a` minus `b`: up to four rectangles around their overlap. */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const r0 = Math.max(a.row, b.row);
  const r1 = Math.min(a.row + a.rows, b.row + b.rows);
  const c0 = Math.max(a.col, b.col);
  const c1 = Math.min(a.col + a.cols, b.col + b.cols);
  if (r0 >= r1 || c0 >= c1) return a.rows > 0 && a.cols > 0 ? [a] : [];
  const out: Rect[] = [];
  if (a.row < r0) out.push({ row: a.row, col: a.col, rows: r0 - a.row, cols: a.cols });
  if (r1 < a.row + a.rows) out.push({ row: r1, col: a.col, rows: a.row + a.rows - r1, cols: a.cols });
  if (a.col < c0) out.push({ row: r0, col: a.col, rows: r1 - r0, cols: c0 - a.col });
  if (c1 < a.col + a.cols) out.push({ row: r0, col: c1, rows: r1 - r0, cols: a.col + a.cols - c1 });
  return out;
}
