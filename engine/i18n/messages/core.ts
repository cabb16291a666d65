import type { Catalogue } from '../catalogue';

/** Messages shared by every module. Keys are issue codes; {name} placeholders take issue params. */
export const coreMessages = {
  'input.invalid': { vi: 'Dữ liệu không hợp lệ tại {path}: {detail}', en: 'Invalid data at {path}: {detail}' },
  'input.json': { vi: 'Không đọc được JSON: {detail}', en: 'Cannot parse JSON: {detail}' },
  'input.fileMissing': { vi: 'Không tìm thấy tệp {file}', en: 'File not found: {file}' },
  'input.unsupported': { vi: 'Định dạng tệp không được hỗ trợ: {detail}', en: 'Unsupported file format: {detail}' },
  'cli.usage': { vi: 'Cách dùng: {usage}', en: 'Usage: {usage}' },
  'cli.badOption': { vi: 'Tuỳ chọn thiếu giá trị hoặc không hợp lệ: {option}', en: 'Option missing its value or invalid: {option}' },
  'cli.unknownCommand': { vi: 'Lệnh không tồn tại: {command}', en: 'Unknown command: {command}' },
  'cli.unknownOption': { vi: 'Lệnh {command} không có tuỳ chọn --{option}; các tuỳ chọn: {known}', en: 'Command {command} has no option --{option}; its options: {known}' },
  'cli.unknownOptionNear': { vi: 'Lệnh {command} không có tuỳ chọn --{option}; có phải ý bạn là --{near}?', en: 'Command {command} has no option --{option}; did you mean --{near}?' },
  'cli.emptyValue': { vi: 'Tuỳ chọn --{option} có giá trị rỗng; hãy ghi giá trị sau "--{option}="', en: 'Option --{option} has an empty value; write the value after "--{option}="' },
  'cli.noValue': { vi: 'Tuỳ chọn --{option} không nhận giá trị; hãy bỏ "={value}"', en: 'Option --{option} takes no value; drop "={value}"' },
  'cli.badDate': { vi: 'Ngày ở --{option} không hợp lệ: "{value}" ({reason}); hãy ghi yyyy-mm-dd, ví dụ 2023-11-30', en: 'The date of --{option} is not valid: "{value}" ({reason}); write yyyy-mm-dd, for example 2023-11-30' },
  'cli.date.form': { vi: 'không đúng dạng ngày', en: 'not a date' },
  'cli.date.month': { vi: 'không có tháng {month}', en: 'there is no month {month}' },
  'cli.date.day': { vi: 'tháng {month}/{year} không có ngày {day}', en: 'month {month}/{year} has no day {day}' },
  'cli.date.time': { vi: 'giờ "{time}" không có', en: 'there is no time "{time}"' },
  'cli.badTarget': { vi: 'Mục tiêu ở --target không hợp lệ: "{value}"; hãy ghi chỉ số từ 0 đến 100 (ví dụ --target 90) hoặc hạng từ 1 trở lên (ví dụ --target hang:3)', en: 'The --target value is not valid: "{value}"; write an index from 0 to 100 (for example --target 90) or a rank of 1 or more (for example --target hang:3)' },
  'cli.badQuarter': { vi: 'Quý ở --quarter không hợp lệ: "{value}"; hãy ghi năm và quý, ví dụ 2023-Q4', en: 'The --quarter value is not valid: "{value}"; write the year and quarter, for example 2023-Q4' },
  'cli.unknownUnit': { vi: 'Không có đơn vị mã "{unit}" trong {file}; các mã đơn vị: {known}', en: 'There is no unit with code "{unit}" in {file}; the unit codes: {known}' },
  'cli.unknownUnitNear': { vi: 'Không có đơn vị mã "{unit}" trong {file}; có mã "{near}" gần giống (khác ở ký tự ẩn, cách ghi dấu hoặc chữ hoa/thường)', en: 'There is no unit with code "{unit}" in {file}; code "{near}" is nearly the same (it differs in hidden characters, accent encoding or case)' },
  'cli.sameFile': { vi: 'Tệp đầu ra trùng với tệp đầu vào ({file}); chọn tên khác để không ghi đè dữ liệu gốc', en: 'The output file is the input file ({file}); choose another name so the original is not overwritten' },
  // Locations and severity in a one-line issue (formatIssue)
  'location.file': { vi: "Tệp '{file}'", en: "File '{file}'" },
  'location.sheet': { vi: "trang '{sheet}'{cell}", en: "sheet '{sheet}'{cell}" },
  'location.cell': { vi: 'ô {cell}', en: 'cell {cell}' },
  'location.unit': { vi: 'đơn vị {unit}', en: 'unit {unit}' },
  'location.criterion': { vi: 'tiêu chí {criterion}', en: 'criterion {criterion}' },
  'location.warning': { vi: 'Cảnh báo: ', en: 'Warning: ' },
  'internal.error': { vi: 'Lỗi nội bộ: {detail}', en: 'Internal error: {detail}' },
} as const satisfies Catalogue;
