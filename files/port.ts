/**
 * exceljs implementation of the WorkbookPort (engine/workbook/port.ts).
 * Browser-safe: no fs or path here (the standalone page uses it); file I/O lives in ./node.ts.
 *
 * Charts: exceljs cannot write charts. `RenderedSheet.charts` is honoured by the Office.js port
 * only; here each chart becomes a chart-data table (title, data range, a copy of its values)
 * beside the sheet's content, so the numbers stay visible and a user can insert the chart by hand.
 */
import ExcelJS from 'exceljs';
import type {
  CellStyle,
  CellValue,
  RenderedSheet,
  SheetInfo,
  SheetSnapshot,
  SheetState,
  Validation,
  WorkbookPort,
  WriteOptions,
} from '../engine/workbook/port';
import { a1, columnName, parseA1 } from '../engine/workbook/a1';

type Ws = ExcelJS.Worksheet;

/** Date → "yyyy-mm-dd" (exceljs hands dates over as UTC midnight). */
export function isoDate(d: Date): string {
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${day}`;
}

function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return h.length === 8 ? h : 'FF' + h.padStart(6, '0');
}

/** "A1:C3" → bounds (0-based, inclusive); a single address is a 1×1 range. */
export function rangeBounds(range: string): { r0: number; c0: number; r1: number; c1: number } | undefined {
  const [a, b] = range.split(':');
  const p = parseA1(a ?? '');
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return undefined;
  return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

interface ReadCell {
  value: CellValue;
  formula?: string;
  error?: string;
  date?: boolean;
}

/** Flatten any exceljs cell value to what the engine sees. */
export function readCellValue(v: ExcelJS.CellValue): ReadCell {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: isoDate(v), date: true };
  if (typeof v === 'object') {
    if ('error' in v && typeof v.error === 'string') return { value: null, error: v.error };
    if ('richText' in v && Array.isArray(v.richText)) return { value: v.richText.map((r) => r.text).join('') };
    if ('formula' in v || 'sharedFormula' in v) {
      const f = 'formula' in v && typeof v.formula === 'string' ? v.formula : 'sharedFormula' in v ? String(v.sharedFormula) : '';
      const res = 'result' in v ? (v.result as ExcelJS.CellValue | undefined) : undefined;
      const inner = readCellValue(res ?? null);
      return { ...inner, formula: f };
    }
    if ('hyperlink' in v && 'text' in v) {
      const text = v.text;
      if (typeof text === 'string') return { value: text };
      return readCellValue(text as ExcelJS.CellValue);
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return { value: (v as { text: string }).text };
  }
  return { value: String(v) };
}

interface ProtectionModel {
  sheetProtection?: { sheet?: boolean } | null;
}

function readSheet(ws: Ws): SheetSnapshot {
  const values: CellValue[][] = [];
  const formats: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const formulas: Record<string, string> = {};
  const dates: Record<string, true> = {};
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      const addr = a1(r, c);
      if (cell.isMerged && cell.master !== cell) return; // value lives in the master cell only
      const read = readCellValue(cell.value);
      while (values.length <= r) values.push([]);
      const line = values[r] ?? [];
      while (line.length < c) line.push(null);
      line[c] = read.value;
      values[r] = line;
      if (read.formula !== undefined) formulas[addr] = read.formula;
      if (read.error !== undefined) errors[addr] = read.error;
      if (read.date) dates[addr] = true;
      const fmt = cell.numFmt;
      if (typeof fmt === 'string' && fmt !== '' && fmt !== 'General') formats[addr] = fmt;
    });
  });
  // trim trailing empty rows
  while (values.length > 0 && (values[values.length - 1] ?? []).every((v) => v === null || v === '')) values.pop();
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
  // merges straight from the sheet (ws.model would serialise the whole sheet just for them)
  const merges = (ws as unknown as { _merges?: Record<string, { tl: string; br: string }> })._merges ?? {};
  const merged = Object.values(merges).map((m) => `${m.tl}:${m.br}`);
  const prot = (ws as unknown as ProtectionModel).sheetProtection;
  const snap: SheetSnapshot = {
    name: ws.name,
    values,
    state: (ws.state as SheetState | undefined) ?? 'visible',
    protected: Boolean(prot && prot.sheet),
  };
  if (Object.keys(formats).length) snap.formats = formats;
  if (Object.keys(errors).length) snap.errors = errors;
  if (Object.keys(formulas).length) snap.formulas = formulas;
  if (Object.keys(dates).length) snap.dates = dates;
  if (merged.length) snap.merged = merged;
  if (hiddenRows.length) snap.hiddenRows = hiddenRows;
  return snap;
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.bold !== undefined || s.italic !== undefined || s.fontColor !== undefined || s.fontSize !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
    if (s.bold !== undefined) font.bold = s.bold;
    if (s.italic !== undefined) font.italic = s.italic;
    if (s.fontSize !== undefined) font.size = s.fontSize;
    if (s.fontColor !== undefined) font.color = { argb: argb(s.fontColor) };
    cell.font = font;
  }
  if (s.fill !== undefined) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.numFmt !== undefined) cell.numFmt = s.numFmt;
  if (s.wrap !== undefined || s.align !== undefined) {
    const al: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}), vertical: 'top' };
    if (s.wrap !== undefined) al.wrapText = s.wrap;
    if (s.align !== undefined) al.horizontal = s.align;
    cell.alignment = al;
  }
  if (s.border) {
    const side: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9E9E9E' } };
    cell.border = { top: side, left: side, bottom: side, right: side };
  }
  if (s.locked !== undefined) cell.protection = { locked: s.locked };
}

function excelDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** A list dropdown fits inline when the quoted comma list stays under Excel's 255-character limit. */
function inlineList(values: readonly string[]): string | undefined {
  if (values.some((v) => v.includes(',') || v.includes('"'))) return undefined;
  const s = `"${values.join(',')}"`;
  return s.length <= 255 ? s : undefined;
}

/** Name of the hidden sheet holding long dropdown lists for `sheet` (≤ 31 characters). */
export function listSheetName(sheet: string): string {
  return ('_lists_' + sheet).slice(0, 31);
}

function validationModel(v: Validation, listRef: string | undefined): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    ...(v.error !== undefined ? { error: v.error, errorTitle: 'parindex' } : {}),
    ...(v.prompt !== undefined ? { prompt: v.prompt, showInputMessage: true } : {}),
  } as const;
  switch (v.type) {
    case 'list':
      return { ...common, type: 'list', formulae: [listRef ?? '""'] };
    case 'decimal':
      return { ...common, type: 'decimal', operator: 'between', formulae: [v.min, v.max] };
    case 'whole':
      return { ...common, type: 'whole', operator: 'between', formulae: [v.min, v.max] };
    case 'date': {
      const min = excelDate(v.min ?? '1900-01-01');
      const max = excelDate(v.max ?? '9999-12-31');
      return { ...common, type: 'date', operator: 'between', formulae: [min, max] };
    }
  }
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export class ExcelJsPort implements WorkbookPort {
  readonly host = 'exceljs' as const;
  readonly workbook: ExcelJS.Workbook;

  private constructor(wb: ExcelJS.Workbook) {
    this.workbook = wb;
  }

  /** An empty workbook. */
  static create(): ExcelJsPort {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'parindex';
    return new ExcelJsPort(wb);
  }

  /** Load an .xlsx from bytes. Rejects (throws) when the bytes are not a readable xlsx; Node callers use openXlsxFile for located issues. */
  static async fromBuffer(buf: ArrayBuffer | Uint8Array): Promise<ExcelJsPort> {
    const wb = new ExcelJS.Workbook();
    const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
    // exceljs accepts a Buffer in Node and an ArrayBuffer in the browser; both are Uint8Array-compatible here.
    const input = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await wb.xlsx.load(input);
    return new ExcelJsPort(wb);
  }

  async toBuffer(): Promise<Uint8Array> {
    const out = await this.workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
    return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((ws) => ({ name: ws.name, state: (ws.state as SheetState | undefined) ?? 'visible' }));
  }

  async read(names: readonly string[]): Promise<SheetSnapshot[]> {
    const out: SheetSnapshot[] = [];
    for (const name of names) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) out.push(readSheet(ws));
    }
    return out;
  }

  async write(sheets: readonly RenderedSheet[], options: WriteOptions = {}): Promise<void> {
    let done = 0;
    for (const sheet of sheets) {
      await this.writeSheet(sheet);
      done++;
      options.onProgress?.(done / sheets.length);
    }
    if (sheets.length === 0) options.onProgress?.(1);
    const shown = [...sheets].reverse().find((s) => s.active);
    if (shown) this.activate(shown.name);
  }

  /** Make `name` the sheet shown when the file is opened. */
  private activate(name: string): void {
    const index = this.workbook.worksheets.findIndex((w) => w.name === name);
    if (index < 0) return;
    this.workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: 'visible' }];
  }

  /** Remove `name` if present and add a fresh sheet at the same position. */
  private replaceSheet(name: string): Ws {
    const old = this.workbook.getWorksheet(name);
    if (!old) return this.workbook.addWorksheet(name);
    const orderNo = (old as unknown as { orderNo: number }).orderNo;
    this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(name);
    (ws as unknown as { orderNo: number }).orderNo = orderNo;
    return ws;
  }

  private async writeSheet(sheet: RenderedSheet): Promise<void> {
    const ws = this.replaceSheet(sheet.name);
    ws.headerFooter.oddFooter = `&L${sheet.marker}`;
    // Print on A4, one page wide (as many pages tall as needed); wide tables in landscape.
    const columns = sheet.columnWidths?.length ?? sheet.values.reduce((m, r) => Math.max(m, r.length), 0);
    ws.pageSetup = { paperSize: 9, orientation: (sheet.landscape ?? columns > 8) ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    // values: strings stay text (exceljs only makes formulas from {formula} objects)
    sheet.values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        ws.getCell(r + 1, c + 1).value = v;
      });
    });
    (sheet.columnWidths ?? []).forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    for (const { range, style } of sheet.styles ?? []) {
      const b = rangeBounds(range);
      if (!b) continue;
      for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) applyStyle(ws.getCell(r + 1, c + 1), style);
    }
    for (const r of sheet.hiddenRows ?? []) ws.getRow(r).hidden = true;
    for (const c of sheet.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
    if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
      ws.views = [
        {
          state: 'frozen',
          xSplit: sheet.freeze.columns,
          ySplit: sheet.freeze.rows,
          topLeftCell: a1(sheet.freeze.rows, sheet.freeze.columns),
        },
      ];
    }
    for (const m of sheet.merges ?? []) {
      try {
        ws.mergeCells(m);
      } catch {
        // overlapping merge in the rendered spec: skip it rather than fail the whole write
      }
    }
    let priority = 1;
    for (const cf of sheet.conditionalFormats ?? []) {
      const style: Partial<ExcelJS.Style> = {
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } },
        ...(cf.fontColor !== undefined ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
      };
      const formulae = cf.rule === 'between' ? [String(cf.value), String(cf.value2 ?? cf.value)] : [String(cf.value)];
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [{ type: 'cellIs', operator: cf.rule as ExcelJS.CellIsOperators, formulae, style, priority: priority++ }],
      });
    }
    // dropdowns: inline when short, else from a hidden list sheet
    const longLists: string[][] = [];
    for (const v of sheet.validations ?? []) {
      let listRef: string | undefined;
      if (v.type === 'list') {
        listRef = inlineList(v.values);
        if (listRef === undefined) {
          const col = longLists.length;
          longLists.push(v.values);
          listRef = `${quoteSheet(listSheetName(sheet.name))}!$${columnName(col)}$1:$${columnName(col)}$${Math.max(1, v.values.length)}`;
        }
      }
      const model = validationModel(v, listRef);
      const b = rangeBounds(v.range);
      if (!b) continue;
      const cells = (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
      if (cells > 500) {
        // large ranges (whole input columns) stay one rule instead of one per cell
        const dv = (ws as unknown as { dataValidations?: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
        if (dv) {
          dv.add(`${a1(b.r0, b.c0)}:${a1(b.r1, b.c1)}`, model);
          continue;
        }
      }
      for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) ws.getCell(r + 1, c + 1).dataValidation = model;
    }
    const listName = listSheetName(sheet.name);
    if (longLists.length > 0) {
      const ls = this.replaceSheet(listName);
      longLists.forEach((vals, c) => vals.forEach((val, r) => (ls.getCell(r + 1, c + 1).value = val)));
      ls.state = 'veryHidden';
    } else if (sheet.name !== listName && this.workbook.getWorksheet(listName)) {
      this.workbook.removeWorksheet(this.workbook.getWorksheet(listName)?.id ?? -1);
    }
    // charts cannot be written by exceljs: each chart becomes a chart-data table beside the content
    const charts = sheet.charts ?? [];
    if (charts.length > 0) {
      const width = Math.max(0, ...sheet.values.map((r) => r.length));
      const col = width + 2;
      let row = 1;
      ws.getCell(row, col).value = 'Biểu đồ chỉ được vẽ trong Excel add-in; dữ liệu của từng biểu đồ / Charts are drawn by the Excel add-in only; chart data:';
      ws.getCell(row, col).font = { italic: true, color: { argb: 'FF666666' } };
      row += 2;
      for (const ch of charts) {
        ws.getCell(row, col).value = `${ch.title} (${ch.dataRange})`;
        ws.getCell(row, col).font = { bold: true };
        row++;
        const b = rangeBounds(ch.dataRange);
        if (b) {
          for (let r = b.r0; r <= b.r1; r++) {
            for (let c = b.c0; c <= b.c1; c++) {
              const v = sheet.values[r]?.[c];
              if (v !== null && v !== undefined) ws.getCell(row, col + (c - b.c0)).value = v;
            }
            if (r === b.r0) for (let c = b.c0; c <= b.c1; c++) ws.getCell(row, col + (c - b.c0)).font = { bold: true };
            row++;
          }
        }
        row++;
      }
    }
    if (sheet.printArea) ws.pageSetup.printArea = sheet.printArea;
    if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
    if (sheet.state && sheet.state !== 'visible') ws.state = sheet.state;
    if (sheet.protection) {
      await ws.protect(sheet.protection.password ?? '', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatCells: false,
        formatRows: false,
        insertRows: false,
        deleteRows: false,
        sort: false,
        autoFilter: false,
        // an accident guard, not security: a light hash keeps writing many templates fast
        spinCount: 1000,
      });
    }
  }
}
