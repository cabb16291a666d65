/**
 * "Explain the cell I clicked": which unit (and criterion) a cell of an output sheet stands for.
 * The layout is not guessed: the sheets are rendered again with the same renderers the writers use
 * (engine/workbook/output) and each cell is read back from what they put there — the unit codes
 * across "Kết quả" (its "Mã đơn vị" row) and the criterion codes down its column A, the unit code of
 * each "Xếp hạng" row, the unit and criterion codes of each row of "Điểm bị trừ" part 3 and the
 * ranked units of "Tổng hợp" part 2.
 *
 *   Kết quả      a criterion's points → { unit, criterion } (a leaf criterion);
 *                an area's or group's points, the unit's totals, index, grade, rank, name,
 *                code, kind → { unit }
 *   Xếp hạng     any cell of a unit's row → { unit }
 *   Điểm bị trừ  a row of "3. Điểm có thể khắc phục…" → { unit, criterion }
 *   Tổng hợp     a row of "2. Xếp hạng …" → { unit }
 *
 * Everything else (titles, headers, per-criterion or per-lead totals, charts' room) → undefined.
 */
import type { CellValue, RenderedSheet } from '../workbook/port';
import { parseA1 } from '../workbook/a1';
import type { FrameworkNode } from '../model/framework';
import type { NodeResult, ResultsDocument, UnitResult } from '../model/results';
import { OUTPUT_SHEETS, contextOf, renderGapsSheet, renderRankingSheet, renderResultsSheet, renderSummarySheet } from '../workbook/output';

/** What a cell stands for: a unit, or a unit's points on one criterion. */
export type CellTarget = { unit: string; criterion?: string };

export interface CellLayoutOptions {
  /** The framework tree the sheets were rendered with (their row order). */
  nodes?: readonly FrameworkNode[];
  unitNames?: Record<string, string>;
}

/** The cells of the output sheets that stand for a unit or a unit × criterion, by sheet name then "row:col" (0-based). */
export interface CellLayout {
  readonly sheets: ReadonlyMap<string, ReadonlyMap<string, CellTarget>>;
}

const at = (r: number, c: number): string => `${r}:${c}`;
const text = (v: CellValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

function findNode(nodes: readonly NodeResult[], code: string): NodeResult | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const inner = n.children ? findNode(n.children, code) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** "Kết quả": the row of unit codes, then criterion codes in column A below it. */
function resultsCells(sheet: RenderedSheet, units: ReadonlyMap<string, UnitResult>): Map<string, CellTarget> {
  const out = new Map<string, CellTarget>();
  const rows = sheet.values;
  const FIRST = 3;
  // the "Mã đơn vị" row: every cell from column D on is a unit code of the round
  const codeRow = rows.findIndex((row) => row.length > FIRST && row.slice(FIRST).every((v) => typeof v === 'string' && units.has(v)));
  if (codeRow < 0) return out;
  const codes = (rows[codeRow] ?? []).slice(FIRST).map((v) => String(v));
  // the unit block: the header row of names above the codes down to the last row before the first criterion
  const firstCriterion = rows.findIndex((row, r) => r > codeRow && typeof row[0] === 'string' && row[0] !== '');
  const blockEnd = firstCriterion < 0 ? rows.length - 1 : firstCriterion - 1;
  for (let r = codeRow - 1; r <= blockEnd; r++) codes.forEach((u, j) => out.set(at(r, FIRST + j), { unit: u }));
  if (firstCriterion < 0) return out;
  for (let r = firstCriterion; r < rows.length; r++) {
    const code = text(rows[r]?.[0]);
    if (!code) continue;
    codes.forEach((u, j) => {
      const node = findNode(units.get(u)?.tree ?? [], code);
      if (!node) return;
      out.set(at(r, FIRST + j), node.leaf ? { unit: u, criterion: code } : { unit: u });
    });
  }
  return out;
}

/** "Xếp hạng": rows whose rank (A) and code (B) are a unit's. */
function rankingCells(sheet: RenderedSheet, units: ReadonlyMap<string, UnitResult>): Map<string, CellTarget> {
  const out = new Map<string, CellTarget>();
  sheet.values.forEach((row, r) => {
    const u = units.get(text(row[1]) ?? '');
    if (!u || row[0] !== u.rank || row[2] !== u.name) return;
    row.forEach((_, c) => out.set(at(r, c), { unit: u.code }));
  });
  return out;
}

/** "Điểm bị trừ" part 3: rows of unit code (A), criterion code (C), points lost (F) that are the unit's gap. */
function gapsCells(sheet: RenderedSheet, units: ReadonlyMap<string, UnitResult>): Map<string, CellTarget> {
  const out = new Map<string, CellTarget>();
  sheet.values.forEach((row, r) => {
    const u = units.get(text(row[0]) ?? '');
    const criterion = text(row[2]);
    if (!u || !criterion) return;
    const g = u.gaps.find((x) => x.criterion === criterion);
    if (!g || row[5] !== g.lost) return;
    row.forEach((_, c) => out.set(at(r, c), { unit: u.code, criterion }));
  });
  return out;
}

/** "Tổng hợp" part 2: rows of rank (A), unit name (B), index (C) that are one unit's (a name shared by two units is left out). */
function summaryCells(sheet: RenderedSheet, results: ResultsDocument): Map<string, CellTarget> {
  const out = new Map<string, CellTarget>();
  sheet.values.forEach((row, r) => {
    if (typeof row[0] !== 'number' || typeof row[1] !== 'string') return;
    const same = results.units.filter((u) => u.name === row[1] && u.rank === row[0] && u.index === row[2]);
    const u = same.length === 1 ? same[0] : undefined;
    if (!u) return;
    for (let c = 0; c < Math.min(row.length, 6); c++) out.set(at(r, c), { unit: u.code });
  });
  return out;
}

/**
 * The explainable cells of "Kết quả", "Xếp hạng", "Điểm bị trừ" and "Tổng hợp" as the writers
 * render them for `results` (pass the framework tree and unit names the round was written with).
 * @example const layout = cellLayout(results, { nodes: doc.framework.nodes }); cellTarget(layout, 'Kết quả', 'E14')
 */
export function cellLayout(results: ResultsDocument, options: CellLayoutOptions = {}): CellLayout {
  const ctx = contextOf(results, 'vi', options.nodes, options.unitNames);
  const units = new Map(results.units.map((u) => [u.code, u]));
  const sheets = new Map<string, ReadonlyMap<string, CellTarget>>([
    [OUTPUT_SHEETS.results.name, resultsCells(renderResultsSheet(results, ctx), units)],
    [OUTPUT_SHEETS.ranking.name, rankingCells(renderRankingSheet(results, ctx), units)],
    [OUTPUT_SHEETS.gaps.name, gapsCells(renderGapsSheet(results, ctx), units)],
    [OUTPUT_SHEETS.summary.name, summaryCells(renderSummarySheet(results, ctx), results)],
  ]);
  return { sheets };
}

/**
 * The unit (and criterion) the cell `address` ("E14", "$E$14", "'Kết quả'!E14") of sheet `sheet`
 * stands for, or undefined when it is not a unit's number. Sheet names compare without regard to
 * case, as in Excel.
 * @example cellTarget(cellLayout(results), 'Kết quả', 'E14') // { unit: 'P01', criterion: '1.1.1' }
 */
export function cellTarget(layout: CellLayout, sheet: string, address: string): CellTarget | undefined {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const first = local.split(':')[0] ?? '';
  const p = parseA1(first);
  if (!p) return undefined;
  const key = sheet.toLowerCase();
  for (const [name, cells] of layout.sheets) if (name.toLowerCase() === key) return cells.get(at(p.row, p.col));
  return undefined;
}
