import {
  ambiguousNumber,
  cellDate,
  dateOutOfRange,
  cellNumber,
  cellText,
  dateSystemOf,
  findTable,
  fold,
  isDateFormat,
  isoToSerial,
  isPercentFormat,
  parseDateText,
  parseDateTimeText,
  parseNumber,
  serialToIso,
} from './cells';
import { parseDay } from '../rules/dates';
import { parseDateText as planDate } from '../plan/dates';
import { parseDateText as masterDate } from './master/table';

describe('cell text', () => {
  test.each([
    [null, ''],
    [undefined, ''],
    ['  1.1 ', '1.1'],
    ['\u00a0KG\u00a0', 'KG'],
    ['\u200bHoàn thành\ufeff', 'Hoàn thành'],
    ['Hoàn\u00a0thành', 'Hoàn thành'],
    [0, '0'],
    [0.75, '0.75'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [new Date(Date.UTC(2023, 6, 15)), '2023-07-15'],
  ] as const)('%p → %p', (v, s) => {
    expect(cellText(v)).toBe(s);
  });

  test('fold ignores case, diacritics, đ and extra or no-break spaces', () => {
    expect(fold('  Không\u00a0 ÁP dụng ')).toBe('khong ap dung');
    expect(fold('Đúng hạn')).toBe('dung han');
  });
});

describe('numbers, Vietnamese first', () => {
  test.each([
    ['0,75', 0.75],
    ['0.75', 0.75],
    [' 3 ', 3],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1.234', 1234], // dots group thousands
    ['1,234', 1.234], // a lone comma is the decimal mark
    ['0,125', 0.125],
    ['0.125', 0.125], // a leading 0 never starts a thousands group
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['91,43%', 91.43],
    ['87,5 %', 87.5],
    ['1\u00a0234,5', 1234.5],
    ['-0,5', -0.5],
    ['\u22125', -5],
    ['+2', 2],
    [',5', 0.5],
    ['1e3', 1000],
    [7, 7],
    ['abc', undefined],
    ['', undefined],
    ['%', undefined],
    ['1,2,3', undefined],
    ['1.2.3', undefined],
    ['Infinity', undefined],
    ['1e400', undefined],
    [Number.NaN, undefined],
    [null, undefined],
    [true, undefined],
  ] as const)('parseNumber(%p) = %p', (v, n) => {
    expect(parseNumber(v)).toBe(n);
  });

  test.each([
    // one group of three digits after a single dot or comma: the two writings disagree
    ['87,125', { read: 87.125, other: 87_125 }],
    ['1.234', { read: 1234, other: 1.234 }],
    ['87.125 %', { read: 87_125, other: 87.125 }],
    ['\u22121.500', { read: -1500, other: -1.5 }],
    // one reading only
    ['0,250', undefined],
    ['0.250', undefined],
    ['87,5', undefined],
    ['1.234,5', undefined],
    ['1.234.567', undefined],
    ['1,234,567', undefined],
    ['1,234,5', undefined],
    [1234, undefined],
  ] as const)('ambiguousNumber(%p) = %p, parseNumber reads it the Vietnamese way', (v, want) => {
    expect(ambiguousNumber(v)).toEqual(want);
    if (want) expect(parseNumber(v)).toBe(want.read);
  });

  test.each([
    ['31/12/1899', {}, true],
    ['1899-12-31', {}, true],
    ['ngày 1 tháng 1 năm 2300', {}, true],
    ['15/07/0203', {}, true],
    [-5, {}, true],
    [0, {}, true],
    [0, { date1904: true }, false],
    [-1, { date1904: true }, true],
    ['01/01/1900', {}, false],
    ['31/02/2023', {}, false], // no such day: not a date, not out of range
    ['tuần sau', {}, false],
    [45122, {}, false],
  ] as const)('dateOutOfRange(%p, %p) = %p', (v, system, out) => {
    expect(dateOutOfRange(v, system)).toBe(out);
  });

  test('a percent-formatted cell holds a fraction: 0.875 reads 87.5; text keeps its number', () => {
    expect(cellNumber(0.875, '0.0%')).toBe(87.5);
    expect(cellNumber(0.875, '0.00')).toBe(0.875);
    expect(cellNumber('87,5%', '0%')).toBe(87.5);
    expect(isPercentFormat('"%"0')).toBe(false);
    expect(isPercentFormat('0.00%')).toBe(true);
  });
});

describe('dates', () => {
  // every text form the rules and templates accept
  test.each([
    ['2023-07-15', '2023-07-15'],
    ['2023-7-5', '2023-07-05'],
    ['2023/07/15', '2023-07-15'],
    ['2023-07-15T00:00:00.000Z', '2023-07-15'],
    ['15/07/2023', '2023-07-15'],
    ['5/7/2023', '2023-07-05'],
    ['15-07-2023', '2023-07-15'],
    ['15.07.2023', '2023-07-15'],
    [' 15/07/2023\u00a0', '2023-07-15'],
    ['ngày 5 tháng 7 năm 2023', '2023-07-05'],
    ['Ngày 15 tháng 07 năm 2023', '2023-07-15'],
    ['15 tháng 7 năm 2023', '2023-07-15'],
    ['15-Jul-2023', '2023-07-15'],
    ['Jul 15, 2023', '2023-07-15'],
    ['Sat Jul 15 2023 07:00:00 GMT+0700', '2023-07-15'],
  ] as const)('%p → %s (and the rules read it the same)', (text, iso) => {
    expect(parseDateText(text)?.date).toBe(iso);
    expect(parseDay(text)?.iso).toBe(iso);
  });

  test.each([['31/02/2023'], ['29/02/2023'], ['2023-13-01'], ['15/07'], ['15/07/23'], ['hôm qua'], ['01/01/1899'], ['01/01/2300'], ['15/07/2023 25:00']])(
    '%p is not a date',
    (text) => {
      expect(parseDateText(text)).toBeUndefined();
    },
  );

  test('a time of day is kept only when asked for', () => {
    expect(parseDateText('15/7/2023 9:30')).toEqual({ date: '2023-07-15', time: '09:30' });
    expect(parseDateTimeText('15/7/2023 9:30')).toBe('2023-07-15T09:30');
    expect(parseDateTimeText('2023-07-15T09:30:00Z')).toBe('2023-07-15T09:30');
    expect(parseDateTimeText('2023-07-15 9:30 PM')).toBe('2023-07-15T21:30');
    expect(parseDateTimeText('29/02/2024')).toBe('2024-02-29');
    expect(cellDate('15/7/2023 9:30')).toBe('2023-07-15');
    expect(cellDate('15/7/2023 9:30', { time: true })).toBe('2023-07-15T09:30');
  });

  test('the old parsers disagreed; the one reader follows docs/rules.md', () => {
    // The plan reader refused a time and the Vietnamese words; the master reader refused the words
    // and seconds; the rules took them all. docs/rules.md lists the words as a date.
    expect(parseDateText('ngày 20 tháng 7 năm 2023')?.date).toBe('2023-07-20');
    expect(parseDateText('20/07/2023 08:30')?.date).toBe('2023-07-20');
    expect(parseDateText('2023-07-20T08:30:15')?.date).toBe('2023-07-20');
    expect(parseDateText('20-Jul-2023')?.date).toBe('2023-07-20');
    // The master and plan readers took any 4-digit year; the rules only 1900–2200.
    expect(parseDateText('20/07/0203')).toBeUndefined();
    // The master reader put serial 1 on 1899-12-31; Excel shows 1900-01-01.
    expect(serialToIso(1)).toBe('1900-01-01');
    // The plan and master readers now are this reader (the plan's keeps the day, the master's the time).
    for (const text of ['ngày 20 tháng 7 năm 2023', '20/07/2023 08:30', '2023-07-20T08:30:15', '20-Jul-2023', '20/7/2023']) {
      expect(planDate(text)).toBe('2023-07-20');
      expect(masterDate(text)?.slice(0, 10)).toBe('2023-07-20');
    }
    expect(masterDate('20/07/2023 08:30')).toBe('2023-07-20T08:30');
    expect([planDate('20/07/0203'), masterDate('20/07/0203'), planDate('31/02/2023')]).toEqual([undefined, undefined, undefined]);
  });

  test('Excel serials: 1900 system with its fictitious 1900-02-29, and the 1904 system', () => {
    expect(serialToIso(45122)).toBe('2023-07-15');
    expect(serialToIso(45122.5)).toBe('2023-07-15T12:00');
    expect(serialToIso(45122.99999)).toBe('2023-07-16');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBeUndefined(); // 1900-02-29 does not exist
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(0)).toBeUndefined();
    expect(serialToIso(-5)).toBeUndefined();
    expect(serialToIso(1e12)).toBeUndefined();
    expect(serialToIso(Number.NaN)).toBeUndefined();
    // 1904 system: the same day is 1462 lower
    expect(serialToIso(0, { date1904: true })).toBe('1904-01-01');
    expect(serialToIso(45122 - 1462, { date1904: true })).toBe('2023-07-15');
    for (const iso of ['1900-01-01', '1900-02-28', '1900-03-01', '2023-07-15', '2023-07-15T12:00']) {
      expect(serialToIso(isoToSerial(iso) ?? Number.NaN)).toBe(iso);
      expect(serialToIso(isoToSerial(iso, { date1904: true }) ?? Number.NaN, { date1904: true })).toBe(iso.startsWith('1900') ? undefined : iso);
    }
    expect(isoToSerial('2023-07-15')).toBe(45122);
    expect(isoToSerial('1900-01-01')).toBe(1);
  });

  test('a cell: date cells as the port read them, serials, text; the date system from the snapshot', () => {
    expect(cellDate('2023-07-15', { dateCell: true })).toBe('2023-07-15');
    expect(cellDate(45122)).toBe('2023-07-15');
    expect(cellDate(45122 - 1462, dateSystemOf({ name: 'x', values: [], date1904: true }))).toBe('2023-07-15');
    expect(dateSystemOf({ name: 'x', values: [] })).toEqual({});
    expect(cellDate(5, { serials: 'plausible' })).toBeUndefined();
    expect(cellDate(45122, { serials: 'plausible' })).toBe('2023-07-15');
    expect(cellDate(45122, { serials: 'none' })).toBeUndefined();
    expect(cellDate(true)).toBeUndefined();
    expect(cellDate('x')).toBeUndefined();
  });

  test('date formats', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('d-mmm-yy')).toBe(true);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('"day "0')).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });
});

describe('findTable: the one table locator', () => {
  const cols = [
    { key: 'unit', names: ['Đơn vị', 'Unit', 'Mã đơn vị'] },
    { key: 'criterion', names: ['Tiêu chí', 'Criterion'] },
    { key: 'value', names: ['Số liệu kê khai', 'Declared value'] },
  ];

  test('the key row wins; a column without a key cell is found by its display header', () => {
    const t = findTable(
      [['Tiêu đề'], ['unit', 'CRITERION', null], ['Đơn vị', 'Tiêu chí', 'So lieu ke khai'], ['KG', '1.1', 'Có']],
      cols,
    );
    expect(t).toMatchObject({ keyRow: 1, headerRow: 2, extraKeys: [], duplicates: [] });
    expect([...(t?.columns ?? [])]).toEqual([
      ['unit', 0],
      ['criterion', 1],
      ['value', 2],
    ]);
  });

  test('without keys, the header row with the most names (folded, aliases too)', () => {
    const t = findTable([['ĐƠN VỊ'], [], ['Ghi chú', 'ma don vi', 'tieu chi']], cols);
    expect(t?.keyRow).toBe(-1);
    expect(t?.headerRow).toBe(2);
    expect(t?.columns.get('unit')).toBe(1);
  });

  test('open tables keep extra keys; duplicates are reported; nothing found is undefined', () => {
    const t = findTable([['unit', 'criterion', 'q1', 'unit', 'Ghi chú']], cols, { open: true });
    expect(t?.extraKeys).toEqual([{ key: 'q1', col: 2 }]);
    expect(t?.duplicates).toEqual([{ key: 'unit', row: 0, col: 3 }]);
    expect(findTable([['a', 'b']], cols)).toBeUndefined();
    expect(findTable([['unit']], cols)).toBeUndefined(); // one hit is not a table…
    expect(findTable([['unit']], cols, { minHits: 1 })?.columns.get('unit')).toBe(0); // …unless asked
  });

  test('only the top rows are searched', () => {
    const rows: unknown[][] = Array.from({ length: 20 }, () => []);
    rows[16] = ['unit', 'criterion'];
    expect(findTable(rows, cols)).toBeUndefined();
    expect(findTable(rows, cols, { scanRows: 20 })?.keyRow).toBe(16);
  });
});
