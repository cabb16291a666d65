/**
 * A small round for the report and explain tests: three wards and a district scored on the small
 * criteria set, with last year's results, a survey (SIPAS counts) and a two-task plan.
 */
import { smallFramework, smallUnits } from '../workbook/helpers';

export const units = [...smallUnits, { code: 'TD', name: 'UBND phường Thượng Đình', kind: 'ward' }, { code: 'QTX', name: 'UBND quận Thanh Xuân', kind: 'district' }];

/**
 * By hand (max 10 for a ward: 1.1 = 2, 1.2 = 3, 2.1 = 4, 2.2 = 1 from the survey index of group II):
 * KG: 2 + 3 + 4 + 1 = 10 → 100%; HD: 0 + 2 + 4 + 1 = 7 → 70%; TD: 0 + 1 + 1 + 0,7 = 2,7 → 27%
 * (1.1 "Không" = 0, 2.1 "Không" = 4 × 0,25 = 1, survey 70% of 1 point). The district (1.1 is for
 * wards only, max 8): 3 + 4 + 0,9 = 7,9 → 98,75%.
 */
export const doc = {
  framework: smallFramework,
  units,
  assessments: [
    { unit: 'KG', criterion: '1.1', value: 'Có' },
    { unit: 'KG', criterion: '1.2', self: 3 },
    { unit: 'KG', criterion: '2.1', value: 'Có' },
    { unit: 'HD', criterion: '1.1', value: 'Không' },
    { unit: 'HD', criterion: '1.2', self: 3, appraisal: [2], reason: 'thiếu quyết định công nhận sáng kiến' },
    { unit: 'HD', criterion: '2.1', value: 'Có' },
    { unit: 'TD', criterion: '1.1', value: 'Không' },
    { unit: 'TD', criterion: '1.2', self: 2, appraisal: [2, 1], reason: 'sáng kiến chưa được áp dụng' },
    { unit: 'TD', criterion: '2.1', value: 'Không' },
    { unit: 'QTX', criterion: '1.2', self: 3 },
    { unit: 'QTX', criterion: '2.1', value: 'Có' },
  ],
  surveyIndices: { KG: { II: 100 }, HD: { II: 100 }, TD: { II: 70 }, QTX: { II: 90 } },
  previous: [
    { unit: 'KG', index: 85, rank: 2 },
    { unit: 'HD', index: 90, rank: 1 },
  ],
};
