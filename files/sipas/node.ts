/** Node-only: read a SIPAS input file (.json, .csv, .xlsx) from disk. */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue, type Location } from '../../engine';
import { validateSipasInstrument, builtinSipasInstrument, type SipasInstrument } from '../../engine';
import type { SipasDocumentInput } from '../../engine';
import { readSipasCsv, readSipasXlsx } from './read';
import { writeSipasXlsx } from './write';
import { z } from 'zod';
import { previousFromResult } from '../../engine';
import type { SipasResult } from '../../engine';
import type { Lang } from '../../engine';
import { checkFileSize, checkZipLimits, readJsonFile, writeFailureReason, writeFileAtomically, MAX_XLSX_BYTES } from '../node';

export interface LoadedSipas {
  /** The SIPAS document to score (undefined when the file could not be read at all). */
  doc?: SipasDocumentInput;
  issues: Issue[];
  locate?: (source: 'responses' | 'counts', index: number, item?: string) => Location;
  rowOf?: (source: 'responses' | 'counts', index: number) => number;
}

/**
 * Load `<doc.json | responses.xlsx | responses.csv>`. For sheets and CSV the built-in instrument
 * names the columns unless `instrument` is given.
 */
export async function loadSipasFile(file: string, options: { sheet?: string; instrument?: SipasInstrument } = {}): Promise<LoadedSipas> {
  const name = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') {
    const read = await readJsonFile(file, name);
    if (read.issues.length > 0) return { issues: read.issues.map((i) => (i.code === 'input.fileMissing' ? issue('input.fileMissing', { file }) : i)) };
    return { doc: read.raw as SipasDocumentInput, issues: [] };
  }
  // Size limits are checked before reading: CSV up to MAX_CSV_BYTES, workbooks up to MAX_XLSX_BYTES.
  let size;
  try {
    size = (await fsp.stat(file)).size;
  } catch {
    return { issues: [issue('input.fileMissing', { file })] };
  }
  if (ext === '.csv' || ext === '.txt') {
    const tooLarge = await checkFileSize(file, 'csv', name);
    if (tooLarge.length > 0) return { issues: tooLarge };
  }
  if ((ext === '.xlsx' || ext === '.xlsm') && size > MAX_XLSX_BYTES) {
    return { issues: [issue('file.tooLarge', { size, limit: MAX_XLSX_BYTES / (1024 * 1024) }, { file: name })] };
  }
  let bytes: Uint8Array;
  try {
    bytes = await fsp.readFile(file);
  } catch {
    return { issues: [issue('input.fileMissing', { file })] };
  }
  const instrument = options.instrument ?? builtinSipasInstrument();
  if (ext === '.csv' || ext === '.txt') {
    const input = readSipasCsv(bytes, { instrument, file: name });
    return { doc: { responses: input.responses, counts: input.counts }, issues: input.issues, locate: input.locate, rowOf: input.rowOf };
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    // A zip bomb or damaged zip is refused before exceljs unzips it (only zips: .xls and others
    // keep their own messages from the reader).
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      const zip = checkZipLimits(bytes, name);
      if (zip.length > 0) return { issues: zip };
    }
    const input = await readSipasXlsx(bytes, { instrument, file: name, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
    return { doc: { responses: input.responses, counts: input.counts }, issues: input.issues, locate: input.locate, rowOf: input.rowOf };
  }
  return { issues: [issue('input.unsupported', { detail: ext || name }, { file: name })] };
}

/** Read an instrument JSON file (for `--instrument`). */
export async function loadSipasInstrument(file: string): Promise<{ instrument?: SipasInstrument; issues: Issue[] }> {
  const read = await readJsonFile(file, path.basename(file));
  if (read.issues.length > 0) return { issues: read.issues };
  const raw = read.raw;
  const v = validateSipasInstrument(raw, []);
  return { ...(v.instrument ? { instrument: v.instrument } : {}), issues: v.issues.map((i) => ({ ...i, file: path.basename(file) })) };
}

/** Write the SIPAS report workbook atomically (temp file in the same folder, then rename: files/node.ts). */
export async function saveSipasXlsx(result: SipasResult, file: string, lang: Lang = 'vi'): Promise<Issue[]> {
  try {
    await writeFileAtomically(file, await writeSipasXlsx(result, lang));
    return [];
  } catch (e) {
    return [issue('sipas.file.unwritable', { detail: writeFailureReason(e) }, { file: path.basename(file) })];
  }
}

const indexed = z.object({ code: z.string(), index: z.number().nullable() });
const previousResultSchema = z.object({
  units: z.array(
    z.object({
      unit: z.string(),
      overall: z.number().nullable(),
      rank: z.number().nullable().optional(),
      groups: z.array(indexed.extend({ aspects: z.array(indexed) })),
    }),
  ),
});

/**
 * Read last year's figures for `--previous`: either last year's `parindex sipas --json` output,
 * or a list of `previous` entries ({unit, overall, rank, indices}), or a document with `previous`.
 */
export async function loadSipasPrevious(file: string): Promise<{ previous?: unknown[]; issues: Issue[] }> {
  const name = path.basename(file);
  const read = await readJsonFile(file, name);
  if (read.issues.length > 0) return { issues: read.issues.map((i) => (i.code === 'input.fileMissing' ? issue('input.fileMissing', { file }) : i)) };
  const raw = read.raw;
  if (Array.isArray(raw)) return { previous: raw, issues: [] };
  const asResult = previousResultSchema.safeParse(raw);
  if (asResult.success) {
    return { previous: previousFromResult(asResult.data), issues: [] };
  }
  if (typeof raw === 'object' && raw !== null && 'previous' in raw && Array.isArray(raw.previous)) return { previous: raw.previous, issues: [] };
  return { issues: [issue('sipas.previous.file', {}, { file: name })] };
}
