/** @jest-environment jsdom */
/**
 * The pane as an analyst lives in it (issue 13), on the standalone page's workbook (exceljs): messages worded again when
 * the language changes, what-if and appraisal entries marked on their field with the reason, an
 * empty master said to be empty (not a green "scored"), the issue count equal to the list, and
 * any score explained (rule, declared value and source, rounds with reasons, points lost).
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../addin/taskpane/App';
import { ExcelJsPort } from '../../files/port';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import type { Framework } from '../../engine/model/framework';
import type { Assessment } from '../../engine/model/assessment';
import { issueCounts } from '../../addin/taskpane/views/IssueList';
import { issue } from '../../engine';

const framework: Framework = {
  id: 'ux-2023',
  name: 'Bộ tiêu chí giao diện 2023',
  year: 2023,
  total: 3,
  nodes: [
    {
      code: '1',
      name: 'Chỉ đạo, điều hành',
      appliesTo: ['ward'],
      children: [
        { code: '1.1', name: 'Ban hành kế hoạch CCHC', max: 1, lead: 'NV', rule: { kind: 'yesNo' } },
        { code: '1.2', name: 'Sáng kiến cải cách', max: 2, lead: 'VP', rule: { kind: 'points' } },
      ],
    },
  ],
};
const units = [
  { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
  { code: 'HD', name: 'UBND phường Hạ Đình', kind: 'ward' },
  { code: 'KM', name: 'UBND phường Khương Mai', kind: 'ward' },
  { code: 'NV', name: 'Phòng Nội vụ', kind: 'office', scored: false },
  { code: 'VP', name: 'Văn phòng HĐND và UBND quận', kind: 'office', scored: false },
];
const assessments: Assessment[] = [
  { unit: 'KG', criterion: '1.1', value: 'Có' },
  { unit: 'KG', criterion: '1.2', self: 2, appraisal: [1], reason: 'thiếu tài liệu kiểm chứng' },
  { unit: 'HD', criterion: '1.1', value: 'Không' },
  { unit: 'HD', criterion: '1.2', self: 2, appraisal: [2] },
  { unit: 'KM', criterion: '1.1', value: 'Có' },
  { unit: 'KM', criterion: '1.2', self: 1, appraisal: [0.5, 1.5], reason: 'đã bổ sung tài liệu' },
];

/** A master workbook as the standalone page holds it, with its writes counted. */
async function masterWorkbook(data: Assessment[]): Promise<{ port: ExcelJsPort; writes: () => number }> {
  const port = ExcelJsPort.create();
  await port.write(renderMasterInputSheets({ framework, units, assessments: data }, { lang: 'vi' }));
  let writes = 0;
  const write = port.write.bind(port);
  port.write = async (...args) => {
    writes++;
    return write(...args);
  };
  return { port, writes: () => writes };
}

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
beforeAll(() => {
  if (!('ResizeObserver' in window)) Object.defineProperty(window, 'ResizeObserver', { value: NoResizeObserver, configurable: true });
});
// the chart chunk (d3 is ESM-only) does not load under Jest: its boundary says so and the tables stay
let consoleError: jest.SpyInstance;
beforeEach(() => {
  const original = console.error.bind(console);
  consoleError = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (/Cannot use import statement|react-charts|d3-|ChartBoundary|The above error occurred/.test(text)) return;
    original(...args);
  });
});
afterEach(() => consoleError.mockRestore());

async function computed(data: Assessment[] = assessments, view = 'compute'): Promise<void> {
  const { port } = await masterWorkbook(data);
  render(<App host="standalone" port={port} fileName="so-tong-hop.xlsx" initialView={view} />);
  await act(async () => new Promise((r) => setTimeout(r, 50)));
  if (view !== 'compute') fireEvent.click(screen.getByTestId('tab-compute'));
  fireEvent.click(screen.getByTestId('compute'));
  await screen.findByTestId('summary-table', undefined, { timeout: 20_000 });
}

describe('the pane an analyst can live in', () => {
  test('switching language words the last message again', async () => {
    await computed();
    expect(screen.getByTestId('message').textContent).toContain('Đã chấm 3 đơn vị');
    fireEvent.change(screen.getByLabelText('Ngôn ngữ'), { target: { value: 'en' } });
    await waitFor(() => expect(screen.getByTestId('message').textContent).toContain('Scored 3 units'));
    expect(screen.getByTestId('message').textContent).not.toContain('Đã chấm');
  }, 30_000);

  test('indices show two decimals, points up to two, in the vi-VN format', async () => {
    await computed();
    // KM: 1 + 1,5 (round 2) = 2,5 of 3 → 83,33%; HD: 0 + 2 = 2 of 3 → 66,67%
    expect(screen.getByTestId('index-KM').textContent).toBe('83,33%');
    const rows = within(screen.getByTestId('summary-table'))
      .getAllByRole('row')
      .map((r) => r.textContent ?? '');
    expect(rows.some((t) => t.includes('2,5') && t.includes('83,33%'))).toBe(true);
  }, 30_000);

  test('what-if: "abc" and 50 are marked on their field with the reason and do not count; 2 does', async () => {
    await computed();
    fireEvent.click(screen.getByTestId('tab-analyse'));
    const whatIf = await screen.findByTestId('what-if');
    fireEvent.change(within(whatIf).getByRole('combobox'), { target: { value: 'KG' } });
    const field = await screen.findByTestId('whatif-1.2');
    const before = screen.getByTestId('whatif-index').textContent;
    fireEvent.change(field, { target: { value: 'abc' } });
    expect(screen.getByTestId('whatif-problem-1.2').textContent).toBe('1.2: "abc" không phải số; chưa tính giả định này.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('whatif-index').textContent).toBe(before);
    fireEvent.change(field, { target: { value: '50' } });
    expect(screen.getByTestId('whatif-problem-1.2').textContent).toBe('1.2: 50 nằm ngoài [0; 2] (điểm tối đa 2); chưa tính giả định này.');
    expect(screen.getByTestId('whatif-ignored').textContent).toBe('1 giả định chưa hợp lệ nên chưa được tính (xem ô đánh dấu đỏ).');
    // never silently capped to the maximum: the index stays where it was
    expect(screen.getByTestId('whatif-index').textContent).toBe(before);
    fireEvent.change(field, { target: { value: '2' } });
    expect(screen.queryByTestId('whatif-problem-1.2')).toBeNull();
    // KG: 1 + 2 = 3 of 3
    await waitFor(() => expect(screen.getByTestId('whatif-index').textContent).toBe('100,00%'));
  }, 30_000);

  test('appraisal: every bad field is marked with its reason; the message names the unit and each criterion; nothing is written', async () => {
    const { port, writes } = await masterWorkbook(assessments);
    render(<App host="standalone" port={port} fileName="so-tong-hop.xlsx" initialView="appraise" />);
    await screen.findByTestId('appraise-table', undefined, { timeout: 20_000 });
    fireEvent.change(within(screen.getByTestId('view-appraise')).getByRole('combobox'), { target: { value: 'HD' } });
    await screen.findByTestId('appraise-row-1.1');
    fireEvent.change(screen.getByLabelText('Thẩm định 1 1.1'), { target: { value: 'abc' } });
    fireEvent.change(screen.getByLabelText('Thẩm định 2 1.2'), { target: { value: '3' } });
    expect(within(screen.getByTestId('appraise-row-1.1')).getByText('"abc" không phải số; nhập số từ 0 đến 1 (ví dụ 1,5).')).toBeTruthy();
    expect(within(screen.getByTestId('appraise-row-1.2')).getByText('3 nằm ngoài [0; 2]: điểm tối đa của tiêu chí là 2.')).toBeTruthy();
    const before = writes();
    fireEvent.click(screen.getByTestId('appraise-save'));
    const message = await screen.findByTestId('message');
    expect(message.textContent).toContain('2 ô điểm của đơn vị HD chưa hợp lệ (đánh dấu đỏ bên dưới); chưa ghi gì.');
    expect(message.textContent).toContain('Đơn vị HD, tiêu chí 1.1: điểm "abc" không phải số trong [0; 1].');
    expect(message.textContent).toContain('Đơn vị HD, tiêu chí 1.2: điểm "3" không phải số trong [0; 2].');
    expect(writes()).toBe(before);
  }, 30_000);

  test('an empty master says no unit has submitted, at once and after compute, instead of a green "scored"', async () => {
    const { port } = await masterWorkbook([]);
    render(<App host="standalone" port={port} fileName="so-tong-hop.xlsx" initialView="compute" />);
    const opened = await screen.findByTestId('message', undefined, { timeout: 20_000 });
    expect(opened.textContent).toContain('Sổ có 3 đơn vị nhưng chưa đơn vị nào nộp số liệu.');
    fireEvent.click(screen.getByTestId('compute'));
    await screen.findByTestId('summary-table', undefined, { timeout: 20_000 });
    const after = screen.getByTestId('message');
    expect(after.textContent).toContain('Chưa đơn vị nào nộp số liệu');
    expect(after.textContent).not.toContain('Đã chấm');
    // a warning pointing to the step that fills the master
    expect(screen.getByTestId('message-goto').textContent).toBe('Đến bước "Nhận & kiểm tra"');
    fireEvent.click(screen.getByTestId('message-goto'));
    expect(await screen.findByTestId('view-collect')).toBeTruthy();
  }, 30_000);

  test('the issue count header adds up to the list it heads', () => {
    const list = [
      issue('rule.unknownKind', { kind: 'x', known: 'y' }, { unit: 'KG' }),
      issue('rule.unknownKind', { kind: 'x', known: 'y' }, { unit: 'KG' }, 'warning'),
      issue('rule.unknownKind', { kind: 'x', known: 'y' }, { unit: 'HD' }, 'info'),
    ];
    expect(issueCounts(list, 'vi')).toBe('3 vấn đề · 1 lỗi · 1 cảnh báo · 1 ghi chú');
    expect(issueCounts(list.slice(0, 1), 'en')).toBe('1 issues · 1 errors');
  });

  test("explain: a unit's index opens its areas and lost criteria; a criterion shows its rule, rounds with reasons, points lost", async () => {
    await computed();
    fireEvent.click(within(screen.getByTestId('index-KM')).getByRole('button'));
    const unit = await screen.findByTestId('explain-unit');
    expect(unit.textContent).toContain('UBND phường Khương Mai (KM): 2,5/3 điểm, chỉ số 83,33%');
    expect(unit.textContent).toContain('Chỉ số = điểm ÷ điểm tối đa của các tiêu chí áp dụng × 100 = 2,5 ÷ 3 × 100.');
    fireEvent.click(screen.getByTestId('explain-gap-1.2'));
    const crit = await screen.findByTestId('explain-criterion');
    const text = crit.textContent ?? '';
    // the engine's explanation (parindex explain): both rounds with the reason, the one that counts, the rule, points lost
    expect(text).toContain('1.2');
    expect(text).toContain('đã bổ sung tài liệu');
    expect(text).toMatch(/0,5/);
    expect(text).toMatch(/1,5/);
    expect(text).toMatch(/0,5.*1,5/s);
    fireEvent.click(screen.getByTestId('explain-back'));
    expect(await screen.findByTestId('explain-unit')).toBeTruthy();
  }, 30_000);
});
