import { compileRule } from './testkit';

describe('yesNo (max 2)', () => {
  const rule = compileRule({ kind: 'yesNo' }, 2);
  test.each([
    ['Có', 2], ['co', 2], ['x', 2], [true, 2], [1, 2],
    ['Không', 0], ['khong', 0], [false, 0], [0, 0],
  ] as const)('%p → %p', (value, points) => {
    expect(rule.score({ value })).toMatchObject({ points, missing: false, issues: [] });
  });
  test.each([['Có lẽ'], [5], [{ a: 1 }]] as const)('%p → rule.notAChoice', (value) => {
    expect(rule.score({ value }).issues.map((i) => i.code)).toEqual(['rule.notAChoice']);
  });
  test('blank is missing without issue', () => {
    expect(rule.score({ value: '' })).toMatchObject({ missing: true, issues: [] });
  });
  test('shares: "Không" still earns 25%', () => {
    const r = compileRule({ kind: 'yesNo', yes: 1, no: 0.25 }, 2);
    expect(r.score({ value: 'Không' }).points).toBe(0.5);
    expect(r.describe('vi')).toMatchInlineSnapshot(`"Có: 2 điểm; Không: 0,5 điểm"`);
    expect(r.explain(r.score({ value: 'Không' }), 'vi')).toMatchInlineSnapshot(`"Không: 0,5/2 điểm"`);
  });
});

describe('points (max 1)', () => {
  const rule = compileRule({ kind: 'points' }, 1);
  test.each([
    [{ value: '0,75' }, 0.75, []],
    [{ value: undefined, self: 0.5 }, 0.5, []],
    [{ value: 1.5 }, 1, ['rule.pointsOutOfRange']],
    [{ value: -1 }, 0, ['rule.pointsOutOfRange']],
  ] as const)('%p → %p', (input, points, codes) => {
    const o = rule.score(input);
    expect(o.points).toBe(points);
    expect(o.issues.map((i) => i.code)).toEqual(codes);
  });
  test('nothing entered: missing', () => {
    expect(rule.score({ value: undefined })).toMatchObject({ missing: true, points: 0 });
  });
});
