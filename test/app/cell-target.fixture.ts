/** A small scored round (three wards, two criteria) for the cell-target tests. */
import { ExcelJsPort } from '../../files/port';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import { scoreMasterRound, type ScoreRound } from '../../engine/app';
import type { Framework } from '../../engine/model/framework';
import type { Assessment } from '../../engine/model/assessment';

export const framework: Framework = {
  id: 'cell-2023',
  name: 'Bộ tiêu chí thử 2023',
  year: 2023,
  total: 3,
  nodes: [
    {
      code: '1',
      name: 'Chỉ đạo, điều hành',
      appliesTo: ['ward'],
      children: [
        { code: '1.1', name: 'Ban hành kế hoạch CCHC', max: 1, lead: 'NV', rule: { kind: 'yesNo' } },
        { code: '1.2', name: 'Sáng kiến cải cách', max: 2, lead: 'VP', rule: { kind: 'points' } },
      ],
    },
  ],
};
export const units = [
  { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
  { code: 'HD', name: 'UBND phường Hạ Đình', kind: 'ward' },
  { code: 'KM', name: 'UBND phường Khương Mai', kind: 'ward' },
  { code: 'NV', name: 'Phòng Nội vụ', kind: 'office', scored: false },
  { code: 'VP', name: 'Văn phòng HĐND và UBND quận', kind: 'office', scored: false },
];
export const assessments: Assessment[] = [
  { unit: 'KG', criterion: '1.1', value: 'Có' },
  { unit: 'KG', criterion: '1.2', self: 2, appraisal: [1], reason: 'thiếu tài liệu kiểm chứng' },
  { unit: 'HD', criterion: '1.1', value: 'Không' },
  { unit: 'HD', criterion: '1.2', self: 2, appraisal: [2] },
  { unit: 'KM', criterion: '1.1', value: 'Có' },
  { unit: 'KM', criterion: '1.2', self: 1, appraisal: [0.5, 1.5], reason: 'đã bổ sung tài liệu' },
];

/** The master as a fresh exceljs workbook. */
export async function masterPort(): Promise<ExcelJsPort> {
  const port = ExcelJsPort.create();
  await port.write(renderMasterInputSheets({ framework, units, assessments }, { lang: 'vi' }));
  return port;
}

/** The round scored as every host scores it (engine/app scoreMasterRound). */
export async function scoredRound(): Promise<ScoreRound> {
  const port = await masterPort();
  const names = (await port.listSheets()).map((s) => s.name);
  return scoreMasterRound(await port.read(names), { lang: 'vi', file: 'master.xlsx', sheetNames: names });
}
