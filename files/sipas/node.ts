/** Node-only: read a SIPAS input file (.json, .csv, .xlsx) from disk. */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue, type Location } from '../../engine/model/issue';
import { validateSipasInstrument, builtinSipasInstrument, type SipasInstrument } from '../../engine/sipas/instrument';
import type { SipasDocumentInput } from '../../engine/sipas/document';
import { readSipasCsv, readSipasXlsx } from './read';
import { writeSipasXlsx } from './write';
import { z } from 'zod';
import { previousFromResult } from '../../engine/sipas/link';
import type { SipasResult } from '../../engine/sipas/result';
import type { Lang } from '../../engine/i18n/format';

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
  let bytes: Uint8Array;
  try {
    bytes = await fsp.readFile(file);
  } catch {
    return { issues: [issue('input.fileMissing', { file })] };
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') {
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
    } catch (e) {
      return { issues: [issue('input.json', { detail: e instanceof Error ? e.message : String(e) }, { file: name })] };
    }
    return { doc: raw as SipasDocumentInput, issues: [] };
  }
  const instrument = options.instrument ?? builtinSipasInstrument();
  if (ext === '.csv' || ext === '.txt') {
    const input = readSipasCsv(bytes, { instrument, file: name });
    return { doc: { responses: input.responses, counts: input.counts }, issues: input.issues, locate: input.locate, rowOf: input.rowOf };
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    const input = await readSipasXlsx(bytes, { instrument, file: name, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
    return { doc: { responses: input.responses, counts: input.counts }, issues: input.issues, locate: input.locate, rowOf: input.rowOf };
  }
  return { issues: [issue('input.unsupported', { detail: ext || name }, { file: name })] };
}

/** Read an instrument JSON file (for `--instrument`). */
export async function loadSipasInstrument(file: string): Promise<{ instrument?: SipasInstrument; issues: Issue[] }> {
  let raw: unknown;
  try {
    raw = JSON.parse((await fsp.readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (e) {
    return { issues: [issue('input.json', { detail: e instanceof Error ? e.message : String(e) }, { file: path.basename(file) })] };
  }
  const v = validateSipasInstrument(raw, []);
  return { ...(v.instrument ? { instrument: v.instrument } : {}), issues: v.issues.map((i) => ({ ...i, file: path.basename(file) })) };
}

/** Write the SIPAS report workbook atomically (temp file in the same folder, then rename). */
export async function saveSipasXlsx(result: SipasResult, file: string, lang: Lang = 'vi'): Promise<Issue[]> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fsp.writeFile(tmp, await writeSipasXlsx(result, lang));
    await fsp.rename(tmp, file);
    return [];
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    return [issue('sipas.file.unwritable', { detail: e instanceof Error ? e.message : String(e) }, { file: path.basename(file) })];
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
  let raw: unknown;
  try {
    raw = JSON.parse((await fsp.readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (e) {
    const missing = e instanceof Error && 'code' in e && e.code === 'ENOENT';
    return { issues: [missing ? issue('input.fileMissing', { file }) : issue('input.json', { detail: e instanceof Error ? e.message : String(e) }, { file: name })] };
  }
  if (Array.isArray(raw)) return { previous: raw, issues: [] };
  const asResult = previousResultSchema.safeParse(raw);
  if (asResult.success) {
    return { previous: previousFromResult(asResult.data), issues: [] };
  }
  if (typeof raw === 'object' && raw !== null && 'previous' in raw && Array.isArray(raw.previous)) return { previous: raw.previous, issues: [] };
  return { issues: [issue('sipas.previous.file', {}, { file: name })] };
}
