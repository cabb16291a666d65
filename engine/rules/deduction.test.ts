import { compileIssues, compileRule } from './testkit';

describe('deduction, count form: 1 − 0,25 per violation, floor 0', () => {
  const rule = compileRule({ kind: 'deduction', per: 0.25 }, 1);
  test.each([
    [0, 1], ['0', 1], ['Không vi phạm', 1], ['không', 1], [1, 0.75], ['2', 0.5], [3, 0.25], [4, 0], [9, 0],
  ] as const)('%p → %p', (value, points) => {
    const o = rule.score({ value });
    expect(o.points).toBe(points);
    expect(o.issues).toEqual([]);
  });
  test.each([
    [-1, 'rule.negativeCount'], [1.5, 'rule.notAnInteger'], ['vài', 'rule.notANumber'], [{ a: 1 }, 'rule.notANumber'],
  ] as const)('%p refused with %s', (value, code) => {
    const o = rule.score({ value });
    expect(o).toMatchObject({ points: 0, missing: true });
    expect(o.issues.map((i) => i.code)).toEqual([code]);
  });
  test('zeroAt 3: 2 violations → 0,5; 3 → 0', () => {
    const r = compileRule({ kind: 'deduction', per: 0.25, zeroAt: 3 }, 1);
    expect(r.score({ value: 2 }).points).toBe(0.5);
    expect(r.score({ value: 3 }).points).toBe(0);
    expect(r.explain(r.score({ value: 3 }), 'vi')).toMatchInlineSnapshot(`"3 vi phạm (từ 3 vi phạm trở lên: 0 điểm): 0/1 điểm"`);
  });
  test('wording', () => {
    expect(rule.explain(rule.score({ value: 3 }), 'vi')).toMatchInlineSnapshot(`"3 vi phạm × 0,25: 0,25/1 điểm"`);
    expect(rule.explain(rule.score({ value: 3 }), 'en')).toMatchInlineSnapshot(`"3 violations × 0.25: 0.25/1 points"`);
    expect(rule.explain(rule.score({ value: 0 }), 'vi')).toMatchInlineSnapshot(`"không vi phạm: 1/1 điểm"`);
    expect(rule.describe('vi')).toMatchInlineSnapshot(`"Không vi phạm: tối đa 1 điểm; mỗi vi phạm trừ 0,25 điểm, tối thiểu 0 điểm"`);
    expect(rule.input).toEqual({ type: 'number', min: 0, integer: true, unit: 'vi phạm' });
  });
});

describe('deduction, severity form (max 2)', () => {
  const rule = compileRule(
    { kind: 'deduction', severities: [{ label: 'Vi phạm nhẹ', share: 0.5, labelEn: 'minor violation' }, { label: 'Vi phạm nghiêm trọng', share: 1 }] },
    2,
  );
  test.each([
    ['Không vi phạm', 2], ['vi pham nhe', 1], ['Vi phạm nghiêm trọng', 0],
    // counts per severity: 1 minor = 2 − 0,5 × 2 = 1; 3 minor = 2 − 3 → floor 0
    [{ 'Vi phạm nhẹ': 1 }, 1], [{ 'Vi phạm nhẹ': 3 }, 0], [{ 'Vi phạm nhẹ': 0, 'Vi phạm nghiêm trọng': 0 }, 2],
  ] as const)('%p → %p', (value, points) => {
    expect(rule.score({ value }).points).toBe(points);
  });
  test.each([['Vi phạm vừa'], [2], [{ 'Vi phạm vừa': 1 }]] as const)('%p → rule.notAChoice', (value) => {
    const o = rule.score({ value });
    expect(o.issues[0]).toMatchObject({ code: 'rule.notAChoice', params: { choices: ['Không vi phạm', 'Vi phạm nhẹ', 'Vi phạm nghiêm trọng'] } });
  });
  test('negative count per severity refused', () => {
    expect(rule.score({ value: { 'Vi phạm nhẹ': -1 } }).issues[0]?.code).toBe('rule.negativeCount');
  });
  test('wording', () => {
    expect(rule.explain(rule.score({ value: 'Vi phạm nhẹ' }), 'vi')).toMatchInlineSnapshot(`"vi phạm nhẹ (trừ 50%): 1/2 điểm"`);
    expect(rule.explain(rule.score({ value: 'Vi phạm nhẹ' }), 'en')).toMatchInlineSnapshot(`"minor violation (minus 50%): 1/2 points"`);
    expect(rule.explain(rule.score({ value: { 'Vi phạm nhẹ': 1, 'Vi phạm nghiêm trọng': 0 } }), 'vi')).toMatchInlineSnapshot(`"1 × vi phạm nhẹ (trừ 50%): 1/2 điểm"`);
    expect(rule.describe('vi')).toMatchInlineSnapshot(`"Không vi phạm: tối đa 2 điểm; vi phạm nhẹ: trừ 50%; vi phạm nghiêm trọng: 0 điểm"`);
    expect(rule.input).toEqual({ type: 'choice', choices: ['Không vi phạm', 'Vi phạm nhẹ', 'Vi phạm nghiêm trọng'] });
  });
});

describe('deduction: params', () => {
  test.each([
    [{ per: 0.25, severities: [{ label: 'Nhẹ', share: 0.5 }] }, ['rule.badParams']],
    [{}, ['rule.badParams']],
    [{ per: -1 }, ['rule.badParams']],
    [{ severities: [{ label: 'Nhẹ', share: 0.5 }], zeroAt: 2 }, ['rule.badParams']],
    [{ severities: [{ label: 'Nhẹ', share: 0.5 }, { label: 'nhe', share: 1 }] }, ['rule.duplicateLabel']],
    [{ per: 2 }, ['rule.deductionAboveMax']], // a warning: compiles
  ] as const)('%p → %p', (params, codes) => {
    expect(compileIssues({ kind: 'deduction', ...params }, 1).map((i) => i.code)).toEqual(codes);
  });
});
