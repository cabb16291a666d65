import { scoreDocument, whatIf, targetGap, gapsByArea, gapsByLead, recoverableGaps, formatIssue, type ScoringDocumentInput, type FrameworkNode, type UnitResult, type ScoringDocument, scoringDocumentSchema } from '../../engine';

const yn = (code: string, max: number, extra: Partial<FrameworkNode> = {}): FrameworkNode => ({ code, name: `TC ${code}`, max, rule: { kind: 'yesNo' }, ...extra });
const pts = (code: string, max: number, extra: Partial<FrameworkNode> = {}): FrameworkNode => ({ code, name: `TC ${code}`, max, rule: { kind: 'points' }, ...extra });

/** Framework of 10 points: area 1 (NV) = 1.1 yesNo 4 + 1.2 points 2; area 2 (VP) = 2.1 proportional 4. */
function doc(over: Partial<ScoringDocumentInput> = {}, nodes?: FrameworkNode[]): ScoringDocumentInput {
  return {
    framework: {
      id: 't',
      name: 'T',
      total: 10,
      nodes: nodes ?? [
        { code: '1', name: 'A', lead: 'NV', children: [yn('1.1', 4), pts('1.2', 2)] },
        { code: '2', name: 'B', lead: 'VP', children: [{ code: '2.1', name: 'Tỷ lệ', max: 4, rule: { kind: 'proportional' } }] },
      ],
    },
    units: [
      { code: 'KG', name: 'Kim Giang', kind: 'ward' },
      { code: 'HD', name: 'Hạ Đình', kind: 'ward' },
    ],
    assessments: [],
    ...over,
  };
}

function unit(r: { results: { units: UnitResult[] } }, code: string): UnitResult {
  const u = r.results.units.find((x) => x.code === code);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
}

function leafOf(u: UnitResult, code: string) {
  const stack = [...u.tree];
  while (stack.length) {
    const n = stack.pop();
    if (!n) break;
    if (n.code === code) return n;
    stack.push(...(n.children ?? []));
  }
  throw new Error(`no leaf ${code}`);
}

describe('rounds and final points', () => {
  test('rule(value), appraisal round 1, round 2, self, none', () => {
    const r = scoreDocument(
      doc({
        assessments: [
          { unit: 'KG', criterion: '1.1', value: 'Có', self: 4, appraisal: [2], reason: 'thiếu tài liệu kiểm chứng' },
          { unit: 'KG', criterion: '1.2', self: 2, appraisal: [1, 1.5], reason: 'bổ sung sau giải trình', explanation: 'đã bổ sung' },
          { unit: 'KG', criterion: '2.1', value: '87,5%' },
          { unit: 'HD', criterion: '1.1', self: 3 },
        ],
      }),
    );
    expect(r.ok).toBe(true);
    const kg = unit(r, 'KG');
    expect([leafOf(kg, '1.1').source, leafOf(kg, '1.1').score, leafOf(kg, '1.1').rulePoints]).toEqual(['appraisal1', 2, 4]);
    expect(leafOf(kg, '1.1').reason).toBe('thẩm định vòng 1: 2/4 điểm — lý do: thiếu tài liệu kiểm chứng');
    expect([leafOf(kg, '1.2').source, leafOf(kg, '1.2').score]).toEqual(['appraisal2', 1.5]);
    expect(leafOf(kg, '1.2').reason).toBe('thẩm định vòng 2: 1,5/2 điểm — lý do: bổ sung sau giải trình');
    // 87,5% × 4 = 3,5
    expect([leafOf(kg, '2.1').source, leafOf(kg, '2.1').score]).toEqual(['rule', 3.5]);
    // 2 + 1,5 + 3,5 = 7 of 10
    expect([kg.score, kg.max, kg.index]).toEqual([7, 10, 70]);
    const hd = unit(r, 'HD');
    // yesNo without a value falls back to the self-score 3
    expect([leafOf(hd, '1.1').source, leafOf(hd, '1.1').score]).toEqual(['self', 3]);
    expect(leafOf(hd, '1.1').reason).toBe('theo điểm tự chấm: 3/4 điểm');
    expect(hd.missing).toEqual(['1.2', '2.1']);
    expect(leafOf(hd, '2.1').reason).toBe('chưa kê khai: 0/4 điểm');
  });

  test('appraisal differing from self without reason → warning; equal → none', () => {
    const r = scoreDocument(doc({ assessments: [
      { unit: 'KG', criterion: '1.2', self: 2, appraisal: [1] },
      { unit: 'HD', criterion: '1.2', self: 2, appraisal: [2] },
    ] }));
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => [i.code, i.severity, i.unit, i.criterion, i.path?.join('.')])).toEqual([['scoring.appraisalWithoutReason', 'warning', 'KG', '1.2', 'assessments.0']]);
  });

  test('points outside [0, max] → located error and clamped', () => {
    const r = scoreDocument(doc({ assessments: [{ unit: 'KG', criterion: '1.1', value: 'Có', appraisal: [5], reason: 'x' }] }));
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.unit, i.criterion])).toEqual([['scoring.pointsOutOfRange', 'KG', '1.1']]);
    expect(formatIssue(r.issues[0] ?? { code: 'internal.error', severity: 'error' })).toBe('assessments.0 (đơn vị KG, tiêu chí 1.1): Điểm thẩm định vòng 1 (5) nằm ngoài khoảng [0; 4]: đã đưa về trong khoảng');
    expect(leafOf(unit(r, 'KG'), '1.1').score).toBe(4);
  });

  test('bad declared value → rule issue located, 0 points', () => {
    const r = scoreDocument(doc({ assessments: [{ unit: 'KG', criterion: '1.1', value: 'có lẽ' }] }));
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.unit, i.criterion])).toEqual([['rule.notAChoice', 'KG', '1.1']]);
    expect(unit(r, 'KG').missing).toContain('1.1');
  });
});

describe('not applicable', () => {
  test('exclude (default) drops the leaf from the maximum; full awards max; flag or value', () => {
    const nodes: FrameworkNode[] = [
      { code: '1', name: 'A', children: [yn('1.1', 4), yn('1.2', 2, { notApplicable: 'full' })] },
      { code: '2', name: 'B', children: [yn('2.1', 4)] },
    ];
    const r = scoreDocument(doc({ assessments: [
      { unit: 'KG', criterion: '1.1', value: 'Không áp dụng' },
      { unit: 'KG', criterion: '1.2', notApplicable: true },
      { unit: 'KG', criterion: '2.1', value: 'Có' },
    ] }, nodes));
    const kg = unit(r, 'KG');
    // max 10 − 4 (1.1 excluded) = 6; score 2 (1.2 full) + 4 = 6 → 100
    expect([kg.score, kg.max, kg.index]).toEqual([6, 6, 100]);
    expect(leafOf(kg, '1.1').reason).toBe('không áp dụng: không tính vào điểm tối đa');
    expect(kg.areas.map((a) => [a.code, a.score, a.max])).toEqual([['1', 2, 2], ['2', 4, 4]]);
  });

  test('framework default "full" applies to leaves without a policy', () => {
    const d = doc({ assessments: [{ unit: 'KG', criterion: '1.1', value: 'KAD' }] });
    (d.framework as { notApplicable?: string }).notApplicable = 'full';
    const kg = unit(scoreDocument(d), 'KG');
    expect([leafOf(kg, '1.1').score, kg.max]).toEqual([4, 10]);
  });
});

describe('document problems are located', () => {
  test('unknown unit, unknown criterion, duplicate, parent', () => {
    const r = scoreDocument(doc({ assessments: [
      { unit: 'XX', criterion: '1.1', value: 'Có' },
      { unit: 'KG', criterion: '9.9', value: 'Có' },
      { unit: 'KG', criterion: '1.1', value: 'Có' },
      { unit: 'KG', criterion: '1.1', value: 'Không' },
      { unit: 'KG', criterion: '1', self: 3 },
    ] }));
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.path?.join('.'), i.unit, i.criterion])).toEqual([
      ['scoring.unknownUnit', 'assessments.0', 'XX', '1.1'],
      ['scoring.unknownCriterion', 'assessments.1', 'KG', '9.9'],
      ['scoring.duplicateAssessment', 'assessments.3', 'KG', '1.1'],
      ['scoring.assessmentOnParent', 'assessments.4', 'KG', '1'],
    ]);
    // the first answer is kept
    expect(leafOf(unit(r, 'KG'), '1.1').score).toBe(4);
  });

  test('invalid document shape: ok false, no units, issues with paths', () => {
    const r = scoreDocument({ framework: { id: 'x', name: 'X', nodes: [] }, units: [{ code: 'KG' }] });
    expect(r.ok).toBe(false);
    expect(r.results.units).toEqual([]);
    expect(r.issues.map((i) => i.path?.join('.'))).toEqual(expect.arrayContaining(['units.0.name', 'framework.nodes']));
  });
});

describe('unit kinds, district and offices', () => {
  const nodes: FrameworkNode[] = [
    { code: '1', name: 'A', lead: 'NV', children: [yn('1.1', 5), yn('1.2', 5, { appliesTo: ['district'] })] },
    { code: '2', name: 'B', lead: 'TP', children: [yn('2.1', 5, { appliesTo: ['ward'] }), yn('2.2', 5, { appliesTo: ['district'] })] },
  ];
  const base = (assessments: ScoringDocumentInput['assessments']) =>
    doc({
      framework: { id: 'd', name: 'D', total: 20, nodes },
      units: [
        { code: 'QTX', name: 'Quận', kind: 'district' },
        { code: 'NV', name: 'Phòng Nội vụ', kind: 'office' },
        { code: 'TP', name: 'Phòng Tư pháp', kind: 'office' },
        { code: 'KG', name: 'Kim Giang', kind: 'ward' },
      ],
      assessments,
    });

  test('non-applying leaves are left out of the maximum; offices answer for the district', () => {
    const r = scoreDocument(base([
      { unit: 'NV', criterion: '1.1', value: 'Có' },
      { unit: 'NV', criterion: '1.2', value: 'Không' },
      { unit: 'TP', criterion: '2.2', value: 'Có' },
      { unit: 'KG', criterion: '1.1', value: 'Có' },
      { unit: 'KG', criterion: '2.1', value: 'Có' },
    ]));
    expect(r.ok).toBe(true);
    expect(r.results.units.map((u) => u.code)).toEqual(['QTX', 'KG']);
    const q = unit(r, 'QTX');
    // district: 1.1, 1.2, 2.2 apply (15); 5 + 0 + 5 = 10
    expect([q.score, q.max, q.rank]).toEqual([10, 15, 1]);
    const kg = unit(r, 'KG');
    // ward: 1.1, 2.1 apply (10)
    expect([kg.score, kg.max, kg.index, kg.rank]).toEqual([10, 10, 100, 1]);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  test('an office answering a criterion led by another office → warning; ward answering a district criterion → warning, ignored', () => {
    const r = scoreDocument(base([
      { unit: 'TP', criterion: '1.1', value: 'Có' },
      { unit: 'KG', criterion: '2.2', value: 'Có' },
    ]));
    expect(r.issues.filter((i) => i.severity === 'warning').map((i) => [i.code, i.unit, i.criterion])).toEqual([
      ['scoring.notLead', 'TP', '1.1'],
      ['scoring.notForKind', 'KG', '2.2'],
    ]);
    expect(unit(r, 'QTX').score).toBe(5);
  });
});

describe('bonus, penalty, grades, ranks', () => {
  test('bonus and penalty outside the total, capped; index clamped to [0, 100]', () => {
    const nodes: FrameworkNode[] = [
      { code: '1', name: 'A', children: [yn('1.1', 10)] },
      { code: 'T', name: 'Thưởng', role: 'bonus', cap: 1, children: [yn('T.1', 1), yn('T.2', 1)] },
      { code: 'P', name: 'Trừ', role: 'penalty', cap: 3, children: [pts('P.1', 5)] },
    ];
    const r = scoreDocument(doc({ assessments: [
      { unit: 'KG', criterion: '1.1', value: 'Có' },
      { unit: 'KG', criterion: 'T.1', value: 'Có' },
      { unit: 'KG', criterion: 'T.2', value: 'Có' },
      { unit: 'HD', criterion: '1.1', value: 'Có' },
      { unit: 'HD', criterion: 'P.1', self: 4 },
    ] }, nodes));
    const kg = unit(r, 'KG');
    // 10 + min(2, 1) = 11 of 10 → 110% → 100
    expect([kg.score, kg.bonus, kg.penalty, kg.max, kg.index, kg.standardScore]).toEqual([11, 1, 0, 10, 100, 10]);
    const hd = unit(r, 'HD');
    // 10 − min(4, 3) = 7 → 70
    expect([hd.score, hd.penalty, hd.index, hd.grade]).toEqual([7, 3, 70, 'C']);
    // bonus and penalty leaves are not gaps
    expect(kg.gaps).toEqual([]);
    expect(hd.missing).toEqual([]);
  });

  test('grades from the framework bands', () => {
    const d = doc({ assessments: [{ unit: 'KG', criterion: '1.1', value: 'Có' }, { unit: 'HD', criterion: '2.1', value: 100 }, { unit: 'HD', criterion: '1.1', value: 'Có' }] });
    (d.framework as { grades?: unknown }).grades = [{ grade: 'Tốt', min: 75 }, { grade: 'Khá', min: 40 }, { grade: 'Trung bình', min: 0 }];
    const r = scoreDocument(d);
    expect([unit(r, 'KG').grade, unit(r, 'HD').grade]).toEqual(['Khá', 'Tốt']);
  });

  test('ties share a rank and the next skips (1, 2, 2, 4); within each kind', () => {
    const units = ['A', 'B', 'C', 'D'].map((c) => ({ code: c, name: c, kind: 'ward' }));
    const rate = { A: 100, B: 50, C: 50, D: 25 } as const;
    const r = scoreDocument(doc({ units: [...units, { code: 'X', name: 'X', kind: 'commune' }], assessments: Object.entries(rate).map(([u, v]) => ({ unit: u, criterion: '2.1', value: v })) }));
    expect(r.results.units.map((u) => [u.code, u.rank])).toEqual([['A', 1], ['B', 2], ['C', 2], ['D', 4], ['X', 1]]);
  });

  test('0.1 + 0.2 style sums come out as an analyst adds them (0,3) and tie', () => {
    const nodes: FrameworkNode[] = [{ code: '1', name: 'A', children: [pts('1.1', 0.3), pts('1.2', 0.3), pts('1.3', 9.4)] }];
    const r = scoreDocument(doc({ assessments: [
      { unit: 'KG', criterion: '1.1', self: 0.1 }, { unit: 'KG', criterion: '1.2', self: 0.2 },
      { unit: 'HD', criterion: '1.1', self: 0.3 },
    ] }, nodes));
    // in binary 0.1 + 0.2 = 0.30000000000000004; points are kept to 15 significant digits, as Excel does
    expect(unit(r, 'KG').score).toBe(0.3);
    expect(unit(r, 'KG').index).toBe(unit(r, 'HD').index);
    expect([unit(r, 'KG').rank, unit(r, 'HD').rank]).toEqual([1, 1]);
  });

  test('an index of exactly 90,125 stays 90,125 (not 90,12499999999999), so it rounds to 90,13 as by hand', () => {
    // 3 + 4 + 3 + 3 + 2,25 + 2,775 = 18,025 of 20 → 90,125%
    const nodes: FrameworkNode[] = [{ code: '1', name: 'A', children: [pts('1.1', 3), pts('1.2', 4), pts('1.3', 3), pts('1.4', 3), pts('1.5', 3), pts('1.6', 4)] }];
    const self: Record<string, number> = { '1.1': 3, '1.2': 4, '1.3': 3, '1.4': 3, '1.5': 2.25, '1.6': 2.775 };
    const base = doc({ assessments: Object.entries(self).map(([criterion, v]) => ({ unit: 'KG', criterion, self: v })) }, nodes);
    const r = scoreDocument({ ...base, framework: { ...base.framework, total: 20 } });
    expect(unit(r, 'KG').score).toBe(18.025);
    expect(unit(r, 'KG').index).toBe(90.125);
    expect(unit(r, 'KG').areas[0]?.index).toBe(90.125);
  });
});

describe('survey channel', () => {
  test('survey index from surveyIndices[unit][source]; missing → reason says so', () => {
    const nodes: FrameworkNode[] = [{ code: '1', name: 'A', children: [{ code: '1.1', name: 'Tiếp cận', max: 10, channel: 'survey', source: 'II.1', rule: { kind: 'survey' } }] }];
    const r = scoreDocument(doc({ surveyIndices: { KG: { 'II.1': 87.5 } } }, nodes));
    const kg = unit(r, 'KG');
    expect(kg.score).toBeCloseTo(8.75, 12);
    expect(kg.gaps[0]?.recoverable).toBe(0);
    expect(kg.gaps[0]?.channel).toBe('survey');
    expect(unit(r, 'HD').gaps[0]?.reason).toBe('chưa có kết quả điều tra: 0 điểm');
  });
});

describe('gaps, what-if, target gap', () => {
  const input = () =>
    scoringDocumentSchema.parse(
      doc({
        units: [
          { code: 'KG', name: 'Kim Giang', kind: 'ward' },
          { code: 'HD', name: 'Hạ Đình', kind: 'ward' },
          { code: 'NC', name: 'Nhân Chính', kind: 'ward' },
        ],
        assessments: [
          // KG: 4 + 1 + 2 (50%) = 7
          { unit: 'KG', criterion: '1.1', value: 'Có' },
          { unit: 'KG', criterion: '1.2', self: 1 },
          { unit: 'KG', criterion: '2.1', value: 50 },
          // HD: 4 + 2 + 3 (75%) = 9
          { unit: 'HD', criterion: '1.1', value: 'Có' },
          { unit: 'HD', criterion: '1.2', self: 2 },
          { unit: 'HD', criterion: '2.1', value: 75 },
          // NC: 0 + 2 + 4 = 6
          { unit: 'NC', criterion: '1.1', value: 'Không' },
          { unit: 'NC', criterion: '1.2', self: 2 },
          { unit: 'NC', criterion: '2.1', value: 100 },
        ],
      }),
    );

  test('roll-ups by area and by lead, recoverable gaps sorted', () => {
    const { results } = scoreDocument(input());
    // lost: KG 1.2 1, 2.1 2; HD 2.1 1; NC 1.1 4
    expect(gapsByArea(results).map((r) => [r.key, r.lost, r.count, r.units])).toEqual([['1', 5, 2, 2], ['2', 3, 2, 2]]);
    expect(gapsByLead(results, 'KG').map((r) => [r.key, r.lost])).toEqual([['VP', 2], ['NV', 1]]);
    expect(recoverableGaps(results).map((g) => `${g.unit}:${g.criterion}`)).toEqual(['NC:1.1', 'KG:2.1', 'KG:1.2', 'HD:2.1']);
  });

  test('what-if: new scores and ranks of every unit with deltas; input untouched', () => {
    const d: ScoringDocument = input();
    const before = JSON.stringify(d);
    const base = scoreDocument(d).results;
    expect(base.units.map((u) => [u.code, u.rank])).toEqual([['KG', 2], ['HD', 1], ['NC', 3]]);
    // NC declares 1.1 "Có": 4 + 2 + 4 = 10 → rank 1; HD → 2; KG → 3
    const w = whatIf(d, [{ unit: 'NC', criterion: '1.1', value: 'Có' }]);
    expect(w.ok).toBe(true);
    expect(w.units.map((u) => [u.code, u.after.index, u.after.rank, u.delta.rank, u.changed])).toEqual([
      ['KG', 70, 3, 1, false],
      ['HD', 90, 2, 1, false],
      ['NC', 100, 1, -2, true],
    ]);
    expect(w.units.find((u) => u.code === 'NC')?.delta.index).toBe(40);
    expect(JSON.stringify(d)).toBe(before);
    // appraisal rounds and N/A as changes; an unanswered leaf can be added
    const w2 = whatIf(d, [
      { unit: 'KG', criterion: '2.1', appraisal: [4], reason: 'giả định' },
      { unit: 'HD', criterion: '2.1', notApplicable: true },
    ]);
    expect(w2.units.map((u) => [u.code, u.after.score, u.after.max])).toEqual([['KG', 9, 10], ['HD', 6, 6], ['NC', 6, 10]]);
    // the baseline session is not changed by what-if
    expect(whatIf(d, []).units.map((u) => u.after.score)).toEqual([7, 9, 6]);
    const bad = whatIf(d, [{ unit: 'ZZ', criterion: '1.1', value: 'Có' }, { unit: 'KG', criterion: '1', self: 1 }]);
    expect(bad.issues.map((i) => i.code)).toEqual(['scoring.unknownScoredUnit', 'scoring.assessmentOnParent']);
  });

  test('target index and target rank (tie), covered by recoverable gaps largest first', () => {
    const { results } = scoreDocument(input());
    // KG 7/10 → 90 needs 2 points; largest recoverable gap is 2.1 (2 points)
    const g = targetGap(results, 'KG', { index: 90 });
    expect([g.pointsNeeded, g.reachable, g.plan.map((x) => x.criterion)]).toEqual([2, true, ['2.1']]);
    // KG → rank 1: must match HD's 90 → ties HD and shares rank 1
    const r1 = targetGap(results, 'KG', { rank: 1 });
    expect([r1.targetIndex, r1.pointsNeeded, r1.tie, r1.rival?.unit]).toEqual([90, 2, true, 'HD']);
    // already there
    expect(targetGap(results, 'HD', { rank: 1 }).reached).toBe(true);
    // unreachable: NC to 100 needs 4; only 1.1 (4) recoverable → reachable
    expect(targetGap(results, 'NC', { index: 100 }).reachable).toBe(true);
    expect(targetGap(results, 'KG', { rank: 9 }).issues.map((i) => i.code)).toEqual(['scoring.targetRankRange']);
    expect(targetGap(results, 'ZZ', { index: 50 }).issues.map((i) => i.code)).toEqual(['scoring.unknownScoredUnit']);
  });
});
