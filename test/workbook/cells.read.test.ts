/**
 * The master reader and the template importer read cells through engine/workbook/cells.ts: the
 * date forms the rules document, Excel serials (1900 system with its 1900-02-29, or 1904), a
 * Vietnamese decimal comma, and one table locator.
 */
import { readMaster, renderMasterInputSheets, TableCells, locateTable } from '../../engine/workbook/master';
import type { SheetSnapshot } from '../../engine/workbook/port';
import type { Issue } from '../../engine/model/issue';
import { grid, smallFramework, smallUnits, toSnapshot } from './helpers';

function withSubmissions(sub: SheetSnapshot): SheetSnapshot[] {
  const base = renderMasterInputSheets({ framework: smallFramework, units: smallUnits, assessments: [] }).map(toSnapshot);
  return [...base.filter((s) => s.name !== 'Kê khai'), sub];
}

const brief = (issues: Issue[]): string[] => issues.map((i) => `${i.severity} ${i.code} ${i.sheet ?? ''}!${i.cell ?? ''}`);

describe('dates in the master', () => {
  test('"ngày 14 tháng 7 năm 2023" and a time after the day read as the rules read them (text: a warning)', () => {
    const sub = grid('Kê khai', [
      [],
      [],
      ['unit', 'criterion', 'value', 'submittedAt'],
      ['Đơn vị', 'Tiêu chí', 'Giá trị', 'Ngày nộp'],
      ['KG', '1.1', 'Có', 'ngày 14 tháng 7 năm 2023'],
      ['KG', '1.2', 'Có', '15/07/2023 09:30:15'],
      ['HD', '1.2', 'Có', '15/07/0203'],
    ]);
    const { doc, issues } = readMaster(withSubmissions(sub), 'm.xlsx');
    // year 203: a date in form, outside the years a workbook has (refused as out of range)
    expect(brief(issues)).toEqual(['warning workbook.dateAsText Kê khai!D5', 'warning workbook.dateAsText Kê khai!D6', 'error workbook.dateOutOfRange Kê khai!D7']);
    expect(doc.extras.submissions.map((s) => s.submittedAt)).toEqual(['2023-07-14', '2023-07-15T09:30', undefined]);
  });

  test('serials: Excel\'s day 1 is 1900-01-01, 60 (1900-02-29) is no day; a 1904 workbook counts from 1904', () => {
    const rows = (v: number): SheetSnapshot['values'] => [['unit', 'criterion', 'submittedAt'], ['Đơn vị', 'Tiêu chí', 'Ngày nộp'], ['KG', '1.1', v]];
    const dateOf = (snap: SheetSnapshot): { iso: string | undefined; issues: string[] } => {
      const t = locateTable(snap, { sheet: snap.name, sheetAliases: [], columns: [{ key: 'unit', vi: 'Đơn vị', en: 'Unit', required: true }, { key: 'criterion', vi: 'Tiêu chí', en: 'Criterion' }, { key: 'submittedAt', vi: 'Ngày nộp', en: 'Submitted' }] } as never);
      const cells = new TableCells(snap, 'm.xlsx');
      const row = t.rows[0];
      const iso = row ? cells.date(row, 'submittedAt') : undefined;
      return { iso, issues: cells.issues.map((i) => i.code) };
    };
    const fmt = { C3: 'dd/mm/yyyy' };
    expect(dateOf(grid('S', rows(1), { formats: fmt })).iso).toBe('1900-01-01');
    expect(dateOf(grid('S', rows(61), { formats: fmt })).iso).toBe('1900-03-01');
    expect(dateOf(grid('S', rows(60), { formats: fmt }))).toEqual({ iso: undefined, issues: ['workbook.notADate'] });
    expect(dateOf(grid('S', rows(45121), {})).iso).toBe('2023-07-14'); // unformatted, but a plausible serial
    expect(dateOf(grid('S', rows(45121 - 1462), { formats: fmt, date1904: true } as Partial<SheetSnapshot>)).iso).toBe('2023-07-14');
    expect(dateOf(grid('S', rows(45121.375), { formats: { C3: 'dd/mm/yyyy hh:mm' } })).iso).toBe('2023-07-14T09:00');
  });
});

test('numbers: a lone comma is the Vietnamese decimal mark, "0,125" is not 125', () => {
  const sub = grid('Kê khai', [
    ['unit', 'criterion', 'self'],
    ['Đơn vị', 'Tiêu chí', 'Tự chấm'],
    ['KG', '1.1', '0,125'],
    ['KG', '1.2', '0.125'], // a leading 0 never starts a thousands group
    ['HD', '1.1', '1,5'],
  ]);
  const { doc } = readMaster(withSubmissions(sub), 'm.xlsx');
  expect(doc.assessments.map((a) => a.self)).toEqual([0.125, 0.125, 1.5]);
});

test('"name = value" pairs with Vietnamese names become variables (as on a template)', () => {
  const sub = grid('Kê khai', [['unit', 'criterion', 'value'], ['Đơn vị', 'Tiêu chí', 'Giá trị'], ['KG', '1.1', 'Đúng hạn = 3; Quá hạn = 1'], ['KG', '1.2', '=HYPERLINK("x")']]);
  const { doc } = readMaster(withSubmissions(sub), 'm.xlsx');
  expect(doc.assessments.map((a) => a.value)).toEqual([{ 'Đúng hạn': 3, 'Quá hạn': 1 }, '=HYPERLINK("x")']);
});
