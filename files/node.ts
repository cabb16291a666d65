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

/** Largest total size of the parts of an .xlsx once unzipped (200 MB). A full master unzips to a few tens of MB. */
export const MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Largest single part (one sheet's XML, shared strings...) once unzipped (150 MB). */
export const MAX_XLSX_PART_BYTES = 150 * 1024 * 1024;
/** Most parts (zip entries) in one .xlsx (10,000; a workbook with 50 sheets has about 120). */
export const MAX_XLSX_PARTS = 10_000;
/** Highest compression ratio accepted on a large part (200:1); real sheet XML deflates about 5–30:1. */
export const MAX_XLSX_RATIO = 200;
/** Parts smaller than this (1 MB unzipped) are not held to MAX_XLSX_RATIO: tiny repetitive parts may compress far better. */
export const XLSX_RATIO_MIN_BYTES = 1024 * 1024;
/** Largest survey CSV accepted (100 MB, about a million answer rows). */
export const MAX_CSV_BYTES = 100 * 1024 * 1024;
/** Largest JSON input accepted (50 MB): scoring documents, survey documents, instruments, last year's results. */
export const MAX_JSON_BYTES = 50 * 1024 * 1024;

const MB = 1024 * 1024;
/** Bytes as megabytes with one decimal, for messages. */
function mb(n: number): number {
  return Math.round((n / MB) * 10) / 10;
}

/** One entry of a zip central directory. */
export interface ZipEntryInfo {
  name: string;
  /** Bytes stored in the file. */
  compressed: number;
  /** Bytes once unzipped, as the central directory declares. */
  uncompressed: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export type ZipDirectory =
  | { ok: true; entries: ZipEntryInfo[]; totalUncompressed: number }
  | { ok: false; detail: string };

/**
 * Read a zip's central directory (End Of Central Directory record, ZIP64 when present, then each
 * central header) without decompressing anything. Pure over the bytes (no Node API), so it also
 * runs in a browser. Returns `ok: false` with a short reason when the directory is missing,
 * truncated or inconsistent with the file.
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const n = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number): number => view.getUint16(o, true);
  const u32 = (o: number): number => view.getUint32(o, true);
  const u64 = (o: number): number => view.getUint32(o, true) + view.getUint32(o + 4, true) * 0x1_0000_0000;
  // EOCD: 22 bytes + a comment of at most 65,535 bytes, searched from the end.
  let eocd = -1;
  for (let o = n - 22; o >= Math.max(0, n - 22 - 0xffff); o--) {
    if (u32(o) === 0x06054b50 && o + 22 + u16(o + 20) === n) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) {
    // tolerate trailing bytes after the comment: take the last signature found
    for (let o = n - 22; o >= Math.max(0, n - 22 - 0xffff); o--) {
      if (u32(o) === 0x06054b50) {
        eocd = o;
        break;
      }
    }
  }
  if (eocd < 0) return { ok: false, detail: 'zip: end of central directory not found (truncated file)' };
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(loc) !== 0x07064b50) return { ok: false, detail: 'zip: ZIP64 locator missing' };
    const z64 = u64(loc + 8);
    if (z64 + 56 > loc || u32(z64) !== 0x06064b50) return { ok: false, detail: 'zip: ZIP64 directory record out of place' };
    count = u64(z64 + 32);
    cdSize = u64(z64 + 40);
    cdOffset = u64(z64 + 48);
    cdEnd = z64;
  }
  if (cdOffset + cdSize > cdEnd) return { ok: false, detail: 'zip: central directory runs past its end record (truncated file)' };
  const entries: ZipEntryInfo[] = [];
  const names = new TextDecoder('utf-8');
  let o = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (o + 46 > cdOffset + cdSize || u32(o) !== 0x02014b50) return { ok: false, detail: `zip: central directory entry ${i + 1} of ${count} damaged` };
    let compressed = u32(o + 20);
    let uncompressed = u32(o + 24);
    const nameLen = u16(o + 28);
    const extraLen = u16(o + 30);
    const commentLen = u16(o + 32);
    let offset = u32(o + 42);
    const next = o + 46 + nameLen + extraLen + commentLen;
    if (next > cdOffset + cdSize) return { ok: false, detail: `zip: central directory entry ${i + 1} of ${count} damaged` };
    const name = names.decode(bytes.subarray(o + 46, o + 46 + nameLen));
    // ZIP64 extra field (id 1): 8-byte values for the fields stored as 0xFFFFFFFF, in this order.
    if (uncompressed === 0xffffffff || compressed === 0xffffffff || offset === 0xffffffff) {
      let e = o + 46 + nameLen;
      const eEnd = e + extraLen;
      while (e + 4 <= eEnd) {
        const id = u16(e);
        const len = u16(e + 2);
        if (id === 1) {
          let p = e + 4;
          const take = (): number => {
            if (p + 8 > e + 4 + len) return Number.NaN;
            const v = u64(p);
            p += 8;
            return v;
          };
          if (uncompressed === 0xffffffff) uncompressed = take();
          if (compressed === 0xffffffff) compressed = take();
          if (offset === 0xffffffff) offset = take();
          break;
        }
        e += 4 + len;
      }
      if (![uncompressed, compressed, offset].every(Number.isFinite)) return { ok: false, detail: `zip: ZIP64 sizes of "${name}" missing` };
    }
    if (offset + 30 + compressed > cdOffset) return { ok: false, detail: `zip: part "${name}" runs past the central directory (truncated file)` };
    entries.push({ name, compressed, uncompressed, offset });
    total += uncompressed;
    o = next;
  }
  return { ok: true, entries, totalUncompressed: total };
}

/**
 * Refuse a zip (an .xlsx) that would unpack to too much: more than MAX_XLSX_PARTS entries, one
 * part above MAX_XLSX_PART_BYTES, all parts above MAX_XLSX_UNPACKED_BYTES, or a part of at least
 * XLSX_RATIO_MIN_BYTES compressed more than MAX_XLSX_RATIO:1 (a zip bomb). A damaged central
 * directory is `file.corrupt`. Issues are located at `file`; empty when the zip is acceptable.
 */
export function checkZipLimits(bytes: Uint8Array, file: string): Issue[] {
  const where = { file };
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return [issue('file.corrupt', { file, detail: dir.detail }, where)];
  if (dir.entries.length > MAX_XLSX_PARTS) {
    return [issue('file.tooManyParts', { file, count: dir.entries.length, limit: MAX_XLSX_PARTS }, where)];
  }
  const biggest = dir.entries.reduce<ZipEntryInfo | undefined>((a, e) => (a === undefined || e.uncompressed > a.uncompressed ? e : a), undefined);
  if (biggest && biggest.uncompressed > MAX_XLSX_PART_BYTES) {
    return [issue('file.partTooLarge', { file, part: biggest.name, size: mb(biggest.uncompressed), limit: mb(MAX_XLSX_PART_BYTES) }, where)];
  }
  if (dir.totalUncompressed > MAX_XLSX_UNPACKED_BYTES) {
    return [issue('file.unpackedTooLarge', { file, size: mb(dir.totalUncompressed), limit: mb(MAX_XLSX_UNPACKED_BYTES), count: dir.entries.length }, where)];
  }
  for (const e of dir.entries) {
    if (e.uncompressed < XLSX_RATIO_MIN_BYTES) continue;
    const ratio = e.uncompressed / Math.max(1, e.compressed);
    if (ratio > MAX_XLSX_RATIO) {
      return [issue('file.zipBomb', { file, part: e.name, size: mb(e.uncompressed), stored: Math.round((e.compressed / 1024) * 10) / 10, ratio: Math.round(ratio), limit: MAX_XLSX_RATIO }, where)];
    }
  }
  return [];
}

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
  // Before exceljs unzips anything: refuse zip bombs and damaged central directories.
  const limits = checkZipLimits(bytes, label);
  if (limits.length > 0) return { issues: limits, size: stat.size, mtime: stat.mtime };
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
