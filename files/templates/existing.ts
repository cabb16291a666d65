/**
 * What is already at a template's path before `parindex templates` writes there (Node): a blank
 * template of the same master may be replaced; a returned (filled) one, one of another master or
 * unit, or any other file may not, unless the user says --force.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { existingTemplateProblem, ref, type CellValue, type ExistingFile, type MessageRef, type RenderedSheet } from '../../engine';
import { checkXlsxBytes } from '../xlsxCheck';

const META_SHEET = '_meta';
/** Input cells listed by position (the first is named in the message); all are counted. */
const LISTED = 5;

function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return plain(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v && typeof v.text === 'string') return v.text;
  return null;
}

const hasValue = (v: ExcelJS.CellValue): boolean => {
  const p = plain(v);
  return p !== null && !(typeof p === 'string' && p.trim() === '');
};

/** Read the parts of a workbook the check needs: sheet names, `_meta` values, unlocked cells holding a value. */
async function readExisting(bytes: Uint8Array): Promise<ExistingFile> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const filled: { sheet: string; cell: string }[] = [];
  let filledCount = 0;
  let meta: CellValue[][] | undefined;
  for (const ws of wb.worksheets) {
    if (ws.name === META_SHEET) {
      const rows: CellValue[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        const line: CellValue[] = [];
        row.eachCell({ includeEmpty: true }, (cell, c) => (line[c - 1] = plain(cell.value)));
        rows[r - 1] = Array.from(line, (x) => x ?? null);
      });
      meta = Array.from(rows, (x) => x ?? []);
      continue;
    }
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.protection?.locked !== false || !hasValue(cell.value)) return;
        filledCount++;
        if (filled.length < LISTED) filled.push({ sheet: ws.name, cell: cell.address });
      }),
    );
  }
  return { sheetNames: wb.worksheets.map((w) => w.name), ...(meta ? { meta } : {}), filled, filledCount };
}

/**
 * Why the file at `out` must not be replaced by `template` (undefined: nothing there, or a blank
 * template of the same criteria set and unit).
 */
export async function existingFileProblem(out: string, template: { sheets: readonly RenderedSheet[] }): Promise<MessageRef | undefined> {
  let stat;
  try {
    stat = await fsp.lstat(out);
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) return ref('file.reason.isFolder');
  if (!stat.isFile()) return ref('templates.existing.notTemplate');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fsp.readFile(out));
  } catch (e) {
    return ref('templates.existing.unreadable', { detail: e instanceof Error ? e.message : String(e) });
  }
  const refused = checkXlsxBytes(bytes, path.basename(out))[0];
  if (refused) return ref('templates.existing.unreadable', { detail: ref(refused.code, refused.params) });
  let existing: ExistingFile;
  try {
    existing = await readExisting(bytes);
  } catch (e) {
    return ref('templates.existing.unreadable', { detail: e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e) });
  }
  return existingTemplateProblem({ sheets: [...template.sheets] }, existing);
}
