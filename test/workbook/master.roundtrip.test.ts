import { readMaster, renderMasterInputSheets, type MasterData } from '../../engine/workbook/master';
import { toSnapshot, smallFramework, smallUnits } from './helpers';

const data: MasterData = {
  framework: smallFramework,
  units: smallUnits,
  assessments: [
    { unit: 'KG', criterion: '1.1', value: 'Có', self: 2, evidence: 'KH 12/KH-UBND' },
    { unit: 'KG', criterion: '1.2', value: 2.5, self: 3, appraisal: [2, 2.5], reason: 'bổ sung tài liệu', explanation: 'đã bổ sung QĐ' },
    { unit: 'KG', criterion: '2.1', value: '=HYPERLINK("http://x","y")', self: 4 },
    { unit: 'HD', criterion: '1.1', value: 'Không', self: 0, appraisal: [0], reason: 'không có kế hoạch' },
    { unit: 'HD', criterion: '2.1', value: { a: 3, b: 4 } },
  ],
  submissions: [
    { unit: 'KG', criterion: '1.1', submittedAt: '2023-07-14T09:30', sourceFile: 'KG.xlsx' },
    { unit: 'KG', criterion: '1.2', submittedAt: '2023-07-14', reasons: ['thiếu tài liệu', 'bổ sung tài liệu'] },
    { unit: 'KG', criterion: '2.1' },
    { unit: 'HD', criterion: '1.1', reasons: ['không có kế hoạch', undefined] },
    { unit: 'HD', criterion: '2.1', by: 'HD' },
  ],
  rounds: [
    { round: 'selfAssessment', label: 'Tự đánh giá', start: '2023-07-01', deadline: '2023-07-15' },
    { round: 'appraisal1', label: 'Thẩm định lần 1', deadline: '2023-08-15' },
  ],
  survey: {
    responses: [
      { unit: 'KG', respondent: '1', answers: { q1: 5, q2: 4 } },
      { unit: 'KG', respondent: '2', answers: { q1: 3, q2: null }, weight: 1.5 },
      { unit: 'HD', respondent: '1', answers: { q1: 4, q2: 2 } },
    ],
    items: ['q1', 'q2'],
    counts: [{ unit: 'HD', item: 'q3', levels: [1, 2, 3, 4, 5], blank: 2 }],
    indices: { KG: { II: 87.5 } },
  },
  previous: [
    { unit: 'KG', index: 88.2, rank: 2, grade: 'B' },
    { unit: 'HD', index: 91.5, rank: 1, grade: 'A' },
  ],
  plan: [{ id: 'T1', title: 'Ban hành kế hoạch', lead: 'NV', coordinators: ['KG', 'HD'], due: '2023-07-15', criteria: ['1.1'], status: 'done' }],
  settings: { sipasMethod: 'topTwoBox', surveyTarget: 90 },
};

describe('master write → read round trip', () => {
  const sheets = renderMasterInputSheets(data);
  const { doc, issues } = readMaster(sheets.map(toSnapshot), 'master.xlsx');

  test('no issues', () => {
    expect(issues).toEqual([]);
  });
  test('framework, units, assessments equal the data', () => {
    expect(doc.framework).toEqual(smallFramework);
    expect(doc.units).toEqual(smallUnits);
    expect(doc.assessments).toEqual(data.assessments);
  });
  test('extras equal the data', () => {
    expect(doc.extras.submissions).toEqual([
      { unit: 'KG', criterion: '1.1', submittedAt: '2023-07-14T09:30', sourceFile: 'KG.xlsx' },
      { unit: 'KG', criterion: '1.2', submittedAt: '2023-07-14', reasons: ['thiếu tài liệu', 'bổ sung tài liệu'] },
      { unit: 'KG', criterion: '2.1' },
      { unit: 'HD', criterion: '1.1', reasons: ['không có kế hoạch', undefined] },
      { unit: 'HD', criterion: '2.1', by: 'HD' },
    ]);
    expect(doc.extras.rounds).toEqual(data.rounds);
    expect(doc.extras.survey).toEqual(data.survey);
    expect(doc.previous).toEqual(data.previous);
    expect(doc.extras.planRows).toEqual(data.plan);
    expect(doc.extras.settings).toEqual({ sipasMethod: 'topTwoBox', surveyTarget: 90 });
    expect(doc.surveyIndices).toEqual({ KG: { II: 87.5 } });
    expect(doc.sipas).toEqual({
      method: { item: 'topTwoBox' },
      // "Số phiếu" is the respondent id the survey-quality guard checks for duplicates
      responses: [
        { unit: 'KG', answers: { q1: 5, q2: 4 }, id: '1' },
        { unit: 'KG', answers: { q1: 3, q2: null }, weight: 1.5, id: '2' },
        { unit: 'HD', answers: { q1: 4, q2: 2 }, id: '1' },
      ],
      counts: [{ unit: 'HD', item: 'q3', levels: [1, 2, 3, 4, 5], blank: 2 }],
    });
  });
  test('locations point at the submission rows (data from row 5)', () => {
    expect(doc.extras.locations['KG|1.1']?.row).toBe(5);
    expect(doc.extras.locations['HD|2.1']?.row).toBe(9);
    expect(doc.extras.locations['KG|1.1']?.cells['value']).toBe('F5');
  });
});

describe('master write → xlsx file (exceljs port) → read', () => {
  test('equals the data (dates at day precision)', async () => {
    const { ExcelJsPort } = await import('../../files/port');
    const dayData: MasterData = {
      ...data,
      submissions: (data.submissions ?? []).map((s) => (s.submittedAt ? { ...s, submittedAt: s.submittedAt.slice(0, 10) } : s)),
    };
    const port = ExcelJsPort.create();
    await port.write(renderMasterInputSheets(dayData));
    const again = await ExcelJsPort.fromBuffer(await port.toBuffer());
    const names = (await again.listSheets()).map((s) => s.name);
    const { doc, issues } = readMaster(await again.read(names), 'master.xlsx');
    expect(issues).toEqual([]);
    expect(doc.framework).toEqual(smallFramework);
    expect(doc.units).toEqual(smallUnits);
    expect(doc.assessments).toEqual(dayData.assessments);
    expect(doc.extras.submissions).toEqual(dayData.submissions);
    expect(doc.extras.rounds).toEqual(dayData.rounds);
    expect(doc.extras.survey).toEqual(dayData.survey);
    expect(doc.previous).toEqual(dayData.previous);
    expect(doc.extras.planRows).toEqual(dayData.plan);
  });
});
