/**
 * The master workbook sheet contract: which sheets exist, their table columns, stable keys.
 *
 * Layout of every table sheet written by `renderMasterInputSheets`:
 *   row 1  title
 *   row 2  a short note (what the sheet holds, what to enter)
 *   row 3  column KEYS (hidden row): stable machine names such as `unit`, `criterion`, `value`
 *   row 4  display headers (Vietnamese, or English with lang "en")
 *   row 5… data, one record per row
 * The reader finds the key row anywhere in the first rows (so rows may be inserted above),
 * maps columns by key, and falls back to display headers (vi or en, diacritics-insensitive)
 * when the key row is missing or a key cell is blank. Columns may be reordered, renamed in
 * display or extended with the user's own columns without breaking the reader.
 * Keys starting with `out_` are columns the software owns (computed, rewritten each run).
 */

export type ColumnType =
  /** Free text (kept as written). */
  | 'text'
  /** A code (unit, criterion): trimmed text; numbers are turned into text ("1" stays "1"). */
  | 'code'
  /** A number; text that is not a number is an error. */
  | 'number'
  /** A declared value: anything (number, text, date, "Có"/"Không"). */
  | 'value'
  /** A date (or date-time); a date typed as text is accepted with a warning. */
  | 'date'
  /** Có / Không. */
  | 'bool'
  /** Comma / semicolon separated list of codes. */
  | 'list';

export interface ColumnSpec {
  key: string;
  vi: string;
  en: string;
  type: ColumnType;
  required?: boolean;
  /** Other header names accepted when the key row is absent (any language, folded on compare). */
  aliases?: readonly string[];
  /** Column width in characters for the writer. */
  width?: number;
  /** Excel number format used by the writer. */
  numFmt?: string;
  /** Informational column written for readability and ignored by the reader (e.g. names next to codes). */
  info?: boolean;
  /** A column the software computes and owns (key prefix `out_`). */
  output?: boolean;
}

export interface TableSpec<Id extends string = MasterTableId> {
  id: Id;
  /** Sheet name (Vietnamese, canonical). */
  sheet: string;
  /** Other sheet names accepted on read (English, without diacritics…). */
  sheetAliases: readonly string[];
  title: { vi: string; en: string };
  note: { vi: string; en: string };
  columns: readonly ColumnSpec[];
  /** Whether keys other than those listed are meaningful and kept (survey item columns, plan fields). */
  open?: boolean;
}

export type MasterTableId =
  | 'config'
  | 'criteria'
  | 'units'
  | 'submissions'
  | 'rounds'
  | 'surveyResponses'
  | 'surveyCounts'
  | 'surveyIndices'
  | 'previous'
  | 'plan';

/** Tables of rounds and years (engine/periods) laid out like master tables, read by engine/periods. */
export type PeriodsTableId = 'crosswalk' | 'locks';

/** Rows of the layout written by the writer (1-based). */
export const LAYOUT = Object.freeze({ titleRow: 1, noteRow: 2, keyRow: 3, headerRow: 4, firstDataRow: 5 });

/** Marker prefix of master input sheets; output sheets use "parindex:<name>". */
export const MASTER_MARKER_PREFIX = 'parindex:master:';

export const INSTRUCTIONS_SHEET = 'Hướng dẫn';

const config: TableSpec = {
  id: 'config',
  sheet: 'Cấu hình',
  sheetAliases: ['Config', 'Settings', 'Cau hinh'],
  title: { vi: 'Cấu hình kỳ đánh giá', en: 'Assessment settings' },
  note: {
    vi: 'Mỗi dòng một thiết lập; cột "Khoá" không được sửa. Xếp loại viết dạng "A=90; B=80; C=70; D=0".',
    en: 'One setting per row; do not edit the "Key" column. Grades are written "A=90; B=80; C=70; D=0".',
  },
  columns: [
    { key: 'key', vi: 'Khoá', en: 'Key', type: 'code', required: true, width: 18 },
    { key: 'label', vi: 'Thiết lập', en: 'Setting', type: 'text', info: true, width: 40 },
    { key: 'value', vi: 'Giá trị', en: 'Value', type: 'value', required: true, width: 50 },
  ],
};

const criteria: TableSpec = {
  id: 'criteria',
  sheet: 'Bộ tiêu chí',
  sheetAliases: ['Criteria', 'Bo tieu chi', 'Tiêu chí'],
  title: { vi: 'Bộ tiêu chí chấm điểm Chỉ số cải cách hành chính', en: 'PAR INDEX criteria set' },
  note: {
    vi: 'Mỗi dòng một lĩnh vực / tiêu chí / tiêu chí thành phần. Tiêu chí lá có Điểm tối đa và Quy tắc chấm; tham số quy tắc viết dạng JSON.',
    en: 'One area / criterion / sub-criterion per row. Leaves have a maximum and a rule kind; rule parameters are JSON.',
  },
  columns: [
    { key: 'code', vi: 'Mã (STT)', en: 'Code', type: 'code', required: true, aliases: ['STT', 'Mã', 'Mã tiêu chí'], width: 10 },
    { key: 'parent', vi: 'Thuộc mục', en: 'Parent', type: 'code', aliases: ['Mã cha'], width: 10 },
    { key: 'level', vi: 'Cấp', en: 'Level', type: 'number', info: true, width: 6 },
    { key: 'name', vi: 'Tên lĩnh vực, tiêu chí', en: 'Name', type: 'text', required: true, aliases: ['Tiêu chí', 'Nội dung', 'Tên tiêu chí'], width: 60 },
    { key: 'nameEn', vi: 'Tên tiếng Anh', en: 'English name', type: 'text', width: 30 },
    { key: 'max', vi: 'Điểm tối đa', en: 'Max points', type: 'number', aliases: ['Điểm chuẩn', 'Max'], width: 10, numFmt: '0.00' },
    { key: 'channel', vi: 'Kênh đánh giá', en: 'Channel', type: 'code', width: 14 },
    { key: 'ruleKind', vi: 'Quy tắc chấm', en: 'Rule kind', type: 'code', aliases: ['Loại quy tắc'], width: 14 },
    { key: 'ruleParams', vi: 'Tham số quy tắc (JSON)', en: 'Rule parameters (JSON)', type: 'text', width: 30 },
    { key: 'lead', vi: 'Đơn vị chủ trì', en: 'Lead unit', type: 'code', aliases: ['Chủ trì'], width: 10 },
    { key: 'coordinators', vi: 'Đơn vị phối hợp', en: 'Coordinating units', type: 'list', aliases: ['Phối hợp'], width: 16 },
    { key: 'appliesTo', vi: 'Áp dụng cho', en: 'Applies to', type: 'list', width: 14 },
    { key: 'notApplicable', vi: 'Khi không áp dụng', en: 'If not applicable', type: 'code', width: 16 },
    { key: 'role', vi: 'Loại điểm', en: 'Role', type: 'code', width: 12 },
    { key: 'cap', vi: 'Mức trần', en: 'Cap', type: 'number', width: 8, numFmt: '0.00' },
    { key: 'source', vi: 'Nguồn chỉ số khảo sát', en: 'Survey source', type: 'code', width: 12 },
    { key: 'evidence', vi: 'Tài liệu kiểm chứng', en: 'Evidence required', type: 'text', width: 30 },
    { key: 'ruleText', vi: 'Cách tính điểm', en: 'Scoring rule (text)', type: 'text', width: 40 },
    { key: 'note', vi: 'Ghi chú', en: 'Note', type: 'text', width: 20 },
  ],
};

const units: TableSpec = {
  id: 'units',
  sheet: 'Đơn vị',
  sheetAliases: ['Units', 'Don vi'],
  title: { vi: 'Danh sách đơn vị', en: 'Units' },
  note: {
    vi: 'Loại đơn vị: ward (phường), office (phòng, ban), district (quận)… khớp với cột "Áp dụng cho" của bộ tiêu chí.',
    en: 'Unit kind: ward, office, district… matched against the criteria "Applies to" column.',
  },
  columns: [
    { key: 'code', vi: 'Mã đơn vị', en: 'Unit code', type: 'code', required: true, aliases: ['Mã'], width: 10 },
    { key: 'name', vi: 'Tên đơn vị', en: 'Unit name', type: 'text', required: true, aliases: ['Đơn vị'], width: 36 },
    { key: 'kind', vi: 'Loại đơn vị', en: 'Kind', type: 'code', width: 12 },
    { key: 'scored', vi: 'Được chấm điểm', en: 'Scored', type: 'bool', width: 12 },
    { key: 'email', vi: 'Thư điện tử', en: 'Email', type: 'text', width: 28 },
    { key: 'head', vi: 'Thủ trưởng', en: 'Head', type: 'text', width: 24 },
  ],
};

const submissions: TableSpec = {
  id: 'submissions',
  sheet: 'Kê khai',
  sheetAliases: ['Submissions', 'Ke khai', 'Tự đánh giá'],
  title: { vi: 'Số liệu kê khai, tự chấm và thẩm định', en: 'Declared values, self-scores and appraisal' },
  note: {
    vi: 'Mỗi dòng một đơn vị × một tiêu chí. Các cột tô xám (Điểm cuối cùng, Điểm bị trừ, Lý do) do phần mềm ghi lại mỗi lần tính điểm; không nhập vào đó.',
    en: 'One row per unit × criterion. The grey columns (final points, points lost, reason) are rewritten by the software on every run; do not type there.',
  },
  columns: [
    { key: 'unit', vi: 'Mã đơn vị', en: 'Unit', type: 'code', required: true, aliases: ['Đơn vị'], width: 9 },
    { key: 'unitName', vi: 'Tên đơn vị', en: 'Unit name', type: 'text', info: true, width: 26 },
    { key: 'criterion', vi: 'Mã tiêu chí', en: 'Criterion', type: 'code', required: true, aliases: ['Tiêu chí', 'STT'], width: 10 },
    { key: 'criterionName', vi: 'Tên tiêu chí', en: 'Criterion name', type: 'text', info: true, width: 44 },
    { key: 'max', vi: 'Điểm tối đa', en: 'Max', type: 'number', info: true, width: 8, numFmt: '0.00' },
    { key: 'value', vi: 'Số liệu kê khai', en: 'Declared value', type: 'value', aliases: ['Giá trị kê khai', 'Kê khai'], width: 16 },
    { key: 'evidence', vi: 'Tài liệu kiểm chứng', en: 'Evidence', type: 'text', width: 24 },
    { key: 'self', vi: 'Điểm tự chấm', en: 'Self-score', type: 'number', aliases: ['Tự chấm', 'Tự đánh giá'], width: 10, numFmt: '0.00' },
    { key: 'explanation', vi: 'Giải trình', en: 'Explanation', type: 'text', width: 24 },
    { key: 'appraisal1', vi: 'Thẩm định lần 1', en: 'Appraisal 1', type: 'number', aliases: ['Điểm thẩm định', 'Thẩm định'], width: 10, numFmt: '0.00' },
    { key: 'reason1', vi: 'Lý do (lần 1)', en: 'Reason 1', type: 'text', width: 24 },
    { key: 'appraisal2', vi: 'Thẩm định lần 2', en: 'Appraisal 2', type: 'number', width: 10, numFmt: '0.00' },
    { key: 'reason2', vi: 'Lý do (lần 2)', en: 'Reason 2', type: 'text', width: 24 },
    { key: 'submittedAt', vi: 'Ngày nộp', en: 'Submitted at', type: 'date', width: 16, numFmt: 'dd/mm/yyyy hh:mm' },
    { key: 'sourceFile', vi: 'Tệp nguồn', en: 'Source file', type: 'text', width: 22 },
    { key: 'by', vi: 'Đơn vị thực hiện', en: 'Answered by', type: 'code', width: 10 },
    { key: 'note', vi: 'Ghi chú', en: 'Note', type: 'text', width: 16 },
    { key: 'out_points', vi: 'Điểm cuối cùng', en: 'Final points', type: 'number', output: true, width: 10, numFmt: '0.00' },
    { key: 'out_lost', vi: 'Điểm bị trừ', en: 'Points lost', type: 'number', output: true, width: 10, numFmt: '0.00' },
    { key: 'out_source', vi: 'Căn cứ điểm', en: 'Points from', type: 'text', output: true, width: 14 },
    { key: 'out_reason', vi: 'Lý do bị trừ điểm', en: 'Why points were lost', type: 'text', output: true, width: 40 },
    { key: 'out_check', vi: 'Mã kiểm tra', en: 'Check', type: 'text', output: true, width: 10 },
  ],
};

const rounds: TableSpec = {
  id: 'rounds',
  sheet: 'Vòng đánh giá',
  sheetAliases: ['Rounds', 'Vong danh gia', 'Thời hạn'],
  title: { vi: 'Các vòng đánh giá và thời hạn', en: 'Assessment rounds and deadlines' },
  note: {
    vi: 'Vòng: selfAssessment (tự đánh giá), appraisal1 (thẩm định lần 1), explanation (giải trình), appraisal2 (thẩm định lần 2).',
    en: 'Round: selfAssessment, appraisal1, explanation, appraisal2.',
  },
  columns: [
    { key: 'round', vi: 'Vòng', en: 'Round', type: 'code', required: true, width: 16 },
    { key: 'label', vi: 'Tên vòng', en: 'Name', type: 'text', width: 30 },
    { key: 'start', vi: 'Từ ngày', en: 'From', type: 'date', width: 12, numFmt: 'dd/mm/yyyy' },
    { key: 'deadline', vi: 'Hạn cuối', en: 'Deadline', type: 'date', required: true, width: 12, numFmt: 'dd/mm/yyyy' },
    { key: 'note', vi: 'Ghi chú', en: 'Note', type: 'text', width: 30 },
  ],
};

const surveyResponses: TableSpec = {
  id: 'surveyResponses',
  sheet: 'Khảo sát',
  sheetAliases: ['Survey', 'Khao sat', 'Phiếu khảo sát'],
  title: { vi: 'Phiếu khảo sát sự hài lòng (SIPAS)', en: 'Satisfaction survey responses (SIPAS)' },
  note: {
    vi: 'Mỗi dòng một phiếu; mỗi câu hỏi một cột (khoá = mã câu hỏi, vd. q1). Trả lời 1–5; để trống nếu không trả lời.',
    en: 'One response per row; one column per question (key = item code, e.g. q1). Answers 1–5; blank when not answered.',
  },
  open: true,
  columns: [
    { key: 'unit', vi: 'Mã đơn vị', en: 'Unit', type: 'code', required: true, width: 9 },
    { key: 'respondent', vi: 'Số phiếu', en: 'Respondent', type: 'text', width: 10 },
    { key: 'weight', vi: 'Trọng số', en: 'Weight', type: 'number', width: 9 },
    // for the survey-quality guard (bursts from one device, answers outside opening hours)
    { key: 'device', vi: 'Thiết bị / mã QR', en: 'Device / QR code', type: 'text', aliases: ['Thiết bị', 'Kiosk', 'Mã QR', 'Device'], width: 12 },
    { key: 'at', vi: 'Thời điểm trả lời', en: 'Answered at', type: 'date', aliases: ['Thời gian trả lời', 'Thời điểm', 'Time'], width: 16, numFmt: 'dd/mm/yyyy hh:mm' },
  ],
};

const surveyCounts: TableSpec = {
  id: 'surveyCounts',
  sheet: 'Khảo sát - tổng hợp',
  sheetAliases: ['Survey counts', 'Khao sat - tong hop'],
  title: { vi: 'Kết quả khảo sát tổng hợp theo mức trả lời', en: 'Survey answers counted by level' },
  note: {
    vi: 'Dùng khi chỉ có số phiếu theo từng mức (1 = rất không hài lòng … 5 = rất hài lòng).',
    en: 'Use when only the number of answers per level is known (1 = very dissatisfied … 5 = very satisfied).',
  },
  columns: [
    { key: 'unit', vi: 'Mã đơn vị', en: 'Unit', type: 'code', required: true, width: 9 },
    { key: 'item', vi: 'Mã câu hỏi', en: 'Item', type: 'code', required: true, width: 10 },
    { key: 'level1', vi: 'Mức 1', en: 'Level 1', type: 'number', required: true, width: 8 },
    { key: 'level2', vi: 'Mức 2', en: 'Level 2', type: 'number', required: true, width: 8 },
    { key: 'level3', vi: 'Mức 3', en: 'Level 3', type: 'number', required: true, width: 8 },
    { key: 'level4', vi: 'Mức 4', en: 'Level 4', type: 'number', required: true, width: 8 },
    { key: 'level5', vi: 'Mức 5', en: 'Level 5', type: 'number', required: true, width: 8 },
    { key: 'blank', vi: 'Không trả lời', en: 'No answer', type: 'number', width: 10 },
  ],
};

const surveyIndices: TableSpec = {
  id: 'surveyIndices',
  sheet: 'Chỉ số khảo sát',
  sheetAliases: ['Survey indices', 'Chi so khao sat'],
  title: { vi: 'Chỉ số hài lòng đã có (nhập trực tiếp)', en: 'Satisfaction indices entered directly' },
  note: {
    vi: 'Chỉ số (%) theo đơn vị và nguồn (mã tiêu chí, mã khía cạnh/nhóm SIPAS hoặc "overall"); ưu tiên hơn kết quả tính từ phiếu.',
    en: 'Index (%) per unit and source (criterion code, SIPAS aspect/group code or "overall"); overrides indices computed from responses.',
  },
  columns: [
    { key: 'unit', vi: 'Mã đơn vị', en: 'Unit', type: 'code', required: true, width: 9 },
    { key: 'source', vi: 'Nguồn', en: 'Source', type: 'code', required: true, width: 12 },
    { key: 'index', vi: 'Chỉ số (%)', en: 'Index (%)', type: 'number', required: true, width: 10, numFmt: '0.00' },
  ],
};

const previous: TableSpec = {
  id: 'previous',
  sheet: 'Năm trước',
  sheetAliases: ['Previous year', 'Nam truoc'],
  title: { vi: 'Kết quả năm trước', en: "Previous year's results" },
  note: {
    vi: 'Chỉ số (%) và thứ hạng các năm trước của từng đơn vị; cột "Năm" để trống là năm liền trước. Mỗi đơn vị một dòng cho mỗi năm.',
    en: "Each unit's index (%) and rank in past years; a blank \"Year\" is the year before. One row per unit and year.",
  },
  columns: [
    { key: 'unit', vi: 'Mã đơn vị', en: 'Unit', type: 'code', required: true, width: 9 },
    { key: 'unitName', vi: 'Tên đơn vị', en: 'Unit name', type: 'text', info: true, width: 28 },
    { key: 'index', vi: 'Chỉ số (%)', en: 'Index (%)', type: 'number', required: true, width: 10, numFmt: '0.00' },
    { key: 'rank', vi: 'Xếp hạng', en: 'Rank', type: 'number', width: 9 },
    { key: 'grade', vi: 'Xếp loại', en: 'Grade', type: 'code', width: 9 },
    { key: 'year', vi: 'Năm', en: 'Year', type: 'number', width: 7, aliases: ['Năm đánh giá'] },
  ],
};

const plan: TableSpec = {
  id: 'plan',
  sheet: 'Kế hoạch',
  sheetAliases: ['Plan', 'Ke hoach', 'Nhiệm vụ'],
  title: { vi: 'Nhiệm vụ theo Kế hoạch duy trì, nâng cao Chỉ số CCHC', en: 'Plan tasks' },
  note: {
    vi: 'Mỗi dòng một nhiệm vụ: đơn vị chủ trì, phối hợp, thời hạn, tiêu chí phục vụ, tình trạng.',
    en: 'One task per row: lead, coordinators, due date, criteria served, status.',
  },
  open: true,
  columns: [
    { key: 'id', vi: 'Mã nhiệm vụ', en: 'Task id', type: 'code', required: true, width: 10 },
    { key: 'title', vi: 'Nhiệm vụ', en: 'Task', type: 'text', required: true, width: 50 },
    { key: 'lead', vi: 'Đơn vị chủ trì', en: 'Lead', type: 'code', width: 10 },
    { key: 'leadName', vi: 'Tên đơn vị chủ trì', en: 'Lead name', type: 'text', width: 26 },
    { key: 'coordinators', vi: 'Đơn vị phối hợp', en: 'Coordinators', type: 'list', width: 16 },
    { key: 'due', vi: 'Thời hạn', en: 'Due', type: 'date', width: 12, numFmt: 'dd/mm/yyyy' },
    { key: 'criteria', vi: 'Tiêu chí phục vụ', en: 'Criteria served', type: 'list', width: 14 },
    { key: 'status', vi: 'Tình trạng', en: 'Status', type: 'code', width: 12 },
    { key: 'reportedAt', vi: 'Ngày báo cáo', en: 'Reported at', type: 'date', width: 12, numFmt: 'dd/mm/yyyy' },
    { key: 'note', vi: 'Ghi chú', en: 'Note', type: 'text', width: 24 },
  ],
};

/** All master tables, in sheet order. */
export const MASTER_TABLES: readonly TableSpec[] = Object.freeze([
  config,
  criteria,
  units,
  submissions,
  rounds,
  surveyResponses,
  surveyCounts,
  surveyIndices,
  previous,
  plan,
]);

export function tableSpec(id: MasterTableId): TableSpec {
  const s = MASTER_TABLES.find((t) => t.id === id);
  if (!s) throw new Error(`unknown master table ${id}`);
  return s;
}

/** Settings of the "Cấu hình" sheet, in order: key, Vietnamese and English labels. */
export const CONFIG_KEYS: readonly { key: string; vi: string; en: string }[] = Object.freeze([
  { key: 'frameworkId', vi: 'Mã bộ tiêu chí', en: 'Criteria set id' },
  { key: 'frameworkName', vi: 'Tên bộ tiêu chí', en: 'Criteria set name' },
  { key: 'year', vi: 'Năm đánh giá', en: 'Year' },
  { key: 'version', vi: 'Phiên bản', en: 'Version' },
  { key: 'total', vi: 'Tổng điểm tối đa', en: 'Declared total' },
  { key: 'target', vi: 'Chỉ số mục tiêu (%)', en: 'Target index (%)' },
  { key: 'grades', vi: 'Xếp loại (mức tối thiểu, %)', en: 'Grades (minimum index, %)' },
  { key: 'notApplicable', vi: 'Tiêu chí không áp dụng (mặc định)', en: 'Not-applicable policy (default)' },
  { key: 'missingSurvey', vi: 'Khi thiếu kết quả khảo sát (zero / rescale)', en: 'Missing survey results (zero / rescale)' },
  { key: 'tieEpsilon', vi: 'Sai số coi là bằng nhau', en: 'Tie epsilon' },
  { key: 'legalBasis', vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  { key: 'points', vi: 'Tính chất điểm (official / illustrative)', en: 'Points (official / illustrative)' },
  { key: 'unitKinds', vi: 'Các loại đơn vị', en: 'Unit kinds' },
  { key: 'sipasMethod', vi: 'Cách tính tỷ lệ hài lòng (topTwoBox / meanScore)', en: 'SIPAS item method (topTwoBox / meanScore)' },
  { key: 'surveyTarget', vi: 'Mục tiêu Chỉ số hài lòng (%)', en: 'SIPAS target (%)' },
  { key: 'planId', vi: 'Kế hoạch có sẵn (khi không có trang Kế hoạch)', en: 'Built-in plan (when there is no plan sheet)' },
  { key: 'note', vi: 'Ghi chú', en: 'Note' },
]);

/** Words accepted for enumerations (folded compare), mapped to the model's values. */
export const CHANNEL_WORDS: Readonly<Record<string, 'appraisal' | 'survey'>> = Object.freeze({
  appraisal: 'appraisal',
  'tham dinh': 'appraisal',
  'tu danh gia': 'appraisal',
  survey: 'survey',
  'khao sat': 'survey',
  'dieu tra': 'survey',
  'dieu tra xhh': 'survey',
  'dieu tra xa hoi hoc': 'survey',
});
export const NA_POLICY_WORDS: Readonly<Record<string, 'exclude' | 'full'>> = Object.freeze({
  exclude: 'exclude',
  'loai tru': 'exclude',
  'loai khoi diem toi da': 'exclude',
  full: 'full',
  'tinh du diem': 'full',
  'du diem': 'full',
});
export const ROLE_WORDS: Readonly<Record<string, 'standard' | 'bonus' | 'penalty'>> = Object.freeze({
  standard: 'standard',
  chuan: 'standard',
  thuong: 'standard',
  bonus: 'bonus',
  'diem thuong': 'bonus',
  penalty: 'penalty',
  'diem tru': 'penalty',
});
export const ROUND_WORDS: Readonly<Record<string, RoundId>> = Object.freeze({
  selfassessment: 'selfAssessment',
  'tu danh gia': 'selfAssessment',
  'tu cham': 'selfAssessment',
  appraisal1: 'appraisal1',
  'tham dinh lan 1': 'appraisal1',
  'tham dinh 1': 'appraisal1',
  explanation: 'explanation',
  'giai trinh': 'explanation',
  appraisal2: 'appraisal2',
  'tham dinh lan 2': 'appraisal2',
  'tham dinh 2': 'appraisal2',
});
export type RoundId = 'selfAssessment' | 'appraisal1' | 'explanation' | 'appraisal2';
export const ROUND_LABELS: Readonly<Record<RoundId, { vi: string; en: string }>> = Object.freeze({
  selfAssessment: { vi: 'Tự đánh giá, chấm điểm', en: 'Self-assessment' },
  appraisal1: { vi: 'Thẩm định lần 1', en: 'Appraisal, round 1' },
  explanation: { vi: 'Giải trình', en: 'Explanation' },
  appraisal2: { vi: 'Thẩm định lần 2', en: 'Appraisal, round 2' },
});
