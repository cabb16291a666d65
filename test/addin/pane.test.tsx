/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../addin/taskpane/App';
import { OfficeJsPort } from '../../addin/excel/port';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import type { Framework } from '../../engine/model/framework';
import type { Assessment } from '../../engine/model/assessment';
import { ExcelDouble } from './excel-double';
import JSZip from 'jszip';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import * as files from '../../addin/taskpane/files';

// A small criteria set: two ward leaves, 3 points in all.
const framework: Framework = {
  id: 'ui-2023',
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

/**
 * Hand-computed (max 3 per ward):
 *   KG: 1.1 "Có" → 1; 1.2 appraisal 1 → 1; 2/3 = 66,67%
 *   HD: 1.1 "Không" → 0; 1.2 appraisal 2 → 2; 2/3 = 66,67% (tied with KG: both rank 1)
 *   KM: 1.1 "Có" → 1; 1.2 appraisal 0,5 → 0,5; 1,5/3 = 50% (rank 3)
 */
const assessments: Assessment[] = [
  { unit: 'KG', criterion: '1.1', value: 'Có' },
  { unit: 'KG', criterion: '1.2', self: 2, appraisal: [1], reason: 'thiếu tài liệu kiểm chứng' },
  { unit: 'HD', criterion: '1.1', value: 'Không' },
  { unit: 'HD', criterion: '1.2', self: 2, appraisal: [2] },
  { unit: 'KM', criterion: '1.1', value: 'Có' },
  { unit: 'KM', criterion: '1.2', self: 1, appraisal: [0.5] },
];

async function excelWithMaster(data: Assessment[]): Promise<{ dbl: ExcelDouble; port: OfficeJsPort }> {
  const dbl = new ExcelDouble({ Sheet1: [] });
  const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
  await port.write(renderMasterInputSheets({ framework, units, assessments: data }, { lang: 'vi' }));
  return { dbl, port };
}

// jsdom has no ResizeObserver (Fluent's TabList measures its tabs); a no-op one is enough here
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
beforeAll(() => {
  if (!('ResizeObserver' in window)) Object.defineProperty(window, 'ResizeObserver', { value: NoResizeObserver, configurable: true });
  // browsers have TextEncoder (the docx writer uses it); jsdom's window lacks it
  if (!('TextEncoder' in globalThis)) Object.assign(globalThis, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder });
});

describe('task pane in Excel (over the Excel double)', () => {
  test('compute: one click scores, writes result sheets in ≤ 3 syncs and shows vi-VN indices; what-if moves a unit live', async () => {
    const { dbl, port } = await excelWithMaster(assessments);
    render(<App host="excel" port={port} initialView="compute" />);
    expect(screen.getByText('Đang làm việc trên sổ Excel đang mở')).toBeTruthy();
    // the pane reads the master once when it opens
    await waitFor(() => expect(dbl.stats.syncs).toBeGreaterThanOrEqual(2));
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    dbl.resetStats();
    fireEvent.click(screen.getByTestId('compute'));
    await screen.findByTestId('summary-table', undefined, { timeout: 20_000 });
    expect(dbl.stats.syncs).toBeLessThanOrEqual(3);
    expect(screen.getByTestId('index-KG').textContent).toBe('66,67%');
    expect(screen.getByTestId('index-HD').textContent).toBe('66,67%');
    expect(screen.getByTestId('index-KM').textContent).toBe('50,00%');
    expect(screen.getByTestId('message').textContent).toContain('Đã chấm 3 đơn vị');
    expect(dbl.sheet('Xếp hạng')).toBeDefined();
    expect(dbl.sheet('Kết quả')).toBeDefined();

    fireEvent.click(screen.getByTestId('tab-analyse'));
    const ranking = await screen.findByTestId('ranking-ward');
    const rows = within(ranking).getAllByRole('row').map((r) => r.textContent ?? '');
    expect(rows[1]).toMatch(/^1P\. /);
    expect(rows[3]).toMatch(/^3P\. Khương Mai50,00%/);
    // what-if: KM gets the full 2 points on 1.2 → (1 + 2)/3 = 100%, rank 1
    const whatIf = screen.getByTestId('what-if');
    fireEvent.change(within(whatIf).getByRole('combobox'), { target: { value: 'KM' } });
    fireEvent.change(await screen.findByTestId('whatif-1.2'), { target: { value: '2' } });
    await waitFor(() => expect(screen.getByTestId('whatif-index').textContent).toBe('100,00%'));
    expect(screen.getByTestId('whatif-rank').textContent).toBe('1');
    expect(screen.getByTestId('whatif-grade').textContent).toBe('A');
    // gaps by lead: VP lost 1 (KG) + 1,5 (KM) = 2,5 on 1.2; NV lost 1 (HD) on 1.1
    const byLead = within(screen.getByTestId('by-lead')).getAllByRole('row').map((r) => r.textContent ?? '');
    expect(byLead.some((t) => t.startsWith('VP') && t.includes('2,5'))).toBe(true);
    expect(byLead.some((t) => t.startsWith('NV') && t.includes('1'))).toBe(true);
  }, 30_000);

  test('compute → "Tải báo cáo (.docx)": the report the CLI writes, built from the round the pane holds', async () => {
    const { port } = await excelWithMaster(assessments);
    const saved: { bytes: Uint8Array; name: string; mime?: string }[] = [];
    const spy = jest.spyOn(files, 'saveBytes').mockImplementation((bytes, name, mime) => void saved.push({ bytes, name, ...(mime ? { mime } : {}) }));
    try {
      render(<App host="excel" port={port} initialView="compute" />);
      await act(async () => new Promise((r) => setTimeout(r, 50)));
      fireEvent.click(screen.getByTestId('compute'));
      await screen.findByTestId('summary-table', undefined, { timeout: 20_000 });
      fireEvent.click(screen.getByText('Tải báo cáo (.docx)'));
      await waitFor(() => expect(saved).toHaveLength(1), { timeout: 20_000 });
      expect(saved[0]?.name).toMatch(/-bao-cao\.docx$/);
      expect(saved[0]?.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const zip = await JSZip.loadAsync(saved[0]?.bytes ?? new Uint8Array());
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(xml).toContain('UBND phường Khương Mai');
      expect(xml).toContain('66,67%');
      expect(Object.keys(zip.files).some((f) => /^word\/charts\/chart\d+\.xml$/.test(f))).toBe(true);
    } finally {
      spy.mockRestore();
    }
  }, 30_000);

  test('an input error blocks the compute; its issue is a link that selects the cell in Excel', async () => {
    const bad = assessments.map((a) => (a.unit === 'KM' && a.criterion === '1.2' ? { ...a, appraisal: [5] } : a));
    const { dbl, port } = await excelWithMaster(bad);
    render(<App host="excel" port={port} initialView="compute" />);
    await waitFor(() => expect(dbl.stats.syncs).toBeGreaterThanOrEqual(2));
    fireEvent.click(screen.getByTestId('compute'));
    const message = await screen.findByTestId('message', undefined, { timeout: 20_000 });
    expect(message.textContent).toMatch(/Chưa tính được/);
    const issues = screen.getByTestId('issues');
    expect(dbl.sheet('Xếp hạng')).toBeUndefined();
    const link = within(issues)
      .getAllByRole('button')
      .find((b) => /KM/.test(b.textContent ?? '') && /1\.2/.test(b.textContent ?? ''));
    expect(link).toBeDefined();
    if (link) fireEvent.click(link);
    await waitFor(() => expect(dbl.active?.sheet).toBe('Kê khai'));
    expect(dbl.active?.cell).toMatch(/^[A-Z]+\d+$/);
  }, 30_000);

  test('an Excel failure reaches the user as a located, actionable message', async () => {
    const { dbl, port } = await excelWithMaster(assessments);
    render(<App host="excel" port={port} initialView="compute" />);
    await waitFor(() => expect(dbl.stats.syncs).toBeGreaterThanOrEqual(2));
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    // the user is editing a cell: Excel refuses the batch
    dbl.failNextSync = { code: 'ActivityLimitReached', message: 'Excel is in cell-editing mode', location: 'Workbook.worksheets' };
    fireEvent.click(screen.getByTestId('compute'));
    const msg = await screen.findByTestId('message', undefined, { timeout: 20_000 });
    expect(msg.getAttribute('role')).toBe('alert');
    expect(msg.textContent).toContain('Excel đang bận (đang sửa ô hoặc đang tính). Hãy thoát chế độ sửa ô (Enter hoặc Esc) rồi thử lại.');
    expect(msg.textContent).toContain('Chi tiết: listSheets: ActivityLimitReached at Workbook.worksheets Excel is in cell-editing mode');
    // and the next try works
    fireEvent.click(screen.getByTestId('compute'));
    await screen.findByTestId('summary-table', undefined, { timeout: 20_000 });
  }, 30_000);

  test('appraise: a round-2 score with its reason is written to "Kê khai" and changes the next compute', async () => {
    const { dbl, port } = await excelWithMaster(assessments);
    render(<App host="excel" port={port} initialView="appraise" />);
    const table = await screen.findByTestId('appraise-table', undefined, { timeout: 20_000 });
    expect(screen.getByTestId('appraise-status').textContent).toBe('3/6 tiêu chí đã thẩm định');
    fireEvent.change(within(screen.getByTestId('view-appraise')).getByRole('combobox'), { target: { value: 'KM' } });
    await waitFor(() => expect(within(table).getAllByRole('listitem').length).toBe(2));
    // a score above the maximum is refused: marked on its field with the reason, and a message naming the unit
    fireEvent.change(screen.getByLabelText('Thẩm định 2 1.2'), { target: { value: '2,5' } });
    expect(within(screen.getByTestId('appraise-row-1.2')).getByText('2,5 nằm ngoài [0; 2]: điểm tối đa của tiêu chí là 2.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('appraise-save'));
    expect((await screen.findByTestId('message')).textContent).toBe('Đơn vị KM, tiêu chí 1.2: điểm "2,5" không phải số trong [0; 2].');
    // round 2 after the unit's explanation: 1,5 → KM = (1 + 1,5)/3 = 83,33%
    fireEvent.change(screen.getByLabelText('Thẩm định 2 1.2'), { target: { value: '1,5' } });
    fireEvent.change(screen.getByLabelText('Lý do 1.2'), { target: { value: 'đã bổ sung tài liệu' } });
    fireEvent.click(screen.getByTestId('appraise-save'));
    await waitFor(() => expect(screen.getByTestId('message').textContent).toBe('Đã ghi 1 tiêu chí.'));
    fireEvent.click(screen.getByTestId('tab-compute'));
    fireEvent.click(screen.getByTestId('compute'));
    await screen.findByTestId('summary-table', undefined, { timeout: 20_000 });
    expect(screen.getByTestId('index-KM').textContent).toBe('83,33%');
    expect(screen.getByTestId('index-KG').textContent).toBe('66,67%');
    expect(dbl.sheet('Kê khai')).toBeDefined();
  }, 30_000);

  test('templates: unit codes that would share a file name block the downloads, with the located reason', async () => {
    const dbl = new ExcelDouble({ Sheet1: [] });
    const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
    const clashing = [...units, { code: 'kg', name: 'UBND phường Kim Giang (trùng)', kind: 'ward' }];
    await port.write(renderMasterInputSheets({ framework, units: clashing, assessments }, { lang: 'vi' }));
    render(<App host="excel" port={port} initialView="templates" />);
    const blocked = await screen.findByTestId('templates-blocked', undefined, { timeout: 20_000 });
    expect(blocked.textContent).toMatch(/trang 'Đơn vị'!A\d+ \(đơn vị kg\): Mã đơn vị "kg" cho cùng tên tệp biểu mẫu "tu-danh-gia-KG\.xlsx" với mã "KG"/);
    expect((screen.getByTestId('templates-zip') as HTMLButtonElement).disabled).toBe(true);
  }, 30_000);

  test('English switch relabels the steps', async () => {
    const { port } = await excelWithMaster(assessments);
    render(<App host="excel" port={port} initialView="setup" />);
    fireEvent.change(screen.getByLabelText('Ngôn ngữ'), { target: { value: 'en' } });
    expect((await screen.findAllByText('Collect & check')).length).toBeGreaterThan(0);
    expect(screen.getByText('Working on the open Excel workbook')).toBeTruthy();
  });
});
