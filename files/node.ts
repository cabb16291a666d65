/**
 * Node-only file I/O around the exceljs port: open an .xlsx with clear, located issues
 * (never a crash), and save atomically (temp file in the same folder, then rename).
 */
import { promises as fsp, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { issue, ref, type Issue, type MessageCode, type MessageRef } from '../engine';
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

/** How old one of our temp files must be before a later write removes it (a write takes seconds). */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/** Our temp files: ".<name>.<pid>.<ms since 1970>.tmp", hidden, beside the file they become. */
const TEMP_NAME = /^\.(.+)\.(\d{1,10})\.(\d{12,14})\.tmp$/;

function tempPathFor(outPath: string): string {
  const dir = path.dirname(path.resolve(outPath));
  return path.join(dir, `.${path.basename(outPath)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Remove our own temp files in `dir` left by a write that never finished (a killed process):
 * only names of our pattern, only when both the time in the name and the file's modification
 * time are older than STALE_TEMP_MS (a write in progress is never touched). Best effort: a file
 * that cannot be removed stays. Returns the names removed.
 */
export async function removeStaleTempFiles(dir: string, now: number = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || now - Number(m[3]) < STALE_TEMP_MS) continue;
    const p = path.join(dir, name);
    try {
      const st = await fsp.lstat(p);
      if (!st.isFile() || now - st.mtimeMs < STALE_TEMP_MS) continue;
      await fsp.rm(p);
      removed.push(name);
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
  return removed;
}

/** A file that could not be written: which one, and the system's error. */
export class FileWriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: unknown,
  ) {
    super(`${file}: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'FileWriteError';
  }
}

const REASONS: Readonly<Record<string, MessageCode>> = {
  EROFS: 'file.reason.readOnly',
  EACCES: 'file.reason.denied',
  EPERM: 'file.reason.denied',
  ENOSPC: 'file.reason.noSpace',
  EDQUOT: 'file.reason.quota',
  ENAMETOOLONG: 'file.reason.nameTooLong',
  ENOTDIR: 'file.reason.notFolder',
  EISDIR: 'file.reason.isFolder',
  EBUSY: 'file.reason.busy',
};

/**
 * Why a write failed, as a message (the system's error code turned into words; an unknown one
 * keeps its code and text).
 */
export function writeFailureReason(e: unknown): MessageRef {
  const cause = e instanceof FileWriteError ? e.reason : e;
  const code = cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string' ? cause.code : '';
  const known = REASONS[code];
  if (known) return ref(known);
  const detail = cause instanceof Error ? cause.message : String(cause);
  return ref('file.reason.other', { code: code || '?', detail });
}

/** The issue for a file that could not be written: the path in full, the reason in words. */
export function writeFailedIssue(e: unknown, file: string): Issue {
  const target = e instanceof FileWriteError ? e.file : file;
  return issue('file.writeFailed', { file: target, detail: writeFailureReason(e) }, { file: path.basename(target) });
}

/**
 * Write bytes to `outPath` through a temp file in the same folder, then rename; our stale temp
 * files in that folder are removed first. Throws FileWriteError (naming the file) on failure,
 * after removing its temp file.
 */
export async function writeFileAtomically(outPath: string, bytes: Uint8Array): Promise<void> {
  await writeFilesAtomically([{ path: outPath, bytes }]);
}

/**
 * Write several files as one set: every file to its temp file first, then every temp file
 * renamed. A failure while writing the temp files (read-only folder, no permission, disk full)
 * removes them all and leaves every target as it was; only a failed rename (rare: the folder
 * was writable a moment before) can leave part of the set. Throws FileWriteError naming the file.
 * @example await writeFilesAtomically([{ path: 'out/a.xlsx', bytes: a }, { path: 'out/b.xlsx', bytes: b }]);
 */
export async function writeFilesAtomically(files: readonly { path: string; bytes: Uint8Array }[]): Promise<void> {
  const dirs = [...new Set(files.map((f) => path.dirname(path.resolve(f.path))))];
  for (const dir of dirs) {
    try {
      await fsp.mkdir(dir, { recursive: true });
    } catch (e) {
      throw new FileWriteError(dir, e);
    }
    await removeStaleTempFiles(dir);
  }
  const temps: { tmp: string; out: string }[] = [];
  let renamed = 0;
  try {
    for (const f of files) {
      const tmp = tempPathFor(f.path);
      temps.push({ tmp, out: f.path });
      try {
        await fsp.writeFile(tmp, f.bytes);
      } catch (e) {
        throw new FileWriteError(f.path, e);
      }
    }
    for (const t of temps) {
      try {
        await fsp.rename(t.tmp, t.out);
      } catch (e) {
        throw new FileWriteError(t.out, e);
      }
      renamed++;
    }
  } catch (e) {
    await Promise.all(temps.slice(renamed).map((t) => fsp.rm(t.tmp, { force: true }).catch(() => undefined)));
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
  let bytes: Uint8Array;
  try {
    bytes = await port.toBuffer();
  } catch (e) {
    return [issue('file.writeFailed', { file: outPath, detail: e instanceof Error ? e.message : String(e) }, { file: path.basename(outPath) })];
  }
  // never write a workbook the readers would refuse (over 20 MB, too much once unzipped): say so instead
  const unreadable = checkXlsxBytes(bytes, path.basename(outPath));
  const first = unreadable[0];
  if (first) return [issue('file.outputUnreadable', { file: outPath, detail: ref(first.code, first.params) }, { file: path.basename(outPath) })];
  try {
    await writeFileAtomically(outPath, bytes);
    return [];
  } catch (e) {
    return [writeFailedIssue(e, outPath)];
  }
}
