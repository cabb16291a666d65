import type { Catalogue } from '../catalogue';

/** Messages of the workbook module. Keys are issue codes; {name} placeholders take issue params. */
export const workbookMessages = {
  // Master workbook: structure
  'workbook.missingSheet': { vi: 'Thiếu trang "{sheet}"', en: 'Sheet "{sheet}" is missing' },
  'workbook.noTable': {
    vi: 'Không tìm thấy bảng trong trang "{sheet}" (không có hàng khoá cột hay hàng tiêu đề quen thuộc)',
    en: 'No table found in sheet "{sheet}" (no column-key row or known header row)',
  },
  'workbook.missingColumn': { vi: 'Thiếu cột bắt buộc "{column}" (khoá {key})', en: 'Required column "{column}" (key {key}) is missing' },
  'workbook.duplicateColumn': { vi: 'Cột "{column}" xuất hiện hai lần; dùng cột đầu tiên', en: 'Column "{column}" appears twice; the first one is used' },
  'workbook.mergedInTable': { vi: 'Ô gộp {range} nằm trong vùng bảng; hãy bỏ gộp ô (mỗi dòng một bản ghi)', en: 'Merged cells {range} inside the table; unmerge them (one record per row)' },
  'workbook.noRoomForOutputs': {
    vi: 'Có dữ liệu tới tận cột {column}: không còn chỗ cho {count} cột kết quả (ghi bên phải mọi dữ liệu, Excel chỉ có tới cột {last}); hãy xoá hoặc chuyển ô này',
    en: 'Data reaches column {column}: no room left for the {count} result columns (written right of all data; Excel ends at column {last}); delete or move this cell',
  },
  'workbook.issuesNotListed': {
    vi: '… và {count} vấn đề khác không liệt kê ở trang này (chỉ liệt kê {listed} dòng đầu; dòng lệnh in đủ, --json trả về đủ)',
    en: '… and {count} more issues not listed on this sheet (only the first {listed} rows; the command line prints them all, --json returns them all)',
  },
  'workbook.emptyTable': { vi: 'Trang "{sheet}" không có dữ liệu', en: 'Sheet "{sheet}" has no data' },
  'workbook.unknownFramework': { vi: 'Không có bộ tiêu chí có sẵn mã "{id}"', en: 'No built-in criteria set with id "{id}"' },
  // Cell values
  'workbook.errorValue': { vi: 'Ô chứa giá trị lỗi {value}; hãy sửa công thức hoặc nhập giá trị', en: 'The cell holds the error value {value}; fix the formula or enter a value' },
  'workbook.ambiguousNumber': {
    vi: 'Số "{value}" có thể hiểu hai cách: đã đọc theo cách viết Việt Nam (dấu chấm ngăn hàng nghìn, dấu phẩy trước phần thập phân) là {read}; nếu ý là {other}, hãy nhập lại cho rõ',
    en: 'The number "{value}" can be read two ways: it was read the Vietnamese way (dot between thousands, comma before decimals) as {read}; if {other} was meant, enter it again unambiguously',
  },
  'workbook.textTooLong': {
    vi: 'Ô chứa văn bản dài {length} ký tự, quá giới hạn {limit} ký tự của một ô Excel; hãy rút gọn (tài liệu dài để trong tệp riêng và ghi tên tệp hoặc đường dẫn)',
    en: 'The cell holds {length} characters of text, over the {limit} characters an Excel cell takes; shorten it (keep a long document in its own file and give its name or link)',
  },
  'workbook.notANumber': { vi: 'Giá trị "{value}" không phải là số', en: 'Value "{value}" is not a number' },
  'workbook.belowMinimum': { vi: 'Giá trị {value} nhỏ hơn mức tối thiểu {min}', en: 'Value {value} is below the minimum {min}' },
  'workbook.notAnInteger': { vi: 'Giá trị {value} phải là số nguyên', en: 'Value {value} must be a whole number' },
  'workbook.dateOutOfRange': {
    vi: 'Ngày "{value}" nằm ngoài các năm {min}–{max} (Excel không có ngày trước năm 1900); hãy kiểm tra lại năm',
    en: 'Date "{value}" is outside the years {min}–{max} (Excel has no dates before 1900); check the year',
  },
  'workbook.notADate': { vi: 'Giá trị "{value}" không phải là ngày (nhập dạng dd/mm/yyyy)', en: 'Value "{value}" is not a date (enter dd/mm/yyyy)' },
  'workbook.dateAsText': { vi: 'Ngày "{value}" được nhập dạng văn bản; đã hiểu là ngày, nên định dạng ô là ngày', en: 'Date "{value}" was typed as text; read as a date, better format the cell as a date' },
  'workbook.notYesNo': { vi: 'Giá trị "{value}" phải là Có hoặc Không', en: 'Value "{value}" must be Có (yes) or Không (no)' },
  'workbook.badJson': { vi: 'Không đọc được tham số JSON: {value}', en: 'Cannot parse the JSON parameters: {value}' },
  'workbook.badGrades': { vi: 'Xếp loại "{value}" không đúng dạng "A=90; B=80; C=70; D=0"', en: 'Grades "{value}" are not written as "A=90; B=80; C=70; D=0"' },
  'workbook.badEnum': { vi: 'Giá trị "{value}" không thuộc {allowed}', en: 'Value "{value}" is not one of {allowed}' },
  'workbook.missingValue': { vi: 'Thiếu giá trị ở cột "{column}"', en: 'Missing value in column "{column}"' },
  'workbook.percentAbove100': { vi: 'Chỉ số {value}% lớn hơn 100%', en: 'Index {value}% is above 100%' },
  // Criteria and units
  'workbook.duplicateCriterion': { vi: 'Mã tiêu chí "{code}" trùng với dòng {firstRow}', en: 'Criterion code "{code}" duplicates row {firstRow}' },
  'workbook.unknownParent': { vi: 'Tiêu chí "{code}" thuộc mục "{parent}" chưa có ở các dòng trên', en: 'Criterion "{code}" has parent "{parent}", which is not listed above it' },
  'workbook.paramsWithoutRule': { vi: 'Có tham số quy tắc nhưng thiếu "Quy tắc chấm"', en: 'Rule parameters given without a rule kind' },
  'workbook.duplicateUnit': { vi: 'Mã đơn vị "{code}" trùng với dòng {firstRow}', en: 'Unit code "{code}" duplicates row {firstRow}' },
  // Submissions
  'workbook.unknownUnit': { vi: 'Mã đơn vị "{code}" không có trong trang Đơn vị', en: 'Unit code "{code}" is not in the units sheet' },
  'workbook.unknownCriterion': { vi: 'Mã tiêu chí "{code}" không có trong bộ tiêu chí', en: 'Criterion code "{code}" is not in the criteria set' },
  'workbook.notALeaf': { vi: 'Tiêu chí "{code}" có tiêu chí thành phần; hãy kê khai ở tiêu chí thành phần', en: 'Criterion "{code}" has sub-criteria; declare values on the sub-criteria' },
  'workbook.duplicateAssessment': { vi: 'Đơn vị {unit} đã kê khai tiêu chí {criterion} ở dòng {firstRow}; dòng này bị bỏ qua', en: 'Unit {unit} already declared criterion {criterion} on row {firstRow}; this row is ignored' },
  'workbook.notForUnitKind': {
    vi: 'Tiêu chí "{code}" chỉ áp dụng cho {appliesTo}, không áp dụng cho đơn vị loại {kind}; kiểm tra lại mã đơn vị hoặc mã tiêu chí',
    en: 'Criterion "{code}" applies to {appliesTo} only, not to a unit of kind {kind}; check the unit or criterion code',
  },
  'workbook.pointsAboveMax': { vi: 'Điểm {value} vượt điểm tối đa {max}', en: 'Points {value} exceed the maximum {max}' },
  'workbook.round2WithoutRound1': { vi: 'Có điểm thẩm định lần 2 nhưng chưa có lần 1', en: 'Appraisal round 2 without round 1' },
  // Survey
  'workbook.noSurveyItems': { vi: 'Trang khảo sát không có cột câu hỏi (khoá như q1, q2…)', en: 'The survey sheet has no question columns (keys such as q1, q2…)' },
  'workbook.answerOutOfScale': { vi: 'Câu trả lời {value} ngoài thang 1–5; không tính vào mẫu số (các câu khác của phiếu vẫn được tính)', en: 'Answer {value} is outside the 1–5 scale; left out of the denominator (the form\'s other answers count)' },
  // Output sheets and computed columns
  'workbook.outputEdited': {
    vi: 'Cột do phần mềm ghi (Điểm cuối cùng / Điểm bị trừ / Lý do) đã bị sửa tay; giá trị sửa tay được ghi đè',
    en: 'A computed column (final points / points lost / reason) was edited by hand; the edit is overwritten',
  },
  'workbook.outputSheetReplaced': { vi: 'Trang "{sheet}" do phần mềm quản lý được ghi lại toàn bộ', en: 'Sheet "{sheet}", owned by the software, is rewritten whole' },
  'workbook.notMaster': {
    vi: 'Tệp không phải sổ tổng hợp (thiếu các trang Đơn vị, Kê khai / Bộ tiêu chí) và không phải biểu mẫu đã điền',
    en: 'Not a master workbook (no Units and Submissions / Criteria sheets) and not a filled template',
  },
  'workbook.cannotOpen': { vi: 'Không mở được tệp Excel: {detail}', en: 'Cannot open the Excel file: {detail}' },
  'workbook.late': { vi: 'Nộp muộn: ngày nộp {submitted} sau hạn {deadline}', en: 'Late: submitted {submitted}, deadline {deadline}' },
  'workbook.notSubmitted': { vi: 'Chưa nộp kê khai', en: 'No submission' },
  // parindex validate / score / demo
  'validate.kindMaster': { vi: 'sổ tổng hợp', en: 'master workbook' },
  'validate.kindTemplate': { vi: 'biểu mẫu tự đánh giá', en: 'self-assessment template' },
  'validate.valid': { vi: '{file}: {what} hợp lệ ({warnings} cảnh báo).', en: '{file}: valid {what} ({warnings} warnings).' },
  'validate.invalid': { vi: '{file}: {what} có {errors} lỗi, {warnings} cảnh báo (chi tiết ở trên).', en: '{file}: {what} has {errors} errors, {warnings} warnings (listed above).' },
  'validate.masterSummary': { vi: '{units} đơn vị, {criteria} tiêu chí, {rows} dòng kê khai.', en: '{units} units, {criteria} criteria, {rows} submission rows.' },
  'validate.kindFramework': { vi: 'bộ tiêu chí', en: 'criteria set' },
  'validate.kindDocument': { vi: 'tài liệu chấm điểm', en: 'scoring document' },
  'validate.frameworkSummary': { vi: '{areas} lĩnh vực, {criteria} tiêu chí chấm điểm.', en: '{areas} areas, {criteria} scored criteria.' },
  'validate.documentSummary': { vi: '{units} đơn vị, {criteria} tiêu chí chấm điểm, {rows} kết quả kê khai.', en: '{units} units, {criteria} scored criteria, {rows} answers.' },
  'template.notADateOrWord': {
    vi: 'Giá trị "{value}" không phải ngày (dd/mm/yyyy) và không thuộc {choices}; hãy nhập ngày hoặc một trong các cụm từ đó',
    en: 'Value "{value}" is neither a date (dd/mm/yyyy) nor one of {choices}; enter a date or one of those words',
  },
  'score.written': { vi: 'Đã ghi kết quả: {file}', en: 'Results written: {file}' },
  'score.withErrors': { vi: 'Có {errors} lỗi dữ liệu (xem trang "Kiểm tra dữ liệu"); kết quả có thể chưa đầy đủ.', en: '{errors} data errors (see the "Kiểm tra dữ liệu" sheet); results may be incomplete.' },
} as const satisfies Catalogue;
