import { compileIssues, compileRule } from './testkit';

const ANSWERS = [{ label: 'A', share: 1 }, { label: 'B', share: 0.6 }, { label: 'C', share: 0.2 }, { label: 'D', share: 0 }];

describe('survey: proportional (default)', () => {
  const rule = compileRule({ kind: 'survey' }, 1);
  test('the survey index for the unit and leaf: 86,49% × 1', () => {
    const o = rule.score({ value: undefined, survey: 86.49 });
    expect(o.points).toBeCloseTo(0.8649, 12);
    expect(o.facts.source).toBe('survey');
  });
  test('falls back to a declared number', () => {
    const o = rule.score({ value: '86,49%' });
    expect(o.points).toBeCloseTo(0.8649, 12);
    expect(o.facts.source).toBe('value');
  });
  test('the survey index wins over a declared value', () => {
    expect(rule.score({ value: 50, survey: 80 }).points).toBeCloseTo(0.8, 12);
  });
  test('no survey, no value: missing with rule.surveyMissing', () => {
    const o = rule.score({ value: undefined });
    expect(o).toMatchObject({ points: 0, missing: true });
    expect(o.issues).toEqual([{ code: 'rule.surveyMissing', severity: 'warning' }]);
    expect(rule.explain(o, 'vi')).toBe('chưa có kết quả điều tra: 0 điểm');
  });
  test.each([
    [{ value: undefined, survey: 101 }, 'rule.valueOutOfRange'],
    [{ value: undefined, survey: Number.NaN }, 'rule.notANumber'],
    [{ value: 'rất hài lòng' }, 'rule.notANumber'],
  ] as const)('%p refused with %s', (input, code) => {
    expect(rule.score(input).issues.map((i) => i.code)).toEqual([code]);
  });
  test('input kind is survey (no cell to fill)', () => {
    expect(rule.input).toEqual({ type: 'survey' });
  });
  test('wording', () => {
    const o = rule.score({ value: undefined, survey: 86.49 });
    expect(rule.explain(o, 'vi')).toMatchInlineSnapshot(`"chỉ số hài lòng 86,49% × 1 = 0,865/1 điểm"`);
    expect(rule.explain(o, 'en')).toMatchInlineSnapshot(`"satisfaction 86.49% × 1 = 0.865/1 points"`);
    expect(rule.describe('vi')).toMatchInlineSnapshot(`"Theo chỉ số hài lòng từ kết quả điều tra. Điểm = chỉ số hài lòng (%) × 1 ÷ 100"`);
  });
});

describe('survey: full from 90% (max 2)', () => {
  const rule = compileRule({ kind: 'survey', fullAt: 90 }, 2);
  test.each([[85, (2 * 85) / 90], [90, 2], [96, 2], [0, 0]] as const)('%p → %p', (survey, points) => {
    expect(rule.score({ value: undefined, survey }).points).toBeCloseTo(points, 12);
  });
});

describe('survey: banded, same bands as the bands kind', () => {
  const rule = compileRule({ kind: 'survey', bands: [{ from: 90, share: 1 }, { from: 80, to: 90, share: 0.5 }, { to: 80, share: 0 }] }, 1);
  test.each([[90, 1], [89.99, 0.5], [80, 0.5], [79.99, 0]] as const)('%p → %p', (survey, points) => {
    expect(rule.score({ value: undefined, survey }).points).toBe(points);
  });
  test('wording', () => {
    expect(rule.explain(rule.score({ value: undefined, survey: 85 }), 'vi')).toMatchInlineSnapshot(`"chỉ số hài lòng 85% (từ 80% đến dưới 90%): 0,5/1 điểm"`);
  });
});

describe('survey: answer shares A 100%, B 60%, C 20%, D 0% (max 2)', () => {
  const rule = compileRule({ kind: 'survey', answers: ANSWERS }, 2);
  test('counts per answer: (30 × 1 + 10 × 0,6 + 5 × 0,2 + 0) / 45 = 82,22%', () => {
    const o = rule.score({ value: { A: 30, B: 10, C: 5, D: 0 } });
    expect(o.facts.rate).toBeCloseTo((37 / 45) * 100, 10);
    expect(o.points).toBeCloseTo((2 * 37) / 45, 12);
    expect(rule.explain(o, 'vi')).toMatchInlineSnapshot(`"45 phiếu; chỉ số hài lòng 82,22% × 2 = 1,644/2 điểm"`);
  });
  test('one answer: B → 60% of 2', () => {
    expect(rule.score({ value: 'b' }).points).toBeCloseTo(1.2, 12);
  });
  test.each([
    [{ A: 0, B: 0 }, 'rule.noAnswers'],
    [{ E: 1 }, 'rule.notAChoice'],
    [{ A: -1 }, 'rule.negativeCount'],
    ['E', 'rule.notAChoice'],
  ] as const)('%p → %s', (value, code) => {
    expect(rule.score({ value }).issues.map((i) => i.code)).toEqual([code]);
  });
  test('input: one count per answer', () => {
    expect(rule.input).toEqual({ type: 'vars', names: ['A', 'B', 'C', 'D'] });
  });
});

describe('survey: params', () => {
  test.each([
    [{ bands: [{ from: 0, share: 1 }], fullAt: 90 }, ['rule.badParams']],
    [{ fullAt: 0 }, ['rule.fullAtRange']],
    [{ inverse: true }, ['rule.badParams']],
    [{ bands: [{ from: 50, share: 1 }] }, ['rule.bandsGap']],
    [{ answers: [{ label: 'A', share: 0.8 }, { label: 'B', share: 0 }] }, ['rule.answerShares']],
    [{ answers: [{ label: 'A', share: 1 }, { label: 'a', share: 0 }] }, ['rule.duplicateLabel']],
  ] as const)('%p → %p', (params, codes) => {
    expect(compileIssues({ kind: 'survey', ...params }, 1).map((i) => i.code)).toEqual(codes);
  });
});
