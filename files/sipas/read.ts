import ExcelJS from 'exceljs';
import { issue } from '../../engine';
import type { SipasInstrument } from '../../engine';
import { builtinSipasInstrument } from '../../engine';
import { decodeCsv, parseCsv } from './csv';
import { SipasInputBuilder, type SipasInput } from './grid';

export interface ReadSipasOptions {
  /** Instrument whose item ids name the columns (default: built-in 2022). */
  instrument?: SipasInstrument;
  /** File name for issue locations. */
  file?: string;
  /** Only this sheet of a workbook (default: every sheet with a unit column). */
  sheet?: string;
}

/**
 * Read a responses CSV (UTF-8 with or without BOM, separator "," or ";"): header row with
 * the unit column and item ids; one respondent per row. Or a counts table (unit, item, 1…5, blank).
 * @example readSipasCsv(new TextEncoder().encode('unit,II.1.1\nKG,5\n')).responses.length // 1
 */
export function readSipasCsv(bytes: Uint8Array, options: ReadSipasOptions = {}): SipasInput {
  const b = new SipasInputBuilder(options.instrument ?? builtinSipasInstrument(), options.file);
  const dec = decodeCsv(bytes, options.file);
  b.addIssues(dec.issues);
  if (dec.text !== undefined) {
    const parsed = parseCsv(dec.text, undefined, options.file);
    b.addIssues(parsed.issues);
    b.addGrid(parsed.rows, undefined, true);
  }
  return b.build();
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((p) => p.text).join('');
    if ('result' in v) return v.result === undefined ? null : cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return String(v.error);
  }
  return null;
}

/**
 * Read responses from an .xlsx (exceljs; works in Node and the browser): every sheet whose
 * header row has a unit column is read as respondent rows or counts (see readSipasCsv);
 * other sheets are skipped. Cells formatted as text or numbers are both accepted.
 */
export async function readSipasXlsx(bytes: Uint8Array | ArrayBuffer, options: ReadSipasOptions = {}): Promise<SipasInput> {
  const b = new SipasInputBuilder(options.instrument ?? builtinSipasInstrument(), options.file);
  const wb = new ExcelJS.Workbook();
  const where = options.file !== undefined ? { file: options.file } : {};
  try {
    const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
  } catch (e) {
    b.addIssues([issue('sipas.file.unreadable', { detail: e instanceof Error ? e.message : String(e) }, where)]);
    return b.build();
  }
  const sheets = options.sheet !== undefined ? wb.worksheets.filter((ws) => ws.name === options.sheet) : wb.worksheets;
  if (options.sheet !== undefined && sheets.length === 0) {
    b.addIssues([issue('sipas.sheet.noSheet', { sheet: options.sheet }, where)]);
    return b.build();
  }
  let any = false;
  for (const ws of sheets) {
    const grid: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = cellValue(cell.value);
      });
      grid[rowNumber - 1] = cells;
    });
    // rows with nothing in them stay holes: a stray cell at row 1,048,576 costs one row, not a million
    if (b.addGrid(grid, ws.name, sheets.length === 1)) any = true;
  }
  if (!any && sheets.length > 1) b.addIssues([issue('sipas.sheet.noUnitColumn', {}, where)]);
  return b.build();
}
