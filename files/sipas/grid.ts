import { issue, type Issue, type Location } from '../../engine';
import { a1, columnName } from '../../engine';
import { cellDate, cellNumber as readNumber, cellText, findTable, fold } from '../../engine';
import type { SipasCount, SipasResponse, SipasAnswer } from '../../engine';
import type { SipasInstrument } from '../../engine';
import { instrumentItems } from '../../engine';
import { presentIndices, pushAll } from '../../engine';

/**
 * A sheet as rows of cell values (numbers, text, blanks); row 0 = sheet row 1. Rows and cells with
 * nothing in them may be absent (holes): a reader keeps only what the sheet holds, so a stray
 * cell far down costs one row, not the rows between.
 */
export type CellGrid = readonly (readonly unknown[])[];

/** What a responses file becomes: the parts of a SIPAS document, with cell locations. */
export interface SipasInput {
  responses: SipasResponse[];
  counts: SipasCount[];
  issues: Issue[];
  /** Cell of a response row / count row (and item) — pass to scoreSipas options.locate. */
  locate: (source: 'responses' | 'counts', index: number, item?: string) => Location;
  /** Sheet row (1-based) of a response / count row — pass to scoreSipas options.rowOf. */
  rowOf: (source: 'responses' | 'counts', index: number) => number;
}

const UNIT_HEADERS = new Set(['unit', 'don vi', 'ma don vi', 'ma dv', 'dv', 'phuong', 'ma phuong', 'co quan', 'ma co quan']);
const WEIGHT_HEADERS = new Set(['weight', 'trong so', 'quyen so']);
const CHANNEL_HEADERS = new Set(['channel', 'kenh', 'hinh thuc', 'hinh thuc khao sat']);
/** Columns read aside: row numbers and notes. */
const ID_HEADERS = new Set(['stt', 'tt', 'so tt', 'ghi chu', 'note']);
/** The respondent's id (the quality guard flags a repeated id in one unit). */
const RESPONDENT_HEADERS = new Set(['id', 'ma phieu', 'phieu', 'so phieu', 'respondent', 'ma nguoi tra loi']);
/** The device, kiosk or QR code the answers came from (bursts). */
const DEVICE_HEADERS = new Set(['device', 'thiet bi', 'kiosk', 'ma qr', 'qr', 'thiet bi / ma qr', 'may']);
/** When it was answered (bursts, opening hours): a date-time cell, a serial, or text "05/10/2023 09:12". */
const AT_HEADERS = new Set(['at', 'time', 'timestamp', 'thoi diem', 'thoi gian', 'thoi diem tra loi', 'thoi gian tra loi', 'ngay gio']);
const ITEM_HEADERS = new Set(['item', 'cau hoi', 'ma cau hoi', 'cau']);
const BLANK_HEADERS = new Set(['blank', 'khong tra loi', 'trong', 'bo trong', 'ktl']);
const LEVEL_HEADER = /^(?:muc |level |m)?([1-5])$/;

interface Origin {
  sheet: string | undefined;
  /** 1-based sheet row. */
  row: number;
  cols: Map<string, number>;
  unitCol: number;
}

const UNIT_COLUMN = [{ key: 'unit', names: [...UNIT_HEADERS] }];

function cellAnswer(v: unknown): SipasAnswer {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  const s = cellText(v);
  if (s.length === 1) {
    const c = s.charCodeAt(0) - 48;
    if (c >= 1 && c <= 5) return c; // "4" read as the level 4 (same meaning, faster to score)
  }
  return s === '' ? null : s;
}

function cellNumber(v: unknown): number | undefined {
  return readNumber(v);
}

/** Builds one SipasInput from one or more sheets (or one CSV). */
export class SipasInputBuilder {
  private readonly responses: SipasResponse[] = [];
  private readonly counts: SipasCount[] = [];
  private readonly issues: Issue[] = [];
  private readonly respOrigin: Origin[] = [];
  private readonly countOrigin: Origin[] = [];
  private readonly byId: Map<string, string>;
  private readonly byFold: Map<string, string>;

  constructor(
    private readonly instrument: SipasInstrument,
    private readonly file: string | undefined,
  ) {
    const ids = instrumentItems(instrument).map((i) => i.id);
    this.byId = new Map(ids.map((id) => [id, id]));
    this.byFold = new Map(ids.map((id) => [fold(id), id]));
  }

  private where(sheet: string | undefined, cell?: string): Location {
    const loc: Location = {};
    if (this.file !== undefined) loc.file = this.file;
    if (sheet !== undefined) loc.sheet = sheet;
    if (cell !== undefined) loc.cell = cell;
    return loc;
  }

  private itemOf(header: string): string | undefined {
    return this.byId.get(header) ?? this.byFold.get(fold(header));
  }

  /**
   * Read one grid. Returns false when the grid has neither layout (no unit column), so a
   * workbook reader can skip sheets that are not response tables.
   */
  addGrid(grid: CellGrid, sheet: string | undefined, required: boolean): boolean {
    // the rows present, in order: every loop below costs the rows the sheet holds, not its extent
    const present = presentIndices(grid);
    const blank = (row: readonly unknown[] | undefined): boolean => (row ?? []).every((c) => cellText(c) === '');
    let h = present.find((r) => !blank(grid[r])) ?? grid.length;
    // the header row is the one naming the unit column (a title above it is skipped); when no row
    // does, the first non-empty row is the header the issue points at
    const found = findTable(grid, UNIT_COLUMN, { minHits: 1, keyRow: false });
    if (found && found.headerRow > h) h = found.headerRow;
    const header = grid[h];
    if (!header) {
      if (required) this.issues.push(issue('sipas.sheet.empty', {}, this.where(sheet)));
      return false;
    }
    const heads = header.map((c) => cellText(c));
    const folded = heads.map((x) => fold(x));
    const unitCol = folded.findIndex((x) => UNIT_HEADERS.has(x));
    if (unitCol < 0) {
      if (required) this.issues.push(issue('sipas.sheet.noUnitColumn', {}, this.where(sheet, `${columnName(0)}${h + 1}`)));
      return false;
    }
    const itemCol = folded.findIndex((x) => ITEM_HEADERS.has(x));
    const levelCols: number[] = [];
    folded.forEach((x, c) => {
      const m = LEVEL_HEADER.exec(x);
      if (m && c !== unitCol) levelCols[Number(m[1]) - 1] = c;
    });
    if (itemCol >= 0 && [0, 1, 2, 3, 4].every((k) => levelCols[k] !== undefined)) {
      this.addCounts(grid, present, h, sheet, unitCol, itemCol, levelCols, folded.findIndex((x) => BLANK_HEADERS.has(x)));
      return true;
    }
    const cols = new Map<string, number>();
    let weightCol = -1;
    let channelCol = -1;
    let idCol = -1;
    let deviceCol = -1;
    let atCol = -1;
    heads.forEach((x, c) => {
      if (c === unitCol || x === '') return;
      const f = folded[c] as string;
      if (WEIGHT_HEADERS.has(f)) weightCol = c;
      else if (CHANNEL_HEADERS.has(f)) channelCol = c;
      else if (RESPONDENT_HEADERS.has(f)) idCol = c;
      else if (DEVICE_HEADERS.has(f)) deviceCol = c;
      else if (AT_HEADERS.has(f)) atCol = c;
      else if (ID_HEADERS.has(f)) return;
      else {
        const id = this.itemOf(x);
        if (id !== undefined) cols.set(id, c);
        else this.issues.push(issue('sipas.sheet.unknownColumn', { column: x }, this.where(sheet, a1(h, c)), 'warning'));
      }
    });
    if (cols.size === 0) {
      this.issues.push(issue('sipas.sheet.noItemColumns', { example: instrumentItems(this.instrument).slice(0, 3).map((i) => i.id) }, this.where(sheet, a1(h, 0))));
      return true;
    }
    const colList = [...cols];
    // Rows are copies of one fast-mode template object (what JSON.parse would build), so the
    // scoring loop reads them as quickly as parsed JSON.
    const template = JSON.parse(JSON.stringify(Object.fromEntries(colList.map(([id]) => [id, null])))) as Record<string, SipasAnswer>;
    for (const r of present) {
      if (r <= h) continue;
      const row = grid[r] ?? [];
      if (blank(row)) continue;
      const unit = cellText(row[unitCol]);
      const answers: Record<string, SipasAnswer> = { ...template };
      for (const [id, c] of colList) answers[id] = cellAnswer(row[c]);
      const resp: SipasResponse = { unit, answers };
      if (weightCol >= 0 && cellText(row[weightCol]) !== '') {
        const w = cellNumber(row[weightCol]);
        if (w === undefined || !(w > 0)) {
          this.issues.push({ ...issue('sipas.sheet.badWeight', { value: cellText(row[weightCol]) }, this.where(sheet, a1(r, weightCol))), ...(unit ? { unit } : {}) });
          continue;
        }
        resp.weight = w;
      }
      if (channelCol >= 0 && cellText(row[channelCol]) !== '') resp.channel = cellText(row[channelCol]);
      if (idCol >= 0 && cellText(row[idCol]) !== '') resp.id = cellText(row[idCol]);
      if (deviceCol >= 0 && cellText(row[deviceCol]) !== '') resp.device = cellText(row[deviceCol]);
      if (atCol >= 0 && cellText(row[atCol]) !== '') {
        const at = cellDate(row[atCol], { time: true, serials: 'plausible' });
        if (at === undefined) this.issues.push({ ...issue('sipas.sheet.badTime', { value: cellText(row[atCol]) }, this.where(sheet, a1(r, atCol)), 'warning'), ...(unit ? { unit } : {}) });
        else resp.at = at;
      }
      this.responses.push(resp);
      this.respOrigin.push({ sheet, row: r + 1, cols, unitCol });
    }
    return true;
  }

  private addCounts(grid: CellGrid, present: readonly number[], h: number, sheet: string | undefined, unitCol: number, itemCol: number, levelCols: number[], blankCol: number): void {
    for (const r of present) {
      if (r <= h) continue;
      const row = grid[r] ?? [];
      if (row.every((c) => cellText(c) === '')) continue;
      const unit = cellText(row[unitCol]);
      const rawItem = cellText(row[itemCol]);
      const item = this.itemOf(rawItem) ?? rawItem;
      const levels: number[] = [];
      let bad = false;
      for (const c of [...levelCols, ...(blankCol >= 0 ? [blankCol] : [])]) {
        const txt = cellText(row[c]);
        const v = txt === '' ? 0 : cellNumber(row[c]);
        if (v === undefined || v < 0) {
          this.issues.push({ ...issue('sipas.sheet.badCount', { value: txt }, this.where(sheet, a1(r, c))), ...(unit ? { unit } : {}), ...(item ? { criterion: item } : {}) });
          bad = true;
        }
        levels.push(v ?? 0);
      }
      if (bad) continue;
      const count: SipasCount = { unit, item, levels: levels.slice(0, 5) };
      if (blankCol >= 0) count.blank = levels[5] ?? 0;
      this.counts.push(count);
      const cols = new Map<string, number>([[item, itemCol]]);
      this.countOrigin.push({ sheet, row: r + 1, cols, unitCol });
    }
  }

  addIssues(list: readonly Issue[]): void {
    pushAll(this.issues, list);
  }

  build(): SipasInput {
    const locate = (source: 'responses' | 'counts', index: number, item?: string): Location => {
      const o = (source === 'responses' ? this.respOrigin : this.countOrigin)[index];
      if (!o) return this.where(undefined);
      const c = item !== undefined ? o.cols.get(item) : undefined;
      return this.where(o.sheet, a1(o.row - 1, c ?? o.unitCol));
    };
    const rowOf = (source: 'responses' | 'counts', index: number): number => (source === 'responses' ? this.respOrigin : this.countOrigin)[index]?.row ?? index + 1;
    return { responses: this.responses, counts: this.counts, issues: this.issues, locate, rowOf };
  }
}
