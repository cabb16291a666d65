/**
 * Unit template layout: the fixed contract between the template writer and the importer.
 *
 *   sheet "Hướng dẫn"     instructions (how to fill, deadline, contact, columns, N/A policy)
 *   sheet "Tự đánh giá"   rows 1–3: issuing body and national title · place and date · form title,
 *                         "Kèm theo …", unit, criteria set and deadline (format 1: title · unit · set)
 *                         row 4 column KEYS (hidden) · row 5 headers · row 6… one row per node
 *                         then (format 2) the total row, the sign-off entries and the signatures
 *   sheet "_meta"         veryHidden: key/value pairs, then one line per template row
 *                         (row, code, kind, assessed unit, cell hashes of the locked cells)
 *
 * Format 2 adds the locked column "Điểm tạm tính" (provisional points, by formula) before
 * "Điểm tự chấm", and the total row; files of format 1 are still read with their own columns.
 */

export const TEMPLATE_ID = 'parindex-template';
export const TEMPLATE_FORMAT = 2;

export const INSTRUCTIONS_SHEET = 'Hướng dẫn';
export const SELF_SHEET = 'Tự đánh giá';
export const META_SHEET = '_meta';

export const TEMPLATE_MARKERS = Object.freeze({
  instructions: 'parindex:template:instructions',
  self: 'parindex:template:self',
  meta: 'parindex:template:meta',
});

/** 1-based rows of the self-assessment sheet. */
export const ROWS = Object.freeze({ title: 1, unit: 2, info: 3, keys: 4, header: 5, first: 6 });

export type ColumnKey =
  | 'code'
  | 'name'
  | 'max'
  | 'value'
  | 'rule'
  | 'evidenceRequired'
  | 'evidence'
  | 'provisional'
  | 'self'
  | 'explanation'
  | 'lead';

export interface TemplateColumn {
  key: ColumnKey;
  vi: string;
  en: string;
  width: number;
  /** Entered by the unit (unlocked on leaf rows). */
  input: boolean;
  /** What the column means, for the instructions sheet. */
  help: { vi: string; en: string };
}

const COLUMN_TABLE: Readonly<Record<ColumnKey, TemplateColumn>> = Object.freeze({
  code: { key: 'code', vi: 'STT (mã)', en: 'No. (code)', width: 6, input: false, help: { vi: 'Mã tiêu chí theo bộ tiêu chí; không sửa.', en: 'Criterion code from the criteria set; do not edit.' } },
  name: { key: 'name', vi: 'Lĩnh vực / tiêu chí', en: 'Area / criterion', width: 30, input: false, help: { vi: 'Tên lĩnh vực, tiêu chí, tiêu chí thành phần.', en: 'Name of the area, criterion or sub-criterion.' } },
  max: { key: 'max', vi: 'Điểm tối đa', en: 'Max points', width: 6, input: false, help: { vi: 'Điểm tối đa của tiêu chí.', en: 'Maximum points of the criterion.' } },
  value: { key: 'value', vi: 'Số liệu kê khai', en: 'Declared value', width: 13, input: true, help: { vi: 'Số liệu kê khai: chọn Có / Không / Không áp dụng, mức độ, hoặc nhập số, tỷ lệ (%) hay ngày theo gợi ý của ô.', en: 'Declared value: pick Yes/No/N.A. or a level, or enter a number, rate (%) or date as the cell prompts.' } },
  rule: { key: 'rule', vi: 'Cách tính điểm', en: 'Scoring rule', width: 29, input: false, help: { vi: 'Cách tính điểm theo bộ tiêu chí.', en: 'How points are computed.' } },
  evidenceRequired: { key: 'evidenceRequired', vi: 'Tài liệu kiểm chứng yêu cầu', en: 'Evidence required', width: 23, input: false, help: { vi: 'Tài liệu kiểm chứng cần có.', en: 'Evidence documents required.' } },
  evidence: { key: 'evidence', vi: 'Tài liệu kiểm chứng (số, ký hiệu, ngày văn bản)', en: 'Evidence reference (number, date)', width: 18, input: true, help: { vi: 'Số, ký hiệu, ngày ban hành văn bản kiểm chứng hoặc đường dẫn.', en: 'Number, symbol and date of the evidence document, or a link.' } },
  provisional: { key: 'provisional', vi: 'Điểm tạm tính', en: 'Provisional points', width: 8, input: false, help: { vi: 'Điểm do công thức tính từ số liệu kê khai theo cách tính điểm (ô khoá, tự tính lại khi nhập số liệu); dòng lĩnh vực và dòng tổng cộng là tổng các dòng bên dưới.', en: 'Points computed by formula from the declared value with the scoring rule (locked, recomputed as you type); area rows and the total row add up the rows below.' } },
  self: { key: 'self', vi: 'Điểm tự chấm', en: 'Self-score', width: 7, input: true, help: { vi: 'Điểm đơn vị tự chấm: từ 0 đến điểm tối đa, bước 0,25.', en: 'Points the unit gives itself: 0 to the maximum, in steps of 0.25.' } },
  explanation: { key: 'explanation', vi: 'Giải trình / ghi chú', en: 'Explanation / note', width: 17, input: true, help: { vi: 'Giải trình khi không đạt điểm tối đa hoặc khi tiêu chí không áp dụng.', en: 'Explanation when below the maximum or when the criterion does not apply.' } },
  lead: { key: 'lead', vi: 'Đơn vị chủ trì theo dõi', en: 'Lead unit', width: 8, input: false, help: { vi: 'Phòng chuyên môn chủ trì theo dõi, thẩm định tiêu chí (mã đơn vị, xem bảng mã ở trang Hướng dẫn).', en: 'Office that leads and appraises the criterion (unit code, see the list of codes on the instructions sheet).' } },
});

const KEYS_V1: readonly ColumnKey[] = ['code', 'name', 'max', 'value', 'rule', 'evidenceRequired', 'evidence', 'self', 'explanation', 'lead'];
const KEYS_V2: readonly ColumnKey[] = ['code', 'name', 'max', 'value', 'rule', 'evidenceRequired', 'evidence', 'provisional', 'self', 'explanation', 'lead'];

/** Columns of the templates written now (format TEMPLATE_FORMAT). */
export const COLUMNS: readonly TemplateColumn[] = Object.freeze(KEYS_V2.map((k) => COLUMN_TABLE[k]));

const COLUMNS_V1: readonly TemplateColumn[] = Object.freeze(KEYS_V1.map((k) => COLUMN_TABLE[k]));

/** Columns of a template of this format (1: without "Điểm tạm tính"); an unknown or newer format reads as the current one. */
export function templateColumns(format: number): readonly TemplateColumn[] {
  return format === 1 ? COLUMNS_V1 : COLUMNS;
}

/** Index of a column in the current layout (-1 when absent). */
export function columnIndex(key: ColumnKey): number {
  return COLUMNS.findIndex((c) => c.key === key);
}

/** Index of a column in a given layout (-1 when absent, e.g. "provisional" in format 1). */
export function columnIndexIn(columns: readonly TemplateColumn[], key: ColumnKey): number {
  return columns.findIndex((c) => c.key === key);
}

/** Keys of the `_meta` key/value block, in order. */
export const META_KEYS = [
  'templateId',
  'templateFormat',
  'frameworkId',
  'frameworkVersion',
  'frameworkYear',
  'unit',
  'unitName',
  'unitKind',
  'round',
  'deadline',
  'generatedAt',
  'lang',
  'sheet',
  'firstRow',
  'rowCount',
  'hash',
] as const;
export type MetaKey = (typeof META_KEYS)[number];

/**
 * Header of the per-row table in `_meta` (starts two rows below the key/value block). `rule` (the
 * leaf's rule as JSON) lets a file be checked without its master; templates written before it
 * was added simply lack the column.
 */
export const META_ROW_HEADER = ['row', 'code', 'kind', 'assessedUnit', 'input', 'cells', 'max', 'spec', 'rule'] as const;

/** Locked columns whose content is hashed (structure: codes, names, maxima, rules, evidence, lead). */
export const HASHED_COLUMNS: readonly ColumnKey[] = ['code', 'name', 'max', 'rule', 'evidenceRequired', 'lead'];

/** Password of the sheet protection: a guard against accidental edits, not security (documented). */
export const DEFAULT_PASSWORD = 'parindex';

/** Self-scores go in steps of this size. */
export const SCORE_STEP = 0.25;

/**
 * Sign-off block under the table (one blank row after the last criterion): label in column B,
 * the unit's entry in column D (unlocked). Found again by its label, wherever rows moved.
 */
/** Label of the total row under the table (code cell empty, label in column B), by language. */
export const TOTAL_ROW = Object.freeze({ vi: 'TỔNG CỘNG', en: 'TOTAL' });

export const FOOTER = Object.freeze([
  { key: 'preparer', vi: 'Người lập biểu (họ tên, điện thoại):', en: 'Prepared by (name, phone):' },
  { key: 'head', vi: 'Thủ trưởng đơn vị (họ tên, chức vụ):', en: 'Head of unit (name, title):' },
  { key: 'signedOn', vi: 'Ngày ký:', en: 'Signed on:' },
] as const);
export type FooterKey = (typeof FOOTER)[number]['key'];
