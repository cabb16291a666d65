import { validateFramework, ruleKinds, builtinFrameworks, builtinFrameworkIssues, builtinFrameworkInfo, getBuiltinFramework, builtinUnits, formatIssue, t, type FrameworkNode } from '../../engine';

const leaf = (code: string, max: number, rule: Record<string, unknown> = { kind: 'yesNo' }, extra: Partial<FrameworkNode> = {}): FrameworkNode => ({ code, name: `Tiêu chí ${code}`, max, rule: { kind: 'yesNo', ...rule }, ...extra });

describe('validateFramework', () => {
  test('a framework with 5 deliberate mistakes yields exactly 5 located issues in one run', () => {
    const raw = {
      id: 'bad',
      name: 'Bộ tiêu chí có lỗi',
      total: 10,
      nodes: [
        {
          code: '1',
          name: 'Lĩnh vực 1',
          max: 6, // mistake 1: children sum to 5.5
          children: [leaf('1.1', 2), leaf('1.2', 2), { code: '1.3', name: 'Thiếu quy tắc', max: 1.5 } /* mistake 2: no rule */],
        },
        {
          code: '2',
          name: 'Lĩnh vực 2',
          children: [
            leaf('2.1', 1),
            leaf('2.1', 1), // mistake 3: duplicate code
            leaf('2.2', 1, { kind: 'percentage' }), // mistake 4: unknown rule kind
            leaf('2.3', 1, { kind: 'yesNo', yes: 2 }), // mistake 5: bad params (share above 1)
          ],
        },
      ],
    };
    const { issues, compiled, framework } = validateFramework(raw);
    expect(framework).toBeDefined();
    expect(compiled).toBeUndefined();
    expect(issues.map((i) => [i.code, i.criterion, i.path?.join('.')])).toEqual([
      ['framework.leafIncomplete', '1.3', 'nodes.0.children.2'],
      ['framework.maxMismatch', '1', 'nodes.0'],
      ['framework.duplicateCode', '2.1', 'nodes.1.children.1'],
      ['rule.unknownKind', '2.2', 'nodes.1.children.2.rule.kind'],
      ['rule.badParams', '2.3', 'nodes.1.children.3.rule'],
    ]);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
    const maxIssue = issues.find((i) => i.code === 'framework.maxMismatch');
    expect(maxIssue && formatIssue(maxIssue)).toBe('Tiêu chí 1: Điểm tối đa khai báo 6 khác tổng điểm tối đa của các tiêu chí con 5,5');
    const kindIssue = issues.find((i) => i.code === 'rule.unknownKind');
    expect(kindIssue && t(kindIssue.code, kindIssue.params)).toContain('percentage');
    expect(kindIssue && t(kindIssue.code, kindIssue.params)).toContain('yesNo');
  });

  test('areas not summing to the total: both numbers are named', () => {
    const { issues } = validateFramework({
      id: 'x',
      name: 'X',
      nodes: [
        { code: '1', name: 'A', children: [leaf('1.1', 50)] },
        { code: '2', name: 'B', children: [leaf('2.1', 49.55)] },
      ],
    });
    expect(issues).toHaveLength(1);
    expect(formatIssue(issues[0] ?? { code: 'internal.error', severity: 'error' })).toBe('nodes: Tổng điểm tối đa của các lĩnh vực là 99,55, khác tổng điểm của bộ tiêu chí 100');
  });

  test('warnings: survey leaf without a survey rule, bonus without cap; errors: unknown unit kind', () => {
    const { issues, compiled } = validateFramework({
      id: 'x',
      name: 'X',
      total: 2,
      unitKinds: ['ward', 'district'],
      nodes: [
        { code: '1', name: 'A', children: [leaf('1.1', 1, { kind: 'yesNo' }, { channel: 'survey' }), leaf('1.2', 1, { kind: 'yesNo' }, { appliesTo: ['commune'] })] },
        { code: 'T', name: 'Thưởng', role: 'bonus', children: [leaf('T.1', 1)] },
      ],
    });
    expect(issues.map((i) => [i.code, i.severity, i.criterion])).toEqual([
      ['framework.surveyRule', 'warning', '1.1'],
      ['framework.unknownUnitKind', 'error', '1.2'],
      ['framework.capMissing', 'warning', 'T'],
    ]);
    expect(compiled).toBeUndefined();
  });

  test('schema errors are located by path', () => {
    const { issues, framework } = validateFramework({ id: 'x', nodes: [{ code: '1', name: 'A', max: -1 }] });
    expect(framework).toBeUndefined();
    expect(issues.map((i) => i.path?.join('.'))).toEqual(expect.arrayContaining(['name', 'nodes.0.max']));
  });

  test('a set with schema, duplicate, rule and sum problems: every one in one run, named by code, in vi and en', () => {
    const raw = {
      id: 'broken',
      name: 'Bộ tiêu chí có lỗi',
      total: 10,
      nodes: [
        {
          code: '1',
          name: 'Lĩnh vực 1',
          max: 6,
          children: [
            leaf('1.1', 2),
            { code: '1.2', name: 'B', max: -1, rule: { kind: 'yesNo', yes: 2 } }, // negative maximum and bad params
            { code: '1.1', name: 'C', max: 2, rule: { kind: 'yesNo' } }, // duplicate code
            { code: '1.4', name: 'D', max: 2, rule: { kind: 'bands', bands: [{ from: 0, share: 1.5 }] } }, // bad params
          ],
        },
        {
          code: '2',
          name: 'Lĩnh vực 2',
          max: 5,
          children: [
            { code: '2.1', name: '', max: 2, rule: { kind: 'perItem', per: -1 } }, // empty name and bad params
            { code: '2.2', name: 'E', max: 'ba', rule: { kind: 'yesNo' } }, // maximum not a number
            { code: '2.3', name: 'F', max: 2, rule: { kind: 'nope' } }, // unknown rule kind
          ],
        },
        { code: '3', name: 'Lĩnh vực 3', max: 3, children: [leaf('3.1', 1), leaf('3.2', 1)] }, // children sum to 2
      ],
    };
    const { issues, framework, compiled } = validateFramework(raw);
    expect([framework, compiled]).toEqual([undefined, undefined]);
    expect(issues.map((i) => [i.code, i.criterion, i.path?.join('.')])).toEqual([
      ['framework.badField', '1.2', 'nodes.0.children.1.max'],
      ['rule.badParams', '1.2', 'nodes.0.children.1.rule'],
      ['framework.duplicateCode', '1.1', 'nodes.0.children.2'],
      ['rule.badParams', '1.4', 'nodes.0.children.3.rule'],
      ['framework.badField', '2.1', 'nodes.1.children.0.name'],
      ['rule.badParams', '2.1', 'nodes.1.children.0.rule'],
      ['framework.badField', '2.2', 'nodes.1.children.1.max'],
      ['rule.unknownKind', '2.3', 'nodes.1.children.2.rule.kind'],
      ['framework.maxMismatch', '3', 'nodes.2'],
      // 6 + 5 + 3 declared: the areas' own maxima are known even where a child's is not
      ['framework.totalMismatch', undefined, 'nodes'],
    ]);
    const lines = (lang: 'vi' | 'en'): string[] => issues.map((i) => formatIssue(i, lang));
    expect(lines('vi')).toEqual([
      'Tiêu chí 1.2: Trường "max" không hợp lệ: phải lớn hơn hoặc bằng 0',
      'Tiêu chí 1.2: Tham số của quy tắc "yesNo" không hợp lệ tại yes: phải nhỏ hơn hoặc bằng 1',
      'Tiêu chí 1.1: Mã tiêu chí "1.1" bị trùng: đã dùng cho "Tiêu chí 1.1"',
      'Tiêu chí 1.4: Tham số của quy tắc "bands" không hợp lệ tại bands.0.share: phải nhỏ hơn hoặc bằng 1',
      'Tiêu chí 2.1: Trường "name" không hợp lệ: cần ít nhất 1 ký tự',
      'Tiêu chí 2.1: Tham số của quy tắc "perItem" không hợp lệ tại per: phải lớn hơn 0',
      'Tiêu chí 2.2: Trường "max" không hợp lệ: cần số, nhận được chuỗi ký tự',
      'Tiêu chí 2.3: Loại quy tắc chấm "nope" không tồn tại (có: ' + Object.keys(ruleKinds).join(', ') + ')',
      'Tiêu chí 3: Điểm tối đa khai báo 3 khác tổng điểm tối đa của các tiêu chí con 2',
      'nodes: Tổng điểm tối đa của các lĩnh vực là 14, khác tổng điểm của bộ tiêu chí 10',
    ]);
    expect(lines('en')).toEqual([
      'Criterion 1.2: Field "max" is invalid: must be at least 0',
      'Criterion 1.2: Bad parameters for rule "yesNo" at yes: must be at most 1',
      'Criterion 1.1: Criterion code "1.1" is used twice: already for "Tiêu chí 1.1"',
      'Criterion 1.4: Bad parameters for rule "bands" at bands.0.share: must be at most 1',
      'Criterion 2.1: Field "name" is invalid: needs at least 1 characters',
      'Criterion 2.1: Bad parameters for rule "perItem" at per: must be greater than 0',
      'Criterion 2.2: Field "max" is invalid: a number expected, got text',
      'Criterion 2.3: Unknown rule kind "nope" (known: ' + Object.keys(ruleKinds).join(', ') + ')',
      "Criterion 3: Declared maximum 3 differs from the sum of the children's maxima 2",
      "nodes: The areas' maxima sum to 14, not the framework total 10",
    ]);
    // No zod wording and no position in the tree reach the reader.
    for (const l of [...lines('vi'), ...lines('en')]) {
      expect(l).not.toMatch(/children\.\d|nodes\.\d|Too small|Invalid input|expected number/);
    }
  });

  test('a rejected or missing maximum is not also "missing" nor summed; a node that is not an object is named by its place', () => {
    const { issues } = validateFramework({
      id: 'x',
      name: 'X',
      total: 3,
      nodes: [
        {
          code: '1',
          name: 'A',
          children: [{ code: '1.1', name: 'B', max: -2, rule: { kind: 'yesNo' } }, 'not a node', { name: 'no code', max: 1, rule: { kind: 'yesNo' } }, { code: '1.4', name: 'D', rule: { kind: 'yesNo' } }],
        },
      ],
    });
    expect(issues.map((i) => [i.code, i.criterion, i.params?.['path']])).toEqual([
      ['framework.badField', '1.1', 'max'],
      ['framework.badNode', '1 › #2', 'nodes.0.children.1'],
      ['framework.badField', '1 › #3', 'code'],
      ['framework.leafIncomplete', '1.4', undefined],
    ]);
    expect(issues.map((i) => formatIssue(i, 'vi'))[1]).toBe('Tiêu chí 1 › #2: Tiêu chí không hợp lệ: cần đối tượng {…}, nhận được chuỗi ký tự');
    expect(issues.map((i) => formatIssue(i, 'en'))[2]).toBe('Criterion 1 › #3: Field "code" is invalid: missing (text expected)');
  });

  test('inherited lead, appliesTo and area are resolved on compiled leaves; each rule compiled once', () => {
    const { compiled } = validateFramework({
      id: 'x',
      name: 'X',
      total: 3,
      nodes: [{ code: '1', name: 'A', lead: 'NV', appliesTo: ['ward'], children: [{ code: '1.1', name: 'B', children: [leaf('1.1.1', 3, { kind: 'proportional' }, { lead: 'TP' })] }] }],
    });
    const l = compiled?.byCode.get('1.1.1');
    expect([l?.lead, l?.appliesTo, l?.area, l?.rule?.kind]).toEqual(['TP', ['ward'], '1', 'proportional']);
    expect(compiled?.byCode.get('1.1')?.lead).toBe('NV');
  });
});

describe('built-in criteria sets', () => {
  test('five sets load, each validates with zero errors and zero warnings', () => {
    expect(builtinFrameworkIssues()).toEqual([]);
    expect(builtinFrameworks.map((f) => f.id)).toEqual(['thanh-xuan-2023', 'hanoi-ward-2940', 'national-province-876', 'national-province-2948', 'service-delivery-766']);
    for (const f of builtinFrameworks) {
      const v = validateFramework(f);
      expect([f.id, v.issues]).toEqual([f.id, []]);
      expect(f.meta?.points).toBeDefined();
      expect(f.meta?.note).toBeTruthy();
    }
  });

  test('national-province-2948: official area maxima of 2948/QĐ-BNV (the 2017 set)', () => {
    const f = getBuiltinFramework('national-province-2948');
    expect(f?.meta?.points).toBe('official');
    expect(builtinFrameworkInfo('national-province-2948')?.compiled.nodes.map((n) => n.max)).toEqual([10, 10, 14.5, 11, 16, 7, 16, 15.5]);
  });

  test('thanh-xuan-2023: the plan areas 1.1–1.6 with their lead units, survey items, wards and district', () => {
    const info = builtinFrameworkInfo('thanh-xuan-2023');
    expect(info?.points).toBe('illustrative');
    const c = info?.compiled;
    expect(c?.nodes.map((n) => [n.code, n.lead])).toEqual([
      ['1.1', 'NV'],
      ['1.2', 'TP'],
      ['1.3', 'VP'],
      ['1.4', 'TCKH'],
      ['1.5', 'VP'],
      ['1.6', 'TCKH'],
    ]);
    const leaves = c?.leaves ?? [];
    const codes = new Set(builtinUnits.map((u) => u.code));
    for (const l of leaves) expect([l.code, l.lead !== undefined && codes.has(l.lead)]).toEqual([l.code, true]);
    // five service aspects feed from SIPAS aspect codes
    expect(leaves.filter((l) => l.channel === 'survey' && /^II\.\d$/.test(l.surveyKey)).map((l) => l.surveyKey)).toEqual(['II.1', 'II.2', 'II.3', 'II.4', 'II.5']);
    for (const l of leaves.filter((x) => x.channel === 'survey')) expect(l.rule?.kind).toBe('survey');
    expect(leaves.some((l) => l.appliesTo?.includes('ward'))).toBe(true);
    expect(leaves.some((l) => l.appliesTo && !l.appliesTo.includes('ward'))).toBe(true);
    // coordinators include the 11 wards
    const wards = builtinUnits.filter((u) => u.kind === 'ward').map((u) => u.code);
    expect(wards).toHaveLength(11);
    for (const a of c?.nodes ?? []) expect(a.coordinators).toEqual(expect.arrayContaining(wards));
  });

  test('hanoi-ward-2940: 7 contents, ward only', () => {
    const c = builtinFrameworkInfo('hanoi-ward-2940')?.compiled;
    expect(c?.nodes).toHaveLength(7);
    expect(c?.leaves.every((l) => l.appliesTo?.join() === 'ward')).toBe(true);
  });

  test('builtinUnits: district, 6 offices, 11 wards', () => {
    expect(builtinUnits.map((u) => u.kind).filter((k) => k === 'district')).toHaveLength(1);
    expect(builtinUnits.filter((u) => u.kind === 'office')).toHaveLength(6);
  });
});
