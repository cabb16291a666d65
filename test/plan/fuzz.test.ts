/** Whatever a user puts in a sheet or a JSON file, the plan readers return issues and never throw. */
import fc from 'fast-check';
import { builtinPlan2023, parseTaskStatusSheet, planForResults, planFromDocument, readStatusRegister, readTaskSheet, renderTaskSheet, renderTaskStatusSheet, trackPlan } from '../../engine/plan';
import type { CellValue } from '../../engine/workbook/port';

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: false }),
  fc.string(),
  fc.constantFrom('Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', '2023-07-20', '20/7/2023', '31/02/2023', 'III.1-3', 'II.1.1-1', 'KG', 'ALL', 'Hằng quý', '150', '-1', '#N/A'),
);
const grid = fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 30 });

describe('plan readers never throw', () => {
  test('status sheet: random cells under the real header rows, and random grids', () => {
    const head = renderTaskStatusSheet(builtinPlan2023.tasks, 'KG', '2023-Q3').values.slice(0, 5);
    fc.assert(
      fc.property(grid, fc.boolean(), (rows, withHead) => {
        const r = parseTaskStatusSheet({ name: 'Tiến độ nhiệm vụ', values: withHead ? [...head, ...rows] : rows }, 'KG', 'KG.xlsx', { tasks: builtinPlan2023.tasks, asOf: '2023-09-30' });
        for (const s of r.statuses) expect(s.percent === undefined || (s.percent >= 0 && s.percent <= 100)).toBe(true);
        for (const i of r.issues) expect(i.sheet).toBe('Tiến độ nhiệm vụ');
        // statuses feed tracking without trouble
        trackPlan({ plan: builtinPlan2023, statuses: r.statuses, asOf: '2023-09-30' });
      }),
      { numRuns: 300 },
    );
  });

  test('register sheet and statuses table', () => {
    const head = renderTaskSheet([]).values;
    fc.assert(
      fc.property(grid, (rows) => {
        const a = readTaskSheet({ name: 'Kế hoạch', values: [...head, ...rows] }, 'm.xlsx');
        for (const i of a.issues) expect(i.cell).toMatch(/^[A-Z]+\d+$/);
        readStatusRegister({ name: 'Tiến độ - tổng hợp', values: [['unit', 'task', 'quarter', 'status'], ...rows] });
      }),
      { numRuns: 300 },
    );
  });

  test('plan part of a JSON document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (raw, asOf) => {
        planFromDocument(raw);
        planFromDocument({ tasks: [raw], statuses: [raw] }, { asOf });
        const p = planForResults({ builtin: 'plan-thanh-xuan-2023', statuses: [raw] }, undefined, { asOf });
        expect(p.plan?.tasks).toHaveLength(48);
      }),
      { numRuns: 300 },
    );
  });
});
