/**
 * The one interface through which hosts touch a workbook. Two implementations:
 * files/ (exceljs: CLI and standalone page) and addin/excel (the Office JavaScript API, the task pane).
 * Both must pass the same contract suite (test/contract). The engine renders output sheets
 * into `RenderedSheet`s (pure data); ports only apply them.
 */

/** A cell value as the engine sees it. Dates are ISO strings "yyyy-mm-dd" once parsed by a reader. */
export type CellValue = string | number | boolean | null;

/** One sheet as read from a workbook: values plus what a reader needs to locate and judge problems. */
export interface SheetSnapshot {
  name: string;
  /**
   * Values by row then column, 0-based (values[0][0] is A1); trailing empty rows/columns may be
   * trimmed. Rows and cells with nothing in them may be absent (holes in a sparse array: the
   * exceljs port keeps only what the file holds, so a stray cell far down costs one row, not the
   * rows between): read with `values[r]?.[c] ?? null`, iterate with `forEach` or an index loop,
   * never spread a row or the rows into a call.
   */
  values: CellValue[][];
  /** Non-General number formats by A1 address (e.g. "0%", "dd/mm/yyyy"). */
  formats?: Record<string, string>;
  /** Cells holding error values by A1 address ("#DIV/0!", "#REF!", "#N/A"…). Their `values` entry is null. */
  errors?: Record<string, string>;
  /** Formulas by A1 address (the value is the cached result). */
  formulas?: Record<string, string>;
  /** Cells whose stored value was a date, by A1 address; their `values` entry is an ISO date string. */
  dates?: Record<string, true>;
  /** Merged ranges, e.g. "A1:C1". */
  merged?: string[];
  /** Hidden rows, 1-based. */
  hiddenRows?: number[];
  state?: SheetState;
  /** Whether the sheet is protected. */
  protected?: boolean;
  /** The workbook counts serial dates from 1904 (old Mac Excel): readers convert serial numbers with it. */
  date1904?: boolean;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Background colour, hex "RRGGBB". */
  fill?: string;
  fontColor?: string;
  fontSize?: number;
  /** Excel number format, e.g. "0.00", "0.00%", "dd/mm/yyyy", "@" (text). */
  numFmt?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  border?: boolean;
  /** Cell protection (only meaningful when the sheet is protected). Default: locked. */
  locked?: boolean;
}

/** What every validation may say: the prompt shown on the cell and the error when refused, each with a title. */
interface ValidationText {
  prompt?: string;
  /** Title of the prompt box (default: none). */
  promptTitle?: string;
  error?: string;
  /** Title of the error box (default: the port's own). */
  errorTitle?: string;
}

export type Validation = ValidationText &
  (
    | { range: string; type: 'list'; values: string[] }
    | { range: string; type: 'decimal'; min: number; max: number }
    | { range: string; type: 'whole'; min: number; max: number }
    | { range: string; type: 'date'; min?: string; max?: string }
    /** A formula (no leading "=", English function names, "," between arguments) true for an accepted value; references are relative to the range's top-left cell. */
    | { range: string; type: 'custom'; formula: string }
    /** No check: only the prompt (a cell that takes many wordings, e.g. a date or "Quá hạn 5 ngày"). */
    | { range: string; type: 'any' }
  );

export type ConditionalFormat =
  | {
      /** A1 range, e.g. "E5:E20". */
      range: string;
      rule: 'lessThan' | 'greaterThanOrEqual' | 'between';
      value: number;
      value2?: number;
      fill: string;
      fontColor?: string;
    }
  | {
      range: string;
      /** Formatted where `formula` (no leading "=") is true; references are relative to the range's top-left cell. */
      rule: 'expression';
      formula: string;
      fill: string;
      fontColor?: string;
    };

/** A run of text inside one cell, with its own weight, slant and size. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
}

/** How a sheet prints (the page setup of an owned sheet). */
export interface PageSetup {
  /** Paper size (default A4). */
  paper?: 'A4' | 'A3';
  /** Fixed print scale in percent (10–400), instead of fitting one page wide. */
  scale?: number;
  /** Rows repeated at the top of every printed page, 1-based inclusive, e.g. [5, 5]. */
  titleRows?: [number, number];
  /** Rows (1-based) after which a new page starts: a block kept together (the signatures). */
  pageBreaks?: number[];
  /**
   * Footer in Excel's header/footer codes ("&P" page, "&N" pages), by section; the sheet's marker
   * then goes to `markerCell` (a footer the sheet declares is printed as it is).
   */
  footer?: { left?: string; center?: string; right?: string };
  /** Margins in inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Centre the printed table between the side margins. */
  centerHorizontally?: boolean;
}

export interface ChartSpec {
  type: 'bar' | 'column' | 'radar' | 'line';
  title: string;
  /** Data range including the header row and the category column, e.g. "B4:C15". */
  dataRange: string;
  seriesBy?: 'columns' | 'rows';
  /** Top-left cell of the chart, e.g. "H4". */
  anchor: string;
  /** Size in points. */
  width?: number;
  height?: number;
  /**
   * Category labels (A1 range on the same sheet) when they are not the first column (row) of
   * `dataRange`, with `series` naming the values. A host that cannot draw non-adjacent ranges
   * draws `dataRange` instead (the values alone).
   */
  categories?: string;
  /** Explicit series: the cell holding its name and the A1 range of its values (same sheet). */
  series?: { name: string; values: string }[];
  /**
   * A reference line across the chart (the target index), drawn as a dashed line series named
   * `label`: from the cells of `range` (one per category; LibreOffice draws only cell data), else
   * the constant `value`.
   */
  target?: { value: number; label: string; range?: string };
  /**
   * An interval around each value of the first series (the 95% range of an index), drawn as error
   * bars: A1 ranges on the same sheet, one cell per category, holding the distance below (`minus`)
   * and above (`plus`) the value. A host that cannot draw them draws the values alone, or the
   * interval's bounds as two lines when `low` and `high` name their cells (Office.js can turn error
   * bars on but cannot set custom amounts: the Excel add-in draws the bounds).
   */
  errorBars?: { minus: string; plus: string; low?: string; high?: string };
}

/**
 * A sheet as pure data. A sheet the software owns is rewritten whole from it on every run; an
 * input sheet the last read returned (e.g. "Kê khai" with its computed `out_` columns) is updated
 * in place from it — see `WorkbookPort.write`.
 */
export interface RenderedSheet {
  name: string;
  /** Ownership marker written into the sheet (e.g. "parindex:results"), so readers and users recognise it. */
  marker: string;
  /** Values from A1, row by row. Strings are always written as text, never as formulas. */
  values: CellValue[][];
  /**
   * Formulas by A1 address, without the leading "=" (English function names, "," between
   * arguments, a function newer than Excel 2007 with its "_xlfn." prefix, as a file stores them). The cell's entry in `values` is its cached result (null:
   * none; the workbook is marked for recalculation on open). The only way a port writes a formula.
   */
  formulas?: Record<string, string>;
  /**
   * Cell that holds the marker instead of the print footer's left section (a cell that does not
   * print: a hidden row or column). Given with `page.footer`, so the printed footer is the sheet's own.
   */
  markerCell?: string;
  /** Row heights in points, by 1-based row. */
  rowHeights?: Record<number, number>;
  /**
   * Cells written as runs of differently formatted text (a title in bold over an italic line), by
   * A1 address; `values` holds the same text as one string, which a port without rich text writes.
   */
  runs?: Record<string, TextRun[]>;
  /** Font of every cell written or styled (one family on a printed form); a style's size wins. */
  font?: { name: string; size?: number };
  /** Styles by A1 range ("A1", "A4:H4", "E5:E20"). Later entries win. */
  styles?: { range: string; style: CellStyle }[];
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  hiddenRows?: number[];
  hiddenColumns?: number[];
  freeze?: { rows: number; columns: number };
  merges?: string[];
  conditionalFormats?: ConditionalFormat[];
  validations?: Validation[];
  /**
   * Protect the sheet: only cells styled `locked: false` stay editable. `structure`: also lock the
   * workbook's structure with the same password (sheets cannot be added, deleted, renamed, moved,
   * hidden or shown — a hidden sheet stays hidden after a save by a program without "very hidden").
   */
  protection?: {
    password?: string;
    structure?: boolean;
    /** Let users change row heights (a form whose answers may need taller rows); rows still cannot be inserted or deleted. */
    formatRows?: boolean;
  };
  state?: SheetState;
  charts?: ChartSpec[];
  printArea?: string;
  /** Print on A4, scaled to one page wide; landscape when true (default: landscape for wide sheets). */
  landscape?: boolean;
  /** Paper, scale, repeated rows, footer and margins; absent: A4, one page wide, the marker in the footer. */
  page?: PageSetup;
  /** Show this sheet when the workbook is opened (the last such sheet of a write wins). */
  active?: boolean;
  tabColor?: string;
}

export interface SheetInfo {
  name: string;
  state: SheetState;
}

export interface WriteOptions {
  /** Called with a fraction 0..1 while writing. */
  onProgress?: (done: number) => void;
}

/** Host-agnostic workbook access. Reads and writes are batched: one call each per recompute. */
export interface WorkbookPort {
  readonly host: 'excel' | 'exceljs';
  listSheets(): Promise<SheetInfo[]>;
  /** One batched read of the named sheets (missing names are simply absent from the result). */
  read(names: readonly string[]): Promise<SheetSnapshot[]>;
  /**
   * One batched write. Never touches sheets not listed. Two cases per sheet, the same in every port:
   *
   * - **Input sheet, updated in place**: the sheet exists, the port's preceding `read` returned it
   *   (each `write` consumes the last read: a second write without a new read replaces whole), it
   *   was not protected when read, and the rendered sheet has no charts and no conditional formats.
   *   Only cells whose value differs from what was read are written (a rendered null clears a cell;
   *   a date cell handed back as its serial counts as unchanged); a formula whose cached value is
   *   unchanged is not touched. The rendered `styles` (number formats included) apply to the ranges
   *   they name and nothing else; `validations` replace the validations of the cells of their
   *   range only; `columnWidths` apply only to columns right of the content the read saw (the
   *   columns the software adds); `hiddenRows` is the sheet's full list (rows hidden when read and
   *   not listed are shown); `hiddenColumns`, `merges`, `printArea`, `tabColor`, `state` and
   *   `protection` apply when given; `freeze`, page layout (`page`, `rowHeights`, `font`,
   *   `markerCell`) and `formulas` are not applied. Everything else the
   *   user made — validations, conditional formats, styles, number formats (also of empty cells),
   *   column widths, row heights, frozen panes, merges, cell protection, sheet state, tab colour —
   *   stays.
   * - **Owned sheet, replaced whole** (every other case, also a sheet absent from the workbook): a
   *   fresh sheet at the same position, built from the rendered sheet alone.
   *
   * In both cases strings are written as text, never as formulas, numbers or dates.
   */
  write(sheets: readonly RenderedSheet[], options?: WriteOptions): Promise<void>;
  /** Select a cell for the user (task pane: "click an issue to select its cell"). Optional. */
  select?(sheet: string, cell: string): Promise<void>;
}
