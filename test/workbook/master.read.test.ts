import { readMaster, renderMasterInputSheets } from '../../engine/workbook/master';
import type { SheetSnapshot, CellValue } from '../../engine/workbook/port';
import type { Issue } from '../../engine/model/issue';
import { formatIssue } from '../../engine/i18n';
import { grid, smallFramework, smallUnits, toSnapshot } from './helpers';

/** The base workbook (written by our writer) with the submissions sheet replaced by a hand-made grid. */
function withSubmissions(sub: SheetSnapshot, extra: SheetSnapshot[] = []): SheetSnapshot[] {
  const base = renderMasterInputSheets({ framework: smallFramework, units: smallUnits, assessments: [] }).map(toSnapshot);
  return [...base.filter((s) => s.name !== 'Kê khai' && !extra.some((e) => e.name === s.name)), sub, ...extra];
}

const brief = (issues: Issue[]): string[] => issues.map((i) => `${i.severity} ${i.code} ${i.sheet ?? ''}!${i.cell ?? ''} ${i.unit ?? ''} ${i.criterion ?? ''}`.trim());

describe('readMaster on hand-made grids', () => {
  test('reordered columns with the key row are found by key', () => {
    const sub = grid('Kê khai', [
      ['Bảng kê khai'],
      [],
      ['self', 'criterion', 'value', 'unit'],
      ['Tự chấm (đổi tên)', 'Tiêu chí', 'Giá trị', 'Đơn vị'],
      [2, '1.1', 'Có', 'KG'],
      [1.5, '1.2', null, 'HD'],
    ]);
    const { doc, issues } = readMaster(withSubmissions(sub), 'm.xlsx');
    expect(brief(issues)).toEqual([]);
    expect(doc.assessments).toEqual([
      { unit: 'KG', criterion: '1.1', value: 'Có', self: 2 },
      { unit: 'HD', criterion: '1.2', self: 1.5 },
    ]);
    expect(doc.extras.locations['HD|1.2']?.cells['self']).toBe('A6');
  });

  test('without a key row, headers are matched in Vietnamese or English, with or without diacritics', () => {
    const sub = grid('Ke khai', [
      ['Ma don vi', 'Criterion', 'SO LIEU KE KHAI', 'Self-score', 'Thẩm định lần 1', 'Lý do (lần 1)', 'Cột riêng của tôi'],
      ['KG', '1.1', 'Không', 2, 0, 'không có kế hoạch', 'ghi chú riêng'],
    ]);
    const { doc, issues } = readMaster(withSubmissions(sub), 'm.xlsx');
    expect(brief(issues)).toEqual([]);
    expect(doc.assessments).toEqual([{ unit: 'KG', criterion: '1.1', value: 'Không', self: 2, appraisal: [0], reason: 'không có kế hoạch' }]);
  });

  test('a missing required column is reported with sheet and header cell', () => {
    const sub = grid('Kê khai', [[], [], ['unit', 'value', 'self'], ['Đơn vị', 'Giá trị', 'Tự chấm'], ['KG', 'Có', 1]]);
    const { issues } = readMaster(withSubmissions(sub), 'm.xlsx');
    expect(brief(issues)).toEqual(['error workbook.missingColumn Kê khai!D4']);
    expect(formatIssue(issues[0] as Issue, 'vi')).toBe("Tệp 'm.xlsx', trang 'Kê khai'!D4: Thiếu cột bắt buộc \"Mã tiêu chí\" (khoá criterion)");
    expect(formatIssue(issues[0] as Issue, 'en')).toBe("File 'm.xlsx', sheet 'Kê khai'!D4: Required column \"Criterion\" (key criterion) is missing");
  });

  test('error values, text in number cells, above-max scores, unknown codes, duplicates, parents: each located', () => {
    const rows: CellValue[][] = [
      [],
      [],
      ['unit', 'criterion', 'value', 'self', 'appraisal1'],
      ['Đơn vị', 'Tiêu chí', 'Giá trị', 'Tự chấm', 'Thẩm định 1'],
      ['KG', '1.1', null, 2, null], // value is #DIV/0!
      ['KG', '1.2', 'x', 'ba điểm', null], // text in number cell
      ['HD', '1.2', null, 3.5, null], // max 3
      ['XX', '1.1', 'Có', 1, null], // unknown unit
      ['HD', '9.9', 'Có', 1, null], // unknown criterion
      ['HD', '1', 'Có', 1, null], // parent, not a leaf
      ['KG', '1.1', 'Có', 2, null], // duplicate of row 5
      ['HD', '2.1', 'Có', 4, -1], // negative appraisal
    ];
    const sub = grid('Kê khai', rows, { errors: { C5: '#DIV/0!' } });
    const { doc, issues } = readMaster(withSubmissions(sub), 'm.xlsx');
    expect(brief(issues)).toEqual([
      'error workbook.pointsAboveMax Kê khai!D7 HD 1.2',
      'error workbook.unknownUnit Kê khai!A8 XX 1.1',
      'error workbook.unknownCriterion Kê khai!B9 HD 9.9',
      'error workbook.notALeaf Kê khai!B10 HD 1',
      'error workbook.duplicateAssessment Kê khai!B11 KG 1.1',
      'error workbook.errorValue Kê khai!C5 KG 1.1',
      'error workbook.notANumber Kê khai!D6 KG 1.2',
      'error workbook.belowMinimum Kê khai!E12 HD 2.1',
    ]);
    // the valid parts of bad rows are kept; unknown codes and duplicates are not
    expect(doc.assessments.map((a) => `${a.unit}|${a.criterion}`)).toEqual(['KG|1.1', 'KG|1.2', 'HD|1.2', 'HD|2.1']);
    expect(issues.find((i) => i.code === 'workbook.duplicateAssessment')?.params).toEqual({ unit: 'KG', criterion: '1.1', firstRow: 5 });
  });

  test('merged cells inside the table are an error; merged title cells are fine', () => {
    const sub = grid(
      'Kê khai',
      [['Tiêu đề'], [], ['unit', 'criterion', 'value'], ['Đơn vị', 'Tiêu chí', 'Giá trị'], ['KG', '1.1', 'Có'], ['KG', '1.2', 2]],
      { merged: ['A1:C1', 'A5:A6'] },
    );
    const { issues } = readMaster(withSubmissions(sub), 'm.xlsx');
    expect(brief(issues)).toEqual(['error workbook.mergedInTable Kê khai!A5']);
  });

  test('percent cells read as 0–100, dates typed as text are accepted with a warning, bad dates are errors', () => {
    const sub = grid(
      'Kê khai',
      [[], [], ['unit', 'criterion', 'value', 'submittedAt'], ['Đơn vị', 'Tiêu chí', 'Giá trị', 'Ngày nộp'], ['KG', '1.2', 0.875, '14/07/2023'], ['HD', '1.2', '87,5%', 'hôm qua'], ['HD', '2.1', 'Có', 45121]],
      { formats: { C5: '0.0%', D7: 'dd/mm/yyyy' } },
    );
    const { doc, issues } = readMaster(withSubmissions(sub), 'm.xlsx');
    expect(brief(issues)).toEqual(['warning workbook.dateAsText Kê khai!D5 KG 1.2', 'error workbook.notADate Kê khai!D6 HD 1.2']);
    expect(doc.assessments[0]?.value).toBeCloseTo(87.5, 12);
    // "87,5%" text stays as the user wrote it; rules parse it (parseNumber → 87.5)
    expect(doc.assessments[1]?.value).toBe('87,5%');
    // serial 45121 = 2023-07-14 (days since 1899-12-30)
    expect(doc.extras.submissions.map((s) => s.submittedAt)).toEqual(['2023-07-14', undefined, '2023-07-14']);
  });

  test('an office row for a district-level criterion becomes an assessment of the district', () => {
    const fw = {
      ...smallFramework,
      nodes: [...smallFramework.nodes, { code: '3', name: 'Cấp quận', lead: 'VP', appliesTo: ['district'], children: [{ code: '3.1', name: 'Một cửa quận', max: 2, rule: { kind: 'yesNo' } }] }],
    };
    const units = [...smallUnits, { code: 'QTX', name: 'UBND quận Thanh Xuân', kind: 'district' }];
    const base = renderMasterInputSheets({ framework: fw, units, assessments: [] }).map(toSnapshot);
    const sub = grid('Kê khai', [[], [], ['unit', 'criterion', 'value'], ['Đơn vị', 'Tiêu chí', 'Giá trị'], ['VP', '3.1', 'Có']]);
    const { doc, issues } = readMaster([...base.filter((s) => s.name !== 'Kê khai'), sub]);
    expect(issues).toEqual([]);
    expect(doc.assessments).toEqual([{ unit: 'QTX', criterion: '3.1', value: 'Có' }]);
    expect(doc.extras.submissions).toEqual([{ unit: 'QTX', criterion: '3.1', by: 'VP' }]);
  });

  test('a row for a criterion that does not apply to the unit kind is a warning', () => {
    // 1.1 applies to wards only; VP is an office and there is no district to answer for
    const sub = grid('Kê khai', [[], [], ['unit', 'criterion', 'value'], ['Đơn vị', 'Tiêu chí', 'Giá trị'], ['VP', '1.1', 'Có']]);
    const { issues } = readMaster(withSubmissions(sub), 'm.xlsx');
    expect(brief(issues)).toEqual(['warning workbook.notForUnitKind Kê khai!B5 VP 1.1']);
    expect(formatIssue(issues[0] as Issue, 'vi')).toContain('chỉ áp dụng cho ward, không áp dụng cho đơn vị loại office');
  });

  test('criteria sheet: duplicates, unknown parent, bad JSON, bad enum, parent inferred from the dotted code', () => {
    const crit = grid('Bộ tiêu chí', [
      [],
      [],
      ['code', 'parent', 'name', 'max', 'channel', 'ruleKind', 'ruleParams'],
      ['Mã', 'Thuộc', 'Tên', 'Tối đa', 'Kênh', 'Quy tắc', 'Tham số'],
      ['1', null, 'Lĩnh vực 1', null, null, null, null],
      ['1.1', null, 'Tiêu chí 1.1', 2, 'Thẩm định', 'yesNo', null],
      ['1.2', '7', 'Tiêu chí 1.2', 1, 'survey', 'survey', null],
      ['1.1', null, 'Trùng', 1, null, 'points', null],
      ['1.3', null, 'Tiêu chí 1.3', 1, 'email', 'bands', '{"bands": ['],
    ]);
    const base = renderMasterInputSheets({ framework: smallFramework, units: smallUnits, assessments: [] }).map(toSnapshot);
    const { doc, issues } = readMaster([...base.filter((s) => s.name !== 'Bộ tiêu chí' && s.name !== 'Kê khai'), crit]);
    expect(brief(issues)).toEqual([
      'error workbook.unknownParent Bộ tiêu chí!B7  1.2',
      'error workbook.duplicateCriterion Bộ tiêu chí!A8  1.1',
      'error workbook.badEnum Bộ tiêu chí!E9  1.3',
      'error workbook.badJson Bộ tiêu chí!G9  1.3',
    ]);
    expect(doc.framework.nodes.map((n) => n.code)).toEqual(['1', '1.2']);
    expect(doc.framework.nodes[0]?.children?.map((n) => n.code)).toEqual(['1.1', '1.3']);
    expect(doc.framework.nodes[0]?.children?.[0]).toEqual({ code: '1.1', name: 'Tiêu chí 1.1', max: 2, channel: 'appraisal', rule: { kind: 'yesNo' } });
  });

  test('missing sheets are reported; a built-in criteria set can stand in for "Bộ tiêu chí"', () => {
    const cfg = grid('Cấu hình', [[], [], ['key', 'label', 'value'], ['Khoá', 'Thiết lập', 'Giá trị'], ['frameworkId', '', 'test-2023'], ['target', '', '92,5'], ['grades', '', 'A=95; B=85; C=0']]);
    const units = renderMasterInputSheets({ framework: smallFramework, units: smallUnits, assessments: [] }).map(toSnapshot).filter((s) => s.name === 'Đơn vị');
    const { doc, issues } = readMaster([cfg, ...units], 'm.xlsx', { resolveFramework: (id) => (id === 'test-2023' ? smallFramework : undefined) });
    expect(issues).toEqual([]);
    expect(doc.framework.target).toBe(92.5);
    expect(doc.framework.grades).toEqual([
      { grade: 'A', min: 95 },
      { grade: 'B', min: 85 },
      { grade: 'C', min: 0 },
    ]);
    expect(doc.framework.nodes).toBe(smallFramework.nodes);
    const none = readMaster([cfg], 'm.xlsx');
    expect(brief(none.issues)).toEqual(['error workbook.missingSheet !', 'error workbook.missingSheet !']);
    expect(none.issues.map((i) => i.params?.['sheet'])).toEqual(['Bộ tiêu chí', 'Đơn vị']);
    expect(none.doc.extras.recognised).toBe(false);
  });

  test('survey sheets: answers outside 1–5 and unknown units are located', () => {
    const resp = grid('Khảo sát', [[], [], ['unit', 'respondent', 'q1', 'q2'], ['Đơn vị', 'Phiếu', 'q1', 'q2'], ['KG', '1', 5, 4], ['KG', '2', 7, null], ['ZZ', '3', 4, 4]]);
    const { doc, issues } = readMaster(withSubmissions(grid('Kê khai', [[], [], ['unit', 'criterion'], ['Đơn vị', 'Tiêu chí']]), [resp]));
    expect(brief(issues)).toEqual(['warning workbook.answerOutOfScale Khảo sát!C6 KG', 'error workbook.unknownUnit Khảo sát!A7 ZZ']);
    expect(doc.extras.survey.responses).toEqual([
      { unit: 'KG', respondent: '1', answers: { q1: 5, q2: 4 } },
      { unit: 'KG', respondent: '2', answers: { q1: null, q2: null } },
    ]);
  });
});

describe('submissionStatus', () => {
  test('late units are warnings at their latest date cell; units with no row are information', async () => {
    const { submissionStatus } = await import('../../engine/workbook/master');
    const units = smallUnits.map((u) => (u.kind === 'office' ? { ...u, scored: false } : u));
    const sheets = renderMasterInputSheets({
      framework: smallFramework,
      units,
      assessments: [
        { unit: 'KG', criterion: '1.1', value: 'Có' },
        { unit: 'KG', criterion: '1.2', value: 3 },
      ],
      submissions: [
        { unit: 'KG', criterion: '1.1', submittedAt: '2023-07-14' },
        { unit: 'KG', criterion: '1.2', submittedAt: '2023-07-16' },
      ],
      rounds: [{ round: 'selfAssessment', deadline: '2023-07-15' }],
    }).map(toSnapshot);
    const { doc } = readMaster(sheets, 'm.xlsx');
    const s = submissionStatus(doc, 'm.xlsx');
    expect(s.units).toEqual([
      { unit: 'KG', rows: 2, lastSubmittedAt: '2023-07-16', late: true, missing: false },
      { unit: 'HD', rows: 0, late: false, missing: true },
    ]);
    // row 6 = KG 1.2, "Ngày nộp" is column N
    expect(brief(s.issues)).toEqual(['warning workbook.late Kê khai!N6 KG', 'info workbook.notSubmitted ! HD']);
  });
});
