import { issue, type Issue } from '../../engine';

/**
 * Decode CSV bytes as UTF-8 (with or without BOM). UTF-16 (BOM or NUL-interleaved text) and
 * invalid UTF-8 (e.g. a Windows-1258 / "ANSI" export) are reported, not guessed.
 * Works in Node and in the browser (TextDecoder).
 */
export function decodeCsv(bytes: Uint8Array, file?: string): { text?: string; issues: Issue[] } {
  const where = file !== undefined ? { file } : {};
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return { issues: [issue('sipas.csv.utf16', {}, where)] };
  // UTF-16 without BOM: many NUL bytes in the first line.
  const probe = bytes.subarray(0, Math.min(bytes.length, 200));
  let nul = 0;
  for (const b of probe) if (b === 0) nul++;
  if (probe.length > 3 && nul * 4 >= probe.length) return { issues: [issue('sipas.csv.utf16', {}, where)] };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text, issues: [] };
  } catch {
    // Find the line of the first invalid byte for the message.
    const line = firstInvalidUtf8Line(bytes);
    return { issues: [issue('sipas.csv.encoding', { line }, where)] };
  }
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b === 0x0a) line++;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return line;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return line;
    }
    i += need + 1;
  }
  return line;
}

/** Separator of the header line: the more frequent of "," and ";" outside quotes ("\t" too). */
export function detectSeparator(text: string): string {
  let comma = 0;
  let semi = 0;
  let tab = 0;
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') q = !q;
    else if (!q && (ch === '\n' || ch === '\r')) break;
    else if (!q && ch === ',') comma++;
    else if (!q && ch === ';') semi++;
    else if (!q && ch === '\t') tab++;
  }
  if (tab > comma && tab > semi) return '\t';
  return semi > comma ? ';' : ',';
}

/**
 * Parse CSV text (RFC 4180: quoted fields, "" escapes, CRLF or LF). Returns rows of strings;
 * an unclosed quote is reported with the line where it opened.
 */
export function parseCsv(text: string, sep = detectSeparator(text), file?: string): { rows: string[][]; issues: Issue[] } {
  const rows: string[][] = [];
  const issues: Issue[] = [];
  const SEP = sep.charCodeAt(0);
  const n = text.length;
  let row: string[] = [];
  let i = 0;
  let line = 1;
  while (i < n) {
    // one field starting at i
    let field: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      const openLine = line;
      let j = i + 1;
      let buf = '';
      let closed = false;
      while (j < n) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          buf += text.slice(j);
          j = n;
          break;
        }
        buf += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          buf += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        closed = true;
        break;
      }
      for (let k = i; k < j; k++) if (text.charCodeAt(k) === 10) line++;
      if (!closed) issues.push(issue('sipas.csv.quote', { line: openLine }, file !== undefined ? { file } : {}));
      // anything between the closing quote and the separator is kept as written
      let e = j;
      while (e < n) {
        const c = text.charCodeAt(e);
        if (c === SEP || c === 10 || c === 13) break;
        e++;
      }
      field = buf + text.slice(j, e);
      i = e;
    } else {
      let e = i;
      while (e < n) {
        const c = text.charCodeAt(e);
        if (c === SEP || c === 10 || c === 13) break;
        e++;
      }
      field = text.slice(i, e);
      i = e;
    }
    row.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === SEP) {
      i++;
      if (i >= n) row.push('');
      continue;
    }
    // end of line
    rows.push(row);
    row = [];
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    i++;
    line++;
  }
  if (row.length > 0) rows.push(row);
  return { rows, issues };
}
