/**
 * Comparing the sheets two hosts wrote: values as a user sees them, owned sheets only.
 */
import { isOutputSheet } from '../../engine/workbook/output';
import type { CellValue, SheetSnapshot } from '../../engine/workbook/port';

/** Values as a user sees them: trailing empty cells and rows dropped, -0 as 0. */
export function normal(values: readonly (readonly CellValue[] | undefined)[]): CellValue[][] {
  // absent rows and cells (holes of a sparse snapshot) are empty
  const rows = Array.from(values, (r) => {
    const out = Array.from(r ?? [], (v): CellValue => (v === '' || v === undefined ? null : typeof v === 'number' && Object.is(v, -0) ? 0 : v));
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}

/**
 * Files written outside Excel carry the data of each chart as a note to the right of the sheet
 * (exceljs cannot draw charts); Excel draws the chart instead. That block is the one known
 * difference between the ports and is left out of the comparison.
 */
export function withoutChartNotes(values: readonly (readonly CellValue[] | undefined)[]): (readonly CellValue[] | undefined)[] {
  let col = -1;
  values.forEach((row) => {
    const c = (row ?? []).findIndex((v) => typeof v === 'string' && v.startsWith('Biểu đồ chỉ được vẽ trong Excel'));
    if (c >= 0) col = col < 0 ? c : Math.min(col, c);
  });
  return col < 0 ? [...values] : values.map((row) => row?.slice(0, col));
}

export function owned(snaps: readonly SheetSnapshot[]): Map<string, CellValue[][]> {
  return new Map(snaps.filter((s) => isOutputSheet(s.name) || s.name === 'Kê khai').map((s) => [s.name, normal(withoutChartNotes(s.values))]));
}

