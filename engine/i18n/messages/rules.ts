import type { Catalogue } from '../catalogue';

/** Messages of the rules module. Keys are issue codes; {name} placeholders take issue params. */
export const rulesMessages = {
  'rule.unknownKind': { vi: 'Loại quy tắc chấm "{kind}" không tồn tại (có: {known})', en: 'Unknown rule kind "{kind}" (known: {known})' },
  'rule.badParams': { vi: 'Tham số của quy tắc "{kind}" không hợp lệ tại {path}: {detail}', en: 'Bad parameters for rule "{kind}" at {path}: {detail}' },
  'rule.pointsOutOfRange': { vi: 'Điểm {value} nằm ngoài khoảng [0; {max}]', en: 'Points {value} outside [0, {max}]' },
  'rule.notAChoice': { vi: 'Giá trị "{value}" không thuộc {choices}', en: 'Value "{value}" is not one of {choices}' },
  'rule.notANumber': { vi: 'Giá trị "{value}" không phải là số', en: 'Value "{value}" is not a number' },
} as const satisfies Catalogue;
