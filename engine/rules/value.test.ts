import { fold, isNotApplicableValue, parseNumber, parseYesNo } from './value';

test.each([
  ['0,25', 0.25], ['0.25', 0.25], ['87,5%', 87.5], ['1.234,5', 1234.5], ['1,234.5', 1234.5], [' 3 ', 3], [7, 7],
  ['abc', undefined], ['', undefined], [null, undefined], ['1,2,3', undefined], [Number.NaN, undefined],
] as const)('parseNumber(%p) = %p', (v, expected) => {
  expect(parseNumber(v)).toBe(expected);
});

test('yes/no and N/A words, with or without diacritics', () => {
  expect(fold('Không áp dụng')).toBe('khong ap dung');
  expect(parseYesNo('Có')).toBe(true);
  expect(parseYesNo('co')).toBe(true);
  expect(parseYesNo('Không')).toBe(false);
  expect(parseYesNo('có lẽ')).toBeUndefined();
  expect(isNotApplicableValue('Không áp dụng')).toBe(true);
  expect(isNotApplicableValue('KHÔNG PHÁT SINH')).toBe(true);
  expect(isNotApplicableValue('Không')).toBe(false);
});
