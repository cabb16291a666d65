import { compileIssues, compileRule } from './testkit';
import { parseDay } from './dates';

describe('dates as units write them', () => {
  test.each([
    ['2023-07-15', '2023-07-15'],
    ['2023-07-15T00:00:00.000Z', '2023-07-15'],
    ['2023-7-5', '2023-07-05'],
    ['15/07/2023', '2023-07-15'],
    ['5/7/2023', '2023-07-05'],
    ['15-07-2023', '2023-07-15'],
    ['15.07.2023', '2023-07-15'],
    ['15/07/2023 08:30', '2023-07-15'],
    ['ngày 15 tháng 7 năm 2023', '2023-07-15'],
    ['15 tháng 07 năm 2023', '2023-07-15'],
    ['15-Jul-2023', '2023-07-15'],
    ['Jul 15, 2023', '2023-07-15'],
    ['Sat Jul 15 2023 07:00:00 GMT+0700', '2023-07-15'],
    // Excel serial: 45122 days after 1899-12-30 = 2023-07-15 (25569 = serial of 1970-01-01)
    [45122, '2023-07-15'],
    ['45122', '2023-07-15'],
  ] as const)('%p → %s', (v, iso) => {
    expect(parseDay(v)?.iso).toBe(iso);
  });
  test.each([['31/02/2023'], ['2023-13-01'], ['hôm qua'], [5], ['15/07'], [true]] as const)('%p is not a date', (v) => {
    expect(parseDay(v)).toBeUndefined();
  });
});

describe('timeliness: deadline 20/07/2023, late keeps 50% (max 1)', () => {
  const rule = compileRule({ kind: 'timeliness', deadline: '2023-07-20', late: 0.5 }, 1);
  test.each([
    ['2023-07-20', 1], // on the deadline: on time
    ['19/07/2023', 1],
    ['21/07/2023', 0.5],
    ['25/07/2023', 0.5],
    ['Đúng hạn', 1],
    ['dung han', 1],
    ['On time', 1],
    ['Quá hạn', 0.5],
    ['quá hạn 5 ngày', 0.5],
    ['late', 0.5],
    ['Chưa thực hiện', 0],
    ['not done', 0],
  ] as const)('%p → %p', (value, points) => {
    const o = rule.score({ value });
    expect(o.points).toBe(points);
    expect(o.missing).toBe(false);
    expect(o.issues).toEqual([]);
  });
  test.each([['31/02/2023'], ['sắp xong'], [12], [{ a: 1 }]] as const)('%p → rule.notADate', (value) => {
    const o = rule.score({ value });
    expect(o).toMatchObject({ points: 0, missing: true });
    expect(o.issues.map((i) => i.code)).toEqual(['rule.notADate']);
  });
  test('blank / N/A', () => {
    expect(rule.score({ value: null })).toMatchObject({ missing: true, issues: [] });
    expect(rule.score({ value: 'Không áp dụng' }).facts.notApplicable).toBe(true);
  });
  test('input is a date cell that also takes the three words', () => {
    expect(rule.input).toEqual({ type: 'date', choices: ['Đúng hạn', 'Quá hạn', 'Chưa thực hiện'] });
  });
  test('wording', () => {
    expect(rule.explain(rule.score({ value: '25/07/2023' }), 'vi')).toMatchInlineSnapshot(`"quá hạn 5 ngày (hoàn thành 25/07/2023, hạn 20/07/2023): 0,5/1 điểm"`);
    expect(rule.explain(rule.score({ value: '25/07/2023' }), 'en')).toMatchInlineSnapshot(`"5 days late (done 2023-07-25, deadline 2023-07-20): 0.5/1 points"`);
    expect(rule.explain(rule.score({ value: 'quá hạn 5 ngày' }), 'vi')).toMatchInlineSnapshot(`"quá hạn 5 ngày: 0,5/1 điểm"`);
    expect(rule.explain(rule.score({ value: '2023-07-18' }), 'vi')).toMatchInlineSnapshot(`"đúng hạn (18/07/2023 ≤ 20/07/2023): 1/1 điểm"`);
    expect(rule.explain(rule.score({ value: 'Chưa thực hiện' }), 'vi')).toMatchInlineSnapshot(`"chưa thực hiện: 0/1 điểm"`);
    expect(rule.describe('vi')).toMatchInlineSnapshot(`"Hoàn thành đúng hạn (đến hết ngày 20/07/2023): tối đa 1 điểm; quá hạn: 50% (0,5 điểm); chưa thực hiện: 0 điểm"`);
  });
});

describe('timeliness: schedule by days late (max 2)', () => {
  // ≤ 5 days late → 75%; ≤ 10 → 50%; beyond → 0
  const rule = compileRule({ kind: 'timeliness', deadline: '2023-12-31', schedule: [{ upTo: 5, share: 0.75 }, { upTo: 10, share: 0.5 }] }, 2);
  test.each([
    ['31/12/2023', 2], ['05/01/2024', 1.5], // 5 days late (across the year end)
    ['06/01/2024', 1], ['10/01/2024', 1], ['11/01/2024', 0],
    ['Quá hạn', 1.5], // no day count: first step
    ['quá hạn 7 ngày', 1],
  ] as const)('%p → %p', (value, points) => {
    expect(rule.score({ value }).points).toBe(points);
  });
  test('describe', () => {
    expect(rule.describe('vi')).toMatchInlineSnapshot(
      `"Hoàn thành đúng hạn (đến hết ngày 31/12/2023): tối đa 2 điểm; quá hạn đến 5 ngày: 75% (1,5 điểm); quá hạn đến 10 ngày: 50% (1 điểm); quá hạn trên 10 ngày: 0 điểm; chưa thực hiện: 0 điểm"`,
    );
  });
});

describe('timeliness without a deadline: words only', () => {
  const rule = compileRule({ kind: 'timeliness' }, 1);
  test('dropdown of the three words', () => {
    expect(rule.input).toEqual({ type: 'choice', choices: ['Đúng hạn', 'Quá hạn', 'Chưa thực hiện'] });
    expect(rule.score({ value: 'Quá hạn' }).points).toBe(0.5);
  });
  test('a date cannot be scored: rule.noDeadline', () => {
    expect(rule.score({ value: '15/07/2023' }).issues).toEqual([{ code: 'rule.noDeadline', params: { value: '15/07/2023' } }]);
  });
});

describe('timeliness: params', () => {
  test.each([
    [{ deadline: '20/07/2023' }, ['rule.badDeadline']],
    [{ deadline: '2023-02-30' }, ['rule.badDeadline']],
    [{ deadline: '2023-07-20', schedule: [{ upTo: 10, share: 0.5 }, { upTo: 5, share: 0.25 }] }, ['rule.scheduleOrder']],
    [{ deadline: '2023-07-20', schedule: [{ upTo: 5, share: 0.5 }, { upTo: 10, share: 0.75 }] }, ['rule.scheduleOrder']],
    [{ deadline: '2023-07-20', schedule: [{ upTo: 5, share: 0.5 }], after: 0.75 }, ['rule.scheduleOrder']],
    [{ deadline: '2023-07-20', after: 0.2 }, ['rule.badParams']],
    [{ deadline: '2023-07-20', late: 2 }, ['rule.badParams']],
  ] as const)('%p → %p', (params, codes) => {
    expect(compileIssues({ kind: 'timeliness', ...params }, 1).map((i) => i.code)).toEqual(codes);
  });
});
