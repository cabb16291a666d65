import { formatNumber, formatPercent, formatDate } from './format';
import { formatIssue, t } from './index';
import { issue } from '../model/issue';

describe('vi-VN number formats', () => {
  test.each([
    [0.25, 'vi', '0,25'],
    [91.43, 'vi', '91,43'],
    [1234.5, 'vi', '1.234,5'],
    [1234.5, 'en', '1,234.5'],
    [2, 'vi', '2'],
    [-0.5, 'vi', '-0,5'],
    [0.125, 'vi', '0,13'],
  ] as const)('%p in %s → %s', (x, lang, expected) => {
    expect(formatNumber(x, lang)).toBe(expected);
  });
  test('percent and date', () => {
    expect(formatPercent(91.43, 'vi')).toBe('91,43%');
    expect(formatDate('2023-07-15', 'vi')).toBe('15/07/2023');
    expect(formatDate('2023-07-15', 'en')).toBe('2023-07-15');
  });
});

describe('located messages', () => {
  test('an issue names file, sheet, cell, unit and criterion', () => {
    const i = issue('rule.notAChoice', { value: 'x', choices: ['Có', 'Không'] }, { file: 'kg.xlsx', sheet: 'Tự đánh giá', cell: 'F14', unit: 'KG', criterion: '2.3.1' });
    expect(formatIssue(i, 'vi')).toBe("Tệp 'kg.xlsx', trang 'Tự đánh giá'!F14 (đơn vị KG, tiêu chí 2.3.1): Giá trị \"x\" không thuộc Có, Không");
    expect(formatIssue(i, 'en')).toBe("File 'kg.xlsx', sheet 'Tự đánh giá'!F14 (unit KG, criterion 2.3.1): Value \"x\" is not one of Có, Không");
  });
  test('an unknown code does not compile', () => {
    // @ts-expect-error 'no.such.code' is not a MessageCode
    const render = (): string => t('no.such.code', { a: 1 });
    // @ts-expect-error nor can an issue be made with it
    const make = (): unknown => issue('no.such.code');
    expect(typeof render).toBe('function');
    expect(typeof make).toBe('function');
  });
});
