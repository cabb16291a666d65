/**
 * The demo shows rounds and years on the bundled sample (issue 16): previous results of 2021 and
 * 2022 in "Năm trước", the view over 2021–2023 ("Qua các năm" in results.xlsx), last year's
 * criterion points on last year's codes mapped by the criteria rows of "Chuyển đổi đơn vị" so the
 * appraisal-risk check warns on TXT 1.5.8 (1.6.6 last year), and QR-code answers with device and
 * time of which the survey-quality guard sets a burst aside. The 2025 crosswalk sample fits the
 * demo's wards: it is what the 2025 master applies to these 2023 results.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runDemo, demoSample } from '../../files/demo/run';
import { demoSummary } from '../../files/demo/summary';
import { ExcelJsPort } from '../../files/port';
import { applyCrosswalk, crosswalkEntrySchema } from '../../engine/periods';
import { builtinUnits } from '../../engine';
import crosswalk2025 from '../../samples/crosswalk-thanh-xuan-2025.json';

let dir = '';
let r: Awaited<ReturnType<typeof runDemo>>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parindex-periods-demo-'));
  r = await runDemo(dir, { lang: 'vi' });
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the demo with history', () => {
  test('previous results of 2021 and 2022: the view over 2021–2023, change against 2022', () => {
    expect(new Set(demoSample.previous.map((p) => p.year))).toEqual(new Set([2021, 2022]));
    expect(r.results?.years?.years).toEqual([2021, 2022, 2023]);
    const hd = r.results?.years?.units.find((u) => u.unit === 'HD');
    const given = (year: number): unknown => {
      const p = demoSample.previous.find((x) => x.unit === 'HD' && x.year === year);
      return p && { index: p.index, rank: p.rank };
    };
    expect(hd?.byYear['2021']).toEqual(given(2021));
    expect(hd?.byYear['2022']).toEqual(given(2022));
    const unit = r.results?.units.find((u) => u.code === 'HD');
    expect(hd?.byYear['2023']).toEqual({ index: unit?.index, rank: unit?.rank });
    expect(unit?.previous?.index).toBe(demoSample.previous.find((x) => x.unit === 'HD' && x.year === 2022)?.index);
  });

  test('results.xlsx has "Qua các năm"; the summary names it, the risk and the burst', async () => {
    const port = await ExcelJsPort.fromBuffer(fs.readFileSync(r.files.results));
    expect((await port.listSheets()).map((s) => s.name)).toContain('Qua các năm');
    const text = r.results ? demoSummary(r.results, 'vi', { ...(r.sipas ? { sipas: r.sipas } : {}), status: r.status }) : '';
    expect(text).toContain('Qua các năm 2021–2023: trang "Qua các năm" của results.xlsx');
    expect(text).toContain('(mã tiêu chí năm trước qua trang "Chuyển đổi đơn vị"): TXT 1.5.8');
    expect(text).toContain('Phiếu khảo sát bị để riêng (cùng thiết bị, cùng câu trả lời trong vài phút…): KG 4');
  });

  test('last year\'s 1.6.6 is this year\'s 1.5.8: TXT claims 2 against 1,5 with the same value and document', () => {
    const risk = r.issues.filter((i) => i.code === 'risk.aboveLastYear');
    // at import on the filled template's cell, at scoring on "Kê khai"
    expect(risk.map((i) => [i.unit, i.criterion, i.sheet, i.params?.['last'], i.params?.['self']])).toEqual([
      ['TXT', '1.5.8', 'Tự đánh giá', 1.5, 2],
      ['TXT', '1.5.8', 'Kê khai', 1.5, 2],
    ]);
    expect(r.issues.some((i) => i.code.startsWith('crosswalk.'))).toBe(false);
  });

  test('the QR-code burst at KG (4 answers in 7 minutes, one device) is set aside; the time cells are dates', () => {
    const kg = r.sipas?.units.find((u) => u.unit === 'KG');
    expect(kg?.quality).toMatchObject({ flagged: 4, setAside: 4, reasons: { burst: 4 } });
    expect(r.issues.some((i) => i.code === 'workbook.dateAsText')).toBe(false);
  });
});

describe('the 2025 crosswalk sample fits the demo\'s wards', () => {
  const entries = crosswalkEntrySchema.array().parse(crosswalk2025.crosswalk);
  const wards = builtinUnits.filter((u) => u.kind === 'ward').map((u) => u.code);

  test('every old ward of the demo is mapped, no other code, no share total above 1', () => {
    expect([...new Set(entries.map((e) => e.from))].sort()).toEqual([...wards].sort());
    const totals = new Map<string, number>();
    for (const e of entries) totals.set(e.from, (totals.get(e.from) ?? 0) + e.share);
    for (const total of totals.values()) expect(total).toBeLessThanOrEqual(1 + 1e-9);
  });

  test('the demo\'s 2023 results on the 2025 wards: Phương Liệt = (PL×1 + KM×0,8 + KTR×0,5 + KG×0,2) ÷ 2,5', () => {
    const idx = (code: string): number => r.results?.units.find((u) => u.code === code)?.index ?? NaN;
    const mapped = applyCrosswalk(r.results?.units.map((u) => ({ unit: u.code, index: u.index })) ?? [], entries, ['TX', 'KDI', 'PLI']);
    const pli = mapped.previous.find((p) => p.unit === 'PLI');
    expect(pli?.from).toEqual(['PL', 'KM', 'KTR', 'KG']);
    expect(pli?.index).toBeCloseTo((idx('PL') * 1 + idx('KM') * 0.8 + idx('KTR') * 0.5 + idx('KG') * 0.2) / 2.5, 9);
    expect(mapped.issues).toEqual([]);
  });
});
