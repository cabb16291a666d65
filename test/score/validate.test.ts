import { validateFramework, builtinFrameworks, builtinFrameworkIssues, builtinFrameworkInfo, getBuiltinFramework, builtinUnits, formatIssue, t, type FrameworkNode } from '../../engine';

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
    expect(maxIssue && formatIssue(maxIssue)).toBe('nodes.0 (tiêu chí 1): Điểm tối đa khai báo 6 khác tổng điểm tối đa của các tiêu chí con 5,5');
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
  test('three sets load, each validates with zero errors and zero warnings', () => {
    expect(builtinFrameworkIssues()).toEqual([]);
    expect(builtinFrameworks.map((f) => f.id)).toEqual(['thanh-xuan-2023', 'hanoi-ward-2940', 'national-province-2948']);
    for (const f of builtinFrameworks) {
      const v = validateFramework(f);
      expect([f.id, v.issues]).toEqual([f.id, []]);
      expect(f.meta?.points).toBeDefined();
      expect(f.meta?.note).toBeTruthy();
    }
  });

  test('national-province-2948: official area maxima of 2948/QĐ-BNV', () => {
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
