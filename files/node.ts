/**
 * Node-only file I/O around the exceljs port: open an .xlsx with clear, located issues
 * (never a crash), and save atomically (temp file in the same folder, then rename).
 */
import { promises as fsp, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../engine';
import { ExcelJsPort } from './port';
import { MAX_CSV_BYTES, MAX_JSON_BYTES, MAX_XLSX_BYTES, checkXlsxBytes, mb } from './xlsxCheck';

export * from './xlsxCheck';

/**
 * Refuse a file above `limit` bytes before reading it (`file.csvTooLarge` / `file.jsonTooLarge`),
 * or report it missing. `label` is the name shown to the user.
 */
export async function checkFileSize(filePath: string, kind: 'csv' | 'json', label: string = path.basename(filePath)): Promise<Issue[]> {
  const limit = kind === 'csv' ? MAX_CSV_BYTES : MAX_JSON_BYTES;
  let stat;
  try {
    stat = await fsp.stat(filePath);
  } catch {
    return [issue('input.fileMissing', { file: filePath }, { file: label })];
  }
  if (!stat.isFile()) return [issue('input.fileMissing', { file: filePath }, { file: label })];
  if (stat.size > limit) return [issue(kind === 'csv' ? 'file.csvTooLarge' : 'file.jsonTooLarge', { file: label, size: mb(stat.size), limit: mb(limit) }, { file: label })];
  return [];
}

/**
 * Read a JSON file (UTF-8, a leading BOM ignored) after checking its size against MAX_JSON_BYTES.
 * Missing file, too large or syntax error come back as issues located at `label`.
 */
export async function readJsonFile(filePath: string, label: string = path.basename(filePath)): Promise<{ raw?: unknown; issues: Issue[] }> {
  const size = await checkFileSize(filePath, 'json', label);
  if (size.length > 0) return { issues: size };
  let text: string;
  try {
    text = await fsp.readFile(filePath, 'utf8');
  } catch (e) {
    return { issues: [issue('input.fileMissing', { file: filePath, detail: e instanceof Error ? e.message : String(e) }, { file: label })] };
  }
  try {
    return { raw: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown, issues: [] };
  } catch (e) {
    return { issues: [issue('input.json', { detail: e instanceof Error ? e.message : String(e) }, { file: label })] };
  }
}

export interface OpenResult {
  port?: ExcelJsPort;
  issues: Issue[];
  /** Bytes read (for hashing inputs before/after). */
  size?: number;
  mtime?: Date;
}

/**
 * Open an .xlsx file. Problems (missing, too large, .xls/.ods renamed, encrypted, not a zip,
 * corrupt) come back as issues located at `file` (the name shown to the user: `label` or the path).
 */
export async function openXlsxFile(filePath: string, label: string = path.basename(filePath)): Promise<OpenResult> {
  const where = { file: label };
  let stat;
  try {
    stat = await fsp.stat(filePath);
  } catch {
    return { issues: [issue('input.fileMissing', { file: label }, where)] };
  }
  if (!stat.isFile()) return { issues: [issue('input.fileMissing', { file: label }, where)] };
  if (stat.size > MAX_XLSX_BYTES) {
    return { issues: [issue('file.tooLarge', { size: stat.size, limit: MAX_XLSX_BYTES / (1024 * 1024) }, where)] };
  }
  const bytes = new Uint8Array(await fsp.readFile(filePath));
  // Before exceljs unzips anything: wrong formats, zip bombs and damaged central directories.
  const refused = checkXlsxBytes(bytes, label);
  if (refused.length > 0) return { issues: refused, size: stat.size, mtime: stat.mtime };
  try {
    const port = await ExcelJsPort.fromBuffer(bytes);
    return { port, issues: [], size: stat.size, mtime: stat.mtime };
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e);
    return { issues: [issue('file.corrupt', { file: label, detail }, where)], size: stat.size, mtime: stat.mtime };
  }
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    // not existing yet: resolve the folder, keep the name
    try {
      return path.join(realpathSync(path.dirname(p)), path.basename(p));
    } catch {
      return path.resolve(p);
    }
  }
}

/** True when both paths name the same file (after resolving links). */
export function samePath(a: string, b: string): boolean {
  return real(a) === real(b);
}

/** Write bytes to `outPath` through a temp file in the same folder, then rename. */
export async function writeFileAtomically(outPath: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(outPath));
  await fsp.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(outPath)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fsp.writeFile(tmp, bytes);
    await fsp.rename(tmp, outPath);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Save a workbook to `outPath` atomically. Refuses when `outPath` is the input file
 * (issue cli.sameFile) so an original is never overwritten. Returns issues (empty when saved).
 */
export async function saveXlsxAtomically(
  port: ExcelJsPort,
  outPath: string,
  options: { inputPath?: string; inputPaths?: readonly string[] } = {},
): Promise<Issue[]> {
  const inputs = [...(options.inputPath !== undefined ? [options.inputPath] : []), ...(options.inputPaths ?? [])];
  for (const inp of inputs) {
    if (samePath(inp, outPath)) return [issue('cli.sameFile', { file: outPath }, { file: path.basename(outPath) })];
  }
  try {
    const bytes = await port.toBuffer();
    await writeFileAtomically(outPath, bytes);
    return [];
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return [issue('file.writeFailed', { file: outPath, detail }, { file: path.basename(outPath) })];
  }
}
