import type { CellValue, SheetSnapshot } from '../port';
import { a1, parseA1 } from '../a1';
import { fold, parseNumber } from '../../rules/value';
import { issue, type Issue, type Location } from '../../model/issue';
import type { ColumnSpec, TableSpec } from './spec';

/** How far down the reader looks for the key row or the header row. */
const SCAN_ROWS = 15;

export interface TableRow {
  /** 0-based row index in the snapshot. */
  r: number;
  /** Column index by key. */
  cols: ReadonlyMap<string, number>;
}

export interface ReadTable {
  sheet: string;
  /** Column index by key (including open keys). */
  cols: Map<string, number>;
  /** Keys found in the key row that the spec does not list (open tables: survey items, plan fields). */
  extraKeys: string[];
  /** 0-based header row (display names) and first data row. */
  headerRow: number;
  firstDataRow: number;
  rows: TableRow[];
  issues: Issue[];
}

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

function isKeyLike(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_.]*$/.test(s);
}

/** Find the table in a sheet: key row first, display headers as a fallback. Never throws. */
export function locateTable(snap: SheetSnapshot, spec: TableSpec, file?: string): ReadTable {
  const issues: Issue[] = [];
  const where = (cell?: string): Location => ({ ...(file ? { file } : {}), sheet: snap.name, ...(cell ? { cell } : {}) });
  const specKeys = new Map(spec.columns.map((c) => [c.key.toLowerCase(), c]));
  const headerNames = new Map<string, ColumnSpec>();
  for (const c of spec.columns) {
    for (const h of [c.vi, c.en, c.key, ...(c.aliases ?? [])]) headerNames.set(fold(h), c);
  }
  const rows = snap.values;
  const limit = Math.min(rows.length, SCAN_ROWS);
  let keyRow = -1;
  let bestKeyHits = 0;
  let headerRow = -1;
  let bestHeaderHits = 0;
  for (let r = 0; r < limit; r++) {
    const row = rows[r] ?? [];
    let keyHits = 0;
    let headerHits = 0;
    for (const v of row) {
      const s = cellText(v);
      if (!s) continue;
      if (specKeys.has(s.toLowerCase())) keyHits++;
      if (headerNames.has(fold(s))) headerHits++;
    }
    if (keyHits > bestKeyHits && keyHits >= Math.min(2, spec.columns.length)) {
      bestKeyHits = keyHits;
      keyRow = r;
    }
    if (headerHits > bestHeaderHits && headerHits >= Math.min(2, spec.columns.length)) {
      bestHeaderHits = headerHits;
      headerRow = r;
    }
  }
  const cols = new Map<string, number>();
  const extraKeys: string[] = [];
  const addCol = (key: string, c: number, at: number): void => {
    if (cols.has(key)) {
      issues.push(issue('workbook.duplicateColumn', { column: key }, where(a1(at, c)), 'warning'));
      return;
    }
    cols.set(key, c);
  };
  if (keyRow >= 0) {
    // The display header row is the one right after the key row when it holds text.
    headerRow = keyRow + 1;
    const keys = rows[keyRow] ?? [];
    keys.forEach((v, c) => {
      const s = cellText(v);
      if (!s) return;
      const known = specKeys.get(s.toLowerCase());
      if (known) addCol(known.key, c, keyRow);
      else if (spec.open && isKeyLike(s)) {
        addCol(s, c, keyRow);
        extraKeys.push(s);
      }
    });
    // Columns without a key cell: recognise them by their display header.
    const headers = rows[headerRow] ?? [];
    headers.forEach((v, c) => {
      if (cellText(keys[c])) return;
      const col = headerNames.get(fold(cellText(v)));
      if (col && !cols.has(col.key)) cols.set(col.key, c);
    });
  } else if (headerRow >= 0) {
    const headers = rows[headerRow] ?? [];
    headers.forEach((v, c) => {
      const s = cellText(v);
      if (!s) return;
      const col = headerNames.get(fold(s));
      if (col) addCol(col.key, c, headerRow);
      else if (spec.open && isKeyLike(s)) {
        addCol(s, c, headerRow);
        extraKeys.push(s);
      }
    });
  }
  const found = keyRow >= 0 || headerRow >= 0;
  if (!found) {
    issues.push(issue('workbook.noTable', { sheet: snap.name }, where('A1')));
    return { sheet: snap.name, cols, extraKeys, headerRow: -1, firstDataRow: rows.length, rows: [], issues };
  }
  const hdr = rows[headerRow] ?? [];
  let lastHeader = Math.max(hdr.length, (rows[keyRow] ?? []).length) - 1;
  while (lastHeader >= 0 && !cellText(hdr[lastHeader]) && !cellText((rows[keyRow] ?? [])[lastHeader])) lastHeader--;
  for (const c of spec.columns) {
    if (c.required && !cols.has(c.key)) {
      issues.push(
        issue('workbook.missingColumn', { column: c.vi, columnEn: c.en, key: c.key }, where(a1(headerRow, lastHeader + 1))),
      );
    }
  }
  const firstDataRow = headerRow + 1;
  // A table without a required column cannot be read row by row: the missing column is the one issue.
  const unusable = spec.columns.some((c) => c.required && !cols.has(c.key));
  // Merged cells inside the table break one-record-per-row.
  for (const m of snap.merged ?? []) {
    const [from, to] = m.split(':');
    const p = from ? parseA1(from) : undefined;
    const q = to ? parseA1(to) : p;
    if (!p || !q) continue;
    if (q.row >= (keyRow >= 0 ? keyRow : headerRow)) {
      issues.push(issue('workbook.mergedInTable', { range: m }, where(from)));
    }
  }
  const out: TableRow[] = [];
  const used = [...cols.values()];
  for (let r = firstDataRow; r < (unusable ? 0 : rows.length); r++) {
    const row = rows[r] ?? [];
    const hasData = used.some((c) => {
      const v = row[c];
      return (v !== null && v !== undefined && cellText(v) !== '') || Boolean(snap.errors?.[a1(r, c)]);
    });
    if (hasData) out.push({ r, cols });
  }
  return { sheet: snap.name, cols, extraKeys, headerRow, firstDataRow, rows: out, issues };
}

/** Excel serial day → ISO date (or date-time when there is a time part). */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16);
}

/** ISO date or date-time → Excel serial day. */
export function isoToSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  return ms / 86400000 + 25569;
}

/** "15/07/2023", "15/7/2023 9:30", "2023-07-15" typed as text → ISO; undefined when not a date. */
export function parseDateText(s: string): string | undefined {
  const t = s.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?$/.exec(t);
  let y: number, mo: number, d: number;
  let hh: string | undefined, mm: string | undefined;
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
    hh = m[4];
    mm = m[5];
  } else {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(t);
    if (!m) return undefined;
    d = Number(m[1]);
    mo = Number(m[2]);
    y = Number(m[3]);
    hh = m[4];
    mm = m[5];
  }
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  const date = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return hh !== undefined && mm !== undefined ? `${date}T${hh.padStart(2, '0')}:${mm}` : date;
}

function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').toLowerCase();
  return /[dy]/.test(f) || /m{3,}/.test(f);
}

/**
 * Typed access to the cells of one table, collecting located issues.
 * Every getter returns undefined for an empty cell and for a bad one (the issue says why).
 */
export class TableCells {
  readonly issues: Issue[] = [];
  constructor(
    private readonly snap: SheetSnapshot,
    private readonly file: string | undefined,
  ) {}

  addr(row: TableRow, key: string): string | undefined {
    const c = row.cols.get(key);
    return c === undefined ? undefined : a1(row.r, c);
  }

  where(row: TableRow, key: string | undefined, who: { unit?: string | undefined; criterion?: string | undefined } = {}): Location {
    const cell = key ? this.addr(row, key) : a1(row.r, 0);
    return {
      ...(this.file ? { file: this.file } : {}),
      sheet: this.snap.name,
      ...(cell ? { cell } : {}),
      ...(who.unit ? { unit: who.unit } : {}),
      ...(who.criterion ? { criterion: who.criterion } : {}),
    };
  }

  /** Raw value; error cells are reported (once per call) and read as undefined. */
  raw(row: TableRow, key: string, who?: { unit?: string | undefined; criterion?: string | undefined }): CellValue | undefined {
    const c = row.cols.get(key);
    if (c === undefined) return undefined;
    const addr = a1(row.r, c);
    const err = this.snap.errors?.[addr];
    if (err) {
      this.issues.push(issue('workbook.errorValue', { value: err }, this.where(row, key, who)));
      return undefined;
    }
    const v = (this.snap.values[row.r] ?? [])[c];
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'string' && v.trim() === '') return undefined;
    return v;
  }

  text(row: TableRow, key: string, who?: { unit?: string | undefined; criterion?: string | undefined }): string | undefined {
    const v = this.raw(row, key, who);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v ? 'Có' : 'Không';
    return typeof v === 'string' ? v : String(v);
  }

  code(row: TableRow, key: string, who?: { unit?: string | undefined; criterion?: string | undefined }): string | undefined {
    const s = this.text(row, key, who);
    return s === undefined ? undefined : s.trim();
  }

  isPercentCell(row: TableRow, key: string): boolean {
    const addr = this.addr(row, key);
    return Boolean(addr && this.snap.formats?.[addr]?.includes('%'));
  }

  /** A number; "0,25" text is accepted; other text is an error. A % cell holding 0.875 reads 87.5. */
  number(
    row: TableRow,
    key: string,
    who?: { unit?: string | undefined; criterion?: string | undefined },
    opts: { min?: number; integer?: boolean } = {},
  ): number | undefined {
    const v = this.raw(row, key, who);
    if (v === undefined || v === null) return undefined;
    let n: number | undefined;
    if (typeof v === 'number') n = this.isPercentCell(row, key) ? v * 100 : v;
    else if (typeof v === 'string') n = parseNumber(v);
    if (n === undefined) {
      this.issues.push(issue('workbook.notANumber', { value: String(v) }, this.where(row, key, who)));
      return undefined;
    }
    if (opts.min !== undefined && n < opts.min) {
      this.issues.push(issue('workbook.belowMinimum', { value: n, min: opts.min }, this.where(row, key, who)));
      return undefined;
    }
    if (opts.integer && !Number.isInteger(n)) {
      this.issues.push(issue('workbook.notAnInteger', { value: n }, this.where(row, key, who)));
      return undefined;
    }
    return n;
  }

  /** A date: a date cell, a number formatted as a date, or text "dd/mm/yyyy" (accepted with a warning). */
  date(row: TableRow, key: string, who?: { unit?: string | undefined; criterion?: string | undefined }): string | undefined {
    const v = this.raw(row, key, who);
    if (v === undefined || v === null) return undefined;
    const addr = this.addr(row, key) ?? '';
    if (typeof v === 'string' && this.snap.dates?.[addr]) return v;
    if (typeof v === 'number') {
      if (isDateFormat(this.snap.formats?.[addr]) || (v > 20000 && v < 80000)) return serialToIso(v);
      this.issues.push(issue('workbook.notADate', { value: String(v) }, this.where(row, key, who)));
      return undefined;
    }
    if (typeof v === 'string') {
      const iso = parseDateText(v);
      if (iso) {
        this.issues.push(issue('workbook.dateAsText', { value: v }, this.where(row, key, who), 'warning'));
        return iso;
      }
    }
    this.issues.push(issue('workbook.notADate', { value: String(v) }, this.where(row, key, who)));
    return undefined;
  }

  /** Có / Không (also yes/no, x, 1/0, TRUE/FALSE). */
  bool(row: TableRow, key: string, who?: { unit?: string | undefined; criterion?: string | undefined }): boolean | undefined {
    const v = this.raw(row, key, who);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number' && (v === 0 || v === 1)) return v === 1;
    const f = fold(String(v));
    if (['co', 'yes', 'x', 'true', 'y'].includes(f)) return true;
    if (['khong', 'no', 'false', 'n'].includes(f)) return false;
    this.issues.push(issue('workbook.notYesNo', { value: String(v) }, this.where(row, key, who)));
    return undefined;
  }

  list(row: TableRow, key: string, who?: { unit?: string | undefined; criterion?: string | undefined }): string[] | undefined {
    const s = this.text(row, key, who);
    if (s === undefined) return undefined;
    const parts = s
      .split(/[,;\n]/)
      .map((x) => x.trim())
      .filter((x) => x !== '');
    return parts.length ? parts : undefined;
  }

  /** A declared value: numbers (× 100 in a % cell), dates → ISO, text kept, "a=1; b=2" → variables. */
  value(row: TableRow, key: string, who?: { unit?: string | undefined; criterion?: string | undefined }): import('../../model/assessment').AssessedValue | undefined {
    const v = this.raw(row, key, who);
    if (v === undefined || v === null) return undefined;
    const addr = this.addr(row, key) ?? '';
    if (typeof v === 'number') {
      if (this.isPercentCell(row, key)) return v * 100;
      if (isDateFormat(this.snap.formats?.[addr])) return serialToIso(v);
      return v;
    }
    if (typeof v === 'string') {
      const s = v.trim();
      if (s.startsWith('{') && s.endsWith('}')) {
        try {
          const parsed: unknown = JSON.parse(s);
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
            const rec: Record<string, string | number | boolean | null> = {};
            for (const [k, x] of Object.entries(parsed as Record<string, unknown>)) {
              if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' || x === null) rec[k] = x;
            }
            return rec;
          }
        } catch {
          this.issues.push(issue('workbook.badJson', { value: s }, this.where(row, key, who)));
          return undefined;
        }
      }
      if (/^\s*[A-Za-z_]\w*\s*=\s*[^;]+(;\s*[A-Za-z_]\w*\s*=\s*[^;]+)*;?\s*$/.test(s)) {
        const rec: Record<string, number | string> = {};
        for (const part of s.split(';')) {
          const [k, x] = part.split('=');
          if (!k || x === undefined) continue;
          const n = parseNumber(x.trim());
          rec[k.trim()] = n ?? x.trim();
        }
        return rec;
      }
      return s;
    }
    return v;
  }
}
