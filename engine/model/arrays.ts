/**
 * Array helpers for lists whose length follows the data (issues per row, rows of a sheet, units).
 *
 * `list.push(...items)`, `Math.max(...values)` and the like pass every item as a call argument:
 * past about 100,000 items the call overflows the stack ("Maximum call stack size exceeded"), and a
 * workbook can hold that many rows. These loop instead; the linter refuses the spread forms in
 * engine/, files/, cli/ and addin/ (eslint.config.mjs).
 */

/**
 * Append `items` to `into`, one by one, and return `into`.
 * @example pushAll(issues, cells.issues)
 */
export function pushAll<T>(into: T[], items: Iterable<T>): T[] {
  for (const x of items) into.push(x);
  return into;
}

/**
 * The largest of `values`, or `empty` when there is none (default -Infinity, as `Math.max()`).
 * @example maxOf(units.map((u) => u.index), 0)
 */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let best: number | undefined;
  for (const v of values) {
    if (Number.isNaN(v)) return Number.NaN; // as Math.max
    if (best === undefined || v > best) best = v;
  }
  return best ?? empty;
}

/**
 * The smallest of `values`, or `empty` when there is none (default Infinity, as `Math.min()`).
 * @example minOf(dueYears, 0)
 */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let best: number | undefined;
  for (const v of values) {
    if (Number.isNaN(v)) return Number.NaN; // as Math.min
    if (best === undefined || v < best) best = v;
  }
  return best ?? empty;
}

/**
 * The indices of the entries present in a list that may have holes (a sparse snapshot's rows or
 * cells), ascending. Costs the entries present: `forEach` and index loops visit every index up to
 * `length` (a million for one stray cell at row 1,000,000).
 * @example presentIndices([, 'a', , 'b']) // [1, 3]
 */
export function presentIndices(list: readonly unknown[]): number[] {
  const out: number[] = [];
  for (const k of Object.keys(list)) {
    const i = Number(k);
    if (Number.isInteger(i) && i >= 0) out.push(i);
  }
  return out;
}

/**
 * Call `fn` for each entry present in `list` (holes skipped without being visited), in index order.
 * @example eachPresent(snapshot.values, (row, r) => …)
 */
export function eachPresent<T>(list: readonly (T | undefined)[], fn: (item: T, index: number) => void): void {
  for (const i of presentIndices(list)) {
    const v = list[i];
    if (v !== undefined) fn(v, i);
  }
}

/**
 * Length of the longest row (columns of a grid), reading only the rows present: a sparse grid
 * (rows left out where a sheet is empty) costs what it holds, not its extent.
 * @example widestRow(snapshot.values) // 8
 */
export function widestRow(rows: readonly (readonly unknown[] | undefined)[]): number {
  let w = 0;
  eachPresent(rows, (r) => {
    if (r !== null && r.length > w) w = r.length;
  });
  return w;
}
