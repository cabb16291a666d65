import { a1, columnName, parseA1, rangeA1 } from './a1';

test.each([[0, 'A'], [25, 'Z'], [26, 'AA'], [701, 'ZZ'], [702, 'AAA']] as const)('column %p is %s', (c, name) => {
  expect(columnName(c)).toBe(name);
  expect(parseA1(name + '1')).toEqual({ row: 0, col: c });
});
test('addresses', () => {
  expect(a1(13, 5)).toBe('F14');
  expect(parseA1('$F$14')).toEqual({ row: 13, col: 5 });
  expect(parseA1('14F')).toBeUndefined();
  expect(rangeA1(3, 0, 19, 7)).toBe('A4:H20');
});
