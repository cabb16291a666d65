/**
 * Office.js implementation of the WorkbookPort (engine/workbook/port.ts). The only code that
 * touches Excel.*.
 *
 * Sync budget: `read` loads every requested sheet in one `context.sync` (plus one to list the
 * sheets when the port has not seen the workbook yet); `write` queues every sheet and flushes when the queued payload reaches
 * `syncBudgetBytes` (4 MB by default: one sync for usual outputs). Hidden rows are found in the
 * read sync for the first HEAD_ROWS rows (titles, hidden key rows); only a sheet with hidden
 * rows further down costs one more sync. No single range assignment
 * carries more than `rangeBudgetBytes` (estimated by JSON length). A full recompute is therefore
 * list + read + write = 3 syncs whatever the number of units.
 *
 * Write semantics (the same as the exceljs port's, proved by test/contract; the rule is spelled out
 * on `WorkbookPort.write`): a sheet that the preceding `read` of this port loaded (an input sheet
 * such as "Kê khai" with its computed `out_` columns), unprotected when read, rendered without
 * charts or conditional formats, is updated in place: only cells whose value differs from what
 * was read are sent, in rectangular blocks, and number formats only where they change; the
 * rendered styles and validations apply to the ranges they name only (a validation clears those
 * cells' validation first); widths only to the columns right of the content read; frozen panes,
 * state (unless given), tab colour (unless given) and everything else the user made stay. Other
 * sheets are replaced whole. A number format that covers a whole range is sent once (Office.js
 * applies a single value to every cell of the range), never as a per-cell array.
 *
 * Strings are written as text, never as formulas or numbers: Office.js parses a string value as
 * if typed, so any string that could be read as a formula, number, date, boolean or error gets a
 * leading apostrophe (Excel stores the text without it).
 */
import type {
  CellStyle,
  CellValue,
  ChartSpec,
  ConditionalFormat,
  RenderedSheet,
  SheetInfo,
  SheetSnapshot,
  SheetState,
  Validation,
  WorkbookPort,
  WriteOptions,
} from '../../engine';
import { a1, columnName, maxOf, rangeA1, widestRow } from '../../engine';
import { isDateFormat, serialToIso } from '../../engine';
import { type Capabilities, type Feature, type SetCheck, FEATURE_SETS, detectCapabilities, officeSetCheck } from './capabilities';
import { ExcelPortError, toPortError } from './errors';

/** Runs a batch against the workbook (Excel.run in Office; a double in tests). */
export type ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeJsPortOptions {
  run?: ExcelRunner;
  isSetSupported?: SetCheck;
  /** Largest estimated JSON payload of one range assignment. Default 1 MB. */
  rangeBudgetBytes?: number;
  /** Queued payload after which a write flushes with a sync. Default 4 MB (Excel on the web rejects > 5 MB). */
  syncBudgetBytes?: number;
}

/** A feature skipped because the running Excel lacks its requirement set. */
export interface PortNotice {
  code: 'excel.featureMissing';
  feature: Feature;
  version: string;
  sheet: string;
}

export const MB = 1024 * 1024;

/** Estimated request JSON of one queued action on a range (object path, action, address), beside its argument. */
export const OP_BYTES = 160;

/** Rows at the top of a sheet whose visibility is read one by one in the read sync. */
export const HEAD_ROWS = 30;
const MAX_ROWS = 1048576;

/** Does Office.js need a leading apostrophe to keep this string as text? */
export function needsTextGuard(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@'#]/.test(s)) return true;
  if (/\d/.test(s)) return true; // numbers, dates, times, fractions, percentages, "1e5"…
  return /^\s*(true|false|đúng|sai)\s*$/i.test(s);
}

/** The value handed to Office.js for one cell. */
export function toExcelValue(v: CellValue | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return needsTextGuard(v) ? `'${v}` : v;
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return v;
}

function hexColor(h: string): string {
  const s = h.replace(/^#/, '');
  return '#' + (s.length === 8 ? s.slice(2) : s.padStart(6, '0')).toUpperCase();
}

/** Excel serial → ISO date (1900 date system, serial 60 = the fictitious 29/02/1900). */
export function serialToIsoDate(serial: number): string | undefined {
  // the engine's one date reader (1900 system; serial 60, Excel's 29/02/1900, is no date)
  return serialToIso(serial)?.slice(0, 10);
}

/** Does an Excel number format display a date (not only a time or a number)? The engine's one rule. */
export { isDateFormat };

function sheetState(v: string | undefined): SheetState {
  if (v === 'Hidden') return 'hidden';
  if (v === 'VeryHidden') return 'veryHidden';
  return 'visible';
}

function excelVisibility(s: SheetState): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
  return s === 'hidden' ? 'Hidden' : s === 'veryHidden' ? 'VeryHidden' : 'Visible';
}

/** "Sheet1!B2:D9" or "'My sheet'!B2" → the part after "!". */
function localAddress(address: string): string {
  const i = address.lastIndexOf('!');
  return i >= 0 ? address.slice(i + 1) : address;
}

function listSheetName(sheet: string): string {
  return ('_lists_' + sheet).slice(0, 31);
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const CHART_TYPES: Readonly<Record<ChartSpec['type'], string>> = Object.freeze({
  bar: 'BarClustered',
  column: 'ColumnClustered',
  radar: 'Radar',
  line: 'Line',
});

const CF_OPERATORS: Readonly<Record<ConditionalFormat['rule'], string>> = Object.freeze({
  lessThan: 'LessThan',
  greaterThanOrEqual: 'GreaterThanOrEqual',
  between: 'Between',
});

interface SheetEntry {
  name: string;
  state: SheetState;
}

/** What the last `read` saw of one sheet, cell by cell (used range from r0, c0). */
interface ReadCache {
  snap: SheetSnapshot;
  r0: number;
  c0: number;
  values: unknown[][];
  formulas: unknown[][];
  formats: unknown[][];
  types: unknown[][];
}

/** Same cell content: null and '' both mean empty. */
function sameValue(a: unknown, b: unknown): boolean {
  const x = a === null || a === undefined ? '' : a;
  const y = b === null || b === undefined ? '' : b;
  return x === y;
}

/** Columns holding content: one past the last non-empty cell of the widest row (as files/port.ts counts them). */
function contentWidth(values: readonly (readonly CellValue[] | undefined)[]): number {
  let w = 0;
  values.forEach((row) => {
    if (row === undefined) return;
    for (let c = row.length - 1; c >= w; c--) {
      const v = row[c];
      if (v !== null && v !== undefined && v !== '') {
        w = c + 1;
        break;
      }
    }
  });
  return w;
}

/** Sets a property that Office.js applies to every cell when given one value instead of a 2-D array. */
function setForAllCells(range: Excel.Range, prop: 'numberFormat', value: string): void {
  Reflect.set(range, prop, value);
}

/** Budgeted queue: counts the estimated payload and syncs when it is full. */
class Flusher {
  queued = 0;
  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly budget: number,
    private readonly suspend: boolean,
  ) {
    if (suspend) ctx.application.suspendApiCalculationUntilNextSync();
  }
  async add(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budget) await this.flush();
    this.queued += bytes;
  }
  async flush(): Promise<void> {
    await this.ctx.sync();
    this.queued = 0;
    if (this.suspend) this.ctx.application.suspendApiCalculationUntilNextSync();
  }
}

export class OfficeJsPort implements WorkbookPort {
  readonly host = 'excel' as const;
  readonly capabilities: Capabilities;
  /** Features skipped in the last write (shown in the pane). */
  notices: PortNotice[] = [];
  private readonly run: ExcelRunner;
  private readonly rangeBudget: number;
  private readonly syncBudget: number;
  /** Sheets in workbook order as last seen (refreshed by listSheets/read, kept by write). */
  private sheets: SheetEntry[] | undefined;
  /** Sheets as the last `read` saw them; used (then dropped) by the next `write`. */
  private lastRead = new Map<string, ReadCache>();

  constructor(options: OfficeJsPortOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.capabilities = detectCapabilities(options.isSetSupported ?? officeSetCheck());
    this.rangeBudget = options.rangeBudgetBytes ?? MB;
    this.syncBudget = options.syncBudgetBytes ?? 4 * MB;
  }

  private async exec<T>(operation: string, batch: (ctx: Excel.RequestContext) => Promise<T>, sheet?: string): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      this.sheets = undefined; // the workbook may have changed under us
      this.lastRead.clear();
      throw toPortError(e, operation, sheet);
    }
  }

  private async loadSheetList(ctx: Excel.RequestContext): Promise<SheetEntry[]> {
    const wss = ctx.workbook.worksheets;
    wss.load('items/name,items/visibility');
    await ctx.sync();
    this.sheets = wss.items.map((w) => ({ name: w.name, state: sheetState(w.visibility) }));
    return this.sheets;
  }

  async listSheets(): Promise<SheetInfo[]> {
    const list = await this.exec('listSheets', (ctx) => this.loadSheetList(ctx));
    return list.map((s) => ({ ...s }));
  }

  async read(names: readonly string[]): Promise<SheetSnapshot[]> {
    return this.exec('read', async (ctx) => {
      const known = this.sheets ?? (await this.loadSheetList(ctx));
      const wanted = names.filter((n) => known.some((s) => s.name === n));
      const caps = this.capabilities;
      const jobs = wanted.map((name) => {
        const ws = ctx.workbook.worksheets.getItem(name);
        ws.load('name,visibility');
        ws.protection.load('protected');
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('address,rowIndex,columnIndex,rowCount,columnCount,values,numberFormat,formulas,valueTypes');
        const merged = caps.mergedAreas ? ws.getRange().getMergedAreasOrNullObject() : undefined;
        merged?.load('areas/items/address');
        // hidden rows in the same sync: each of the first HEAD_ROWS rows (titles, hidden key
        // rows), and one look at all rows below them (mixed → one more sync, rare)
        const head: Excel.Range[] = [];
        for (let r = 0; r < HEAD_ROWS; r++) {
          const row = ws.getRange(`${r + 1}:${r + 1}`);
          row.load('rowHidden');
          head.push(row);
        }
        const tail = ws.getRange(`${HEAD_ROWS + 1}:${MAX_ROWS}`);
        tail.load('rowHidden');
        return { name, ws, used, merged, head, tail };
      });
      await ctx.sync();
      this.lastRead = new Map();
      const snaps: SheetSnapshot[] = [];
      const mixed: { snap: SheetSnapshot; rows: Excel.Range[] }[] = [];
      for (const job of jobs) {
        const snap = this.snapshotOf(job.ws, job.used, job.merged);
        snaps.push(snap);
        const u = job.used;
        this.lastRead.set(
          snap.name,
          u.isNullObject
            ? { snap, r0: 0, c0: 0, values: [], formulas: [], formats: [], types: [] }
            : { snap, r0: u.rowIndex, c0: u.columnIndex, values: u.values, formulas: u.formulas, formats: u.numberFormat, types: u.valueTypes },
        );
        const hidden = job.head.flatMap((r, i) => (r.rowHidden === true ? [i + 1] : []));
        const lastUsed = job.used.isNullObject ? 0 : job.used.rowIndex + job.used.rowCount;
        if (job.tail.rowHidden !== false && lastUsed > HEAD_ROWS) {
          const rows: Excel.Range[] = [];
          for (let r = HEAD_ROWS; r < lastUsed; r++) {
            const row = job.ws.getRange(`${r + 1}:${r + 1}`);
            row.load('rowHidden');
            rows.push(row);
          }
          mixed.push({ snap, rows });
        }
        const inUse = hidden.filter((r) => r <= Math.max(lastUsed, 1));
        if (inUse.length) snap.hiddenRows = inUse;
      }
      if (mixed.length > 0) {
        await ctx.sync();
        for (const m of mixed) {
          const more = m.rows.flatMap((r, i) => (r.rowHidden === true ? [HEAD_ROWS + i + 1] : []));
          if (more.length) m.snap.hiddenRows = [...(m.snap.hiddenRows ?? []), ...more];
        }
      }
      return snaps;
    });
  }

  private snapshotOf(ws: Excel.Worksheet, used: Excel.Range, merged: Excel.RangeAreas | undefined): SheetSnapshot {
    const snap: SheetSnapshot = { name: ws.name, values: [], state: sheetState(ws.visibility), protected: Boolean(ws.protection.protected) };
    if (used.isNullObject) return snap;
    const formats: Record<string, string> = {};
    const errors: Record<string, string> = {};
    const formulas: Record<string, string> = {};
    const dates: Record<string, true> = {};
    const values: CellValue[][] = [];
    const r0 = used.rowIndex;
    const c0 = used.columnIndex;
    // rows above the used range are absent (holes), as the exceljs port leaves empty rows out
    let last = -1;
    for (let i = 0; i < used.rowCount; i++) {
      const row: CellValue[] = [];
      for (let j = 0; j < c0; j++) row.push(null);
      for (let j = 0; j < used.columnCount; j++) {
        const addr = a1(r0 + i, c0 + j);
        const raw: unknown = used.values[i]?.[j];
        const fmt: unknown = used.numberFormat[i]?.[j];
        const type: unknown = used.valueTypes[i]?.[j];
        const formula: unknown = used.formulas[i]?.[j];
        let v: CellValue = raw === '' || raw === undefined ? null : typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : String(raw);
        if (type === 'Error') {
          if (typeof raw === 'string') errors[addr] = raw;
          v = null;
          last = r0 + i; // a row holding an error is kept, so that readers report it
        }
        if (typeof fmt === 'string' && fmt !== '' && fmt !== 'General') {
          formats[addr] = fmt;
          const iso = typeof v === 'number' && isDateFormat(fmt) ? serialToIsoDate(v) : undefined;
          // a number that is no calendar day stays a number (nothing is lost)
          if (iso !== undefined) {
            v = iso;
            dates[addr] = true;
          }
        }
        if (typeof formula === 'string' && formula.startsWith('=') && formula.length > 1 && type !== 'String') formulas[addr] = formula.slice(1);
        else if (typeof formula === 'string' && formula.startsWith('=') && formula.length > 1 && raw !== formula) formulas[addr] = formula.slice(1);
        row.push(v);
      }
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      if (row.length > 0) last = r0 + i;
      values[r0 + i] = row;
    }
    values.length = last + 1; // trailing empty rows are left out
    snap.values = values;
    if (Object.keys(formats).length) snap.formats = formats;
    if (Object.keys(errors).length) snap.errors = errors;
    if (Object.keys(formulas).length) snap.formulas = formulas;
    if (Object.keys(dates).length) snap.dates = dates;
    if (merged && !merged.isNullObject) {
      const list = merged.areas.items.map((a) => localAddress(a.address));
      if (list.length) snap.merged = list;
    }
    return snap;
  }

  async write(sheets: readonly RenderedSheet[], options: WriteOptions = {}): Promise<void> {
    this.notices = [];
    const names = sheets.map((s) => s.name).join(', ');
    await this.exec(
      'write',
      async (ctx) => {
        const known = this.sheets ?? (await this.loadSheetList(ctx));
        const order = known.map((s) => ({ ...s }));
        const flusher = new Flusher(ctx, this.syncBudget, this.capabilities.suspendCalculation);
        let done = 0;
        const cache = this.lastRead;
        this.lastRead = new Map();
        for (const sheet of sheets) {
          const seen = cache.get(sheet.name);
          if (seen && this.canPatch(seen, sheet, order)) await this.patchSheet(ctx, sheet, seen, order, flusher);
          else await this.writeSheet(ctx, sheet, order, flusher);
          done++;
          options.onProgress?.(done / Math.max(1, sheets.length) * 0.95);
        }
        await flusher.flush();
        this.sheets = order;
        options.onProgress?.(1);
      },
      sheets.length === 1 ? names : names || undefined,
    );
  }

  private missing(feature: Feature, sheet: string): boolean {
    if (this.capabilities[feature]) return false;
    const version = FEATURE_SETS[feature];
    if (!this.notices.some((n) => n.feature === feature && n.sheet === sheet)) this.notices.push({ code: 'excel.featureMissing', feature, version, sheet });
    return true;
  }

  /** Replace (or add) a sheet: the new one takes the old one's position; the old one goes. */
  private replace(ctx: Excel.RequestContext, name: string, order: SheetEntry[]): Excel.Worksheet {
    const wss = ctx.workbook.worksheets;
    const at = order.findIndex((s) => s.name === name);
    if (at < 0) {
      order.push({ name, state: 'visible' });
      return wss.add(name);
    }
    const tmp = `~parindex${Date.now() % 100000}`.slice(0, 31);
    const fresh = wss.add(tmp);
    fresh.position = at;
    wss.getItem(name).delete();
    fresh.name = name;
    const entry = order[at];
    if (entry) entry.state = 'visible';
    return fresh;
  }

  private canPatch(seen: ReadCache, sheet: RenderedSheet, order: readonly SheetEntry[]): boolean {
    return order.some((s) => s.name === sheet.name) && !seen.snap.protected && !(sheet.charts ?? []).length && !(sheet.conditionalFormats ?? []).length;
  }

  private async writeSheet(ctx: Excel.RequestContext, sheet: RenderedSheet, order: SheetEntry[], flusher: Flusher): Promise<void> {
    const ws = this.replace(ctx, sheet.name, order);
    const width = widestRow(sheet.values);
    // values in row blocks under the range budget
    let r = 0;
    while (r < sheet.values.length && width > 0) {
      const block: (string | number | boolean)[][] = [];
      let bytes = 2;
      while (r < sheet.values.length) {
        const src = sheet.values[r] ?? [];
        const row = Array.from({ length: width }, (_, c) => toExcelValue(src[c]));
        const rowBytes = JSON.stringify(row).length + 1;
        if (block.length > 0 && bytes + rowBytes > this.rangeBudget) break;
        block.push(row);
        bytes += rowBytes;
        r++;
      }
      await flusher.add(bytes + OP_BYTES);
      ws.getRangeByIndexes(r - block.length, 0, block.length, width).values = block;
    }
    for (const { range, style } of sheet.styles ?? []) await this.applyStyle(ws, range, style, flusher, true);
    await this.decorate(ctx, ws, sheet, order, flusher);
  }

  /**
   * Update a sheet the last read saw, in place: number formats that change, then only the cells
   * whose value differs from what was read (in rectangular blocks; unchanged plain cells between
   * two changes are resent when that is cheaper than one more range), then the rest of the sheet's
   * layout. Formulas and user cells whose value is unchanged are not touched.
   */
  private async patchSheet(ctx: Excel.RequestContext, sheet: RenderedSheet, seen: ReadCache, order: SheetEntry[], flusher: Flusher): Promise<void> {
    const ws = ctx.workbook.worksheets.getItem(sheet.name);
    const at = (grid: unknown[][], r: number, c: number): unknown => grid[r - seen.r0]?.[c - seen.c0];
    const raw = (r: number, c: number): unknown => at(seen.values, r, c) ?? '';
    const isFormula = (r: number, c: number): boolean => {
      const f = at(seen.formulas, r, c);
      return typeof f === 'string' && f.startsWith('=') && f.length > 1 && (at(seen.types, r, c) !== 'String' || raw(r, c) !== f);
    };
    const want = (r: number, c: number): CellValue => sheet.values[r]?.[c] ?? null;
    const changed = (r: number, c: number): boolean => {
      const v = want(r, c);
      return !sameValue(v, seen.snap.values[r]?.[c]) && !sameValue(v, raw(r, c));
    };
    /** Rewriting the cell with the wanted value leaves it exactly as it is. */
    const safe = (r: number, c: number): boolean => !isFormula(r, c) && at(seen.types, r, c) !== 'Error' && sameValue(want(r, c), raw(r, c));
    const cellBytes = (r: number, c: number): number => JSON.stringify(toExcelValue(want(r, c))).length + 1;
    const seenWidth = widestRow(seen.values);
    const height = Math.max(sheet.values.length, seen.values.length ? seen.r0 + seen.values.length : 0);
    const width = Math.max(widestRow(sheet.values), seenWidth ? seen.c0 + seenWidth : 0);

    // 1. blocks of changed cells
    interface Block {
      r0: number;
      r1: number;
      c0: number;
      c1: number;
    }
    const blocks: Block[] = [];
    const open = new Map<string, Block>();
    const gapRowsCheap = (b: Block, r: number): boolean => {
      let bytes = 0;
      for (let i = b.r1 + 1; i < r; i++)
        for (let c = b.c0; c <= b.c1; c++) {
          if (!safe(i, c)) return false;
          bytes += cellBytes(i, c);
          if (bytes > OP_BYTES) return false;
        }
      return true;
    };
    for (let r = 0; r < height; r++) {
      const runs: [number, number][] = [];
      for (let c = 0; c < width; c++) {
        if (!changed(r, c)) continue;
        const last = runs[runs.length - 1];
        if (last) {
          let ok = true;
          let bytes = 0;
          for (let g = last[1] + 1; g < c && ok; g++) {
            bytes += cellBytes(r, g);
            ok = safe(r, g) && bytes <= OP_BYTES;
          }
          if (ok) {
            last[1] = c;
            continue;
          }
        }
        runs.push([c, c]);
      }
      for (const [c0, c1] of runs) {
        const k = `${c0}:${c1}`;
        const b = open.get(k);
        if (b && (b.r1 === r - 1 || gapRowsCheap(b, r))) b.r1 = r;
        else {
          const fresh = { r0: r, r1: r, c0, c1 };
          blocks.push(fresh);
          open.set(k, fresh);
        }
      }
    }

    // 2. number formats that change (before the values, so a number never lands in a text cell)
    const applied: { box: Bounds; fmt: string }[] = [];
    const fmtNow = (r: number, c: number): string => {
      for (let i = applied.length - 1; i >= 0; i--) {
        const a = applied[i];
        if (a && r >= a.box.r0 && r <= a.box.r1 && c >= a.box.c0 && c <= a.box.c1) return a.fmt;
      }
      const f = at(seen.formats, r, c);
      return typeof f === 'string' && f !== '' ? f : 'General';
    };
    for (const { range, style } of sheet.styles ?? []) {
      if (style.numFmt === undefined) continue;
      const [a, b] = range.split(':');
      const box = parseBounds(a ?? '', b);
      if (!box) continue;
      let differs = false;
      for (let r = box.r0; r <= box.r1 && !differs; r++) for (let c = box.c0; c <= box.c1 && !differs; c++) differs = fmtNow(r, c) !== style.numFmt;
      if (!differs) continue;
      await flusher.add(OP_BYTES + style.numFmt.length);
      setForAllCells(ws.getRange(range), 'numberFormat', style.numFmt);
      applied.push({ box, fmt: style.numFmt });
    }
    // a number or boolean going into a text-formatted cell: General while writing, text again after
    const textCells: [number, number][] = [];
    for (const b of blocks)
      for (let r = b.r0; r <= b.r1; r++)
        for (let c = b.c0; c <= b.c1; c++) {
          const v = want(r, c);
          if ((typeof v === 'number' || typeof v === 'boolean') && fmtNow(r, c) === '@') textCells.push([r, c]);
        }
    for (const [r, c] of textCells) {
      await flusher.add(OP_BYTES);
      setForAllCells(ws.getRangeByIndexes(r, c, 1, 1), 'numberFormat', 'General');
    }

    // 3. the changed values, each block split into row chunks under the range budget
    for (const b of blocks) {
      let r = b.r0;
      while (r <= b.r1) {
        const chunk: (string | number | boolean)[][] = [];
        let bytes = 2;
        while (r <= b.r1) {
          const row: (string | number | boolean)[] = [];
          for (let c = b.c0; c <= b.c1; c++) row.push(toExcelValue(want(r, c)));
          const rowBytes = JSON.stringify(row).length + 1;
          if (chunk.length > 0 && bytes + rowBytes > this.rangeBudget) break;
          chunk.push(row);
          bytes += rowBytes;
          r++;
        }
        await flusher.add(bytes + OP_BYTES);
        ws.getRangeByIndexes(r - chunk.length, b.c0, chunk.length, b.c1 - b.c0 + 1).values = chunk;
      }
    }
    for (const [r, c] of textCells) {
      await flusher.add(OP_BYTES);
      setForAllCells(ws.getRangeByIndexes(r, c, 1, 1), 'numberFormat', '@');
    }

    // 4. the rest of the layout
    for (const { range, style } of sheet.styles ?? []) await this.applyStyle(ws, range, style, flusher, false);
    const keepHidden = new Set(sheet.hiddenRows ?? []);
    for (const row of seen.snap.hiddenRows ?? []) if (!keepHidden.has(row)) ws.getRange(`${row}:${row}`).rowHidden = false;
    // the user's layout stays: widths of the columns that held content when read, frozen panes, state (unless given)
    const merged = new Set(seen.snap.merged ?? []);
    await this.decorate(ctx, ws, { ...sheet, merges: (sheet.merges ?? []).filter((m) => !merged.has(m)) }, order, flusher, { widthsFrom: contentWidth(seen.snap.values), keepPanes: true });
  }

  /**
   * Everything of a sheet besides its values and number formats: widths, styles, hidden rows, merges, freeze, rules, charts, page, state, protection.
   * In place, widths apply only from column `widthsFrom` on and the panes are the user's.
   */
  private async decorate(ctx: Excel.RequestContext, ws: Excel.Worksheet, sheet: RenderedSheet, order: SheetEntry[], flusher: Flusher, inPlace?: { widthsFrom: number; keepPanes: boolean }): Promise<void> {
    const widthsFrom = inPlace?.widthsFrom ?? 0;
    const widths = (sheet.columnWidths ?? []).slice(widthsFrom);
    widths.forEach((w, j) => {
      // characters → points (≈ 7 px per character + 5 px padding; 0.75 pt per px)
      const col = columnName(widthsFrom + j);
      ws.getRange(`${col}:${col}`).format.columnWidth = Math.round((w * 7 + 5) * 0.75 * 100) / 100;
    });
    await flusher.add(widths.length * OP_BYTES);
    for (const row of sheet.hiddenRows ?? []) ws.getRange(`${row}:${row}`).rowHidden = true;
    for (const col of sheet.hiddenColumns ?? []) ws.getRange(`${columnName(col - 1)}:${columnName(col - 1)}`).columnHidden = true;
    for (const m of sheet.merges ?? []) ws.getRange(m).merge(false);
    await flusher.add(((sheet.hiddenRows ?? []).length + (sheet.hiddenColumns ?? []).length + (sheet.merges ?? []).length) * OP_BYTES);
    if (!inPlace?.keepPanes && sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) && !this.missing('freeze', sheet.name)) {
      if (sheet.freeze.columns === 0) ws.freezePanes.freezeRows(sheet.freeze.rows);
      else if (sheet.freeze.rows === 0) ws.freezePanes.freezeColumns(sheet.freeze.columns);
      else ws.freezePanes.freezeAt(ws.getRange(rangeA1(0, 0, sheet.freeze.rows - 1, sheet.freeze.columns - 1)));
    }
    if ((sheet.conditionalFormats ?? []).length > 0 && !this.missing('conditionalFormats', sheet.name)) {
      for (const cf of sheet.conditionalFormats ?? []) {
        const added = ws.getRange(cf.range).conditionalFormats.add('CellValue');
        added.cellValue.format.fill.color = hexColor(cf.fill);
        if (cf.fontColor) added.cellValue.format.font.color = hexColor(cf.fontColor);
        const rule: Excel.ConditionalCellValueRule = { formula1: String(cf.value), operator: CF_OPERATORS[cf.rule] as Excel.ConditionalCellValueOperator };
        if (cf.rule === 'between') rule.formula2 = String(cf.value2 ?? cf.value);
        added.cellValue.rule = rule;
      }
      await flusher.add((sheet.conditionalFormats ?? []).length * 4 * OP_BYTES);
    }
    const longLists: string[][] = [];
    if ((sheet.validations ?? []).length > 0 && !this.missing('validation', sheet.name)) {
      for (const v of sheet.validations ?? []) this.applyValidation(ws, sheet.name, v, longLists);
      await flusher.add((sheet.validations ?? []).reduce((n, v) => n + 4 * OP_BYTES + (v.type === 'list' ? JSON.stringify(v.values).length : 0), 0));
    }
    if (longLists.length > 0) {
      const ls = this.replace(ctx, listSheetName(sheet.name), order);
      const rows = maxOf(longLists.map((l) => l.length), 0);
      const grid = Array.from({ length: rows }, (_, i) => longLists.map((l) => toExcelValue(l[i] ?? null)));
      await flusher.add(JSON.stringify(grid).length + OP_BYTES);
      ls.getRangeByIndexes(0, 0, rows, longLists.length).values = grid;
      ls.visibility = 'VeryHidden';
      const entry = order.find((s) => s.name === listSheetName(sheet.name));
      if (entry) entry.state = 'veryHidden';
    }
    if ((sheet.charts ?? []).length > 0 && !this.missing('charts', sheet.name)) {
      for (const ch of sheet.charts ?? []) {
        const chart = ws.charts.add(CHART_TYPES[ch.type] as Excel.ChartType, ws.getRange(ch.dataRange), ch.seriesBy === 'rows' ? 'Rows' : 'Columns');
        chart.title.text = ch.title;
        chart.setPosition(ch.anchor);
        if (ch.width !== undefined) chart.width = ch.width;
        if (ch.height !== undefined) chart.height = ch.height;
      }
    }
    if (sheet.printArea && !this.missing('printArea', sheet.name)) ws.pageLayout.setPrintArea(sheet.printArea);
    if (!this.missing('footerMarker', sheet.name)) ws.pageLayout.headersFooters.defaultForAllPages.leftFooter = sheet.marker;
    if (sheet.tabColor && !this.missing('tabColor', sheet.name)) ws.tabColor = hexColor(sheet.tabColor);
    if (sheet.state && (sheet.state !== 'visible' || inPlace)) {
      ws.visibility = excelVisibility(sheet.state);
      const entry = order.find((s) => s.name === sheet.name);
      if (entry) entry.state = sheet.state;
    }
    if (sheet.protection && !this.missing('protection', sheet.name)) {
      const opts: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatCells: false, allowInsertRows: false, allowDeleteRows: false, allowSort: false, allowAutoFilter: false };
      if (sheet.protection.password !== undefined && !this.missing('protectionPassword', sheet.name)) ws.protection.protect(opts, sheet.protection.password);
      else ws.protection.protect(opts);
    }
  }

  private async applyStyle(ws: Excel.Worksheet, address: string, s: CellStyle, flusher: Flusher, withNumFmt: boolean): Promise<void> {
    const range = ws.getRange(address);
    // `format` is a navigation property written to, never a loaded value read back: nothing to load or sync
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const f = range.format;
    let ops = 0;
    const count = (n = 1): void => {
      ops += n;
    };
    if (s.bold !== undefined) {
      f.font.bold = s.bold;
      count();
    }
    if (s.italic !== undefined) {
      f.font.italic = s.italic;
      count();
    }
    if (s.fontSize !== undefined) {
      f.font.size = s.fontSize;
      count();
    }
    if (s.fontColor !== undefined) {
      f.font.color = hexColor(s.fontColor);
      count();
    }
    if (s.fill !== undefined) {
      f.fill.color = hexColor(s.fill);
      count();
    }
    if (s.wrap !== undefined) {
      f.wrapText = s.wrap;
      count();
    }
    if (s.align !== undefined) {
      f.horizontalAlignment = s.align === 'left' ? 'Left' : s.align === 'center' ? 'Center' : 'Right';
      count();
    }
    if (s.align !== undefined || s.wrap !== undefined) {
      f.verticalAlignment = 'Top';
      count();
    }
    if (s.border) {
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
        const b = f.borders.getItem(edge);
        b.style = 'Continuous';
        b.color = '#9E9E9E';
        count(2);
      }
    }
    if (s.locked !== undefined) {
      f.protection.locked = s.locked;
      count();
    }
    // one format for the whole range: sent once, never as a per-cell array
    if (s.numFmt !== undefined && withNumFmt) {
      setForAllCells(range, 'numberFormat', s.numFmt);
      count();
    }
    await flusher.add(ops * OP_BYTES);
  }

  private applyValidation(ws: Excel.Worksheet, sheetName: string, v: Validation, longLists: string[][]): void {
    const dv = ws.getRange(v.range).dataValidation;
    dv.clear();
    let rule: Excel.DataValidationRule;
    switch (v.type) {
      case 'list': {
        const inline = v.values.join(',');
        let source = inline;
        if (inline.length > 250 || v.values.some((x) => x.includes(','))) {
          const col = longLists.length;
          longLists.push(v.values);
          source = `=${quoteSheet(listSheetName(sheetName))}!$${columnName(col)}$1:$${columnName(col)}$${Math.max(1, v.values.length)}`;
        }
        rule = { list: { inCellDropDown: true, source } };
        break;
      }
      case 'decimal':
        rule = { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
        break;
      case 'whole':
        rule = { wholeNumber: { formula1: v.min, formula2: v.max, operator: 'Between' } };
        break;
      case 'date':
        rule = { date: { formula1: v.min ?? '1900-01-01', formula2: v.max ?? '9999-12-31', operator: 'Between' } };
        break;
    }
    dv.rule = rule;
    if (v.prompt !== undefined) dv.prompt = { showPrompt: true, message: v.prompt, title: 'parindex' };
    if (v.error !== undefined) dv.errorAlert = { showAlert: true, message: v.error, title: 'parindex', style: 'Stop' };
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.exec(
      'select',
      async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      },
      sheet,
    ).catch((e: unknown) => {
      if (e instanceof ExcelPortError) throw new ExcelPortError({ ...e.info, cell });
      throw e;
    });
  }
}


interface Bounds {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function parseBounds(a: string, b: string | undefined): Bounds | undefined {
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  if (!p || !q) return undefined;
  return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

function parseCell(s: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(s.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
