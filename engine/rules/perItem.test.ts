import { compileIssues, compileRule } from './testkit';

describe('perItem: 4 reports due, 0,25 per report on time (max 1)', () => {
  const rule = compileRule({ kind: 'perItem', per: 0.25, due: 4, item: 'báo cáo', itemEn: 'reports' }, 1);
  test.each([[0, 0], [3, 0.75], ['3', 0.75], ['3/4', 0.75], [4, 1]] as const)('%p → %p', (value, points) => {
    const o = rule.score({ value });
    expect(o.points).toBe(points);
    expect(o.issues).toEqual([]);
  });
  test('more than due: capped at max, with a warning', () => {
    const o = rule.score({ value: 5 });
    expect(o.points).toBe(1);
    expect(o.issues).toEqual([{ code: 'rule.moreThanDue', severity: 'warning', params: { done: 5, due: 4 } }]);
  });
  test.each([[-1, 'rule.negativeCount'], [2.5, 'rule.notAnInteger'], ['ba', 'rule.notANumber'], [{ foo: 1 }, 'rule.notAChoice']] as const)(
    '%p → %s',
    (value, code) => {
      expect(rule.score({ value }).issues.map((i) => i.code)).toEqual([code]);
    },
  );
  test('wording', () => {
    expect(rule.explain(rule.score({ value: 3 }), 'vi')).toMatchInlineSnapshot(`"3/4 báo cáo đúng hạn × 0,25: 0,75/1 điểm"`);
    expect(rule.explain(rule.score({ value: 3 }), 'en')).toMatchInlineSnapshot(`"3/4 reports on time × 0.25: 0.75/1 points"`);
    expect(rule.describe('vi')).toMatchInlineSnapshot(`"Mỗi báo cáo hoàn thành đúng hạn: 0,25 điểm; tối đa 1 điểm (phải thực hiện 4 báo cáo)"`);
    expect(rule.input).toEqual({ type: 'number', min: 0, max: 4, integer: true, unit: 'báo cáo' });
  });
});

describe('perItem: shares of max when only the number due is known', () => {
  test('"8/12" with max 1,5: each of 12 worth 0,125 → 1', () => {
    expect(compileRule({ kind: 'perItem' }, 1.5).score({ value: '8/12' }).points).toBeCloseTo(1, 12);
  });
  test('late items earn less: 8 × 0,1 + 2 × 0,05 = 0,9', () => {
    const r = compileRule({ kind: 'perItem', per: 0.1, latePer: 0.05 }, 1);
    const o = r.score({ value: { 'Đúng hạn': 8, 'Quá hạn': 2, due: 12 } });
    expect(o.points).toBeCloseTo(0.9, 12);
    expect(r.explain(o, 'vi')).toMatchInlineSnapshot(`"8/12 nhiệm vụ đúng hạn × 0,1 + 2 quá hạn × 0,05: 0,9/1 điểm"`);
  });
  test('neither per nor due: rule.perItemNoDue', () => {
    expect(compileRule({ kind: 'perItem' }, 1).score({ value: 5 }).issues.map((i) => i.code)).toEqual(['rule.perItemNoDue']);
  });
});

describe('perItem: params', () => {
  test.each([
    [{ per: 2 }, ['rule.awardAboveMax']],
    [{ per: 0.1, latePer: 0.2 }, ['rule.awardAboveMax']],
    [{ due: 0 }, ['rule.badParams']],
    [{ due: 2.5 }, ['rule.badParams']],
  ] as const)('%p → %p', (params, codes) => {
    expect(compileIssues({ kind: 'perItem', ...params }, 1).map((i) => i.code)).toEqual(codes);
  });
});
