import { compileIssues, compileRule } from './testkit';

describe('proportional (max 2)', () => {
  test.each([
    // plain: 2 × rate / 100
    [{}, 87.5, 1.75],
    [{}, '87,5%', 1.75],
    [{}, '18/20', 1.8], // 90%
    [{}, 0, 0],
    [{}, 100, 2],
    // fullAt 90 (Decision 766/QĐ-TTg): ≥ 90% → 2, below: 2 × rate / 90
    [{ fullAt: 90 }, 85, (2 * 85) / 90], // 1,888…
    [{ fullAt: 90 }, 90, 2],
    [{ fullAt: 90 }, 95, 2],
    [{ fullAt: 90 }, 45, 1],
    // step 0,25 rounds down: 1,888… → 1,75
    [{ fullAt: 90, step: 0.25 }, 85, 1.75],
    [{ step: 0.5 }, 74, 1.0], // 1,48 → 1
    // inverse (lower is better): 2 × (100 − rate) / 100
    [{ inverse: true }, 10, 1.8],
    [{ inverse: true }, 0, 2],
    [{ inverse: true }, 100, 0],
    // inverse with fullAt 5: ≤ 5% → 2; 52,5% → 2 × 47,5 / 95 = 1
    [{ inverse: true, fullAt: 5 }, 5, 2],
    [{ inverse: true, fullAt: 5 }, 52.5, 1],
  ] as const)('%p, rate %p → %p', (params, value, points) => {
    const o = compileRule({ kind: 'proportional', ...params }, 2).score({ value });
    expect(o.points).toBeCloseTo(points, 12);
    expect(o.issues).toEqual([]);
  });

  test('a completion rate above 100% (revenue against the budget) is capped at max', () => {
    const r = compileRule({ kind: 'proportional', fullAt: 100 }, 2);
    expect(r.score({ value: '105%' })).toMatchObject({ points: 2, missing: false, issues: [] });
  });

  test.each([
    [{}, -3, 'rule.valueOutOfRange'], [{}, 'nhiều', 'rule.notANumber'], [{}, true, 'rule.notANumber'],
    // a lower-is-better rate cannot exceed 100%
    [{ inverse: true }, 100.5, 'rule.valueOutOfRange'],
  ] as const)('%p: %p refused with %s', (params, value, code) => {
    const o = compileRule({ kind: 'proportional', ...params }, 2).score({ value });
    expect(o).toMatchObject({ points: 0, missing: true });
    expect(o.issues.map((i) => i.code)).toEqual([code]);
  });

  test.each([
    [{ fullAt: 0 }, 'rule.fullAtRange'],
    [{ inverse: true, fullAt: 100 }, 'rule.fullAtRange'],
    [{ fullAt: 120 }, 'rule.badParams'],
    [{ step: 3 }, 'rule.awardAboveMax'],
    [{ cap: 1 }, 'rule.badParams'],
  ] as const)('params %p → %s', (params, code) => {
    expect(compileIssues({ kind: 'proportional', ...params }, 2).map((i) => i.code)).toEqual([code]);
  });

  test('wording', () => {
    const r = compileRule({ kind: 'proportional', fullAt: 90 }, 1);
    expect(r.explain(r.score({ value: 85 }), 'vi')).toMatchInlineSnapshot(`"tỷ lệ 85% < 90%: 85% × 1 / 90% = 0,944/1 điểm"`);
    expect(r.explain(r.score({ value: 92 }), 'vi')).toMatchInlineSnapshot(`"tỷ lệ 92% ≥ 90%: 1/1 điểm"`);
    expect(r.explain(r.score({ value: 85 }), 'en')).toMatchInlineSnapshot(`"rate 85% < 90%: 85% × 1 / 90% = 0.944/1 points"`);
    expect(r.describe('vi')).toMatchInlineSnapshot(`"Đạt từ 90% trở lên: tối đa 1 điểm; dưới 90%: điểm = tỷ lệ (%) × 1 ÷ 90"`);
    const plain = compileRule({ kind: 'proportional' }, 2);
    expect(plain.explain(plain.score({ value: 87.5 }), 'vi')).toMatchInlineSnapshot(`"tỷ lệ 87,5% × 2 = 1,75/2 điểm"`);
    expect(plain.describe('en')).toMatchInlineSnapshot(`"Points = rate (%) × 2 ÷ 100"`);
    const inv = compileRule({ kind: 'proportional', inverse: true, fullAt: 5 }, 2);
    expect(inv.describe('vi')).toMatchInlineSnapshot(`"Tỷ lệ từ 5% trở xuống: tối đa 2 điểm; trên 5%: điểm = (100 − tỷ lệ (%)) × 2 ÷ 95"`);
  });
});
