/** @jest-environment jsdom */
/**
 * The pane's rank with its range ("2 (1–3)"), the ranking bars with their 95% interval, and
 * "Qua các năm" (several years in one view) on a hand-made results document.
 *
 * The round (as in pane.test.tsx): wards A, B, C; 1.1 yes/no 50 points, 1.2 survey 50 points.
 *   A: 1.1 "Có" → 50; survey 80 [70; 88] → 40 [35; 44] → 90% [85; 94]
 *   B: 1.1 "Có" → 50; survey 76 [66; 85] → 38 [33; 42,5] → 88% [83; 92,5]
 *   C: 1.1 "Không" → 0; survey 60 [55; 65] → 30 [27,5; 32,5] → 30% [27,5; 32,5]
 * A and B overlap: ranks 1 (1–2) and 2 (1–2); C is far below: rank 3 alone.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { scoreDocument, type ResultsDocument } from '../../engine';
import { rankWithRange } from '../../addin/taskpane/fmt';
import { rankingBars } from '../../addin/taskpane/charts/data';
import { YearsTable, YEARS_PAGE, yearChange, yearsHistory } from '../../addin/taskpane/views/YearsTable';

const framework = {
  id: 't',
  name: 'T',
  nodes: [{ code: '1', name: 'Khu vực', children: [{ code: '1.1', name: 'Có văn bản', max: 50, rule: { kind: 'yesNo' } }, { code: '1.2', name: 'Hài lòng', max: 50, channel: 'survey', rule: { kind: 'survey' } }] }],
};
const units = ['A', 'B', 'C'].map((code) => ({ code, name: `UBND phường ${code}`, kind: 'ward' }));
const doc = {
  framework,
  units,
  assessments: [
    { unit: 'A', criterion: '1.1', value: 'Có', evidence: 'Kế hoạch 15/KH-UBND' },
    { unit: 'B', criterion: '1.1', value: 'Có', self: 50, evidence: 'Kế hoạch 16/KH-UBND' },
    { unit: 'C', criterion: '1.1', value: 'Không' },
  ],
  surveyIndices: { A: { '1.2': 80 }, B: { '1.2': 76 }, C: { '1.2': 60 } },
  surveyIntervals: { A: { '1.2': [70, 88] }, B: { '1.2': [66, 85] }, C: { '1.2': [55, 65] } },
};
const scored = scoreDocument(doc).results;

/**
 * Three years (2023–2025): A 80 → 84,5 → 90; B from 2024 only (a new ward: 86 → 88); C 35 in
 * 2023, no 2024 (its old units did not report), 30 in 2025.
 */
const years: NonNullable<ResultsDocument['years']> = {
  years: [2023, 2024, 2025],
  units: [
    { unit: 'A', name: 'UBND phường A', byYear: { '2023': { index: 80, rank: 2 }, '2024': { index: 84.5, rank: 2 }, '2025': { index: 90, rank: 1 } } },
    { unit: 'B', name: 'UBND phường B', byYear: { '2024': { index: 86 }, '2025': { index: 88, rank: 2 } } },
    { unit: 'C', name: 'UBND phường C', byYear: { '2023': { index: 35, rank: 3 }, '2025': { index: 30, rank: 3 } } },
  ],
};
const withYears: ResultsDocument = { ...scored, years };

const wrap = (ui: JSX.Element): ReturnType<typeof render> => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
const cells = (testId: string): string[] => Array.from(screen.getByTestId(testId).querySelectorAll('td')).map((x) => x.textContent ?? '');

describe('rank with its range', () => {
  test('"2 (1–3)" with an en dash; a single rank when the range is one rank or unknown; grouped as counts', () => {
    expect(rankWithRange(2, [1, 3], 'vi')).toBe('2 (1–3)');
    expect(rankWithRange(3, [3, 3], 'vi')).toBe('3');
    expect(rankWithRange(3, undefined, 'en')).toBe('3');
    expect(rankWithRange(1024, [1000, 1100], 'vi')).toBe('1.024 (1.000–1.100)');
    expect(rankWithRange(1024, [1000, 1100], 'en')).toBe('1,024 (1,000–1,100)');
  });

  test('the round: A and B overlap, C keeps a single rank', () => {
    const byCode = new Map(scored.units.map((u) => [u.code, u]));
    const text = (code: string): string => {
      const u = byCode.get(code);
      return u ? rankWithRange(u.rank, u.rankRange, 'vi') : '';
    };
    expect([text('A'), text('B'), text('C')]).toEqual(['1 (1–2)', '2 (1–2)', '3']);
  });

  test('ranking bars carry the index interval; a unit without sampling error has none', () => {
    const noSurvey = scoreDocument({ framework, units, assessments: doc.assessments, surveyIndices: doc.surveyIndices }).results;
    const r2 = (x: number | undefined): number | undefined => (x === undefined ? x : Math.round(x * 1e9) / 1e9);
    expect(rankingBars(scored.units).map((b) => [b.code, b.value, r2(b.low), r2(b.high)])).toEqual([
      ['A', 90, 85, 94],
      ['B', 88, 83, 92.5],
      ['C', 30, 27.5, 32.5],
    ]);
    // the same round without intervals: bars as before, no interval
    expect(rankingBars(noSurvey.units).map((b) => [b.code, b.value, 'low' in b, 'high' in b])).toEqual([
      ['A', 90, false, false],
      ['B', 88, false, false],
      ['C', 30, false, false],
    ]);
  });
});

describe('"Qua các năm"', () => {
  test('not shown with one year or none', () => {
    const one = wrap(<YearsTable results={{ ...scored, years: { years: [2025], units: [] } }} lang="vi" />);
    expect(screen.queryByTestId('years')).toBeNull();
    one.unmount();
    wrap(<YearsTable results={scored} lang="vi" />);
    expect(screen.queryByTestId('years')).toBeNull();
  });

  test('from the earliest year to the latest by default, then from the year picked', () => {
    wrap(<YearsTable results={withYears} lang="vi" />);
    const head = Array.from(within(screen.getByTestId('years-table')).getAllByRole('columnheader')).map((x) => x.textContent);
    expect(head).toEqual(['Đơn vị', '2023', '2025', '± so với 2023']);
    // in rank order; 90 − 80 = +10,00; B has no 2023; 30 − 35 = −5,00
    expect(cells('years-A')).toEqual(['P. A', '80,00%hạng 2', '90,00%hạng 1', '+10,00']);
    expect(cells('years-B')).toEqual(['P. B', '—', '88,00%hạng 2', '—']);
    expect(cells('years-C')).toEqual(['P. C', '35,00%hạng 3', '30,00%hạng 3', '−5,00']);
    // every year on the unit's hover
    expect(screen.getByTestId('years-B').querySelector('td')?.getAttribute('title')).toBe('UBND phường B (B) — 2023: không có số liệu · 2024: 86,00% · 2025: 88,00% (hạng 2)');
    fireEvent.change(screen.getByTestId('years-from'), { target: { value: '2024' } });
    // 90 − 84,5 = +5,50; 88 − 86 = +2,00; C has no 2024
    expect(cells('years-A')).toEqual(['P. A', '84,50%hạng 2', '90,00%hạng 1', '+5,50']);
    expect(cells('years-B')).toEqual(['P. B', '86,00%', '88,00%hạng 2', '+2,00']);
    expect(cells('years-C')[3]).toBe('—');
    expect(screen.getByTestId('years').textContent).toContain('các năm có số liệu: 2023, 2024, 2025');
  });

  test('English, two years: no year to pick', () => {
    const two: ResultsDocument = { ...scored, years: { years: [2024, 2025], units: years.units.map((u) => ({ ...u, byYear: Object.fromEntries(Object.entries(u.byYear).filter(([y]) => y !== '2023')) })) } };
    wrap(<YearsTable results={two} lang="en" />);
    expect(screen.queryByTestId('years-from')).toBeNull();
    expect(cells('years-A')).toEqual(['P. A', '84.50%rank 2', '90.00%rank 1', '+5.50']);
    expect(screen.getByText('± since 2024')).toBeTruthy();
  });

  test('yearChange and yearsHistory', () => {
    const a = years.units[0];
    if (!a) throw new Error('A');
    expect(yearChange(a, 2024, 2025)).toBeCloseTo(5.5, 10);
    expect(yearChange(years.units[2] ?? a, 2024, 2025)).toBeUndefined();
    expect(yearsHistory(years, a, 'en')).toBe('2023: 80.00% (rank 2) · 2024: 84.50% (rank 2) · 2025: 90.00% (rank 1)');
  });

  test('a long list shows 10 units at a time; kinds are headed when there are several', async () => {
    // 11 wards and 1 district: index 50 + i, ranks by index
    const many = Array.from({ length: 12 }, (_, i) => ({ code: `U${String(i + 1).padStart(2, '0')}`, name: `UBND ${i === 11 ? 'quận' : 'phường'} Số ${i + 1}`, kind: i === 11 ? 'district' : 'ward' }));
    const r = scoreDocument({
      framework: { id: 'm', name: 'M', nodes: [{ code: '1', name: 'K', children: [{ code: '1.1', name: 'Điểm', max: 100, rule: { kind: 'points' } }] }] },
      units: many,
      assessments: many.map((u, i) => ({ unit: u.code, criterion: '1.1', self: 50 + i, appraisal: [50 + i] })),
    }).results;
    const view: NonNullable<ResultsDocument['years']> = { years: [2024, 2025], units: many.map((u, i) => ({ unit: u.code, name: u.name, byYear: { '2024': { index: 40 + i }, '2025': { index: 50 + i } } })) };
    wrap(<YearsTable results={{ ...r, years: view }} lang="vi" />);
    const rows = (): string[] => within(screen.getByTestId('years-table')).getAllByRole('row').map((x) => x.getAttribute('data-testid') ?? x.textContent ?? '');
    // wards first (the results' order), best first: U11 (60%) … ; two kind headings
    expect(rows().slice(1, 4)).toEqual(['Phường', 'years-U11', 'years-U10']);
    expect(rows().filter((x) => x.startsWith('years-'))).toHaveLength(YEARS_PAGE);
    expect(screen.getByText('Đang hiện 10/12 đơn vị')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('years-more'));
    });
    expect(rows().filter((x) => x.startsWith('years-'))).toHaveLength(12);
    expect(rows()).toContain('Quận');
    expect(cells('years-U12')).toEqual(['Q. Số 12', '51,00%', '61,00%', '+10,00']);
    expect(screen.queryByTestId('years-more')).toBeNull();
  });
});
