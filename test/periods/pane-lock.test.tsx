/** @jest-environment jsdom */
/**
 * "Chốt điểm" in the task pane (issue 16), on the standalone page's workbook (exceljs): closing a
 * round after the confirmation writes "Chốt điểm" into the workbook; a later import of that round
 * is refused in "Nhận & kiểm tra" with the engine's message naming the round; an appraisal of a
 * closed appraisal round is refused in "Thẩm định"; reopening without a reason is refused on its
 * field, with one it is done; the audit log holds both acts.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../addin/taskpane/App';
import { sheetsNeeded } from '../../addin/taskpane/engine';
import { lockStrings } from '../../addin/taskpane/views/lockStrings';
import { lastActs, when } from '../../addin/taskpane/views/LockPanel';
import { ExcelJsPort } from '../../files/port';
import { fillTemplate, type TemplateAnswer } from '../../files/templates';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import { buildTemplates, isMessageCode } from '../../engine';
import type { Framework } from '../../engine/model/framework';
import type { Assessment } from '../../engine/model/assessment';

const framework: Framework = {
  id: 'lock-2025',
  name: 'Bộ tiêu chí chốt điểm 2025',
  year: 2025,
  total: 3,
  nodes: [
    {
      code: '1',
      name: 'Chỉ đạo, điều hành',
      appliesTo: ['ward'],
      children: [
        { code: '1.1', name: 'Ban hành kế hoạch CCHC', max: 1, lead: 'NV', rule: { kind: 'yesNo' } },
        { code: '1.2', name: 'Sáng kiến cải cách', max: 2, lead: 'NV', rule: { kind: 'points' } },
      ],
    },
  ],
};
const units = [
  { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
  { code: 'HD', name: 'UBND phường Hạ Đình', kind: 'ward' },
  { code: 'NV', name: 'Phòng Nội vụ', kind: 'office', scored: false },
];
const assessments: Assessment[] = [
  { unit: 'KG', criterion: '1.1', value: 'Có', self: 1, evidence: 'Kế hoạch 15/KH-UBND' },
  { unit: 'KG', criterion: '1.2', self: 2, evidence: 'Báo cáo 20/BC-UBND', appraisal: [1], reason: 'thiếu tài liệu kiểm chứng' },
  { unit: 'HD', criterion: '1.1', value: 'Không', self: 0 },
  { unit: 'HD', criterion: '1.2', self: 2, evidence: 'Báo cáo 21/BC-UBND', appraisal: [2] },
];

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
beforeAll(() => {
  if (!('ResizeObserver' in window)) Object.defineProperty(window, 'ResizeObserver', { value: NoResizeObserver, configurable: true });
  // jsdom leaves out the text codecs a browser has (the .xlsx reader decodes with them)
  if (typeof globalThis.TextDecoder === 'undefined') Object.assign(globalThis, { TextDecoder: NodeTextDecoder, TextEncoder: NodeTextEncoder });
  // jsdom's Blob may lack arrayBuffer(): read it as the browser does
  if (typeof Blob.prototype.arrayBuffer !== 'function') {
    Object.defineProperty(Blob.prototype, 'arrayBuffer', {
      configurable: true,
      value(this: Blob): Promise<ArrayBuffer> {
        return new Promise((resolve, reject) => {
          const r = new FileReader();
          r.onload = () => resolve(r.result as ArrayBuffer);
          r.onerror = () => reject(r.error);
          r.readAsArrayBuffer(this);
        });
      },
    });
  }
});
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

async function openPane(view: string): Promise<ExcelJsPort> {
  const port = ExcelJsPort.create();
  await port.write(renderMasterInputSheets({ framework, units, assessments }, { lang: 'vi' }));
  render(<App host="standalone" port={port} fileName="so-tong-hop.xlsx" initialView={view} />);
  await screen.findByTestId('lock-panel', undefined, { timeout: 20_000 });
  return port;
}

/** A unit's template made from the master, filled with `answers`, as the file a unit sends back. */
async function filledFile(port: ExcelJsPort, unit: string, answers: TemplateAnswer[]): Promise<File> {
  const snaps = await port.read((await port.listSheets()).map((s) => s.name));
  const tpl = buildTemplates(snaps, { lang: 'vi', file: 'so-tong-hop.xlsx', now: '2025-11-01T08:00' }).templates.find((t) => t.unit.code === unit);
  if (!tpl) throw new Error(`no template for ${unit}`);
  const out = ExcelJsPort.create();
  await out.write(tpl.sheets);
  const f = await fillTemplate(await out.toBuffer(), answers);
  const copy = new Uint8Array(f.bytes.byteLength);
  copy.set(f.bytes);
  return new File([copy.buffer], tpl.fileName, { lastModified: new Date(2025, 10, 20, 9, 0).getTime() });
}

async function rows(port: ExcelJsPort, sheet: string): Promise<unknown[][]> {
  const [snap] = await port.read([sheet]);
  return (snap?.values ?? []).map((r) => r ?? []);
}

/** Open the round's dialog, type who (and a reason), confirm. */
async function act_(round: string, action: 'lock' | 'reopen', fill: { by?: string; reason?: string } = {}): Promise<HTMLElement> {
  fireEvent.click(screen.getByTestId(`${action}-${round}`));
  const dialog = await screen.findByTestId('lock-dialog');
  if (fill.by !== undefined) fireEvent.change(within(dialog).getByTestId('lock-by'), { target: { value: fill.by } });
  if (fill.reason !== undefined) fireEvent.change(within(dialog).getByTestId('lock-reason'), { target: { value: fill.reason } });
  fireEvent.click(within(dialog).getByTestId('lock-confirm'));
  return dialog;
}

const WHEN = '\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}';

describe('closing a round from the pane', () => {
  test('close → "Chốt điểm" in the workbook, an import of the round refused naming it; reopen needs a reason; both logged', async () => {
    const port = await openPane('compute');
    expect(screen.getByTestId('lock-status-selfAssessment').textContent).toBe('Đang mở');

    // the confirmation says what closing means; cancelling writes nothing
    fireEvent.click(screen.getByTestId('lock-selfAssessment'));
    const ask = await screen.findByTestId('lock-dialog');
    expect(ask.textContent).toContain('Chốt vòng Tự đánh giá?');
    expect(ask.textContent).toContain('Sau khi chốt, không nhận thêm biểu mẫu hoặc thẩm định của vòng này.');
    fireEvent.click(within(ask).getByTestId('lock-cancel'));
    await waitFor(() => expect(screen.queryByTestId('lock-dialog')).toBeNull());
    expect((await port.listSheets()).map((s) => s.name)).not.toContain('Chốt điểm');

    await act_('selfAssessment', 'lock', { by: 'Phòng Nội vụ' });
    await waitFor(() => expect(screen.getByTestId('message').textContent).toMatch(new RegExp(`Đã chốt vòng Tự đánh giá lúc ${WHEN}\\.`)), { timeout: 20_000 });
    expect(screen.getByTestId('message').textContent).toContain('Tải sổ về để giữ thay đổi.');
    await waitFor(() => expect(screen.getByTestId('lock-status-selfAssessment').textContent).toMatch(new RegExp(`^Đã chốt lúc ${WHEN} bởi Phòng Nội vụ$`)));
    const locks = await rows(port, 'Chốt điểm');
    const lockRow = locks.find((r) => r[0] === 'selfAssessment');
    expect(lockRow?.slice(2, 5)).toEqual(['chốt', expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/), 'Phòng Nội vụ']);
    expect(lockRow?.[6]).toMatch(/^[0-9a-f]{64}$/);

    // a unit's file that changes the closed round: refused with the engine's message, the master unchanged
    const changed = await filledFile(port, 'KG', [
      { criterion: '1.1', value: 'Không', self: 0, evidence: 'Kế hoạch 15/KH-UBND' },
      { criterion: '1.2', self: 2, evidence: 'Báo cáo 20/BC-UBND' },
    ]);
    fireEvent.click(screen.getByTestId('tab-collect'));
    fireEvent.change(await screen.findByTestId('collect-files'), { target: { files: [changed] } });
    const summary = await screen.findByTestId('collect-summary', undefined, { timeout: 20_000 });
    expect(summary.textContent).toContain('1 tệp · 0 nhập đủ · 0 nhập một phần · 1 bị từ chối');
    const refusal = new RegExp(`Vòng tự đánh giá đã chốt lúc ${WHEN} bởi Phòng Nội vụ: tệp "${changed.name.replace(/\./g, '\\.')}" thay đổi 2 ô của vòng này \\(đầu tiên: tiêu chí 1\\.1 của đơn vị KG\\); tệp không được nhập`);
    await waitFor(() => expect(document.body.textContent).toMatch(refusal));
    const sub = await rows(port, 'Kê khai');
    const keys = sub.find((r) => r.includes('unit') && r.includes('value')) ?? [];
    expect(sub.find((r) => r[keys.indexOf('unit')] === 'KG' && r[keys.indexOf('criterion')] === '1.1')?.[keys.indexOf('value')]).toBe('Có');

    // reopening: an empty reason is refused on its field and writes nothing
    fireEvent.click(screen.getByTestId('tab-compute'));
    await screen.findByTestId('lock-panel');
    const before = (await rows(port, 'Chốt điểm')).filter((r) => r[0] === 'selfAssessment').length;
    const dialog = await act_('selfAssessment', 'reopen', { reason: '   ', by: 'Phòng Nội vụ' });
    const reason = within(dialog).getByTestId('lock-reason');
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(dialog.textContent).toContain('Hãy ghi lý do mở lại vòng Tự đánh giá.');
    expect((await rows(port, 'Chốt điểm')).filter((r) => r[0] === 'selfAssessment').length).toBe(before);
    // with a reason it is done
    fireEvent.change(reason, { target: { value: 'Phường bổ sung văn bản' } });
    expect(reason.getAttribute('aria-invalid')).not.toBe('true');
    fireEvent.click(within(dialog).getByTestId('lock-confirm'));
    await waitFor(() => expect(screen.getByTestId('message').textContent).toMatch(new RegExp(`Đã mở lại vòng Tự đánh giá lúc ${WHEN}; lý do: Phường bổ sung văn bản\\.`)), { timeout: 20_000 });
    await waitFor(() => expect(screen.getByTestId('lock-status-selfAssessment').textContent).toMatch(new RegExp(`^Mở lại lúc ${WHEN} bởi Phòng Nội vụ · Đang mở$`)));

    // the audit log: the closing with its hash, the reopening with its reason
    const log = (await rows(port, 'Nhật ký nhập')).filter((r) => r[5] === 'lock' || r[5] === 'reopen');
    expect(log.map((r) => [r[2], r[4], r[5], r[6], String(r[7]).replace(/[0-9a-f]{64}/, '<hash>')])).toEqual([
      ['Phòng Nội vụ', 'selfAssessment', 'lock', 'mở', 'chốt · SHA-256 <hash>'],
      ['Phòng Nội vụ', 'selfAssessment', 'reopen', 'chốt', 'mở lại · Phường bổ sung văn bản'],
    ]);

    // reopened, the same file is imported
    fireEvent.click(screen.getByTestId('tab-collect'));
    fireEvent.change(await screen.findByTestId('collect-files'), { target: { files: [changed] } });
    await waitFor(() => expect(screen.getByTestId('message').textContent).toMatch(/^Đã cập nhật trang Kê khai \(\d+ thay đổi\)\./), { timeout: 20_000 });
    const after = await rows(port, 'Kê khai');
    expect(after.find((r) => r[keys.indexOf('unit')] === 'KG' && r[keys.indexOf('criterion')] === '1.1')?.[keys.indexOf('value')]).toBe('Không');
  }, 60_000);

  test('a closed appraisal round refuses a changed point in "Thẩm định" with the located message', async () => {
    await openPane('compute');
    await act_('appraisal1', 'lock');
    await waitFor(() => expect(screen.getByTestId('lock-status-appraisal1').textContent).toMatch(/^Đã chốt lúc/), { timeout: 20_000 });
    fireEvent.click(screen.getByTestId('tab-appraise'));
    const field = await screen.findByLabelText('Thẩm định 1 1.2');
    fireEvent.change(field, { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('appraise-save'));
    await waitFor(() => expect(screen.getByTestId('message').textContent).toMatch(new RegExp(`Vòng thẩm định lần 1 đã chốt lúc ${WHEN}: không sửa điểm tiêu chí 1\\.2 của đơn vị KG`)), { timeout: 20_000 });
    expect(screen.getByTestId('message').textContent).toContain('Đã ghi 0 tiêu chí.');
  }, 60_000);

  test('in English', async () => {
    await openPane('compute');
    fireEvent.change(screen.getByLabelText('Ngôn ngữ'), { target: { value: 'en' } });
    await waitFor(() => expect(screen.getByTestId('lock-status-appraisal2').textContent).toBe('Open'));
    expect(screen.getByTestId('lock-appraisal2').textContent).toBe('Close round');
    await act(async () => new Promise((r) => setTimeout(r, 0)));
  }, 60_000);
});

describe('the panel\'s parts', () => {
  test('the lock sheet is read from Excel with the master (also without diacritics)', () => {
    expect(sheetsNeeded(['Đơn vị', 'Chốt điểm', 'Ghi chú của tôi'])).toEqual(['Đơn vị', 'Chốt điểm']);
    expect(sheetsNeeded(['chot diem'])).toEqual(['chot diem']);
  });

  test('times in both languages; the last act of a round decides', () => {
    expect(when('2025-12-01T16:30', 'vi')).toBe('01/12/2025 16:30');
    expect(when('2025-12-01T16:30', 'en')).toBe('2025-12-01 16:30');
    const last = lastActs([
      { round: 'selfAssessment', action: 'lock', at: '2025-12-01T16:30' },
      { round: 'selfAssessment', action: 'reopen', at: '2025-12-03T08:00', reason: 'bổ sung' },
      { round: 'appraisal1', action: 'lock', at: '2025-12-05T10:00' },
    ]);
    expect([last.get('selfAssessment')?.action, last.get('appraisal1')?.action, last.get('appraisal2')]).toEqual(['reopen', 'lock', undefined]);
  });

  test('the panel\'s words: both languages, same placeholders, no engine message code as a key', () => {
    for (const [key, text] of Object.entries(lockStrings)) {
      expect(isMessageCode(key)).toBe(false);
      const names = (x: string): string[] => [...x.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
      expect([key, names(text.vi)]).toEqual([key, names(text.en)]);
    }
  });
});
