import { t } from '../i18n';
import { compileIssues, compileRule } from './testkit';

/** "100% → max; từ 90% đến dưới 100% → 0,5; dưới 90% → 0". */
const STANDARD = { kind: 'bands', bands: [{ from: 100, share: 1 }, { from: 90, to: 100, points: 0.5 }, { to: 90, points: 0 }] };

describe('bands: rate → points (max 1)', () => {
  const rule = compileRule(STANDARD, 1);
  test('compiles without warnings (covers 0–100%)', () => {
    expect(rule.warnings).toBeUndefined();
    expect(rule.input).toEqual({ type: 'rate' });
  });
  test.each([
    [100, 1], ['100%', 1], ['100,0 %', 1],
    [99.99, 0.5], ['99,99%', 0.5],
    [90, 0.5], // lower bound inclusive
    [89.99, 0], [0, 0],
    ['18/20', 0.5], // 18 of 20 = 90%
    ['17/20', 0], // 85%
  ] as const)('%p → %p', (value, points) => {
    const o = rule.score({ value });
    expect(o.points).toBe(points);
    expect(o.missing).toBe(false);
    expect(o.issues).toEqual([]);
  });
  test.each([
    [101, 'rule.valueOutOfRange'], [-1, 'rule.valueOutOfRange'], ['abc', 'rule.notANumber'], ['5/0', 'rule.notANumber'],
  ] as const)('%p refused with %s', (value, code) => {
    const o = rule.score({ value });
    expect(o).toMatchObject({ points: 0, missing: true });
    expect(o.issues.map((i) => i.code)).toEqual([code]);
  });
  test('blank and N/A are missing without issue', () => {
    expect(rule.score({ value: '' })).toMatchObject({ missing: true, issues: [] });
    expect(rule.score({ value: 'Không áp dụng' })).toMatchObject({ missing: true, issues: [], facts: { notApplicable: true } });
  });
});

describe('bands: inclusive / exclusive bounds', () => {
  // "trên 95%: tối đa; từ 95% trở xuống: 0"
  const rule = compileRule({ kind: 'bands', bands: [{ from: 95, fromInclusive: false, share: 1 }, { to: 95, toInclusive: true, share: 0 }] }, 2);
  test.each([[95, 0], [95.0001, 2], [94, 0], [100, 2]] as const)('%p → %p', (value, points) => {
    expect(rule.score({ value }).points).toBe(points);
  });
});

describe('bands: number scale (days late)', () => {
  // ≤ 0 days late → max; 1–5 days → 50%; 6 and more → 0
  const rule = compileRule(
    { kind: 'bands', scale: 'number', unit: 'ngày', bands: [{ to: 0, toInclusive: true, share: 1 }, { from: 1, to: 5, toInclusive: true, share: 0.5 }, { from: 5, fromInclusive: false, share: 0 }] },
    1,
  );
  test('gap (0, 1) is reported as a warning at compile time', () => {
    expect(rule.warnings?.map((w) => [w.code, w.severity, w.params])).toEqual([['rule.bandsGap', 'warning', { from: 0, to: 1, unit: ' ngày' }]]);
  });
  test.each([[0, 1], [1, 0.5], [5, 0.5], [6, 0], [250, 0]] as const)('%p days → %p', (value, points) => {
    expect(rule.score({ value }).points).toBe(points);
  });
  test('a value in the gap scores 0 with a warning', () => {
    const o = rule.score({ value: 0.5 });
    expect(o.points).toBe(0);
    expect(o.issues).toEqual([{ code: 'rule.outsideBands', severity: 'warning', params: { value: 0.5, unit: ' ngày' } }]);
    expect(t('rule.outsideBands', o.issues[0]?.params, 'vi')).toBe('Giá trị 0,5 ngày không thuộc khung nào: 0 điểm');
  });
  test('wording with the unit word in each language', () => {
    const r = compileRule(
      { kind: 'bands', scale: 'number', unit: 'ngày', unitEn: 'days', bands: [{ to: 0, toInclusive: true, share: 1 }, { from: 0, fromInclusive: false, to: 5, toInclusive: true, share: 0.5 }, { from: 5, fromInclusive: false, share: 0 }] },
      1,
    );
    expect(r.warnings).toBeUndefined();
    expect(r.explain(r.score({ value: 3 }), 'vi')).toMatchInlineSnapshot(`"giá trị 3 ngày (trên 0 ngày đến 5 ngày): 0,5/1 điểm"`);
    expect(r.describe('en')).toMatchInlineSnapshot(`"0 days or less: full 1 point; above 0 days up to 5 days: 0.5 points; above 5 days: 0 points"`);
  });
  test('the bands span every number: input without limits, early (negative days) is on time', () => {
    expect(rule.input).toEqual({ type: 'number', unit: 'ngày' });
    expect(rule.score({ value: -2 }).points).toBe(1);
  });
  test('domain given: values outside it are refused', () => {
    const r = compileRule({ kind: 'bands', scale: 'number', unit: 'ngày', domain: { min: 0 }, bands: [{ to: 3, share: 1 }, { from: 3, share: 0 }] }, 1);
    expect(r.input).toEqual({ type: 'number', min: 0, unit: 'ngày' });
    const [i] = r.score({ value: -2.5 }).issues;
    expect(i?.code).toBe('rule.valueOutOfRange');
    expect(t('rule.valueOutOfRange', i?.params, 'vi')).toBe('Giá trị -2,5 ngày nằm ngoài khoảng [0 ngày; +∞ ngày]');
    expect(t('rule.valueOutOfRange', i?.params, 'en')).toBe('Value -2.5 ngày outside [0 ngày, +∞ ngày]');
  });
  test('the bands define the domain when all are closed below: [0, 5) and [5, ∞)', () => {
    const r = compileRule({ kind: 'bands', scale: 'number', bands: [{ from: 0, to: 5, share: 1 }, { from: 5, share: 0 }] }, 1);
    expect(r.warnings).toBeUndefined();
    expect(r.input).toEqual({ type: 'number', min: 0 });
    expect(r.score({ value: -1 }).issues[0]?.code).toBe('rule.valueOutOfRange');
  });
  test('growth in % may be negative when a band is open below', () => {
    const r = compileRule({ kind: 'bands', scale: 'number', unit: '%', bands: [{ from: 10, share: 1 }, { from: 0, to: 10, share: 0.5 }, { to: 0, share: 0 }] }, 1);
    expect(r.warnings).toBeUndefined();
    expect(r.score({ value: -3 })).toMatchObject({ points: 0, issues: [] });
    expect(r.explain(r.score({ value: -3 }), 'vi')).toMatchInlineSnapshot(`"giá trị -3% < 0%: 0/1 điểm"`);
  });
});

describe('bands: params checked at framework validation', () => {
  test.each([
    ['overlap', [{ from: 90, share: 1 }, { from: 80, to: 91, share: 0.5 }, { to: 80, share: 0 }], ['rule.bandsOverlap']],
    ['both ends include 90', [{ from: 90, share: 1 }, { from: 80, to: 90, toInclusive: true, share: 0.5 }, { to: 80, share: 0 }], ['rule.bandsOverlap']],
    ['not in order', [{ to: 50, share: 0 }, { from: 90, share: 1 }, { from: 50, to: 90, share: 0.5 }], ['rule.bandsOrder']],
    ['empty band', [{ from: 5, to: 5, share: 1 }], ['rule.bandEmpty']],
    ['points above max', [{ from: 0, points: 2 }], ['rule.awardAboveMax']],
    ['no award', [{ from: 0 }], ['rule.badParams']],
    ['unknown key', [{ from: 0, share: 1, above: 3 }], ['rule.badParams']],
    ['gap below 90%', [{ from: 100, share: 1 }, { from: 90, to: 100, share: 0.5 }], ['rule.bandsGap']],
    ['the single point 90% uncovered', [{ from: 90, fromInclusive: false, share: 1 }, { to: 90, share: 0 }], ['rule.bandsGap']],
    ['ascending order is fine', [{ to: 90, share: 0 }, { from: 90, to: 100, share: 0.5 }, { from: 100, share: 1 }], []],
  ])('%s', (_name, bands, codes) => {
    expect(compileIssues({ kind: 'bands', bands }, 1).map((i) => i.code)).toEqual(codes);
  });
  test('gap message names the uncovered range', () => {
    expect(compileIssues({ kind: 'bands', bands: [{ from: 100, share: 1 }, { from: 90, to: 100, share: 0.5 }] }, 1)).toEqual([
      { code: 'rule.bandsGap', severity: 'warning', params: { from: 0, to: 90, unit: '%' } },
    ]);
    const [gap] = compileIssues({ kind: 'bands', bands: [{ from: 100, share: 1 }, { from: 90, to: 100, share: 0.5 }] }, 1);
    expect(t('rule.bandsGap', gap?.params, 'vi')).toBe('Các khung không phủ khoảng từ 0% đến 90%: giá trị rơi vào đó được 0 điểm');
    expect(t('rule.bandsGap', gap?.params, 'en')).toBe('The bands leave 0% to 90% uncovered: a value there scores 0');
  });
});

describe('bands: wording', () => {
  test('explain, one-sided and two-sided bands', () => {
    const r = compileRule({ kind: 'bands', bands: [{ from: 95, share: 1 }, { to: 95, points: 0.5 }] }, 1);
    const o = r.score({ value: '87%' });
    expect(r.explain(o, 'vi')).toMatchInlineSnapshot(`"tỷ lệ 87% < 95%: 0,5/1 điểm"`);
    expect(r.explain(o, 'en')).toMatchInlineSnapshot(`"rate 87% < 95%: 0.5/1 points"`);
    const s = compileRule(STANDARD, 1);
    expect(s.explain(s.score({ value: 92.5 }), 'vi')).toMatchInlineSnapshot(`"tỷ lệ 92,5% (từ 90% đến dưới 100%): 0,5/1 điểm"`);
    expect(s.explain(s.score({ value: 100 }), 'vi')).toMatchInlineSnapshot(`"tỷ lệ 100% ≥ 100%: 1/1 điểm"`);
  });
  test('describe', () => {
    const s = compileRule(STANDARD, 1);
    expect(s.describe('vi')).toMatchInlineSnapshot(`"Từ 100% trở lên: tối đa 1 điểm; từ 90% đến dưới 100%: 0,5 điểm; dưới 90%: 0 điểm"`);
    expect(s.describe('en')).toMatchInlineSnapshot(`"100% or more: full 1 point; from 90% to below 100%: 0.5 points; below 90%: 0 points"`);
  });
});
