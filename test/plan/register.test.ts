import { frameworkSchema, type FrameworkNode } from '../../engine/model/framework';
import frameworkData from '../../engine/frameworks/thanh-xuan-2023.json';
import type { NodeResult, ResultsDocument, UnitResult } from '../../engine/model/results';
import { taskRows, trackPlan, builtinPlan2023, checkPlan, getBuiltinPlan, planFromDocument, validatePlan, tasksForUnit, taskLeadUnits, taskCoordinatorUnits, defaultPlanUnits } from '../../engine/plan';
import { formatIssue } from '../../engine/i18n';

/**
 * The bullets of sections II and III of the 2023 plan, counted by hand from the plan text.
 * Each entry: task id, words the plan uses in that bullet, and the lead as the plan names it.
 *
 * Counts per section (bullets "-" in the plan):
 *   II.1.1: 3   II.1.2: 3   II.1.3: 7   II.1.4: 4   II.1.5: 5
 *   II.1.6: 1 paragraph with two separate aims ("giải ngân vốn đầu tư công"; "doanh nghiệp thành
 *           lập mới") → 2 tasks
 *   II.2.1: 2   II.2.2.1: 3   II.2.2.2: 4   II.2.2.3: 1 paragraph → 1   II.2.2.4: 3   II.2.2.5: 3
 *   III.1: 4    III.2: 2    III.3: 2
 *   total 3+3+7+4+5+2 + 2+3+4+1+3+3 + 4+2+2 = 48
 */
const NV = 'Phòng Nội vụ';
const TP = 'Phòng Tư pháp';
const VP = 'Văn phòng HĐND và UBND quận';
const TCKH = 'Phòng Tài chính - Kế hoạch quận';
const ALL = 'Các cơ quan, đơn vị, UBND 11 phường';
const SEED: readonly (readonly [string, string, string, string])[] = [
  // id, words from the bullet, lead code, lead as the plan writes it
  ['II.1.1-1', 'Kế hoạch cải cách hành chính năm 2023', 'NV', NV],
  ['II.1.1-2', 'tinh giản biên chế', 'NV', NV],
  ['II.1.1-3', 'PAPI', 'NV', NV],
  ['II.1.2-1', 'Theo dõi thi hành pháp luật', 'TP', TP],
  ['II.1.2-2', '100% văn bản QPPL', 'TP', TP],
  ['II.1.2-3', 'phổ biến, giáo dục pháp luật', 'TP', TP],
  ['II.1.3-1', 'một cửa liên thông', 'VP', VP],
  ['II.1.3-2', '4610/QĐ-UBND', 'VP', VP],
  ['II.1.3-3', 'TTHC liên thông', 'VP', VP],
  ['II.1.3-4', '24/KH-UBND', 'VP', VP],
  ['II.1.3-5', 'cơ sở dữ liệu quốc gia về TTHC', 'VP', VP],
  ['II.1.3-6', 'phản ánh, kiến nghị', 'VP', VP],
  ['II.1.3-7', 'xin lỗi', 'VP', VP],
  ['II.1.4-1', '20% đơn vị tự chủ tài chính', 'TCKH', TCKH],
  ['II.1.4-2', 'khoán kinh phí', 'TCKH', TCKH],
  ['II.1.4-3', 'kiểm toán nhà nước', 'TCKH', TCKH],
  ['II.1.4-4', 'Nghị định 68/2000/NĐ-CP', 'TCKH', TCKH],
  ['II.1.5-1', '138/KH-UBND', 'VP', VP],
  ['II.1.5-2', '06/QĐ-TTg', 'VP', VP],
  ['II.1.5-3', '100% cơ quan, đơn vị', 'VP', VP],
  ['II.1.5-4', 'dịch vụ công trực tuyến toàn trình', 'VP', VP],
  ['II.1.5-5', 'BCCI', 'VP', VP],
  ['II.1.6-1', 'giải ngân vốn đầu tư công', 'TCKH', TCKH],
  ['II.1.6-2', 'doanh nghiệp thành lập mới', 'TCKH', TCKH],
  ['II.2.1-1', 'dễ tìm, dễ thấy', 'ALL', ALL],
  ['II.2.1-2', 'tham gia góp ý', 'ALL', ALL],
  ['II.2.2.1-1', '138/KH-UBND', 'ALL', ALL],
  ['II.2.2.1-2', 'Bộ phận Một cửa', 'ALL', ALL],
  ['II.2.2.1-3', 'nơi làm việc', 'ALL', ALL],
  ['II.2.2.2-1', 'Niêm yết công khai', 'ALL', ALL],
  ['II.2.2.2-2', 'Đổi mới công tác tuyên truyền', 'ALL', ALL],
  ['II.2.2.2-3', 'đơn giản hóa TTHC', 'ALL', ALL],
  ['II.2.2.2-4', 'camera giám sát', 'ALL', ALL],
  ['II.2.2.3-1', 'kiểm tra công vụ', 'ALL', ALL],
  ['II.2.2.4-1', 'quy trình giải quyết công việc nội bộ', 'ALL', ALL],
  ['II.2.2.4-2', 'xin lỗi', 'ALL', ALL],
  ['II.2.2.4-3', 'lấy ý kiến đánh giá hài lòng', 'ALL', ALL],
  ['II.2.2.5-1', 'Phân công', 'ALL', ALL],
  ['II.2.2.5-2', 'đường dây nóng', 'ALL', ALL],
  ['II.2.2.5-3', 'Zalo', 'ALL', ALL],
  ['III.1-1', 'triển khai thực hiện đầy đủ', 'ALL', 'Các cơ quan, đơn vị, UBND 11 phường thuộc Quận'],
  ['III.1-2', 'trách nhiệm người đứng đầu', 'ALL', 'Các cơ quan, đơn vị, UBND 11 phường thuộc Quận'],
  ['III.1-3', 'hàng quý', 'ALL', 'Các cơ quan, đơn vị, UBND 11 phường thuộc Quận'],
  ['III.1-4', 'Phối hợp với Văn phòng HĐND và UBND', 'ALL', 'Các cơ quan, đơn vị, UBND 11 phường thuộc Quận'],
  ['III.2-1', 'kế hoạch cải thiện, nâng cao', 'LEADS', 'Văn phòng HĐND và UBND, Nội vụ, Thanh tra, Tư pháp, Kinh tế, Tài chính - Kế hoạch quận'],
  ['III.2-2', 'hàng quý', 'LEADS', 'Văn phòng HĐND và UBND, Nội vụ, Thanh tra, Tư pháp, Kinh tế, Tài chính - Kế hoạch quận'],
  ['III.3-1', 'theo dõi, đôn đốc, kiểm tra', 'NV', 'Phòng Nội vụ quận'],
  ['III.3-2', 'xác định trách nhiệm', 'NV', 'Phòng Nội vụ quận'],
];

const WARDS = ['HD', 'KD', 'KM', 'KTR', 'KG', 'NC', 'PL', 'TXB', 'TXN', 'TXT', 'TD'];
const fold = (s: string): string => s.normalize('NFC').toLowerCase();

describe('the 2023 register covers every bullet of sections II and III', () => {
  test('48 tasks, in the plan order, no others', () => {
    expect(SEED).toHaveLength(48);
    expect(builtinPlan2023.tasks.map((x) => x.id)).toEqual(SEED.map((s) => s[0]));
  });

  test.each(SEED.map((s) => [...s]))('%s says "%s", led by %s', (id, words, lead, leadName) => {
    const task = builtinPlan2023.tasks.find((x) => x.id === id);
    expect(task).toBeDefined();
    if (!task) return;
    expect(fold(task.title)).toContain(fold(words));
    expect(task.lead).toBe(lead);
    expect(task.leadName).toBe(leadName);
    expect(task.section).toBe(id.replace(/-\d+$/, ''));
  });

  test('section II.1 tasks are coordinated by the 11 wards', () => {
    for (const task of builtinPlan2023.tasks.filter((x) => x.section.startsWith('II.1.'))) {
      expect([...task.coordinators].sort()).toEqual([...WARDS].sort());
      expect(task.coordinatorNames).toBe('Các phòng, ban, đơn vị có liên quan; UBND 11 phường');
    }
  });

  test('section III.2 goes to the six lead offices', () => {
    const x = builtinPlan2023.tasks.find((y) => y.id === 'III.2-1');
    expect(x && taskLeadUnits(x, defaultPlanUnits).sort()).toEqual(['KT', 'NV', 'TCKH', 'TP', 'TTR', 'VP']);
  });

  test('section II.2 goes to every office and all 11 wards (not to the district itself)', () => {
    const x = builtinPlan2023.tasks.find((y) => y.id === 'II.2.1-1');
    const leads = x ? taskLeadUnits(x, defaultPlanUnits) : [];
    expect(leads).toHaveLength(6 + 11);
    expect(leads).not.toContain('QTX');
  });

  test('deadlines: improvement plans 15/7/2023, reports quarterly, the rest 31/12/2023', () => {
    const by = new Map(builtinPlan2023.tasks.map((x) => [x.id, x]));
    expect(by.get('III.2-1')?.due).toBe('2023-07-15');
    for (const id of ['III.1-3', 'III.2-2', 'III.3-1', 'III.3-2']) expect(by.get(id)?.recurrence).toBe('quarterly');
    const others = builtinPlan2023.tasks.filter((x) => x.id !== 'III.2-1' && x.recurrence !== 'quarterly');
    expect(others).toHaveLength(48 - 1 - 4);
    for (const x of others) expect(x.due).toBe('2023-12-31');
  });

  test('measurable targets of the plan', () => {
    const targets = builtinPlan2023.tasks.flatMap((x) => (x.targets ?? []).map((tg) => ({ task: x.id, ...tg })));
    expect(targets.map((x) => [x.task, x.op, x.value])).toEqual([
      ['II.1.2-2', '>=', 100], // 100% văn bản QPPL xử lý sau rà soát
      ['II.1.2-2', '>=', 100], // 100% văn bản trái pháp luật xử lý
      ['II.1.4-1', '>=', 20], // tối thiểu 20% đơn vị tự chủ tài chính đến 2025
      ['II.1.5-3', '>=', 100], // 100% trao đổi văn bản điện tử
      ['II.2.2.4-3', '>', 90], // SIPAS trên 90%
    ]);
    expect(targets.find((x) => x.id === 'autonomy')?.by).toBe('2025-12-31');
    expect(builtinPlan2023.targets.find((x) => x.id === 'sipas-overall')).toMatchObject({ op: '>', value: 90, betterThanPrevious: true });
  });

  test('a ward answers for the SIPAS and reporting tasks as lead and for II.1 as coordinator', () => {
    const mine = tasksForUnit(builtinPlan2023.tasks, 'KG');
    // lead: II.2 (2+3+4+1+3+3 = 16) + III.1 (4) = 20; coordinator: II.1 (24)
    expect(mine.filter((m) => m.role === 'lead')).toHaveLength(20);
    expect(mine.filter((m) => m.role === 'coordinator')).toHaveLength(24);
    // Phòng Nội vụ leads II.1.1 (3) + II.2 (16) + III.1 (4) + III.2 (2) + III.3 (2) = 27
    expect(tasksForUnit(builtinPlan2023.tasks, 'NV').filter((m) => m.role === 'lead')).toHaveLength(27);
    const t11 = builtinPlan2023.tasks[0];
    expect(t11 && taskCoordinatorUnits(t11, defaultPlanUnits)).toHaveLength(11);
  });

  test('the built-in register is valid', () => {
    expect(checkPlan(builtinPlan2023)).toEqual([]);
    expect(getBuiltinPlan('plan-thanh-xuan-2023')).toBe(builtinPlan2023);
  });
});

describe('validatePlan / planFromDocument', () => {
  test('problems come back as issues with a path, never thrown', () => {
    const { plan, issues } = validatePlan({
      id: 'p',
      name: 'Kế hoạch 2024',
      year: 2024,
      tasks: [
        { id: 'A-1', section: 'A', title: 'Việc một', lead: 'NV', leadName: 'Phòng Nội vụ', due: '2024-06-30' },
        { id: 'A-1', section: 'A', title: 'Việc hai', lead: 'XX', leadName: 'Phòng X', coordinators: ['KG', 'ZZ'] },
      ],
    });
    expect(plan?.tasks).toHaveLength(2);
    expect(issues.map((i) => [i.code, i.severity, i.path?.join('.')])).toEqual([
      ['plan.duplicateTask', 'error', 'tasks.1.id'],
      ['plan.unknownUnit', 'error', 'tasks.1.lead'],
      ['plan.unknownUnit', 'error', 'tasks.1.coordinators.1'],
      ['plan.noDue', 'warning', 'tasks.1.due'],
    ]);
    expect(issues.map((i) => formatIssue(i))).toMatchInlineSnapshot(`
[
  "tasks.1.id: Mã nhiệm vụ "A-1" bị trùng (đã có ở tasks.0)",
  "tasks.1.lead: Nhiệm vụ A-1: không có đơn vị mã "XX" trong danh sách đơn vị",
  "tasks.1.coordinators.1: Nhiệm vụ A-1: không có đơn vị mã "ZZ" trong danh sách đơn vị",
  "tasks.1.due: Cảnh báo: Nhiệm vụ A-1 chưa có thời hạn; coi thời hạn là 31/12/2024",
]
`);
    const bad = validatePlan({ id: 'p', name: 'x', year: 2024, tasks: [{ id: 'A-1' }] });
    expect(bad.plan).toBeUndefined();
    expect(bad.issues.length).toBeGreaterThan(0);
    expect(bad.issues.every((i) => i.code === 'plan.schema' && i.path?.[0] === 'tasks')).toBe(true);
  });

  test('master-sheet rows (status + reportedAt) become the single lead\'s fallback status, not a report', () => {
    const { plan, statuses, fallback, issues } = planFromDocument(
      {
        tasks: [
          { id: 'III.2-1', title: 'Xây dựng kế hoạch cải thiện', lead: 'NV', leadName: 'Phòng Nội vụ', due: '15/07/2023', status: 'Hoàn thành', reportedAt: '2023-07-10' },
          { id: 'X-1', title: 'Việc khác', lead: 'TP', due: '2023-12-31', status: 'bogus' },
        ],
      },
      { asOf: '2023-09-30' },
    );
    expect(plan?.year).toBe(2023);
    expect(plan?.tasks.map((x) => [x.id, x.section, x.due])).toEqual([
      ['III.2-1', 'III.2', '2023-07-15'],
      ['X-1', 'X', '2023-12-31'],
    ]);
    expect(statuses).toEqual([]);
    expect(fallback).toEqual([{ task: 'III.2-1', unit: 'NV', quarter: '2023-Q3', progress: 'done', completedOn: '2023-07-10', reportedAt: '2023-07-10' }]);
    expect(issues.map((i) => [i.code, i.path?.join('.')])).toEqual([['plan.status.badStatus', 'plan.tasks.1.status']]);
  });

  test('a built-in plan by id, with statuses in words', () => {
    const { plan, statuses, issues } = planFromDocument({
      builtin: 'plan-thanh-xuan-2023',
      statuses: [{ task: 'III.1-3', unit: 'KG', quarter: 'Quý III/2023', progress: 'Đang thực hiện' }],
    });
    expect(plan).toBe(builtinPlan2023);
    expect(statuses).toEqual([{ task: 'III.1-3', unit: 'KG', quarter: '2023-Q3', progress: 'inProgress' }]);
    expect(issues).toEqual([]);
  });
});

describe('links to the built-in criteria set thanh-xuan-2023', () => {
  const framework = frameworkSchema.parse(frameworkData);

  test('every criterion code a task names exists in the criteria set', () => {
    expect(checkPlan(builtinPlan2023, { frameworkNodes: framework.nodes })).toEqual([]);
    // the tasks of sections II.1 and II.2 all serve at least one criterion
    for (const x of builtinPlan2023.tasks.filter((y) => y.section.startsWith('II.'))) expect(x.criteria.length).toBeGreaterThan(0);
  });

  test('if every leaf lost points, the criteria no task serves are 1.6.3 and 1.6.5', () => {
    // By hand from the register: area 1.6 has tasks only for 1.6.1 (II.1.6-1), 1.6.2 (II.1.6-2) and
    // 1.6.4 (II.2.2.5-2/3); budget revenue (1.6.3) and the survey on socio-economic impact (1.6.5)
    // have none. Every leaf of 1.1–1.5 is named by some task.
    const leaves: { code: string; area: string }[] = [];
    const toResult = (n: FrameworkNode, areaCode: string): NodeResult => {
      const children = n.children?.map((c) => toResult(c, areaCode));
      if (!children) leaves.push({ code: n.code, area: areaCode });
      const max = n.max ?? 0;
      return { code: n.code, name: n.name, role: 'standard', score: 0, max, declaredMax: max, lost: max, applicable: true, leaf: !children, ...(children ? { children } : {}) };
    };
    const tree = framework.nodes.map((n) => toResult(n, n.code));
    const unit: UnitResult = {
      code: 'QTX', name: 'UBND quận Thanh Xuân', kind: 'district', score: 0, max: 100, index: 0, rank: 1, grade: 'D', bonus: 0, penalty: 0, areas: [],
      gaps: leaves.map((l) => ({ criterion: l.code, name: l.code, area: l.area, lost: 1, max: 1, score: 0, channel: 'appraisal', reason: '', recoverable: 1 })),
      tree, missing: [],
    };
    const results: ResultsDocument = { framework: { id: 'thanh-xuan-2023', name: 'x', target: 90 }, units: [unit], issues: [] };
    const report = trackPlan({ plan: builtinPlan2023, statuses: [], asOf: '2023-09-30', results });
    expect(report.uncovered).toEqual(['1.6.3', '1.6.5']);
  });
});

describe('master workbook rows', () => {
  test('taskRows → planFromDocument gives the register back whole', () => {
    const rows = taskRows(builtinPlan2023.tasks);
    expect(rows[0]).toMatchObject({ id: 'II.1.1-1', lead: 'NV', extra: { section: 'II.1.1', coordinatorNames: 'Các phòng, ban, đơn vị có liên quan; UBND 11 phường' } });
    expect(rows.find((r) => r.id === 'III.2-1')?.extra['leads']).toBe('VP, NV, TTR, TP, KT, TCKH');
    const { plan, issues } = planFromDocument({ tasks: rows }, { asOf: '2023-09-30' });
    expect(issues).toEqual([]);
    expect(plan?.tasks).toEqual(builtinPlan2023.tasks);
  });

  test('a group lead without its members is reported', () => {
    const { issues } = planFromDocument({ tasks: [{ id: 'III.2-1', title: 'x', lead: 'LEADS', due: '2023-07-15' }] }, { asOf: '2023-09-30' });
    expect(issues.map((i) => [i.code, i.path?.join('.')])).toEqual([['plan.unknownUnit', 'plan.tasks.0.lead']]);
  });
});
