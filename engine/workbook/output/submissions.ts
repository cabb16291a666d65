import type { CellValue, RenderedSheet, SheetSnapshot, CellStyle } from '../port';
import { a1, parseA1 } from '../a1';
import type { Lang } from '../../i18n/format';
import type { ResultsDocument, NodeResult, FinalSource } from '../../model/results';
import { issue, type Issue } from '../../model/issue';
import { widestRow, eachPresent, presentIndices } from '../../model/arrays';
import { locateTable, isoToSerial } from '../master/table';
import { LAYOUT, MASTER_MARKER_PREFIX, tableSpec } from '../master/spec';
import { MASTER_COLOURS } from '../master/write';
import { assessmentKey, type RowRef } from '../master/types';

/** The computed columns of one submission row. */
export interface ComputedRow {
  out_points: number | null;
  out_lost: number | null;
  out_source: string | null;
  out_reason: string | null;
}

const SOURCE_LABELS: Record<FinalSource, { vi: string; en: string }> = {
  appraisal2: { vi: 'Thẩm định lần 2', en: 'Appraisal 2' },
  appraisal1: { vi: 'Thẩm định lần 1', en: 'Appraisal 1' },
  rule: { vi: 'Theo quy tắc', en: 'Rule' },
  self: { vi: 'Tự chấm', en: 'Self-score' },
  none: { vi: 'Chưa có', en: 'None' },
  notApplicable: { vi: 'Không áp dụng', en: 'Not applicable' },
};

/** Final points, points lost, their source and the reason, for every unit × leaf of the results. */
export function computeSubmissionOutputs(results: ResultsDocument, lang: Lang = 'vi'): Record<string, ComputedRow> {
  const out: Record<string, ComputedRow> = {};
  for (const u of results.units) {
    const walk = (ns: readonly NodeResult[]): void => {
      for (const n of ns) {
        if (n.children && n.children.length) walk(n.children);
        else if (n.leaf) {
          out[assessmentKey(u.code, n.code)] = {
            out_points: n.applicable ? n.score : null,
            out_lost: n.applicable ? n.lost : null,
            out_source: n.source ? SOURCE_LABELS[n.source][lang] : null,
            out_reason: n.lost > 0 ? (n.reason ?? n.appraiserReason ?? null) : null,
          };
        }
      }
    };
    walk(u.tree);
  }
  return out;
}

/** Short checksum of the computed values written in a row, kept in `out_check` to detect hand edits. */
export function outputChecksum(values: readonly CellValue[]): string {
  let h = 0x811c9dc5;
  const s = values.map((v) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(Number(v.toPrecision(12))) : String(v))).join('\u0001');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const OUT_KEYS = ['out_points', 'out_lost', 'out_source', 'out_reason', 'out_check'] as const;

function styleFor(fmt: string | undefined): CellStyle | undefined {
  return fmt ? { numFmt: fmt } : undefined;
}

/**
 * The "Kê khai" sheet as read, with its computed columns (final points, points lost, source,
 * reason) filled in. Every user cell is copied as read (values and number formats; formulas
 * keep their last value); only `out_` columns are written. When the sheet has no `out_`
 * columns yet they are appended after the last column. A row whose computed values differ
 * from the checksum written last time was edited by hand: warning `workbook.outputEdited`.
 * @param locations row locations from `readMaster` (`extras.locations`), keyed `unit|criterion`.
 */
export function applyComputedColumns(
  snap: SheetSnapshot,
  outputs: Readonly<Record<string, ComputedRow>>,
  locations: Readonly<Record<string, RowRef>>,
  options: { lang?: Lang; file?: string } = {},
): { sheet: RenderedSheet; issues: Issue[] } {
  const lang = options.lang ?? 'vi';
  const spec = tableSpec('submissions');
  const t = locateTable(snap, spec, options.file);
  const issues: Issue[] = [];
  // a copy that keeps the snapshot's holes (absent rows and cells): cost follows the data, not the sheet's extent
  const values: CellValue[][] = [];
  eachPresent(snap.values, (r, i) => {
    values[i] = r.slice();
  });
  values.length = snap.values.length;
  // Date cells come back from a port as ISO text: write them back as dates (serial + format).
  const dateFormats: Record<string, string> = {};
  for (const addr of Object.keys(snap.dates ?? {})) {
    const p = parseA1(addr);
    const v = p ? values[p.row]?.[p.col] : undefined;
    if (!p || typeof v !== 'string') continue;
    const serial = isoToSerial(v);
    if (serial === undefined) continue;
    (values[p.row] ??= [])[p.col] = serial;
    dateFormats[addr] = snap.formats?.[addr] ?? (v.length > 10 ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy');
  }
  const keyRow = t.headerRow - 1 >= 0 && values[t.headerRow - 1]?.some((v) => v === 'unit' || v === 'criterion') ? t.headerRow - 1 : -1;
  // added columns go right of everything the sheet holds, so that nothing of the user's is overwritten
  let width = widestRow(values);
  const outCol = new Map<string, number>();
  for (const k of OUT_KEYS) {
    const c = t.cols.get(k);
    if (c !== undefined) outCol.set(k, c);
  }
  for (const k of OUT_KEYS) {
    if (outCol.has(k)) continue;
    const c = width++;
    outCol.set(k, c);
    const colSpec = spec.columns.find((x) => x.key === k);
    if (keyRow >= 0) (values[keyRow] ??= [])[c] = k;
    if (t.headerRow >= 0) (values[t.headerRow] ??= [])[c] = colSpec ? (lang === 'vi' ? colSpec.vi : colSpec.en) : k;
  }
  const rowKey = new Map<number, string>();
  for (const [key, ref] of Object.entries(locations)) if (ref.sheet === snap.name) rowKey.set(ref.row - 1, key);
  const cellOf = (r: number, k: string): CellValue => {
    const c = outCol.get(k);
    return c === undefined ? null : (values[r]?.[c] ?? null);
  };
  // Rows the sheet holds (holes are empty rows: nothing to check or write) and every row a
  // submission is located at; a row far below the table costs one visit, not the rows between.
  const visit = presentIndices(values).filter((r) => r >= t.firstDataRow);
  for (const r of rowKey.keys()) if (r >= t.firstDataRow && values[r] === undefined) visit.push(r);
  visit.sort((x, y) => x - y);
  const hasOutput = (row: readonly CellValue[]): boolean =>
    OUT_KEYS.some((k) => {
      const c = outCol.get(k);
      const v = c === undefined ? undefined : row[c];
      return v !== undefined && v !== null && v !== '';
    });
  /** Rows of the table (a submission's row, or one holding earlier outputs): the computed columns are styled there. */
  const tableRows: number[] = [];
  for (const r of visit) {
    const row = (values[r] ??= []);
    const prevCheck = cellOf(r, 'out_check');
    if (typeof prevCheck === 'string' && prevCheck !== '') {
      const now = outputChecksum([cellOf(r, 'out_points'), cellOf(r, 'out_lost'), cellOf(r, 'out_source'), cellOf(r, 'out_reason')]);
      if (now !== prevCheck) {
        const key = rowKey.get(r);
        const [unit, criterion] = key ? key.split('|') : [];
        issues.push(
          issue('workbook.outputEdited', {}, { ...(options.file ? { file: options.file } : {}), sheet: snap.name, cell: a1(r, outCol.get('out_points') ?? 0), ...(unit ? { unit } : {}), ...(criterion ? { criterion } : {}) }, 'warning'),
        );
      }
    }
    const key = rowKey.get(r);
    if (key === undefined && !hasOutput(row)) continue; // not a row of the table: left as the user has it
    tableRows.push(r);
    const o = key ? outputs[key] : undefined;
    const vals: CellValue[] = o ? [o.out_points, o.out_lost, o.out_source, o.out_reason] : [null, null, null, null];
    const check = o ? outputChecksum(vals) : null;
    OUT_KEYS.forEach((k, i) => {
      const c = outCol.get(k);
      if (c === undefined) return;
      row[c] = i < 4 ? (vals[i] ?? null) : check;
    });
  }
  // Styles: keep the user's number formats (as runs of one format down a column, not one entry
  // per cell); the user's header cells keep their look, only the owned columns' headers are marked.
  const styles: { range: string; style: CellStyle }[] = [];
  const owned = new Set(outCol.values());
  const byCol = new Map<number, { row: number; fmt: string }[]>();
  for (const [addr, fmt] of Object.entries({ ...(snap.formats ?? {}), ...dateFormats })) {
    const p = parseA1(addr);
    if (!fmt || !p || owned.has(p.col)) continue;
    let list = byCol.get(p.col);
    if (!list) byCol.set(p.col, (list = []));
    list.push({ row: p.row, fmt });
  }
  for (const [c, list] of byCol) {
    list.sort((a, b) => a.row - b.row);
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      const cur = list[i];
      const prev = list[i - 1]!;
      if (cur && cur.fmt === prev.fmt && cur.row === prev.row + 1) continue;
      const first = list[start]!;
      const st = styleFor(first.fmt);
      if (st) styles.push({ range: first.row === prev.row ? a1(first.row, c) : `${a1(first.row, c)}:${a1(prev.row, c)}`, style: st });
      start = i;
    }
  }
  if (t.headerRow >= 0) {
    for (const c of owned) {
      styles.push({
        range: a1(t.headerRow, c),
        style: { bold: true, italic: true, fill: MASTER_COLOURS.output, fontColor: '000000', wrap: true, border: true },
      });
    }
  }
  // the computed columns are styled on the table's rows only, as runs of consecutive rows
  const runs: [number, number][] = [];
  for (const r of tableRows) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  if (runs.length === 0) runs.push([t.firstDataRow, t.firstDataRow]);
  for (const [k, c] of outCol) {
    const colSpec = spec.columns.find((x) => x.key === k);
    const style: CellStyle = { fill: MASTER_COLOURS.outputCell, italic: true, ...(colSpec?.numFmt ? { numFmt: colSpec.numFmt } : {}), ...(k === 'out_reason' || k === 'out_source' || k === 'out_check' ? { numFmt: '@' } : {}) };
    for (const [r0, r1] of runs) styles.push({ range: `${a1(r0, c)}:${a1(r1, c)}`, style });
  }
  // Text typed by users must stay text: mark non-numeric user text columns as text format.
  const widths: number[] = [];
  for (let c = 0; c < width; c++) {
    const key = [...t.cols.entries()].find(([, x]) => x === c)?.[0] ?? [...outCol.entries()].find(([, x]) => x === c)?.[0];
    widths.push(spec.columns.find((x) => x.key === key)?.width ?? 12);
  }
  const sheet: RenderedSheet = {
    name: snap.name,
    marker: MASTER_MARKER_PREFIX + 'submissions',
    values,
    styles,
    columnWidths: widths,
    freeze: { rows: t.headerRow + 1, columns: 0 },
  };
  const hidden = [...(snap.hiddenRows ?? [])];
  if (keyRow >= 0 && !hidden.includes(keyRow + 1)) hidden.push(keyRow + 1);
  if (hidden.length) sheet.hiddenRows = hidden;
  if (snap.merged && snap.merged.length) sheet.merges = [...snap.merged];
  if (t.headerRow + 1 !== LAYOUT.headerRow) sheet.freeze = { rows: t.headerRow + 1, columns: 0 };
  return { sheet, issues };
}
