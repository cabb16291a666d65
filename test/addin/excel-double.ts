/**
 * A test double of the Excel JavaScript API subset the Office.js port uses, with Office's
 * load/sync semantics: property writes and method calls are queued and applied in order at
 * `context.sync()`; loaded properties are readable only after the sync that loaded them
 * (reading earlier throws PropertyNotLoaded, as Office does). It counts syncs, the estimated
 * payload (JSON length) of every queued write and of every sync, rejects a sync whose payload
 * exceeds 5 MB (Excel on the web's limit), and parses written strings as Excel does for typed
 * input: "=…" becomes a formula, "123" a number, "'text" text without the apostrophe.
 *
 * Data validation is per cell, as in Excel: `Range.dataValidation.clear()` removes it from the
 * cells of the range only (a rule covering more keeps the rest), and setting `rule` puts the rule
 * on every cell of the range, replacing what those cells had. Formats (`Range.format.*`,
 * `columnWidth` included) are kept as a log of writes; `styleAt` answers what a cell shows.
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
  tabColor?: string;
  printArea?: string;
  styles: { address: string; prop: string; value: unknown }[];
}

export interface DoubleStats {
  syncs: number;
  runs: number;
  /** Largest estimated payload of one queued write (a range's values or formats). */
  maxOpBytes: number;
  /** Largest estimated payload of one sync. */
  maxSyncBytes: number;
  suspendCalls: number;
  /** Estimated payload by kind of write ("Range.values", "Range.numberFormat", "Range.format.fill.color"…), summed over all syncs. */
  bytesByKind: Record<string, number>;
  /** Estimated payload of each sync, in order. */
  syncBytes: number[];
}

export const SYNC_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * Estimated request JSON of one queued action beside its argument (action id and name, object
 * path of the range or format it acts on, address). Counted in every sync's payload, so a writer
 * that queues thousands of small actions is charged for them as Excel would be.
 */
export const ACTION_BYTES = 100;

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

/** Excel's reading of typed input. */
export function parseTyped(v: Raw): CellModel {
  if (typeof v !== 'string') return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (v.startsWith('=') && v.length > 1) return { value: 0, formula: v };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v.trim())) return { value: Number(v) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(v.trim())) return { value: Number(v.trim().slice(0, -1)) / 100, numberFormat: '0%' };
  const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v.trim());
  if (d) return { value: (Date.UTC(Number(d[3]), Number(d[1]) - 1, Number(d[2])) - Date.UTC(1899, 11, 30)) / 86400000, numberFormat: 'm/d/yyyy' };
  if (/^(true|false)$/i.test(v.trim())) return { value: v.trim().toLowerCase() === 'true' };
  if (/^#(N\/A|DIV\/0!|REF!|VALUE!|NAME\?)$/.test(v)) return { value: v, error: true };
  return { value: v };
}

type Op = { run: () => void; bytes: number; kind: string };

class Ctx {
  queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };
  constructor(readonly dbl: ExcelDouble) {
    this.workbook = new WorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        this.dbl.stats.suspendCalls++;
      },
    };
  }
  enqueue(run: () => void, bytes = 0, location = ''): void {
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
    });
  }
  async sync(): Promise<void> {
    this.dbl.stats.syncs++;
    const fail = this.dbl.failNextSync;
    if (fail) {
      this.dbl.failNextSync = undefined;
      this.queue = [];
      throw new DoubleError(fail.code, fail.message, fail.location);
    }
    const ops = this.queue;
    this.queue = [];
    const bytes = ops.reduce((s, o) => s + o.bytes + ACTION_BYTES, 0);
    this.dbl.stats.syncBytes.push(bytes);
    for (const o of ops) if (o.bytes > 0) this.dbl.stats.bytesByKind[o.kind || 'other'] = (this.dbl.stats.bytesByKind[o.kind || 'other'] ?? 0) + o.bytes;
    if (bytes > this.dbl.stats.maxSyncBytes) this.dbl.stats.maxSyncBytes = bytes;
    if (bytes > SYNC_LIMIT_BYTES) throw new DoubleError('RequestPayloadSizeLimitExceeded', `request payload ${bytes} bytes`, 'RequestContext.sync');
    for (const op of ops) op.run();
  }
}

/** Holder of a value that becomes readable after a sync. */
class Loadable {
  protected loadedProps = new Set<string>();
  protected guard(prop: string): void {
    if (!this.loadedProps.has(prop)) throw new DoubleError('PropertyNotLoaded', `property '${prop}' not loaded`, prop);
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  constructor(ctx: Ctx) {
    this.worksheets = new WorksheetsProxy(ctx);
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
  load(_props: string): this {
    this.ctx.enqueue(() => {
      this._items = this.ctx.dbl.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => s);
        p.fill(s);
        return p;
      });
      this.loadedProps.add('items');
    });
    return this;
  }
  getItem(name: string): WorksheetProxy {
    let found: SheetModel | undefined;
    this.ctx.enqueue(() => {
      found = this.ctx.dbl.sheets.find((s) => s.name === name);
      if (!found) throw new DoubleError('ItemNotFound', `sheet '${name}' not found`, 'WorksheetCollection.getItem');
    });
    return new WorksheetProxy(this.ctx, () => found);
  }
  add(name: string): WorksheetProxy {
    let made: SheetModel | undefined;
    this.ctx.enqueue(() => {
      if (this.ctx.dbl.sheets.some((s) => s.name === name)) throw new DoubleError('ItemAlreadyExists', `sheet '${name}' exists`, 'WorksheetCollection.add');
      made = emptySheet(name);
      this.ctx.dbl.sheets.push(made);
    });
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

class WorksheetProxy extends Loadable {
  private _name = '';
  private _visibility = 'Visible';
  readonly protection: ProtectionProxy;
  readonly freezePanes: { freezeRows: (n: number) => void; freezeColumns: (n: number) => void; freezeAt: (r: RangeProxy) => void };
  readonly charts: { add: (type: string, source: RangeProxy, seriesBy: string) => ChartProxy };
  readonly pageLayout: { setPrintArea: (a: string) => void; headersFooters: { defaultForAllPages: Record<string, string> } };
  constructor(
    private readonly ctx: Ctx,
    readonly target: () => SheetModel | undefined,
  ) {
    super();
    const sheet = (): SheetModel => {
      const s = target();
      if (!s) throw new DoubleError('ItemNotFound', 'sheet missing', 'Worksheet');
      return s;
    };
    this.protection = new ProtectionProxy(ctx, sheet);
    this.freezePanes = {
      freezeRows: (n) => ctx.enqueue(() => (sheet().freeze = `rows:${n}`)),
      freezeColumns: (n) => ctx.enqueue(() => (sheet().freeze = `columns:${n}`)),
      freezeAt: (r) => ctx.enqueue(() => (sheet().freeze = `at:${boxAddress(r.box)}`)),
    };
    this.charts = {
      add: (type, source, seriesBy) => {
        const model: ChartModel = { type, source: boxAddress(source.box), seriesBy };
        ctx.enqueue(() => sheet().charts.push(model));
        return new ChartProxy(ctx, model);
      },
    };
    const footer: Record<string, string> = {};
    const proxyFooter = new Proxy(footer, {
      set: (_t, prop, value: string) => {
        ctx.enqueue(() => {
          if (prop === 'leftFooter') sheet().footer = value;
        });
        return true;
      },
    });
    this.pageLayout = {
      setPrintArea: (a) => ctx.enqueue(() => (sheet().printArea = a)),
      headersFooters: { defaultForAllPages: proxyFooter },
    };
  }
  fill(s: SheetModel): void {
    this._name = s.name;
    this._visibility = s.visibility;
    this.loadedProps.add('name').add('visibility');
  }
  private sheet(): SheetModel {
    const s = this.target();
    if (!s) throw new DoubleError('ItemNotFound', 'sheet missing', 'Worksheet');
    return s;
  }
  get name(): string {
    this.guard('name');
    return this._name;
  }
  set name(v: string) {
    this.ctx.enqueue(() => {
      if (this.ctx.dbl.sheets.some((s) => s.name === v && s !== this.sheet())) throw new DoubleError('ItemAlreadyExists', `sheet '${v}' exists`, 'Worksheet.name');
      this.sheet().name = v;
    });
  }
  get visibility(): string {
    this.guard('visibility');
    return this._visibility;
  }
  set visibility(v: string) {
    this.ctx.enqueue(() => (this.sheet().visibility = v as SheetModel['visibility']));
  }
  set position(p: number) {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      const list = this.ctx.dbl.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(p, list.length), 0, s);
    });
  }
  set tabColor(c: string) {
    this.ctx.enqueue(() => (this.sheet().tabColor = c));
  }
  load(_props: string): this {
    this.ctx.enqueue(() => this.fill(this.sheet()));
    return this;
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const list = this.ctx.dbl.sheets;
      const s = this.sheet();
      if (list.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) throw new DoubleError('InvalidOperation', 'cannot delete the last visible sheet', 'Worksheet.delete');
      list.splice(list.indexOf(s), 1);
    });
  }
  activate(): void {
    this.ctx.enqueue(() => (this.ctx.dbl.active = { sheet: this.sheet().name, cell: this.ctx.dbl.active?.cell ?? 'A1' }));
  }
  getRange(address?: string): RangeProxy {
    const box = address === undefined ? { r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL } : parseAddress(address);
    return new RangeProxy(this.ctx, () => this.sheet(), box);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => this.sheet(), { r0: r, c0: c, r1: r + rows - 1, c1: c + cols - 1 });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    const proxy = new RangeProxy(this.ctx, () => this.sheet(), { r0: 0, c0: 0, r1: 0, c1: 0 });
    this.ctx.enqueue(() => {
      const s = this.sheet();
      let box: Box | undefined;
      for (const [k, cell] of s.cells) {
        if (cell.value === '' && cell.formula === undefined) continue;
        const [r = 0, c = 0] = k.split(',').map(Number);
        box = box ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
      }
      if (box) proxy.box = box;
      else proxy.markNull();
    });
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
  load(_p: string): this {
    this.ctx.enqueue(() => {
      this._protected = this.sheet().protected;
      this.loadedProps.add('protected');
    });
    return this;
  }
  protect(_options?: unknown, password?: string): void {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      s.protected = true;
      if (password !== undefined) s.protectPassword = password;
    });
  }
}

class ChartProxy {
  readonly title: { text: string };
  constructor(
    private readonly ctx: Ctx,
    private readonly model: ChartModel,
  ) {
    const m = model;
    this.title = new Proxy({ text: '' }, { set: (_t, _p, v: string) => (ctx.enqueue(() => (m.title = v)), true) });
  }
  setPosition(anchor: string): void {
    this.ctx.enqueue(() => (this.model.anchor = anchor));
  }
  set width(_w: number) {
    this.ctx.enqueue(() => undefined);
  }
  set height(_h: number) {
    this.ctx.enqueue(() => undefined);
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
      ctx.enqueue(() => sheet().styles.push({ address: address(), prop: prefix + prop, value }), JSON.stringify(value ?? null).length, `Range.format.${prefix}${prop}`);
      return true;
    },
  });
}

class RangeProxy extends Loadable {
  private nullObject = false;
  private data: { values: Raw[][]; numberFormat: string[][]; formulas: Raw[][]; valueTypes: string[][]; rowHidden: boolean | null; address: string } | undefined;
  readonly format: Record<string, unknown>;
  readonly conditionalFormats: { add: (type: string) => { cellValue: { format: Record<string, unknown>; rule: unknown } } };
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
        ctx.enqueue(() => {
          model.address = boxAddress(this.box);
          sheet().conditionalFormats.push(model);
        });
        const fill = new Proxy({} as Record<string, unknown>, { set: (_t, _p, v: string) => (ctx.enqueue(() => (model.fill = v)), true) });
        const font = new Proxy({} as Record<string, unknown>, { set: () => true });
        const cellValue = {
          format: { fill, font },
          set rule(r: unknown) {
            ctx.enqueue(() => (model.rule = r));
          },
          get rule(): unknown {
            return model.rule;
          },
        };
        return { cellValue };
      },
    };
    const currentBox = (): Box => this.box; // read when the queued operation runs: the proxy's box may be set later
    this.dataValidation = {
      clear: () => ctx.enqueue(() => clearValidation(sheet(), currentBox()), 0, 'Range.dataValidation.clear'),
      set rule(r: unknown) {
        ctx.enqueue(
          () => {
            clearValidation(sheet(), currentBox()); // one validation per cell: the range's cells take the new rule
            sheet().validations.push({ address: boxAddress(currentBox()), rule: r });
          },
          JSON.stringify(r).length,
          'Range.dataValidation.rule',
        );
      },
      get rule(): unknown {
        return undefined;
      },
      set prompt(_p: unknown) {
        ctx.enqueue(() => undefined);
      },
      get prompt(): unknown {
        return undefined;
      },
      set errorAlert(_p: unknown) {
        ctx.enqueue(() => undefined);
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
  set values(v: Raw[][]) {
    this.ctx.enqueue(
      () => {
        this.checkShape(v, 'values');
        const s = this.sheet();
        if (s.protected) throw new DoubleError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet '${s.name}'`, 'Range.values');
        v.forEach((row, i) =>
          row.forEach((x, j) => {
            const k = key(this.box.r0 + i, this.box.c0 + j);
            const prev = s.cells.get(k);
            const parsed = parseTyped(x);
            if (parsed.value === '' && parsed.formula === undefined) {
              if (prev?.numberFormat) s.cells.set(k, { value: '', numberFormat: prev.numberFormat });
              else s.cells.delete(k);
              return;
            }
            const fmt = prev?.numberFormat ?? parsed.numberFormat;
            s.cells.set(k, { ...parsed, ...(fmt !== undefined ? { numberFormat: fmt } : {}) });
          }),
        );
      },
      JSON.stringify(v).length,
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
        const grid = typeof v === 'string' ? Array.from({ length: this.rows }, () => Array.from({ length: this.cols }, () => v)) : v;
        this.checkShape(grid, 'numberFormat');
        const s = this.sheet();
        grid.forEach((row, i) =>
          row.forEach((f, j) => {
            const k = key(this.box.r0 + i, this.box.c0 + j);
            const prev = s.cells.get(k) ?? { value: '' };
            s.cells.set(k, { ...prev, numberFormat: f });
          }),
        );
      },
      JSON.stringify(v).length,
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
  get valueTypes(): string[][] {
    this.guard('valueTypes');
    return this.data?.valueTypes ?? [];
  }
  get rowHidden(): boolean | null {
    this.guard('rowHidden');
    return this.data === undefined ? false : this.data.rowHidden;
  }
  set rowHidden(h: boolean | null) {
    this.ctx.enqueue(() => {
      for (let r = this.box.r0; r <= this.box.r1; r++) {
        if (h) this.sheet().hiddenRows.add(r + 1);
        else this.sheet().hiddenRows.delete(r + 1);
      }
    });
  }
  set columnHidden(h: boolean) {
    this.ctx.enqueue(() => {
      for (let c = this.box.c0; c <= this.box.c1; c++) {
        if (h) this.sheet().hiddenColumns.add(c + 1);
        else this.sheet().hiddenColumns.delete(c + 1);
      }
    });
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
    this.ctx.enqueue(() => {
      for (const p of ['isNullObject', ...props.split(',').map((x) => x.trim())]) this.loadedProps.add(p);
      if (this.nullObject) return;
      const s = this.sheet();
      const wanted = props.split(',').map((x) => x.trim());
      if (wanted.every((p) => p === 'rowHidden' || p === 'rowIndex')) {
        // visibility only: no cell data (the range may be whole columns)
        let hiddenCount = 0;
        for (const r of s.hiddenRows) if (r - 1 >= this.box.r0 && r - 1 <= this.box.r1) hiddenCount++;
        const rowHidden = hiddenCount === 0 ? false : hiddenCount === this.rows ? true : null;
        this.data = { values: [], numberFormat: [], formulas: [], valueTypes: [], rowHidden, address: '' };
        return;
      }
      const values: Raw[][] = [];
      const numberFormat: string[][] = [];
      const formulas: Raw[][] = [];
      const valueTypes: string[][] = [];
      let hidden = 0;
      for (let r = this.box.r0; r <= this.box.r1; r++) {
        if (s.hiddenRows.has(r + 1)) hidden++;
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
      const rowHidden = hidden === 0 ? false : hidden === this.rows ? true : null;
      this.data = { values, numberFormat, formulas, valueTypes, rowHidden, address: `${s.name}!${boxAddress(this.box)}` };
    });
    return this;
  }
  getRow(i: number): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, { r0: this.box.r0 + i, c0: this.box.c0, r1: this.box.r0 + i, c1: this.box.c1 });
  }
  merge(_across?: boolean): void {
    this.ctx.enqueue(() => this.sheet().merges.push(boxAddress(this.box)));
  }
  select(): void {
    this.ctx.enqueue(() => (this.ctx.dbl.active = { sheet: this.sheet().name, cell: boxAddress(this.box) }));
  }
  getMergedAreasOrNullObject(): { isNullObject: boolean; areas: { items: { address: string }[] }; load: (p: string) => void } {
    const out = { isNullObject: true, areas: { items: [] as { address: string }[] }, load: (_p: string) => undefined };
    this.ctx.enqueue(() => {
      const m = this.sheet().merges;
      out.isNullObject = m.length === 0;
      out.areas.items = m.map((address) => ({ address: `${this.sheet().name}!${address}` }));
    });
    return out;
  }
}

export class ExcelDouble {
  sheets: SheetModel[] = [];
  stats: DoubleStats = { syncs: 0, runs: 0, maxOpBytes: 0, maxSyncBytes: 0, suspendCalls: 0, bytesByKind: {}, syncBytes: [] };
  active: { sheet: string; cell: string } | undefined;
  /** Make the next sync fail as Excel would (e.g. { code: 'ActivityLimitReached', … }). */
  failNextSync: { code: string; message: string; location: string } | undefined;
  /** Highest ExcelApi version this "Excel" supports, e.g. "1.17". */
  apiVersion: string;

  constructor(sheets: Record<string, (Raw | null)[][]> = { Sheet1: [] }, apiVersion = '1.17') {
    this.apiVersion = apiVersion;
    for (const [name, rows] of Object.entries(sheets)) this.setSheet(name, rows);
  }

  /** Put values into a sheet directly (no sync), as if typed by a user. */
  setSheet(name: string, rows: (Raw | null)[][], formats: Record<string, string> = {}): SheetModel {
    let s = this.sheets.find((x) => x.name === name);
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
    return this.sheets.find((s) => s.name === name);
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
    this.stats = { syncs: 0, runs: 0, maxOpBytes: 0, maxSyncBytes: 0, suspendCalls: 0, bytesByKind: {}, syncBytes: [] };
  }

  readonly isSetSupported = (name: string, version: string): boolean => name === 'ExcelApi' && compareVersions(version, this.apiVersion) <= 0;

  /** Excel.run: a fresh context; anything still queued when the batch ends is synced (and counted). */
  readonly run: ExcelRunner = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.stats.runs++;
    const ctx = new Ctx(this);
    const out = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.queue.length > 0) await ctx.sync();
    return out;
  };
}
