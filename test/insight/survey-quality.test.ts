import { scoreSipas, formatIssue, type SipasUnitResult } from '../../engine';
import { guardRows, parseMoment, DEFAULT_QUALITY } from '../../engine/sipas/quality';

/**
 * The survey-quality guard and post-stratification (issue 15, part 3), hand-computed.
 * Instrument: one group G, one aspect G.1, items q1–q3; index = share of answers at 4 or 5.
 */
const instrument = { id: 'q', name: 'Q', groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'A', items: ['q1', 'q2', 'q3'] }] }] };
const row = (unit: string, a: [number, number, number], extra: Record<string, unknown> = {}): Record<string, unknown> => ({ unit, answers: { q1: a[0], q2: a[1], q3: a[2] }, ...extra });
const unitOf = (units: readonly SipasUnitResult[], code: string): SipasUnitResult | undefined => units.find((u) => u.unit === code);

/**
 * KG: a kiosk sends (5, 5, 5) four times between 09:00 and 09:05 on Thursday 5/10/2023 — a burst
 * (3 or more identical answers from one device within 10 minutes) — then three honest answers:
 *   (4, 3, 5), (2, 4, 4), (5, 4, 3): every item 2 of 3 at 4–5 → overall 66,67%.
 * Counting the burst: every item (2 + 4) of 7 → 85,71%.
 * HD: three different answers at different times: nothing flagged (q1 2/3, q2 2/3, q3 3/3 → 77,78%).
 */
const responses = [
  row('KG', [5, 5, 5], { device: 'kiosk-1', at: '2023-10-05T09:00' }),
  row('KG', [5, 5, 5], { device: 'kiosk-1', at: '2023-10-05T09:02' }),
  row('KG', [5, 5, 5], { device: 'kiosk-1', at: '2023-10-05T09:03' }),
  row('KG', [5, 5, 5], { device: 'kiosk-1', at: '2023-10-05T09:05' }),
  row('KG', [4, 3, 5], { device: 'kiosk-1', at: '2023-10-05T09:20' }),
  row('KG', [2, 4, 4], { device: 'qr', at: '2023-10-05T10:00' }),
  row('KG', [5, 4, 3], { device: 'qr', at: '2023-10-05T10:30' }),
  row('HD', [5, 5, 4], { device: 'kiosk-2', at: '2023-10-05T09:00' }),
  row('HD', [3, 4, 5], { device: 'kiosk-2', at: '2023-10-05T11:00' }),
  row('HD', [4, 2, 5], { device: 'kiosk-2', at: '2023-10-06T09:00' }),
];

describe('survey-quality guard', () => {
  test('a burst of identical kiosk answers is flagged and set aside; a clean unit has none', () => {
    const { result, ok } = scoreSipas({ instrument, responses });
    expect(ok).toBe(true);
    const kg = unitOf(result.units, 'KG');
    expect(kg?.quality).toMatchObject({ flagged: 4, reasons: { burst: 4 }, setAside: 4 });
    expect(kg?.overall).toBeCloseTo(200 / 3, 9);
    expect(kg?.n).toBe(3);
    expect(kg?.quality?.overallWithout).toBeCloseTo(200 / 3, 9);
    expect(kg?.quality?.overallWith).toBeCloseTo(600 / 7, 9);
    // HD: q1 2/3, q2 2/3, q3 3/3 → 7/9 both ways
    const hd = unitOf(result.units, 'HD');
    expect(hd?.quality).toMatchObject({ flagged: 0, reasons: {}, setAside: 0 });
    expect(hd?.quality?.overallWith).toBeCloseTo(700 / 9, 9);
    expect(hd?.quality?.overallWithout).toBeCloseTo(700 / 9, 9);
    // one located warning per flagged row (rows 1–4 of the responses), in words
    const flagged = result.issues.filter((i) => i.code === 'sipas.quality.setAside');
    expect(flagged.map((i) => i.path)).toEqual([0, 1, 2, 3].map((r) => ['responses', r]));
    expect(formatIssue(flagged[0] ?? { code: 'sipas.moreIssues', severity: 'info' }, 'vi')).toContain('Phiếu dòng 1 bị gác lại (không tính): nhiều phiếu giống hệt nhau từ cùng một thiết bị trong vài phút');
    const note = result.issues.find((i) => i.code === 'sipas.quality.unit');
    expect(note?.unit).toBe('KG');
  });

  test('the user keeps the flagged answers: they count, the other index is still shown', () => {
    const { result } = scoreSipas({ instrument, responses, quality: { keep: true } });
    const kg = unitOf(result.units, 'KG');
    expect(kg?.overall).toBeCloseTo(600 / 7, 9);
    expect(kg?.quality).toMatchObject({ flagged: 4, setAside: 0 });
    expect(kg?.quality?.overallWithout).toBeCloseTo(200 / 3, 9);
    expect(result.issues.filter((i) => i.code === 'sipas.quality.kept')).toHaveLength(4);
    // the same through the caller's options (the CLI's --keep-flagged)
    expect(unitOf(scoreSipas({ instrument, responses }, { quality: { keep: true } }).result.units, 'KG')?.overall).toBeCloseTo(600 / 7, 9);
  });

  test('thresholds: a burst needs `count` rows within `minutes`', () => {
    // five in a burst needed: four are not enough
    expect(unitOf(scoreSipas({ instrument, responses, quality: { burst: { count: 5 } } }).result.units, 'KG')?.quality?.flagged).toBe(0);
    // within 3 minutes: 09:00–09:03 holds three, 09:02–09:05 three → all four
    expect(unitOf(scoreSipas({ instrument, responses, quality: { burst: { count: 3, minutes: 3 } } }).result.units, 'KG')?.quality?.flagged).toBe(4);
    // within 2 minutes no window holds three (09:00–09:02 two, 09:02–09:03 two, 09:03–09:05 two)
    const guard = (count: number, minutes: number): number[] =>
      [...guardRows(
        responses.map((r) => ({ unit: String(r['unit']), codes: Object.values(r['answers'] as Record<string, number>), device: String(r['device']), at: String(r['at']) })),
        { ...DEFAULT_QUALITY, burst: { count, minutes } },
      ).reasons.keys()].sort();
    expect(guard(3, 2)).toEqual([]);
    expect(guard(2, 2)).toEqual([0, 1, 2, 3]);
  });

  test('straight-lining, duplicate respondents, answers outside opening hours', () => {
    const rows = [
      row('KG', [4, 4, 4], { id: 'P1' }),
      row('KG', [5, 3, 4], { id: 'P2' }),
      row('KG', [5, 3, 4], { id: 'P2' }),
      row('KG', [3, 4, 5], { id: 'P3', at: '2023-10-08T10:00' }), // a Sunday
      row('KG', [3, 4, 5], { id: 'P4', at: '2023-10-05T21:30' }), // a Thursday night
      row('KG', [2, 4, 5], { id: 'P5', at: '2023-10-05T17:45' }), // Thursday, open until 18:00
      row('KG', [2, 4, 5], { id: 'P6', at: '2023-10-07' }), // a Saturday, no time: not checked
    ];
    const { result } = scoreSipas({ instrument, responses: rows, quality: { straightLining: { minItems: 3 } } });
    expect(unitOf(result.units, 'KG')?.quality).toMatchObject({ flagged: 4, reasons: { straightLining: 1, duplicate: 1, outsideHours: 2 } });
    expect(result.issues.filter((i) => i.code === 'sipas.quality.setAside').map((i) => i.path?.[1])).toEqual([0, 2, 3, 4]);
    // defaults: straight-lining needs 10 answered items, so a 3-item form answered "4" throughout passes
    expect(unitOf(scoreSipas({ instrument, responses: rows }).result.units, 'KG')?.quality?.reasons.straightLining).toBeUndefined();
    // checks turned off
    expect(unitOf(scoreSipas({ instrument, responses: rows, quality: { duplicate: false, hours: false } }).result.units, 'KG')?.quality?.flagged).toBe(0);
  });

  test('moments: ISO date-time as written, no time zone; impossible dates refused', () => {
    expect(parseMoment('2023-10-08T10:00')).toMatchObject({ hasTime: true, weekday: 7 });
    expect(parseMoment('2023-10-05 09:12:30')).toMatchObject({ hasTime: true, weekday: 4 });
    expect(parseMoment('2023-10-07')).toMatchObject({ hasTime: false, weekday: 6 });
    expect(parseMoment('2023-02-30T10:00')).toBeUndefined();
    expect(parseMoment('hôm qua')).toBeUndefined();
  });
});

describe('post-stratification', () => {
  test('cells: 3 men and 1 woman weighted to half and half', () => {
    // men answer q1 = 5, the woman 1; men ×(0,5 × 4 ÷ 3) = ⅔ each, the woman ×(0,5 × 4 ÷ 1) = 2
    // q1 index = (3 × ⅔ × 100 + 2 × 0) ÷ 4 = 50 (unweighted 75); n_eff = 4² ÷ (3 × 4/9 + 4) = 3
    const rows = [
      { unit: 'KG', answers: { q1: 5 }, strata: { sex: 'Nam' } },
      { unit: 'KG', answers: { q1: 5 }, strata: { sex: 'nam' } },
      { unit: 'KG', answers: { q1: 5 }, strata: { sex: 'Nam' } },
      { unit: 'KG', answers: { q1: 1 }, strata: { sex: 'Nữ' } },
    ];
    const population = [{ unit: 'KG', cells: [{ strata: { sex: 'Nam' }, share: 0.5 }, { strata: { sex: 'Nữ' }, share: 0.5 }] }];
    const plain = scoreSipas({ instrument, responses: rows });
    expect(unitOf(plain.result.units, 'KG')?.overall).toBe(75);
    const { result } = scoreSipas({ instrument, responses: rows, weighting: { population } });
    const kg = unitOf(result.units, 'KG');
    expect(kg?.overall).toBeCloseTo(50, 9);
    expect(kg?.weighting).toMatchObject({ method: 'cells', n: 4, unmatched: 0, empty: [] });
    expect(kg?.weighting?.nEffective).toBeCloseTo(3, 9);
    expect(kg?.groups[0]?.aspects[0]?.items[0]?.nEffective).toBeCloseTo(3, 9);
  });

  test('margins only: raking to sex and age halves keeps the odds ratio of the sample', () => {
    // sample: (Nam, trẻ) ×2, (Nam, già), (Nữ, trẻ), (Nữ, già); margins 2,5 each; odds ratio 2 kept:
    // a = d = √2·b, a + b = 2,5 → b = 1,0355, a = 1,4645. q1 at 5 for (Nam, trẻ) and (Nữ, già):
    // index = 2a ÷ 5 × 100 = 58,579 (unweighted 60); n_eff = 25 ÷ (2(a/2)² + 2b² + a²) = 4,6627
    const s = (sex: string, age: string, q1: number): Record<string, unknown> => ({ unit: 'KG', answers: { q1 }, strata: { sex, age } });
    const rows = [s('Nam', 'trẻ', 5), s('Nam', 'trẻ', 5), s('Nam', 'già', 1), s('Nữ', 'trẻ', 1), s('Nữ', 'già', 5)];
    const population = [{ margins: { sex: { Nam: 0.5, Nữ: 0.5 }, age: { trẻ: 0.5, già: 0.5 } } }];
    const { result } = scoreSipas({ instrument, responses: rows, weighting: { population } });
    const kg = unitOf(result.units, 'KG');
    expect(kg?.overall).toBeCloseTo(58.578643762690504, 5);
    expect(kg?.weighting).toMatchObject({ method: 'raking', converged: true, unmatched: 0 });
    expect(kg?.weighting?.nEffective).toBeCloseTo(4.662741699796951, 5);
  });

  test('a response without a stratum keeps its weight, reported', () => {
    const rows = [
      { unit: 'KG', answers: { q1: 5 }, strata: { sex: 'Nam' } },
      { unit: 'KG', answers: { q1: 1 } },
    ];
    const { result } = scoreSipas({ instrument, responses: rows, weighting: { population: [{ cells: [{ strata: { sex: 'Nam' }, share: 0.5 }, { strata: { sex: 'Nữ' }, share: 0.5 }] }] } });
    const kg = unitOf(result.units, 'KG');
    expect(kg?.overall).toBe(50);
    expect(kg?.weighting).toMatchObject({ unmatched: 1, empty: ['Nữ'] });
    expect(result.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['sipas.weighting.unmatched', 'sipas.weighting.emptyCells']));
  });
});
