import type { CellValue, SheetSnapshot } from '../port';
import { a1, parseA1 } from '../a1';
import { ambiguousNumber, cellDate, cellNumber, cellText, dateOutOfRange, dateSystemOf, findTable, fold, isBlankCell, isDateFormat, isPercentFormat, parseDateTimeText, parseVarsText, MAX_YEAR, MIN_YEAR, SCAN_ROWS } from '../cells';
import { issue, type Issue, type Location } from '../../model/issue';
import type { TableSpec } from './spec';
import { presentIndices } from '../../model/arrays';

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

/** Find the table in a sheet: key row first, display headers as a fallback. Never throws. */
export function locateTable(snap: SheetSnapshot, spec: TableSpec<string>, file?: string): ReadTable {
  const issues: Issue[] = [];
  const where = (cell?: string): Location => ({ ...(file ? { file } : {}), sheet: snap.name, ...(cell ? { cell } : {}) });
  const rows = snap.values;
  const columns = spec.columns.map((c) => ({ key: c.key, names: [c.vi, c.en, ...(c.aliases ?? [])] }));
  const found = findTable(rows, columns, { scanRows: SCAN_ROWS, ...(spec.open ? { open: true } : {}) });
  if (!found) {
    issues.push(issue('workbook.noTable', { sheet: snap.name }, where('A1')));
    return { sheet: snap.name, cols: new Map(), extraKeys: [], headerRow: -1, firstDataRow: rows.length, rows: [], issues };
  }
  for (const d of found.duplicates) issues.push(issue('workbook.duplicateColumn', { column: d.key }, where(a1(d.row, d.col)), 'warning'));
  const { keyRow, headerRow } = found;
  const cols = found.columns;
  const extraKeys = found.extraKeys.map((e) => e.key);
  const hdr = rows[headerRow] ?? [];
  let lastHeader = Math.max(hdr.length, (rows[keyRow] ?? []).length) - 1;
  while (lastHeader >= 0 && !cellText(hdr[lastHeader]) && !cellText((rows[keyRow] ?? [])[lastHeader])) lastHeader--;
  for (const c of spec.columns) {
    if (c.required && !cols.has(c.key)) {
      issues.push(
        issue('workbook.missingColumn', { column: { vi: c.vi, en: c.en }, key: c.key }, where(a1(headerRow, lastHeader + 1))),
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
  // the rows present only: a stray cell far down costs one row, not the empty rows between
  for (const r of unusable ? [] : presentIndices(rows)) {
    if (r < firstDataRow) continue;
    const row = rows[r] ?? [];
    const hasData = used.some((c) => {
      const v = row[c];
      return (v !== null && v !== undefined && cellText(v) !== '') || Boolean(snap.errors?.[a1(r, c)]);
    });
    if (hasData) out.push({ r, cols });
  }
  return { sheet: snap.name, cols, extraKeys, headerRow, firstDataRow, rows: out, issues };
}

/** Excel serials and dates typed as text are read by engine/workbook/cells.ts (re-exported for callers). */
export { serialToIso, isoToSerial } from '../cells';

/** A date typed as text → ISO, with the time when one is written (engine/workbook/cells.ts `parseDateTimeText`). */
export { parseDateTimeText as parseDateText } from '../cells';

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
    if (v === undefined || isBlankCell(v)) return undefined;
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
    return s === undefined ? undefined : cellText(s);
  }

  private format(row: TableRow, key: string): string | undefined {
    const addr = this.addr(row, key);
    return addr === undefined ? undefined : this.snap.formats?.[addr];
  }

  isPercentCell(row: TableRow, key: string): boolean {
    return isPercentFormat(this.format(row, key));
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
    const n = cellNumber(v, this.format(row, key));
    if (n === undefined) {
      this.issues.push(issue('workbook.notANumber', { value: String(v) }, this.where(row, key, who)));
      return undefined;
    }
    this.warnAmbiguous(v, row, key, who);
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

  /**
   * A date (with its time of day when it has one): a date cell, a serial day (in a date-formatted
   * cell, else only a plausible one), or a date typed as text (accepted with a warning).
   */
  date(row: TableRow, key: string, who?: { unit?: string | undefined; criterion?: string | undefined }): string | undefined {
    const v = this.raw(row, key, who);
    if (v === undefined || v === null) return undefined;
    const addr = this.addr(row, key) ?? '';
    if (dateOutOfRange(v, dateSystemOf(this.snap))) {
      // before 1900 (serial −5, "31/12/1899", a date cell exceljs read as 1899) or after 2200
      this.issues.push(issue('workbook.dateOutOfRange', { value: String(v), min: String(MIN_YEAR), max: String(MAX_YEAR) }, this.where(row, key, who)));
      return undefined;
    }
    if (typeof v === 'string' && this.snap.dates?.[addr]) return parseDateTimeText(v) ?? v;
    if (typeof v === 'number') {
      const iso = cellDate(v, { ...dateSystemOf(this.snap), serials: isDateFormat(this.format(row, key)) ? 'all' : 'plausible', time: true });
      if (iso !== undefined) return iso;
      this.issues.push(issue('workbook.notADate', { value: String(v) }, this.where(row, key, who)));
      return undefined;
    }
    if (typeof v === 'string') {
      const iso = parseDateTimeText(v);
      if (iso) {
        this.issues.push(issue('workbook.dateAsText', { value: v }, this.where(row, key, who), 'warning'));
        return iso;
      }
    }
    this.issues.push(issue('workbook.notADate', { value: String(v) }, this.where(row, key, who)));
    return undefined;
  }

  /** A number typed as text that Vietnamese and English read differently ("1.234", "87,125"): read the Vietnamese way, with a warning. */
  private warnAmbiguous(v: CellValue, row: TableRow, key: string, who?: { unit?: string | undefined; criterion?: string | undefined }): void {
    const amb = ambiguousNumber(v);
    if (amb) this.issues.push(issue('workbook.ambiguousNumber', { value: String(v), read: amb.read, other: amb.other }, this.where(row, key, who), 'warning'));
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
    if (typeof v === 'number') {
      if (this.isPercentCell(row, key)) return v * 100;
      if (isDateFormat(this.format(row, key))) return cellDate(v, { ...dateSystemOf(this.snap), time: true }) ?? v;
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
      const vars = s.includes('=') ? parseVarsText(s) : undefined;
      if (vars) return vars;
      this.warnAmbiguous(s, row, key, who);
      return s;
    }
    return v;
  }
}
