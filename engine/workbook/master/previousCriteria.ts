/**
 * "Năm trước - tiêu chí": last year's appraised points per unit and criterion (optional sheet of
 * a master workbook), read for the appraisal-risk check (`risk.aboveLastYear`). Columns are found
 * by key (row of stable keys) or by header, in Vietnamese or English:
 *   unit (Mã đơn vị) · criterion (Mã tiêu chí) · points (Điểm thẩm định năm trước) ·
 *   value (Số liệu kê khai năm trước) · evidence (Tài liệu kiểm chứng năm trước)
 * Rows without a unit, a criterion or a number of points are skipped.
 */
import type { PreviousCriterion } from '../../model/assessment';
import type { CellValue, RenderedSheet, SheetSnapshot } from '../port';
import { cellNumber, cellText, findTable, fold } from '../cells';
import { a1 } from '../a1';

export const PREVIOUS_CRITERIA_SHEET = 'Năm trước - tiêu chí';
const SHEET_NAMES = new Set([PREVIOUS_CRITERIA_SHEET, 'Previous year - criteria', 'Nam truoc - tieu chi'].map(fold));

export const PREVIOUS_CRITERIA_COLUMNS = Object.freeze([
  { key: 'unit', vi: 'Mã đơn vị', en: 'Unit' },
  { key: 'criterion', vi: 'Mã tiêu chí', en: 'Criterion' },
  { key: 'points', vi: 'Điểm thẩm định năm trước', en: "Last year's appraised points" },
  { key: 'value', vi: 'Số liệu kê khai năm trước', en: "Last year's declared value" },
  { key: 'evidence', vi: 'Tài liệu kiểm chứng năm trước', en: "Last year's evidence" },
] as const);

/**
 * Last year's points per unit and criterion from the master's sheets (empty when the sheet is absent).
 * @example readPreviousCriteria(snapshots).find((p) => p.unit === 'KG' && p.criterion === '1.1')?.points
 */
export function readPreviousCriteria(snapshots: readonly SheetSnapshot[]): PreviousCriterion[] {
  return readPreviousCriteriaAt(snapshots).rows;
}

/**
 * Last year's points with where each row's criterion code sits (sheet name and A1 cell, same
 * order as `rows`), to locate a code the criteria crosswalk does not map.
 */
export function readPreviousCriteriaAt(snapshots: readonly SheetSnapshot[]): { rows: PreviousCriterion[]; sheet?: string; cells: string[] } {
  const snap = snapshots.find((s) => SHEET_NAMES.has(fold(s.name)));
  if (!snap) return { rows: [], cells: [] };
  const cells: string[] = [];
  const rows = readRows(snap, cells);
  return { rows, sheet: snap.name, cells };
}

function readRows(snap: SheetSnapshot, cells: string[]): PreviousCriterion[] {
  const found = findTable(
    snap.values,
    PREVIOUS_CRITERIA_COLUMNS.map((c) => ({ key: c.key, names: [c.vi, c.en, c.key] })),
    { minHits: 2 },
  );
  if (!found) return [];
  const col = (k: string): number => found.columns.get(k) ?? -1;
  const out: PreviousCriterion[] = [];
  for (let r = found.headerRow + 1; r < snap.values.length; r++) {
    const row = snap.values[r];
    if (!row) continue;
    const at = (k: string): unknown => (col(k) >= 0 ? row[col(k)] : undefined);
    const unit = cellText(at('unit'));
    const criterion = cellText(at('criterion'));
    const points = cellNumber(at('points'));
    if (!unit || !criterion || points === undefined) continue;
    const p: PreviousCriterion = { unit, criterion, points };
    const value = at('value');
    if (typeof value === 'number' || typeof value === 'boolean') p.value = value;
    else if (cellText(value) !== '') p.value = cellText(value);
    const evidence = cellText(at('evidence'));
    if (evidence) p.evidence = evidence;
    out.push(p);
    cells.push(a1(r, Math.max(0, col('criterion'))));
  }
  return out;
}

/**
 * The sheet "Năm trước - tiêu chí" for last year's points (header row of the Vietnamese or English
 * names, which the reader finds either way; one row per unit and criterion).
 * @example await port.write([renderPreviousCriteriaSheet([{ unit: 'KG', criterion: '1.1', points: 1.5 }], 'vi')])
 */
export function renderPreviousCriteriaSheet(rows: readonly PreviousCriterion[], lang: 'vi' | 'en'): RenderedSheet {
  const header = PREVIOUS_CRITERIA_COLUMNS.map((c) => c[lang]);
  const values: CellValue[][] = [header, ...rows.map((p) => [p.unit, p.criterion, p.points, p.value ?? null, p.evidence ?? null])];
  return {
    name: PREVIOUS_CRITERIA_SHEET,
    marker: '',
    values,
    styles: [{ range: `A1:${a1(0, header.length - 1)}`, style: { bold: true, fill: 'DDEBF7', wrap: true } }],
    columnWidths: [10, 12, 14, 28, 30],
    freeze: { rows: 1, columns: 0 },
  };
}
