import { builtinPlan2023, readTaskSheet, renderTaskSheet, parseTarget, formatTarget, TASK_SHEET } from '../../engine/plan';
import { formatIssue } from '../../engine/i18n';
import type { CellValue, SheetSnapshot } from '../../engine/workbook/port';

function snapshotOf(values: CellValue[][]): SheetSnapshot {
  return { name: TASK_SHEET, values };
}

describe('task register sheet "Kế hoạch"', () => {
  test('render → read gives the register back, every field', () => {
    const sheet = renderTaskSheet(builtinPlan2023.tasks);
    expect(sheet.name).toBe('Kế hoạch');
    expect(sheet.values[2]).toEqual(['id', 'section', 'title', 'lead', 'leadName', 'leads', 'coordinators', 'coordinatorNames', 'due', 'recurrence', 'criteria', 'targets', 'note']);
    expect(sheet.values[3]?.slice(0, 5)).toEqual(['Mã nhiệm vụ', 'Mục', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Tên đơn vị chủ trì']);
    expect(sheet.hiddenRows).toEqual([3]);
    const { tasks, issues } = readTaskSheet(snapshotOf(sheet.values), 'master.xlsx');
    expect(issues).toEqual([]);
    expect(tasks).toEqual(builtinPlan2023.tasks);
  });

  test('a row as an analyst types it', () => {
    const sheet = renderTaskSheet([]);
    const values = [...sheet.values, ['A.1-1', '', 'Rà soát quy chế', 'TP', 'Phòng Tư pháp', '', 'KG; KD', '', '30/06/2024', '', '1.2.1, 1.2.2', 'qppl | Tỷ lệ văn bản được xử lý | ≥ 100 % | 31/12/2024 | criterion=1.2.1', ''], ['B-1', 'B', 'Báo cáo quý', 'ALL', 'Các đơn vị', '', '', '', '', 'Hằng quý', '', '', 'ghi chú']];
    const { tasks, issues } = readTaskSheet(snapshotOf(values));
    expect(issues).toEqual([]);
    expect(tasks).toEqual([
      {
        id: 'A.1-1',
        section: 'A.1',
        title: 'Rà soát quy chế',
        lead: 'TP',
        leadName: 'Phòng Tư pháp',
        coordinators: ['KG', 'KD'],
        due: '2024-06-30',
        criteria: ['1.2.1', '1.2.2'],
        targets: [{ id: 'qppl', indicator: 'Tỷ lệ văn bản được xử lý', op: '>=', value: 100, unit: '%', by: '2024-12-31', criterion: '1.2.1' }],
      },
      { id: 'B-1', section: 'B', title: 'Báo cáo quý', lead: 'ALL', leadName: 'Các đơn vị', coordinators: [], recurrence: 'quarterly', criteria: [], note: 'ghi chú' },
    ]);
  });

  test('bad rows give located issues', () => {
    const sheet = renderTaskSheet([]);
    const values = [
      ...sheet.values,
      ['X-1', '', 'Việc một', 'PX', 'Phòng X', '', 'KG, ZZ', '', '31/02/2024', '', '', '', ''], // row 5
      ['X-1', '', 'Việc trùng', 'NV', 'Phòng Nội vụ', '', '', '', '2024-12-31', '', '', '', ''], // row 6
      ['X-2', '', '', 'NV', '', '', '', '', '', '', '', '', ''], // row 7
      ['X-3', '', 'Việc ba', 'NV', 'Phòng Nội vụ', '', '', '', '', 'thỉnh thoảng', '', 'chỉ tiêu không rõ', ''], // row 8
    ];
    const { tasks, issues } = readTaskSheet(snapshotOf(values), 'plan.xlsx');
    expect(issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ['plan.unknownUnit', 'error', 'D5'],
      ['plan.unknownUnit', 'error', 'G5'],
      ['plan.tasks.badDate', 'error', 'I5'],
      ['plan.duplicateTask', 'error', 'A6'],
      ['plan.tasks.missingValue', 'error', 'C7'],
      ['plan.tasks.badRecurrence', 'error', 'J8'],
      ['plan.noDue', 'warning', 'I8'],
      ['plan.tasks.badTarget', 'warning', 'L8'],
    ]);
    expect(formatIssue(issues[2] ?? { code: 'internal.error', severity: 'error' })).toBe(
      "Tệp 'plan.xlsx', trang 'Kế hoạch'!I5: Nhiệm vụ X-1: thời hạn \"31/02/2024\" không phải ngày (ghi dd/mm/yyyy)",
    );
    expect(tasks.map((x) => x.id)).toEqual(['X-1', 'X-3']);
  });

  test('no table → one issue at A1', () => {
    const r = readTaskSheet({ name: 'Kế hoạch', values: [['Tiêu đề'], ['Ghi chú']] }, 'a.xlsx');
    expect(r.issues.map((i) => [i.code, i.cell, i.file])).toEqual([['plan.tasks.noTable', 'A1', 'a.xlsx']]);
  });

  test('target lines round trip', () => {
    for (const x of [...builtinPlan2023.targets, ...builtinPlan2023.tasks.flatMap((y) => y.targets ?? [])]) expect(parseTarget(formatTarget(x))).toEqual(x);
    expect(parseTarget('a | b | about 5')).toBeUndefined();
  });
});
