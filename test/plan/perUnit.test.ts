/**
 * Status per lead unit: a task led by several units keeps one status per unit (from that unit's
 * own reports), its overall status is the worst of them, and a unit that has not reported is
 * "not reported" — never "late" on the strength of someone else's report or of nothing at all.
 * Small hand-built cases: three wards (KG, KD, KM), two offices (NV, TP), the district QTX.
 */
import { mergeStatuses, overallStatus, planForResults, planFromDocument, readStatusRegister, renderStatusRegister, trackPlan, type PlanTask, type TaskStatus, type TrackStatus } from '../../engine/plan';
import type { Unit } from '../../engine/model/unit';

const units: Unit[] = [
  { code: 'QTX', name: 'UBND quận Thanh Xuân', kind: 'district' },
  { code: 'NV', name: 'Phòng Nội vụ', kind: 'office' },
  { code: 'TP', name: 'Phòng Tư pháp', kind: 'office' },
  { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
  { code: 'KD', name: 'UBND phường Khương Đình', kind: 'ward' },
  { code: 'KM', name: 'UBND phường Khương Mai', kind: 'ward' },
];

function st(task: string, unit: string, quarter: string, progress: TaskStatus['progress'], extra: Partial<TaskStatus> = {}): TaskStatus {
  return { task, unit, quarter, progress, ...extra };
}

/** A task every ward leads, due 31/12/2023. */
const wardTask: PlanTask = { id: 'W-1', section: 'W', title: 'Niêm yết thủ tục hành chính', lead: 'WARDS', leadName: 'UBND các phường', coordinators: [], criteria: [], due: '2023-12-31' };

/** The same task as a row of the master's "Kế hoạch" sheet, whose single status column the last ward to report wrote. */
function wardRow(status: string, due = '2023-12-31', reportedAt?: string): Record<string, string> {
  return { id: 'W-1', title: 'Niêm yết thủ tục hành chính', lead: 'WARDS', leadName: 'UBND các phường', due, status, ...(reportedAt ? { reportedAt } : {}) };
}

describe('defect 1: a task led by several units keeps a status per lead unit', () => {
  test('one ward done on time, one not started, one silent: three different statuses, not the last reporter\'s', () => {
    // Register: KG reported done on 20/9, KD "not started"; KM sent nothing. The plan sheet says
    // "Hoàn thành" because KG reported last. Review 30/9, due 31/12.
    const register = [st('W-1', 'KG', '2023-Q3', 'done', { completedOn: '2023-09-20', percent: 100 }), st('W-1', 'KD', '2023-Q3', 'notStarted')];
    const { plan, issues } = planForResults({ tasks: [wardRow('Hoàn thành', '2023-12-31', '2023-09-20')] }, undefined, { units, asOf: '2023-09-30', statuses: register });
    const task = plan?.tasks[0];
    // not done: KD and KM have not finished (before the fix: "done" for all three, from the sheet)
    // — the worst of the leads, and notStarted comes before notReported (OVERALL_ORDER)
    expect(task?.status).toBe('notStarted');
    // one late-list entry per unit, with its own status and the head who answers for it
    expect(plan?.late.map((e) => [e.unit, e.status])).toEqual([
      ['KD', 'notStarted'],
      ['KM', 'notReported'],
    ]);
    expect(plan?.late).toEqual([
      { unit: 'KD', task: 'W-1', status: 'notStarted', role: 'lead', due: '2023-12-31', unitName: 'UBND phường Khương Đình', headTitle: 'Chủ tịch UBND phường' },
      { unit: 'KM', task: 'W-1', status: 'notReported', role: 'lead', due: '2023-12-31', unitName: 'UBND phường Khương Mai', headTitle: 'Chủ tịch UBND phường' },
    ]);
    // each lead's own status in the JSON
    expect(task?.byUnit.map((u) => [u.unit, u.status])).toEqual([
      ['KG', 'done'],
      ['KD', 'notStarted'],
      ['KM', 'notReported'],
    ]);
    expect(task?.byUnit[0]).toEqual({ unit: 'KG', unitName: 'UBND phường Kim Giang', status: 'done', quarter: '2023-Q3', completedOn: '2023-09-20', percent: 100 });
    // the sheet's single status is not applied to a group and the officer is told so, at the cell
    expect(issues.map((i) => [i.code, i.severity, i.path?.join('.')])).toEqual([['plan.status.groupLeadStatus', 'warning', 'plan.tasks.0.status']]);
  });

  test('a multi-unit task is done only when every lead has reported done', () => {
    const done = (u: string, on = '2023-09-20'): TaskStatus => st('W-1', u, '2023-Q3', 'done', { completedOn: on });
    const judge = (statuses: TaskStatus[]): TrackStatus | undefined => trackPlan({ tasks: [wardTask], statuses, units, asOf: '2023-09-30' }).tasks[0]?.status;
    expect(judge([done('KG'), done('KD'), done('KM')])).toBe('done');
    expect(judge([done('KG'), done('KD'), st('W-1', 'KM', '2023-Q3', 'inProgress')])).toBe('onTrack');
    expect(judge([done('KG'), done('KD')])).toBe('notReported');
    // KM done after the due date → late, and late is the worst
    const lateTask = { ...wardTask, due: '2023-08-31' };
    const r = trackPlan({ tasks: [lateTask], statuses: [done('KG', '2023-08-01'), done('KD', '2023-08-02'), done('KM', '2023-09-10')], units, asOf: '2023-09-30' });
    expect(r.tasks[0]?.status).toBe('late');
    expect(r.tasks[0]?.byUnit.find((u) => u.unit === 'KM')).toMatchObject({ status: 'late', daysLate: 10 });
    expect(r.late.map((e) => [e.unit, e.status])).toEqual([['KM', 'late']]);
  });

  test('a list of leads (a group code with its members) is tracked per member too', () => {
    const group: PlanTask = { id: 'G-1', section: 'G', title: 'Kế hoạch cải thiện', lead: 'LEADS', leadName: 'Các cơ quan chủ trì', leads: ['NV', 'TP'], coordinators: [], criteria: [], due: '2023-07-15' };
    const r = trackPlan({ tasks: [group], statuses: [st('G-1', 'NV', '2023-Q3', 'done', { completedOn: '2023-07-10' }), st('G-1', 'TP', '2023-Q3', 'inProgress')], units, asOf: '2023-09-30' });
    expect(r.tasks[0]?.byUnit.map((u) => [u.unit, u.status, u.daysLate])).toEqual([
      ['NV', 'done', undefined],
      ['TP', 'late', 77], // 15/7 → 30/9
    ]);
    expect(r.tasks[0]?.status).toBe('late');
  });

  test('overall status: the worst of the leads in the order late, notStarted, notReported, onTrack; done only if all done', () => {
    expect(overallStatus([])).toBe('notReported');
    expect(overallStatus(['done', 'done'])).toBe('done');
    expect(overallStatus(['done', 'onTrack'])).toBe('onTrack');
    expect(overallStatus(['done', 'onTrack', 'notReported'])).toBe('notReported');
    expect(overallStatus(['notReported', 'notStarted', 'onTrack'])).toBe('notStarted');
    expect(overallStatus(['notStarted', 'done', 'late'])).toBe('late');
  });

  test('the plan sheet\'s status still counts for a single-lead task, but the unit\'s own report wins', () => {
    const row = { id: 'S-1', title: 'Rà soát văn bản', lead: 'TP', leadName: 'Phòng Tư pháp', due: '2023-07-15', status: 'Đang thực hiện' };
    // nobody reported: the sheet's "in progress" (taken for the review quarter) after 15/7 → late
    const alone = planForResults({ tasks: [row] }, undefined, { units, asOf: '2023-09-30' });
    expect(alone.plan?.tasks[0]?.byUnit).toEqual([{ unit: 'TP', unitName: 'Phòng Tư pháp', status: 'late', quarter: '2023-Q3', daysLate: 77 }]);
    // TP's own report (done on 10/7) replaces the sheet's word
    const reported = planForResults({ tasks: [row] }, undefined, { units, asOf: '2023-09-30', statuses: [st('S-1', 'TP', '2023-Q3', 'done', { completedOn: '2023-07-10' })] });
    expect(reported.plan?.tasks[0]?.status).toBe('done');
    expect(reported.plan?.late).toEqual([]);
    expect(reported.issues).toEqual([]);
  });

  test('planFromDocument gives no status to the members of a group from the sheet\'s single column', () => {
    const r = planFromDocument({ tasks: [wardRow('Chưa thực hiện')] }, { units, asOf: '2023-09-30' });
    expect(r.statuses).toEqual([]);
    expect(r.fallback).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['plan.status.groupLeadStatus']);
  });
});

describe('defect 2: nobody reported yet — units are "not reported", not late', () => {
  test('empty register, a stale "not started" on the plan sheet of a ward task past its due date: no ward is late', () => {
    // Due 15/7, review 30/9. Before the fix the sheet's word went to every ward → all three "late".
    const p = planForResults({ tasks: [wardRow('Chưa thực hiện', '2023-07-15')] }, undefined, { units, asOf: '2023-09-30', statuses: [] });
    // what `parindex plan` lists without --all (late / not started): nobody
    expect(p.plan?.late.filter((e) => e.status === 'late' || e.status === 'notStarted')).toEqual([]);
    expect(p.plan?.tasks[0]?.status).toBe('notReported');
    expect(p.plan?.tasks[0]?.byUnit.map((u) => u.status)).toEqual(['notReported', 'notReported', 'notReported']);
    // --all: each ward once, as not reported
    expect(p.plan?.late.map((e) => [e.unit, e.status])).toEqual([
      ['KG', 'notReported'],
      ['KD', 'notReported'],
      ['KM', 'notReported'],
    ]);
    expect(p.plan?.counts).toEqual({ done: 0, onTrack: 0, late: 0, notStarted: 0, notReported: 1 });
  });

  test('empty register and no status anywhere, every due date passed: nothing late', () => {
    const r = trackPlan({ tasks: [{ ...wardTask, due: '2023-03-31' }], statuses: [], units, asOf: '2023-12-31' });
    expect(r.late.every((e) => e.status === 'notReported')).toBe(true);
    expect(r.counts.late).toBe(0);
    expect(r.units.every((u) => !u.reported && u.counts.late === 0)).toBe(true);
  });
});

describe('the decision table (docs/plan.md §3), one unit on one task', () => {
  const once: PlanTask = { id: 'T-1', section: 'T', title: 'Việc một lần', lead: 'NV', leadName: 'Phòng Nội vụ', coordinators: [], criteria: [], due: '2023-07-15' };
  const quarterly: PlanTask = { ...once, id: 'T-2', title: 'Báo cáo quý', recurrence: 'quarterly' };
  delete (quarterly as { due?: string }).due;
  const cases: [string, PlanTask, TaskStatus[], string, TrackStatus, number | undefined][] = [
    ['no report, before the due date', once, [], '2023-07-01', 'notReported', undefined],
    ['no report, after the due date', once, [], '2023-09-30', 'notReported', undefined],
    ['done on time', once, [st('T-1', 'NV', '2023-Q3', 'done', { completedOn: '2023-07-10' })], '2023-09-30', 'done', undefined],
    ['done after the due date', once, [st('T-1', 'NV', '2023-Q3', 'done', { completedOn: '2023-07-20' })], '2023-09-30', 'late', 5],
    ['done in an earlier quarter stays done', once, [st('T-1', 'NV', '2023-Q2', 'done', { completedOn: '2023-06-30' })], '2023-12-31', 'done', undefined],
    ['in progress, before the due date', once, [st('T-1', 'NV', '2023-Q3', 'inProgress')], '2023-07-10', 'onTrack', undefined],
    ['in progress, after the due date', once, [st('T-1', 'NV', '2023-Q3', 'inProgress')], '2023-07-31', 'late', 16],
    ['not started, before the due date', once, [st('T-1', 'NV', '2023-Q3', 'notStarted')], '2023-07-01', 'notStarted', undefined],
    ['not started, after the due date', once, [st('T-1', 'NV', '2023-Q3', 'notStarted')], '2023-08-01', 'late', 17],
    ['only an older quarter\'s "in progress", after the due date', once, [st('T-1', 'NV', '2023-Q2', 'inProgress')], '2023-09-30', 'notReported', undefined],
    ['quarterly: last quarter\'s report does not cover this one', quarterly, [st('T-2', 'NV', '2023-Q2', 'done', { completedOn: '2023-06-20' })], '2023-09-30', 'notReported', undefined],
    ['quarterly: done after the quarter end', quarterly, [st('T-2', 'NV', '2023-Q3', 'done', { completedOn: '2023-10-05' })], '2023-10-10', 'late', 5],
  ];
  test.each(cases)('%s', (_name, task, statuses, asOf, status, daysLate) => {
    const quarter = task.recurrence === 'quarterly' ? '2023-Q3' : undefined;
    const r = trackPlan({ tasks: [task], statuses, units, asOf, ...(quarter ? { quarter } : {}) });
    const a = r.tasks[0]?.byUnit[0];
    expect(a?.status).toBe(status);
    expect(a?.daysLate).toBe(daysLate);
  });
});

describe('mergeStatuses: the import step merges units\' new reports into the register', () => {
  const register: TaskStatus[] = [
    st('W-1', 'KG', '2023-Q3', 'inProgress', { percent: 50 }),
    st('W-1', 'KD', '2023-Q3', 'notStarted'),
    st('W-1', 'KM', '2023-Q3', 'done', { completedOn: '2023-09-15' }),
    st('W-1', 'KG', '2023-Q2', 'notStarted'),
  ];

  test('a unit\'s newer report of the same task and quarter replaces its own row; other units\' rows are kept', () => {
    const kg = st('W-1', 'KG', '2023-Q3', 'done', { completedOn: '2023-09-28' });
    const merged = mergeStatuses(register, [kg]);
    expect(merged).toEqual([kg, register[1], register[2], register[3]]);
  });

  test('a report for another quarter is added; the unit\'s earlier quarters stay', () => {
    const q4 = st('W-1', 'KD', '2023-Q4', 'inProgress');
    expect(mergeStatuses(register, [q4])).toEqual([...register, q4]);
  });

  test('an older file sent again does not undo a newer report (report dates)', () => {
    const newer = st('W-1', 'KG', '2023-Q3', 'done', { completedOn: '2023-09-28', reportedAt: '2023-10-02' });
    const older = st('W-1', 'KG', '2023-Q3', 'inProgress', { reportedAt: '2023-09-25' });
    expect(mergeStatuses([newer], [older])).toEqual([newer]);
    expect(mergeStatuses([older], [newer])).toEqual([newer]);
  });

  test('without dates, the later of two reports in the same import wins', () => {
    const first = st('W-1', 'KD', '2023-Q3', 'inProgress');
    const second = st('W-1', 'KD', '2023-Q3', 'done', { completedOn: '2023-09-29' });
    const merged = mergeStatuses(register, [first, second]);
    expect(merged.filter((s) => s.unit === 'KD')).toEqual([second]);
    expect(merged).toHaveLength(4);
  });

  test('register sheet → merge → sheet → read keeps every unit\'s rows and the report dates', () => {
    const sheet = renderStatusRegister(register);
    const read = readStatusRegister({ name: sheet.name, values: sheet.values }, 'master.xlsx');
    expect(read.statuses).toEqual(register);
    const incoming = [st('W-1', 'KG', '2023-Q3', 'done', { completedOn: '2023-09-28', reportedAt: '2023-10-02' })];
    const again = renderStatusRegister(mergeStatuses(read.statuses, incoming));
    const back = readStatusRegister({ name: again.name, values: again.values });
    expect(back.issues).toEqual([]);
    expect(back.statuses.map((s) => [s.unit, s.quarter, s.progress, s.reportedAt])).toEqual([
      ['KG', '2023-Q3', 'done', '2023-10-02'],
      ['KD', '2023-Q3', 'notStarted', undefined],
      ['KM', '2023-Q3', 'done', undefined],
      ['KG', '2023-Q2', 'notStarted', undefined],
    ]);
    // tracked from the merged register: KG done, KD not started, KM done → the task is not started
    const r = trackPlan({ tasks: [wardTask], statuses: back.statuses, units, asOf: '2023-09-30' });
    expect(r.tasks[0]?.byUnit.map((u) => [u.unit, u.status, u.reportedAt])).toEqual([
      ['KG', 'done', '2023-10-02'],
      ['KD', 'notStarted', undefined],
      ['KM', 'done', undefined],
    ]);
    expect(r.tasks[0]?.status).toBe('notStarted');
  });
});
