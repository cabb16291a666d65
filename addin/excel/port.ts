/**
 * Office.js implementation of the WorkbookPort (engine/workbook/port.ts). The only code that
 * touches Excel.*. It is held to what Microsoft documents for real Excel, Excel on the web being
 * the strictest host (test/addin/excel-double.ts is a double that enforces the same):
 *
 * **Sizes.** Every request and every response is planned under 4 MB of UTF-8 JSON (the web refuses
 * 5 MB), no read of cell data covers more than 5,000,000 cells, and merged areas are asked for in
 * bands of at most 1,024 cells (`getMergedAreasOrNullObject` fails above 512 areas). A read loads,
 * per sheet, only the used range, in row blocks sized by the bytes per cell the port measured on
 * the sheet's last read (a cautious default before that); a response Excel still refuses as too
 * large is retried in smaller blocks. A write counts what it queues — values and formats as UTF-8
 * JSON, each queued action at a fixed estimate — and syncs when the next one would pass the budget.
 *
 * **Syncs.** A full recompute on an opened workbook is list + read + write = 3 syncs whenever the
 * data fits those budgets: the read plans its blocks from the used range it saw last time and
 * checks it in the same sync (a sheet that grew costs one more sync for the new part); a sheet
 * the port has never read costs one sync to learn its size first. Hidden rows are found in that
 * same sync for the first HEAD_ROWS rows (titles, the hidden key row) and, below, by splitting the
 * rows in up to HIDDEN_FANOUT blocks per sync: a hidden row deep down costs a sync or two, never
 * one request per row.
 *
 * **Writes** (the rule of `WorkbookPort.write`). A sheet that the preceding `read` loaded (an input
 * sheet such as "Kê khai" with its computed `out_` columns), unprotected when read, rendered
 * without charts or conditional formats, is updated in place: only cells whose value differs from
 * what was read are sent, in rectangular blocks, number formats only where they change; styles and
 * validations apply to the ranges they name only; widths only right of the content read. When that
 * read is older than `verifyAfterMs`, the write first re-reads the rows' key cells (the first
 * constant cells of each row it patches) and writes nothing if the user sorted, inserted or deleted
 * rows meanwhile (`excel.stale`). Every other sheet the software owns is **cleared and rewritten in
 * place** — never deleted and re-created — so user formulas, charts, names and validations that
 * point at it keep working, a VeryHidden list sheet (`_lists_*`) is never deleted (Excel refuses
 * to), and its position stays. Sheet names compare case-insensitively, as in Excel. Long dropdown
 * lists go to their list sheet before the rules that point at them.
 *
 * **Strings are written as text**, never as formulas or numbers: Office.js parses a string as if
 * typed, so into a General cell a string that could be read as a formula, number, date, boolean
 * or error gets a leading apostrophe (Excel stores the text without it); into a cell formatted as
 * Text ("@") the raw string goes, since Excel keeps an apostrophe there literally.
 *
 * After writing with calculation suspended (`suspendApiCalculationUntilNextSync`), the last sync
 * recalculates, so formulas that depend on what was written are current.
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
import { a1, columnName, eachPresent, parseA1, rangeA1, pushAll, maxOf, widestRow } from '../../engine';
import { isDateFormat, serialToIso } from '../../engine';
import { type Capabilities, type Feature, type SetCheck, FEATURE_SETS, detectCapabilities, officeSetCheck } from './capabilities';
import { ExcelPortError, officeCodeOf, toPortError } from './errors';
import { LIMITS, MB, type Rect, cellBands, colsWithin, jsonBytes, rowsWithin, splitRows, subtractRect } from './budget';

export { MB, jsonBytes };

/** Runs a batch against the workbook (Excel.run in Office; a double in tests). */
export type ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeJsPortOptions {
  run?: ExcelRunner;
  isSetSupported?: SetCheck;
  /** Largest JSON payload (UTF-8 bytes) of one range assignment. Default 1 MB. */
  rangeBudgetBytes?: number;
  /** Request payload (UTF-8 bytes) after which a batch syncs. Default 4 MB (Excel on the web refuses 5 MB). */
  syncBudgetBytes?: number;
  /** Response payload (UTF-8 bytes) one read sync may bring back. Default 4 MB (Excel on the web refuses 5 MB). */
  responseBudgetBytes?: number;
  /** Cells one read of cell data may cover. Default 5,000,000 (Excel's limit). */
  maxCellsPerRead?: number;
  /** Merged areas one `getMergedAreasOrNullObject` may return. Default 512 (Excel's limit). */
  maxMergedAreas?: number;
  /** An in-place write re-checks the rows it patches when the read behind it is older than this. Default 5 s. */
  verifyAfterMs?: number;
  /** Clock (tests). */
  now?: () => number;
}

/** A feature skipped because the running Excel lacks its requirement set. */
export interface PortNotice {
  code: 'excel.featureMissing';
  feature: Feature;
  version: string;
  sheet: string;
}

/**
 * Estimated request bytes of one queued action beside its argument (action id and name, the
 * object path it acts on). Getting a range, loading, setting a property and calling a method each
 * count once.
 */
export const ACTION_BYTES = 128;
/** Kept for callers of the earlier name: one range action (getting the range and acting on it). */
export const OP_BYTES = 2 * ACTION_BYTES;

/** Rows at the top of a sheet whose visibility is read one by one in the first read sync. */
export const HEAD_ROWS = 30;
/** Blocks per level of the hidden-row search below HEAD_ROWS. */
export const HIDDEN_FANOUT = 256;
/**
 * Bytes per cell a read assumes for a sheet it has never read (values, formulas, number format
 * and value type of a cell together); replaced by the measured figure after the first block.
 */
export const DEFAULT_BYTES_PER_CELL = 64;

/** Does Office.js need a leading apostrophe to keep this string as text (in a General cell)? */
export function needsTextGuard(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@'#]/.test(s)) return true;
  if (/\d/.test(s)) return true; // numbers, dates, ISO dates and times, fractions, percentages, "1e5"…
  return /^\s*(true|false|đúng|sai)\s*$/i.test(s);
}

/**
 * The value handed to Office.js for one cell. `textCell`: the cell is formatted as Text ("@"),
 * where Excel keeps what it is given — an apostrophe too — so the raw string goes.
 */
export function toExcelValue(v: CellValue | undefined, textCell = false): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return !textCell && needsTextGuard(v) ? `'${v}` : v;
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

/** Excel compares sheet names without regard to case ("xếp hạng" is "Xếp hạng"). */
function nameKey(name: string): string {
  return name.toLowerCase();
}

const CHART_TYPES: Readonly<Record<ChartSpec['type'], string>> = Object.freeze({
  bar: 'BarClustered',
  column: 'ColumnClustered',
  radar: 'Radar',
  line: 'Line',
});

/** The text of a cell of a rendered sheet ("D5" → its value as text; '' when empty). */
function cellText(sheet: RenderedSheet, address: string): string {
  const p = parseA1(address.split(':')[0] ?? '');
  const v = p ? sheet.values[p.row]?.[p.col] : undefined;
  return v === null || v === undefined ? '' : String(v);
}

/** The column header over a one-column range ("O6:O8" → the text of O5), if it is text. */
function headerAbove(sheet: RenderedSheet, range: string): string | undefined {
  const p = parseA1(range.split(':')[0] ?? '');
  if (!p || p.row === 0) return undefined;
  const v = sheet.values[p.row - 1]?.[p.col];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The categories of a chart drawn from its data range: the first column (by columns) or row (by rows) without the header. */
function categoriesOf(ch: ChartSpec): string | undefined {
  const [from, to] = ch.dataRange.split(':');
  const a = parseA1(from ?? '');
  const b = parseA1(to ?? '');
  if (!a || !b) return undefined;
  return ch.seriesBy === 'rows' ? rangeA1(a.row, a.col + 1, a.row, b.col) : rangeA1(a.row + 1, a.col, b.row, a.col);
}

const CF_OPERATORS: Readonly<Record<Exclude<ConditionalFormat['rule'], 'expression'>, string>> = Object.freeze({
  lessThan: 'LessThan',
  greaterThanOrEqual: 'GreaterThanOrEqual',
  between: 'Between',
});

/** Office codes of a read that asked for too much at once: retried in smaller blocks. */
const TOO_LARGE = new Set(['ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit', 'RequestPayloadSizeLimitExceeded']);

interface SheetEntry {
  name: string;
  state: SheetState;
}

/** What a write must know of an existing sheet it clears: protection and the charts on it. */
interface SheetFacts {
  protected: boolean;
  charts: string[];
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
  /** When the read was made (port clock). */
  at: number;
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
  eachPresent(values, (row) => {
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

/**
 * A write batch under a request budget: callers announce the bytes of what they are about to
 * queue; when it would pass the budget the batch syncs first. Each batch runs with calculation
 * suspended (when the Excel has ExcelApi 1.6); the final sync recalculates.
 */
class Flusher {
  queued = 0;
  private open = false;
  private suspendedOnce = false;
  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly budget: number,
    private readonly suspend: boolean,
  ) {}
  private begin(): void {
    if (this.open) return;
    this.open = true;
    if (this.suspend) {
      this.ctx.application.suspendApiCalculationUntilNextSync();
      this.suspendedOnce = true;
      this.queued += ACTION_BYTES;
    }
  }
  /** Before queuing `bytes` more: sync first if they would not fit. */
  async add(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budget) await this.flush();
    this.begin();
    this.queued += bytes;
  }
  async flush(): Promise<void> {
    await this.ctx.sync();
    this.queued = 0;
    this.open = false;
  }
  /** The last sync: what is queued, then a recalculation of what the suspended batches left stale. */
  async finish(): Promise<void> {
    if (this.suspendedOnce) this.ctx.application.calculate('Recalculate');
    await this.ctx.sync();
    this.queued = 0;
    this.open = false;
  }
}

/** One unit of read work, queued into a sync when it fits the budgets. */
type DataWork = { kind: 'data'; key: string; rect: Rect };
type ReadWork =
  | { kind: 'meta'; key: string }
  | { kind: 'facts'; key: string }
  | DataWork
  | { kind: 'merge'; key: string; rect: Rect }
  | { kind: 'hidden'; key: string; row: number; rows: number; col: number };

/** One sheet being read. */
interface SheetRead {
  entry: SheetEntry;
  key: string;
  /** Region whose data and probes were queued before its used range was seen (the last read's). */
  planned: Rect | undefined;
  /** The used range (values only) seen in this read; null when the sheet is empty; undefined before the meta sync. */
  used: Rect | null | undefined;
  bytesPerCell: number;
  visibility: string;
  protected: boolean;
  blocks: { rect: Rect; values: unknown[][]; formulas: unknown[][]; formats: unknown[][]; types: unknown[][] }[];
  hidden: Set<number>;
  merged: Set<string>;
}

export class OfficeJsPort implements WorkbookPort {
  readonly host = 'excel' as const;
  readonly capabilities: Capabilities;
  /** Features skipped in the last write (shown in the pane). */
  notices: PortNotice[] = [];
  private readonly run: ExcelRunner;
  private readonly rangeBudget: number;
  private readonly syncBudget: number;
  private readonly responseBudget: number;
  private readonly maxCells: number;
  private readonly maxMerged: number;
  private readonly verifyAfterMs: number;
  private readonly now: () => number;
  /** Sheets in workbook order as last seen (refreshed by listSheets/read, kept by write). */
  private sheets: SheetEntry[] | undefined;
  /** Sheets as the last `read` saw them; used (then dropped) by the next `write`. By name key. */
  private lastRead = new Map<string, ReadCache>();
  /** Protection and charts of every sheet, as the last read saw them; used (then dropped) by the next write. */
  private facts = new Map<string, SheetFacts>();
  /** A sheet of the write being made asked to lock the workbook's structure (applied when the write ends). */
  private structureLock: { password: string | undefined } | undefined;
  /** Used range and measured bytes per cell of every sheet read so far (plans the next read). By name key. */
  private shapes = new Map<string, { used: Rect | null; bytesPerCell: number }>();

  constructor(options: OfficeJsPortOptions = {}) {
    const check = options.isSetSupported ?? officeSetCheck();
    this.capabilities = detectCapabilities(check);
    const delayForCellEdit = (() => {
      try {
        return check('ExcelApi', '1.11');
      } catch {
        return false;
      }
    })();
    // inside Excel: a batch waits while the user is typing in a cell (ExcelApi 1.11) instead of failing
    this.run = options.run ?? ((batch) => (delayForCellEdit ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch)));
    this.rangeBudget = options.rangeBudgetBytes ?? MB;
    this.syncBudget = options.syncBudgetBytes ?? LIMITS.budgetBytes;
    this.responseBudget = options.responseBudgetBytes ?? LIMITS.budgetBytes;
    this.maxCells = options.maxCellsPerRead ?? LIMITS.cellsPerRead;
    this.maxMerged = options.maxMergedAreas ?? LIMITS.mergedAreas;
    this.verifyAfterMs = options.verifyAfterMs ?? 5000;
    this.now = options.now ?? (() => Date.now());
  }

  private async exec<T>(operation: string, batch: (ctx: Excel.RequestContext) => Promise<T>, sheet?: string, involved: readonly string[] = []): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      this.sheets = undefined; // the workbook may have changed under us
      this.lastRead.clear();
      this.facts.clear();
      this.structureLock = undefined;
      if (e instanceof ExcelPortError) throw e;
      // "access denied" while writing: a protected sheet, or no right to edit? Ask Excel, not its (localised) message.
      if (officeCodeOf(e) === 'AccessDenied' && involved.length > 0) {
        const locked = await this.protectedAmong(involved).catch(() => undefined);
        if (locked) throw toPortError(e, operation, locked, undefined, 'excel.protected');
      }
      throw toPortError(e, operation, sheet);
    }
  }

  /** The first of `names` that is protected now, if any (one small batch). */
  private async protectedAmong(names: readonly string[]): Promise<string | undefined> {
    return this.run(async (ctx) => {
      const wss = ctx.workbook.worksheets;
      wss.load('items/name');
      await ctx.sync();
      const present = wss.items.filter((w) => names.some((n) => nameKey(n) === nameKey(w.name)));
      for (const w of present) w.protection.load('protected');
      await ctx.sync();
      return present.find((w) => w.protection.protected)?.name;
    });
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
      const byKey = new Map(known.map((s) => [nameKey(s.name), s]));
      const reads = new Map<string, SheetRead>();
      for (const n of names) {
        const entry = byKey.get(nameKey(n));
        if (!entry || reads.has(nameKey(entry.name))) continue;
        const shape = this.shapes.get(nameKey(entry.name));
        reads.set(nameKey(entry.name), {
          entry,
          key: nameKey(entry.name),
          planned: shape?.used ?? undefined,
          used: undefined,
          bytesPerCell: shape?.bytesPerCell ?? DEFAULT_BYTES_PER_CELL,
          visibility: 'Visible',
          protected: false,
          blocks: [],
          hidden: new Set(),
          merged: new Set(),
        });
      }
      const work: ReadWork[] = [];
      const facts = new Map<string, SheetFacts>();
      for (const s of known) work.push({ kind: 'facts', key: nameKey(s.name) });
      for (const r of reads.values()) {
        work.push({ kind: 'meta', key: r.key });
        for (let row = 0; row < HEAD_ROWS; row++) work.push({ kind: 'hidden', key: r.key, row, rows: 1, col: 0 });
        // a sheet read before: its last used range is read in this same sync, and checked against the one seen now
        if (r.planned) this.planRegion(work, r, r.planned, HEAD_ROWS);
      }
      await this.runReads(ctx, work, reads, byKey, facts, (r) => {
        // the used range seen now: read what the plan missed (rows added, a column typed further right)
        const used = r.used;
        if (!used) return;
        const missing = r.planned ? subtractRect(used, r.planned) : [used];
        const hiddenFrom = r.planned ? r.planned.row + r.planned.rows : HEAD_ROWS;
        for (const m of missing) this.planRegion(work, r, m, Number.POSITIVE_INFINITY);
        const end = used.row + used.rows;
        if (end > Math.max(hiddenFrom, HEAD_ROWS)) for (const b of splitRows(Math.max(hiddenFrom, HEAD_ROWS), end, HIDDEN_FANOUT)) work.push({ kind: 'hidden', key: r.key, row: b.row, rows: b.rows, col: used.col });
      });
      const at = this.now();
      this.lastRead = new Map();
      this.facts = facts;
      const snaps: SheetSnapshot[] = [];
      for (const r of reads.values()) {
        const cache = this.assemble(r, at);
        this.lastRead.set(r.key, cache);
        snaps.push(cache.snap);
      }
      return snaps;
    });
  }

  /** Queue the data blocks, merged-area probes and (below `hiddenFrom`) hidden-row probes of a region. */
  private planRegion(work: ReadWork[], r: SheetRead, rect: Rect, hiddenFrom: number): void {
    if (rect.rows <= 0 || rect.cols <= 0) return;
    work.push({ kind: 'data', key: r.key, rect });
    // (each sync takes the small items of the whole list before any data)
    if (this.capabilities.mergedAreas) for (const band of cellBands(rect, 2 * this.maxMerged)) work.push({ kind: 'merge', key: r.key, rect: band });
    const end = rect.row + rect.rows;
    if (Number.isFinite(hiddenFrom) && end > hiddenFrom) for (const b of splitRows(Math.max(hiddenFrom, rect.row), end, HIDDEN_FANOUT)) work.push({ kind: 'hidden', key: r.key, row: b.row, rows: b.rows, col: rect.col });
  }

  /**
   * Run read work in syncs under the request and response budgets: in each sync first the small
   * items (sheet facts, used ranges, merged-area and hidden-row probes), then data blocks cut to
   * what still fits, sized by the sheet's bytes per cell (measured after each block). A sync Excel
   * refuses as too large after all is run again with blocks half the size.
   */
  private async runReads(
    ctx: Excel.RequestContext,
    work: ReadWork[],
    reads: Map<string, SheetRead>,
    byKey: Map<string, SheetEntry>,
    facts: Map<string, SheetFacts>,
    onUsed: (r: SheetRead) => void,
  ): Promise<void> {
    let retries = 0;
    while (work.length > 0) {
      let req = 0;
      let res = 0;
      const taken: ReadWork[] = [];
      const done: (() => void)[] = [];
      const later: ReadWork[] = [];
      const sheets = new Map<string, Excel.Worksheet>();
      const sheetOf = (key: string): Excel.Worksheet => {
        let ws = sheets.get(key);
        if (!ws) {
          ws = ctx.workbook.worksheets.getItem(byKey.get(key)?.name ?? key);
          sheets.set(key, ws);
          req += ACTION_BYTES;
        }
        return ws;
      };
      const take = (item: ReadWork, cost: { req: number; res: number }): void => {
        taken.push(item);
        req += cost.req;
        res += cost.res;
        done.push(this.queueRead(ctx, item, reads, facts, sheetOf));
      };
      // small items first, in order, while they fit
      for (const item of work) {
        if (item.kind === 'data') continue;
        const cost = this.readCost(item, reads);
        if (taken.length > 0 && (req + cost.req > this.syncBudget || res + cost.res > this.responseBudget)) later.push(item);
        else take(item, cost);
      }
      // then data, cut to the room left
      const data = work.filter((w): w is DataWork => w.kind === 'data');
      while (data.length > 0) {
        const item = data.shift() as DataWork;
        const cut = req + 2 * ACTION_BYTES > this.syncBudget && taken.length > 0 ? undefined : this.cutData(item, reads, this.responseBudget - res, taken.length === 0);
        if (!cut) {
          later.push(item);
          pushAll(later, data);
          break;
        }
        take(cut.head, { req: 2 * ACTION_BYTES, res: cut.bytes });
        const rest = cut.rest.concat(data);
        data.length = 0;
        pushAll(data, rest);
      }
      work.length = 0;
      pushAll(work, later);
      try {
        await ctx.sync();
      } catch (e) {
        if (!TOO_LARGE.has(officeCodeOf(e)) || retries >= 8) throw e;
        retries++;
        // too large after all: the same work again, in blocks a quarter of the size
        for (const t of taken) {
          const r = t.kind === 'data' ? reads.get(t.key) : undefined;
          if (r) r.bytesPerCell *= 4;
        }
        const again = taken.concat(work);
        work.length = 0;
        pushAll(work, again);
        continue;
      }
      retries = 0;
      const next: ReadWork[] = [];
      for (const d of done) d();
      for (let i = 0; i < taken.length; i++) {
        const t = taken[i];
        const r = t?.kind === 'meta' ? reads.get(t.key) : undefined;
        if (r) onUsed(r);
      }
      // hidden-row blocks that were neither all hidden nor all shown, split at the next level
      pushAll(next, this.mixedHidden.splice(0));
      pushAll(work, next);
    }
  }

  /** Hidden-row probes the last sync found mixed, to run at the next level. */
  private mixedHidden: ReadWork[] = [];

  private readCost(item: ReadWork, reads: Map<string, SheetRead>): { req: number; res: number } {
    switch (item.kind) {
      case 'meta':
        return { req: 8 * ACTION_BYTES, res: 512 };
      case 'facts':
        return { req: 4 * ACTION_BYTES, res: 512 };
      case 'merge':
        return { req: 3 * ACTION_BYTES, res: 256 };
      case 'hidden':
        return { req: 2 * ACTION_BYTES, res: 64 };
      case 'data': {
        const bpc = reads.get(item.key)?.bytesPerCell ?? DEFAULT_BYTES_PER_CELL;
        return { req: 2 * ACTION_BYTES, res: item.rect.rows * item.rect.cols * bpc + 64 };
      }
    }
  }

  /**
   * The first rows of a data item that fit `room` bytes (and the cell limit), and what is left.
   * When not even one row fits and the sync is still empty (`force`), the first row is cut into
   * columns. Undefined when nothing fits now (the next sync takes it).
   */
  private cutData(item: DataWork, reads: Map<string, SheetRead>, room: number, force: boolean): { head: DataWork; rest: DataWork[]; bytes: number } | undefined {
    const bpc = reads.get(item.key)?.bytesPerCell ?? DEFAULT_BYTES_PER_CELL;
    const { rect } = item;
    const rowBytes = rect.cols * bpc;
    const part = (r: Rect): DataWork => ({ kind: 'data', key: item.key, rect: r });
    if (rowBytes + 64 <= room && rect.cols <= this.maxCells) {
      const rows = Math.min(rect.rows, rowsWithin(rect.cols, bpc, room - 64, this.maxCells));
      const rest = rect.rows > rows ? [part({ row: rect.row + rows, col: rect.col, rows: rect.rows - rows, cols: rect.cols })] : [];
      return { head: part({ ...rect, rows }), rest, bytes: rows * rowBytes + 64 };
    }
    if (!force) return undefined;
    // one row is wider than a whole sync: its first columns now, the rest of the row and the other rows after
    const cols = Math.min(rect.cols, colsWithin(bpc, room - 64, this.maxCells));
    const rest: DataWork[] = [];
    if (cols < rect.cols) rest.push(part({ row: rect.row, col: rect.col + cols, rows: 1, cols: rect.cols - cols }));
    if (rect.rows > 1) rest.push(part({ row: rect.row + 1, col: rect.col, rows: rect.rows - 1, cols: rect.cols }));
    return { head: part({ row: rect.row, col: rect.col, rows: 1, cols }), rest, bytes: cols * bpc + 64 };
  }

  /*
   * queueRead and lookBeforeWriting queue loads and return (or store) callbacks that read the
   * loaded values; those callbacks run only after the batch's context.sync() (runReads, flush), which
   * the office-addins rules cannot follow across a closure.
   */
  /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  /** Queue one read item; returns what to do with its results after the sync. */
  private queueRead(ctx: Excel.RequestContext, item: ReadWork, reads: Map<string, SheetRead>, facts: Map<string, SheetFacts>, sheetOf: (key: string) => Excel.Worksheet): () => void {
    const ws = sheetOf(item.key);
    const r = reads.get(item.key);
    switch (item.kind) {
      case 'facts': {
        const charts = ws.charts;
        charts.load('items/name');
        const protection = ws.protection;
        protection.load('protected');
        return () => {
          facts.set(item.key, { protected: Boolean(protection.protected), charts: charts.items.map((c) => c.name) });
        };
      }
      case 'meta': {
        ws.load('name,visibility');
        ws.protection.load('protected');
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        return () => {
          if (!r) return;
          r.visibility = ws.visibility;
          r.protected = Boolean(ws.protection.protected);
          r.entry = { ...r.entry, name: ws.name };
          r.used = used.isNullObject ? null : { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
        };
      }
      case 'data': {
        const range = ws.getRangeByIndexes(item.rect.row, item.rect.col, item.rect.rows, item.rect.cols);
        range.load('values,numberFormat,formulas,valueTypes');
        return () => {
          if (!r) return;
          const block = { rect: item.rect, values: range.values, formulas: range.formulas, formats: range.numberFormat, types: range.valueTypes };
          r.blocks.push(block);
          // measured weight of this sheet's cells: the next blocks are sized by it
          const cells = item.rect.rows * item.rect.cols;
          if (cells >= 64) {
            const bytes = jsonBytes([block.values, block.formulas, block.formats, block.types]);
            r.bytesPerCell = Math.max(8, Math.ceil((bytes / cells) * 1.15));
          }
        };
      }
      case 'merge': {
        const merged = ws.getRangeByIndexes(item.rect.row, item.rect.col, item.rect.rows, item.rect.cols).getMergedAreasOrNullObject();
        merged.load('areas/items/address');
        return () => {
          if (!r || merged.isNullObject) return;
          for (const a of merged.areas.items) r.merged.add(localAddress(a.address));
        };
      }
      case 'hidden': {
        const range = ws.getRangeByIndexes(item.row, item.col, item.rows, 1);
        range.load('rowHidden');
        return () => {
          if (!r) return;
          const h = range.rowHidden;
          if (h === true) for (let i = 0; i < item.rows; i++) r.hidden.add(item.row + i);
          else if (h === null && item.rows > 1) for (const b of splitRows(item.row, item.row + item.rows, HIDDEN_FANOUT)) this.mixedHidden.push({ kind: 'hidden', key: item.key, row: b.row, rows: b.rows, col: item.col });
        };
      }
    }
  }

  /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */

  /** The snapshot (and the write cache) of one sheet from its blocks. */
  private assemble(r: SheetRead, at: number): ReadCache {
    const snap: SheetSnapshot = { name: r.entry.name, values: [], state: sheetState(r.visibility), protected: r.protected };
    const used = r.used ?? null;
    this.shapes.set(r.key, { used, bytesPerCell: r.bytesPerCell });
    const lastUsedRow = used ? used.row + used.rows : 0;
    const hidden = [...r.hidden].filter((row) => row < Math.max(lastUsedRow, 1)).sort((a, b) => a - b).map((x) => x + 1);
    if (hidden.length) snap.hiddenRows = hidden;
    if (r.merged.size) snap.merged = [...r.merged];
    if (!used) return { snap, r0: 0, c0: 0, values: [], formulas: [], formats: [], types: [], at };
    const grid = (fill: unknown): unknown[][] => Array.from({ length: used.rows }, () => new Array<unknown>(used.cols).fill(fill));
    const values = grid('');
    const formulas = grid('');
    const formats = grid('General');
    const types = grid('Empty');
    for (const b of r.blocks) {
      for (let i = 0; i < b.rect.rows; i++) {
        const gr = b.rect.row + i - used.row;
        if (gr < 0 || gr >= used.rows) continue;
        for (let j = 0; j < b.rect.cols; j++) {
          const gc = b.rect.col + j - used.col;
          if (gc < 0 || gc >= used.cols) continue;
          (values[gr] as unknown[])[gc] = b.values[i]?.[j];
          (formulas[gr] as unknown[])[gc] = b.formulas[i]?.[j];
          (formats[gr] as unknown[])[gc] = b.formats[i]?.[j];
          (types[gr] as unknown[])[gc] = b.types[i]?.[j];
        }
      }
    }
    this.fillSnapshot(snap, used.row, used.col, values, formulas, formats, types);
    return { snap, r0: used.row, c0: used.col, values, formulas, formats, types, at };
  }

  private fillSnapshot(snap: SheetSnapshot, r0: number, c0: number, rawValues: unknown[][], rawFormulas: unknown[][], rawFormats: unknown[][], rawTypes: unknown[][]): void {
    const formats: Record<string, string> = {};
    const errors: Record<string, string> = {};
    const formulas: Record<string, string> = {};
    const dates: Record<string, true> = {};
    const values: CellValue[][] = [];
    // rows above the used range are absent (holes), as the exceljs port leaves empty rows out
    let last = -1;
    for (let i = 0; i < rawValues.length; i++) {
      const row: CellValue[] = [];
      for (let j = 0; j < c0; j++) row.push(null);
      const width = rawValues[i]?.length ?? 0;
      for (let j = 0; j < width; j++) {
        const addr = a1(r0 + i, c0 + j);
        const raw: unknown = rawValues[i]?.[j];
        const fmt: unknown = rawFormats[i]?.[j];
        const type: unknown = rawTypes[i]?.[j];
        const formula: unknown = rawFormulas[i]?.[j];
        let v: CellValue = raw === '' || raw === undefined ? null : typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : String(raw);
        if (type === 'Error') {
          if (typeof raw === 'string') errors[addr] = raw;
          v = null;
          last = r0 + i; // a row holding an error is kept, so that readers report it
        }
        if (typeof fmt === 'string' && fmt !== '' && fmt !== 'General') {
          formats[addr] = fmt;
          // a date with its time of day ("2026-11-18T09:00": a submission time) as the exceljs port reads it
          const iso = typeof v === 'number' && isDateFormat(fmt) ? serialToIso(v) : undefined;
          // a number that is no calendar day stays a number (nothing is lost)
          if (iso !== undefined) {
            v = iso;
            dates[addr] = true;
          }
        }
        if (typeof formula === 'string' && formula.startsWith('=') && formula.length > 1 && (type !== 'String' || raw !== formula)) formulas[addr] = formula.slice(1);
        row.push(v);
      }
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      if (row.length > 0) last = Math.max(last, r0 + i);
      values[r0 + i] = row;
    }
    values.length = last + 1; // trailing empty rows are left out
    snap.values = values;
    if (Object.keys(formats).length) snap.formats = formats;
    if (Object.keys(errors).length) snap.errors = errors;
    if (Object.keys(formulas).length) snap.formulas = formulas;
    if (Object.keys(dates).length) snap.dates = dates;
  }

  async write(sheets: readonly RenderedSheet[], options: WriteOptions = {}): Promise<void> {
    this.notices = [];
    const names = sheets.map((s) => s.name).join(', ');
    const involved = [...sheets.map((s) => s.name), ...sheets.map((s) => listSheetName(s.name))];
    await this.exec(
      'write',
      async (ctx) => {
        const known = this.sheets ?? (await this.loadSheetList(ctx));
        const order = known.map((s) => ({ ...s }));
        const cache = this.lastRead;
        this.lastRead = new Map();
        const facts = this.facts;
        this.facts = new Map();
        const find = (name: string): SheetEntry | undefined => order.find((s) => nameKey(s.name) === nameKey(name));

        // what each sheet becomes: patched in place (read just before) or cleared and rewritten
        const plans = sheets.map((sheet) => {
          const seen = cache.get(nameKey(sheet.name));
          const patch = seen && find(sheet.name) && this.canPatch(seen, sheet) ? seen : undefined;
          return { sheet, seen: patch, diff: patch ? this.diffPatch(sheet, patch) : undefined };
        });
        // long dropdown lists: their list sheets are written before the rules that point at them
        const lists = new Map<string, { columns: string[][]; protection: RenderedSheet['protection'] }>();
        const sources = new Map<Validation, string>();
        for (const { sheet } of plans) {
          if (!(sheet.validations ?? []).length || !this.capabilities.validation) continue;
          for (const v of sheet.validations ?? []) {
            if (v.type !== 'list') continue;
            const inline = v.values.join(',');
            if (inline.length <= 250 && !v.values.some((x) => x.includes(','))) {
              sources.set(v, inline);
              continue;
            }
            const ls = listSheetName(sheet.name);
            const entry = lists.get(ls) ?? { columns: [], protection: sheet.protection };
            lists.set(ls, entry);
            const col = entry.columns.length;
            entry.columns.push(v.values);
            sources.set(v, `=${quoteSheet(ls)}!$${columnName(col)}$1:$${columnName(col)}$${Math.max(1, v.values.length)}`);
          }
        }

        // one look before writing, when needed: facts of sheets to clear that the last read did not see,
        // and the key cells of rows to patch when that read is old
        const toClear = [...plans.filter((p) => !p.seen).map((p) => p.sheet.name), ...lists.keys()].filter((n) => find(n) && !facts.has(nameKey(n)));
        const checks = plans.filter((p) => p.seen && p.diff && this.now() - p.seen.at > this.verifyAfterMs);
        if (toClear.length > 0 || checks.length > 0) await this.lookBeforeWriting(ctx, toClear, facts, checks.map((p) => ({ sheet: p.sheet.name, seen: p.seen as ReadCache, anchors: (p.diff as PatchDiff).anchors })));

        const flusher = new Flusher(ctx, this.syncBudget, this.capabilities.suspendCalculation);
        // a sheet of this write locks the workbook's structure: open it while sheets are added, renamed or hidden (locked again below)
        const lock = sheets.find((x) => x.protection?.structure)?.protection;
        if (lock && this.capabilities.protectionPassword) {
          await flusher.add(2 * ACTION_BYTES + jsonBytes(lock.password ?? ''));
          ctx.workbook.protection.unprotect(lock.password);
        }
        for (const [name, list] of lists) {
          const ws = await this.ownedSheet(ctx, name, order, facts, flusher, find, list.protection?.password);
          const rows = maxOf(list.columns.map((l) => l.length), 0);
          const grid = Array.from({ length: rows }, (_, i) => list.columns.map((l) => toExcelValue(l[i] ?? null)));
          await this.writeGrid(ws, grid, 0, 0, flusher);
          await flusher.add(3 * ACTION_BYTES + 16);
          ws.visibility = 'VeryHidden';
          // protected like the sheet it serves (as the exceljs port does)
          if (list.protection && !this.missing('protection', name)) {
            const opts: Excel.WorksheetProtectionOptions = { allowFormatColumns: false, allowFormatCells: false, allowInsertRows: false, allowDeleteRows: false, allowSort: false, allowAutoFilter: false };
            if (list.protection.password !== undefined && !this.missing('protectionPassword', name)) ws.protection.protect(opts, list.protection.password);
            else ws.protection.protect(opts);
          }
          const entry = find(name);
          if (entry) entry.state = 'veryHidden';
        }
        let done = 0;
        for (const p of plans) {
          if (p.seen && p.diff) await this.patchSheet(ctx, p.sheet, p.seen, p.diff, order, flusher, sources);
          else await this.writeSheet(ctx, p.sheet, order, facts, flusher, sources, find);
          done++;
          options.onProgress?.((done / Math.max(1, sheets.length)) * 0.95);
        }
        if (this.structureLock) {
          await flusher.add(2 * ACTION_BYTES + jsonBytes(this.structureLock.password ?? ''));
          ctx.workbook.protection.protect(this.structureLock.password);
          this.structureLock = undefined;
        }
        await flusher.finish();
        this.sheets = order;
        options.onProgress?.(1);
      },
      sheets.length === 1 ? names : names || undefined,
      involved,
    );
  }

  /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read -- callbacks run after flush() syncs (see queueRead); `ws.charts` and `ws.protection` are loaded right there */
  /** Facts of sheets to clear, and the key cells of rows to patch, in one sync (more only when large). */
  private async lookBeforeWriting(
    ctx: Excel.RequestContext,
    toClear: readonly string[],
    facts: Map<string, SheetFacts>,
    checks: readonly { sheet: string; seen: ReadCache; anchors: Anchor[] }[],
  ): Promise<void> {
    const pending: (() => void)[] = [];
    for (const name of toClear) {
      const ws = ctx.workbook.worksheets.getItem(name);
      const charts = ws.charts;
      charts.load('items/name');
      ws.protection.load('protected');
      pending.push(() => facts.set(nameKey(name), { protected: Boolean(ws.protection.protected), charts: charts.items.map((c) => c.name) }));
    }
    let res = toClear.length * 512;
    let req = toClear.length * 4 * ACTION_BYTES;
    const flush = async (): Promise<void> => {
      await ctx.sync();
      for (const f of pending.splice(0)) f();
      res = 0;
      req = 0;
    };
    for (const check of checks) {
      const ws = ctx.workbook.worksheets.getItem(check.sheet);
      // rows of anchors, in bands under the response budget
      const rows = [...new Set(check.anchors.map((a) => a.row))].sort((a, b) => a - b);
      const cols = check.anchors.reduce((m, a) => Math.max(m, a.col), 0) + 1;
      const c0 = check.seen.c0;
      const width = Math.max(1, cols - c0);
      const bpc = 48;
      let i = 0;
      while (i < rows.length) {
        const first = rows[i] as number;
        let last = first;
        while (i + 1 < rows.length && ((rows[i + 1] as number) - first + 1) * width * bpc < this.responseBudget / 2) last = rows[++i] as number;
        i++;
        const bytes = (last - first + 1) * width * bpc;
        if (res + bytes > this.responseBudget || req + 2 * ACTION_BYTES > this.syncBudget) await flush();
        const range = ws.getRangeByIndexes(first, c0, last - first + 1, width);
        range.load('values');
        res += bytes;
        req += 2 * ACTION_BYTES;
        const band = check.anchors.filter((a) => a.row >= first && a.row <= last);
        pending.push(() => {
          for (const a of band) {
            const now: unknown = range.values[a.row - first]?.[a.col - c0];
            if (!sameValue(now, a.value)) {
              throw new ExcelPortError({
                code: 'excel.stale',
                operation: 'write',
                sheet: check.sheet,
                cell: a1(a.row, a.col),
                detail: `${a1(a.row, a.col)} holds ${JSON.stringify(now ?? '')} where the read saw ${JSON.stringify(a.value)}`,
              });
            }
          }
        });
      }
    }
    if (pending.length > 0) await flush();
  }

  /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read */

  private missing(feature: Feature, sheet: string): boolean {
    if (this.capabilities[feature]) return false;
    const version = FEATURE_SETS[feature];
    if (!this.notices.some((n) => n.feature === feature && n.sheet === sheet)) this.notices.push({ code: 'excel.featureMissing', feature, version, sheet });
    return true;
  }

  /**
   * The sheet `name` ready to be written from scratch: an existing one (any case of its name) is
   * cleared in place — contents, formats, validations, conditional formats, merges, charts, hidden
   * rows and columns, widths, panes, tab colour, protection — keeping its position and whatever
   * points at it; a missing one is added at the end.
   */
  private async ownedSheet(ctx: Excel.RequestContext, name: string, order: SheetEntry[], facts: Map<string, SheetFacts>, flusher: Flusher, find: (n: string) => SheetEntry | undefined, password?: string): Promise<Excel.Worksheet> {
    const wss = ctx.workbook.worksheets;
    const entry = find(name);
    if (!entry) {
      await flusher.add(2 * ACTION_BYTES + jsonBytes(name));
      order.push({ name, state: 'visible' });
      return wss.add(name);
    }
    const fact = facts.get(nameKey(name)) ?? { protected: false, charts: [] };
    await flusher.add((14 + fact.charts.length * 2) * ACTION_BYTES + jsonBytes(fact.charts) + jsonBytes(name));
    const ws = wss.getItem(entry.name);
    if (fact.protected) ws.protection.unprotect(password);
    for (const chart of fact.charts) ws.charts.getItem(chart).delete();
    const whole = ws.getRange();
    whole.unmerge();
    whole.clear('All');
    whole.dataValidation.clear();
    if (this.capabilities.conditionalFormats) whole.conditionalFormats.clearAll();
    whole.rowHidden = false;
    whole.columnHidden = false;
    whole.format.useStandardWidth = true;
    whole.format.useStandardHeight = true;
    if (this.capabilities.freeze) ws.freezePanes.unfreeze();
    if (this.capabilities.tabColor) ws.tabColor = '';
    if (entry.name !== name) {
      ws.name = name; // the software's spelling ("Xếp hạng"); Excel updates references on rename
      entry.name = name;
    }
    return ws;
  }

  private canPatch(seen: ReadCache, sheet: RenderedSheet): boolean {
    return !seen.snap.protected && !(sheet.charts ?? []).length && !(sheet.conditionalFormats ?? []).length;
  }

  /** Write a grid of Office values from (r0, c0) in row blocks under the range budget. */
  private async writeGrid(ws: Excel.Worksheet, grid: (string | number | boolean)[][], r0: number, c0: number, flusher: Flusher): Promise<void> {
    const width = widestRow(grid);
    let r = 0;
    while (r < grid.length && width > 0) {
      const block: (string | number | boolean)[][] = [];
      let bytes = 2;
      while (r < grid.length) {
        const src = grid[r] ?? [];
        // every row as wide as the range: Excel refuses a ragged array
        const row = src.length >= width ? src : [...src, ...Array.from({ length: width - src.length }, () => '')];
        const rowBytes = jsonBytes(row) + 1;
        if (block.length > 0 && bytes + rowBytes > this.rangeBudget) break;
        block.push(row);
        bytes += rowBytes;
        r++;
      }
      await flusher.add(bytes + 2 * ACTION_BYTES);
      ws.getRangeByIndexes(r0 + r - block.length, c0, block.length, width).values = block;
    }
  }

  private async writeSheet(ctx: Excel.RequestContext, sheet: RenderedSheet, order: SheetEntry[], facts: Map<string, SheetFacts>, flusher: Flusher, sources: Map<Validation, string>, find: (n: string) => SheetEntry | undefined): Promise<void> {
    const ws = await this.ownedSheet(ctx, sheet.name, order, facts, flusher, find, sheet.protection?.password);
    const width = widestRow(sheet.values);
    // values into General cells (the sheet was just cleared), then the formats
    // Array.from, not map: rows the engine left absent (sparse sheets) become blank rows, not holes
    const grid = Array.from(sheet.values, (src) => Array.from({ length: width }, (_, c) => toExcelValue(src?.[c])));
    await this.writeGrid(ws, grid, 0, 0, flusher);
    // formulas (the only cells written as formulas), then styles, one font family, row heights
    // Office.js takes formulas as typed, without the file's "_xlfn." prefixes
    for (const [addr, formula] of Object.entries(sheet.formulas ?? {})) ws.getRange(addr).formulas = [[`=${formula.replace(/^=/, '').replace(/_xlfn\./g, '')}`]];
    if (sheet.formulas) await flusher.add(Object.values(sheet.formulas).reduce((n, f) => n + f.length + ACTION_BYTES, 0));
    for (const { range, style } of sheet.styles ?? []) await this.applyStyle(ws, range, style, flusher, true);
    if (sheet.font && width > 0) ws.getRangeByIndexes(0, 0, Math.max(1, sheet.values.length), Math.max(width, sheet.columnWidths?.length ?? 0)).format.font.name = sheet.font.name;
    for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) ws.getRange(`${row}:${row}`).format.rowHeight = height;
    if (sheet.font || sheet.rowHeights) await flusher.add((Object.keys(sheet.rowHeights ?? {}).length + 1) * ACTION_BYTES);
    await this.decorate(ws, sheet, order, flusher, sources);
  }

  /**
   * What an in-place update changes: blocks of changed cells (unchanged plain cells between two
   * changes are resent when that is cheaper than one more range), and the key cells of the rows
   * it writes (the first constant cells of each row that the update leaves alone), to check
   * against the workbook before writing when the read is old.
   */
  private diffPatch(sheet: RenderedSheet, seen: ReadCache): PatchDiff {
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
    const cellBytes = (r: number, c: number): number => jsonBytes(toExcelValue(want(r, c))) + 1;
    const seenWidth = widestRow(seen.values);
    const height = Math.max(sheet.values.length, seen.values.length ? seen.r0 + seen.values.length : 0);
    const width = Math.max(widestRow(sheet.values), seenWidth ? seen.c0 + seenWidth : 0);
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
    // key cells: per written row, the first constant cells (up to two) among the first columns read that stay as they are
    const anchors: Anchor[] = [];
    const rowsWritten = new Set<number>();
    for (const b of blocks) for (let r = b.r0; r <= b.r1; r++) rowsWritten.add(r);
    const keyCols = Math.min(seenWidth, 4);
    for (const r of rowsWritten) {
      if (r < seen.r0 || r >= seen.r0 + seen.values.length) continue;
      let n = 0;
      for (let c = seen.c0; c < seen.c0 + keyCols && n < 2; c++) {
        const v = raw(r, c);
        if (v === '' || isFormula(r, c) || at(seen.types, r, c) === 'Error' || changed(r, c)) continue;
        anchors.push({ row: r, col: c, value: v });
        n++;
      }
    }
    return { blocks, anchors };
  }

  /**
   * Update a sheet the last read saw, in place: number formats that change, then only the cells
   * whose value differs from what was read, then the rest of the sheet's layout. Formulas and user
   * cells whose value is unchanged are not touched.
   */
  private async patchSheet(ctx: Excel.RequestContext, sheet: RenderedSheet, seen: ReadCache, diff: PatchDiff, order: SheetEntry[], flusher: Flusher, sources: Map<Validation, string>): Promise<void> {
    const entry = order.find((s) => nameKey(s.name) === nameKey(sheet.name));
    const ws = ctx.workbook.worksheets.getItem(entry?.name ?? sheet.name);
    const at = (grid: unknown[][], r: number, c: number): unknown => grid[r - seen.r0]?.[c - seen.c0];
    const want = (r: number, c: number): CellValue => sheet.values[r]?.[c] ?? null;
    const { blocks } = diff;

    // 1. number formats that change (before the values, so a number never lands in a text cell)
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
      await flusher.add(2 * ACTION_BYTES + jsonBytes(range) + jsonBytes(style.numFmt));
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
    const numberInText = new Set(textCells.map(([r, c]) => `${r}:${c}`));
    for (const [r, c] of textCells) {
      await flusher.add(2 * ACTION_BYTES + 16);
      setForAllCells(ws.getRangeByIndexes(r, c, 1, 1), 'numberFormat', 'General');
    }

    // 2. the changed values, each block split into row chunks under the range budget; a string into a
    // Text cell goes raw (Excel keeps it as it is), into any other cell with the text guard
    for (const b of blocks) {
      let r = b.r0;
      while (r <= b.r1) {
        const chunk: (string | number | boolean)[][] = [];
        let bytes = 2;
        while (r <= b.r1) {
          const row: (string | number | boolean)[] = [];
          for (let c = b.c0; c <= b.c1; c++) row.push(toExcelValue(want(r, c), fmtNow(r, c) === '@' && !numberInText.has(`${r}:${c}`)));
          const rowBytes = jsonBytes(row) + 1;
          if (chunk.length > 0 && bytes + rowBytes > this.rangeBudget) break;
          chunk.push(row);
          bytes += rowBytes;
          r++;
        }
        await flusher.add(bytes + 2 * ACTION_BYTES);
        ws.getRangeByIndexes(r - chunk.length, b.c0, chunk.length, b.c1 - b.c0 + 1).values = chunk;
      }
    }
    for (const [r, c] of textCells) {
      await flusher.add(2 * ACTION_BYTES + 8);
      setForAllCells(ws.getRangeByIndexes(r, c, 1, 1), 'numberFormat', '@');
    }

    // 3. the rest of the layout
    for (const { range, style } of sheet.styles ?? []) await this.applyStyle(ws, range, style, flusher, false);
    const keepHidden = new Set(sheet.hiddenRows ?? []);
    const show = (seen.snap.hiddenRows ?? []).filter((row) => !keepHidden.has(row));
    await flusher.add(show.length * 2 * ACTION_BYTES);
    for (const row of show) ws.getRange(`${row}:${row}`).rowHidden = false;
    // the user's layout stays: widths of the columns that held content when read, frozen panes, state (unless given)
    const merged = new Set(seen.snap.merged ?? []);
    await this.decorate(ws, { ...sheet, merges: (sheet.merges ?? []).filter((m) => !merged.has(m)) }, order, flusher, sources, { widthsFrom: contentWidth(seen.snap.values), keepPanes: true });
  }

  /**
   * One native chart, as the file writer draws it (engine/workbook/charts), with the chart series
   * API (ExcelApi 1.7): the spec's explicit series — the first replaces what the chart was made
   * from, the others are added — each named from its cell, with its values and categories; the
   * target line (`target.range`) as a dashed red line series in a combo; an interval
   * (`errorBars`) as its bounds (`low`, `high`), two dotted grey lines: Office.js can turn error bars
   * on (ExcelApi 1.9) but cannot set their custom amounts, so the bounds show the same range. Without
   * ExcelApi 1.7 the chart is drawn from `dataRange` alone and a notice says what is missing.
   */
  private drawChart(ws: Excel.Worksheet, sheet: RenderedSheet, ch: ChartSpec): void {
    const explicit = ch.series ?? [];
    const bounds = ch.errorBars?.low !== undefined && ch.errorBars.high !== undefined ? { low: ch.errorBars.low, high: ch.errorBars.high } : undefined;
    const combo = ch.type === 'column' || ch.type === 'line';
    const wants = explicit.length > 0 || (combo && (ch.target?.range !== undefined || bounds !== undefined));
    const own = wants && !this.missing('chartSeries', sheet.name);
    const first = own ? explicit[0] : undefined;
    const chart = ws.charts.add(CHART_TYPES[ch.type] as Excel.ChartType, ws.getRange(first ? first.values : ch.dataRange), ch.seriesBy === 'rows' ? 'Rows' : 'Columns');
    chart.title.text = ch.title;
    chart.setPosition(ch.anchor);
    if (ch.width !== undefined) chart.width = ch.width;
    if (ch.height !== undefined) chart.height = ch.height;
    if (!own) return;
    const categories = ch.categories ?? categoriesOf(ch);
    explicit.forEach((spec, i) => {
      const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(cellText(sheet, spec.name));
      if (i === 0) series.name = cellText(sheet, spec.name);
      series.setValues(ws.getRange(spec.values));
      if (categories) series.setXAxisValues(ws.getRange(categories));
    });
    if (!combo) return;
    const line = (name: string, values: string, color: string, style: Excel.ChartSeries['format']['line']['lineStyle']): void => {
      const series = chart.series.add(name);
      series.chartType = 'Line';
      series.setValues(ws.getRange(values));
      if (categories) series.setXAxisValues(ws.getRange(categories));
      series.format.line.color = color;
      series.format.line.lineStyle = style;
    };
    if (ch.target?.range !== undefined) line(ch.target.label, ch.target.range, '#C00000', 'Dash');
    if (bounds) {
      line(headerAbove(sheet, bounds.low) ?? '−', bounds.low, '#7F7F7F', 'Dot');
      line(headerAbove(sheet, bounds.high) ?? '+', bounds.high, '#7F7F7F', 'Dot');
    }
  }

  /**
   * Everything of a sheet besides its values and number formats: widths, hidden rows, merges, freeze, rules, charts, page, state, protection.
   * In place, widths apply only from column `widthsFrom` on and the panes are the user's.
   */
  private async decorate(ws: Excel.Worksheet, sheet: RenderedSheet, order: SheetEntry[], flusher: Flusher, sources: Map<Validation, string>, inPlace?: { widthsFrom: number; keepPanes: boolean }): Promise<void> {
    const widthsFrom = inPlace?.widthsFrom ?? 0;
    const widths = (sheet.columnWidths ?? []).slice(widthsFrom);
    await flusher.add(widths.length * (2 * ACTION_BYTES + 16));
    widths.forEach((w, j) => {
      // characters → points (≈ 7 px per character + 5 px padding; 0.75 pt per px)
      const col = columnName(widthsFrom + j);
      ws.getRange(`${col}:${col}`).format.columnWidth = Math.round((w * 7 + 5) * 0.75 * 100) / 100;
    });
    await flusher.add(((sheet.hiddenRows ?? []).length + (sheet.hiddenColumns ?? []).length + (sheet.merges ?? []).length) * (2 * ACTION_BYTES + 16));
    for (const row of sheet.hiddenRows ?? []) ws.getRange(`${row}:${row}`).rowHidden = true;
    for (const col of sheet.hiddenColumns ?? []) ws.getRange(`${columnName(col - 1)}:${columnName(col - 1)}`).columnHidden = true;
    for (const m of sheet.merges ?? []) ws.getRange(m).merge(false);
    if (!inPlace?.keepPanes && sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) && !this.missing('freeze', sheet.name)) {
      await flusher.add(2 * ACTION_BYTES + 16);
      if (sheet.freeze.columns === 0) ws.freezePanes.freezeRows(sheet.freeze.rows);
      else if (sheet.freeze.rows === 0) ws.freezePanes.freezeColumns(sheet.freeze.columns);
      else ws.freezePanes.freezeAt(ws.getRange(rangeA1(0, 0, sheet.freeze.rows - 1, sheet.freeze.columns - 1)));
    }
    if ((sheet.conditionalFormats ?? []).length > 0 && !this.missing('conditionalFormats', sheet.name)) {
      for (const cf of sheet.conditionalFormats ?? []) {
        await flusher.add(6 * ACTION_BYTES + 96);
        if (cf.rule === 'expression') {
          const custom = ws.getRange(cf.range).conditionalFormats.add('Custom');
          custom.custom.rule.formula = `=${cf.formula.replace(/^=/, '')}`;
          custom.custom.format.fill.color = hexColor(cf.fill);
          if (cf.fontColor) custom.custom.format.font.color = hexColor(cf.fontColor);
          continue;
        }
        const added = ws.getRange(cf.range).conditionalFormats.add('CellValue');
        added.cellValue.format.fill.color = hexColor(cf.fill);
        if (cf.fontColor) added.cellValue.format.font.color = hexColor(cf.fontColor);
        const rule: Excel.ConditionalCellValueRule = { formula1: String(cf.value), operator: CF_OPERATORS[cf.rule] as Excel.ConditionalCellValueOperator };
        if (cf.rule === 'between') rule.formula2 = String(cf.value2 ?? cf.value);
        added.cellValue.rule = rule;
      }
    }
    if ((sheet.validations ?? []).length > 0 && !this.missing('validation', sheet.name)) {
      for (const v of sheet.validations ?? []) {
        const source = sources.get(v) ?? (v.type === 'list' ? v.values.join(',') : '');
        await flusher.add(6 * ACTION_BYTES + jsonBytes(source) + jsonBytes(v.prompt ?? '') + jsonBytes(v.error ?? '') + 64);
        this.applyValidation(ws, v, source);
      }
    }
    if ((sheet.charts ?? []).length > 0 && !this.missing('charts', sheet.name)) {
      for (const ch of sheet.charts ?? []) {
        await flusher.add((8 + 6 * ((ch.series ?? []).length + 3)) * ACTION_BYTES + jsonBytes(ch));
        this.drawChart(ws, sheet, ch);
      }
    }
    await flusher.add(6 * ACTION_BYTES + jsonBytes(sheet.marker) + jsonBytes(sheet.printArea ?? '') + 32);
    if (sheet.printArea && !this.missing('printArea', sheet.name)) ws.pageLayout.setPrintArea(sheet.printArea);
    if (sheet.page && !this.missing('printArea', sheet.name)) this.applyPage(ws, sheet);
    if (sheet.markerCell) ws.getRange(sheet.markerCell).values = [[sheet.marker]];
    else if (!this.missing('footerMarker', sheet.name)) ws.pageLayout.headersFooters.defaultForAllPages.leftFooter = sheet.marker;
    if (sheet.tabColor && !this.missing('tabColor', sheet.name)) ws.tabColor = hexColor(sheet.tabColor);
    const entry = order.find((s) => nameKey(s.name) === nameKey(sheet.name));
    if (sheet.state && (sheet.state !== 'visible' || inPlace || entry?.state !== 'visible')) {
      ws.visibility = excelVisibility(sheet.state);
      if (entry) entry.state = sheet.state;
    } else if (!inPlace && entry && entry.state !== 'visible') {
      ws.visibility = 'Visible'; // an owned sheet rewritten whole is visible unless the rendered sheet says otherwise
      entry.state = 'visible';
    }
    if (sheet.protection && !this.missing('protection', sheet.name)) {
      const opts: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: sheet.protection.formatRows === true, allowFormatCells: false, allowInsertRows: false, allowDeleteRows: false, allowSort: false, allowAutoFilter: false };
      if (sheet.protection.password !== undefined && !this.missing('protectionPassword', sheet.name)) ws.protection.protect(opts, sheet.protection.password);
      else ws.protection.protect(opts);
      // the workbook's structure (ExcelApi 1.7, as sheet passwords): a hidden sheet cannot be shown.
      // Locked at the end of the write (write()), once every sheet is added, renamed and hidden.
      if (sheet.protection.structure && !this.missing('protectionPassword', sheet.name)) this.structureLock = { password: sheet.protection.password };
    }
  }

  /** Paper, scale, rows repeated on every page, footer and margins of a printed form (ExcelApi 1.9). */
  private applyPage(ws: Excel.Worksheet, sheet: RenderedSheet): void {
    const page = sheet.page;
    if (!page) return;
    const layout = ws.pageLayout;
    layout.paperSize = page.paper === 'A3' ? Excel.PaperType.a3 : Excel.PaperType.a4;
    if (sheet.landscape !== undefined) layout.orientation = sheet.landscape ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
    layout.zoom = page.scale !== undefined ? { scale: page.scale } : { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (page.titleRows) layout.setPrintTitleRows(`$${page.titleRows[0]}:$${page.titleRows[1]}`);
    // a new page after each of these rows (a break above the next one)
    for (const r of page.pageBreaks ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
    if (page.margins) {
      // inches → points
      layout.leftMargin = page.margins.left * 72;
      layout.rightMargin = page.margins.right * 72;
      layout.topMargin = page.margins.top * 72;
      layout.bottomMargin = page.margins.bottom * 72;
      layout.headerMargin = page.margins.header * 72;
      layout.footerMargin = page.margins.footer * 72;
    }
    if (page.centerHorizontally) layout.centerHorizontally = true;
    if (page.footer) {
      const all = layout.headersFooters.defaultForAllPages;
      if (page.footer.left !== undefined) all.leftFooter = page.footer.left;
      if (page.footer.center !== undefined) all.centerFooter = page.footer.center;
      if (page.footer.right !== undefined) all.rightFooter = page.footer.right;
    }
  }

  private async applyStyle(ws: Excel.Worksheet, address: string, s: CellStyle, flusher: Flusher, withNumFmt: boolean): Promise<void> {
    let ops = 0;
    const steps: (() => void)[] = [];
    const range = (): Excel.Range => cached ?? (cached = ws.getRange(address));
    let cached: Excel.Range | undefined;
    // `format` is a navigation property written to, never a loaded value read back: nothing to load or sync
    const f = (): Excel.RangeFormat => range().format;
    const step = (run: () => void, n = 1): void => {
      ops += n;
      steps.push(run);
    };
    if (s.bold !== undefined) step(() => (f().font.bold = s.bold as boolean));
    if (s.italic !== undefined) step(() => (f().font.italic = s.italic as boolean));
    if (s.fontSize !== undefined) step(() => (f().font.size = s.fontSize as number));
    if (s.fontColor !== undefined) step(() => (f().font.color = hexColor(s.fontColor as string)));
    if (s.fill !== undefined) step(() => (f().fill.color = hexColor(s.fill as string)));
    if (s.wrap !== undefined) step(() => (f().wrapText = s.wrap as boolean));
    if (s.align !== undefined) step(() => (f().horizontalAlignment = s.align === 'left' ? 'Left' : s.align === 'center' ? 'Center' : 'Right'));
    if (s.align !== undefined || s.wrap !== undefined) step(() => (f().verticalAlignment = 'Top'));
    if (s.border) {
      step(() => {
        for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
          const b = f().borders.getItem(edge);
          b.style = 'Continuous';
          b.color = '#9E9E9E';
        }
      }, 18);
    }
    if (s.locked !== undefined) step(() => (f().protection.locked = s.locked as boolean));
    // one format for the whole range: sent once, never as a per-cell array
    if (s.numFmt !== undefined && withNumFmt) step(() => setForAllCells(range(), 'numberFormat', s.numFmt as string));
    if (ops === 0) return;
    await flusher.add((ops + 1) * ACTION_BYTES + jsonBytes(address) + jsonBytes(s));
    for (const run of steps) run();
  }

  private applyValidation(ws: Excel.Worksheet, v: Validation, source: string): void {
    const dv = ws.getRange(v.range).dataValidation;
    dv.clear();
    let rule: Excel.DataValidationRule;
    switch (v.type) {
      case 'list':
        rule = { list: { inCellDropDown: true, source } };
        break;
      case 'decimal':
        rule = { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
        break;
      case 'whole':
        rule = { wholeNumber: { formula1: v.min, formula2: v.max, operator: 'Between' } };
        break;
      case 'date':
        rule = { date: { formula1: v.min ?? '1900-01-01', formula2: v.max ?? '9999-12-31', operator: 'Between' } };
        break;
      case 'custom':
        rule = { custom: { formula: `=${v.formula.replace(/^=/, '')}` } };
        break;
      case 'any':
        rule = {};
        break;
    }
    if (v.type !== 'any') dv.rule = rule;
    if (v.prompt !== undefined) dv.prompt = { showPrompt: true, message: v.prompt, title: v.promptTitle ?? 'parindex' };
    if (v.error !== undefined) dv.errorAlert = { showAlert: true, message: v.error, title: v.errorTitle ?? 'parindex', style: 'Stop' };
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

interface Block {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** A cell an in-place update expects unchanged: its row is where the read saw it. */
interface Anchor {
  row: number;
  col: number;
  value: unknown;
}

interface PatchDiff {
  blocks: Block[];
  anchors: Anchor[];
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
