/** @jest-environment jsdom */
/**
 * The pane's small parts: its one number format, what its charts show (as data), and waiting for
 * office.js without blocking the page.
 */
import { change, count, date, fixed, index, parseDate, parseTyped, points, value } from '../../addin/taskpane/fmt';
import { areaProfile, leadLosses, planStatusCounts, rankingBars, sipasAspects, targetOf, uniqueLabels } from '../../addin/taskpane/charts/data';
import { OFFICE_SCRIPT_ID, openedByOffice, waitForOfficeScript } from '../../addin/taskpane/officeScript';
import type { SipasUnitResult, UnitResult } from '../../engine';

describe('one number format', () => {
  test('vi-VN: points "1,5", counts "2.607", indices with two decimals, dates dd/mm/yyyy', () => {
    expect(points(1.5, 'vi')).toBe('1,5');
    expect(points(2.3333, 'vi')).toBe('2,33');
    expect(count(2607, 'vi')).toBe('2.607');
    expect(count(2607, 'en')).toBe('2,607');
    expect(index(50, 'vi')).toBe('50,00%');
    expect(index(91.4285, 'vi')).toBe('91,43%');
    expect(index(100, 'en')).toBe('100.00%');
    expect(fixed(1234.5, 'vi', 2)).toBe('1.234,50');
    expect(change(-1.5, 'vi')).toBe('−1,50');
    expect(change(3.7, 'vi')).toBe('+3,70');
    expect(date('2024-01-05', 'vi')).toBe('05/01/2024');
    expect(value('2023-01-14', 'vi')).toBe('14/01/2023');
    expect(value(0.125, 'vi')).toBe('0,125');
    expect(value({ a: 1.5, b: 'Có' }, 'vi')).toBe('a = 1,5; b = Có');
  });

  test('typed numbers: "1,5" and "1.5" are 1.5; "abc", "1,2,3" and "" are not numbers', () => {
    expect(parseTyped('1,5')).toBe(1.5);
    expect(parseTyped(' 1.5 ')).toBe(1.5);
    expect(parseTyped('50')).toBe(50);
    expect(parseTyped('-2')).toBe(-2);
    expect(parseTyped('abc')).toBeUndefined();
    expect(parseTyped('1,2,3')).toBeUndefined();
    expect(parseTyped('')).toBeUndefined();
    expect(parseTyped('1e3')).toBeUndefined();
  });

  test('typed dates: dd/mm/yyyy (or yyyy-mm-dd) that exist on the calendar', () => {
    expect(parseDate('05/01/2024')).toBe('2024-01-05');
    expect(parseDate('5/1/2024')).toBe('2024-01-05');
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('29/02/2023')).toBeUndefined();
    expect(parseDate('31/04/2024')).toBeUndefined();
    expect(parseDate('2024-01-05')).toBe('2024-01-05');
    expect(parseDate('01/13/2024')).toBeUndefined();
    expect(parseDate('abc')).toBeUndefined();
  });
});

function unit(code: string, name: string, kind: string, rank: number, idx: number, areas: [string, number, number][]): UnitResult {
  return {
    code,
    name,
    kind,
    score: idx,
    max: 100,
    index: idx,
    rank,
    grade: 'A',
    bonus: 0,
    penalty: 0,
    areas: areas.map(([c, score, max]) => ({ code: c, name: `Lĩnh vực ${c}`, score, max, index: max > 0 ? (score / max) * 100 : 0 })),
    gaps: [],
    tree: [],
    missing: [],
  };
}

describe('what the charts show', () => {
  const kg = unit('KG', 'UBND phường Kim Giang', 'ward', 2, 80, [
    ['1', 9, 10],
    ['2', 6, 10],
    ['3', 0, 0],
  ]);
  const hd = unit('HD', 'UBND phường Hạ Đình', 'ward', 1, 90, [
    ['1', 7, 10],
    ['2', 10, 10],
  ]);
  const q = unit('QTX', 'UBND quận Thanh Xuân', 'district', 1, 95, [['1', 10, 10]]);

  test('ranking: best first, short labels, full names for the tooltip', () => {
    expect(rankingBars([kg, hd]).map((b) => [b.label, b.full, b.value])).toEqual([
      ['P. Hạ Đình', 'UBND phường Hạ Đình (HD)', 90],
      ['P. Kim Giang', 'UBND phường Kim Giang (KG)', 80],
    ]);
  });

  test('labels that would read the same get their code', () => {
    const m = uniqueLabels([
      { code: 'A', name: 'UBND phường Kim Giang' },
      { code: 'B', name: 'UBND phường Kim Giang' },
      { code: 'C', name: 'Phòng Nội vụ' },
    ]);
    expect([...m.values()]).toEqual(['P. Kim Giang (A)', 'P. Kim Giang (B)', 'Phòng Nội vụ']);
  });

  test("a unit's area profile: its index by area against the mean of its kind (areas without points left out)", () => {
    // area 1: KG 90, HD 70 → mean 80; area 2: KG 60, HD 100 → mean 80; area 3 has no points for KG
    expect(areaProfile(kg, [kg, hd, q])).toEqual([
      { code: '1', name: 'Lĩnh vực 1', unit: 90, average: 80 },
      { code: '2', name: 'Lĩnh vực 2', unit: 60, average: 80 },
    ]);
  });

  test('lost points by lead unit: largest first, recoverable never above lost, names from the units', () => {
    const rows = leadLosses(
      [
        { key: 'NV', name: '', lost: 3, recoverable: 5, survey: 0, count: 2, units: 2, criteria: ['1.1'] },
        { key: 'VP', name: '', lost: 7.5, recoverable: 2, survey: 0, count: 3, units: 2, criteria: ['1.2'] },
        { key: 'TP', name: '', lost: 0, recoverable: 0, survey: 0, count: 0, units: 0, criteria: [] },
      ],
      new Map([
        ['NV', 'Phòng Nội vụ'],
        ['VP', 'Văn phòng HĐND và UBND quận'],
      ]),
      '—',
    );
    expect(rows.map((r) => [r.lead, r.full, r.lost, r.recoverable])).toEqual([
      ['VP', 'Văn phòng HĐND và UBND quận (VP)', 7.5, 2],
      ['NV', 'Phòng Nội vụ (NV)', 3, 3],
    ]);
  });

  test('SIPAS aspects with their 95% interval (the index itself when there is none); aspects without an index left out', () => {
    const u = {
      unit: 'KG',
      name: 'KG',
      groups: [
        {
          code: 'II',
          aspects: [
            { code: 'II.1', name: 'Tiếp cận dịch vụ', nameEn: 'Access', index: 84.2, low: 80.1, high: 88.3 },
            { code: 'II.2', name: 'Thủ tục hành chính', index: 90, low: null, high: null },
            { code: 'II.3', name: 'Không có phiếu', index: null, low: null, high: null },
          ],
        },
      ],
    } as unknown as SipasUnitResult;
    expect(sipasAspects(u, 'vi')).toEqual([
      { code: 'II.1', name: 'Tiếp cận dịch vụ', index: 84.2, low: 80.1, high: 88.3 },
      { code: 'II.2', name: 'Thủ tục hành chính', index: 90, low: 90, high: 90 },
    ]);
    expect(sipasAspects(u, 'en')[0]?.name).toBe('Access');
  });

  test('plan tasks counted by status, in the register order', () => {
    expect(planStatusCounts([{ status: 'late' }, { status: 'done' }, { status: 'late' }, { status: 'notReported' }])).toEqual([
      { status: 'done', count: 1 },
      { status: 'late', count: 2 },
      { status: 'notReported', count: 1 },
    ]);
  });

  test("the target line is the criteria set's target, else 90", () => {
    expect(targetOf({ framework: { id: 'x', name: 'x', target: 85 } })).toBe(85);
    expect(targetOf({ framework: { id: 'x', name: 'x', target: Number.NaN } })).toBe(90);
  });
});

describe('office.js without blocking the page', () => {
  afterEach(() => {
    document.getElementById(OFFICE_SCRIPT_ID)?.remove();
    jest.useRealTimers();
  });

  function script(): HTMLScriptElement {
    const el = document.createElement('script');
    el.id = OFFICE_SCRIPT_ID;
    el.src = 'https://cdn.invalid/office.js';
    document.head.appendChild(el);
    return el;
  }

  test('Office opened the page: its URL carries _host_Info, or the pane is framed (Excel on the web)', () => {
    expect(openedByOffice('https://localhost:3000/taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0#view=compute', false)).toBe(true);
    expect(openedByOffice('https://localhost:3000/taskpane.html', true)).toBe(true);
    expect(openedByOffice('http://127.0.0.1:8080/taskpane.html?view=compute', false)).toBe(false);
  });

  test('a script that never answers: standalone after the wait, not before', async () => {
    jest.useFakeTimers();
    script();
    let got: string | undefined;
    void waitForOfficeScript({ timeoutMs: 3000, hasOffice: () => false }).then((r) => (got = r));
    await jest.advanceTimersByTimeAsync(2900);
    expect(got).toBeUndefined();
    await jest.advanceTimersByTimeAsync(200);
    expect(got).toBe('timeout');
  });

  test('loaded, failed, already there, or the user went on without Excel', async () => {
    const el = script();
    let office = false;
    const loading = waitForOfficeScript({ timeoutMs: 10_000, hasOffice: () => office });
    office = true;
    el.dispatchEvent(new Event('load'));
    await expect(loading).resolves.toBe('loaded');

    const failing = waitForOfficeScript({ timeoutMs: 10_000, hasOffice: () => false });
    el.dispatchEvent(new Event('error'));
    await expect(failing).resolves.toBe('failed');

    await expect(waitForOfficeScript({ timeoutMs: 10_000, hasOffice: () => true })).resolves.toBe('loaded');

    let giveUp: () => void = () => undefined;
    const gaveUp = waitForOfficeScript({ timeoutMs: 10_000, hasOffice: () => false, giveUp: new Promise<void>((r) => (giveUp = r)) });
    giveUp();
    await expect(gaveUp).resolves.toBe('gaveUp');

    el.remove();
    await expect(waitForOfficeScript({ timeoutMs: 10_000, hasOffice: () => false })).resolves.toBe('failed');
  });
});
