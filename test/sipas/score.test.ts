import { builtinSipasInstrument, scoreSipas, sipasToSurveyIndices, surveyIndicesFromSipas, validateSipasInstrument, wilson, type SipasResult, type SipasUnitResult } from '../../engine/sipas';
import { formatPercent } from '../../engine/i18n';
import { smallInstrument, smallResponses, smallCounts } from './builders';

function unitOf(r: SipasResult, code: string): SipasUnitResult {
  const u = r.units.find((x) => x.unit === code);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
}
function item(u: SipasUnitResult, id: string) {
  for (const g of u.groups) for (const a of g.aspects) for (const it of a.items) if (it.item === id) return it;
  throw new Error(`no item ${id}`);
}
function aspect(u: SipasUnitResult, code: string) {
  for (const g of u.groups) for (const a of g.aspects) if (a.code === code) return a;
  throw new Error(`no aspect ${code}`);
}
function group(u: SipasUnitResult, code: string) {
  const g = u.groups.find((x) => x.code === code);
  if (!g) throw new Error(`no group ${code}`);
  return g;
}

describe('20-respondent dataset, topTwoBox, aggregated by items (defaults)', () => {
  const out = scoreSipas({ instrument: smallInstrument, responses: smallResponses() });
  const u = unitOf(out.result, 'KG');

  test('the result says which aggregation was used', () => {
    expect(out.result.method.aggregate).toBe('items');
    expect(out.result.method.declaredWeights).toBeUndefined();
  });

  test('items: share of valid answers at 4–5; blanks and out-of-scale out of the denominator', () => {
    expect(item(u, 'q1').index).toBeCloseTo((12 / 19) * 100, 10); // 63.1579
    expect(item(u, 'q2').index).toBeCloseTo((16 / 19) * 100, 10); // 84.2105
    expect(item(u, 'q3').index).toBeCloseTo((15 / 19) * 100, 10); // 78.9474
    expect(item(u, 'q4').index).toBeCloseTo(50, 10); // 10/20
    expect(item(u, 'q5').index).toBeCloseTo(70, 10); // 14/20
    expect([item(u, 'q1').n, item(u, 'q2').n, item(u, 'q3').n, item(u, 'q4').n]).toEqual([19, 19, 19, 20]);
    expect(item(u, 'q1').blank).toBe(1);
    expect(item(u, 'q2').blank).toBe(1); // "không trả lời"
    expect(item(u, 'q3').invalid).toBe(1); // the "7"
    expect(item(u, 'q1').levels).toEqual([1, 2, 4, 7, 5]);
  });

  test('every level is the mean of all the items below it', () => {
    // A1 = (12/19 + 16/19) / 2 = 28/38 = 73.6842…; A2 = 15/19 = 78.9474…
    expect(aspect(u, 'A1').index).toBeCloseTo((28 / 38) * 100, 10);
    expect(aspect(u, 'A2').index).toBeCloseTo((15 / 19) * 100, 10);
    // group A = (12/19 + 16/19 + 15/19) / 3 = 43/57 = 75.4386… (A1 has two items, A2 one: 2 : 1);
    // group B = (50 + 70) / 2 = 60
    expect(group(u, 'A').index).toBeCloseTo((43 / 57) * 100, 10);
    expect(group(u, 'B').index).toBeCloseTo(60, 10);
    // overall = (63.1579 + 84.2105 + 78.9474 + 50 + 70) / 5 = 346.3158 / 5 = 69.2632
    //         = (3 · 75.4386 + 2 · 60) / 5 (groups weigh 3 : 2 by their items)
    expect(u.overall).toBeCloseTo(((43 / 19) * 100 + 50 + 70) / 5, 10);
    expect(u.overall).toBeCloseTo((3 * ((43 / 57) * 100) + 2 * 60) / 5, 10);
    expect(formatPercent(u.overall ?? NaN, 'vi')).toBe('69,26%');
    expect(u.n).toBe(20);
  });

  test('the out-of-scale answer is a located warning (unit, row, item)', () => {
    const bad = out.result.issues.filter((i) => i.code === 'sipas.answer.outOfScale');
    expect(bad).toEqual([
      { code: 'sipas.answer.outOfScale', severity: 'warning', params: { row: 20, item: 'q3', value: '7' }, path: ['responses', 19, 'answers', 'q3'], unit: 'KG', criterion: 'q3' },
    ]);
    expect(out.ok).toBe(true);
  });

  test('item interval: Wilson on the valid answers', () => {
    const w = wilson(12 / 19, 19);
    expect(item(u, 'q1').low).toBeCloseTo(w.low, 12);
    expect(item(u, 'q1').high).toBeCloseTo(w.high, 12);
    expect(item(u, 'q1').flags).toContain('smallSample'); // n = 19 < 30
  });

  test('drag: (target − aspect) × effective weight, ranked; sums to target − overall', () => {
    // effective weights = the aspect's share of the 5 items: A1 = 2/5, A2 = 1/5, B1 = 2/5
    // drags: B1 = (90 − 60) × 0.4 = 12; A1 = (90 − 73.684) × 0.4 = 6.526; A2 = (90 − 78.947) × 0.2 = 2.211
    expect([aspect(u, 'A1').weight, aspect(u, 'A2').weight, aspect(u, 'B1').weight]).toEqual([0.4, 0.2, 0.4].map((x) => expect.closeTo(x, 12)));
    expect([group(u, 'A').weight, group(u, 'B').weight]).toEqual([0.6, 0.4].map((x) => expect.closeTo(x, 12)));
    expect(u.drag.map((d) => d.aspect)).toEqual(['B1', 'A1', 'A2']);
    expect(u.drag[0]?.drag).toBeCloseTo(12, 10);
    expect(u.drag[1]?.drag).toBeCloseTo((90 - (28 / 38) * 100) * 0.4, 10);
    const sum = u.drag.reduce((s, d) => s + d.drag, 0);
    expect(sum).toBeCloseTo(90 - (u.overall ?? 0), 10);
    expect(u.gap).toBeCloseTo(90 - (u.overall ?? 0), 10);
    expect(u.meetsTarget).toBe(false);
  });
});

describe('20-respondent dataset, aggregate: "equal" (each level the mean of its parts)', () => {
  const out = scoreSipas({ instrument: smallInstrument, method: { aggregate: 'equal' }, responses: smallResponses() });
  const u = unitOf(out.result, 'KG');
  test('the result says so', () => {
    expect(out.result.method.aggregate).toBe('equal');
  });
  test('aspect = mean of items, group = mean of aspects, overall = mean of groups', () => {
    // A1 = (12/19 + 16/19) / 2 = 28/38 = 73.6842…; A2 = 15/19 = 78.9474…
    expect(aspect(u, 'A1').index).toBeCloseTo((28 / 38) * 100, 10);
    expect(aspect(u, 'A2').index).toBeCloseTo((15 / 19) * 100, 10);
    // group A = (14/19 + 15/19) / 2 = 29/38 = 76.3158…; group B = B1 = (50 + 70) / 2 = 60
    expect(group(u, 'A').index).toBeCloseTo((29 / 38) * 100, 10);
    expect(group(u, 'B').index).toBeCloseTo(60, 10);
    // overall = (76.3158 + 60) / 2 = 68.1579
    expect(u.overall).toBeCloseTo(((29 / 38) * 100 + 60) / 2, 10);
    expect(formatPercent(u.overall ?? NaN, 'vi')).toBe('68,16%');
  });
  test('drag: effective weights A1 = A2 = 1/2 × 1/2 = 0.25, B1 = 1 × 1/2 = 0.5', () => {
    // drags: B1 = (90 − 60) × 0.5 = 15; A1 = (90 − 73.684) × 0.25 = 4.079; A2 = (90 − 78.947) × 0.25 = 2.763
    expect(u.drag.map((d) => d.aspect)).toEqual(['B1', 'A1', 'A2']);
    expect(u.drag[0]?.drag).toBeCloseTo(15, 10);
    expect(u.drag[1]?.drag).toBeCloseTo((90 - (28 / 38) * 100) * 0.25, 10);
    expect(u.drag.reduce((s, d) => s + d.drag, 0)).toBeCloseTo(90 - (u.overall ?? 0), 10);
  });
  test('the caller may choose it too (option aggregate overrides the document)', () => {
    const v = unitOf(scoreSipas({ instrument: smallInstrument, responses: smallResponses() }, { aggregate: 'equal' }).result, 'KG');
    expect(v.overall).toBeCloseTo(u.overall ?? NaN, 12);
  });
});

describe('20-respondent dataset, meanScore', () => {
  const u = unitOf(scoreSipas({ instrument: smallInstrument, method: { item: 'meanScore' }, responses: smallResponses() }).result, 'KG');
  const e = unitOf(scoreSipas({ instrument: smallInstrument, method: { item: 'meanScore', aggregate: 'equal' }, responses: smallResponses() }).result, 'KG');
  // item = (mean − 1) / 4 × 100 = (Σlevels / n − 1) × 25
  const q1 = (70 / 19 - 1) * 25; // 67.1053
  const q2 = (81 / 19 - 1) * 25; // 81.5789
  const q3 = (81 / 19 - 1) * 25; // 81.5789
  const q4 = (68 / 20 - 1) * 25; // 60
  const q5 = (78 / 20 - 1) * 25; // 72.5
  test('items', () => {
    expect(item(u, 'q1').index).toBeCloseTo(q1, 10);
    expect(item(u, 'q2').index).toBeCloseTo(q2, 10);
    expect(item(u, 'q3').index).toBeCloseTo(q3, 10);
    expect(item(u, 'q4').index).toBeCloseTo(60, 10);
    expect(item(u, 'q5').index).toBeCloseTo(72.5, 10);
  });
  test('aspects, groups, overall by items (default)', () => {
    expect(aspect(u, 'A1').index).toBeCloseTo((q1 + q2) / 2, 10); // 74.3421
    expect(aspect(u, 'A2').index).toBeCloseTo(q3, 10);
    const gA = (q1 + q2 + q3) / 3; // (67.1053 + 81.5789 + 81.5789) / 3 = 76.7544
    expect(group(u, 'A').index).toBeCloseTo(gA, 10);
    expect(group(u, 'B').index).toBeCloseTo(66.25, 10); // (60 + 72.5) / 2
    expect(u.overall).toBeCloseTo((q1 + q2 + q3 + q4 + q5) / 5, 10); // 362.7632 / 5 = 72.5526
  });
  test('aspects, groups, overall with equal weights', () => {
    const gA = ((q1 + q2) / 2 + q3) / 2; // 77.9605
    const gB = (q4 + q5) / 2; // 66.25
    expect(group(e, 'A').index).toBeCloseTo(gA, 10);
    expect(group(e, 'B').index).toBeCloseTo(66.25, 10);
    expect(e.overall).toBeCloseTo((gA + gB) / 2, 10); // 72.1053
  });
  test('item interval: normal on the mean, sample standard deviation', () => {
    // q4 scores: levels 1,2,3,4,5 → 0,25,50,75,100 with counts 2,2,6,6,4; mean 60.
    // Σ(y − 60)² = 2·3600 + 2·1225 + 6·100 + 6·225 + 4·1600 = 18000; s² = 18000/19; se = √(s²/20)
    const se = Math.sqrt(18000 / 19 / 20);
    expect(item(u, 'q4').low).toBeCloseTo(60 - 1.959963984540054 * se, 10);
    expect(item(u, 'q4').high).toBeCloseTo(60 + 1.959963984540054 * se, 10);
  });
});

describe('counts input', () => {
  test('gives the same indices and item intervals as the equivalent respondent rows', () => {
    const a = unitOf(scoreSipas({ instrument: smallInstrument, responses: smallResponses() }).result, 'KG');
    const b = unitOf(scoreSipas({ instrument: smallInstrument, counts: smallCounts() }).result, 'KG');
    expect(b.overall).toBeCloseTo(a.overall ?? NaN, 12);
    for (const g of a.groups) {
      expect(group(b, g.code).index).toBeCloseTo(g.index ?? NaN, 12);
      for (const asp of g.aspects) {
        expect(aspect(b, asp.code).index).toBeCloseTo(asp.index ?? NaN, 12);
        for (const it of asp.items) {
          const o = item(b, it.item);
          expect([o.index, o.n, o.blank]).toEqual([it.index, it.n, it.blank]);
          expect(o.low).toBeCloseTo(it.low ?? NaN, 12);
          expect(o.high).toBeCloseTo(it.high ?? NaN, 12);
        }
      }
    }
    expect(b.n).toBe(20); // largest counted total (valid + blank) of any item
  });

  test('counts add to respondent tallies of the same unit and item', () => {
    // 10 rows (first half) + counts of the other 10 answers of q4: rows give levels 5,5,5,5,4,4,4,4,4,4
    // counts add [2,2,6,0,0] → all 20 answers of q4 → 50%.
    const rows = smallResponses().slice(0, 10).map((r) => ({ unit: r.unit, answers: { q4: r.answers.q4 ?? null } }));
    const u = unitOf(scoreSipas({ instrument: smallInstrument, responses: rows, counts: [{ unit: 'KG', item: 'q4', levels: [2, 2, 6, 0, 0] }] }).result, 'KG');
    expect(item(u, 'q4').index).toBeCloseTo(50, 12);
    expect(item(u, 'q4').n).toBe(20);
  });
});

test('two groups at 86.51 and 86.49 give an overall of 86.50 (default method, no intermediate rounding)', () => {
  const ins = { groups: [
    { code: 'I', name: 'I', aspects: [{ code: 'I.1', name: 'I.1', items: ['a'] }] },
    { code: 'II', name: 'II', aspects: [{ code: 'II.1', name: 'II.1', items: ['b'] }] },
  ] };
  // a: 8651 of 10000 answers at 4–5 → 86.51; b: 8649 of 10000 → 86.49
  const u = unitOf(scoreSipas({ instrument: ins, counts: [
    { unit: 'KG', item: 'a', levels: [0, 0, 1349, 0, 8651] },
    { unit: 'KG', item: 'b', levels: [0, 0, 1351, 8649, 0] },
  ] }).result, 'KG');
  expect(group(u, 'I').index).toBeCloseTo(86.51, 12);
  expect(group(u, 'II').index).toBeCloseTo(86.49, 12);
  expect(u.overall).toBeCloseTo(86.5, 12);
  expect(formatPercent(u.overall ?? NaN, 'vi')).toBe('86,5%');
});

describe('Wilson score interval against published values', () => {
  test.each([
    // Standard textbook case: p̂ = 0.5, n = 100 → [40.38%, 59.62%]
    [50, 100, 40.38, 59.62],
    // Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3 (Wilson, no continuity correction):
    [81, 263, 25.53, 36.62],
    [15, 148, 6.24, 16.05],
    [0, 20, 0, 16.11],
    [1, 29, 0.61, 17.18],
  ])('%i of %i → [%f, %f]', (x, n, lo, hi) => {
    const w = wilson(x / n, n);
    expect(w.low).toBeCloseTo(lo, 2);
    expect(w.high).toBeCloseTo(hi, 2);
  });
});

describe('sampling weights', () => {
  const ins = { groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'G.1', items: ['q1'] }] }] };
  const responses = [
    { unit: 'KG', answers: { q1: 5 }, weight: 2 },
    { unit: 'KG', answers: { q1: 4 }, weight: 1 },
    { unit: 'KG', answers: { q1: 3 }, weight: 1 },
    { unit: 'KG', answers: { q1: 1 }, weight: 4 },
  ];
  test('topTwoBox: weighted share, Wilson with Kish effective n', () => {
    const it = item(unitOf(scoreSipas({ instrument: ins, responses }).result, 'KG'), 'q1');
    // share at 4–5 = (2 + 1) / (2 + 1 + 1 + 4) = 3/8 = 37.5%
    expect(it.index).toBeCloseTo(37.5, 12);
    // Kish n_eff = (Σw)² / Σw² = 64 / (4 + 1 + 1 + 16) = 2.909…
    expect(it.nEffective).toBeCloseTo(64 / 22, 12);
    // Wilson(0.375, 2.909): z²/n = 1.3205, centre = (0.375 + 0.66025)/2.3205 = 0.44613,
    // half = 0.84463 · √(0.080566 + 0.113480) = 0.37207 → [7.41%, 81.82%]
    expect(it.low).toBeCloseTo(7.41, 2);
    expect(it.high).toBeCloseTo(81.82, 2);
    expect(it.n).toBe(4);
  });
  test('meanScore: weighted mean, linearised standard error', () => {
    const it = item(unitOf(scoreSipas({ instrument: ins, method: { item: 'meanScore' }, responses }).result, 'KG'), 'q1');
    // weighted mean level = (2·5 + 4 + 3 + 4·1) / 8 = 21/8 = 2.625 → (2.625 − 1)/4 × 100 = 40.625
    expect(it.index).toBeCloseTo(40.625, 12);
    // d_r = w_r (y_r − 40.625) / 8: 14.84375, 4.296875, 1.171875, −20.3125; Σd² = 652.7710;
    // se = √(4/3 · 652.7710) = 29.5019; 40.625 − 1.96·29.50 < 0 → low clamped to 0; high = 98.447
    const ss = 14.84375 ** 2 + 4.296875 ** 2 + 1.171875 ** 2 + 20.3125 ** 2;
    expect(it.low).toBe(0);
    expect(it.high).toBeCloseTo(40.625 + 1.959963984540054 * Math.sqrt((4 / 3) * ss), 10);
    expect(it.high).toBeCloseTo(98.447, 2);
  });
  test('a bad weight is a located error and the row is skipped', () => {
    const out = scoreSipas({ instrument: ins, responses: [...responses, { unit: 'KG', answers: { q1: 5 }, weight: -1 }] });
    expect(out.ok).toBe(false);
    expect(out.result.issues.find((i) => i.code === 'sipas.response.badWeight')).toMatchObject({ path: ['responses', 4], unit: 'KG', params: { row: 5 } });
    expect(item(unitOf(out.result, 'KG'), 'q1').index).toBeCloseTo(37.5, 12);
  });
});

describe('weights in the instrument', () => {
  test('aspect and group weights change the means; effective weights drive the drag', () => {
    const ins = { groups: [
      { code: 'I', name: 'I', weight: 1, aspects: [{ code: 'I.1', name: 'I.1', items: ['a'] }] },
      { code: 'II', name: 'II', weight: 3, aspects: [
        { code: 'II.1', name: 'II.1', weight: 1, items: ['b'] },
        { code: 'II.2', name: 'II.2', weight: 3, items: [{ id: 'c', weight: 1 }, { id: 'd', weight: 3 }] },
      ] },
    ] };
    const u = unitOf(scoreSipas({ instrument: ins, counts: [
      { unit: 'X', item: 'a', levels: [0, 0, 0, 0, 10] }, // 100
      { unit: 'X', item: 'b', levels: [0, 0, 5, 0, 5] }, // 50
      { unit: 'X', item: 'c', levels: [0, 0, 10, 0, 0] }, // 0
      { unit: 'X', item: 'd', levels: [0, 0, 2, 8, 0] }, // 80
    ] }).result, 'X');
    // II.2 = (1·0 + 3·80)/4 = 60; II = (1·50 + 3·60)/4 = 57.5; overall = (1·100 + 3·57.5)/4 = 68.125
    expect(aspect(u, 'II.2').index).toBeCloseTo(60, 12);
    expect(group(u, 'II').index).toBeCloseTo(57.5, 12);
    expect(u.overall).toBeCloseTo(68.125, 12);
    // effective weights: I.1 = 1/4, II.1 = 3/4 · 1/4 = 0.1875, II.2 = 3/4 · 3/4 = 0.5625
    expect(aspect(u, 'II.2').weight).toBeCloseTo(0.5625, 12);
    // drags: I.1 = (90−100)·0.25 = −2.5; II.1 = 40·0.1875 = 7.5; II.2 = 30·0.5625 = 16.875
    expect(u.drag.map((d) => [d.aspect, d.drag])).toEqual([['II.2', 16.875], ['II.1', 7.5], ['I.1', -2.5]]);
    expect(u.drag[0]?.share).toBeCloseTo(16.875 / 21.875, 12);
  });
  test('weights declared at every level give the same result under either aggregation', () => {
    const ins = { groups: [
      { code: 'I', name: 'I', weight: 1, aspects: [{ code: 'I.1', name: 'I.1', weight: 1, items: [{ id: 'a', weight: 1 }] }] },
      { code: 'II', name: 'II', weight: 1, aspects: [{ code: 'II.1', name: 'II.1', weight: 1, items: [{ id: 'b', weight: 1 }, { id: 'c', weight: 1 }] }] },
    ] };
    const counts = [
      { unit: 'X', item: 'a', levels: [0, 0, 0, 0, 10] }, // 100
      { unit: 'X', item: 'b', levels: [0, 0, 5, 0, 5] }, // 50
      { unit: 'X', item: 'c', levels: [0, 0, 10, 0, 0] }, // 0
    ];
    // II = (50 + 0) / 2 = 25; groups 1 : 1 as declared → overall = (100 + 25) / 2 = 62.5 (by items it would be 50)
    const byItems = scoreSipas({ instrument: ins, counts }).result;
    const equal = scoreSipas({ instrument: ins, counts, method: { aggregate: 'equal' } }).result;
    expect(unitOf(byItems, 'X').overall).toBeCloseTo(62.5, 12);
    expect(unitOf(equal, 'X').overall).toBeCloseTo(62.5, 12);
    expect(byItems.method.declaredWeights).toEqual(['group', 'aspect', 'item']);
  });
});

describe('previous year, ranks, target', () => {
  test('changes and ranks among units', () => {
    const out = scoreSipas({
      instrument: smallInstrument,
      target: 60,
      responses: [...smallResponses('KG'), ...smallResponses('KD').map((r) => ({ ...r, answers: { ...r.answers, q4: 5 } }))],
      previous: [{ unit: 'KG', overall: 70, rank: 1, indices: { A: 75, B1: 62 } }, { unit: 'KD', rank: 2 }],
    });
    const kg = unitOf(out.result, 'KG');
    const kd = unitOf(out.result, 'KD');
    // KD has q4 all 5 → B1 = (100 + 70)/2 = 85 > KG's 60 → KD ranks 1
    expect([kd.rank, kg.rank]).toEqual([1, 2]);
    // KG overall (by items) = ((12 + 16 + 15)/19 · 100 + 50 + 70) / 5 = 69.2632 (see the first test)
    expect(kg.change).toBeCloseTo(((43 / 19) * 100 + 50 + 70) / 5 - 70, 10);
    expect(kg.previous).toEqual({ overall: 70, rank: 1, rankChange: -1 });
    expect(kd.previous?.rankChange).toBe(1);
    expect(group(kg, 'A').change).toBeCloseTo((43 / 57) * 100 - 75, 10); // group A = 43/57 by items
    expect(aspect(kg, 'B1').change).toBeCloseTo(60 - 62, 10);
    expect(kg.target).toBe(60);
    expect(kg.meetsTarget).toBe(true);
  });
  test('option target overrides the document', () => {
    const u = unitOf(scoreSipas({ instrument: smallInstrument, target: 60, responses: smallResponses() }, { target: 95 }).result, 'KG');
    expect(u.gap).toBeCloseTo(95 - (u.overall ?? 0), 10);
  });
});

describe('link to PAR INDEX', () => {
  test('sipasToSurveyIndices: aspect codes, group codes and "overall" per unit', () => {
    const m = sipasToSurveyIndices(scoreSipas({ instrument: smallInstrument, responses: smallResponses() }).result);
    expect(Object.keys(m['KG'] ?? {}).sort()).toEqual(['A', 'A1', 'A2', 'B', 'B1', 'overall']);
    expect(m['KG']?.['B1']).toBeCloseTo(60, 12);
    expect(m['KG']?.['overall']).toBeCloseTo(((43 / 19) * 100 + 50 + 70) / 5, 12); // mean of the 5 items
  });
  test('surveyIndicesFromSipas: the sipas part of a scoring document, issue paths under "sipas"', () => {
    const r = surveyIndicesFromSipas({ instrument: smallInstrument, responses: smallResponses() });
    expect(r.ok).toBe(true);
    expect(r.surveyIndices['KG']?.['A1']).toBeCloseTo((28 / 38) * 100, 12);
    expect(r.issues.find((i) => i.code === 'sipas.answer.outOfScale')?.path).toEqual(['sipas', 'responses', 19, 'answers', 'q3']);
  });
});

describe('answers and input problems', () => {
  test('text answers: scale words, numbers as text, no-answer words', () => {
    const ins = { groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'G.1', items: ['q'] }] }] };
    const answers = ['Rất hài lòng', 'hài lòng', '4', ' 5 ', 'Bình thường', 'Không hài lòng', 'rất không hài lòng', 'Không trả lời', 'KTL', '', null, '3,5', 'abc', 0, 6, 4.5];
    const out = scoreSipas({ instrument: ins, responses: answers.map((a) => ({ unit: 'U', answers: { q: a } })) });
    const it = item(unitOf(out.result, 'U'), 'q');
    expect(it.levels).toEqual([1, 1, 1, 2, 2]);
    expect(it.blank).toBe(4);
    expect(it.invalid).toBe(5); // "3,5", "abc", 0, 6, 4.5
    expect(it.index).toBeCloseTo((4 / 7) * 100, 12);
    expect(out.result.issues.filter((i) => i.code === 'sipas.answer.outOfScale').map((i) => i.params?.['row'])).toEqual([12, 13, 14, 15, 16]);
  });
  test('structural problems are errors with paths; unknown items are warnings', () => {
    const out = scoreSipas({ instrument: smallInstrument, responses: [{ answers: { q1: 5 } }, { unit: 'KG', answers: { q1: 5, zz: 1 } }, 'x'], counts: [{ unit: 'KG', item: 'nope', levels: [1, 1, 1, 1, 1] }, { unit: 'KG', item: 'q1', levels: [1, 2] }] });
    expect(out.ok).toBe(false);
    expect(out.result.issues.map((i) => [i.code, i.severity, (i.path ?? []).join('.')])).toEqual(
      expect.arrayContaining([
        ['sipas.response.noUnit', 'error', 'responses.0'],
        ['sipas.response.unknownItem', 'warning', 'responses.1.answers.zz'],
        ['sipas.response.notObject', 'error', 'responses.2'],
        ['sipas.count.unknownItem', 'error', 'counts.0'],
        ['sipas.count.invalid', 'error', 'counts.1'],
      ]),
    );
  });
  test('many out-of-scale answers: listed up to the cap, then summed up', () => {
    const ins = { groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'G.1', items: ['q'] }] }] };
    const out = scoreSipas({ instrument: ins, responses: Array.from({ length: 12 }, () => ({ unit: 'U', answers: { q: 9 } })) }, { maxIssuesPerCode: 5 });
    expect(out.result.issues.filter((i) => i.code === 'sipas.answer.outOfScale')).toHaveLength(5);
    expect(out.result.issues.find((i) => i.code === 'sipas.moreIssues')?.params).toEqual({ code: 'sipas.answer.outOfScale', count: 7 });
  });
  test('an item without any answer is left out of its aspect; a unit without data has null indices', () => {
    const u = unitOf(scoreSipas({ instrument: smallInstrument, responses: [{ unit: 'KG', answers: { q1: 5, q4: 1 } }, { unit: 'KX', answers: { q1: null } }] }).result, 'KG');
    expect(aspect(u, 'A1').index).toBe(100); // q2 has no answer → A1 = q1 alone
    expect(aspect(u, 'A2').index).toBeNull();
    expect(group(u, 'A').index).toBe(100);
    expect(u.overall).toBe(50);
    const out = scoreSipas({ instrument: smallInstrument, responses: [{ unit: 'KX', answers: { q1: null } }] });
    expect(unitOf(out.result, 'KX').overall).toBeNull();
    expect(out.result.issues.map((i) => i.code)).toContain('sipas.unit.noData');
  });
});

describe('ranks and options', () => {
  test('equal overall indices share a rank and the next rank skips (1, 2, 2, 4)', () => {
    const ins = { groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'G.1', items: ['q'] }] }] };
    const c = (unit: string, top: number) => ({ unit, item: 'q', levels: [0, 0, 100 - top, top, 0] });
    const out = scoreSipas({ instrument: ins, counts: [c('A', 90), c('B', 80), c('C', 80), c('D', 70)] });
    expect(out.result.units.map((u) => [u.unit, u.rank])).toEqual([['A', 1], ['B', 2], ['C', 2], ['D', 4]]);
  });
  test('an out-of-range target given by a caller is an issue, not an exception', () => {
    const out = scoreSipas({ responses: [] }, { target: 150 });
    expect(out.ok).toBe(false);
    expect(out.result.issues[0]).toMatchObject({ code: 'sipas.invalid', path: ['method', 'target'] });
  });
});

describe('pooled unit and ranks by kind', () => {
  test('a pooled unit over two wards equals scoring all rows as one unit (indices and intervals)', () => {
    const rows = smallResponses().map((r, k) => ({ ...r, unit: k < 10 ? 'X' : 'Y' }));
    const pooled = scoreSipas({ instrument: smallInstrument, responses: rows, pool: { unit: 'QTX', name: 'Toàn quận' } }).result;
    const whole = unitOf(scoreSipas({ instrument: smallInstrument, responses: smallResponses() }).result, 'KG');
    expect(pooled.units.map((u) => [u.unit, u.pooled === true, u.rank])).toEqual([['X', false, expect.any(Number)], ['Y', false, expect.any(Number)], ['QTX', true, null]]);
    const p = unitOf(pooled, 'QTX');
    expect(p.name).toBe('Toàn quận');
    expect(p.n).toBe(20);
    expect(p.overall).toBeCloseTo(whole.overall ?? NaN, 12);
    expect(p.low).toBeCloseTo(whole.low ?? NaN, 12);
    expect(p.high).toBeCloseTo(whole.high ?? NaN, 12);
    expect(aspect(p, 'A1').low).toBeCloseTo(aspect(whole, 'A1').low ?? NaN, 12);
    expect(item(p, 'q3').invalid).toBe(1);
    expect(item(p, 'q1').blank).toBe(1);
  });
  test('the pool code may not be a unit with its own data', () => {
    const out = scoreSipas({ instrument: smallInstrument, responses: smallResponses('KG'), pool: 'KG' });
    expect(out.ok).toBe(false);
    expect(out.result.issues.map((i) => i.code)).toContain('sipas.pool.clash');
  });
  test('ranks are computed among units of the same kind', () => {
    const ins = { groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'G.1', items: ['q'] }] }] };
    const c = (unit: string, top: number) => ({ unit, item: 'q', levels: [0, 0, 100 - top, top, 0] });
    const out = scoreSipas({
      instrument: ins,
      units: [{ code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' }, { code: 'NC', name: 'UBND phường Nhân Chính', kind: 'ward' }, { code: 'TP', name: 'Phòng Tư pháp', kind: 'office' }],
      counts: [c('KG', 80), c('TP', 95), c('NC', 85)],
    });
    expect(out.result.units.map((u) => [u.unit, u.kind, u.rank])).toEqual([['KG', 'ward', 2], ['TP', 'office', 1], ['NC', 'ward', 1]]);
  });
});

describe('aggregation: by items (default) or equal, on an instrument whose groups differ in size', () => {
  // Group P has 3 items (aspect P1: a, b; aspect P2: c), group S one (aspect S1: d).
  // 10 answers per item; the share at levels 4–5 gives the item index:
  //   a: 8 of 10 → 80;  b: 6 of 10 → 60;  c: 9 of 10 → 90;  d: 5 of 10 → 50.
  const ins = (pWeight?: number, sWeight?: number, p1Weight?: number, p2Weight?: number) => ({
    groups: [
      { code: 'P', name: 'P', ...(pWeight !== undefined ? { weight: pWeight } : {}), aspects: [
        { code: 'P1', name: 'P1', ...(p1Weight !== undefined ? { weight: p1Weight } : {}), items: ['a', 'b'] },
        { code: 'P2', name: 'P2', ...(p2Weight !== undefined ? { weight: p2Weight } : {}), items: ['c'] },
      ] },
      { code: 'S', name: 'S', ...(sWeight !== undefined ? { weight: sWeight } : {}), aspects: [{ code: 'S1', name: 'S1', items: ['d'] }] },
    ],
  });
  const counts = [
    { unit: 'U', item: 'a', levels: [0, 0, 2, 4, 4] },
    { unit: 'U', item: 'b', levels: [0, 0, 4, 6, 0] },
    { unit: 'U', item: 'c', levels: [0, 1, 0, 0, 9] },
    { unit: 'U', item: 'd', levels: [0, 0, 5, 5, 0] },
  ];
  const score = (instrument: unknown, aggregate?: 'items' | 'equal') => {
    const out = scoreSipas({ instrument, counts, ...(aggregate ? { method: { aggregate } } : {}) });
    return { u: unitOf(out.result, 'U'), method: out.result.method };
  };

  test('items: P = (80 + 60 + 90) / 3 = 76.67; overall = (80 + 60 + 90 + 50) / 4 = 70', () => {
    const { u, method } = score(ins());
    expect(method.aggregate).toBe('items');
    expect(aspect(u, 'P1').index).toBeCloseTo(70, 12); // (80 + 60) / 2
    expect(group(u, 'P').index).toBeCloseTo(230 / 3, 12);
    expect(group(u, 'S').index).toBeCloseTo(50, 12);
    // = (3 · 76.67 + 1 · 50) / 4: groups weigh 3 : 1 by their items
    expect(u.overall).toBeCloseTo(70, 12);
    expect([group(u, 'P').weight, group(u, 'S').weight]).toEqual([expect.closeTo(0.75, 12), expect.closeTo(0.25, 12)]);
  });

  test('equal: P = (P1 70 + P2 90) / 2 = 80; overall = (80 + 50) / 2 = 65', () => {
    const { u, method } = score(ins(), 'equal');
    expect(method.aggregate).toBe('equal');
    expect(group(u, 'P').index).toBeCloseTo(80, 12);
    expect(u.overall).toBeCloseTo(65, 12);
    expect([group(u, 'P').weight, group(u, 'S').weight]).toEqual([0.5, 0.5]);
  });

  test('declared group weights override the item count there; aspects still weigh by items', () => {
    // groups 1 : 1 as declared; P by its items = 76.67 → overall = (76.67 + 50) / 2 = 63.33
    const { u, method } = score(ins(1, 1));
    expect(group(u, 'P').index).toBeCloseTo(230 / 3, 12);
    expect(u.overall).toBeCloseTo((230 / 3 + 50) / 2, 12);
    expect(method).toMatchObject({ aggregate: 'items', declaredWeights: ['group'] });
  });

  test('declared aspect weights override the item count in their group; groups still weigh by items', () => {
    // P = (1 · 70 + 3 · 90) / 4 = 85; groups 3 : 1 by items → overall = (3 · 85 + 50) / 4 = 76.25
    const { u, method } = score(ins(undefined, undefined, 1, 3));
    expect(group(u, 'P').index).toBeCloseTo(85, 12);
    expect(u.overall).toBeCloseTo(76.25, 12);
    expect(method.declaredWeights).toEqual(['aspect']);
  });

  test('an item without answers drops out of every level above it', () => {
    // without c: P = (80 + 60) / 2 = 70; overall = (80 + 60 + 50) / 3 = 63.33
    const u = unitOf(scoreSipas({ instrument: ins(), counts: counts.filter((c) => c.item !== 'c') }).result, 'U');
    expect(group(u, 'P').index).toBeCloseTo(70, 12);
    expect(u.overall).toBeCloseTo(190 / 3, 12);
  });

  test('a normalised instrument scores the same when handed back (no weight appears where none was declared)', () => {
    const v = validateSipasInstrument(ins());
    expect(v.instrument?.groups[0]?.weight).toBeUndefined();
    const again = unitOf(scoreSipas({ instrument: v.instrument, counts }).result, 'U');
    expect(again.overall).toBeCloseTo(70, 12);
  });
});

describe('built-in instrument: published national 2023 totals', () => {
  // Published 2023 (national): policy group 82.49; service aspects access 83.00, procedures 83.02,
  // civil servants 83.12, results 83.03, feedback 82.27; overall 82.66.
  // Counts of 10 000 answers per item, the given share at level 4, the rest at level 3, so every
  // item of group I is 82.49 and every item of an aspect of group II is that aspect's value.
  const rate: Record<string, number> = { 'II.1': 83.0, 'II.2': 83.02, 'II.3': 83.12, 'II.4': 83.03, 'II.5': 82.27 };
  const ins = builtinSipasInstrument();
  const counts = ins.groups.flatMap((g) =>
    g.aspects.flatMap((a) =>
      a.items.map((it) => {
        const top = Math.round((rate[a.code] ?? 82.49) * 100);
        return { unit: 'VN', item: it.id, levels: [0, 0, 10000 - top, top, 0] };
      }),
    ),
  );
  test('by items (23 : 16): 82.66, as published', () => {
    const u = unitOf(scoreSipas({ counts }).result, 'VN');
    // group II = (3·83.00 + 4·83.02 + 3·83.12 + 3·83.03 + 3·82.27) / 16 = 1326.34 / 16 = 82.89625
    expect(group(u, 'II').index).toBeCloseTo(1326.34 / 16, 9);
    // overall = (23 · 82.49 + 16 · 82.89625) / 39 = (1897.27 + 1326.34) / 39 = 3223.61 / 39 = 82.6567
    expect(u.overall).toBeCloseTo(3223.61 / 39, 9);
    expect(formatPercent(u.overall ?? NaN, 'vi')).toBe('82,66%');
    expect(group(u, 'I').weight).toBeCloseTo(23 / 39, 12);
  });
  test('equal weights: 82.69, off the published figure', () => {
    const u = unitOf(scoreSipas({ counts, method: { aggregate: 'equal' } }).result, 'VN');
    // group II = (83.00 + 83.02 + 83.12 + 83.03 + 82.27) / 5 = 414.44 / 5 = 82.888
    // overall = (82.49 + 82.888) / 2 = 82.689
    expect(group(u, 'II').index).toBeCloseTo(82.888, 9);
    expect(u.overall).toBeCloseTo(82.689, 9);
    expect(formatPercent(u.overall ?? NaN, 'vi')).toBe('82,69%');
  });
});
