/** @jest-environment jsdom */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../addin/taskpane/App';
import { OfficeJsPort } from '../../addin/excel/port';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import type { Framework } from '../../engine/model/framework';
import { ExcelDouble } from './excel-double';
import { detectHost, legacyWebview, viewFromUrl, type OfficeGate } from '../../addin/taskpane/host';
import { paneStrings } from '../../addin/taskpane/i18n';

const EXCEL = 'Excel';

/** An Office global that becomes ready `ms` after it is made (never when undefined); every onReady() answers then, as Office's does. */
function officeAnswering(ms: number | undefined, host: unknown = EXCEL): OfficeGate & { calls: number } {
  const ready = new Promise<{ host: unknown }>((resolve) => {
    if (ms !== undefined) setTimeout(() => resolve({ host }), ms);
  });
  const gate = {
    calls: 0,
    HostType: { Excel: EXCEL },
    onReady(): Promise<{ host: unknown }> {
      gate.calls++;
      return ready;
    },
  };
  return gate;
}

describe('the Office gate', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('a slow Excel is waited for, saying so, and asked again; never standalone on a timer', async () => {
    const office = officeAnswering(10_000);
    const waiting: number[] = [];
    const result = detectHost({ office, attemptMs: 3000, onWaiting: (s) => waiting.push(s) });
    await jest.advanceTimersByTimeAsync(9_000);
    expect(waiting).toEqual([3, 6, 9]);
    expect(office.calls).toBe(4);
    await jest.advanceTimersByTimeAsync(1_500);
    await expect(result).resolves.toBe('excel');
  });

  test('the user may go on without Excel while waiting', async () => {
    const office = officeAnswering(undefined);
    let choose: () => void = () => undefined;
    const giveUp = new Promise<void>((r) => (choose = r));
    const result = detectHost({ office, attemptMs: 3000, giveUp });
    await jest.advanceTimersByTimeAsync(7_000);
    choose();
    await expect(result).resolves.toBe('standalone');
  });

  test('no Office.js, or Office.js in a plain browser tab: standalone at once', async () => {
    await expect(detectHost({ office: undefined })).resolves.toBe('standalone');
    const tab = officeAnswering(0, null);
    const r = detectHost({ office: tab });
    await jest.advanceTimersByTimeAsync(1);
    await expect(r).resolves.toBe('standalone');
  });
});

describe('old Office webviews', () => {
  const trident = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16)';
  const edgeHtml = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';
  const webView2 = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91';

  test('Trident and EdgeHTML are recognised; WebView2 (Chromium Edge) is not', () => {
    expect(legacyWebview(trident)).toBe('trident');
    expect(legacyWebview(edgeHtml)).toBe('edgehtml');
    expect(legacyWebview(webView2)).toBeUndefined();
  });

  test('webview-check.js (ES5) shows the catalogue\'s message, Vietnamese first, in place of a blank pane', () => {
    const file = path.join(__dirname, '..', '..', 'addin', 'taskpane', 'webview-check.js');
    const code = fs.readFileSync(file, 'utf8');
    const words = paneStrings['host.legacyWebview'];
    expect(code).toContain(JSON.stringify(words?.vi).slice(1, -1));
    expect(code).toContain(JSON.stringify(words?.en).slice(1, -1));
    // ES5: no arrow functions, let/const, template strings or classes
    expect(code).not.toMatch(/=>|\blet\b|\bconst\b|`|\bclass\b/);
    const ua = window.navigator.userAgent;
    document.body.innerHTML = '<div id="root"><p>Đang tải…</p></div>';
    Object.defineProperty(window.navigator, 'userAgent', { value: trident, configurable: true });
    try {
      new Function(code)();
      const box = document.querySelector('[data-testid="legacy-webview"]');
      expect(box?.textContent).toContain(words?.vi ?? '?');
      expect(box?.querySelectorAll('p')[0]?.getAttribute('lang')).toBe('vi');
    } finally {
      Object.defineProperty(window.navigator, 'userAgent', { value: ua, configurable: true });
      document.body.innerHTML = '';
    }
  });
});

describe('one pane for every ribbon button', () => {
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  beforeAll(() => {
    (globalThis as { ResizeObserver?: unknown }).ResizeObserver = NoResizeObserver;
  });

  test('the view comes from "#view=…" (and "?view=…" of older links)', () => {
    expect(viewFromUrl('', '#view=analyse')).toBe('analyse');
    expect(viewFromUrl('?view=plan', '')).toBe('plan');
    expect(viewFromUrl('?view=plan', '#view=sipas')).toBe('sipas');
    expect(viewFromUrl('', '')).toBeUndefined();
  });

  test('a button pressed while the pane is open switches its view without reloading it', async () => {
    window.location.hash = '#view=compute';
    render(<App host="standalone" initialView="compute" />);
    expect(screen.getByTestId('view-compute')).toBeTruthy();
    const marker = document.querySelector('main');
    await act(async () => {
      window.location.hash = '#view=analyse';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByTestId('view-analyse')).toBeTruthy();
    expect(document.querySelector('main')).toBe(marker); // the same page, not a new one
  });
});

describe('an appraisal saved after the rows moved', () => {
  const framework: Framework = {
    id: 'ui-2023',
    name: 'Bộ tiêu chí',
    year: 2023,
    total: 3,
    nodes: [
      {
        code: '1',
        name: 'Chỉ đạo',
        appliesTo: ['ward'],
        children: [
          { code: '1.1', name: 'Kế hoạch', max: 1, lead: 'NV', rule: { kind: 'yesNo' } },
          { code: '1.2', name: 'Sáng kiến', max: 2, lead: 'VP', rule: { kind: 'points' } },
        ],
      },
    ],
  };
  const units = [
    { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
    { code: 'HD', name: 'UBND phường Hạ Đình', kind: 'ward' },
    { code: 'KM', name: 'UBND phường Khương Mai', kind: 'ward' },
    { code: 'NV', name: 'Phòng Nội vụ', kind: 'office', scored: false },
    { code: 'VP', name: 'Văn phòng', kind: 'office', scored: false },
  ];
  const assessments = [
    { unit: 'KG', criterion: '1.1', value: 'Có' },
    { unit: 'KG', criterion: '1.2', self: 2, appraisal: [1] },
    { unit: 'HD', criterion: '1.1', value: 'Không' },
    { unit: 'HD', criterion: '1.2', self: 2, appraisal: [2] },
    { unit: 'KM', criterion: '1.1', value: 'Có' },
    { unit: 'KM', criterion: '1.2', self: 1, appraisal: [0.5] },
  ];

  test('after a compute and a sort of "Kê khai" in Excel, the score lands in the row of its unit and criterion', async () => {
    const dbl = new ExcelDouble({ Sheet1: [] });
    const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
    await port.write(renderMasterInputSheets({ framework, units, assessments }, { lang: 'vi' }));
    render(<App host="excel" port={port} initialView="compute" />);
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    fireEvent.click(screen.getByTestId('compute'));
    await screen.findByTestId('summary-table', undefined, { timeout: 20_000 });
    // the user sorts the data rows of "Kê khai" by unit code, descending (KM, KG, HD)
    const kk = dbl.sheet('Kê khai');
    if (!kk) throw new Error('no Kê khai');
    const keyRow = [...kk.cells.entries()].filter(([k]) => k.startsWith('2,')).map(([k, c]) => [Number(k.split(',')[1]), c.value] as const);
    const col = (key: string): number => keyRow.find(([, v]) => v === key)?.[0] ?? -1;
    dbl.sortRows('Kê khai', 5, 10, col('unit'), true);
    fireEvent.click(screen.getByTestId('tab-appraise'));
    await screen.findByTestId('appraise-table', undefined, { timeout: 20_000 });
    fireEvent.change(within(screen.getByTestId('view-appraise')).getByRole('combobox'), { target: { value: 'HD' } });
    // HD's round-2 field for 1.2 (the unit change is rendered within fireEvent's act), whatever the layout of the step
    fireEvent.change(await screen.findByLabelText('Thẩm định 2 1.2'), { target: { value: '1,5' } });
    fireEvent.click(screen.getByTestId('appraise-save'));
    await waitFor(() => expect(screen.getByTestId('message').textContent).toBe('Đã ghi 1 tiêu chí.'));
    const rows = [4, 5, 6, 7, 8, 9].map((r) => ({ unit: kk.cells.get(`${r},${col('unit')}`)?.value, criterion: kk.cells.get(`${r},${col('criterion')}`)?.value, round2: kk.cells.get(`${r},${col('appraisal2')}`)?.value }));
    expect(rows.map((r) => r.unit)).toEqual(['KM', 'KM', 'KG', 'KG', 'HD', 'HD']);
    expect(rows.filter((r) => r.round2 === 1.5)).toEqual([{ unit: 'HD', criterion: '1.2', round2: 1.5 }]);
  }, 30_000);
});
