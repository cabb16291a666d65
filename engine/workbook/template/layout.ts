/**
 * Unit template layout: the fixed contract between the template writer and the importer.
 *
 *   sheet "Hướng dẫn"     instructions (how to fill, deadline, contact, columns, N/A policy)
 *   sheet "Tự đánh giá"   row 1 title · row 2 unit · row 3 criteria set and deadline
 *                         row 4 column KEYS (hidden) · row 5 headers · row 6… one row per node
 *   sheet "_meta"         veryHidden: key/value pairs, then one line per template row
 *                         (row, code, kind, assessed unit, cell hashes of the locked cells)
 */

export const TEMPLATE_ID = 'parindex-template';
export const TEMPLATE_FORMAT = 1;

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

export const COLUMNS: readonly TemplateColumn[] = Object.freeze([
  { key: 'code', vi: 'STT (mã)', en: 'No. (code)', width: 9, input: false, help: { vi: 'Mã tiêu chí theo bộ tiêu chí; không sửa.', en: 'Criterion code from the criteria set; do not edit.' } },
  { key: 'name', vi: 'Lĩnh vực / tiêu chí', en: 'Area / criterion', width: 55, input: false, help: { vi: 'Tên lĩnh vực, tiêu chí, tiêu chí thành phần.', en: 'Name of the area, criterion or sub-criterion.' } },
  { key: 'max', vi: 'Điểm tối đa', en: 'Max points', width: 9, input: false, help: { vi: 'Điểm tối đa của tiêu chí.', en: 'Maximum points of the criterion.' } },
  { key: 'value', vi: 'Số liệu kê khai', en: 'Declared value', width: 18, input: true, help: { vi: 'Số liệu kê khai: chọn Có / Không / Không áp dụng, mức độ, hoặc nhập số, tỷ lệ (%) hay ngày theo gợi ý của ô.', en: 'Declared value: pick Yes/No/N.A. or a level, or enter a number, rate (%) or date as the cell prompts.' } },
  { key: 'rule', vi: 'Cách tính điểm', en: 'Scoring rule', width: 40, input: false, help: { vi: 'Cách tính điểm theo bộ tiêu chí.', en: 'How points are computed.' } },
  { key: 'evidenceRequired', vi: 'Tài liệu kiểm chứng yêu cầu', en: 'Evidence required', width: 30, input: false, help: { vi: 'Tài liệu kiểm chứng cần có.', en: 'Evidence documents required.' } },
  { key: 'evidence', vi: 'Tài liệu kiểm chứng (số, ký hiệu, ngày văn bản)', en: 'Evidence reference (number, date)', width: 30, input: true, help: { vi: 'Số, ký hiệu, ngày ban hành văn bản kiểm chứng hoặc đường dẫn.', en: 'Number, symbol and date of the evidence document, or a link.' } },
  { key: 'self', vi: 'Điểm tự chấm', en: 'Self-score', width: 10, input: true, help: { vi: 'Điểm đơn vị tự chấm: từ 0 đến điểm tối đa, bước 0,25.', en: 'Points the unit gives itself: 0 to the maximum, in steps of 0.25.' } },
  { key: 'explanation', vi: 'Giải trình / ghi chú', en: 'Explanation / note', width: 35, input: true, help: { vi: 'Giải trình khi không đạt điểm tối đa hoặc khi tiêu chí không áp dụng.', en: 'Explanation when below the maximum or when the criterion does not apply.' } },
  { key: 'lead', vi: 'Đơn vị chủ trì theo dõi', en: 'Lead unit', width: 10, input: false, help: { vi: 'Phòng chuyên môn chủ trì theo dõi, thẩm định tiêu chí.', en: 'Office that leads and appraises the criterion.' } },
]);

export function columnIndex(key: ColumnKey): number {
  return COLUMNS.findIndex((c) => c.key === key);
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
export const FOOTER = Object.freeze([
  { key: 'preparer', vi: 'Người lập biểu (họ tên, điện thoại):', en: 'Prepared by (name, phone):' },
  { key: 'head', vi: 'Thủ trưởng đơn vị (họ tên, chức vụ):', en: 'Head of unit (name, title):' },
  { key: 'signedOn', vi: 'Ngày ký:', en: 'Signed on:' },
] as const);
export type FooterKey = (typeof FOOTER)[number]['key'];
