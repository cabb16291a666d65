/**
 * exceljs implementation of the WorkbookPort (engine/workbook/port.ts).
 * Browser-safe: no fs or path here (the standalone page uses it); file I/O lives in ./node.ts.
 *
 * Write semantics (the same as the Office.js port's, proved by test/contract):
 *
 * - A sheet that exists and that this port's preceding `read` returned — an input sheet such as
 *   "Kê khai" with its computed `out_` columns — is UPDATED IN PLACE, unless it was protected when
 *   read or the rendered sheet has charts or conditional formats. `write` consumes the last read:
 *   a second write without a new read replaces whole.
 *   - Values: only cells whose value differs from what the read saw are written (null clears the
 *     value, keeping the cell's style); a date cell the engine hands back as its serial is
 *     unchanged; a formula whose cached value is unchanged is not touched; merged cells other than
 *     the top-left one are never written. Overwriting the master of a shared formula first turns
 *     the cells sharing it into their own formulas, so they survive.
 *   - Styles and number formats of the rendered sheet apply to the ranges they name and only
 *     there; a cell whose style already matches is not touched, one that changes gets its own copy
 *     of its style first (exceljs shares one style object between cells of the same style after
 *     loading, so mutating it would restyle the user's cells too).
 *   - Validations the rendered sheet declares replace the validations of the cells of their range
 *     only; the user's other validations stay.
 *   - Column widths apply only to columns right of the content the read saw (the columns the
 *     software adds); the frozen panes and page setup stay the user's; `hiddenRows` is the full
 *     list (rows hidden when read and not listed are shown); hidden columns, merges not present,
 *     print area, tab colour, state and protection apply when the rendered sheet gives them. The
 *     marker goes into the left footer section (centre and right sections stay).
 *   - Everything else stays: the user's validations, conditional formats, styles, number formats
 *     (also of empty cells), column widths, row heights, frozen panes, merges, cell protection,
 *     sheet state and tab colour.
 * - Every other sheet the software owns (not read, or absent) is REPLACED WHOLE: removed and
 *   re-created at the same position from the rendered sheet alone.
 *
 * Strings are always written as text: exceljs makes a formula only from a `{ formula }` object,
 * and this port only ever assigns strings, numbers, booleans and null.
 *
 * Charts: exceljs cannot write charts. The charts of each sheet written whole are kept and added
 * to the package by `toBuffer` as native DrawingML charts (./charts.ts) whose series reference the
 * sheet's cells, so Excel and LibreOffice draw them and redraw them when the numbers change.
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
} from '../engine';
import { a1, columnName, eachPresent, EXCEL_MAX_TEXT, parseA1, sheetProtectedInXml, worksheetPartsByName } from '../engine';
import { withCharts, type SheetCharts } from './charts';
import { applyFont, applyFooterAndMarker, applyFormulas, applyPageSetup, applyRowHeights, lockStructure, withPackageTweaks } from './sheetExtras';

type Ws = ExcelJS.Worksheet;

/** Date → "yyyy-mm-dd" (exceljs hands dates over as UTC midnight). */
export function isoDate(d: Date): string {
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${day}`;
}

/**
 * A date cell as the engine reads it: "yyyy-mm-dd", with "Thh:mm" when the cell holds a time of
 * day (a submission time, a survey answer's time), as the Office.js port keeps it from the serial.
 * @example isoDateTime(new Date(Date.UTC(2026, 10, 18, 9, 0))) // "2026-11-18T09:00"
 */
export function isoDateTime(d: Date): string {
  // exceljs turns the serial's fraction into milliseconds (09:00 may arrive as 08:59:59.999): to the
  // nearest minute, as the engine reads a serial (serialToIso) through the Office.js port
  const t = new Date(Math.round(d.getTime() / 60_000) * 60_000);
  const hh = t.getUTCHours();
  const mm = t.getUTCMinutes();
  if (hh === 0 && mm === 0) return isoDate(t);
  return `${isoDate(t)}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
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
  if (v instanceof Date) return { value: isoDateTime(v), date: true };
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

/**
 * exceljs reads `<sheetProtection sheet="1">` only; LibreOffice writes `sheet="true"` (both are
 * xsd:boolean true), so a template re-saved by LibreOffice looked unprotected. Sheets exceljs left
 * unsure are read from their XML part (the zip is opened only then: other files cost nothing).
 */
async function readProtectionSpellings(wb: ExcelJS.Workbook, bytes: ArrayBuffer): Promise<void> {
  const unsure = wb.worksheets.filter((ws) => {
    const p = (ws as unknown as ProtectionModel).sheetProtection;
    return p !== null && p !== undefined && Object.keys(p).length > 0 && p.sheet !== true;
  });
  if (unsure.length === 0) return;
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ 'jszip');
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const parts = worksheetPartsByName(await text('xl/workbook.xml'), await text('xl/_rels/workbook.xml.rels'));
  for (const ws of unsure) {
    const part = parts.get(ws.name);
    const p = (ws as unknown as ProtectionModel).sheetProtection;
    if (part !== undefined && p && sheetProtectedInXml(await text(part))) p.sheet = true;
  }
}

/** exceljs keeps a sheet's rows in a sparse array indexed by row number (holes where a row is absent). */
function rowsPresent(ws: Ws): readonly (ExcelJS.Row | undefined)[] {
  return (ws as unknown as { _rows?: (ExcelJS.Row | undefined)[] })._rows ?? [];
}

/**
 * One sheet as the engine sees it. Only the rows and cells the file holds are visited and kept:
 * `values` has holes for absent rows and cells (a stray cell at row 1,000,000 costs one row, not a
 * million), as SheetSnapshot allows. exceljs's `eachRow({ includeEmpty: true })` would make a row
 * object for every row number up to the last one.
 */
function readSheet(ws: Ws): SheetSnapshot {
  const values: CellValue[][] = [];
  const formats: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const formulas: Record<string, string> = {};
  const dates: Record<string, true> = {};
  const hiddenRows: number[] = [];
  let lastRow = -1;
  eachPresent(rowsPresent(ws), (row) => {
    const rowNumber = row.number;
    if (row.hidden) hiddenRows.push(rowNumber);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      const addr = a1(r, c);
      if (cell.isMerged && cell.master !== cell) return; // value lives in the master cell only
      const read = readCellValue(cell.value);
      let line = values[r];
      if (line === undefined) values[r] = line = [];
      line[c] = read.value;
      if (read.value !== null && read.value !== '') lastRow = Math.max(lastRow, r);
      if (read.formula !== undefined) {
        // a cell sharing another's formula (Excel's fill-down) holds only the master's address: ask exceljs for its own
        const shared = typeof cell.value === 'object' && cell.value !== null && 'sharedFormula' in cell.value;
        formulas[addr] = shared ? cell.formula : read.formula;
      }
      if (read.error !== undefined) {
        errors[addr] = read.error;
        lastRow = Math.max(lastRow, r);
      }
      if (read.date) dates[addr] = true;
      const fmt = cell.numFmt;
      if (typeof fmt === 'string' && fmt !== '' && fmt !== 'General') formats[addr] = fmt;
    });
  });
  // trailing empty rows are left out
  values.length = lastRow + 1;
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
    const side: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: BORDER_ARGB } };
    cell.border = { top: side, left: side, bottom: side, right: side };
  }
  if (s.locked !== undefined) cell.protection = { ...(cell.protection ?? {}), locked: s.locked };
}

const BORDER_ARGB = 'FF9E9E9E';

/** Does the cell already look as `s` asks (so an in-place update can leave it alone)? */
function styleMatches(cell: ExcelJS.Cell, s: CellStyle): boolean {
  const font: Partial<ExcelJS.Font> = cell.font ?? {};
  if (s.bold !== undefined && Boolean(font.bold) !== s.bold) return false;
  if (s.italic !== undefined && Boolean(font.italic) !== s.italic) return false;
  if (s.fontSize !== undefined && font.size !== s.fontSize) return false;
  if (s.fontColor !== undefined && font.color?.argb !== argb(s.fontColor)) return false;
  if (s.fill !== undefined) {
    const f = cell.fill;
    if (!f || f.type !== 'pattern' || f.pattern !== 'solid' || f.fgColor?.argb !== argb(s.fill)) return false;
  }
  if (s.numFmt !== undefined && (cell.numFmt || 'General') !== s.numFmt) return false;
  if (s.wrap !== undefined || s.align !== undefined) {
    const al: Partial<ExcelJS.Alignment> = cell.alignment ?? {};
    if (al.vertical !== 'top') return false;
    if (s.wrap !== undefined && Boolean(al.wrapText) !== s.wrap) return false;
    if (s.align !== undefined && al.horizontal !== s.align) return false;
  }
  if (s.border) {
    const b: Partial<ExcelJS.Borders> = cell.border ?? {};
    for (const side of [b.top, b.left, b.bottom, b.right]) if (side?.style !== 'thin' || side.color?.argb !== BORDER_ARGB) return false;
  }
  if (s.locked !== undefined && (cell.protection?.locked ?? true) !== s.locked) return false;
  return true;
}

type StyleObject = Partial<ExcelJS.Style>;

/**
 * Apply `s` to a cell of a sheet the user has: untouched when it already matches, else on a copy
 * of its style (never the style object it may share with the user's cells). `memo` maps a style
 * to its restyled copy, so cells that shared a style share the new one (as Excel stores them).
 */
function restyle(cell: ExcelJS.Cell, s: CellStyle, memo: Map<StyleObject, StyleObject>): void {
  if (styleMatches(cell, s)) return;
  const before = cell.style;
  const after = memo.get(before);
  if (after) {
    cell.style = after;
    return;
  }
  cell.style = { ...before };
  applyStyle(cell, s);
  memo.set(before, cell.style);
}

/**
 * A value as a cell can hold it: text longer than Excel takes (EXCEL_MAX_TEXT) is cut, ending in
 * "…", so that every file written opens in Excel. The readers refuse over-long text in their
 * inputs (located), so only text the software composes (a message quoting a long value) is cut.
 */
function fitText(v: CellValue): CellValue {
  if (typeof v !== 'string' || v.length <= EXCEL_MAX_TEXT) return v;
  let end = EXCEL_MAX_TEXT - 1;
  const code = v.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // never split a surrogate pair
  return v.slice(0, end) + '…';
}

/** Columns holding content: one past the last non-empty cell of the widest row. */
function contentWidth(values: readonly (readonly CellValue[] | undefined)[]): number {
  let w = 0;
  eachPresent(values, (row) => {
    eachPresent(row, (v, c) => {
      if (c >= w && v !== null && v !== '') w = c + 1;
    });
  });
  return w;
}

/** Same content: null, undefined and '' all mean empty. */
function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a === null || a === undefined ? '' : a;
  const y = b === null || b === undefined ? '' : b;
  return x === y;
}

const DAY_MS = 86400000;

/** Would writing `want` leave the cell as it is? (The engine hands a date cell back as its serial.) */
function unchanged(want: CellValue, read: ReadCell, date1904: boolean): boolean {
  if (sameValue(want, read.value)) return true;
  if (typeof want !== 'number' || !read.date || typeof read.value !== 'string') return false;
  const serial = Date.parse(`${read.value.slice(0, 10)}T00:00:00Z`) / DAY_MS + 25569;
  if (date1904 && Math.abs(want - (serial - 1462)) < 1e-9) return true;
  return Math.abs(want - serial) < 1e-9 || (serial < 61 && Math.abs(want - (serial - 1)) < 1e-9);
}

/** The master of a shared formula (other cells in `ref` reuse its formula). */
function sharedMaster(v: ExcelJS.CellValue): string | undefined {
  if (v === null || typeof v !== 'object' || !('shareType' in v) || v.shareType !== 'shared') return undefined;
  return 'ref' in v && typeof v.ref === 'string' ? v.ref : undefined;
}

/** Before a shared formula's master is overwritten: the cells sharing it get their own formula. */
function detachSharedFormula(ws: Ws, master: ExcelJS.Cell, ref: string): void {
  const b = rangeBounds(ref);
  if (!b) return;
  for (let r = b.r0; r <= b.r1; r++) {
    const row = ws.findRow(r + 1);
    if (!row) continue;
    for (let c = b.c0; c <= b.c1; c++) {
      const cell = row.findCell(c + 1);
      const v = cell?.value;
      if (!cell || cell === master || v === null || typeof v !== 'object' || !('sharedFormula' in v) || v.sharedFormula !== master.address) continue;
      const formula = cell.formula;
      const result = 'result' in v ? v.result : undefined;
      cell.value = (result === undefined ? { formula } : { formula, result }) as ExcelJS.CellValue;
    }
  }
}

/** A footer with its left section set to `text` (centre and right sections kept). */
export function withLeftFooter(footer: string | undefined, text: string): string {
  const parts: Record<'L' | 'C' | 'R', string> = { L: '', C: '', R: '' };
  const f = footer ?? '';
  let section: 'L' | 'C' | 'R' = 'C'; // text before any code is centred
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    const next = f[i + 1];
    if (ch === '&' && (next === 'L' || next === 'C' || next === 'R')) {
      section = next;
      i += 2;
      continue;
    }
    if (ch === '&' && next !== undefined) {
      parts[section] += ch + next; // "&&", "&P", "&\"font\""…
      i += 2;
      continue;
    }
    parts[section] += ch ?? '';
    i++;
  }
  parts.L = text.replace(/&/g, '&&');
  return `&L${parts.L}` + (parts.C ? `&C${parts.C}` : '') + (parts.R ? `&R${parts.R}` : '');
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
    ...(v.error !== undefined ? { error: v.error, errorTitle: v.errorTitle ?? 'parindex' } : {}),
    ...(v.prompt !== undefined ? { prompt: v.prompt, showInputMessage: true, ...(v.promptTitle !== undefined ? { promptTitle: v.promptTitle } : {}) } : {}),
  } as const;
  switch (v.type) {
    case 'custom':
      return { ...common, type: 'custom', formulae: [v.formula.replace(/^=/, '')] };
    case 'any':
      // exceljs writes a validation of type "any" (a prompt without a check); its typings omit it
      return { ...common, type: 'any' } as unknown as ExcelJS.DataValidation;
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

/** exceljs keeps a sheet's validations by address: one cell ("B4") or a range ("B4:B900"). */
interface ValidationStore {
  model: Record<string, ExcelJS.DataValidation | undefined>;
}

function validationStore(ws: Ws): ValidationStore | undefined {
  const dv = (ws as unknown as { dataValidations?: ValidationStore }).dataValidations;
  return dv && typeof dv.model === 'object' ? dv : undefined;
}

type Box = { r0: number; c0: number; r1: number; c1: number };

function boxAddress(b: Box): string {
  return b.r0 === b.r1 && b.c0 === b.c1 ? a1(b.r0, b.c0) : `${a1(b.r0, b.c0)}:${a1(b.r1, b.c1)}`;
}

/** `a` minus `b`: up to four boxes (above, below, left, right of the overlap). */
function subtractBox(a: Box, b: Box): Box[] {
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

/** Remove validation from the cells of `box` (as Office.js `Range.dataValidation.clear()`); cells around keep theirs. */
function clearValidations(ws: Ws, box: Box): void {
  const store = validationStore(ws);
  if (!store) return;
  for (const key of Object.keys(store.model)) {
    const dv = store.model[key];
    const kb = rangeBounds(key);
    if (!kb) continue;
    const rest = subtractBox(kb, box);
    if (rest.length === 1 && rest[0] === kb) continue;
    delete store.model[key];
    if (dv) for (const piece of rest) store.model[boxAddress(piece)] = dv;
  }
}

/**
 * exceljs loads a validation cell by cell (a dropdown over a 32,000-row column is 32,000 entries,
 * costly to save): fold each validation's cells back into one range per column run.
 */
function compactValidations(ws: Ws): void {
  const store = validationStore(ws);
  if (!store) return;
  const runs = new Map<ExcelJS.DataValidation, Map<number, number[]>>();
  const model: Record<string, ExcelJS.DataValidation | undefined> = {};
  for (const key in store.model) {
    const dv = store.model[key];
    if (!dv) continue;
    // "H12" → column 7, row 11 (exceljs writes these keys upper-case, without "$")
    let i = 0;
    let col = 0;
    let row = 0;
    for (; i < key.length; i++) {
      const ch = key.charCodeAt(i);
      if (ch < 65 || ch > 90) break;
      col = col * 26 + ch - 64;
    }
    const letters = i;
    for (; i < key.length; i++) {
      const ch = key.charCodeAt(i);
      if (ch < 48 || ch > 57) break;
      row = row * 10 + ch - 48;
    }
    if (letters === 0 || i !== key.length || row === 0) {
      model[key] = dv; // a range, or anything else: kept as it is
      continue;
    }
    let byCol = runs.get(dv);
    if (!byCol) runs.set(dv, (byCol = new Map()));
    const rows = byCol.get(col - 1);
    if (rows) rows.push(row - 1);
    else byCol.set(col - 1, [row - 1]);
  }
  store.model = model;
  for (const [dv, byCol] of runs) {
    for (const [c, rows] of byCol) {
      rows.sort((x, y) => x - y);
      let start = rows[0] ?? 0;
      for (let i = 1; i <= rows.length; i++) {
        const prev = rows[i - 1] ?? start;
        const r = rows[i];
        if (r === prev + 1) continue;
        store.model[boxAddress({ r0: start, c0: c, r1: prev, c1: c })] = dv;
        if (r !== undefined) start = r;
      }
    }
  }
}

/** Set `model` on every cell of `box`: one range entry (large ranges stay one rule on save). */
function addValidation(ws: Ws, box: Box, model: ExcelJS.DataValidation): void {
  const store = validationStore(ws);
  if (store) {
    store.model[boxAddress(box)] = model;
    return;
  }
  for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) ws.getCell(r + 1, c + 1).dataValidation = model;
}

export class ExcelJsPort implements WorkbookPort {
  readonly host = 'exceljs' as const;
  readonly workbook: ExcelJS.Workbook;
  /** Sheets as the last `read` returned them; used (then dropped) by the next `write`. */
  private lastRead = new Map<string, SheetSnapshot>();
  /** Charts of the sheets written whole, by sheet name: added to the package when it is saved. */
  private charts = new Map<string, SheetCharts>();

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
    await readProtectionSpellings(wb, input);
    return new ExcelJsPort(wb);
  }

  /** The workbook as .xlsx bytes, with the native charts of the sheets this port wrote (./charts.ts). */
  /** When the file was last saved, as its metadata says (docProps "modified"); undefined when it does not say. */
  savedAt(): Date | undefined {
    const d: unknown = (this.workbook as { modified?: unknown }).modified;
    return d instanceof Date && !Number.isNaN(d.getTime()) ? d : undefined;
  }

  async toBuffer(): Promise<Uint8Array> {
    const out = await this.workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
    const bytes = out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
    const charted = [...this.charts.values()].filter((c) => this.workbook.getWorksheet(c.sheet) !== undefined);
    const withChartParts = charted.length > 0 ? await withCharts(bytes, charted) : bytes;
    // the default font and the structure lock (files/sheetExtras.ts): what exceljs cannot write
    return withPackageTweaks(withChartParts, this.workbook);
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
    // cells exceljs types as dates are converted already; serial numbers elsewhere follow the workbook's system
    if ((this.workbook.properties as { date1904?: boolean }).date1904 === true) for (const s of out) s.date1904 = true;
    this.lastRead = new Map(out.map((s) => [s.name, s]));
    return out;
  }

  async write(sheets: readonly RenderedSheet[], options: WriteOptions = {}): Promise<void> {
    const seen = this.lastRead;
    this.lastRead = new Map();
    let done = 0;
    for (const sheet of sheets) {
      const snap = seen.get(sheet.name);
      const ws = this.workbook.getWorksheet(sheet.name);
      this.charts.delete(sheet.name);
      if (snap && ws && canUpdateInPlace(snap, sheet)) await this.updateSheet(ws, sheet, snap);
      else await this.writeSheet(sheet);
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

  /** An owned sheet: replaced whole by a fresh one built from `sheet` alone. */
  private async writeSheet(sheet: RenderedSheet): Promise<void> {
    const ws = this.replaceSheet(sheet.name);
    // Print on A4, one page wide (as many pages tall as needed), wide tables in landscape, unless
    // the sheet sets its page (a printed form: paper, scale, repeated header rows, own footer).
    const columns = sheet.columnWidths?.length ?? sheet.values.reduce((m, r) => Math.max(m, r.length), 0);
    applyPageSetup(ws, sheet, columns);
    // values: strings stay text (exceljs only makes formulas from {formula} objects)
    eachPresent(sheet.values, (row, r) => {
      eachPresent(row, (v, c) => {
        if (v === null) return;
        ws.getCell(r + 1, c + 1).value = fitText(v);
      });
    });
    if (applyFormulas(ws, sheet)) this.workbook.calcProperties = { ...(this.workbook.calcProperties ?? {}), fullCalcOnLoad: true };
    applyFooterAndMarker(ws, sheet, withLeftFooter);
    (sheet.columnWidths ?? []).forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    for (const { range, style } of sheet.styles ?? []) {
      const b = rangeBounds(range);
      if (!b) continue;
      for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) applyStyle(ws.getCell(r + 1, c + 1), style);
    }
    applyFont(ws, sheet);
    applyRowHeights(ws, sheet);
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
      if (cf.rule === 'expression') {
        ws.addConditionalFormatting({ ref: cf.range, rules: [{ type: 'expression', formulae: [cf.formula.replace(/^=/, '')], style, priority: priority++ }] });
        continue;
      }
      const formulae = cf.rule === 'between' ? [String(cf.value), String(cf.value2 ?? cf.value)] : [String(cf.value)];
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [{ type: 'cellIs', operator: cf.rule as ExcelJS.CellIsOperators, formulae, style, priority: priority++ }],
      });
    }
    const longLists = this.applyValidations(ws, sheet, false);
    const listName = listSheetName(sheet.name);
    if (longLists.length > 0) await this.writeListSheet(listName, longLists, sheet.protection);
    else if (sheet.name !== listName && this.workbook.getWorksheet(listName)) {
      this.workbook.removeWorksheet(this.workbook.getWorksheet(listName)?.id ?? -1);
    }
    // exceljs cannot write charts: they are kept here and added to the package by toBuffer
    if ((sheet.charts ?? []).length > 0) this.charts.set(sheet.name, { sheet: sheet.name, charts: sheet.charts ?? [], values: sheet.values });
    await this.finish(ws, sheet);
  }

  /**
   * An input sheet the last read returned, updated in place (see the header comment): changed
   * values only, the rendered styles and validations on the ranges they name, widths of added
   * columns; the user's formats, validations, widths, panes, merges and layout stay.
   */
  private async updateSheet(ws: Ws, sheet: RenderedSheet, seen: SheetSnapshot): Promise<void> {
    // a loaded sheet may have no header/footer or page setup at all
    const hf: Partial<ExcelJS.HeaderFooter> = ws.headerFooter ?? {};
    ws.headerFooter = { ...hf, oddFooter: withLeftFooter(hf.oddFooter, sheet.marker) };
    // 1. values: every rendered cell, then cells the rendered sheet no longer has
    const put = (cell: ExcelJS.Cell, v: CellValue): void => {
      const ref = sharedMaster(cell.value);
      if (ref) detachSharedFormula(ws, cell, ref);
      cell.value = fitText(v);
    };
    // rows and cells absent from the rendered values (holes) are empty: visited through the sheet's own cells below
    eachPresent(sheet.values, (values, r) => {
      const row = ws.findRow(r + 1);
      eachPresent(values, (v, c) => {
        const want = v ?? null;
        const cell = row?.findCell(c + 1);
        if (!cell) {
          if (want !== null && want !== '') put(ws.getCell(r + 1, c + 1), want);
          return;
        }
        if (cell.isMerged && cell.master !== cell) return; // the value lives in the top-left cell
        if (!unchanged(want, readCellValue(cell.value), seen.date1904 === true)) put(cell, want);
      });
    });
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const line = sheet.values[rowNumber - 1];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (line?.[colNumber - 1] !== undefined || (cell.isMerged && cell.master !== cell)) return;
        if (readCellValue(cell.value).value !== null) put(cell, null);
      });
    });
    // 2. styles on the ranges they name, nowhere else
    for (const { range, style } of sheet.styles ?? []) {
      const b = rangeBounds(range);
      if (!b) continue;
      const memo = new Map<StyleObject, StyleObject>();
      for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) restyle(ws.getCell(r + 1, c + 1), style, memo);
    }
    // 3. layout: widths of the columns the software adds; the rendered list of hidden rows
    const from = contentWidth(seen.values);
    (sheet.columnWidths ?? []).forEach((w, i) => {
      if (i >= from) ws.getColumn(i + 1).width = w;
    });
    const hidden = new Set(sheet.hiddenRows ?? []);
    for (const r of seen.hiddenRows ?? []) if (!hidden.has(r)) ws.getRow(r).hidden = false;
    for (const r of hidden) ws.getRow(r).hidden = true;
    for (const c of sheet.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
    const merged = new Set(seen.merged ?? []);
    for (const m of sheet.merges ?? []) {
      if (merged.has(m)) continue;
      try {
        ws.mergeCells(m);
      } catch {
        // overlaps a merge the user made: keep theirs
      }
    }
    // 4. validations the rendered sheet declares replace those of their range only
    compactValidations(ws);
    const longLists = this.applyValidations(ws, sheet, true);
    if (longLists.length > 0) await this.writeListSheet(listSheetName(sheet.name), longLists, sheet.protection);
    await this.finish(ws, sheet);
  }

  /** Dropdowns inline when short, else from a hidden list sheet; returns the long lists (one column each). */
  private applyValidations(ws: Ws, sheet: RenderedSheet, clearFirst: boolean): string[][] {
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
      const b = rangeBounds(v.range);
      if (!b) continue;
      if (clearFirst) clearValidations(ws, b);
      addValidation(ws, b, validationModel(v, listRef));
    }
    return longLists;
  }

  /** The hidden sheet of long dropdown lists, protected like the sheet it serves. */
  private async writeListSheet(name: string, lists: readonly string[][], protection: RenderedSheet['protection']): Promise<void> {
    const ls = this.replaceSheet(name);
    lists.forEach((vals, c) => vals.forEach((val, r) => (ls.getCell(r + 1, c + 1).value = fitText(val))));
    ls.state = 'veryHidden';
    if (protection) await ls.protect(protection.password ?? '', { spinCount: 1000 });
  }

  /** What both kinds of write apply when the rendered sheet gives it: print area, tab colour, state, protection. */
  private async finish(ws: Ws, sheet: RenderedSheet): Promise<void> {
    if (sheet.printArea) ws.pageSetup = { ...(ws.pageSetup ?? {}), printArea: sheet.printArea };
    if (sheet.tabColor) ws.properties = { ...(ws.properties ?? {}), tabColor: { argb: argb(sheet.tabColor) } };
    if (sheet.state) ws.state = sheet.state;
    if (sheet.protection) {
      await ws.protect(sheet.protection.password ?? '', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatCells: false,
        formatRows: sheet.protection.formatRows === true,
        insertRows: false,
        deleteRows: false,
        sort: false,
        autoFilter: false,
        // an accident guard, not security: a light hash keeps writing many templates fast
        spinCount: 1000,
      });
      // the workbook's structure, locked by toBuffer with the same password
      if (sheet.protection.structure) lockStructure(ws, Boolean(sheet.protection.password));
    }
  }
}

/** Update in place, or replace whole? (The same rule as the Office.js port's.) */
function canUpdateInPlace(seen: SheetSnapshot, sheet: RenderedSheet): boolean {
  return !seen.protected && !(sheet.charts ?? []).length && !(sheet.conditionalFormats ?? []).length;
}
