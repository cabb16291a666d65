import type { Catalogue } from '../catalogue';

/**
 * What a schema check found, one code per zod issue kind (engine/i18n/zod.ts makes them).
 * They fill the {detail} of a context message such as "input.invalid" or "rule.badParams",
 * so zod's own (English) wording is never shown.
 */
export const schemaMessages = {
  'schema.root': { vi: '(gốc)', en: '(root)' },
  'schema.required': { vi: 'thiếu giá trị (cần {expected})', en: 'missing ({expected} expected)' },
  'schema.invalidType': { vi: 'cần {expected}, nhận được {received}', en: '{expected} expected, got {received}' },
  'schema.missingField': { vi: 'thiếu trường "{field}"', en: 'the field "{field}" is missing' },
  'schema.expected': { vi: 'cần {expected}', en: '{expected} expected' },
  'schema.tooSmall': { vi: 'phải lớn hơn hoặc bằng {minimum}', en: 'must be at least {minimum}' },
  'schema.tooSmallExclusive': { vi: 'phải lớn hơn {minimum}', en: 'must be greater than {minimum}' },
  'schema.tooBig': { vi: 'phải nhỏ hơn hoặc bằng {maximum}', en: 'must be at most {maximum}' },
  'schema.tooBigExclusive': { vi: 'phải nhỏ hơn {maximum}', en: 'must be less than {maximum}' },
  'schema.tooFewItems': { vi: 'cần ít nhất {minimum} phần tử', en: 'needs at least {minimum} item(s)' },
  'schema.tooManyItems': { vi: 'chỉ được tối đa {maximum} phần tử', en: 'allows at most {maximum} item(s)' },
  'schema.itemCount': { vi: 'cần đúng {count} phần tử', en: 'needs exactly {count} items' },
  'schema.tooShort': { vi: 'cần ít nhất {minimum} ký tự', en: 'needs at least {minimum} characters' },
  'schema.tooLong': { vi: 'chỉ được tối đa {maximum} ký tự', en: 'allows at most {maximum} characters' },
  'schema.length': { vi: 'cần đúng {count} ký tự', en: 'needs exactly {count} characters' },
  'schema.badFormat': { vi: 'không đúng dạng {format}', en: 'not in the form {format}' },
  'schema.notMultipleOf': { vi: 'phải là bội số của {divisor}', en: 'must be a multiple of {divisor}' },
  'schema.unknownKeys': { vi: 'có trường không được phép: {keys}', en: 'fields not allowed: {keys}' },
  'schema.noVariant': { vi: 'không khớp dạng nào được phép', en: 'matches none of the allowed forms' },
  'schema.mustEqual': { vi: 'phải là {allowed}', en: 'must be {allowed}' },
  'schema.notOneOf': { vi: 'phải là một trong {allowed}', en: 'must be one of {allowed}' },
  'schema.invalidKey': { vi: 'có khoá không hợp lệ', en: 'holds an invalid key' },
  'schema.invalidElement': { vi: 'có phần tử không hợp lệ', en: 'holds an invalid element' },
  'schema.custom': { vi: 'giá trị không hợp lệ', en: 'invalid value' },
  // Type names (expected / received)
  'schema.type.string': { vi: 'chuỗi ký tự', en: 'text' },
  'schema.type.number': { vi: 'số', en: 'a number' },
  'schema.type.int': { vi: 'số nguyên', en: 'a whole number' },
  'schema.type.boolean': { vi: 'giá trị đúng/sai', en: 'true/false' },
  'schema.type.object': { vi: 'đối tượng {…}', en: 'an object {…}' },
  'schema.type.array': { vi: 'danh sách […]', en: 'a list […]' },
  'schema.type.null': { vi: 'null', en: 'null' },
  'schema.type.undefined': { vi: 'không có giá trị', en: 'nothing' },
  'schema.type.nan': { vi: 'NaN (không phải số)', en: 'NaN (not a number)' },
  'schema.type.date': { vi: 'ngày', en: 'a date' },
  'schema.type.oneOf': { vi: 'một trong: {types}', en: 'one of: {types}' },
} as const satisfies Catalogue;
