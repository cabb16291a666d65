/**
 * One way to read cells, for every reader of the engine (master workbook, unit templates, plan
 * sheets, survey grids) and for the rules:
 *
 * - text of a cell: trimmed, no-break and zero-width spaces cleaned, blank for null;
 * - `fold`: the comparison key of a word (case, diacritics and extra spaces ignored);
 * - numbers written either way, Vietnamese first: "0,75", "1.234,5", "91,43%", "1,234.5";
 * - dates: every text form the rules and templates accept, Excel serial days in the 1900 system
 *   (with its fictitious 1900-02-29) or the 1904 system, date cells already read by a port;
 * - one table locator: the row of column keys, else the row of display headers (vi, en, aliases).
 *
 * No imports: rules (engine/rules/value.ts re-exports `fold` and `parseNumber`) and readers both
 * build on this module.
 */

// ---------------------------------------------------------------- text

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const ODD_SPACES = /[\u00a0\u2007\u202f]/g;
const ODD_CHARS = /[\u00a0\u2007\u202f\u200b-\u200d\u2060\ufeff]/;

/** Clean typed text: zero-width characters removed, no-break spaces made plain, trimmed. */
export function cleanText(s: string): string {
  const t = s.trim();
  return ODD_CHARS.test(t) ? t.replace(INVISIBLE, '').replace(ODD_SPACES, ' ').trim() : t;
}

/**
 * A cell as text: "" for null/undefined, strings cleaned and trimmed, numbers as written by
 * JavaScript, booleans as Excel shows them ("TRUE" / "FALSE"), a Date as its ISO day.
 * @example cellText('\u00a0 1.1 ') // "1.1"
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return cleanText(String(v));
}

/** Nothing in the cell: null, undefined, or only spaces. */
export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && cleanText(v) === '');
}

/**
 * Comparison key of a word: lower-case, Vietnamese diacritics stripped (đ → d), inner spaces
 * collapsed, trimmed. "Không áp dụng" → "khong ap dung".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------- numbers

/** "1.234.567" / "1.234,5": dots group thousands, a comma marks the decimals (Vietnamese). */
const VI_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
/** "1,234.5" / "1,234,567": commas group thousands (with a decimal point, or two groups or more). */
const EN_GROUPED = /^[1-9]\d{0,2}(?:(?:,\d{3})+\.\d+|(?:,\d{3}){2,})$/;
const DECIMAL_COMMA = /^(?:\d+,\d*|,\d+)$/;
const PLAIN = /^(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/**
 * A number written as a unit writes it, Vietnamese first: 3, " 3 ", "0,75", "0.75", "1.234,5"
 * (→ 1234.5), "1.234" (→ 1234, dots group thousands), "1,234" (→ 1.234, a lone comma is the
 * decimal mark), "1,234.5" and "1,234,567" (English grouping, unambiguous), "91,43%" (→ 91.43:
 * the percent sign is dropped, the number stays in percent), "−5" (minus sign). Anything else,
 * including "Infinity", "1,2,3" and numbers that overflow, is undefined.
 * @example parseNumber('1.234,5') // 1234.5
 */
export function parseNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const { sign, digits } = numberText(v);
  let s = digits;
  if (s === '') return undefined;
  if (VI_GROUPED.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (EN_GROUPED.test(s)) s = s.replace(/,/g, '');
  else if (DECIMAL_COMMA.test(s)) s = s.replace(',', '.');
  if (!PLAIN.test(s)) return undefined;
  const n = Number(sign + s);
  return Number.isFinite(n) ? n : undefined;
}

/** A number's text without spaces, percent sign and sign: "− 87,5 %" → { sign: '-', digits: '87,5' }. */
function numberText(v: string): { sign: '' | '-'; digits: string } {
  let s = cleanText(v).replace(/\s+/g, '');
  if (s.endsWith('%')) s = s.slice(0, -1);
  let sign: '' | '-' = '';
  if (/^[-+\u2212]/.test(s)) {
    sign = s[0] === '+' ? '' : '-';
    s = s.slice(1);
  }
  return { sign, digits: s };
}

/** One group of three digits after a dot: Vietnamese thousands ("1.234" → 1234), English decimals (1.234). */
const ONE_DOT_GROUP = /^[1-9]\d{0,2}\.\d{3}$/;
/** One group of three digits after a comma: Vietnamese decimals ("87,125" → 87.125), English thousands (87125). */
const ONE_COMMA_GROUP = /^[1-9]\d{0,2},\d{3}$/;

/**
 * A number text that Vietnamese and English writing read differently: one group of three digits
 * after a single dot or comma. `parseNumber` reads it the Vietnamese way (`read`: a dot groups
 * thousands, a comma marks the decimals); `other` is the English reading. Readers warn with the
 * cell so that a unit that typed "87.125" meaning 87,125 % sees it. Undefined for numbers that
 * read one way only ("0,250", "1.234,5", "1.234.567", "87,5", numbers typed as numbers).
 * @example ambiguousNumber('87,125') // { read: 87.125, other: 87125 }
 */
export function ambiguousNumber(v: unknown): { read: number; other: number } | undefined {
  if (typeof v !== 'string') return undefined;
  const { sign, digits } = numberText(v);
  const k = sign === '-' ? -1 : 1;
  if (ONE_DOT_GROUP.test(digits)) return { read: k * Number(digits.replace('.', '')), other: k * Number(digits) };
  if (ONE_COMMA_GROUP.test(digits)) return { read: k * Number(digits.replace(',', '.')), other: k * Number(digits.replace(',', '')) };
  return undefined;
}

/** Is this Excel number format a percentage ("0%", "0.00%")? Quoted text and [colours] do not count. */
export function isPercentFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return stripLiterals(fmt).includes('%');
}

/** Is this Excel number format a date or date-time ("dd/mm/yyyy", "d-mmm-yy", "yyyy-mm-dd hh:mm")? */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = stripLiterals(fmt).toLowerCase();
  return /[dy]/.test(f) || /m{3,}/.test(f);
}

function stripLiterals(fmt: string): string {
  return fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
}

/**
 * A number cell: numbers as they are (× 100 in a percent-formatted cell: 0.875 → 87.5), text as
 * `parseNumber` reads it. Undefined for blanks, booleans and anything unreadable.
 */
export function cellNumber(v: unknown, format?: string): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? (isPercentFormat(format) ? v * 100 : v) : undefined;
  return parseNumber(v);
}

/**
 * Named values typed in one cell: "tyLe = 85", "dungHan = 18; tong = 20", "Đúng hạn = 3; Quá hạn = 1"
 * (parts separated by ";" or new lines; with `colon`, "tyLe: 85" too). Numbers are read with
 * `parseNumber`, other values kept as text. Undefined unless every part is `name = value`.
 * @example parseVarsText('dungHan = 18; tong = 20') // { dungHan: 18, tong: 20 }
 */
export function parseVarsText(text: string, options: { colon?: boolean } = {}): Record<string, number | string> | undefined {
  const part = options.colon ? /^([\p{L}_][\p{L}\p{N}_. ]*?)\s*[=:]\s*(\S.*)$/u : /^([\p{L}_][\p{L}\p{N}_. ]*?)\s*=\s*(\S.*)$/u;
  const out: Record<string, number | string> = {};
  let n = 0;
  for (const raw of text.split(/[;\n]/)) {
    const p = cleanText(raw);
    if (p === '') continue;
    const m = part.exec(p);
    if (!m || m[1] === undefined || m[2] === undefined) return undefined;
    const value = m[2].trim();
    out[m[1]] = parseNumber(value) ?? value;
    n++;
  }
  return n > 0 ? out : undefined;
}

// ---------------------------------------------------------------- dates

/** Years a date may have (what the rules read; Excel serials outside it are not dates either). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** Which Excel calendar serial day numbers count from. */
export interface DateSystem {
  /** The workbook uses the 1904 date system (serial 0 = 1904-01-01). Default: 1900 system. */
  date1904?: boolean;
}

/** The date system a snapshot declares (a port may set `date1904` on it). */
export function dateSystemOf(snap: object): DateSystem {
  return 'date1904' in snap && snap.date1904 === true ? { date1904: true } : {};
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Days since 1970-01-01 of a real calendar day in [MIN_YEAR, MAX_YEAR], else undefined. */
function dayNumber(y: number, m: number, d: number): number | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return undefined;
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== m - 1) return undefined;
  return Math.round(ms / 86_400_000);
}

/**
 * ISO day "yyyy-mm-dd" of y/m/d, or undefined when it is not a real day (31/02) or its year is
 * outside [MIN_YEAR, MAX_YEAR].
 */
export function isoDay(y: number, m: number, d: number): string | undefined {
  return dayNumber(y, m, d) === undefined ? undefined : `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function isoOfDayNumber(day: number): string | undefined {
  const dt = new Date(day * 86_400_000);
  return isoDay(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** Serial day of 1970-01-01: 25569 in the 1900 system, 24107 in the 1904 system. */
const EPOCH_1900 = 25_569;
const EPOCH_1904 = 24_107;

/**
 * Excel serial day → ISO day, or "yyyy-mm-ddThh:mm" when the serial has a time of day.
 * 1900 system: 1 = 1900-01-01, 59 = 1900-02-28, 60 is Excel's fictitious 1900-02-29 (not a date),
 * 61 = 1900-03-01, 45122 = 2023-07-15. 1904 system (`date1904`): 0 = 1904-01-01.
 * Undefined for non-finite numbers and days outside [MIN_YEAR, MAX_YEAR].
 * @example serialToIso(45122.5) // "2023-07-15T12:00"
 */
export function serialToIso(serial: number, system: DateSystem = {}): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  let whole = Math.floor(serial);
  let minutes = Math.round((serial - whole) * 1440);
  if (minutes === 1440) {
    whole += 1;
    minutes = 0;
  }
  let day: number;
  if (system.date1904) {
    if (whole < 0) return undefined;
    day = whole - EPOCH_1904;
  } else {
    if (whole < 1 || whole === 60) return undefined;
    day = whole < 60 ? whole - EPOCH_1900 + 1 : whole - EPOCH_1900;
  }
  const iso = isoOfDayNumber(day);
  if (iso === undefined || minutes === 0) return iso;
  return `${iso}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** ISO day or "yyyy-mm-ddThh:mm[:ss]" → Excel serial day (the inverse of `serialToIso`). */
export function isoToSerial(iso: string, system: DateSystem = {}): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return undefined;
  const day = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day === undefined) return undefined;
  const time = (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) / 86_400;
  if (system.date1904) return day + EPOCH_1904 + time;
  const serial = day + EPOCH_1900;
  // before 1900-03-01 Excel's serials are one lower (its calendar has a 1900-02-29)
  return (serial < 61 ? serial - 1 : serial) + time;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const TIME = String.raw`(?:(?:T\s*|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2}|[ap]m)?)?`;
const ISO_TEXT = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const DMY_TEXT = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}$`, 'i');
const VI_WORDS = /^(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$/;
const D_MON_Y = /^(\d{1,2})[-\s]([a-z]{3})[a-z]*\.?[-\s,]+(\d{4})$/;
const MON_D_Y = /^(?:[a-z]{3}[a-z]*,?\s+)?([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/;

/** A date read from text: the ISO day and, when one was written, the time of day "hh:mm". */
export interface DateText {
  date: string;
  time?: string;
}

function withTime(date: string | undefined, hh: string | undefined, mm: string | undefined, ampm: string | undefined): DateText | undefined {
  if (date === undefined) return undefined;
  if (hh === undefined || mm === undefined) return { date };
  let h = Number(hh);
  const min = Number(mm);
  const half = ampm?.toLowerCase();
  if (half === 'pm' && h < 12) h += 12;
  if (half === 'am' && h === 12) h = 0;
  if (h > 23 || min > 59) return undefined;
  return h === 0 && min === 0 ? { date } : { date, time: `${pad(h)}:${pad(min)}` };
}

/**
 * A date typed as text, in every form the rules and templates accept: "2023-07-15" (also with
 * "/" or "." and with a time, "2023-07-15T09:30:00Z"), "15/07/2023", "5/7/2023", "15-07-2023",
 * "15.07.2023" (day first, as Vietnamese writes it; a time may follow: "15/07/2023 9:30"),
 * "ngày 15 tháng 7 năm 2023", "15-Jul-2023", "Jul 15, 2023" and JavaScript's date strings.
 * Undefined for anything else, for days that do not exist (31/02/2023) and for years outside
 * [MIN_YEAR, MAX_YEAR]. A time zone is ignored: the day is the calendar day written.
 * @example parseDateText('ngày 5 tháng 7 năm 2023') // { date: "2023-07-05" }
 */
export function parseDateText(text: string): DateText | undefined {
  const s = cleanText(text);
  let m = ISO_TEXT.exec(s);
  if (m) return withTime(isoDay(Number(m[1]), Number(m[2]), Number(m[3])), m[4], m[5], m[7]);
  m = DMY_TEXT.exec(s);
  if (m) return withTime(isoDay(Number(m[3]), Number(m[2]), Number(m[1])), m[4], m[5], m[7]);
  const f = fold(s);
  m = VI_WORDS.exec(f);
  if (m) return withTime(isoDay(Number(m[3]), Number(m[2]), Number(m[1])), undefined, undefined, undefined);
  m = D_MON_Y.exec(f);
  if (m) {
    const mon = MONTHS[m[2] ?? ''];
    return mon ? withTime(isoDay(Number(m[3]), mon, Number(m[1])), undefined, undefined, undefined) : undefined;
  }
  m = MON_D_Y.exec(f);
  if (m) {
    const mon = MONTHS[m[1] ?? ''];
    return mon ? withTime(isoDay(Number(m[3]), mon, Number(m[2])), undefined, undefined, undefined) : undefined;
  }
  return undefined;
}

/**
 * A date written in full (text "31/12/1899", "1899-12-31", "ngày 1 tháng 1 năm 2300", or a date
 * cell's ISO text) whose year lies outside [MIN_YEAR, MAX_YEAR], or a serial day number before the
 * first day of the workbook's calendar (serial −5): readers refuse it as out of range, naming the
 * years, rather than as "not a date".
 * @example dateOutOfRange('31/12/1899') // true
 */
export function dateOutOfRange(v: unknown, system: DateSystem = {}): boolean {
  if (typeof v === 'number') return Number.isFinite(v) && (system.date1904 ? v < 0 : v < 1);
  if (typeof v !== 'string') return false;
  const s = cleanText(v);
  const m = ISO_TEXT.exec(s) ?? DMY_TEXT.exec(s) ?? VI_WORDS.exec(fold(s));
  if (!m) return false;
  const y = Number(ISO_TEXT.test(s) ? m[1] : m[3]);
  return Number.isInteger(y) && (y < MIN_YEAR || y > MAX_YEAR);
}

/** `parseDateText` as one ISO string: the day, or "yyyy-mm-ddThh:mm" when a time was written. */
export function parseDateTimeText(text: string): string | undefined {
  const d = parseDateText(text);
  return d === undefined ? undefined : d.time ? `${d.date}T${d.time}` : d.date;
}

/** Serial days read as dates when a number is not in a date cell: 1955-01-01 … 2119-01-09. */
export const PLAUSIBLE_SERIALS = Object.freeze({ min: 20_000, max: 80_000 });

export interface CellDateOptions extends DateSystem {
  /** The port read this cell as a date: its value is already an ISO string. */
  dateCell?: boolean;
  /**
   * Which numbers are serial days: `all` (a date cell or a date-formatted one; default),
   * `plausible` (only PLAUSIBLE_SERIALS: a number in an unformatted cell), `none`.
   */
  serials?: 'all' | 'plausible' | 'none';
  /** Keep the time of day ("yyyy-mm-ddThh:mm") when the cell has one. Default: the day only. */
  time?: boolean;
}

/**
 * The date in a cell: an ISO string the port read from a date cell, an Excel serial day, or text
 * `parseDateText` reads. Undefined when the cell holds no date.
 * @example cellDate(45122) // "2023-07-15"
 */
export function cellDate(v: unknown, options: CellDateOptions = {}): string | undefined {
  const keepTime = options.time === true;
  const cut = (iso: string | undefined): string | undefined => (iso === undefined || keepTime ? iso : iso.slice(0, 10));
  if (typeof v === 'number') {
    const serials = options.serials ?? 'all';
    if (serials === 'none') return undefined;
    if (serials === 'plausible' && !(v >= PLAUSIBLE_SERIALS.min && v < PLAUSIBLE_SERIALS.max)) return undefined;
    return cut(serialToIso(v, options));
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    const date = isoDay(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    const hm = v.getUTCHours() * 60 + v.getUTCMinutes();
    return date !== undefined && keepTime && hm > 0 ? `${date}T${pad(Math.floor(hm / 60))}:${pad(hm % 60)}` : date;
  }
  if (typeof v !== 'string') return undefined;
  const d = parseDateText(v);
  if (d === undefined) return undefined;
  return keepTime && d.time ? `${d.date}T${d.time}` : d.date;
}

// ---------------------------------------------------------------- tables

/** A column to find: its stable key and the display names it may carry (vi, en, aliases). */
export interface TableColumn {
  key: string;
  /** Display headers accepted for the column (compared folded); the key itself is accepted too. */
  names: readonly string[];
}

export interface FindTableOptions {
  /** How many rows from the top to search (default SCAN_ROWS). */
  scanRows?: number;
  /** Fewest recognised cells for a row to count as the key or header row (default min(2, columns)). */
  minHits?: number;
  /** Open table: key-like cells the spec does not list are columns too (survey items, plan fields). */
  open?: boolean;
  /** Look for a row of stable keys above the headers (default true); false: display headers only. */
  keyRow?: boolean;
}

export interface FoundTable {
  /** 0-based row of the stable keys; -1 when the table was found by its display headers. */
  keyRow: number;
  /** 0-based row of the display headers (right under the key row when there is one). */
  headerRow: number;
  /** 0-based column by key (spec keys and, for open tables, extra keys). */
  columns: Map<string, number>;
  /** Key-like cells of an open table that the spec does not list, in column order. */
  extraKeys: { key: string; col: number }[];
  /** Cells naming a column already found (the first one wins). */
  duplicates: { key: string; row: number; col: number }[];
}

/** How far down readers look for the key row or the header row. */
export const SCAN_ROWS = 15;

function isKeyLike(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_.]*$/.test(s);
}

/**
 * The one table locator. Looks in the top rows for the row of stable column keys (matched
 * ignoring case) and, failing that, the row of display headers (vi, en, key or an alias, matched
 * folded: case and diacritics do not matter); the row with the most hits wins, at least
 * `minHits`. Under a key row, a column whose key cell is empty is recognised by its display
 * header. Undefined when neither row is found.
 * @example findTable(snap.values, [{ key: 'unit', names: ['Đơn vị', 'Unit'] }, { key: 'criterion', names: ['Tiêu chí'] }])
 */
export function findTable(rows: readonly (readonly unknown[] | undefined)[], columns: readonly TableColumn[], options: FindTableOptions = {}): FoundTable | undefined {
  const byKey = new Map<string, TableColumn>();
  const byName = new Map<string, TableColumn>();
  for (const c of columns) {
    byKey.set(c.key.toLowerCase(), c);
    for (const n of [c.key, ...c.names]) {
      const f = fold(n);
      if (f !== '' && !byName.has(f)) byName.set(f, c);
    }
  }
  const minHits = options.minHits ?? Math.min(2, columns.length);
  const limit = Math.min(rows.length, options.scanRows ?? SCAN_ROWS);
  let keyRow = -1;
  let bestKeys = 0;
  let headerRow = -1;
  let bestHeaders = 0;
  for (let r = 0; r < limit; r++) {
    let keys = 0;
    let headers = 0;
    for (const v of rows[r] ?? []) {
      const s = cellText(v);
      if (s === '') continue;
      if (byKey.has(s.toLowerCase())) keys++;
      if (byName.has(fold(s))) headers++;
    }
    if (options.keyRow !== false && keys > bestKeys && keys >= minHits) {
      bestKeys = keys;
      keyRow = r;
    }
    if (headers > bestHeaders && headers >= minHits) {
      bestHeaders = headers;
      headerRow = r;
    }
  }
  if (keyRow < 0 && headerRow < 0) return undefined;
  const found: FoundTable = { keyRow, headerRow: keyRow >= 0 ? keyRow + 1 : headerRow, columns: new Map(), extraKeys: [], duplicates: [] };
  const add = (key: string, row: number, col: number, extra: boolean): void => {
    if (found.columns.has(key)) {
      found.duplicates.push({ key, row, col });
      return;
    }
    found.columns.set(key, col);
    if (extra) found.extraKeys.push({ key, col });
  };
  const named = (row: readonly unknown[], col: number): TableColumn | undefined => byName.get(fold(cellText(row[col])));
  if (keyRow >= 0) {
    const keys = rows[keyRow] ?? [];
    keys.forEach((v, c) => {
      const s = cellText(v);
      if (s === '') return;
      const known = byKey.get(s.toLowerCase());
      if (known) add(known.key, keyRow, c, false);
      else if (options.open && isKeyLike(s)) add(s, keyRow, c, true);
    });
    // columns without a key cell: recognised by their display header
    const headers = rows[found.headerRow] ?? [];
    headers.forEach((_, c) => {
      if (cellText(keys[c]) !== '') return;
      const col = named(headers, c);
      if (col && !found.columns.has(col.key)) found.columns.set(col.key, c);
    });
  } else {
    const headers = rows[headerRow] ?? [];
    headers.forEach((v, c) => {
      const s = cellText(v);
      if (s === '') return;
      const col = named(headers, c);
      if (col) add(col.key, headerRow, c, false);
      else if (options.open && isKeyLike(s)) add(s, headerRow, c, true);
    });
  }
  return found;
}
