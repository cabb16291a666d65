/**
 * Crosswalk across reorganisations: last year's units (and criteria codes) mapped onto this
 * year's. A unit's previous index is the mean of its sources' indices weighted by `share` (the
 * part of the old unit that went into the new one), and says which old units it came from.
 *
 * JSON: `"crosswalk": [{"from": "<old unit>", "to": "<new unit>", "share": 0.6}]` (CONTRACTS), and
 * `"criteriaCrosswalk": [{"from": "<old code>", "to": "<new code>"}]`. Master: the sheet
 * "Chuyển đổi đơn vị" (from, to, share, kind = đơn vị | tiêu chí).
 */
import { z } from 'zod';
import { issue, type Issue, type Location } from '../model/issue';
import type { PreviousResult } from '../model/assessment';
import type { CellValue, RenderedSheet, SheetSnapshot } from '../workbook/port';
import { locateTable, TableCells, type TableSpec } from '../workbook/master';
import { renderTable } from '../workbook/master/write';
import type { Lang } from '../i18n/format';
import { fold } from '../workbook/cells';
import { pushAll } from '../model/arrays';

export const CROSSWALK_SHEET = 'Chuyển đổi đơn vị';

export const crosswalkEntrySchema = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  /** Part of the old unit that went into the new one (0 < share ≤ 1); default 1 (the whole unit). */
  share: z.number().finite().default(1),
  /** Free note ("ước tính minh hoạ"). */
  note: z.string().optional(),
});
export type CrosswalkEntry = z.infer<typeof crosswalkEntrySchema>;

export const criteriaCrosswalkEntrySchema = z.object({ from: z.string().min(1), to: z.string().min(1), note: z.string().optional() });
export type CriteriaCrosswalkEntry = z.infer<typeof criteriaCrosswalkEntrySchema>;

export interface Crosswalk {
  units: CrosswalkEntry[];
  criteria: CriteriaCrosswalkEntry[];
  /** Where each unit entry's share was read (sheet cells), same order as `units`. */
  where?: Location[];
  /** Where each unit entry's cells are (sheet and cell, or JSON path), same order as `units`. */
  unitCells?: EntryCells[];
  /** Where each criterion entry's cells are, same order as `criteria`. */
  criteriaCells?: EntryCells[];
}

/** Where one crosswalk entry's `from`, `to` and `share` were read. */
export interface EntryCells {
  from: Location;
  to: Location;
  share: Location;
}

function jsonCells(part: 'crosswalk' | 'criteriaCrosswalk', i: number): EntryCells {
  return { from: { path: [part, i, 'from'] }, to: { path: [part, i, 'to'] }, share: { path: [part, i, 'share'] } };
}

export const CROSSWALK_SPEC: TableSpec<'crosswalk'> = {
  id: 'crosswalk',
  sheet: CROSSWALK_SHEET,
  sheetAliases: ['Crosswalk', 'Chuyen doi don vi'],
  title: { vi: 'Chuyển đổi đơn vị và mã tiêu chí giữa các năm', en: 'Crosswalk of units and criteria codes between years' },
  note: {
    vi: 'Mỗi dòng: đơn vị cũ → đơn vị mới với tỷ trọng (phần của đơn vị cũ nhập vào đơn vị mới, 0–1). Loại "tiêu chí": mã tiêu chí cũ → mã mới (không cần tỷ trọng).',
    en: 'Each row: old unit → new unit with its share (the part of the old unit that went into the new one, 0–1). Kind "criterion": old criterion code → new code (no share).',
  },
  columns: [
    { key: 'from', vi: 'Mã cũ', en: 'From', type: 'code', required: true, aliases: ['Đơn vị cũ', 'Mã đơn vị cũ'], width: 12 },
    { key: 'to', vi: 'Mã mới', en: 'To', type: 'code', required: true, aliases: ['Đơn vị mới', 'Mã đơn vị mới'], width: 12 },
    { key: 'share', vi: 'Tỷ trọng', en: 'Share', type: 'number', width: 10, numFmt: '0.00' },
    { key: 'kind', vi: 'Loại', en: 'Kind', type: 'text', width: 10 },
    { key: 'note', vi: 'Ghi chú', en: 'Note', type: 'text', width: 50 },
  ],
};

/** Parse the JSON `crosswalk` and `criteriaCrosswalk` parts; issues carry their path. */
export function parseCrosswalk(raw: { crosswalk?: unknown; criteriaCrosswalk?: unknown }): { crosswalk?: Crosswalk; issues: Issue[] } {
  const issues: Issue[] = [];
  if (raw.crosswalk === undefined && raw.criteriaCrosswalk === undefined) return { issues };
  const units: CrosswalkEntry[] = [];
  const criteria: CriteriaCrosswalkEntry[] = [];
  const unitCells: EntryCells[] = [];
  const criteriaCells: EntryCells[] = [];
  const take = <T>(part: 'crosswalk' | 'criteriaCrosswalk', value: unknown, schema: z.ZodType<T, unknown>, into: T[], cells: EntryCells[]): void => {
    if (value === undefined) return;
    if (!Array.isArray(value)) {
      issues.push(issue('crosswalk.invalid', { detail: part }, { path: [part] }));
      return;
    }
    (value as unknown[]).forEach((x, i) => {
      const r = schema.safeParse(x);
      if (r.success) {
        into.push(r.data);
        cells.push(jsonCells(part, i));
      } else issues.push(issue('crosswalk.invalid', { detail: r.error.issues.map((e) => [part, i, ...e.path].join('.')).join('; ') }, { path: [part, i] }));
    });
  };
  take('crosswalk', raw.crosswalk, crosswalkEntrySchema, units, unitCells);
  take('criteriaCrosswalk', raw.criteriaCrosswalk, criteriaCrosswalkEntrySchema, criteria, criteriaCells);
  pushShareIssues(units, unitCells, issues);
  return { crosswalk: { units, criteria, unitCells, criteriaCells }, issues };
}

function pushShareIssues(units: readonly CrosswalkEntry[], cells: readonly EntryCells[], issues: Issue[]): void {
  const totals = new Map<string, number>();
  // the last share of an old unit: where its total goes over 1
  const lastShare = new Map<string, Location>();
  units.forEach((e, i) => {
    const loc = cells[i]?.share ?? { path: ['crosswalk', i, 'share'] };
    if (!(e.share > 0 && e.share <= 1)) issues.push(issue('crosswalk.badShare', { from: e.from, to: e.to, share: e.share }, { ...loc, unit: e.to }));
    totals.set(e.from, (totals.get(e.from) ?? 0) + e.share);
    lastShare.set(e.from, loc);
  });
  for (const [from, total] of totals) if (total > 1 + 1e-9) issues.push(issue('crosswalk.sharesOver', { from, total }, { ...(lastShare.get(from) ?? {}), unit: from }));
}

const CRITERION_WORDS = new Set(['tieu chi', 'criterion', 'criteria']);
const UNIT_WORDS = new Set(['don vi', 'unit', '']);

/** Read the sheet "Chuyển đổi đơn vị" (absent: no crosswalk). */
export function readCrosswalkSheet(snapshots: readonly SheetSnapshot[], file?: string): { crosswalk?: Crosswalk; issues: Issue[] } {
  const names = [CROSSWALK_SPEC.sheet, ...CROSSWALK_SPEC.sheetAliases].map((n) => fold(n));
  const snap = snapshots.find((s) => names.includes(fold(s.name)));
  if (!snap) return { issues: [] };
  const t = locateTable(snap, CROSSWALK_SPEC, file);
  const cells = new TableCells(snap, file);
  const units: CrosswalkEntry[] = [];
  const where: Location[] = [];
  const unitCells: EntryCells[] = [];
  const criteriaCells: EntryCells[] = [];
  const criteria: CriteriaCrosswalkEntry[] = [];
  const issues: Issue[] = [...t.issues];
  for (const row of t.rows) {
    const from = cells.code(row, 'from');
    const to = cells.code(row, 'to');
    if (!from || !to) continue;
    const kindText = fold(cells.text(row, 'kind') ?? '');
    const note = cells.text(row, 'note');
    const at: EntryCells = { from: cells.where(row, 'from'), to: cells.where(row, 'to'), share: cells.where(row, 'share') };
    if (CRITERION_WORDS.has(kindText)) {
      criteria.push({ from, to, ...(note ? { note } : {}) });
      criteriaCells.push(at);
      continue;
    }
    if (!UNIT_WORDS.has(kindText)) {
      issues.push(issue('crosswalk.badKind', { kind: cells.text(row, 'kind') ?? '' }, cells.where(row, 'kind')));
      continue;
    }
    const share = cells.number(row, 'share');
    units.push({ from, to, share: share ?? 1, ...(note ? { note } : {}) });
    where.push(at.share);
    unitCells.push(at);
  }
  pushAll(issues, cells.issues);
  pushShareIssues(units, unitCells, issues);
  return { crosswalk: { units, criteria, where, unitCells, criteriaCells }, issues };
}

/** The sheet "Chuyển đổi đơn vị" for a crosswalk. */
export function renderCrosswalkSheet(cw: Crosswalk, lang: Lang): RenderedSheet {
  const unitWord = lang === 'vi' ? 'đơn vị' : 'unit';
  const critWord = lang === 'vi' ? 'tiêu chí' : 'criterion';
  const rows: Record<string, CellValue>[] = [
    ...cw.units.map((e) => ({ from: e.from, to: e.to, share: e.share, kind: unitWord, note: e.note ?? null })),
    ...cw.criteria.map((e) => ({ from: e.from, to: e.to, share: null, kind: critWord, note: e.note ?? null })),
  ];
  const sheet = renderTable(CROSSWALK_SPEC, rows, { lang });
  return sheet;
}

/** A previous result mapped onto this year's unit: which old units it came from. */
export interface MappedPrevious extends PreviousResult {
  from: string[];
}

/**
 * Last year's results on this year's units. A unit with crosswalk entries gets the mean of its
 * sources' indices weighted by share (sources without a previous result are left out, with a
 * warning); its rank is kept only when one source maps whole onto it alone. A unit without
 * entries keeps its own previous result (from = its own code).
 * @example applyCrosswalk([{unit:'A',index:80},{unit:'B',index:90}], [{from:'A',to:'N',share:1},{from:'B',to:'N',share:0.5}], ['N'])
 *   // N: (80×1 + 90×0.5) ÷ 1.5 = 83.33…, from ['A','B']
 */
export function applyCrosswalk(
  previous: readonly PreviousResult[],
  entries: readonly CrosswalkEntry[],
  units: readonly string[],
  cells?: readonly EntryCells[],
): { previous: MappedPrevious[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const at = (e: CrosswalkEntry, field: keyof EntryCells): Location => {
    const i = entries.indexOf(e);
    return cells?.[i]?.[field] ?? { path: ['crosswalk', i, field] };
  };
  const byOld = new Map(previous.map((p) => [p.unit, p]));
  const unitSet = new Set(units);
  const bySource = new Map<string, CrosswalkEntry[]>();
  for (const e of entries) {
    if (!unitSet.has(e.to)) {
      issues.push(issue('crosswalk.unknownTarget', { to: e.to }, { ...at(e, 'to'), unit: e.to }));
      continue;
    }
    const xs = bySource.get(e.to) ?? [];
    xs.push(e);
    bySource.set(e.to, xs);
  }
  const warnedMissing = new Set<string>();
  const out: MappedPrevious[] = [];
  for (const u of units) {
    const es = bySource.get(u);
    if (!es) {
      const own = byOld.get(u);
      if (own) out.push({ ...own, from: [u] });
      continue;
    }
    let weight = 0;
    let sum = 0;
    const from: string[] = [];
    for (const e of es) {
      const p = byOld.get(e.from);
      if (!p) {
        if (!warnedMissing.has(e.from)) issues.push(issue('crosswalk.noPrevious', { from: e.from }, { ...at(e, 'from'), unit: e.from }, 'warning'));
        warnedMissing.add(e.from);
        continue;
      }
      weight += e.share;
      sum += e.share * p.index;
      from.push(e.from);
    }
    if (weight <= 0) continue;
    const firstEntry = es[0];
    if (from.length < es.length) issues.push(issue('crosswalk.partial', { to: u, found: from, sources: es.map((e) => e.from) }, { ...(firstEntry ? at(firstEntry, 'to') : {}), unit: u }, 'warning'));
    const one = es.length === 1 && from.length === 1 && es[0]?.share === 1 && entries.filter((x) => x.from === es[0]?.from).length === 1;
    const src = one ? byOld.get(from[0] ?? '') : undefined;
    out.push({ unit: u, index: sum / weight, ...(src?.rank !== undefined ? { rank: src.rank } : {}), from });
  }
  return { previous: out, issues };
}

/** An old criterion code in this year's set (unchanged when the crosswalk does not name it). */
export function mapCriterion(code: string, criteria: readonly CriteriaCrosswalkEntry[]): string {
  return criteria.find((c) => c.from === code)?.to ?? code;
}

/**
 * Last year's criterion points on this year's criteria codes (the criteria crosswalk applied), so
 * the appraisal-risk check compares a criterion with itself. A crosswalk entry whose new code is
 * not in this year's set, and a last-year code that (mapped or not) is not in it, give a warning
 * located on the crosswalk row or on last year's row; those points are left out.
 * @example mapPreviousCriteria([{unit:'A',criterion:'1.2.3',points:2}], [{from:'1.2.3',to:'1.3.1'}], new Set(['1.3.1'])).previous
 *   // [{unit:'A',criterion:'1.3.1',points:2}]
 */
export function mapPreviousCriteria<P extends { unit: string; criterion: string }>(
  previous: readonly P[],
  crosswalk: Crosswalk | undefined,
  codes: ReadonlySet<string>,
  where?: (i: number) => Location,
): { previous: P[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const entries = crosswalk?.criteria ?? [];
  const badTarget = new Set<string>();
  entries.forEach((e, i) => {
    if (codes.has(e.to) || badTarget.has(e.from)) return;
    badTarget.add(e.from);
    const loc = crosswalk?.criteriaCells?.[i]?.to ?? { path: ['criteriaCrosswalk', i, 'to'] };
    issues.push(issue('crosswalk.criterionUnknownTarget', { from: e.from, to: e.to }, { ...loc, criterion: e.to }, 'warning'));
  });
  const out: P[] = [];
  const warned = new Set<string>();
  previous.forEach((p, i) => {
    const code = mapCriterion(p.criterion, entries);
    if (codes.has(code)) {
      out.push(code === p.criterion ? p : { ...p, criterion: code });
      return;
    }
    if (badTarget.has(p.criterion) || warned.has(p.criterion)) return;
    warned.add(p.criterion);
    issues.push(issue('crosswalk.criterionUnmapped', { code: p.criterion }, { ...(where ? where(i) : { path: ['previousCriteria', i, 'criterion'] }), unit: p.unit, criterion: p.criterion }, 'warning'));
  });
  return { previous: out, issues };
}
