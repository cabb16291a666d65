/**
 * A strict test double of the Excel JavaScript API subset the Office.js port uses, holding the
 * port to what Microsoft documents for real Excel (Excel on the web being the strictest host):
 *
 * - Office's load/sync semantics: property writes and method calls are queued and applied in order
 *   at `context.sync()`; loaded properties are readable only after the sync that loaded them
 *   (PropertyNotLoaded otherwise). Operations run in order; one that fails stops the batch there,
 *   the ones before it stay applied (Excel batches are not transactions).
 * - Payload limits of Excel on the web, counted in **UTF-8 bytes of JSON**: a sync whose request
 *   (every queued action, ACTION_BYTES each, plus its JSON argument) exceeds 5 MB fails with
 *   RequestPayloadSizeLimitExceeded before anything runs; one whose response (every loaded value)
 *   exceeds 5 MB fails with ResponsePayloadSizeLimitExceeded after the batch ran.
 * - Reading cell data (values, formulas, numberFormat, valueTypes, text) of a range of more than
 *   5,000,000 cells fails with RangeExceedsLimit; `getMergedAreasOrNullObject` on a range holding
 *   more than 512 merged areas fails.
 * - Sheets: names compare case-insensitively ("xếp hạng" = "Xếp hạng": ItemAlreadyExists);
 *   deleting a VeryHidden sheet or the last visible one fails with InvalidOperation; deleting a
 *   sheet turns every reference to it — formulas of other sheets, list validations, workbook names,
 *   chart sources — into #REF!; renaming updates them. A method called on a null object
 *   (`getItemOrNullObject` of a missing sheet) fails with ItemNotFound at sync.
 * - Typed-input parsing that depends on the cell's number format: a cell formatted Text ("@") keeps
 *   what is written as it is (a leading apostrophe included, numbers become text); a General cell
 *   parses "=…" as a formula, "+…", "-…", "@…" as formulas too (#NAME? when they are no valid
 *   expression), "'text" as text without the apostrophe, numbers, percentages, m/d/yyyy and ISO
 *   dates ("2023-11-15"), times ("8:30"), TRUE/FALSE and error literals.
 * - `suspendApiCalculationUntilNextSync`: values written while calculation is suspended leave the
 *   workbook's formulas stale (`calcDirty`) until `application.calculate()` runs.
 * - Error messages can be localised (`locale = 'vi'`), as a Vietnamese Excel shows them: the port
 *   must judge errors by code, not text.
 * - User edits between two port calls: `insertRows`, `sortRows`, `setCell`, `setSheet`.
 *
 * Data validation is per cell, as in Excel: `Range.dataValidation.clear()` removes it from the
 * cells of the range only (a rule covering more keeps the rest), and setting `rule` puts the rule
 * on every cell of the range, replacing what those cells had; a list rule whose source names a
 * sheet that does not exist is refused (InvalidArgument). `Range.clear()` clears contents and
 * formats only: validations, conditional formats and merges stay, as the port must not assume
 * more. Formats (`Range.format.*`, `columnWidth` included) are kept as a log of writes; `styleAt`
 * answers what a cell shows.
 */
import type { ExcelRunner } from '../../addin/excel/port';
import { compareVersions } from '../../addin/excel/capabilities';

type Raw = string | number | boolean;

export interface CellModel {
  value: Raw;
  formula?: string;
  numberFormat?: string;
  error?: boolean;
}

export interface ChartModel {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  anchor?: string;
  name?: string;
}

/** One chart series (ExcelApi 1.7 to set its values, categories, type and line). */
export interface SeriesModel {
  name?: string;
  /** A1 range of the values ("D6:D8"), or of the column (row) Excel took them from. */
  values: string;
  /** A1 range of the categories. */
  xValues?: string;
  /** Set for a series drawn unlike the chart (a "Line" in a column chart: a combo). */
  chartType?: string;
  line?: { color?: string; lineStyle?: string };
}

export interface SheetModel {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, CellModel>;
  protected: boolean;
  protectPassword?: string;
  charts: ChartModel[];
  conditionalFormats: { address: string; rule?: unknown; fill?: string }[];
  validations: { address: string; rule?: unknown }[];
  merges: string[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  freeze?: string;
  footer?: string;
  /** Print footers by section ("leftFooter", "centerFooter", "rightFooter"). */
  footers?: Record<string, string>;
  /** Page layout properties set (paperSize, orientation, zoom, margins…, printTitleRows). */
  page?: Record<string, unknown>;
  tabColor?: string;
  printArea?: string;
  styles: { address: string; prop: string; value: unknown }[];
}

export interface DoubleStats {
  syncs: number;
  runs: number;
  /** Largest request payload of one queued action (UTF-8 JSON bytes of its argument). */
  maxOpBytes: number;
  /** Largest request payload of one sync (UTF-8 bytes). */
  maxSyncBytes: number;
  /** Largest response payload of one sync (UTF-8 bytes of every value loaded). */
  maxResponseBytes: number;
  suspendCalls: number;
  calculateCalls: number;
  /** Request payload by kind of write ("Range.values", "Range.numberFormat", "Range.format.fill.color"…), summed over all syncs. */
  bytesByKind: Record<string, number>;
  /** Request payload of each sync, in order. */
  syncBytes: number[];
  /** Response payload of each sync, in order. */
  responseBytes: number[];
  /** Load actions queued in each sync, in order. */
  loads: number[];
  /** Syncs Excel refused, by error code (payload limits, cell limit…), in order. */
  refused: string[];
}

/** Excel on the web's limit on one request and on one response. */
export const SYNC_LIMIT_BYTES = 5 * 1024 * 1024;
export const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;
/** Cells a range may have for a read of its cell data. */
export const CELL_READ_LIMIT = 5_000_000;
/** Merged areas `getMergedAreasOrNullObject` can return. */
export const MERGED_AREAS_LIMIT = 512;

/**
 * Request bytes of one queued action beside its argument (action id and name, object path of the
 * range or format it acts on, address). Getting a range, loading, setting and calling all count.
 */
export const ACTION_BYTES = 100;

/** UTF-8 length of a string, counted by Node itself (independent of the port's own counter). */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** UTF-8 bytes of a value as JSON, as Office serialises it. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v ?? null));
}

type Locale = 'en' | 'vi';

const MESSAGES: Readonly<Record<string, Record<Locale, string>>> = {
  protected: { en: "The cell or chart you're trying to change is on a protected sheet.", vi: 'Ô hoặc biểu đồ bạn đang cố thay đổi nằm trên trang tính được bảo vệ.' },
  notFound: { en: "The requested resource doesn't exist.", vi: 'Tài nguyên được yêu cầu không tồn tại.' },
  exists: { en: 'The resource already exists.', vi: 'Tài nguyên đã tồn tại.' },
  veryHidden: { en: "This operation can't be performed on a very hidden sheet.", vi: 'Không thể thực hiện thao tác này trên trang tính ẩn hoàn toàn.' },
  lastVisible: { en: 'A workbook must contain at least one visible worksheet.', vi: 'Sổ làm việc phải có ít nhất một trang tính hiển thị.' },
  request: { en: 'The request payload size has exceeded the limit.', vi: 'Kích thước tải trọng yêu cầu đã vượt quá giới hạn.' },
  response: { en: 'The response payload size has exceeded the limit.', vi: 'Kích thước tải trọng phản hồi đã vượt quá giới hạn.' },
  cells: { en: 'The cell count in the range has exceeded the maximum supported number.', vi: 'Số ô trong phạm vi đã vượt quá số lượng tối đa được hỗ trợ.' },
  merged: { en: 'The merged areas count is more than 512.', vi: 'Số vùng ô gộp nhiều hơn 512.' },
  argument: { en: 'The argument is invalid or missing or has an incorrect format.', vi: 'Đối số không hợp lệ, bị thiếu hoặc có định dạng không đúng.' },
  password: { en: 'The password is incorrect.', vi: 'Mật khẩu không đúng.' },
  editMode: { en: 'The operation is not available while Excel is in cell edit mode.', vi: 'Thao tác không khả dụng khi Excel đang ở chế độ sửa ô.' },
  structure: { en: 'The workbook structure is protected.', vi: 'Cấu trúc sổ làm việc đang được bảo vệ.' },
};

class DoubleError extends Error {
  code: string;
  debugInfo: { code: string; errorLocation: string };
  constructor(code: string, message: string, location: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, errorLocation: location };
  }
}

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}
function colName(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
const key = (r: number, c: number): string => `${r},${c}`;
const unkey = (k: string): [number, number] => {
  const [r, c] = k.split(',');
  return [Number(r), Number(c)];
};

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** "A1", "A1:C3", "3:3", "B:B", optional "Sheet!" prefix. */
export function parseAddress(address: string): Box {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a = '', b] = local.replace(/\$/g, '').split(':');
  const one = (s: string, end: boolean): { r: number; c: number } => {
    const cell = /^([A-Z]+)(\d+)$/i.exec(s);
    if (cell) return { r: Number(cell[2]) - 1, c: colIndex(cell[1] ?? 'A') };
    if (/^\d+$/.test(s)) return { r: Number(s) - 1, c: end ? MAX_COL : 0 };
    if (/^[A-Z]+$/i.test(s)) return { r: end ? MAX_ROW : 0, c: colIndex(s) };
    throw new DoubleError('InvalidArgument', `bad address ${address}`, 'Worksheet.getRange');
  };
  const p = one(a, false);
  const q = one(b ?? a, true);
  if (b === undefined && /^\d+$/.test(a)) return { r0: p.r, c0: 0, r1: p.r, c1: MAX_COL };
  if (b === undefined && /^[A-Z]+$/i.test(a)) return { r0: 0, c0: p.c, r1: MAX_ROW, c1: p.c };
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

function boxAddress(b: Box): string {
  const s = `${colName(b.c0)}${b.r0 + 1}`;
  const e = `${colName(b.c1)}${b.r1 + 1}`;
  return s === e ? s : `${s}:${e}`;
}

function contains(b: Box, r: number, c: number): boolean {
  return r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1;
}

function overlaps(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** `a` minus `b`: up to four boxes around the overlap. */
function subtract(a: Box, b: Box): Box[] {
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  const c0 = Math.max(a.c0, b.c0);
  const c1 = Math.min(a.c1, b.c1);
  if (r0 > r1 || c0 > c1) return [a];
  const out: Box[] = [];
  if (a.r0 < r0) out.push({ r0: a.r0, c0: a.c0, r1: r0 - 1, c1: a.c1 });
  if (r1 < a.r1) out.push({ r0: r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (a.c0 < c0) out.push({ r0, c0: a.c0, r1, c1: c0 - 1 });
  if (c1 < a.c1) out.push({ r0, c0: c1 + 1, r1, c1: a.c1 });
  return out;
}

/** Remove validation from the cells of `box` (Range.dataValidation.clear()). */
function clearValidation(s: SheetModel, box: Box): void {
  s.validations = s.validations.flatMap((v) => {
    const vb = parseAddress(v.address);
    const rest = subtract(vb, box);
    return rest.length === 1 && rest[0] === vb ? [v] : rest.map((b) => ({ ...v, address: boxAddress(b) }));
  });
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** A sheet reference as formulas write it: 'My sheet'! or Sheet1!. */
function refPattern(name: string): RegExp {
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const quoted = esc(name.replace(/'/g, "''"));
  return new RegExp(`(?:'${quoted}'|(?<![\\w'])${esc(name)})!`, 'giu');
}

function isoSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

function boolText(v: Raw): string {
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
}

/**
 * Excel's reading of a value written through `Range.values` into a cell of number format `format`
 * (undefined or "General" when the cell has none).
 */
export function parseTyped(v: Raw, format?: string): CellModel {
  if (format === '@') return { value: typeof v === 'string' ? v : boolText(v) };
  if (typeof v !== 'string') return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1) };
  const t = v.trim();
  if (v.startsWith('=') && v.length > 1) return { value: 0, formula: v };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100, numberFormat: '0%' };
  // "+…", "-…", "@…": Excel reads a formula; text that is no valid expression gives #NAME?
  if (/^[+\-@]/.test(v) && v.length > 1) return { value: '#NAME?', formula: `=${v.startsWith('@') ? v.slice(1) : v}`, error: true };
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (us) return { value: isoSerial(Number(us[3]), Number(us[1]), Number(us[2])), numberFormat: 'm/d/yyyy' };
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (iso) {
    const day = isoSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (iso[4] === undefined) return { value: day, numberFormat: 'yyyy-mm-dd' };
    return { value: day + (Number(iso[4]) * 3600 + Number(iso[5]) * 60 + Number(iso[6] ?? 0)) / 86400, numberFormat: 'yyyy-mm-dd h:mm' };
  }
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (time) return { value: (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86400, numberFormat: 'h:mm' };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (/^#(N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!)$/.test(v)) return { value: v, error: true };
  return { value: v };
}

type Op = { run: () => void; bytes: number; kind: string; load: boolean };

const CELL_PROPS = new Set(['values', 'formulas', 'numberFormat', 'valueTypes', 'text']);

class Ctx {
  queue: Op[] = [];
  /** Response bytes of the sync being run. */
  response = 0;
  suspended = false;
  readonly workbook: WorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync: () => void; calculate: (type?: string) => void };
  constructor(readonly dbl: ExcelDouble) {
    this.workbook = new WorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        this.enqueue(() => {
          this.dbl.stats.suspendCalls++;
          this.suspended = true;
        }, 0, 'Application.suspendApiCalculationUntilNextSync');
      },
      calculate: (type?: string) => {
        this.enqueue(() => {
          this.dbl.stats.calculateCalls++;
          this.dbl.calcDirty = false;
        }, jsonBytes(type ?? 'Recalculate'), 'Application.calculate');
      },
    };
    // the workbook is the application's too (`ctx.workbook.application`)
    (this.workbook as unknown as { application: Ctx['application'] }).application = this.application;
  }
  msg(k: keyof typeof MESSAGES): string {
    return MESSAGES[k]?.[this.dbl.locale] ?? k;
  }
  fail(code: string, k: keyof typeof MESSAGES, location: string): never {
    throw new DoubleError(code, this.msg(k), location);
  }
  enqueue(run: () => void, bytes = 0, location = '', load = false): void {
    if (bytes > this.dbl.stats.maxOpBytes) this.dbl.stats.maxOpBytes = bytes;
    this.queue.push({
      run: () => {
        try {
          run();
        } catch (e) {
          if (e instanceof DoubleError) throw e;
          throw new DoubleError('GeneralException', e instanceof Error ? e.message : String(e), location);
        }
      },
      bytes,
      kind: location,
      load,
    });
  }
  /** A load: counted as an action, its result counted in the response. */
  enqueueLoad(run: () => unknown, props: string, location: string): void {
    this.enqueue(
      () => {
        const data = run();
        this.response += jsonBytes(data) + 16;
      },
      jsonBytes(props),
      location,
      true,
    );
  }
  /** Getting an object (a range, a sheet): one action in the request. */
  path(args: unknown, location: string): void {
    this.enqueue(() => undefined, jsonBytes(args), location);
  }
  async sync(): Promise<void> {
    const stats = this.dbl.stats;
    stats.syncs++;
    const ops = this.queue;
    this.queue = [];
    const fail = this.dbl.failNextSync;
    if (fail) {
      this.dbl.failNextSync = undefined;
      throw new DoubleError(fail.code, fail.message, fail.location);
    }
    const bytes = ops.reduce((s, o) => s + o.bytes + ACTION_BYTES, 0);
    stats.syncBytes.push(bytes);
    stats.loads.push(ops.filter((o) => o.load).length);
    for (const o of ops) if (o.bytes > 0 && !o.load) stats.bytesByKind[o.kind || 'other'] = (stats.bytesByKind[o.kind || 'other'] ?? 0) + o.bytes;
    if (bytes > stats.maxSyncBytes) stats.maxSyncBytes = bytes;
    try {
      if (bytes > this.dbl.limits.requestBytes) this.fail('RequestPayloadSizeLimitExceeded', 'request', 'RequestContext.sync');
      this.response = 0;
      try {
        for (const op of ops) op.run();
      } finally {
        this.suspended = false;
        stats.responseBytes.push(this.response);
        if (this.response > stats.maxResponseBytes) stats.maxResponseBytes = this.response;
      }
      if (this.response > this.dbl.limits.responseBytes) this.fail('ResponsePayloadSizeLimitExceeded', 'response', 'RequestContext.sync');
    } catch (e) {
      if (e instanceof DoubleError) stats.refused.push(e.code);
      throw e;
    }
  }
}

/** Holder of a value that becomes readable after a sync. */
class Loadable {
  protected loadedProps = new Set<string>();
  protected guard(prop: string): void {
    if (!this.loadedProps.has(prop)) throw new DoubleError('PropertyNotLoaded', `property '${prop}' not loaded`, prop);
  }
}

/** What `onSelectionChanged.add` returns: removed in the context that added it (`Excel.run(result.context, …)`). */
export interface SelectionHandlerResult {
  readonly context: unknown;
  remove(): void;
}

export type SelectionHandler = (args: { type: 'WorkbookSelectionChanged'; source: 'Local' }) => Promise<unknown>;

class WorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  readonly protection: { protect: (password?: string) => void; unprotect: (password?: string) => void };
  /** `workbook.onSelectionChanged` (ExcelApi 1.2): the handler is registered at the sync after `add`. */
  readonly onSelectionChanged: { add: (handler: SelectionHandler) => SelectionHandlerResult };
  constructor(private readonly ctx: Ctx) {
    this.worksheets = new WorksheetsProxy(ctx);
    this.onSelectionChanged = {
      add: (handler) => {
        ctx.enqueue(() => {
          ctx.dbl.requireApi('1.2', 'Workbook.onSelectionChanged');
          ctx.dbl.selectionHandlers.add(handler);
        }, 0, 'Workbook.onSelectionChanged.add');
        return {
          context: ctx,
          remove: () =>
            ctx.enqueue(() => {
              if (!ctx.dbl.selectionHandlers.delete(handler)) ctx.fail('InvalidArgument', 'notFound', 'EventHandlerResult.remove');
            }, 0, 'EventHandlerResult.remove'),
        };
      },
    };
    this.protection = {
      protect: (password?: string) =>
        ctx.enqueue(() => {
          ctx.dbl.structure = { locked: true, ...(password !== undefined ? { password } : {}) };
        }, jsonBytes(password ?? null), 'WorkbookProtection.protect'),
      unprotect: (password?: string) =>
        ctx.enqueue(() => {
          const st = ctx.dbl.structure;
          if (!st.locked) return;
          if (st.password !== undefined && st.password !== password) ctx.fail('InvalidArgument', 'password', 'WorkbookProtection.unprotect');
          ctx.dbl.structure = { locked: false };
        }, jsonBytes(password ?? null), 'WorkbookProtection.unprotect'),
    };
  }
  /** The active cell (ExcelApi 1.7): the top-left cell of the selection, resolved at sync. */
  getActiveCell(): RangeProxy {
    return this.selected('Workbook.getActiveCell', '1.7', true);
  }
  /** The selected range (ExcelApi 1.1), resolved at sync. */
  getSelectedRange(): RangeProxy {
    return this.selected('Workbook.getSelectedRange', '1.1', false);
  }
  private selected(location: string, version: string, firstCell: boolean): RangeProxy {
    const dbl = this.ctx.dbl;
    let sheet: SheetModel | undefined;
    const proxy = new RangeProxy(this.ctx, () => sheet ?? this.ctx.fail('ItemNotFound', 'notFound', location), { r0: 0, c0: 0, r1: 0, c1: 0 });
    this.ctx.enqueue(() => {
      dbl.requireApi(version, location);
      const active = dbl.active ?? { sheet: dbl.sheets.find((x) => x.visibility === 'Visible')?.name ?? '', cell: 'A1' };
      sheet = dbl.sheet(active.sheet);
      if (!sheet) this.ctx.fail('ItemNotFound', 'notFound', location);
      const b = parseAddress(active.cell);
      proxy.box = firstCell ? { r0: b.r0, c0: b.c0, r1: b.r0, c1: b.c0 } : b;
    }, 0, location);
    return proxy;
  }
}

class WorksheetsProxy extends Loadable {
  private _items: WorksheetProxy[] = [];
  constructor(private readonly ctx: Ctx) {
    super();
  }
  get items(): WorksheetProxy[] {
    this.guard('items');
    return this._items;
  }
  load(props: string): this {
    this.ctx.enqueueLoad(
      () => {
        this._items = this.ctx.dbl.sheets.map((s) => {
          const p = new WorksheetProxy(this.ctx, () => s);
          p.fill(s);
          return p;
        });
        this.loadedProps.add('items');
        return this.ctx.dbl.sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
      },
      props,
      'WorksheetCollection.load',
    );
    return this;
  }
  getItem(name: string): WorksheetProxy {
    let found: SheetModel | undefined;
    this.ctx.enqueue(
      () => {
        found = this.ctx.dbl.sheets.find((s) => sameName(s.name, name));
        if (!found) this.ctx.fail('ItemNotFound', 'notFound', 'WorksheetCollection.getItem');
      },
      jsonBytes(name),
      'WorksheetCollection.getItem',
    );
    return new WorksheetProxy(this.ctx, () => found);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    let found: SheetModel | undefined;
    const proxy = new WorksheetProxy(this.ctx, () => found);
    this.ctx.enqueue(
      () => {
        found = this.ctx.dbl.sheets.find((s) => sameName(s.name, name));
        if (!found) proxy.markNull();
      },
      jsonBytes(name),
      'WorksheetCollection.getItemOrNullObject',
    );
    return proxy;
  }
  add(name: string): WorksheetProxy {
    let made: SheetModel | undefined;
    this.ctx.enqueue(
      () => {
        if (this.ctx.dbl.structure.locked) this.ctx.fail('AccessDenied', 'structure', 'WorksheetCollection.add');
        if (this.ctx.dbl.sheets.some((s) => sameName(s.name, name))) this.ctx.fail('ItemAlreadyExists', 'exists', 'WorksheetCollection.add');
        made = emptySheet(name);
        this.ctx.dbl.sheets.push(made);
      },
      jsonBytes(name),
      'WorksheetCollection.add',
    );
    return new WorksheetProxy(this.ctx, () => made);
  }
}

export function emptySheet(name: string): SheetModel {
  return {
    name,
    visibility: 'Visible',
    cells: new Map(),
    protected: false,
    charts: [],
    conditionalFormats: [],
    validations: [],
    merges: [],
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    styles: [],
  };
}

class ChartsProxy extends Loadable {
  private _items: { name: string }[] = [];
  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: () => SheetModel,
  ) {
    super();
  }
  get items(): { name: string }[] {
    this.guard('items');
    return this._items;
  }
  load(props: string): this {
    this.ctx.enqueueLoad(
      () => {
        this._items = this.sheet().charts.map((c) => ({ name: this.ctx.dbl.chartName(c) }));
        this.loadedProps.add('items');
        return this._items;
      },
      props,
      'ChartCollection.load',
    );
    return this;
  }
  add(type: string, source: RangeProxy, seriesBy: string): ChartProxy {
    const model: ChartModel = { type, source: '', seriesBy };
    this.ctx.enqueue(
      () => {
        model.source = boxAddress(source.box);
        this.ctx.dbl.chartSeries.set(model, seriesFrom(this.sheet(), source.box, seriesBy));
        // Excel names a chart when it is added ("Chart 1", "Chart 2"…); the name stays when others go
        this.ctx.dbl.chartNames.set(model, `Chart ${++this.ctx.dbl.chartCount}`);
        this.sheet().charts.push(model);
      },
      jsonBytes([type, seriesBy]),
      'ChartCollection.add',
    );
    return new ChartProxy(this.ctx, model);
  }
  getItem(name: string): { delete: () => void } {
    this.ctx.path(name, 'ChartCollection.getItem');
    return {
      delete: () =>
        this.ctx.enqueue(() => {
          const list = this.sheet().charts;
          const i = list.findIndex((c) => this.ctx.dbl.chartName(c) === name);
          if (i < 0) this.ctx.fail('ItemNotFound', 'notFound', 'Chart.delete');
          list.splice(i, 1);
        }, 0, 'Chart.delete'),
    };
  }
}

class WorksheetProxy extends Loadable {
  private _name = '';
  private _visibility = 'Visible';
  private nullObject = false;
  readonly protection: ProtectionProxy;
  readonly freezePanes: { freezeRows: (n: number) => void; freezeColumns: (n: number) => void; freezeAt: (r: RangeProxy) => void; unfreeze: () => void };
  readonly charts: ChartsProxy;
  readonly pageLayout: Record<string, unknown>;
  constructor(
    private readonly ctx: Ctx,
    readonly target: () => SheetModel | undefined,
  ) {
    super();
    const sheet = (): SheetModel => this.sheet();
    this.protection = new ProtectionProxy(ctx, sheet);
    this.freezePanes = {
      freezeRows: (n) => ctx.enqueue(() => (sheet().freeze = `rows:${n}`), 8, 'WorksheetFreezePanes.freezeRows'),
      freezeColumns: (n) => ctx.enqueue(() => (sheet().freeze = `columns:${n}`), 8, 'WorksheetFreezePanes.freezeColumns'),
      freezeAt: (r) => ctx.enqueue(() => (sheet().freeze = `at:${boxAddress(r.box)}`), 16, 'WorksheetFreezePanes.freezeAt'),
      unfreeze: () =>
        ctx.enqueue(() => {
          delete sheet().freeze;
        }, 0, 'WorksheetFreezePanes.unfreeze'),
    };
    this.charts = new ChartsProxy(ctx, sheet);
    const footer: Record<string, string> = {};
    const proxyFooter = new Proxy(footer, {
      set: (_t, prop, value: string) => {
        ctx.enqueue(() => {
          const s = sheet();
          (s.footers ??= {})[String(prop)] = value;
          if (prop === 'leftFooter') s.footer = value;
        }, jsonBytes(value), 'HeaderFooter');
        return true;
      },
    });
    const methods: Record<string, unknown> = {
      setPrintArea: (a: string) => ctx.enqueue(() => (sheet().printArea = a), jsonBytes(a), 'PageLayout.setPrintArea'),
      setPrintTitleRows: (a: string) => ctx.enqueue(() => ((sheet().page ??= {})['printTitleRows'] = a), jsonBytes(a), 'PageLayout.setPrintTitleRows'),
      headersFooters: { defaultForAllPages: proxyFooter },
    };
    this.pageLayout = new Proxy(methods, {
      get: (t, prop: string) => t[prop],
      set: (_t, prop: string, value: unknown) => {
        ctx.enqueue(() => ((sheet().page ??= {})[prop] = value), jsonBytes(value), `PageLayout.${prop}`);
        return true;
      },
    });
  }
  markNull(): void {
    this.nullObject = true;
  }
  get isNullObject(): boolean {
    this.guard('isNullObject');
    return this.nullObject;
  }
  /** The request context (Office.js objects carry theirs). */
  get context(): Ctx {
    return this.ctx;
  }
  fill(s: SheetModel): void {
    this._name = s.name;
    this._visibility = s.visibility;
    this.loadedProps.add('name').add('visibility').add('isNullObject');
  }
  private sheet(): SheetModel {
    const s = this.target();
    if (!s) this.ctx.fail('ItemNotFound', 'notFound', 'Worksheet');
    return s;
  }
  get name(): string {
    this.guard('name');
    return this._name;
  }
  set name(v: string) {
    this.ctx.enqueue(
      () => {
        const s = this.sheet();
        if (this.ctx.dbl.sheets.some((x) => sameName(x.name, v) && x !== s)) this.ctx.fail('ItemAlreadyExists', 'exists', 'Worksheet.name');
        this.ctx.dbl.renameRefs(s.name, v);
        s.name = v;
      },
      jsonBytes(v),
      'Worksheet.name',
    );
  }
  get visibility(): string {
    this.guard('visibility');
    return this._visibility;
  }
  set visibility(v: string) {
    this.ctx.enqueue(() => (this.sheet().visibility = v as SheetModel['visibility']), jsonBytes(v), 'Worksheet.visibility');
  }
  set position(p: number) {
    this.ctx.enqueue(
      () => {
        const s = this.sheet();
        const list = this.ctx.dbl.sheets;
        list.splice(list.indexOf(s), 1);
        list.splice(Math.min(p, list.length), 0, s);
      },
      8,
      'Worksheet.position',
    );
  }
  set tabColor(c: string) {
    this.ctx.enqueue(
      () => {
        const s = this.sheet();
        if (c === '') delete s.tabColor;
        else s.tabColor = c;
      },
      jsonBytes(c),
      'Worksheet.tabColor',
    );
  }
  load(props: string): this {
    this.ctx.enqueueLoad(
      () => {
        this.loadedProps.add('isNullObject');
        if (this.nullObject) return null;
        const s = this.sheet();
        this.fill(s);
        return { name: s.name, visibility: s.visibility };
      },
      props,
      'Worksheet.load',
    );
    return this;
  }
  delete(): void {
    this.ctx.enqueue(
      () => {
        const list = this.ctx.dbl.sheets;
        const s = this.sheet();
        if (s.visibility === 'VeryHidden') this.ctx.fail('InvalidOperation', 'veryHidden', 'Worksheet.delete');
        if (list.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) this.ctx.fail('InvalidOperation', 'lastVisible', 'Worksheet.delete');
        list.splice(list.indexOf(s), 1);
        this.ctx.dbl.breakRefs(s.name);
      },
      0,
      'Worksheet.delete',
    );
  }
  activate(): void {
    this.ctx.enqueue(() => (this.ctx.dbl.active = { sheet: this.sheet().name, cell: this.ctx.dbl.active?.cell ?? 'A1' }), 0, 'Worksheet.activate');
  }
  getRange(address?: string): RangeProxy {
    const box = address === undefined ? { r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL } : parseAddress(address);
    this.ctx.path(address ?? '', 'Worksheet.getRange');
    return new RangeProxy(this.ctx, () => this.sheet(), box);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): RangeProxy {
    this.ctx.path([r, c, rows, cols], 'Worksheet.getRangeByIndexes');
    return new RangeProxy(this.ctx, () => this.sheet(), { r0: r, c0: c, r1: r + rows - 1, c1: c + cols - 1 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    const proxy = new RangeProxy(this.ctx, () => this.sheet(), { r0: 0, c0: 0, r1: 0, c1: 0 });
    this.ctx.enqueue(
      () => {
        const s = this.sheet();
        let box: Box | undefined;
        for (const [k, cell] of s.cells) {
          if (valuesOnly && cell.value === '' && cell.formula === undefined) continue;
          const [r, c] = unkey(k);
          box = box ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
        }
        if (box) proxy.box = box;
        else proxy.markNull();
      },
      jsonBytes(valuesOnly ?? false),
      'Worksheet.getUsedRangeOrNullObject',
    );
    return proxy;
  }
}

class ProtectionProxy extends Loadable {
  private _protected = false;
  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: () => SheetModel,
  ) {
    super();
  }
  get protected(): boolean {
    this.guard('protected');
    return this._protected;
  }
  load(props: string): this {
    this.ctx.enqueueLoad(
      () => {
        this._protected = this.sheet().protected;
        this.loadedProps.add('protected');
        return { protected: this._protected };
      },
      props,
      'WorksheetProtection.load',
    );
    return this;
  }
  protect(options?: unknown, password?: string): void {
    this.ctx.enqueue(
      () => {
        const s = this.sheet();
        s.protected = true;
        if (password !== undefined) s.protectPassword = password;
      },
      jsonBytes([options ?? null, password ?? null]),
      'WorksheetProtection.protect',
    );
  }
  unprotect(password?: string): void {
    this.ctx.enqueue(
      () => {
        const s = this.sheet();
        if (!s.protected) return;
        if (s.protectPassword !== undefined && s.protectPassword !== password) this.ctx.fail('InvalidArgument', 'password', 'WorksheetProtection.unprotect');
        s.protected = false;
        delete s.protectPassword;
      },
      jsonBytes(password ?? null),
      'WorksheetProtection.unprotect',
    );
  }
}

/**
 * The series Excel makes from a chart's source: a text first row is the series' names and a text
 * first column the categories (by columns; the other way round by rows); every other column (row)
 * is a series. A single column of numbers is one series.
 */
function seriesFrom(sheet: SheetModel, b: Box, seriesBy: string): SeriesModel[] {
  const isText = (r: number, c: number): boolean => typeof sheet.cells.get(key(r, c))?.value === 'string';
  const byRows = seriesBy === 'Rows';
  const lines = byRows ? { from: b.r0, to: b.r1 } : { from: b.c0, to: b.c1 };
  const along = byRows ? { from: b.c0, to: b.c1 } : { from: b.r0, to: b.r1 };
  const at = (line: number, pos: number): [number, number] => (byRows ? [line, pos] : [pos, line]);
  const multi = lines.to > lines.from && along.to > along.from;
  // names: the first position along holds text in the other lines; categories: the first line holds text
  const named = multi && isText(...at(lines.to, along.from));
  const cats = multi && isText(...at(lines.from, along.to));
  const first = cats ? lines.from + 1 : lines.from;
  const start = named ? along.from + 1 : along.from;
  const out: SeriesModel[] = [];
  for (let l = first; l <= lines.to; l++) {
    const [r0, c0] = at(l, start);
    const [r1, c1] = at(l, along.to);
    const [nr, nc] = at(l, along.from);
    const [xr0, xc0] = at(lines.from, start);
    const [xr1, xc1] = at(lines.from, along.to);
    out.push({
      ...(named ? { name: String(sheet.cells.get(key(nr, nc))?.value ?? '') } : {}),
      values: boxAddress({ r0, c0, r1, c1 }),
      ...(cats ? { xValues: boxAddress({ r0: xr0, c0: xc0, r1: xr1, c1: xc1 }) } : {}),
    });
  }
  return out;
}

/** A chart series: its name (ExcelApi 1.1); values, categories, type and line (ExcelApi 1.7). */
class ChartSeriesProxy {
  readonly format: { line: { color: string; lineStyle: string } };
  constructor(
    private readonly ctx: Ctx,
    private readonly series: () => SeriesModel,
  ) {
    const line = (prop: 'color' | 'lineStyle'): PropertyDescriptor => ({
      set: (v: string) =>
        ctx.enqueue(() => {
          ctx.dbl.requireApi('1.7', `ChartLineFormat.${prop}`);
          const s = series();
          s.line = { ...s.line, [prop]: v };
        }, jsonBytes(v), `ChartLineFormat.${prop}`),
    });
    const l = {} as { color: string; lineStyle: string };
    Object.defineProperty(l, 'color', line('color'));
    Object.defineProperty(l, 'lineStyle', line('lineStyle'));
    this.format = { line: l };
  }
  set name(n: string) {
    this.ctx.enqueue(() => (this.series().name = n), jsonBytes(n), 'ChartSeries.name');
  }
  set chartType(t: string) {
    this.ctx.enqueue(() => {
      this.ctx.dbl.requireApi('1.7', 'ChartSeries.chartType');
      this.series().chartType = t;
    }, jsonBytes(t), 'ChartSeries.chartType');
  }
  setValues(range: RangeProxy): void {
    this.ctx.enqueue(() => {
      this.ctx.dbl.requireApi('1.7', 'ChartSeries.setValues');
      this.series().values = boxAddress(range.box);
    }, 0, 'ChartSeries.setValues');
  }
  setXAxisValues(range: RangeProxy): void {
    this.ctx.enqueue(() => {
      this.ctx.dbl.requireApi('1.7', 'ChartSeries.setXAxisValues');
      this.series().xValues = boxAddress(range.box);
    }, 0, 'ChartSeries.setXAxisValues');
  }
}

class ChartProxy {
  readonly title: { text: string };
  readonly series: { add: (name?: string) => ChartSeriesProxy; getItemAt: (index: number) => ChartSeriesProxy };
  constructor(
    private readonly ctx: Ctx,
    private readonly model: ChartModel,
  ) {
    const m = model;
    this.title = new Proxy({ text: '' }, { set: (_t, _p, v: string) => (ctx.enqueue(() => (m.title = v), jsonBytes(v), 'Chart.title'), true) });
    this.series = {
      add: (name?: string) => {
        let made: SeriesModel | undefined;
        ctx.enqueue(() => {
          ctx.dbl.requireApi('1.7', 'ChartSeriesCollection.add');
          made = { values: '', ...(name !== undefined ? { name } : {}) };
          const list = ctx.dbl.chartSeries.get(m) ?? [];
          list.push(made);
          ctx.dbl.chartSeries.set(m, list);
        }, jsonBytes(name ?? null), 'ChartSeriesCollection.add');
        return new ChartSeriesProxy(ctx, () => made ?? ctx.fail('ItemNotFound', 'notFound', 'ChartSeries'));
      },
      getItemAt: (index: number) => {
        let found: SeriesModel | undefined;
        ctx.enqueue(() => {
          found = ctx.dbl.chartSeries.get(m)?.[index];
          if (!found) ctx.fail('ItemNotFound', 'notFound', 'ChartSeriesCollection.getItemAt');
        }, jsonBytes(index), 'ChartSeriesCollection.getItemAt');
        return new ChartSeriesProxy(ctx, () => found ?? ctx.fail('ItemNotFound', 'notFound', 'ChartSeries'));
      },
    };
  }
  set name(n: string) {
    this.ctx.enqueue(() => (this.model.name = n), jsonBytes(n), 'Chart.name');
  }
  setPosition(anchor: string): void {
    this.ctx.enqueue(() => (this.model.anchor = anchor), jsonBytes(anchor), 'Chart.setPosition');
  }
  set width(w: number) {
    this.ctx.enqueue(() => undefined, jsonBytes(w), 'Chart.width');
  }
  set height(h: number) {
    this.ctx.enqueue(() => undefined, jsonBytes(h), 'Chart.height');
  }
}

/** A style proxy — any property written becomes a recorded style op. */
function styleProxy(ctx: Ctx, sheet: () => SheetModel, address: () => string, prefix: string): Record<string, unknown> {
  const children: Record<string, unknown> = {};
  return new Proxy(children, {
    get: (_t, prop: string) => {
      if (prop === 'borders') return { getItem: (edge: string) => styleProxy(ctx, sheet, address, `${prefix}borders.${edge}.`) };
      if (['font', 'fill', 'protection'].includes(prop)) return (children[prop] ??= styleProxy(ctx, sheet, address, `${prefix}${prop}.`));
      return undefined;
    },
    set: (_t, prop: string, value: unknown) => {
      ctx.enqueue(
        () => {
          const s = sheet();
          if (prefix === '' && (prop === 'useStandardWidth' || prop === 'useStandardHeight') && value === true) {
            const box = parseAddress(address());
            const what = prop === 'useStandardWidth' ? 'columnWidth' : 'rowHeight';
            s.styles = s.styles.filter((st) => st.prop !== what || !overlaps(parseAddress(st.address), box));
            return;
          }
          if (s.protected && !(prefix === '' && (prop === 'columnWidth' || prop === 'useStandardWidth'))) ctx.fail('AccessDenied', 'protected', `Range.format.${prefix}${prop}`);
          s.styles.push({ address: address(), prop: prefix + prop, value });
        },
        jsonBytes(value),
        `Range.format.${prefix}${prop}`,
      );
      return true;
    },
  });
}

interface MergedAreasResult {
  isNullObject: boolean;
  areaCount: number;
  areas: { items: { address: string }[] };
  load: (p: string) => MergedAreasResult;
}

class RangeProxy extends Loadable {
  private nullObject = false;
  private data: { values: Raw[][]; numberFormat: string[][]; formulas: Raw[][]; valueTypes: string[][]; rowHidden: boolean | null; address: string } | undefined;
  readonly format: Record<string, unknown>;
  readonly conditionalFormats: {
    add: (type: string) => { cellValue: { format: Record<string, unknown>; rule: unknown }; custom: { rule: Record<string, unknown>; format: Record<string, unknown> } };
    clearAll: () => void;
  };
  readonly dataValidation: { clear: () => void; rule: unknown; prompt: unknown; errorAlert: unknown };
  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: () => SheetModel,
    public box: Box,
  ) {
    super();
    this.format = styleProxy(ctx, sheet, () => boxAddress(this.box), '');
    this.conditionalFormats = {
      add: (_type) => {
        const model: { address: string; rule?: unknown; fill?: string } = { address: '' };
        ctx.enqueue(
          () => {
            model.address = boxAddress(this.box);
            sheet().conditionalFormats.push(model);
          },
          jsonBytes(_type),
          'ConditionalFormatCollection.add',
        );
        const fill = new Proxy({} as Record<string, unknown>, { set: (_t, _p, v: string) => (ctx.enqueue(() => (model.fill = v), jsonBytes(v), 'ConditionalFormat.fill'), true) });
        const font = new Proxy({} as Record<string, unknown>, { set: (_t, _p, v: unknown) => (ctx.enqueue(() => undefined, jsonBytes(v), 'ConditionalFormat.font'), true) });
        const cellValue = {
          format: { fill, font },
          set rule(r: unknown) {
            ctx.enqueue(() => (model.rule = r), jsonBytes(r), 'ConditionalFormat.rule');
          },
          get rule(): unknown {
            return model.rule;
          },
        };
        const custom = {
          rule: new Proxy({} as Record<string, unknown>, { set: (_t, _p, v: unknown) => (ctx.enqueue(() => (model.rule = { formula: v }), jsonBytes(v), 'ConditionalFormat.custom.rule'), true) }),
          format: { fill, font },
        };
        return { cellValue, custom };
      },
      clearAll: () =>
        ctx.enqueue(() => {
          const s = sheet();
          s.conditionalFormats = s.conditionalFormats.filter((cf) => !overlaps(parseAddress(cf.address), this.box));
        }, 0, 'ConditionalFormatCollection.clearAll'),
    };
    const currentBox = (): Box => this.box; // read when the queued operation runs: the proxy's box may be set later
    const ctxRef = ctx;
    this.dataValidation = {
      clear: () => ctx.enqueue(() => clearValidation(sheet(), currentBox()), 0, 'Range.dataValidation.clear'),
      set rule(r: unknown) {
        ctxRef.enqueue(
          () => {
            const src = (r as { list?: { source?: unknown } } | undefined)?.list?.source;
            if (typeof src === 'string' && src.startsWith('=') && src.includes('!')) {
              const sheetPart = src.slice(1, src.lastIndexOf('!'));
              const name = sheetPart.startsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
              if (!ctxRef.dbl.sheets.some((x) => sameName(x.name, name))) ctxRef.fail('InvalidArgument', 'argument', 'Range.dataValidation.rule');
            }
            clearValidation(sheet(), currentBox()); // one validation per cell: the range's cells take the new rule
            sheet().validations.push({ address: boxAddress(currentBox()), rule: r });
          },
          jsonBytes(r),
          'Range.dataValidation.rule',
        );
      },
      get rule(): unknown {
        return undefined;
      },
      set prompt(p: unknown) {
        ctxRef.enqueue(() => undefined, jsonBytes(p), 'Range.dataValidation.prompt');
      },
      get prompt(): unknown {
        return undefined;
      },
      set errorAlert(p: unknown) {
        ctxRef.enqueue(() => undefined, jsonBytes(p), 'Range.dataValidation.errorAlert');
      },
      get errorAlert(): unknown {
        return undefined;
      },
    };
  }
  markNull(): void {
    this.nullObject = true;
  }
  get isNullObject(): boolean {
    this.guard('isNullObject');
    return this.nullObject;
  }
  private get rows(): number {
    return this.box.r1 - this.box.r0 + 1;
  }
  private get cols(): number {
    return this.box.c1 - this.box.c0 + 1;
  }
  private checkShape(v: unknown[][], what: string): void {
    if (v.length !== this.rows || v.some((r) => r.length !== this.cols))
      throw new DoubleError('InvalidArgument', `${what}: ${v.length}×${v[0]?.length ?? 0} for a ${this.rows}×${this.cols} range`, `Range.${what}`);
  }
  private writable(what: string): SheetModel {
    const s = this.sheet();
    if (this.ctx.dbl.cellEditMode) this.ctx.fail('InvalidOperationInCellEditMode', 'editMode', `Range.${what}`);
    if (s.protected) this.ctx.fail('AccessDenied', 'protected', `Range.${what}`);
    return s;
  }
  set values(v: Raw[][]) {
    this.ctx.enqueue(
      () => {
        this.checkShape(v, 'values');
        const s = this.writable('values');
        if (this.ctx.suspended) this.ctx.dbl.calcDirty = true;
        v.forEach((row, i) =>
          row.forEach((x, j) => {
            const k = key(this.box.r0 + i, this.box.c0 + j);
            const prev = s.cells.get(k);
            const prevFmt = prev?.numberFormat && prev.numberFormat !== 'General' ? prev.numberFormat : undefined;
            if (x === '') {
              if (prev?.numberFormat) s.cells.set(k, { value: '', numberFormat: prev.numberFormat });
              else s.cells.delete(k);
              return;
            }
            const parsed = parseTyped(x, prevFmt);
            const fmt = prevFmt ?? parsed.numberFormat;
            const { numberFormat: _drop, ...rest } = parsed;
            s.cells.set(k, { ...rest, ...(fmt !== undefined ? { numberFormat: fmt } : {}) });
          }),
        );
      },
      jsonBytes(v),
      'Range.values',
    );
  }
  get values(): Raw[][] {
    this.guard('values');
    return this.data?.values ?? [];
  }
  /** A 2-D array of the range's shape, or one format for every cell (as Office.js accepts). */
  set numberFormat(v: string[][] | string) {
    this.ctx.enqueue(
      () => {
        const grid = typeof v === 'string' ? undefined : v;
        if (grid) this.checkShape(grid, 'numberFormat');
        const s = this.writable('numberFormat');
        for (let i = 0; i < this.rows; i++)
          for (let j = 0; j < this.cols; j++) {
            const f = grid ? (grid[i]?.[j] ?? 'General') : (v as string);
            const k = key(this.box.r0 + i, this.box.c0 + j);
            const prev = s.cells.get(k) ?? { value: '' };
            s.cells.set(k, { ...prev, numberFormat: f });
          }
      },
      jsonBytes(v),
      'Range.numberFormat',
    );
  }
  get numberFormat(): string[][] {
    this.guard('numberFormat');
    return this.data?.numberFormat ?? [];
  }
  get formulas(): Raw[][] {
    this.guard('formulas');
    return this.data?.formulas ?? [];
  }
  /** Formulas ("=…") and constants, as typed. */
  set formulas(v: Raw[][]) {
    this.ctx.enqueue(
      () => {
        this.checkShape(v, 'formulas');
        const s = this.writable('formulas');
        if (this.ctx.suspended) this.ctx.dbl.calcDirty = true;
        v.forEach((row, i) =>
          row.forEach((x, j) => {
            const k = key(this.box.r0 + i, this.box.c0 + j);
            const prev = s.cells.get(k);
            const fmt = prev?.numberFormat;
            if (typeof x === 'string' && x.startsWith('=') && x.length > 1) s.cells.set(k, { value: 0, formula: x, ...(fmt ? { numberFormat: fmt } : {}) });
            else s.cells.set(k, { ...parseTyped(x, fmt), ...(fmt ? { numberFormat: fmt } : {}) });
          }),
        );
      },
      jsonBytes(v),
      'Range.formulas',
    );
  }
  get valueTypes(): string[][] {
    this.guard('valueTypes');
    return this.data?.valueTypes ?? [];
  }
  get rowHidden(): boolean | null {
    this.guard('rowHidden');
    return this.data === undefined ? false : this.data.rowHidden;
  }
  set rowHidden(h: boolean | null) {
    this.ctx.enqueue(
      () => {
        const s = this.sheet();
        if (!h && this.box.r0 === 0 && this.box.r1 === MAX_ROW) {
          s.hiddenRows.clear();
          return;
        }
        for (let r = this.box.r0; r <= this.box.r1; r++) {
          if (h) s.hiddenRows.add(r + 1);
          else s.hiddenRows.delete(r + 1);
        }
      },
      jsonBytes(h),
      'Range.rowHidden',
    );
  }
  set columnHidden(h: boolean) {
    this.ctx.enqueue(
      () => {
        const s = this.sheet();
        if (!h && this.box.c0 === 0 && this.box.c1 === MAX_COL) {
          s.hiddenColumns.clear();
          return;
        }
        for (let c = this.box.c0; c <= this.box.c1; c++) {
          if (h) s.hiddenColumns.add(c + 1);
          else s.hiddenColumns.delete(c + 1);
        }
      },
      jsonBytes(h),
      'Range.columnHidden',
    );
  }
  get address(): string {
    this.guard('address');
    return this.data?.address ?? '';
  }
  get rowIndex(): number {
    this.guard('rowIndex');
    return this.box.r0;
  }
  get columnIndex(): number {
    this.guard('columnIndex');
    return this.box.c0;
  }
  get rowCount(): number {
    this.guard('rowCount');
    return this.rows;
  }
  get columnCount(): number {
    this.guard('columnCount');
    return this.cols;
  }
  load(props: string): this {
    this.ctx.enqueueLoad(
      () => {
        const wanted = props.split(',').map((x) => x.trim());
        for (const p of ['isNullObject', ...wanted]) this.loadedProps.add(p);
        if (this.nullObject) return { isNullObject: true };
        const s = this.sheet();
        const cellData = wanted.filter((p) => CELL_PROPS.has(p));
        if (cellData.length > 0 && this.rows * this.cols > this.ctx.dbl.limits.cellsPerRead) this.ctx.fail('RangeExceedsLimit', 'cells', 'Range.load');
        let hiddenCount = 0;
        for (const r of s.hiddenRows) if (r - 1 >= this.box.r0 && r - 1 <= this.box.r1) hiddenCount++;
        const rowHidden = hiddenCount === 0 ? false : hiddenCount === this.rows ? true : null;
        // as Excel gives it: a sheet name that is not a plain word is quoted ('Kết quả'!E14)
        const address = `${/^[A-Za-z_][\w.]*$/.test(s.name) ? s.name : `'${s.name.replace(/'/g, "''")}'`}!${boxAddress(this.box)}`;
        const out: Record<string, unknown> = {};
        for (const p of wanted) {
          if (p === 'rowHidden') out[p] = rowHidden;
          else if (p === 'address') out[p] = address;
          else if (p === 'rowIndex') out[p] = this.box.r0;
          else if (p === 'columnIndex') out[p] = this.box.c0;
          else if (p === 'rowCount') out[p] = this.rows;
          else if (p === 'columnCount') out[p] = this.cols;
        }
        if (cellData.length === 0) {
          this.data = { values: [], numberFormat: [], formulas: [], valueTypes: [], rowHidden, address };
          return out;
        }
        const values: Raw[][] = [];
        const numberFormat: string[][] = [];
        const formulas: Raw[][] = [];
        const valueTypes: string[][] = [];
        for (let r = this.box.r0; r <= this.box.r1; r++) {
          const vr: Raw[] = [];
          const nr: string[] = [];
          const fr: Raw[] = [];
          const tr: string[] = [];
          for (let c = this.box.c0; c <= this.box.c1; c++) {
            const cell = s.cells.get(key(r, c));
            const v = cell?.value ?? '';
            vr.push(v);
            nr.push(cell?.numberFormat ?? 'General');
            fr.push(cell?.formula ?? v);
            tr.push(cell?.error ? 'Error' : v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');
          }
          values.push(vr);
          numberFormat.push(nr);
          formulas.push(fr);
          valueTypes.push(tr);
        }
        this.data = { values, numberFormat, formulas, valueTypes, rowHidden, address };
        if (wanted.includes('values')) out['values'] = values;
        if (wanted.includes('numberFormat')) out['numberFormat'] = numberFormat;
        if (wanted.includes('formulas')) out['formulas'] = formulas;
        if (wanted.includes('valueTypes')) out['valueTypes'] = valueTypes;
        return out;
      },
      props,
      'Range.load',
    );
    return this;
  }
  getRow(i: number): RangeProxy {
    this.ctx.path(i, 'Range.getRow');
    return new RangeProxy(this.ctx, this.sheet, { r0: this.box.r0 + i, c0: this.box.c0, r1: this.box.r0 + i, c1: this.box.c1 });
  }
  merge(_across?: boolean): void {
    this.ctx.enqueue(() => this.writable('merge').merges.push(boxAddress(this.box)), 8, 'Range.merge');
  }
  unmerge(): void {
    this.ctx.enqueue(
      () => {
        const s = this.writable('unmerge');
        s.merges = s.merges.filter((m) => !overlaps(parseAddress(m), this.box));
      },
      0,
      'Range.unmerge',
    );
  }
  /** Clear contents and formats of the range (validations, conditional formats and merges are not Excel's "contents"). */
  clear(applyTo?: string): void {
    this.ctx.enqueue(
      () => {
        const s = this.writable('clear');
        const what = applyTo ?? 'All';
        for (const k of [...s.cells.keys()]) {
          const [r, c] = unkey(k);
          if (!contains(this.box, r, c)) continue;
          const cell = s.cells.get(k);
          if (!cell) continue;
          if (what === 'All') s.cells.delete(k);
          else if (what === 'Contents') {
            if (cell.numberFormat) s.cells.set(k, { value: '', numberFormat: cell.numberFormat });
            else s.cells.delete(k);
          } else if (what === 'Formats') {
            const { numberFormat: _f, ...rest } = cell;
            s.cells.set(k, rest);
          }
        }
        // column widths and row heights are no format of the cells: Clear leaves them
        if (what === 'All' || what === 'Formats') s.styles = s.styles.filter((st) => st.prop === 'columnWidth' || st.prop === 'rowHeight' || !overlaps(parseAddress(st.address), this.box));
      },
      jsonBytes(applyTo ?? null),
      'Range.clear',
    );
  }
  select(): void {
    this.ctx.enqueue(() => (this.ctx.dbl.active = { sheet: this.sheet().name, cell: boxAddress(this.box) }), 0, 'Range.select');
  }
  getMergedAreasOrNullObject(): MergedAreasResult {
    this.ctx.path(null, 'Range.getMergedAreasOrNullObject');
    const out: MergedAreasResult = {
      isNullObject: true,
      areaCount: 0,
      areas: { items: [] },
      load: (p: string) => {
        this.ctx.enqueueLoad(
          () => {
            const s = this.sheet();
            const inside = s.merges.filter((m) => overlaps(parseAddress(m), this.box));
            if (inside.length > this.ctx.dbl.limits.mergedAreas) this.ctx.fail('GeneralException', 'merged', 'Range.getMergedAreasOrNullObject');
            out.isNullObject = inside.length === 0;
            out.areaCount = inside.length;
            out.areas.items = inside.map((address) => ({ address: `${s.name}!${address}` }));
            return out.isNullObject ? null : { areaCount: out.areaCount, areas: out.areas.items };
          },
          p,
          'RangeAreas.load',
        );
        return out;
      },
    };
    return out;
  }
}

export class ExcelDouble {
  sheets: SheetModel[] = [];
  stats: DoubleStats = ExcelDouble.freshStats();
  active: { sheet: string; cell: string } | undefined;
  /** Workbook names (Name Manager): name → formula ("='Xếp hạng'!$B$2"). */
  names = new Map<string, string>();
  /** Formulas wait for a recalculation (values written while calculation was suspended, no `calculate` since). */
  calcDirty = false;
  /** Charts added so far (Excel numbers new charts' names). */
  chartCount = 0;
  /** Names Excel gave charts added through the API (kept apart so tests can compare chart models). */
  readonly chartNames = new Map<ChartModel, string>();
  /** Each chart's series: as Excel makes them from the source, then as the add-in sets or adds them (kept apart, as the names). */
  readonly chartSeries = new Map<ChartModel, SeriesModel[]>();
  /** The series of the `index`-th chart of `sheet`. */
  seriesOf(sheet: string, index = 0): SeriesModel[] {
    const c = this.sheet(sheet)?.charts[index];
    return c ? (this.chartSeries.get(c) ?? []) : [];
  }
  /** A chart's name: set by the add-in, given by Excel when added, or by position for a chart a test placed. */
  chartName(c: ChartModel): string {
    return c.name ?? this.chartNames.get(c) ?? `Chart ${this.sheets.findIndex((s) => s.charts.includes(c)) + 1}.${this.sheets.find((s) => s.charts.includes(c))?.charts.indexOf(c) ?? 0}`;
  }
  /** The workbook's structure lock (sheets cannot be added while locked). */
  structure: { locked: boolean; password?: string } = { locked: false };
  /** The user is typing in a cell: every write fails with InvalidOperationInCellEditMode. */
  cellEditMode = false;
  /** Language of Excel's error messages. */
  locale: Locale = 'en';
  /** Excel on the web's limits (a test may lower them to reach them with a small workbook). */
  limits = { requestBytes: SYNC_LIMIT_BYTES, responseBytes: RESPONSE_LIMIT_BYTES, cellsPerRead: CELL_READ_LIMIT, mergedAreas: MERGED_AREAS_LIMIT };
  /** Make the next sync fail as Excel would (e.g. { code: 'ActivityLimitReached', … }). */
  failNextSync: { code: string; message: string; location: string } | undefined;
  /** Highest ExcelApi version this "Excel" supports, e.g. "1.17". */
  apiVersion: string;

  constructor(sheets: Record<string, (Raw | null)[][]> = { Sheet1: [] }, apiVersion = '1.17') {
    this.apiVersion = apiVersion;
    for (const [name, rows] of Object.entries(sheets)) this.setSheet(name, rows);
  }

  static freshStats(): DoubleStats {
    return { syncs: 0, runs: 0, maxOpBytes: 0, maxSyncBytes: 0, maxResponseBytes: 0, suspendCalls: 0, calculateCalls: 0, bytesByKind: {}, syncBytes: [], responseBytes: [], loads: [], refused: [] };
  }

  /** Put values into a sheet directly (no sync), as if typed by a user. */
  setSheet(name: string, rows: (Raw | null)[][], formats: Record<string, string> = {}): SheetModel {
    let s = this.sheets.find((x) => sameName(x.name, name));
    if (!s) {
      s = emptySheet(name);
      this.sheets.push(s);
    }
    s.cells.clear();
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        s.cells.set(key(r, c), typeof v === 'string' ? { value: v } : { value: v });
      }),
    );
    for (const [addr, f] of Object.entries(formats)) {
      const b = parseAddress(addr);
      const k = key(b.r0, b.c0);
      s.cells.set(k, { ...(s.cells.get(k) ?? { value: '' }), numberFormat: f });
    }
    return s;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  /** Cell value as stored (after Excel's parsing of what was written). */
  cell(sheet: string, address: string): CellModel | undefined {
    const b = parseAddress(address);
    return this.sheet(sheet)?.cells.get(key(b.r0, b.c0));
  }

  /** Put a cell directly (no sync), as if typed or formatted by a user. */
  setCell(sheet: string, address: string, model: CellModel): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const b = parseAddress(address);
    s.cells.set(key(b.r0, b.c0), model);
  }

  /** The user inserts `count` empty rows before row `at` (1-based): cells, hidden rows and merges below move down. */
  insertRows(sheet: string, at: number, count = 1): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const moved = new Map<string, CellModel>();
    for (const [k, cell] of s.cells) {
      const [r, c] = unkey(k);
      moved.set(r >= at - 1 ? key(r + count, c) : k, cell);
    }
    s.cells = moved;
    s.hiddenRows = new Set([...s.hiddenRows].map((r) => (r >= at ? r + count : r)));
    s.merges = s.merges.map((m) => {
      const b = parseAddress(m);
      return b.r0 >= at - 1 ? boxAddress({ ...b, r0: b.r0 + count, r1: b.r1 + count }) : m;
    });
  }

  /** The user sorts rows `from`..`to` (1-based, inclusive) by a column (0-based), ascending, as Data › Sort does. */
  sortRows(sheet: string, from: number, to: number, byColumn: number, descending = false): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const rows = Array.from({ length: to - from + 1 }, (_, i) => from - 1 + i);
    const cellsOf = (r: number): Map<number, CellModel> => {
      const m = new Map<number, CellModel>();
      for (const [k, cell] of s.cells) {
        const [rr, c] = unkey(k);
        if (rr === r) m.set(c, cell);
      }
      return m;
    };
    const content = rows.map(cellsOf);
    const sortKey = (m: Map<number, CellModel>): string => String(m.get(byColumn)?.value ?? '');
    const order = content.map((m, i) => ({ m, i })).sort((a, b) => sortKey(a.m).localeCompare(sortKey(b.m), 'vi') * (descending ? -1 : 1) || a.i - b.i);
    for (const r of rows) for (const k of [...s.cells.keys()]) if (unkey(k)[0] === r) s.cells.delete(k);
    order.forEach(({ m }, i) => {
      for (const [c, cell] of m) s.cells.set(key(from - 1 + i, c), cell);
    });
  }

  /** Every reference to sheet `name` becomes #REF! (the sheet was deleted). */
  breakRefs(name: string): void {
    const re = refPattern(name);
    const broken = (f: string): string => f.replace(re, '#REF!');
    for (const s of this.sheets) {
      for (const [k, cell] of s.cells) {
        if (cell.formula && re.test(cell.formula)) s.cells.set(k, { ...cell, formula: broken(cell.formula), value: '#REF!', error: true });
        re.lastIndex = 0;
      }
      for (const v of s.validations) {
        const list = (v.rule as { list?: { source?: string } } | undefined)?.list;
        if (list && typeof list.source === 'string') list.source = broken(list.source);
      }
      for (const ch of s.charts) ch.source = broken(ch.source);
    }
    for (const [n, f] of this.names) this.names.set(n, broken(f));
  }

  /** References to sheet `from` follow its new name (Excel updates them on rename). */
  renameRefs(from: string, to: string): void {
    const re = refPattern(from);
    const ref = /^[A-Za-z_][\w.]*$/.test(to) ? `${to}!` : `'${to.replace(/'/g, "''")}'!`;
    const renamed = (f: string): string => f.replace(re, ref);
    for (const s of this.sheets) {
      for (const [k, cell] of s.cells) if (cell.formula) s.cells.set(k, { ...cell, formula: renamed(cell.formula) });
      for (const v of s.validations) {
        const list = (v.rule as { list?: { source?: string } } | undefined)?.list;
        if (list && typeof list.source === 'string') list.source = renamed(list.source);
      }
      for (const ch of s.charts) ch.source = renamed(ch.source);
    }
    for (const [n, f] of this.names) this.names.set(n, renamed(f));
  }

  /** The last value written to format property `prop` ("fill.color", "columnWidth"…) on a range holding the cell. */
  styleAt(sheet: string, address: string, prop: string): unknown {
    const b = parseAddress(address);
    const styles = this.sheet(sheet)?.styles ?? [];
    for (let i = styles.length - 1; i >= 0; i--) {
      const st = styles[i];
      if (st && st.prop === prop && contains(parseAddress(st.address), b.r0, b.c0)) return st.value;
    }
    return undefined;
  }

  /** The validation rule of a cell, if any. */
  validationAt(sheet: string, address: string): unknown {
    const b = parseAddress(address);
    return this.sheet(sheet)?.validations.find((v) => contains(parseAddress(v.address), b.r0, b.c0))?.rule;
  }

  resetStats(): void {
    this.stats = ExcelDouble.freshStats();
  }

  readonly isSetSupported = (name: string, version: string): boolean => name === 'ExcelApi' && compareVersions(version, this.apiVersion) <= 0;

  /** Handlers added through `workbook.onSelectionChanged` and not removed. */
  readonly selectionHandlers = new Set<SelectionHandler>();

  /** Fail as Excel does when the API is newer than this "Excel" (ApiNotFound). */
  requireApi(version: string, location: string): void {
    if (compareVersions(version, this.apiVersion) > 0) throw new DoubleError('ApiNotFound', `The API you are trying to use could not be found (ExcelApi ${version}).`, location);
  }

  /**
   * The user selects `address` ("E14", "D5:E6") on `sheet`, as a click does: the selection moves at
   * once and each handler of `onSelectionChanged` is called afterwards, asynchronously, as Excel
   * raises events. Resolves when every handler's promise has settled.
   */
  async userSelects(sheet: string, address: string): Promise<void> {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    this.active = { sheet: s.name, cell: address.replace(/\$/g, '') };
    await Promise.resolve();
    await Promise.allSettled([...this.selectionHandlers].map((h) => h({ type: 'WorkbookSelectionChanged', source: 'Local' })));
  }

  /** Excel.run on a context already made (`Excel.run(result.context, batch)`): its queue is synced at the end. */
  readonly runIn = async <T>(context: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.stats.runs++;
    const out = await batch(context);
    const ctx = context as unknown as Ctx;
    if (ctx.queue.length > 0) await ctx.sync();
    return out;
  };

  /** Excel.run: a fresh context; anything still queued when the batch ends is synced (and counted). */
  readonly run: ExcelRunner = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.stats.runs++;
    const ctx = new Ctx(this);
    const out = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.queue.length > 0) await ctx.sync();
    return out;
  };
}
