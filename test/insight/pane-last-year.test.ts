/**
 * Last year's criterion points in the Excel pane and the standalone page: the pane reads only the
 * sheets it needs (addin/taskpane/engine.ts `sheetsNeeded`), and "Năm trước - tiêu chí" must be one
 * of them, or the appraisal-risk check "higher than last year's appraised points with nothing new
 * declared" (`risk.aboveLastYear`) silently finds nothing there while the CLI finds it.
 */
import { readPreviousCriteria, scoreMasterRound, type Issue } from '../../engine';
import { renderMasterInputSheets, type MasterData } from '../../engine/workbook/master';
import type { Framework } from '../../engine/model/framework';
import { ExcelJsPort } from '../../files/port';
import { computeMaster, sheetsNeeded, PREVIOUS_CRITERIA_SHEETS } from '../../addin/taskpane/engine';

const framework = {
  id: 'r',
  name: 'R',
  total: 3,
  nodes: [
    {
      code: '1',
      name: 'Khu vực',
      children: [
        { code: '1.1', name: 'Ban hành kế hoạch', max: 1, rule: { kind: 'yesNo' } },
        { code: '1.2', name: 'Báo cáo', max: 2, rule: { kind: 'points' } },
      ],
    },
  ],
} as unknown as Framework;
const units = [
  { code: 'KG', name: 'Phường Kim Giang', kind: 'ward' },
  { code: 'HD', name: 'Phường Hạ Đình', kind: 'ward' },
];
const REF = 'Báo cáo số 45/BC-UBND ngày 12/01/2024';
// HD claims 1,5 on 1.2 where last year's appraisal gave 1, with the same evidence as last year:
// 0,5 at stake. KG claims 2 on 1.2 with a new report: not a risk. KG's 1.1 is clean.
const data = {
  framework,
  units,
  assessments: [
    { unit: 'KG', criterion: '1.1', value: 'Có', self: 1, evidence: 'Kế hoạch số 15/KH-UBND' },
    { unit: 'KG', criterion: '1.2', self: 2, evidence: 'Báo cáo số 77/BC-UBND ngày 03/02/2024' },
    { unit: 'HD', criterion: '1.2', self: 1.5, evidence: REF },
  ],
} as MasterData;

async function master(lastYearSheet: string): Promise<ExcelJsPort> {
  const port = ExcelJsPort.create();
  await port.write([
    ...renderMasterInputSheets(data, { lang: 'vi' }),
    {
      name: lastYearSheet,
      marker: '',
      values: [
        ['Mã đơn vị', 'Mã tiêu chí', 'Điểm thẩm định năm trước', 'Tài liệu kiểm chứng năm trước'],
        ['HD', '1.2', 1, REF],
        ['KG', '1.2', 1.5, 'Báo cáo số 10/BC-UBND'],
      ],
    },
    { name: 'Ghi chú của tôi', marker: '', values: [['việc cần làm']] },
  ]);
  return ExcelJsPort.fromBuffer(await port.toBuffer());
}

const risks = (issues: readonly Issue[]): string[][] =>
  issues.filter((i) => i.code.startsWith('risk.')).map((i) => [i.code, i.unit ?? '', i.criterion ?? '', String(i.params?.['points']), i.sheet ?? '', i.cell ?? '']);

describe.each(['Năm trước - tiêu chí', 'Previous year - criteria', 'nam truoc - tieu chi'])('last year\'s criteria in sheet "%s"', (sheet) => {
  test('the pane reads the sheet and finds the same risk.* issues as the CLI', async () => {
    const port = await master(sheet);
    const names = (await port.listSheets()).map((s) => s.name);
    // the CLI reads every sheet
    const cli = scoreMasterRound(await port.read(names), { lang: 'vi', file: 'master.xlsx' });
    // the pane reads only the sheets it needs: last year's criteria among them, not the user's notes
    const needed = sheetsNeeded(names);
    expect(needed).toContain(sheet);
    expect(needed).not.toContain('Ghi chú của tôi');
    const paneSnaps = await port.read(needed);
    expect(readPreviousCriteria(paneSnaps).map((p) => [p.unit, p.criterion, p.points])).toEqual([
      ['HD', '1.2', 1],
      ['KG', '1.2', 1.5],
    ]);
    const pane = computeMaster(paneSnaps, { lang: 'vi', file: 'master.xlsx', sheetNames: names });
    // hand-computed: 1,5 − 1 = 0,5 at stake for HD on 1.2, on its self-score cell of "Kê khai"
    expect(risks(cli.issues).map((r) => r.slice(0, 5))).toEqual([['risk.aboveLastYear', 'HD', '1.2', '0.5', 'Kê khai']]);
    expect(risks(pane.issues)).toEqual(risks(cli.issues));
    // …and in the data-check sheet the pane writes back, as the CLI's
    const check = (sheets: typeof pane.sheets): boolean => sheets.some((s) => s.name === 'Kiểm tra dữ liệu' && s.values.some((row) => row.includes('risk.aboveLastYear')));
    expect(check(pane.sheets)).toBe(true);
    expect(check(cli.sheets)).toBe(true);
  });
});

test('without the sheet, no risk.aboveLastYear (the check needs last year)', async () => {
  const port = ExcelJsPort.create();
  await port.write(renderMasterInputSheets(data, { lang: 'vi' }));
  const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
  const names = (await back.listSheets()).map((s) => s.name);
  const pane = computeMaster(await back.read(sheetsNeeded(names)), { lang: 'vi', file: 'master.xlsx', sheetNames: names });
  expect(risks(pane.issues)).toEqual([]);
});

test('the names the pane asks for are the names the reader accepts', () => {
  for (const name of PREVIOUS_CRITERIA_SHEETS)
    expect(readPreviousCriteria([{ name, values: [['Mã đơn vị', 'Mã tiêu chí', 'Điểm thẩm định năm trước'], ['KG', '1.1', 1]] }])).toHaveLength(1);
});
