import { compileIssues, compileRule } from './testkit';

const FOUR_LEVELS = {
  kind: 'levels',
  levels: [
    { label: 'Hoàn thành xuất sắc', share: 1, aliases: ['HTXS'] },
    { label: 'Hoàn thành tốt', share: 0.75, labelEn: 'completed well' },
    { label: 'Hoàn thành', share: 0.5 },
    { label: 'Không hoàn thành', share: 0 },
  ],
};

describe('levels: value → share of max (max 1)', () => {
  const rule = compileRule(FOUR_LEVELS, 1);
  test.each([
    // label matched after folding case and diacritics
    ['Hoàn thành xuất sắc', 1, false],
    ['HOÀN THÀNH XUẤT SẮC', 1, false],
    ['htxs', 1, false],
    ['Hoàn thành tốt', 0.75, false],
    ['hoan thanh tot', 0.75, false],
    ['  Hoàn  thành ', 0.5, false],
    ['Không hoàn thành', 0, false],
    ['', 0, true],
    [undefined, 0, true],
    ['Không áp dụng', 0, true],
  ] as const)('%p → %p', (value, points, missing) => {
    const o = rule.score({ value });
    expect(o.points).toBe(points);
    expect(o.missing).toBe(missing);
    expect(o.issues).toEqual([]);
  });

  test.each([['Khá'], [5], [true]] as const)('%p is not a level: rule.notAChoice listing the labels', (value) => {
    const o = rule.score({ value });
    expect(o).toMatchObject({ points: 0, missing: true });
    expect(o.issues).toEqual([
      { code: 'rule.notAChoice', params: { value: String(value), choices: ['Hoàn thành xuất sắc', 'Hoàn thành tốt', 'Hoàn thành', 'Không hoàn thành'] } },
    ]);
  });

  test('input is a dropdown of the labels', () => {
    expect(rule.input).toEqual({ type: 'choice', choices: ['Hoàn thành xuất sắc', 'Hoàn thành tốt', 'Hoàn thành', 'Không hoàn thành'] });
  });

  test('absolute points per level: "Đạt" 2 of max 2,5', () => {
    const r = compileRule({ kind: 'levels', levels: [{ label: 'Đạt', points: 2 }, { label: 'Không đạt', points: 0 }] }, 2.5);
    expect(r.score({ value: 'đạt' }).points).toBe(2);
  });
});

describe('levels: wording', () => {
  const rule = compileRule(FOUR_LEVELS, 1);
  test('explain', () => {
    const o = rule.score({ value: 'Hoàn thành tốt' });
    expect(rule.explain(o, 'vi')).toMatchInlineSnapshot(`"hoàn thành tốt (75%): 0,75/1 điểm"`);
    expect(rule.explain(o, 'en')).toMatchInlineSnapshot(`"completed well (75%): 0.75/1 points"`);
    expect(rule.explain(rule.score({ value: '' }), 'vi')).toBe('chưa kê khai số liệu');
    expect(rule.explain(rule.score({ value: 'Khá' }), 'vi')).toBe('số liệu không hợp lệ: 0 điểm');
  });
  test('describe', () => {
    expect(compileRule(FOUR_LEVELS, 2).describe('vi')).toMatchInlineSnapshot(
      `"Hoàn thành xuất sắc: 2 điểm; Hoàn thành tốt: 75% (1,5 điểm); Hoàn thành: 50% (1 điểm); Không hoàn thành: 0 điểm"`,
    );
  });
});

describe('levels: params checked at framework validation', () => {
  test.each([
    ['duplicate after folding', { kind: 'levels', levels: [{ label: 'Hoàn thành', share: 1 }, { label: 'hoan thanh', share: 0 }] }, ['rule.duplicateLabel']],
    ['points above max 1', { kind: 'levels', levels: [{ label: 'Đạt', points: 3 }] }, ['rule.awardAboveMax']],
    ['neither points nor share', { kind: 'levels', levels: [{ label: 'Đạt' }] }, ['rule.badParams']],
    ['both points and share', { kind: 'levels', levels: [{ label: 'Đạt', points: 1, share: 1 }] }, ['rule.badParams']],
    ['share above 1', { kind: 'levels', levels: [{ label: 'Đạt', share: 1.5 }] }, ['rule.badParams']],
    ['unknown param', { kind: 'levels', levels: [{ label: 'Đạt', share: 1 }], colour: 'red' }, ['rule.badParams']],
    ['no levels', { kind: 'levels', levels: [] }, ['rule.badParams']],
    ['empty label', { kind: 'levels', levels: [{ label: '  ', share: 1 }] }, ['rule.badParams']],
  ])('%s', (_name, spec, codes) => {
    expect(compileIssues(spec, 1).map((i) => i.code)).toEqual(codes);
  });
});
