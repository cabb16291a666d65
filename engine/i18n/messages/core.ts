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
