/**
 * Comparing the sheets two hosts wrote: values as a user sees them, owned sheets only.
 */
import { isOutputSheet } from '../../engine/workbook/output';
import type { CellValue, SheetSnapshot } from '../../engine/workbook/port';

/** Values as a user sees them: trailing empty cells and rows dropped, -0 as 0. */
export function normal(values: CellValue[][]): CellValue[][] {
  const rows = values.map((r) => {
    const out = r.map((v) => (v === '' ? null : typeof v === 'number' && Object.is(v, -0) ? 0 : v));
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
export function withoutChartNotes(values: CellValue[][]): CellValue[][] {
  let col = -1;
  for (const row of values) {
    const c = row.findIndex((v) => typeof v === 'string' && v.startsWith('Biểu đồ chỉ được vẽ trong Excel'));
    if (c >= 0) col = col < 0 ? c : Math.min(col, c);
  }
  return col < 0 ? values : values.map((row) => row.slice(0, col));
}

export function owned(snaps: readonly SheetSnapshot[]): Map<string, CellValue[][]> {
  return new Map(snaps.filter((s) => isOutputSheet(s.name) || s.name === 'Kê khai').map((s) => [s.name, normal(withoutChartNotes(s.values))]));
}

