/** @jest-environment jsdom */
/**
 * The "Phân tích" view on a hand-made round (the workbench stubbed): the ranking table shows each
 * rank with its range, and "Qua các năm" appears only when the results hold more than one year.
 * The round is that of pane-years.test.tsx: A 1 (1–2), B 2 (1–2), C 3.
 */
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { gapsByLead, kindLabel, scoreDocument, type ResultsDocument } from '../../engine';

let current: ResultsDocument | undefined;
jest.mock('../../addin/taskpane/state', () => ({
  useWorkbench: () => ({
    lang: 'vi',
    computed: current ? { summary: { results: current, counts: { units: 3, wards: 3, errors: 0, warnings: 0 } } } : undefined,
    engine: { leadRollup: (r: ResultsDocument) => gapsByLead(r), kindName: (k: string, l: 'vi' | 'en') => kindLabel(k, l), runWhatIf: () => undefined },
  }),
}));
// the charts' chunk (d3, ES modules) is drawn in the browser tests; here a stub shows what it is given
jest.mock('../../addin/taskpane/charts', () => ({
  RankingChart: (p: { bars: { code: string; low?: number; high?: number }[]; intervalLabel?: string }) => (
    <div data-testid="ranking-chart-stub">{`${p.intervalLabel ?? ''}: ${p.bars.map((b) => `${b.code} ${b.low ?? '-'}–${b.high ?? '-'}`).join('; ')}`}</div>
  ),
  ProfileChart: () => null,
  LeadLossChart: () => null,
}));
import { AnalyseView } from '../../addin/taskpane/views/AnalyseView';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
beforeAll(() => {
  if (!('ResizeObserver' in window)) Object.defineProperty(window, 'ResizeObserver', { value: NoResizeObserver, configurable: true });
});

const framework = {
  id: 't',
  name: 'T',
  nodes: [{ code: '1', name: 'Khu vực', children: [{ code: '1.1', name: 'Có văn bản', max: 50, rule: { kind: 'yesNo' } }, { code: '1.2', name: 'Hài lòng', max: 50, channel: 'survey', rule: { kind: 'survey' } }] }],
};
const units = ['A', 'B', 'C'].map((code) => ({ code, name: `UBND phường ${code}`, kind: 'ward' }));
const scored = scoreDocument({
  framework,
  units,
  assessments: [
    { unit: 'A', criterion: '1.1', value: 'Có' },
    { unit: 'B', criterion: '1.1', value: 'Có' },
    { unit: 'C', criterion: '1.1', value: 'Không' },
  ],
  surveyIndices: { A: { '1.2': 80 }, B: { '1.2': 76 }, C: { '1.2': 60 } },
  surveyIntervals: { A: { '1.2': [70, 88] }, B: { '1.2': [66, 85] }, C: { '1.2': [55, 65] } },
}).results;
const wrap = (): ReturnType<typeof render> =>
  render(
    <FluentProvider theme={webLightTheme}>
      <AnalyseView />
    </FluentProvider>,
  );

test('the ranking table: each rank with its range, a far unit alone', () => {
  current = scored;
  wrap();
  const table = screen.getByTestId('ranking-ward');
  expect(within(table).getByTestId('rank-A').textContent).toBe('1 (1–2)');
  expect(within(table).getByTestId('rank-B').textContent).toBe('2 (1–2)');
  expect(within(table).getByTestId('rank-C').textContent).toBe('3');
  // the chart is given each index's 95% interval: A 85–94, B 83–92,5, C 27,5–32,5
  expect(screen.getByTestId('ranking-chart-stub').textContent).toMatch(/^Khoảng tin cậy 95%: A 85–94; B 83–92\.5; C 27\.5\d*–32\.5$/);
  // one year only: no "Qua các năm"
  expect(screen.queryByTestId('years')).toBeNull();
});

test('"Qua các năm" with two years (its chunk arrives lazily)', async () => {
  current = {
    ...scored,
    years: {
      years: [2024, 2025],
      units: [
        { unit: 'A', name: 'UBND phường A', byYear: { '2024': { index: 85, rank: 1 }, '2025': { index: 90, rank: 1 } } },
        { unit: 'C', name: 'UBND phường C', byYear: { '2024': { index: 31.25, rank: 2 }, '2025': { index: 30, rank: 3 } } },
      ],
    },
  };
  wrap();
  const years = await screen.findByTestId('years', undefined, { timeout: 10_000 });
  // 90 − 85 = +5,00; 30 − 31,25 = −1,25
  expect(within(years).getByTestId('years-A').textContent).toBe('P. A85,00%hạng 190,00%hạng 1+5,00');
  expect(within(years).getByTestId('years-C').textContent).toBe('P. C31,25%hạng 230,00%hạng 3−1,25');
  expect(within(years).queryByTestId('years-B')).toBeNull();
});
