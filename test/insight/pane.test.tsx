/** @jest-environment jsdom */
/**
 * The pane's insight panels, on the hand-computed data of rank-range, appraisal-risk and
 * survey-quality tests: the rank with its range, the risks per unit by points at stake, the
 * quality guard per unit.
 */
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { scoreDocument, scoreDocumentRound, scoreSipas } from '../../engine';
import { RankCertainty } from '../../addin/taskpane/views/RankCertainty';
import { RiskList } from '../../addin/taskpane/views/RiskList';
import { SurveyQuality } from '../../addin/taskpane/views/SurveyQuality';
import { insightStrings } from '../../addin/taskpane/views/insightStrings';
import { isMessageCode } from '../../engine';

const wrap = (ui: JSX.Element): ReturnType<typeof render> => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
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
    { unit: 'B', criterion: '1.1', value: 'Có', self: 50 },
    { unit: 'C', criterion: '1.1', value: 'Không', self: 50, evidence: 'Kế hoạch 17/KH-UBND' },
  ],
  surveyIndices: { A: { '1.2': 80 }, B: { '1.2': 76 }, C: { '1.2': 60 } },
  surveyIntervals: { A: { '1.2': [70, 88] }, B: { '1.2': [66, 85] }, C: { '1.2': [55, 65] } },
};

test('rank certainty: the two close wards with their ranges; the far one is not listed', () => {
  wrap(<RankCertainty results={scoreDocument(doc).results} lang="vi" />);
  const cells = (code: string): string[] => Array.from(screen.getByTestId(`rank-certainty-${code}`).querySelectorAll('td')).map((x) => x.textContent ?? '');
  expect(cells('A')).toEqual(['1 (1–2)', 'P. A', '85,00%–94,00%', '73%']);
  expect(cells('B')[0]).toBe('2 (1–2)');
  expect(screen.queryByTestId('rank-certainty-C')).toBeNull();
});

test('risks: units by points at stake, each criterion in words', () => {
  const round = scoreDocumentRound(doc, { lang: 'vi' });
  wrap(<RiskList issues={round.issues} lang="vi" unitName={(c) => units.find((u) => u.code === c)?.name ?? c} />);
  // C: 50 (above the rule) — B: 50 (full, no evidence); a tie goes by code
  const heads = screen.getAllByTestId(/^risk-unit-/).map((x) => x.getAttribute('data-testid'));
  expect(heads).toEqual(['risk-unit-B', 'risk-unit-C']);
  expect(within(screen.getByTestId('risk-unit-C')).getByText(/1 tiêu chí, 50 điểm có thể bị trừ/)).toBeTruthy();
  // the first unit is open: its risk in words
  expect(within(screen.getByTestId('risk-unit-B')).getByText(/Tự chấm tối đa \(50\/50\) nhưng chưa ghi tài liệu kiểm chứng: có thể mất 50 điểm/)).toBeTruthy();
});

test('survey quality: the burst set aside, both indices', () => {
  const row = (unit: string, a: number[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({ unit, answers: { q1: a[0], q2: a[1], q3: a[2] }, ...extra });
  const { result } = scoreSipas({
    instrument: { id: 'q', name: 'Q', groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'A', items: ['q1', 'q2', 'q3'] }] }] },
    responses: [...['09:00', '09:02', '09:03', '09:05'].map((hm) => row('KG', [5, 5, 5], { device: 'k', at: `2023-10-05T${hm}` })), row('KG', [4, 3, 5]), row('KG', [2, 4, 4]), row('KG', [5, 4, 3]), row('HD', [5, 5, 4])],
  });
  wrap(<SurveyQuality sipas={result} lang="vi" />);
  const cells = Array.from(screen.getByTestId('quality-KG').querySelectorAll('td')).map((x) => x.textContent ?? '');
  expect(cells).toEqual(['KG', '4', '4', '66,67%', '85,71%']);
  expect(screen.queryByTestId('quality-HD')).toBeNull();
});

test('the panels\' words: both languages, same placeholders, no engine message code as a key', () => {
  for (const [key, text] of Object.entries(insightStrings)) {
    expect(isMessageCode(key)).toBe(false);
    const names = (x: string): string[] => [...x.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
    expect([key, names(text.vi)]).toEqual([key, names(text.en)]);
  }
});
