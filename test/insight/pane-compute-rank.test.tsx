/** @jest-environment jsdom */
/**
 * "Tính điểm" shows the same rank as "Phân tích": with its range when sampling error can move it
 * (A 1 (1–2), B 2 (1–2)), alone when it cannot (C 3). Same hand-made round as pane-analyse.test.tsx.
 */
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { scoreDocument, type ResultsDocument } from '../../engine';

let current: ResultsDocument | undefined;
jest.mock('../../addin/taskpane/state', () => ({
  useWorkbench: () => ({
    lang: 'vi',
    busy: false,
    port: {},
    computed: current ? { summary: { results: current, counts: { units: 3, wards: 3, errors: 0, warnings: 0 }, issues: [] }, millis: { read: 1, compute: 1, write: 1 } } : undefined,
  }),
}));
jest.mock('../../addin/taskpane/views/LockPanel', () => ({ LockPanel: () => null }));
jest.mock('../../addin/taskpane/views/insightLazy', () => ({ RankCertainty: () => null, RiskList: () => null }));
jest.mock('../../addin/taskpane/views/IssueList', () => ({ IssueList: () => null }));
import { ComputeView } from '../../addin/taskpane/views/ComputeView';

const framework = {
  id: 't',
  name: 'T',
  nodes: [{ code: '1', name: 'Khu vực', children: [{ code: '1.1', name: 'Có văn bản', max: 50, rule: { kind: 'yesNo' } }, { code: '1.2', name: 'Hài lòng', max: 50, channel: 'survey', rule: { kind: 'survey' } }] }],
};
const scored = scoreDocument({
  framework,
  units: ['A', 'B', 'C'].map((code) => ({ code, name: `UBND phường ${code}`, kind: 'ward' })),
  assessments: [
    { unit: 'A', criterion: '1.1', value: 'Có' },
    { unit: 'B', criterion: '1.1', value: 'Có' },
    { unit: 'C', criterion: '1.1', value: 'Không' },
  ],
  surveyIndices: { A: { '1.2': 80 }, B: { '1.2': 76 }, C: { '1.2': 60 } },
  surveyIntervals: { A: { '1.2': [70, 88] }, B: { '1.2': [66, 85] }, C: { '1.2': [55, 65] } },
}).results;

test('the summary table shows each rank with its range', () => {
  current = scored;
  render(
    <FluentProvider theme={webLightTheme}>
      <ComputeView />
    </FluentProvider>,
  );
  const rows = within(screen.getByTestId('summary-table')).getAllByRole('row').slice(1);
  expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['1 (1–2)', '2 (1–2)', '3']);
});
