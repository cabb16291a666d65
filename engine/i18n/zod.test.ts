import { z } from 'zod';
import { fromZodIssues, missingFieldIssue, REPORT_INPUT, typeIssue } from './zod';
import { formatIssue, type Lang } from './index';
import { validateFramework } from '../index';
import { compileFramework } from '../scoring/validate';

const schema = z
  .object({
    max: z.number().min(0),
    share: z.number().gt(0).lte(1),
    levels: z.array(z.number()).length(5),
    names: z.array(z.string()).min(1),
    code: z.string().min(2),
    due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd'),
    kind: z.enum(['rate', 'number']),
    value: z.union([z.string(), z.number()]),
    step: z.number().multipleOf(0.25),
  })
  .strict();

const bad = { max: 'x', share: 0, levels: [1], names: [], code: 'a', due: '1/2/2023', kind: 'percent', value: true, step: 0.3, colour: 'red' };

function lines(raw: unknown, lang: Lang): string[] {
  const r = schema.safeParse(raw, REPORT_INPUT);
  return r.success ? [] : fromZodIssues(r.error.issues, { path: ['rule'] }).map((i) => formatIssue(i, lang));
}

describe('fromZodIssues', () => {
  test('every zod issue kind becomes a located message in Vietnamese', () => {
    expect(lines(bad, 'vi')).toMatchInlineSnapshot(`
[
  "rule.max: Dữ liệu không hợp lệ tại rule.max: cần số, nhận được chuỗi ký tự",
  "rule.share: Dữ liệu không hợp lệ tại rule.share: phải lớn hơn 0",
  "rule.levels: Dữ liệu không hợp lệ tại rule.levels: cần đúng 5 phần tử",
  "rule.names: Dữ liệu không hợp lệ tại rule.names: cần ít nhất 1 phần tử",
  "rule.code: Dữ liệu không hợp lệ tại rule.code: cần ít nhất 2 ký tự",
  "rule.due: Dữ liệu không hợp lệ tại rule.due: không đúng dạng yyyy-mm-dd",
  "rule.kind: Dữ liệu không hợp lệ tại rule.kind: phải là một trong "rate", "number"",
  "rule.value: Dữ liệu không hợp lệ tại rule.value: cần một trong: chuỗi ký tự, số, nhận được giá trị đúng/sai",
  "rule.step: Dữ liệu không hợp lệ tại rule.step: phải là bội số của 0,25",
  "rule: Dữ liệu không hợp lệ tại rule: có trường không được phép: colour",
]
`);
  });

  test('… and in English, with the same codes and params', () => {
    expect(lines(bad, 'en')).toMatchInlineSnapshot(`
[
  "rule.max: Invalid data at rule.max: a number expected, got text",
  "rule.share: Invalid data at rule.share: must be greater than 0",
  "rule.levels: Invalid data at rule.levels: needs exactly 5 items",
  "rule.names: Invalid data at rule.names: needs at least 1 item(s)",
  "rule.code: Invalid data at rule.code: needs at least 2 characters",
  "rule.due: Invalid data at rule.due: not in the form yyyy-mm-dd",
  "rule.kind: Invalid data at rule.kind: must be one of "rate", "number"",
  "rule.value: Invalid data at rule.value: one of: text, a number expected, got true/false",
  "rule.step: Invalid data at rule.step: must be a multiple of 0.25",
  "rule: Invalid data at rule: fields not allowed: colour",
]
`);
  });

  test('a missing field, a number too large, a value not reported', () => {
    expect(lines({}, 'vi')[0]).toBe('rule.max: Dữ liệu không hợp lệ tại rule.max: thiếu giá trị (cần số)');
    const r = z.object({ n: z.number().max(3) }).safeParse({ n: 5 });
    expect(r.success ? [] : fromZodIssues(r.error.issues).map((i) => formatIssue(i, 'vi'))).toEqual(['n: Dữ liệu không hợp lệ tại n: phải nhỏ hơn hoặc bằng 3']);
    const noInput = z.object({ n: z.number() }).safeParse({ n: 'x' });
    expect(noInput.success ? [] : fromZodIssues(noInput.error.issues).map((i) => formatIssue(i, 'en'))).toEqual(['n: Invalid data at n: a number expected']);
  });

  test('no zod wording reaches the reader, in either language', () => {
    const zodWords = /Invalid input|Invalid option|Too (small|big)|Unrecognized key|expected (number|string|array|object)|Đầu vào không hợp lệ|mong đợi/;
    for (const lang of ['vi', 'en'] as const) for (const line of lines(bad, lang)) expect(line).not.toMatch(zodWords);
  });

  test('issues keep codes and params only: nothing depends on the language', () => {
    const r = schema.safeParse(bad, REPORT_INPUT);
    const issues = r.success ? [] : fromZodIssues(r.error.issues, { path: ['rule'] }, { code: 'plan.schema' });
    expect(issues[0]).toEqual({
      code: 'plan.schema',
      severity: 'error',
      path: ['rule', 'max'],
      params: { path: 'rule.max', detail: { code: 'schema.invalidType', params: { expected: { code: 'schema.type.number' }, received: { code: 'schema.type.string' } } } },
    });
    expect(JSON.parse(JSON.stringify(issues))).toEqual(issues);
  });

  test('checks made before parsing word their issues the same way', () => {
    expect(formatIssue(typeIssue('object', [1, 2], { path: ['plan'] }, { code: 'plan.schema' }), 'vi')).toBe('plan: Dữ liệu kế hoạch không hợp lệ tại plan: cần đối tượng {…}, nhận được danh sách […]');
    expect(formatIssue(typeIssue('object', 3), 'en')).toBe('Invalid data at (root): an object {…} expected, got a number');
    expect(formatIssue(missingFieldIssue('tasks', { path: ['plan'] }, { code: 'plan.schema' }), 'en')).toBe('plan: Invalid plan data at plan: the field "tasks" is missing');
  });
});

describe('zod issues at the call sites', () => {
  test('rule parameters: the rule kind, the path inside the params and what is wrong', () => {
    const fw = { id: 'f', name: 'f', total: 1, nodes: [{ code: '1', name: 'A', max: 1, rule: { kind: 'yesNo', yes: 2 } }] };
    const { issues } = validateFramework(fw);
    expect(issues.map((i) => formatIssue(i, 'vi'))).toEqual(['Tiêu chí 1: Tham số của quy tắc "yesNo" không hợp lệ tại yes: phải nhỏ hơn hoặc bằng 1']);
    expect(issues.map((i) => formatIssue(i, 'en'))).toEqual(['Criterion 1: Bad parameters for rule "yesNo" at yes: must be at most 1']);
  });

  test('a refinement names its catalogue message (params.code)', () => {
    const fw = { id: 'f', name: 'f', total: 1, nodes: [{ code: '1', name: 'A', max: 1, rule: { kind: 'levels', levels: [{ label: 'Đạt', points: 1, share: 1 }] } }] };
    const { issues } = compileFramework(fw);
    expect(issues.map((i) => formatIssue(i, 'vi'))).toEqual(['Tiêu chí 1: Tham số của quy tắc "levels" không hợp lệ tại levels.0: cần đúng một trong hai tham số "points" hoặc "share"']);
  });

  test('a framework of the wrong shape: the field is named inside its criterion, and the node is still checked', () => {
    const { issues } = validateFramework({ id: 'f', name: 'f', nodes: [{ code: '1', name: 'A', max: '2' }] });
    expect(issues.map((i) => formatIssue(i, 'vi'))).toEqual(['Tiêu chí 1: Trường "max" không hợp lệ: cần số, nhận được chuỗi ký tự', 'Tiêu chí 1: Tiêu chí không có tiêu chí con nên phải có: rule']);
    expect(issues[0]?.path).toEqual(['nodes', 0, 'max']);
  });
});
