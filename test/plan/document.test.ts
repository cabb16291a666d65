import { mergeStatuses, planForResults, readStatusRegister, renderStatusRegister, type TaskStatus } from '../../engine/plan';
import type { ResultsDocument } from '../../engine/model/results';

const statuses: TaskStatus[] = [
  { task: 'III.2-1', unit: 'NV', quarter: '2023-Q3', progress: 'done', percent: 100, completedOn: '2023-07-20', done: 'Ban hành KH cải thiện', evidence: 'KH 99/KH-NV', reportedAt: '2023-07-25' },
  { task: 'III.1-3', unit: 'KG', quarter: '2023-Q3', progress: 'inProgress', percent: 50, difficulties: 'Chậm số liệu', proposals: 'Gia hạn' },
  { task: 'III.1-3', unit: 'KG', quarter: '2023-Q2', progress: 'notStarted' },
];

describe('status register sheet (master)', () => {
  test('render → read round trip', () => {
    const sheet = renderStatusRegister(statuses);
    expect(sheet.name).toBe('Tiến độ - tổng hợp');
    expect(sheet.values[2]).toEqual(['unit', 'task', 'quarter', 'status', 'percent', 'completedOn', 'done', 'evidence', 'difficulties', 'proposals', 'reportedAt']);
    expect(sheet.values[4]).toEqual(['NV', 'III.2-1', '2023-Q3', 'Hoàn thành', 100, '20/07/2023', 'Ban hành KH cải thiện', 'KH 99/KH-NV', null, null, '25/07/2023']);
    const back = readStatusRegister({ name: sheet.name, values: sheet.values }, 'master.xlsx');
    expect(back.issues).toEqual([]);
    expect(back.statuses).toEqual(statuses);
  });

  test('bad rows located', () => {
    const sheet = renderStatusRegister([]);
    const values = [...sheet.values, ['KG', 'III.1-3', 'Q5', 'Hoàn thành'], ['KG', 'III.1-3', '2023-Q3', 'xong'], ['KG', '', '2023-Q3', 'Hoàn thành'], ['KD', 'III.1-3', 'Quý III/2023', 'Hoàn thành', 120, 'mai']];
    const r = readStatusRegister({ name: 'Tiến độ - tổng hợp', values }, 'm.xlsx');
    expect(r.issues.map((i) => [i.code, i.cell, i.unit])).toEqual([
      ['plan.status.badQuarter', 'C5', 'KG'],
      ['plan.status.badStatus', 'D6', 'KG'],
      ['plan.tasks.missingValue', 'B7', 'KG'],
      ['plan.status.percentRange', 'E8', 'KD'],
      ['plan.status.badDate', 'F8', 'KD'],
    ]);
    expect(r.statuses).toEqual([{ task: 'III.1-3', unit: 'KD', quarter: '2023-Q3', progress: 'done' }]);
  });

  test('merge replaces the same unit, task and quarter; keeps the rest', () => {
    const newer: TaskStatus = { task: 'III.1-3', unit: 'KG', quarter: '2023-Q3', progress: 'done', completedOn: '2023-09-28' };
    const merged = mergeStatuses(statuses, [newer]);
    expect(merged).toHaveLength(3);
    expect(merged[1]).toEqual(newer);
    expect(merged[2]).toEqual(statuses[2]);
  });
});

describe('planForResults: the plan section of a scored document', () => {
  const results: ResultsDocument = {
    framework: { id: 'thanh-xuan-2023', name: 'x', target: 90 },
    units: [
      {
        code: 'QTX', name: 'UBND quận Thanh Xuân', kind: 'district', score: 0, max: 0, index: 0, rank: 1, grade: 'D', bonus: 0, penalty: 0, areas: [], tree: [], missing: [],
        gaps: [
          { criterion: '1.6.3', name: 'Thu ngân sách', area: '1.6', lost: 1, max: 4, score: 3, channel: 'appraisal', reason: '', recoverable: 1 },
          { criterion: '1.2.1', name: 'QPPL', area: '1.2', lost: 0.5, max: 2.5, score: 2, channel: 'appraisal', reason: '', recoverable: 0.5 },
        ],
      },
    ],
    issues: [],
  };

  test('built-in plan with statuses: CONTRACTS shape, late list, uncovered', () => {
    const { plan, report, issues } = planForResults({ builtin: 'plan-thanh-xuan-2023', statuses }, results, { asOf: '2023-09-30' });
    expect(issues).toEqual([]);
    expect(plan?.tasks).toHaveLength(48);
    const t = plan?.tasks.find((x) => x.id === 'III.2-1');
    expect(t).toMatchObject({ lead: 'LEADS', due: '2023-07-15', status: 'late' }); // NV done 20/7 > 15/7
    expect(Object.keys(t ?? {}).slice(0, 8)).toEqual(['id', 'title', 'lead', 'leadName', 'coordinators', 'due', 'status', 'criteria']);
    expect(plan?.late.find((e) => e.unit === 'NV' && e.task === 'III.2-1')).toEqual({
      unit: 'NV', task: 'III.2-1', status: 'late', role: 'lead', due: '2023-07-15', unitName: 'Phòng Nội vụ', headTitle: 'Thủ trưởng cơ quan', daysLate: 5,
    });
    // 1.2.1 is served by II.1.2-2; 1.6.3 by no task
    expect(plan?.uncovered).toEqual(['1.6.3']);
    expect(report?.quarter).toBe('2023-Q3');
  });

  test('without a review date: the end of the latest quarter reported', () => {
    const { plan } = planForResults({ builtin: 'plan-thanh-xuan-2023', statuses }, undefined);
    expect(plan?.asOf).toBe('2023-09-30');
  });

  test('a broken plan part gives issues and no plan section', () => {
    const r = planForResults({ nothing: true }, results);
    expect(r.plan).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.path?.join('.')])).toEqual([['plan.schema', 'plan']]);
  });
});
