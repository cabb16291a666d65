import { trackPlan, planJson, builtinPlan2023, type PlanTask, type TaskStatus } from '../../engine/plan';
import type { Unit } from '../../engine/model/unit';
import type { Gap, NodeResult, ResultsDocument, UnitResult } from '../../engine/model/results';

const units: Unit[] = [
  { code: 'QTX', name: 'UBND quận Thanh Xuân', kind: 'district' },
  { code: 'NV', name: 'Phòng Nội vụ', kind: 'office' },
  { code: 'TP', name: 'Phòng Tư pháp', kind: 'office' },
  { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
  { code: 'KD', name: 'UBND phường Khương Đình', kind: 'ward' },
];

function task(id: string, extra: Partial<PlanTask> = {}): PlanTask {
  return { id, section: id.replace(/-\d+$/, ''), title: `Nhiệm vụ ${id}`, lead: 'NV', leadName: 'Phòng Nội vụ', coordinators: [], criteria: [], ...extra };
}

const improvementPlan = task('III.2-1', { due: '2023-07-15' });
const quarterlyReport = task('III.1-3', { lead: 'ALL', leadName: 'Các cơ quan, đơn vị, UBND 11 phường', recurrence: 'quarterly' });
const legalDocs = task('II.1.2-2', { lead: 'TP', leadName: 'Phòng Tư pháp', coordinators: ['KG', 'KD'], due: '2023-12-31', criteria: ['1.2'] });

function st(taskId: string, unit: string, quarter: string, progress: TaskStatus['progress'], extra: Partial<TaskStatus> = {}): TaskStatus {
  return { task: taskId, unit, quarter, progress, ...extra };
}

describe('trackPlan: deadlines and quarters', () => {
  test('a task due 15/7 reported done on 20/7 is late (5 days); done on 10/7 is done', () => {
    const late = trackPlan({ tasks: [improvementPlan], statuses: [st('III.2-1', 'NV', '2023-Q3', 'done', { completedOn: '2023-07-20', percent: 100 })], units, asOf: '2023-09-30' });
    const a = late.tasks[0]?.assignments[0];
    expect(a).toMatchObject({ unit: 'NV', role: 'lead', status: 'late', due: '2023-07-15', completedOn: '2023-07-20', daysLate: 5 });
    expect(late.tasks[0]?.status).toBe('late');
    expect(late.late).toEqual([expect.objectContaining({ unit: 'NV', task: 'III.2-1', status: 'late', headTitle: 'Thủ trưởng cơ quan', daysLate: 5 })]);

    const onTime = trackPlan({ tasks: [improvementPlan], statuses: [st('III.2-1', 'NV', '2023-Q3', 'done', { completedOn: '2023-07-10' })], units, asOf: '2023-09-30' });
    expect(onTime.tasks[0]?.status).toBe('done');
    expect(onTime.late).toEqual([]);
  });

  test('a one-off task done in an earlier quarter stays done', () => {
    const r = trackPlan({ tasks: [improvementPlan], statuses: [st('III.2-1', 'NV', '2023-Q2', 'done', { completedOn: '2023-06-30' })], units, asOf: '2023-12-31' });
    expect(r.quarter).toBe('2023-Q4');
    expect(r.tasks[0]?.status).toBe('done');
  });

  test('in progress: on track before the deadline, late after it (days counted to the review date)', () => {
    const s = [st('III.2-1', 'NV', '2023-Q3', 'inProgress', { percent: 60 })];
    expect(trackPlan({ tasks: [improvementPlan], statuses: s, units, asOf: '2023-07-10' }).tasks[0]?.status).toBe('onTrack');
    const after = trackPlan({ tasks: [improvementPlan], statuses: s, units, asOf: '2023-07-31' });
    // 15/7 → 31/7 = 16 days
    expect(after.tasks[0]?.assignments[0]).toMatchObject({ status: 'late', percent: 60, daysLate: 16 });
  });

  test('not started before the deadline is notStarted (and listed), after it late', () => {
    const s = [st('III.2-1', 'NV', '2023-Q3', 'notStarted')];
    const before = trackPlan({ tasks: [improvementPlan], statuses: s, units, asOf: '2023-07-01' });
    expect(before.tasks[0]?.status).toBe('notStarted');
    expect(before.late.map((e) => [e.unit, e.task, e.status])).toEqual([['NV', 'III.2-1', 'notStarted']]);
    expect(trackPlan({ tasks: [improvementPlan], statuses: s, units, asOf: '2023-08-01' }).tasks[0]?.status).toBe('late');
  });

  test('a unit with no quarterly sheet is notReported on each of its tasks', () => {
    const statuses = [st('III.1-3', 'NV', '2023-Q3', 'done', { completedOn: '2023-09-20' }), st('III.1-3', 'TP', '2023-Q3', 'inProgress'), st('III.1-3', 'KG', '2023-Q3', 'done', { completedOn: '2023-09-25' })];
    const r = trackPlan({ tasks: [quarterlyReport, legalDocs], statuses, units, asOf: '2023-09-15', quarter: '2023-Q3' });
    const kd = r.units.find((u) => u.unit === 'KD');
    expect(kd).toMatchObject({ reported: false, headTitle: 'Chủ tịch UBND phường', tasks: 2, counts: { notReported: 2, done: 0, onTrack: 0, late: 0, notStarted: 0 } });
    expect(r.units.find((u) => u.unit === 'KG')?.reported).toBe(true);
    expect(r.late.filter((e) => e.unit === 'KD').map((e) => [e.task, e.status, e.role])).toEqual([
      ['III.1-3', 'notReported', 'lead'],
      ['II.1.2-2', 'notReported', 'coordinator'],
    ]);
    // the district is scored, it does not report
    expect(r.units.map((u) => u.unit)).toEqual(['NV', 'TP', 'KG', 'KD']);
    // III.1-3 leads: NV done, TP on track (quarter ends 30/9, asOf 15/9), KG done, KD not reported → overall notReported
    expect(r.tasks[0]?.status).toBe('notReported');
    expect(r.tasks[0]?.due).toBe('2023-09-30');
  });

  test('a quarterly task reported last quarter but not this one is notReported', () => {
    const r = trackPlan({ tasks: [quarterlyReport], statuses: [st('III.1-3', 'NV', '2023-Q2', 'done', { completedOn: '2023-06-20' })], units, asOf: '2023-09-30' });
    expect(r.tasks[0]?.assignments.find((a) => a.unit === 'NV')?.status).toBe('notReported');
  });

  test('quarterly report done after the quarter end is late', () => {
    const r = trackPlan({ tasks: [quarterlyReport], statuses: [st('III.1-3', 'NV', '2023-Q3', 'done', { completedOn: '2023-10-05' })], units, asOf: '2023-10-10', quarter: 'Quý III/2023' });
    expect(r.tasks[0]?.assignments.find((a) => a.unit === 'NV')).toMatchObject({ status: 'late', due: '2023-09-30', daysLate: 5 });
  });

  test('responsibility list groups by unit with the head who answers for it', () => {
    const statuses = [st('III.1-3', 'NV', '2023-Q3', 'done', { completedOn: '2023-09-20' }), st('III.1-3', 'TP', '2023-Q3', 'notStarted'), st('II.1.2-2', 'TP', '2023-Q3', 'inProgress')];
    const r = trackPlan({ tasks: [quarterlyReport, legalDocs], statuses, units, asOf: '2023-10-02', quarter: '2023-Q3' });
    expect(r.responsibility.map((x) => [x.unit, x.headTitle, x.late, x.notStarted, x.notReported])).toEqual([
      ['TP', 'Thủ trưởng cơ quan', 1, 0, 0], // III.1-3 not started after 30/9 → late; II.1.2-2 in progress before 31/12 → on track
      ['KG', 'Chủ tịch UBND phường', 0, 0, 2],
      ['KD', 'Chủ tịch UBND phường', 0, 0, 2],
    ]);
    expect(trackPlan({ tasks: [quarterlyReport], statuses: [], units, asOf: '2023-10-02', lang: 'en' }).responsibility[2]?.headTitle).toBe("Chair of the ward People's Committee");
  });

  test('coordinators can be left out of tracking', () => {
    const r = trackPlan({ tasks: [legalDocs], statuses: [], units, asOf: '2023-09-30', trackCoordinators: false });
    expect(r.tasks[0]?.assignments.map((a) => a.unit)).toEqual(['TP']);
  });

  test('statuses that do not fit the register are flagged', () => {
    const r = trackPlan({ tasks: [improvementPlan], statuses: [st('ZZ-1', 'NV', '2023-Q3', 'done'), st('III.2-1', 'KG', '2023-Q3', 'done')], units, asOf: '2023-09-30' });
    expect(r.issues.map((i) => [i.code, i.unit])).toEqual([
      ['plan.status.unknownTask', 'NV'],
      ['plan.status.notAssigned', 'KG'],
    ]);
  });
});

function leaf(code: string, score: number, max: number): NodeResult {
  return { code, name: `Tiêu chí ${code}`, role: 'standard', score, max, declaredMax: max, lost: max - score, applicable: true, leaf: true };
}
function area(code: string, children: NodeResult[]): NodeResult {
  const score = children.reduce((s, c) => s + c.score, 0);
  const max = children.reduce((s, c) => s + c.max, 0);
  return { code, name: `Lĩnh vực ${code}`, role: 'standard', score, max, declaredMax: max, lost: max - score, applicable: true, leaf: false, children };
}
function gap(criterion: string, areaCode: string, lost: number, lead?: string): Gap {
  return { criterion, name: `Tiêu chí ${criterion}`, area: areaCode, lost, max: 1, score: 1 - lost, channel: 'appraisal', reason: '', recoverable: lost, ...(lead ? { lead } : {}) };
}
function unitResult(code: string, kind: string, tree: NodeResult[], gaps: Gap[]): UnitResult {
  return { code, name: code, kind, score: 0, max: 0, index: 0, rank: 1, grade: 'D', bonus: 0, penalty: 0, areas: [], gaps, tree, missing: [] };
}

describe('trackPlan: gaps and uncovered criteria', () => {
  // Tree: area 1 → 1.2 → 1.2.1, 1.2.2; area 3 → 3.1 (codes nest by tree, not only by prefix)
  const tree = [area('1', [area('1.2', [leaf('1.2.1', 0.5, 1), leaf('1.2.2', 1, 1)])]), area('3', [leaf('3.1', 0.25, 1), leaf('X9', 1, 1)])];
  const results: ResultsDocument = {
    framework: { id: 'f', name: 'f', target: 90 },
    units: [
      unitResult('KG', 'ward', tree, [gap('1.2.1', '1', 0.5, 'TP'), gap('3.1', '3', 0.75, 'VP'), gap('X9', '3', 0)]),
      unitResult('KD', 'ward', tree, [gap('3.1', '3', 0.5, 'VP')]),
    ],
    issues: [],
  };

  test('a lost-points criterion without a task is uncovered; one under a served node is covered', () => {
    const r = trackPlan({ tasks: [legalDocs, improvementPlan], statuses: [], units, asOf: '2023-09-30', results });
    expect(r.uncovered).toEqual(['3.1']);
    // 0.75 (KG) + 0.5 (KD) = 1.25 points lost on 3.1
    expect(r.uncoveredDetail).toEqual([{ criterion: '3.1', name: 'Tiêu chí 3.1', area: '3', lead: 'VP', lost: 1.25, units: ['KG', 'KD'] }]);
    // II.1.2-2 serves "1.2", so it addresses the 0.5 lost on 1.2.1 by KG
    expect(r.tasks[0]?.gaps).toEqual([{ unit: 'KG', criterion: '1.2.1', lost: 0.5 }]);
    expect(r.tasks[0]?.lost).toBe(0.5);
  });

  test('a task serving an area covers its criteria by the tree (no code prefix needed)', () => {
    const areaTask = task('Z-1', { criteria: ['3'] });
    const r = trackPlan({ tasks: [legalDocs, areaTask], statuses: [], units, asOf: '2023-09-30', results });
    expect(r.uncovered).toEqual([]);
  });

  test('no results, no uncovered', () => {
    expect(trackPlan({ plan: builtinPlan2023, statuses: [], asOf: '2023-09-30' }).uncovered).toEqual([]);
  });
});

describe('planJson: the plan section of score --json', () => {
  test('fixed fields per CONTRACTS', () => {
    const r = trackPlan({ tasks: [improvementPlan], statuses: [st('III.2-1', 'NV', '2023-Q3', 'done', { completedOn: '2023-07-20' })], units, asOf: '2023-09-30' });
    const j = planJson(r);
    expect(j.tasks[0]).toEqual({
      id: 'III.2-1', title: 'Nhiệm vụ III.2-1', lead: 'NV', leadName: 'Phòng Nội vụ', coordinators: [], due: '2023-07-15', status: 'late', criteria: [], section: 'III.2', recurrence: 'once',
      byUnit: [{ unit: 'NV', unitName: 'Phòng Nội vụ', status: 'late', quarter: '2023-Q3', completedOn: '2023-07-20', daysLate: 5 }],
    });
    expect(j.late).toEqual([{ unit: 'NV', task: 'III.2-1', status: 'late', role: 'lead', due: '2023-07-15', unitName: 'Phòng Nội vụ', headTitle: 'Thủ trưởng cơ quan', daysLate: 5 }]);
    expect(j.uncovered).toEqual([]);
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });

  test('the built-in plan with nobody reporting: 48 tasks not reported', () => {
    const r = trackPlan({ plan: builtinPlan2023, statuses: [], asOf: '2023-09-30' });
    expect(r.counts).toEqual({ done: 0, onTrack: 0, late: 0, notStarted: 0, notReported: 48 });
    expect(r.units).toHaveLength(17);
    expect(r.units.every((u) => !u.reported)).toBe(true);
    expect(r.targets.map((x) => x.target.id)).toEqual(['sipas-overall', 'par-top', 'qppl-review', 'qppl-unlawful', 'autonomy', 'e-exchange', 'sipas']);
  });
});
