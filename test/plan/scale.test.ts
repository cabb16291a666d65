/**
 * Size after the 2025 reorganisation: Hà Nội scores 126 wards/communes directly. The plan's
 * tracking must stay quick at that size (48 tasks × 126 units × 4 quarters of statuses).
 */
import { builtinPlan2023, planJson, trackPlan, type TaskStatus } from '../../engine/plan';
import type { Unit } from '../../engine/model/unit';

test('126 wards, 4 quarters of statuses: tracked in well under a second', () => {
  const units: Unit[] = [
    { code: 'QTX', name: 'Quận', kind: 'district' },
    ...['VP', 'NV', 'TP', 'TCKH', 'KT', 'TTR'].map((c) => ({ code: c, name: c, kind: 'office' })),
    ...Array.from({ length: 126 }, (_, i) => ({ code: `W${i + 1}`, name: `UBND phường ${i + 1}`, kind: 'ward' })),
  ];
  const tasks = builtinPlan2023.tasks.map((x) => (x.section.startsWith('II.1.') ? { ...x, coordinators: ['WARDS'] } : x));
  const statuses: TaskStatus[] = [];
  for (const u of units.slice(1))
    for (const x of tasks)
      for (let q = 1; q <= 4; q++) statuses.push({ task: x.id, unit: u.code, quarter: `2023-Q${q}`, progress: q === 4 ? 'done' : 'inProgress', ...(q === 4 ? { completedOn: '2023-12-20' } : {}) });
  trackPlan({ tasks, statuses, units, asOf: '2023-12-31' }); // warm-up (first call compiles)
  const t0 = performance.now();
  const r = trackPlan({ tasks, statuses, units, asOf: '2023-12-31' });
  const ms = performance.now() - t0;
  console.log(`trackPlan: ${statuses.length} statuses, ${r.tasks.reduce((s, x) => s + x.assignments.length, 0)} assignments in ${ms.toFixed(0)} ms`);
  // everything done by 20/12; only III.2-1 (due 15/7, done 20/12) is late for its six leads
  expect(r.late.map((e) => e.task).filter((v, i, a) => a.indexOf(v) === i)).toEqual(['III.2-1']);
  expect(r.late).toHaveLength(6);
  expect(r.counts).toEqual({ done: 47, onTrack: 0, late: 1, notStarted: 0, notReported: 0 });
  expect(JSON.stringify(planJson(r)).length).toBeGreaterThan(0);
  expect(ms).toBeLessThan(3000);
});
