import { formatNumber, formatPercent, formatDate, formatDateTime, formatFixed, formatIndex, isIsoDate } from './format';
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
  test.each([
    [91.3, 'vi', '91,30%'],
    [91.3, 'en', '91.30%'],
    [100, 'vi', '100,00%'],
    [91.425, 'vi', '91,43%'],
    [0, 'en', '0.00%'],
    [-2.5, 'vi', '-2,50%'],
  ] as const)('index %p in %s → %s (always two decimals)', (x, lang, expected) => {
    expect(formatIndex(x, lang)).toBe(expected);
  });
  test('binary noise does not decide the rounding: 18,025 ÷ 20 × 100 shows 90,13, as Excel shows it', () => {
    const index = (18.025 / 20) * 100; // 90.12499999999999 in binary
    expect(index).not.toBe(90.125);
    expect(formatNumber(index, 'vi')).toBe('90,13');
    expect(formatNumber(1.005, 'en')).toBe('1.01'); // 1.00499999999999989… in binary
    expect(formatNumber(-2.675, 'vi')).toBe('-2,68');
  });

  test('fixed decimals keep their zeros and group thousands', () => {
    expect(formatFixed(2607, 'vi', 2)).toBe('2.607,00');
    expect(formatFixed(2607, 'en', 2)).toBe('2,607.00');
    expect(formatFixed(1.5, 'vi', 1)).toBe('1,5');
    expect(formatFixed(2607.4, 'vi', 0)).toBe('2.607');
  });
  test('date-time: dd/mm/yyyy HH:mm in Vietnamese, yyyy-mm-dd HH:mm in English; other text unchanged', () => {
    expect(formatDateTime('2025-03-01T09:05', 'vi')).toBe('01/03/2025 09:05');
    expect(formatDateTime('2025-03-01T09:05:30.000Z', 'en')).toBe('2025-03-01 09:05');
    expect(formatDateTime('2025-03-01', 'vi')).toBe('01/03/2025');
    expect(formatDateTime('Quá hạn 5 ngày', 'vi')).toBe('Quá hạn 5 ngày');
    expect([isIsoDate('2025-03-01'), isIsoDate('2025-03-01T09:05'), isIsoDate('2025-03-01 ghi chú'), isIsoDate('1.2')]).toEqual([true, true, false, false]);
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
