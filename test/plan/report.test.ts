import { measureTarget, statusLine, renderPlanStatusSheet, renderQuarterlyReport, trackPlan, type PlanTask, type PlanTarget, type SipasLike, type TaskStatus } from '../../engine/plan';
import type { Unit } from '../../engine/model/unit';
import type { NodeResult, ResultsDocument } from '../../engine/model/results';
import type { CellValue } from '../../engine/workbook/port';

const units: Unit[] = [
  { code: 'QTX', name: 'UBND quận Thanh Xuân', kind: 'district' },
  { code: 'TP', name: 'Phòng Tư pháp', kind: 'office' },
  { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
  { code: 'KD', name: 'UBND phường Khương Đình', kind: 'ward' },
];
const qpplTarget: PlanTarget = { id: 'qppl-review', indicator: 'Tỷ lệ văn bản QPPL được xử lý sau rà soát', op: '>=', value: 100, unit: '%', criterion: '1.2.1' };
const sipasTarget: PlanTarget = { id: 'sipas', indicator: 'Chỉ số hài lòng', op: '>', value: 90, unit: '%', sipas: 'overall', betterThanPrevious: true };
const tasks: PlanTask[] = [
  { id: 'II.1.2-2', section: 'II.1.2', title: 'Xử lý 100% văn bản QPPL sau rà soát', lead: 'TP', leadName: 'Phòng Tư pháp', coordinators: ['KG', 'KD'], due: '2023-12-31', criteria: ['1.2.1'], targets: [qpplTarget] },
  { id: 'III.2-1', section: 'III.2', title: 'Xây dựng kế hoạch cải thiện', lead: 'TP', leadName: 'Phòng Tư pháp', coordinators: [], due: '2023-07-15', criteria: [] },
];
const statuses: TaskStatus[] = [
  { task: 'II.1.2-2', unit: 'TP', quarter: '2023-Q3', progress: 'inProgress', percent: 70, done: 'Đã rà soát 40 văn bản', difficulties: 'Thiếu nhân lực', proposals: 'Bổ sung 01 công chức' },
  { task: 'II.1.2-2', unit: 'KG', quarter: '2023-Q3', progress: 'done', completedOn: '2023-08-30', done: 'Đã rà soát 5 văn bản' },
  { task: 'III.2-1', unit: 'TP', quarter: '2023-Q3', progress: 'done', completedOn: '2023-07-20', done: 'Ban hành KH 15/KH-TP' },
];

function node(code: string, value?: string | number): NodeResult {
  return { code, name: code, role: 'standard', score: 1, max: 2.5, declaredMax: 2.5, lost: 1.5, applicable: true, leaf: true, ...(value !== undefined ? { value } : {}) };
}
const results: ResultsDocument = {
  framework: { id: 'thanh-xuan-2023', name: 'Bộ tiêu chí', target: 90 },
  units: [
    {
      code: 'QTX', name: 'UBND quận Thanh Xuân', kind: 'district', score: 88.5, max: 100, index: 88.5, rank: 1, grade: 'B', bonus: 0, penalty: 0, areas: [],
      gaps: [
        { criterion: '1.2.1', name: 'Tỷ lệ văn bản QPPL được xử lý sau rà soát', area: '1.2', lost: 1.5, max: 2.5, score: 1, channel: 'appraisal', reason: '', recoverable: 1.5, lead: 'TP' },
        { criterion: '1.6.3', name: 'Tỷ lệ hoàn thành dự toán thu ngân sách', area: '1.6', lost: 2, max: 4, score: 2, channel: 'appraisal', reason: '', recoverable: 2, lead: 'TCKH' },
      ],
      tree: [{ ...node('1.2'), leaf: false, children: [node('1.2.1', '95%')] }],
      missing: [],
    },
  ],
  issues: [],
};
const sipas: SipasLike = { units: [{ unit: 'QTX', overall: 91.2, n: 400 }] };

function text(values: CellValue[][]): string {
  return values.map((r) => r.map((c) => (c === null ? '' : String(c))).join(' | ')).join('\n');
}

describe('measureTarget', () => {
  test('a criterion rate of the district, a SIPAS index, a value entered by hand', () => {
    // 95% < 100% → not met
    expect(measureTarget(qpplTarget, { results })).toEqual({ actual: 95, source: '1.2.1', met: false });
    // 91.2 > 90 and no previous year given → met
    expect(measureTarget(sipasTarget, { sipas })).toEqual({ actual: 91.2, source: 'SIPAS overall', met: true });
    // better than last year required: 91.2 is not above 92 → not met
    expect(measureTarget(sipasTarget, { sipas, previous: { sipas: 92 } })).toEqual({ actual: 91.2, source: 'SIPAS overall', previous: 92, met: false });
    expect(measureTarget(qpplTarget, { indicators: { 'qppl-review': 100 } })).toEqual({ actual: 100, source: 'input', met: true });
    expect(measureTarget(qpplTarget, {})).toEqual({});
  });

  test('no SIPAS row for the district: respondent-weighted mean of the units', () => {
    // (80 × 100 + 90 × 300) ÷ 400 = 87.5
    const s: SipasLike = { units: [{ unit: 'KG', overall: 80, n: 100 }, { unit: 'KD', overall: 90, n: 300 }] };
    expect(measureTarget(sipasTarget, { sipas: s }).actual).toBeCloseTo(87.5, 12);
  });
});

describe('renderQuarterlyReport', () => {
  const report = trackPlan({ tasks, statuses, units, asOf: '2023-09-30', results, targets: [sipasTarget] });
  const sheet = renderQuarterlyReport(report, results, sipas, '2023-Q3', 'vi');
  const all = text(sheet.values);

  test('title, overview and per-area results from what the units reported', () => {
    expect(sheet.name).toBe('Báo cáo quý');
    expect(sheet.values[0]?.[0]).toBe('BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH DUY TRÌ, NÂNG CAO CHỈ SỐ CCHC (PAR INDEX), CHỈ SỐ HÀI LÒNG (SIPAS) – Quý III/2023');
    expect(sheet.values[1]?.[0]).toBe('UBND quận Thanh Xuân báo cáo Sở Nội vụ Hà Nội; số liệu tính đến ngày 30/09/2023');
    // II.1.2-2: TP in progress before 31/12 → on track; III.2-1 done 20/7 after 15/7 → late
    expect(all).toContain('Kế hoạch có 2 nhiệm vụ: 0 hoàn thành; 1 đang thực hiện đúng tiến độ; 1 chậm tiến độ; 0 chưa thực hiện; 0 chưa có báo cáo.');
    expect(all).toContain('2/3 cơ quan, đơn vị, phường đã báo cáo tiến độ trong quý.');
    expect(all).toContain('Chưa báo cáo: UBND phường Khương Đình.');
    const row = sheet.values.find((r) => r[0] === 'II.1.2-2');
    expect(row).toEqual(['II.1.2-2', 'Xử lý 100% văn bản QPPL sau rà soát', 'Phòng Tư pháp', 'Đang thực hiện, đúng tiến độ', 'TP: Đã rà soát 40 văn bản\nKG: Đã rà soát 5 văn bản', '1/3 đơn vị hoàn thành; 0 chậm; 1 chưa báo cáo']);
  });

  test('each area ends with its targets and the units behind in it', () => {
    expect(all).toContain('Chỉ tiêu: Tỷ lệ văn bản QPPL được xử lý sau rà soát (≥ 100%): 95% — Chưa đạt');
    expect(all).toContain('Đơn vị chậm, chưa thực hiện, chưa báo cáo — UBND phường Khương Đình: chưa báo cáo II.1.2-2');
    expect(all).toContain('Đơn vị chậm, chưa thực hiện, chưa báo cáo — Phòng Tư pháp: chậm tiến độ III.2-1');
  });

  test('indicators against targets, with vi-VN numbers', () => {
    const q = sheet.values.find((r) => r[1] === 'Tỷ lệ văn bản QPPL được xử lý sau rà soát');
    expect(q).toEqual(['II.1.2-2', 'Tỷ lệ văn bản QPPL được xử lý sau rà soát', '≥ 100%', '95%', 'Chưa đạt', '1.2.1']);
    const s = sheet.values.find((r) => r[1] === 'Chỉ số hài lòng');
    expect(s).toEqual(['', 'Chỉ số hài lòng', '> 90%; cao hơn năm trước', '91,2%', 'Đạt', 'SIPAS overall']);
    const par = sheet.values.find((r) => r[1] === 'Chỉ số CCHC của UBND quận Thanh Xuân');
    expect(par).toEqual(['', 'Chỉ số CCHC của UBND quận Thanh Xuân', '90%', '88,5%', 'Chưa đạt', 'PAR INDEX']);
  });

  test('late units with the head who answers, proposals, uncovered criteria', () => {
    expect(sheet.values.find((r) => r[0] === 'Phòng Tư pháp')).toEqual(['Phòng Tư pháp', 'Thủ trưởng cơ quan', 'III.2-1', '', '', 1]);
    expect(sheet.values.find((r) => r[0] === 'UBND phường Khương Đình')).toEqual(['UBND phường Khương Đình', 'Chủ tịch UBND phường', '', '', 'II.1.2-2', 1]);
    expect(sheet.values.find((r) => r[1] === 'TP')).toEqual(['II.1.2-2', 'TP', 'Khó khăn: Thiếu nhân lực', 'Đề xuất: Bổ sung 01 công chức']);
    expect(all).toContain('VI. TIÊU CHÍ BỊ TRỪ ĐIỂM CHƯA CÓ NHIỆM VỤ KHẮC PHỤC');
    expect(sheet.values.find((r) => r[0] === '1.6.3')).toEqual(['1.6.3', 'Tỷ lệ hoàn thành dự toán thu ngân sách', 'TCKH', 2, 'QTX', '']);
    expect(report.uncovered).toEqual(['1.6.3']);
  });

  test('tasks by status beside the report (H:I), drawn as a native chart in Excel and in files written outside it', () => {
    expect(sheet.values.slice(3, 9).map((r) => r.slice(7, 9))).toEqual([
      ['Tình trạng', 'Số nhiệm vụ'],
      ['Hoàn thành', 0],
      ['Đang thực hiện, đúng tiến độ', 1],
      ['Chậm tiến độ', 1],
      ['Chưa thực hiện', 0],
      ['Chưa báo cáo', 0],
    ]);
    expect(sheet.charts).toEqual([{ type: 'column', title: 'Nhiệm vụ kế hoạch theo tình trạng', dataRange: 'H4:I9', seriesBy: 'columns', anchor: 'H11', width: 420, height: 260 }]);
    // the report itself stays within A:F, as printed
    expect(sheet.printArea).toMatch(/^A1:F\d+$/);
  });

  test('one status line for the task pane and the CLI', () => {
    expect(statusLine(report)).toBe('2 nhiệm vụ · 0 hoàn thành · 1 đúng tiến độ · 1 chậm tiến độ · 0 chưa thực hiện · 0 chưa báo cáo · 2/3 đơn vị đã báo cáo · 1 tiêu chí bị trừ điểm chưa có nhiệm vụ');
    expect(statusLine(report, 'en')).toBe('2 tasks · 0 done · 1 on track · 1 late · 0 not started · 0 not reported · 2/3 units reported · 1 criteria lost points with no task');
  });

  test('English', () => {
    const en = text(renderQuarterlyReport(report, results, sipas, '2023-Q3', 'en').values);
    expect(en).toContain('REPORT ON THE PAR INDEX AND SIPAS PLAN – Q3 2023');
    expect(en).toContain('The plan has 2 tasks: 0 done; 1 on track; 1 late; 0 not started; 0 not reported.');
    expect(en).toContain('91.2%');
  });
});

describe('renderPlanStatusSheet', () => {
  const report = trackPlan({ tasks, statuses, units, asOf: '2023-09-30' });

  test('one filterable table of the late list: header row, then one row per unit × task', () => {
    const sheet = renderPlanStatusSheet(report);
    expect(sheet.name).toBe('Kế hoạch - theo dõi');
    expect(sheet.values[3]).toEqual(['STT', 'Mã đơn vị', 'Đơn vị', 'Người đứng đầu chịu trách nhiệm', 'Mã nhiệm vụ', 'Nhiệm vụ', 'Vai trò', 'Thời hạn', 'Tình trạng', '% hoàn thành', 'Ngày hoàn thành', 'Số ngày chậm', 'Khó khăn, vướng mắc']);
    // late: TP on III.2-1 (done 20/7, due 15/7: 5 days), KD not reported on II.1.2-2
    expect(sheet.values.slice(4)).toEqual([
      [1, 'TP', 'Phòng Tư pháp', 'Thủ trưởng cơ quan', 'III.2-1', 'Xây dựng kế hoạch cải thiện', 'Chủ trì', '15/07/2023', 'Chậm tiến độ', null, '20/07/2023', 5, null],
      [2, 'KD', 'UBND phường Khương Đình', 'Chủ tịch UBND phường', 'II.1.2-2', 'Xử lý 100% văn bản QPPL sau rà soát', 'Phối hợp', '31/12/2023', 'Chưa báo cáo', null, null, null, null],
    ]);
    expect(sheet.freeze).toEqual({ rows: 4, columns: 3 });
    expect(sheet.merges ?? []).toEqual([]);
    expect(sheet.values[1]?.[0]).toBe('Số liệu đến ngày 30/09/2023: 2 lượt nhiệm vụ chậm, chưa thực hiện hoặc chưa báo cáo tại 2 đơn vị. Dùng bộ lọc ở dòng tiêu đề để lọc theo đơn vị, tình trạng.');
  });

  test('all: every unit × task', () => {
    const sheet = renderPlanStatusSheet(report, { all: true });
    // II.1.2-2: TP + KG + KD; III.2-1: TP → 4 rows
    expect(sheet.values.slice(4).map((r) => [r[1], r[4], r[8]])).toEqual([
      ['TP', 'II.1.2-2', 'Đang thực hiện, đúng tiến độ'],
      ['KG', 'II.1.2-2', 'Hoàn thành'],
      ['KD', 'II.1.2-2', 'Chưa báo cáo'],
      ['TP', 'III.2-1', 'Chậm tiến độ'],
    ]);
  });
});

describe('the output sheets write to a real .xlsx', () => {
  test('report, tracking table and register survive a save and reopen', async () => {
    const { ExcelJsPort } = await import('../../files/port');
    const { builtinPlan2023, renderTaskSheet, readTaskSheet } = await import('../../engine/plan');
    const report = trackPlan({ plan: builtinPlan2023, statuses: [], asOf: '2023-09-30' });
    const port = ExcelJsPort.create();
    await port.write([renderQuarterlyReport(report, undefined, undefined, '2023-Q3'), renderPlanStatusSheet(report), renderTaskSheet(builtinPlan2023.tasks)]);
    const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
    const snaps = await back.read(['Báo cáo quý', 'Kế hoạch - theo dõi', 'Kế hoạch']);
    expect(snaps.map((s) => s.name)).toEqual(['Báo cáo quý', 'Kế hoạch - theo dõi', 'Kế hoạch']);
    // tracking table: 4 heading rows + one row per late entry
    expect(snaps[1]?.values.length).toBe(4 + report.late.length);
    expect(snaps[1]?.values[4]?.[8]).toBe('Chưa báo cáo');
    const register = snaps[2] ? readTaskSheet(snaps[2], 'plan.xlsx') : undefined;
    expect(register?.issues).toEqual([]);
    expect(register?.tasks).toEqual(builtinPlan2023.tasks);
  });
});
