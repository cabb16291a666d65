/**
 * Checks of .xlsx bytes before anything unzips them: size, format sniffing (.xls, .ods,
 * encrypted, not a zip) and zip-bomb limits read from the central directory. No Node API, so
 * the CLI (files/node.ts) and the standalone page (addin/taskpane/files.ts) share them.
 */
import { issue, type Issue, type MessageCode } from '../engine';

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
export function mb(n: number): number {
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

function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

/** Whether `needle` occurs in `hay` (plain scan on the first byte, then compare). */
function includesBytes(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  if (first === undefined) return true;
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(first); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/**
 * Names of the entries of an OLE2 compound file's directory ("Root Entry", "Workbook",
 * "EncryptionInfo", "EncryptedPackage"…), read from the header wherever the directory lies: the
 * FAT is found through the header's DIFAT (and its chain), then the directory's sector chain is
 * followed. Undefined when the structure is damaged. Every loop is bounded by the file's size.
 */
export function ole2EntryNames(bytes: Uint8Array): string[] | undefined {
  if (bytes.length < 512) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number): number => view.getUint16(o, true);
  const u32 = (o: number): number => view.getUint32(o, true);
  const shift = u16(30);
  if (shift !== 9 && shift !== 12) return undefined;
  const size = 1 << shift;
  const sectors = Math.floor(bytes.length / size);
  /** Offset of sector `s` (sector 0 follows the header), when the whole sector is in the file. */
  const at = (s: number): number | undefined => ((s + 2) * size <= bytes.length ? (s + 1) * size : undefined);
  const END = 0xfffffffe;
  // FAT sectors: 109 in the header, then the DIFAT chain (each sector: size/4 − 1 entries and the next one)
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(76 + 4 * i);
    if (s >= 0xfffffffa) break;
    fatSectors.push(s);
  }
  let difat = u32(68);
  for (let hops = 0; difat < 0xfffffffa && hops < sectors; hops++) {
    const o = at(difat);
    if (o === undefined) return undefined;
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = u32(o + 4 * i);
      if (s < 0xfffffffa) fatSectors.push(s);
    }
    difat = u32(o + size - 4);
  }
  const next = (s: number): number | undefined => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(s / perSector)];
    const o = fs === undefined ? undefined : at(fs);
    return o === undefined ? undefined : u32(o + 4 * (s % perSector));
  };
  const names: string[] = [];
  const seen = new Set<number>();
  for (let s = u32(48); s !== END; ) {
    const o = at(s);
    if (o === undefined || seen.has(s)) return names.length > 0 ? names : undefined;
    seen.add(s);
    for (let e = o; e < o + size; e += 128) {
      const len = u16(e + 64);
      if (len < 2 || len > 64) continue;
      let name = '';
      for (let i = 0; i < len / 2 - 1; i++) name += String.fromCharCode(u16(e + 2 * i));
      names.push(name);
    }
    const n = next(s);
    if (n === undefined) return names.length > 0 ? names : undefined;
    s = n;
  }
  return names;
}

export type SniffResult = 'xlsx' | 'xls' | 'ole2' | 'ods' | 'empty' | 'notZip' | 'zipNotXlsx';

/** Classify bytes by their header (and, for zips, by the entries near the start). */
export function sniffWorkbookBytes(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return 'empty';
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 8 && ole.every((b, i) => bytes[i] === b)) {
    // Encrypted xlsx is an OLE2 container holding "EncryptionInfo"/"EncryptedPackage" streams. The
    // directory may lie anywhere in the file: it is read from the header; a damaged one is
    // searched for the names over the whole file (at most MAX_XLSX_BYTES are ever read).
    const names = ole2EntryNames(bytes);
    const encrypted = names
      ? names.includes('EncryptedPackage') || names.includes('EncryptionInfo')
      : includesBytes(bytes, utf16le('EncryptedPackage')) || includesBytes(bytes, utf16le('EncryptionInfo'));
    return encrypted ? 'ole2' : 'xls';
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return 'notZip';
  if (includesBytes(bytes.subarray(0, Math.min(bytes.length, 4096)), ascii('mimetypeapplication/vnd.oasis.opendocument'))) return 'ods';
  if (!includesBytes(bytes, ascii('[Content_Types].xml')) || !includesBytes(bytes, ascii('xl/'))) return 'zipNotXlsx';
  return 'xlsx';
}

const SNIFF_CODES: Record<Exclude<SniffResult, 'xlsx'>, MessageCode> = {
  empty: 'file.empty',
  xls: 'file.xls',
  ole2: 'file.encrypted',
  ods: 'file.ods',
  notZip: 'file.notZip',
  zipNotXlsx: 'file.notXlsx',
};

/**
 * Everything that can be said about .xlsx bytes before unzipping: too large, not an xlsx (with
 * which format it is), or a zip that would unpack to too much. Empty when the bytes may be opened.
 * @example const issues = checkXlsxBytes(bytes, 'kg.xlsx'); if (issues.length) return { issues };
 */
export function checkXlsxBytes(bytes: Uint8Array, file: string): Issue[] {
  const where = { file };
  if (bytes.length > MAX_XLSX_BYTES) return [issue('file.tooLarge', { size: bytes.length, limit: MAX_XLSX_BYTES / (1024 * 1024) }, where)];
  const kind = sniffWorkbookBytes(bytes);
  if (kind !== 'xlsx') return [issue(SNIFF_CODES[kind], { file }, where)];
  return checkZipLimits(bytes, file);
}
