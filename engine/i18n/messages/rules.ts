import type { Catalogue } from '../catalogue';

/** Messages of the rules module. Keys are issue codes; {name} placeholders take issue params. */
export const rulesMessages = {
  'rule.unknownKind': { vi: 'Loại quy tắc chấm "{kind}" không tồn tại (có: {known})', en: 'Unknown rule kind "{kind}" (known: {known})' },
  'rule.badParams': { vi: 'Tham số của quy tắc "{kind}" không hợp lệ tại {path}: {detail}', en: 'Bad parameters for rule "{kind}" at {path}: {detail}' },
  'rule.pointsOutOfRange': { vi: 'Điểm {value} nằm ngoài khoảng [0; {max}]', en: 'Points {value} outside [0, {max}]' },
  'rule.notAChoice': { vi: 'Giá trị "{value}" không thuộc {choices}', en: 'Value "{value}" is not one of {choices}' },
  'rule.notANumber': { vi: 'Giá trị "{value}" không phải là số', en: 'Value "{value}" is not a number' },
  // Parameter refinements: the {detail} of rule.badParams (zod `params.code`)
  'rule.oneAward': { vi: 'cần đúng một trong hai tham số "points" hoặc "share"', en: 'give exactly one of "points" or "share"' },
  'rule.bandsAlone': { vi: '"bands" không dùng cùng "fullAt" hoặc "step"', en: '"bands" cannot be combined with "fullAt" or "step"' },
  'rule.perOrSeverities': { vi: 'cần đúng một trong hai tham số "per" hoặc "severities"', en: 'give exactly one of "per" or "severities"' },
  'rule.zeroAtWithPer': { vi: '"zeroAt" chỉ dùng cùng "per"', en: '"zeroAt" goes with "per"' },
  'rule.afterWithSchedule': { vi: '"after" chỉ dùng cùng "schedule"', en: '"after" goes with "schedule"' },
  // Parameter checks (framework validation)
  'rule.awardAboveMax': { vi: 'Mức điểm {points} của "{what}" vượt điểm tối đa {max}', en: 'Points {points} of "{what}" exceed the maximum {max}' },
  'rule.duplicateLabel': { vi: 'Nhãn "{label}" bị trùng (không phân biệt hoa thường, dấu)', en: 'Label "{label}" is duplicated (ignoring case and diacritics)' },
  'rule.bandEmpty': { vi: 'Khung thứ {band} rỗng (cận dưới lớn hơn cận trên)', en: 'Band {band} is empty (lower bound above upper bound)' },
  'rule.bandsOverlap': { vi: 'Khung thứ {a} và khung thứ {b} chồng lên nhau', en: 'Bands {a} and {b} overlap' },
  'rule.bandsOrder': { vi: 'Các khung phải được liệt kê theo thứ tự tăng dần hoặc giảm dần', en: 'Bands must be listed in ascending or descending order' },
  'rule.bandsGap': { vi: 'Các khung không phủ khoảng từ {from}{unit} đến {to}{unit}: giá trị rơi vào đó được 0 điểm', en: 'The bands leave {from}{unit} to {to}{unit} uncovered: a value there scores 0' },
  'rule.domainEmpty': { vi: 'Miền giá trị [{min}; {max}] không hợp lệ', en: 'Value domain [{min}, {max}] is empty' },
  'rule.fullAtRange': { vi: 'Ngưỡng đạt điểm tối đa {fullAt} phải nằm trong khoảng ({from}; {to})', en: 'Full-points threshold {fullAt} must lie between {from} and {to}' },
  'rule.deductionAboveMax': { vi: 'Mức trừ mỗi vi phạm ({per}) lớn hơn điểm tối đa {max}: một vi phạm đã mất hết điểm', en: 'The deduction per violation ({per}) exceeds the maximum {max}: one violation loses all points' },
  'rule.scheduleOrder': { vi: 'Lịch trừ điểm theo số ngày quá hạn phải tăng dần theo số ngày', en: 'The lateness schedule must be in increasing order of days' },
  'rule.badDeadline': { vi: 'Hạn "{value}" không phải ngày hợp lệ (yyyy-mm-dd)', en: 'Deadline "{value}" is not a valid date (yyyy-mm-dd)' },
  'rule.answerShares': { vi: 'Phương án trả lời cần ít nhất một phương án có tỷ lệ điểm 100%', en: 'The answer options need at least one option worth 100% of the points' },
  'rule.formulaSyntax': {
    vi: 'Công thức "{formula}" không hợp lệ tại "{token}": chỉ được dùng số, biến đã khai báo ({allowed}), các phép + - * /, so sánh (< <= > >= == !=), and/or/not, a ? b : c và các hàm min, max, round, if; viết rõ dấu *',
    en: 'Formula "{formula}" is not allowed at "{token}": only numbers, declared variables ({allowed}), + - * /, comparisons (< <= > >= == !=), and/or/not, a ? b : c and the functions min, max, round, if are allowed; write * explicitly',
  },
  'rule.formulaVariable': {
    vi: 'Tên biến "{name}" không hợp lệ: tên bắt đầu bằng chữ cái không dấu, chỉ gồm chữ, số, dấu _, không trùng tên hàm hay tên dành riêng, không lặp lại',
    en: 'Variable name "{name}" is not allowed: it must start with an ASCII letter, hold only letters, digits and _, not be a function or reserved name, and not repeat',
  },
  // Values (scoring)
  'rule.valueOutOfRange': { vi: 'Giá trị {value}{unit} nằm ngoài khoảng [{min}{unit}; {max}{unit}]', en: 'Value {value}{unit} outside [{min}{unit}, {max}{unit}]' },
  'rule.outsideBands': { vi: 'Giá trị {value}{unit} không thuộc khung nào: 0 điểm', en: 'Value {value}{unit} falls in no band: 0 points' },
  'rule.negativeCount': { vi: 'Số lượng {value} không được âm', en: 'Count {value} must not be negative' },
  'rule.notAnInteger': { vi: 'Số lượng {value} phải là số nguyên', en: 'Count {value} must be a whole number' },
  'rule.notADate': { vi: 'Giá trị "{value}" không phải là ngày (dd/mm/yyyy) hay Đúng hạn / Quá hạn / Chưa thực hiện', en: 'Value "{value}" is not a date (dd/mm/yyyy) nor On time / Late / Not done' },
  'rule.noDeadline': { vi: 'Quy tắc chưa khai báo hạn (deadline) nên không chấm được theo ngày hoàn thành {value}', en: 'The rule has no deadline, so completion date {value} cannot be scored' },
  'rule.surveyMissing': {
    vi: 'Chưa có chỉ số hài lòng (kết quả điều tra) cho tiêu chí này; nếu đã có phiếu SIPAS, ghi ở cột "Nguồn chỉ số khảo sát" của "Bộ tiêu chí" chỉ số nào dùng: overall (chung), mã nhóm (II) hoặc mã yếu tố (II.1)',
    en: 'No satisfaction index (survey result) for this criterion; if SIPAS forms exist, name the index in the "Survey source" column of the criteria sheet: overall, a group code (II) or an aspect code (II.1)',
  },
  'rule.noAnswers': { vi: 'Không có câu trả lời hợp lệ nào', en: 'No valid answers' },
  'rule.moreThanDue': { vi: 'Số đã hoàn thành ({done}) lớn hơn số phải thực hiện ({due})', en: 'Items done ({done}) exceed items due ({due})' },
  'rule.perItemNoDue': { vi: 'Không biết số phải thực hiện: khai báo "due" hoặc "per" trong quy tắc, hoặc kê khai dạng "8/12"', en: 'Items due unknown: set "due" or "per" in the rule, or declare "8/12"' },
  'rule.formulaMissingVar': { vi: 'Thiếu giá trị của biến "{name}" trong công thức', en: 'Formula variable "{name}" has no value' },
  'rule.formulaNonFinite': { vi: 'Công thức "{formula}" cho kết quả không xác định (chia cho 0?)', en: 'Formula "{formula}" gave no finite result (division by zero?)' },
} as const satisfies Catalogue;
