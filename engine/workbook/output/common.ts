import type { CellStyle, CellValue, ChartSpec, ConditionalFormat, RenderedSheet } from '../port';
import { a1, columnName, parseA1 } from '../a1';
import type { Lang } from '../../i18n/format';
import type { FrameworkNode } from '../../model/framework';
import type { NodeResult, ResultsDocument, UnitResult } from '../../model/results';
import { widestRow } from '../../model/arrays';

/** Names and markers of the sheets the software owns. Names are fixed (Vietnamese) in both languages. */
export const OUTPUT_SHEETS = Object.freeze({
  summary: { name: 'Tổng hợp', marker: 'parindex:summary' },
  results: { name: 'Kết quả', marker: 'parindex:results' },
  ranking: { name: 'Xếp hạng', marker: 'parindex:ranking' },
  years: { name: 'Qua các năm', marker: 'parindex:years' },
  gaps: { name: 'Điểm bị trừ', marker: 'parindex:gaps' },
  sipas: { name: 'SIPAS', marker: 'parindex:sipas' },
  status: { name: 'Tình hình nộp', marker: 'parindex:status' },
  plan: { name: 'Kế hoạch - theo dõi', marker: 'parindex:plan-tracking' },
  report: { name: 'Báo cáo quý', marker: 'parindex:plan-report' },
  issues: { name: 'Kiểm tra dữ liệu', marker: 'parindex:issues' },
} as const);

export type OutputSheetId = keyof typeof OUTPUT_SHEETS;

export const COLOURS = Object.freeze({
  title: '1F4E78',
  header: '1F4E78',
  headerText: 'FFFFFF',
  band: 'DDEBF7',
  area: 'EDEDED',
  belowFill: 'FFC7CE',
  belowText: '9C0006',
  atFill: 'C6EFCE',
  atText: '006100',
  note: '595959',
});

export const FMT = Object.freeze({ points: '0.00', index: '0.00', percent: '0.00%', integer: '0', change: '+0.00;-0.00;0.00', rankChange: '+0;-0;0' });

/** Two-language label. */
export function L(lang: Lang, vi: string, en: string): string {
  return lang === 'vi' ? vi : en;
}

const KIND_LABELS: Record<string, { vi: string; en: string }> = {
  ward: { vi: 'Phường', en: 'Wards' },
  commune: { vi: 'Xã', en: 'Communes' },
  office: { vi: 'Phòng, ban', en: 'Offices' },
  district: { vi: 'Quận', en: 'District' },
  department: { vi: 'Sở, ngành', en: 'Departments' },
};

export function kindLabel(kind: string, lang: Lang): string {
  return KIND_LABELS[kind]?.[lang] ?? kind;
}

/** Unit kinds present, in a stable order: district, department, office, ward, commune, then others. */
export function kindsInOrder(units: readonly UnitResult[]): string[] {
  const order = ['district', 'department', 'office', 'ward', 'commune'];
  const kinds = [...new Set(units.map((u) => u.kind))];
  return kinds.sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
}

/** A sheet under construction: values grid plus styles, written top to bottom. */
export class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly styles: { range: string; style: CellStyle }[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly merges: string[] = [];
  row = 0;

  set(r: number, c: number, v: CellValue | undefined): void {
    const row = (this.values[r] ??= []);
    while (row.length < c) row.push(null);
    row[c] = v === undefined ? null : v;
  }

  /** Write a row at the cursor and advance. */
  push(cells: readonly (CellValue | undefined)[]): number {
    const r = this.row++;
    cells.forEach((v, c) => this.set(r, c, v));
    if (cells.length === 0) this.values[r] ??= [];
    return r;
  }

  style(range: string, style: CellStyle): void {
    this.styles.push({ range, style });
  }

  width(): number {
    return Math.max(1, widestRow(this.values));
  }

  /** Fill holes so every row is an array. */
  grid(): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = 0; r < this.values.length; r++) out.push(this.values[r] ?? []);
    return out;
  }

  /** Title (row 1, large, bold) and a subtitle line (row 2, unit of measure), then a blank row. */
  title(title: string, subtitle: string): void {
    this.push([title]);
    this.style('A1', { bold: true, fontSize: 14, fontColor: COLOURS.title });
    this.push([subtitle]);
    this.style('A2', { italic: true, fontColor: COLOURS.note });
    this.push([]);
  }

  header(r: number, c0: number, c1: number): void {
    this.style(`${col(c0)}${r + 1}:${col(c1)}${r + 1}`, {
      bold: true,
      fill: COLOURS.header,
      fontColor: COLOURS.headerText,
      wrap: true,
      align: 'center',
      border: true,
    });
  }

  /** Red-ish below the target, green-ish at or above it. */
  targetColours(range: string, target: number): void {
    this.conditionalFormats.push({ range, rule: 'lessThan', value: target, fill: COLOURS.belowFill, fontColor: COLOURS.belowText });
    this.conditionalFormats.push({ range, rule: 'greaterThanOrEqual', value: target, fill: COLOURS.atFill, fontColor: COLOURS.atText });
  }
}

/** Column letters and A1 cells: the shared helpers of engine/workbook/a1. */
export const col = columnName;
export const cell = a1;

export function range(r0: number, c0: number, r1: number, c1: number): string {
  return `${cell(r0, c0)}:${cell(r1, c1)}`;
}

/** Excel's default row height and column width, in points. */
const ROW_POINTS = 15;
const DEFAULT_COLUMN_POINTS = 48;

/** A column `chars` characters wide, in points (Excel: chars × 7 + 5 pixels, 0.75 pt a pixel). */
function columnPoints(chars: number | undefined): number {
  return chars === undefined ? DEFAULT_COLUMN_POINTS : (Math.trunc(chars * 7) + 5) * 0.75;
}

/**
 * The table, and the charts beside or below it, so a printed sheet (and a PDF) carries the charts:
 * each chart's extent is worked out from its anchor, its size and the column widths.
 */
export function printAreaWithCharts(rows: number, columns: number, widths: readonly number[], charts: readonly ChartSpec[]): string {
  let lastRow = Math.max(0, rows - 1);
  let lastCol = Math.max(0, columns - 1);
  for (const ch of charts) {
    const at = parseA1(ch.anchor);
    if (!at) continue;
    let c = at.col;
    for (let left = ch.width ?? 480; left > 0; c++) left -= columnPoints(widths[c]);
    lastCol = Math.max(lastCol, c - 1);
    lastRow = Math.max(lastRow, at.row + Math.ceil((ch.height ?? 288) / ROW_POINTS));
  }
  return range(0, 0, lastRow, lastCol);
}

export function finish(
  id: OutputSheetId,
  b: SheetBuilder,
  opts: { widths: number[]; freeze?: { rows: number; columns: number }; charts?: RenderedSheet['charts']; tabColor?: string; active?: boolean },
): RenderedSheet {
  const values = b.grid();
  const w = b.width();
  const sheet: RenderedSheet = {
    name: OUTPUT_SHEETS[id].name,
    marker: OUTPUT_SHEETS[id].marker,
    values,
    styles: b.styles,
    columnWidths: opts.widths,
    printArea: printAreaWithCharts(values.length, w, opts.widths, opts.charts ?? []),
    tabColor: opts.tabColor ?? '70AD47',
  };
  if (opts.freeze) sheet.freeze = opts.freeze;
  if (b.conditionalFormats.length) sheet.conditionalFormats = b.conditionalFormats;
  if (b.merges.length) sheet.merges = b.merges;
  if (opts.charts && opts.charts.length) sheet.charts = opts.charts;
  if (opts.active) sheet.active = true;
  return sheet;
}

/** Node results by code for one unit. */
export function nodeIndex(u: UnitResult): Map<string, NodeResult> {
  const m = new Map<string, NodeResult>();
  const walk = (ns: readonly NodeResult[]): void => {
    for (const n of ns) {
      m.set(n.code, n);
      if (n.children) walk(n.children);
    }
  };
  walk(u.tree);
  return m;
}

export interface FlatNode {
  code: string;
  name: string;
  depth: number;
  leaf: boolean;
  max?: number;
  lead?: string;
}

/** The criteria tree, flattened in order (from the framework when given, else from the results). */
export function flatCriteria(results: ResultsDocument, nodes?: readonly FrameworkNode[]): FlatNode[] {
  const out: FlatNode[] = [];
  if (nodes && nodes.length) {
    const walk = (ns: readonly FrameworkNode[], depth: number, lead: string | undefined): void => {
      for (const n of ns) {
        const leaf = !n.children || n.children.length === 0;
        const l = n.lead ?? lead;
        out.push({ code: n.code, name: n.name, depth, leaf, ...(n.max !== undefined ? { max: n.max } : {}), ...(l ? { lead: l } : {}) });
        if (!leaf) walk(n.children ?? [], depth + 1, l);
      }
    };
    walk(nodes, 0, undefined);
    return out;
  }
  // Union of the unit trees, in first-seen order.
  const seen = new Set<string>();
  const walk = (ns: readonly NodeResult[], depth: number): void => {
    for (const n of ns) {
      if (!seen.has(n.code)) {
        seen.add(n.code);
        out.push({ code: n.code, name: n.name, depth, leaf: n.leaf, max: n.declaredMax, ...(n.lead ? { lead: n.lead } : {}) });
      }
      if (n.children) walk(n.children, depth + 1);
    }
  };
  for (const u of results.units) walk(u.tree, 0);
  return out;
}

export function unitsInOrder(results: ResultsDocument): UnitResult[] {
  const kinds = kindsInOrder(results.units);
  return kinds.flatMap((k) => results.units.filter((u) => u.kind === k).sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code)));
}
