/**
 * Node-only file I/O around the exceljs port: open an .xlsx with clear, located issues
 * (never a crash), and save atomically (temp file in the same folder, then rename).
 */
import { promises as fsp, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../engine/model/issue';
import { ExcelJsPort } from './port';

/** Largest workbook accepted, in bytes (20 MB). A unit template is ~30 KB; a full master a few MB. */
export const MAX_XLSX_BYTES = 20 * 1024 * 1024;

export type SniffResult = 'xlsx' | 'xls' | 'ole2' | 'ods' | 'empty' | 'notZip' | 'zipNotXlsx';

/** Classify bytes by their header (and, for zips, by the entries near the start). */
export function sniffWorkbookBytes(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return 'empty';
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 8 && ole.every((b, i) => bytes[i] === b)) {
    // Encrypted xlsx is an OLE2 container holding "EncryptionInfo"/"EncryptedPackage" streams.
    const probe = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    const utf16 = (s: string): Buffer => Buffer.from(s, 'utf16le');
    if (probe.includes(utf16('EncryptedPackage')) || probe.includes(utf16('EncryptionInfo'))) return 'ole2';
    return 'xls';
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return 'notZip';
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 4096))).toString('latin1');
  if (head.includes('mimetypeapplication/vnd.oasis.opendocument')) return 'ods';
  const whole = Buffer.from(bytes).toString('latin1');
  if (!whole.includes('[Content_Types].xml') || !whole.includes('xl/')) return 'zipNotXlsx';
  return 'xlsx';
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
  const kind = sniffWorkbookBytes(bytes);
  const codes: Record<Exclude<SniffResult, 'xlsx'>, string> = {
    empty: 'file.empty',
    xls: 'file.xls',
    ole2: 'file.encrypted',
    ods: 'file.ods',
    notZip: 'file.notZip',
    zipNotXlsx: 'file.notXlsx',
  };
  if (kind !== 'xlsx') return { issues: [issue(codes[kind], { file: label }, where)], size: stat.size, mtime: stat.mtime };
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
