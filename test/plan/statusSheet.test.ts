import { builtinPlan2023, parseTaskStatusSheet, renderTaskStatusSheet, trackPlan, STATUS_SHEET, type PlanTask } from '../../engine/plan';
import { formatIssue } from '../../engine/i18n';
import type { CellValue, SheetSnapshot } from '../../engine/workbook/port';
import { ExcelJsPort } from '../../files/port';

const tasks = builtinPlan2023.tasks;

/** Rendered sheet → a snapshot as a reader would give it, with rows edited by the "unit". */
function filled(edits: Record<string, Partial<Record<'status' | 'percent' | 'completedOn' | 'done' | 'evidence' | 'difficulties' | 'proposals', CellValue>>>, opts: { dates?: string[]; unit?: string } = {}): SheetSnapshot {
  const sheet = renderTaskStatusSheet(tasks, opts.unit ?? 'KG', '2023-Q3');
  const values = sheet.values.map((r) => [...r]);
  const keys = values[3] ?? [];
  const dates: Record<string, true> = {};
  for (const [taskId, row] of Object.entries(edits)) {
    const r = values.findIndex((v) => v[0] === taskId);
    if (r < 0) throw new Error(`no row for ${taskId}`);
    for (const [k, v] of Object.entries(row)) {
      const c = keys.indexOf(k);
      const line = values[r] ?? [];
      line[c] = v ?? null;
      values[r] = line;
    }
  }
  for (const addr of opts.dates ?? []) dates[addr] = true;
  return { name: STATUS_SHEET, values, dates };
}

describe('renderTaskStatusSheet', () => {
  const sheet = renderTaskStatusSheet(tasks, 'KG', '2023-Q3');

  test('lists the unit’s tasks as lead or coordinator, with hidden marker and key rows', () => {
    expect(sheet.name).toBe('Tiến độ nhiệm vụ');
    expect(sheet.values[0]?.[0]).toBe('TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ KẾ HOẠCH CCHC – Quý III/2023 – UBND phường Kim Giang');
    // marker, unit, quarter and the cut-off date of the figures (the quarter's end, no later than the deadline)
    expect(sheet.values[2]).toEqual(['parindex:plan-status', 'KG', '2023-Q3', '2023-09-30']);
    expect(sheet.values[4]).toEqual(['Mã nhiệm vụ', 'Nhiệm vụ', 'Vai trò', 'Thời hạn', 'Tình trạng', '% hoàn thành', 'Ngày hoàn thành', 'Kết quả thực hiện', 'Tài liệu kiểm chứng', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị']);
    // Kim Giang: 24 tasks of II.1 as coordinator + 20 as lead (II.2: 16, III.1: 4)
    expect(sheet.values.length - 5).toBe(44);
    expect(sheet.values[5]?.slice(0, 4)).toEqual(['II.1.1-1', tasks[0]?.title, 'Phối hợp', '31/12/2023']);
    const report = sheet.values.find((r) => r[0] === 'III.1-3');
    expect(report?.slice(2, 4)).toEqual(['Chủ trì', 'Hằng quý (30/09/2023)']);
    expect(sheet.hiddenRows).toEqual([3, 4]);
    expect(sheet.protection).toEqual({});
    expect(sheet.freeze).toEqual({ rows: 5, columns: 2 });
  });

  test('input cells unlocked, with a dropdown, a 0–100 range and a date check', () => {
    // data rows 6..49 (44 tasks)
    expect(sheet.validations).toEqual([
      expect.objectContaining({ range: 'E6:E49', type: 'list', values: ['Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện'] }),
      expect.objectContaining({ range: 'F6:F49', type: 'decimal', min: 0, max: 100 }),
      expect.objectContaining({ range: 'G6:G49', type: 'date', min: '2022-01-01', max: '2025-12-31' }),
    ]);
    const unlocked = (sheet.styles ?? []).filter((s) => s.style.locked === false).map((s) => s.range);
    expect(unlocked).toEqual(['E6:E49', 'F6:F49', 'G6:G49', 'H6:H49', 'I6:I49', 'J6:J49', 'K6:K49']);
  });

  test('an office sees the tasks it leads; English headers with lang en', () => {
    const tp = renderTaskStatusSheet(tasks, 'TP', '2023-Q2', { lang: 'en' });
    expect(tp.values[4]?.[0]).toBe('Task id');
    const ids = tp.values.slice(5).map((r) => r[0]);
    // II.1.2 (3) + II.2 (16) + III.1 (4) + III.2 (2) = 25
    expect(ids).toHaveLength(25);
    expect(ids.slice(0, 3)).toEqual(['II.1.2-1', 'II.1.2-2', 'II.1.2-3']);
  });
});

describe('parseTaskStatusSheet', () => {
  test('render → fill → parse round trip', () => {
    const snap = filled(
      {
        'II.1.1-1': { status: 'Hoàn thành', percent: 100, completedOn: '2023-07-20', done: 'Đã ban hành kế hoạch', evidence: 'KH 12/KH-UBND' },
        'II.2.1-1': { status: 'Đang thực hiện', percent: 60, difficulties: 'Thiếu kinh phí', proposals: 'Bổ sung kinh phí' },
        'III.1-3': { status: 'chưa thực hiện' },
      },
      { dates: ['G6'] },
    );
    const { statuses, issues, quarter } = parseTaskStatusSheet(snap, 'KG', 'KG.xlsx', { tasks });
    expect(issues).toEqual([]);
    expect(quarter).toBe('2023-Q3');
    expect(statuses).toEqual([
      { task: 'II.1.1-1', unit: 'KG', quarter: '2023-Q3', progress: 'done', percent: 100, completedOn: '2023-07-20', done: 'Đã ban hành kế hoạch', evidence: 'KH 12/KH-UBND' },
      { task: 'II.2.1-1', unit: 'KG', quarter: '2023-Q3', progress: 'inProgress', percent: 60, difficulties: 'Thiếu kinh phí', proposals: 'Bổ sung kinh phí' },
      { task: 'III.1-3', unit: 'KG', quarter: '2023-Q3', progress: 'notStarted' },
    ]);
  });

  test('bad inputs give located issues', () => {
    // rows: II.1.1-1 → 6, II.1.1-2 → 7, II.1.1-3 → 8, II.1.2-1 → 9, II.1.2-2 → 10, II.1.2-3 → 11, II.1.3-1 → 12
    const snap = filled(
      {
        'II.1.1-1': { status: 'Xong', done: 'x' },
        'II.1.1-2': { status: 'Đang thực hiện', percent: 150 },
        'II.1.1-3': { status: 'Đang thực hiện', percent: 'nhiều' },
        'II.1.2-1': { status: 'Hoàn thành', percent: 100, completedOn: '20/7/2023', done: 'Đã rà soát' },
        'II.1.2-2': { status: 'Hoàn thành', percent: 100, done: 'Đã xử lý' },
        'II.1.2-3': { status: 'Hoàn thành', completedOn: 'hôm qua', done: 'x' },
        'II.1.3-1': { percent: 20 },
      },
      { dates: [] },
    );
    const { statuses, issues } = parseTaskStatusSheet(snap, 'KG', 'KG.xlsx');
    expect(issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ['plan.status.badStatus', 'error', 'E6'],
      ['plan.status.percentRange', 'error', 'F7'],
      ['plan.status.percentNotNumber', 'error', 'F8'],
      ['plan.status.dateAsText', 'warning', 'G9'],
      ['plan.status.missingCompletionDate', 'error', 'G10'],
      ['plan.status.badDate', 'error', 'G11'],
      ['plan.status.missingStatus', 'error', 'E12'],
    ]);
    expect(issues.every((i) => i.file === 'KG.xlsx' && i.sheet === 'Tiến độ nhiệm vụ' && i.unit === 'KG')).toBe(true);
    expect(issues.map((i) => formatIssue(i))).toMatchInlineSnapshot(`
[
  "Tệp 'KG.xlsx', trang 'Tiến độ nhiệm vụ'!E6 (đơn vị KG): Nhiệm vụ II.1.1-1: tình trạng "Xong" không thuộc Hoàn thành, Đang thực hiện, Chưa thực hiện",
  "Tệp 'KG.xlsx', trang 'Tiến độ nhiệm vụ'!F7 (đơn vị KG): Nhiệm vụ II.1.1-2: % hoàn thành 150 nằm ngoài khoảng 0–100",
  "Tệp 'KG.xlsx', trang 'Tiến độ nhiệm vụ'!F8 (đơn vị KG): Nhiệm vụ II.1.1-3: % hoàn thành "nhiều" không phải là số",
  "Tệp 'KG.xlsx', trang 'Tiến độ nhiệm vụ'!G9 (đơn vị KG): Cảnh báo: Nhiệm vụ II.1.2-1: ngày hoàn thành "20/7/2023" được nhập dạng văn bản; đã hiểu là 20/07/2023 — nên nhập dạng ngày",
  "Tệp 'KG.xlsx', trang 'Tiến độ nhiệm vụ'!G10 (đơn vị KG): Nhiệm vụ II.1.2-2: tình trạng "Hoàn thành" nhưng chưa ghi ngày hoàn thành",
  "Tệp 'KG.xlsx', trang 'Tiến độ nhiệm vụ'!G11 (đơn vị KG): Nhiệm vụ II.1.2-3: ngày hoàn thành "hôm qua" không phải là ngày (ghi dd/mm/yyyy)",
  "Tệp 'KG.xlsx', trang 'Tiến độ nhiệm vụ'!E12 (đơn vị KG): Nhiệm vụ II.1.3-1: chưa chọn tình trạng (Hoàn thành, Đang thực hiện, Chưa thực hiện)",
]
`);
    expect(formatIssue(issues[1] ?? { code: 'internal.error', severity: 'error' }, 'en')).toBe("File 'KG.xlsx', sheet 'Tiến độ nhiệm vụ'!F7 (unit KG): Task II.1.1-2: % done 150 is outside 0–100");
    // rows with a readable status still count (the date typed as text is accepted)
    expect(statuses.map((s) => [s.task, s.progress, s.completedOn ?? null, s.percent ?? null])).toEqual([
      ['II.1.1-2', 'inProgress', null, null],
      ['II.1.1-3', 'inProgress', null, null],
      ['II.1.2-1', 'done', '2023-07-20', 100],
      ['II.1.2-2', 'done', null, 100],
      ['II.1.2-3', 'done', null, null],
    ]);
  });

  test('consistency warnings: % below 100 for done, % above 0 for not started, date for unfinished work', () => {
    const snap = filled(
      {
        'II.1.1-1': { status: 'Hoàn thành', percent: 80, completedOn: '2023-08-01', done: 'x' },
        'II.1.1-2': { status: 'Chưa thực hiện', percent: 10 },
        'II.1.1-3': { status: 'Đang thực hiện', completedOn: '2023-08-01' },
        'II.1.2-1': { status: 'Hoàn thành', completedOn: '2023-10-15' },
      },
      { dates: ['G6', 'G8', 'G9'] },
    );
    const { issues } = parseTaskStatusSheet(snap, 'KG', undefined, { asOf: '2023-09-30' });
    expect(issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ['plan.status.percentNotFull', 'warning', 'F6'],
      ['plan.status.percentStarted', 'warning', 'F7'],
      ['plan.status.dateWithoutDone', 'warning', 'G8'],
      ['plan.status.futureDate', 'warning', 'G9'],
      ['plan.status.noResult', 'warning', 'H9'],
    ]);
  });

  test('a sheet of another unit, a missing table, a sheet without marker', () => {
    const other = parseTaskStatusSheet(filled({}, { unit: 'KD' }), 'KG', 'KG.xlsx');
    expect(other.issues.map((i) => [i.code, i.cell, i.params?.['found']])).toEqual([['plan.status.wrongUnit', 'B3', 'KD']]);

    const empty = parseTaskStatusSheet({ name: 'Tiến độ nhiệm vụ', values: [['Ghi chú'], ['x']] }, 'KG', 'KG.xlsx');
    expect(empty.issues.map((i) => [i.code, i.cell])).toEqual([['plan.status.noTable', 'A1']]);

    // headers only (the user deleted the hidden rows): columns found by their Vietnamese names
    const snap = filled({ 'III.1-3': { status: 'Hoàn thành', completedOn: '2023-09-20', done: 'Đã báo cáo quý III' } });
    const values = [snap.values[0] ?? [], snap.values[1] ?? [], ...snap.values.slice(4)];
    const row = values.findIndex((v) => v[0] === 'III.1-3') + 1;
    const noHidden: SheetSnapshot = { name: snap.name, values, dates: { [`G${row}`]: true } };
    const noQuarter = parseTaskStatusSheet(noHidden, 'KG');
    expect(noQuarter.issues.map((i) => i.code)).toEqual(['plan.status.noQuarter']);
    const ok = parseTaskStatusSheet(noHidden, 'KG', undefined, { quarter: 'Quý III/2023' });
    expect(ok.issues).toEqual([]);
    expect(ok.statuses).toEqual([{ task: 'III.1-3', unit: 'KG', quarter: '2023-Q3', progress: 'done', completedOn: '2023-09-20', done: 'Đã báo cáo quý III' }]);
  });

  test('% typed in a cell formatted as percent (0.6 shown as 60%) reads as 60', () => {
    const snap = filled({ 'II.2.1-1': { status: 'Đang thực hiện', percent: 0.6 } });
    const r = snap.values.findIndex((v) => v[0] === 'II.2.1-1');
    const res = parseTaskStatusSheet({ ...snap, formats: { [`F${r + 1}`]: '0%' } }, 'KG');
    expect(res.statuses[0]?.percent).toBeCloseTo(60, 12);
  });

  test('parsed statuses feed tracking: a unit that filled nothing stays not reported', () => {
    const base = filled({ 'III.1-3': { status: 'Hoàn thành', completedOn: '2023-09-25', done: 'Đã báo cáo' } });
    const row = base.values.findIndex((v) => v[0] === 'III.1-3') + 1;
    const { statuses, issues } = parseTaskStatusSheet({ ...base, dates: { [`G${row}`]: true } }, 'KG');
    expect(issues).toEqual([]);
    const report = trackPlan({ plan: builtinPlan2023, statuses, asOf: '2023-09-30' });
    expect(report.units.find((u) => u.unit === 'KG')?.reported).toBe(true);
    expect(report.units.find((u) => u.unit === 'KD')?.reported).toBe(false);
    const t13 = report.tasks.find((x) => x.id === 'III.1-3');
    expect(t13?.assignments.find((a) => a.unit === 'KG')?.status).toBe('done');
  });
});

describe('through a real .xlsx (exceljs port)', () => {
  test('write, save, reopen, fill, read back', async () => {
    const small: PlanTask[] = tasks.filter((x) => x.id === 'III.1-3' || x.id === 'II.2.1-1');
    const port = ExcelJsPort.create();
    await port.write([renderTaskStatusSheet(small, 'KG', '2023-Q3')]);
    const reopened = await ExcelJsPort.fromBuffer(await port.toBuffer());
    const ws = reopened.workbook.getWorksheet('Tiến độ nhiệm vụ');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getRow(3).hidden).toBe(true);
    expect(ws.getRow(4).hidden).toBe(true);
    expect(ws.getCell('E6').protection?.locked).toBe(false);
    expect(ws.getCell('B6').protection?.locked).not.toBe(false);
    // the unit fills row 7 (III.1-3) with a real date
    ws.getCell('E7').value = 'Hoàn thành';
    ws.getCell('F7').value = 100;
    ws.getCell('G7').value = new Date(Date.UTC(2023, 8, 25));
    ws.getCell('H7').value = 'Đã gửi báo cáo CCHC quý III';
    const back = await ExcelJsPort.fromBuffer(await reopened.toBuffer());
    const [snap] = await back.read(['Tiến độ nhiệm vụ']);
    expect(snap).toBeDefined();
    if (!snap) return;
    const { statuses, issues } = parseTaskStatusSheet(snap, 'KG', 'KG.xlsx', { tasks });
    expect(issues).toEqual([]);
    expect(statuses).toEqual([{ task: 'III.1-3', unit: 'KG', quarter: '2023-Q3', progress: 'done', percent: 100, completedOn: '2023-09-25', done: 'Đã gửi báo cáo CCHC quý III' }]);
  });
});

describe('prefill from an earlier quarter', () => {
  test('answers carried into the new sheet read back without warnings', () => {
    const prev = [
      { task: 'II.2.1-1', unit: 'KG', quarter: '2023-Q2', progress: 'done' as const, percent: 100, completedOn: '2023-06-20', done: 'Đã niêm yết thông tin chính sách' },
      { task: 'III.1-3', unit: 'KG', quarter: '2023-Q2', progress: 'done' as const, completedOn: '2023-06-25', done: 'Đã báo cáo quý II' },
    ];
    const sheet = renderTaskStatusSheet(tasks, 'KG', '2023-Q3', { prefill: prev });
    const row = sheet.values.find((r) => r[0] === 'II.2.1-1');
    expect(row?.slice(4, 8)).toEqual(['Hoàn thành', 100, '2023-06-20', 'Đã niêm yết thông tin chính sách']);
    // the quarterly report is not carried over
    expect(sheet.values.find((r) => r[0] === 'III.1-3')?.slice(4, 8)).toEqual([null, null, null, null]);
    const { statuses, issues } = parseTaskStatusSheet({ name: sheet.name, values: sheet.values }, 'KG');
    expect(issues).toEqual([]);
    expect(statuses).toEqual([{ ...prev[0], quarter: '2023-Q3' }]);
  });
});
