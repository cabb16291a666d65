import { scoreDocument } from '../../engine';
import { renderOutputSheets, computeSubmissionOutputs, outputChecksum, gapsByCriterion, gapsByLead, OUTPUT_SHEETS } from '../../engine/workbook/output';
import type { RenderedSheet, CellValue } from '../../engine/workbook/port';
import { smallFramework, smallUnits } from './helpers';

const units = [...smallUnits, { code: 'TD', name: 'UBND phường Thượng Đình', kind: 'ward' }];
/**
 * Hand-computed: leaves 1.1 (yes/no, 2), 1.2 (points, 3), 2.1 (yes/no, "Không" = 0,25 × 4), 2.2 (survey, 1).
 * KG: 2 + 3 + 4 + 1 × 100% = 10 of 10 → index 100, grade A, rank 1.
 * HD and TD: 0 + 3 + 4 + 1 = 8 of 10 → index 80, grade B, both rank 2 (tie).
 */
const doc = {
  framework: smallFramework,
  units,
  assessments: [
    { unit: 'KG', criterion: '1.1', value: 'Có' },
    { unit: 'KG', criterion: '1.2', value: 3 },
    { unit: 'KG', criterion: '2.1', value: 'Có' },
    { unit: 'HD', criterion: '1.1', value: 'Không' },
    { unit: 'HD', criterion: '1.2', value: 3 },
    { unit: 'HD', criterion: '2.1', value: 'Có' },
    { unit: 'TD', criterion: '1.1', value: 'Không' },
    { unit: 'TD', criterion: '1.2', value: 3 },
    { unit: 'TD', criterion: '2.1', value: 'Có' },
  ],
  surveyIndices: { KG: { II: 100 }, HD: { II: 100 }, TD: { II: 100 } },
  previous: [{ unit: 'KG', index: 85, rank: 3 }],
};

function findRow(sheet: RenderedSheet | undefined, col: number, value: CellValue): CellValue[] | undefined {
  return sheet?.values.find((r) => r[col] === value);
}

describe('output sheets', () => {
  const { results, ok } = scoreDocument(doc, { lang: 'vi' });
  const sheets = renderOutputSheets(results, { lang: 'vi', nodes: smallFramework.nodes, unitNames: Object.fromEntries(units.map((u) => [u.code, u.name])) });
  const byName = (n: string): RenderedSheet | undefined => sheets.find((s) => s.name === n);

  test('the hand-computed scores', () => {
    expect(ok).toBe(true);
    expect(results.units.map((u) => [u.code, u.index, u.grade, u.rank])).toEqual(
      expect.arrayContaining([
        ['KG', 100, 'A', 1],
        ['HD', 80, 'B', 2],
        ['TD', 80, 'B', 2],
      ]),
    );
  });

  test('sheets, order and markers; SIPAS only with survey results', () => {
    expect(sheets.map((s) => [s.name, s.marker])).toEqual([
      ['Tổng hợp', 'parindex:summary'],
      ['Kết quả', 'parindex:results'],
      ['Xếp hạng', 'parindex:ranking'],
      ['Điểm bị trừ', 'parindex:gaps'],
      ['Kiểm tra dữ liệu', 'parindex:issues'],
    ]);
    expect(OUTPUT_SHEETS.sipas.name).toBe('SIPAS');
  });

  test('"Kết quả": index row, formats, target colours, frozen header, print area', () => {
    const s = byName('Kết quả');
    const idxRow = s?.values.findIndex((r) => r[1] === 'Chỉ số (%)') ?? -1;
    expect(idxRow).toBeGreaterThan(0);
    // units across in rank order: KG, then HD/TD
    expect(s?.values[idxRow]?.slice(3)).toEqual([100, 80, 80]);
    const row1 = idxRow + 1;
    expect(s?.conditionalFormats).toEqual([
      { range: `D${row1}:F${row1}`, rule: 'lessThan', value: 90, fill: 'FFC7CE', fontColor: '9C0006' },
      { range: `D${row1}:F${row1}`, rule: 'greaterThanOrEqual', value: 90, fill: 'C6EFCE', fontColor: '006100' },
    ]);
    expect(s?.styles).toContainEqual({ range: `D${row1}:F${row1}`, style: { numFmt: '0.00' } });
    expect(s?.freeze?.columns).toBe(3);
    expect(s?.printArea).toMatch(/^A1:F\d+$/);
    // leaf 1.1 row: KG 2 points, HD 0
    expect(findRow(s, 0, '1.1')?.slice(2)).toEqual([2, 2, 0, 0]);
  });

  test('"Xếp hạng": ties share a rank, change from last year, chart over name and index', () => {
    const s = byName('Xếp hạng');
    expect(findRow(s, 1, 'KG')?.slice(0, 5)).toEqual([1, 'KG', 'UBND phường Kim Giang', 100, 'A']);
    expect(findRow(s, 1, 'HD')?.[0]).toBe(2);
    expect(findRow(s, 1, 'TD')?.[0]).toBe(2);
    // KG: 100 − 85 = +15 index points; rank 3 → 1 = up 2 places
    expect(findRow(s, 1, 'KG')?.slice(7, 11)).toEqual([85, 3, 15, 2]);
    expect(s?.charts?.[0]).toMatchObject({ type: 'column', seriesBy: 'columns' });
    expect(s?.charts?.[0]?.dataRange).toMatch(/^C\d+:D\d+$/);
    // the target line reads the "Mục tiêu (%)" column (column M), one cell per unit
    const kg = s?.values.findIndex((r) => r[1] === 'KG') ?? -1;
    expect(s?.values[kg]?.[12]).toBe(90);
    expect(s?.charts?.[0]?.target).toEqual({ value: 90, label: 'Mục tiêu 90%', range: expect.stringMatching(/^M\d+:M\d+$/) });
  });

  test('"Điểm bị trừ": by criterion and by lead, sums by hand', () => {
    // only 1.1 lost points: 2 at HD + 2 at TD = 4, lead NV (inherited from area 1)
    expect(gapsByCriterion(results).map((g) => [g.criterion, g.units, g.lost, g.lead])).toEqual([['1.1', 2, 4, 'NV']]);
    expect(gapsByLead(results).map((g) => [g.lead, g.criteria, g.lost])).toEqual([['NV', 1, 4]]);
    const s = byName('Điểm bị trừ');
    expect(findRow(s, 0, 'NV')?.slice(0, 4)).toEqual(['NV', 'Phòng Nội vụ', 1, 4]);
    // the chart: lead codes (column A) against points lost (D) and recoverable (E) of that table
    const nv = (s?.values.findIndex((r) => r[0] === 'NV') ?? -1) + 1;
    expect(s?.charts).toEqual([
      expect.objectContaining({ type: 'bar', categories: `A${nv}:A${nv}`, series: [{ name: `D${nv - 1}`, values: `D${nv}:D${nv}` }, { name: `E${nv - 1}`, values: `E${nv}:E${nv}` }] }),
    ]);
  });

  test('"Tổng hợp": counts by grade and average per kind', () => {
    const s = byName('Tổng hợp');
    const ward = findRow(s, 0, 'Phường');
    // 3 wards, average (100 + 80 + 80) / 3 = 86.666…, max 100, min 80, 1 at target, A: 1, B: 2
    expect(ward?.slice(0, 8)).toEqual(['Phường', 3, 260 / 3, 100, 80, 1, 1, 2]);
    expect(s?.charts?.map((c) => c.type)).toEqual(['column', 'radar']);
  });

  test('English headers with --lang en; sheet names stay fixed', () => {
    const en = renderOutputSheets(results, { lang: 'en' });
    expect(en.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
    expect(en.find((s) => s.name === 'Xếp hạng')?.values.some((r) => r.includes('Index (%)'))).toBe(true);
  });

  test('computed submission columns and their checksum', () => {
    const out = computeSubmissionOutputs(results, 'vi');
    expect(out['HD|1.1']).toEqual({ out_points: 0, out_lost: 2, out_source: 'Theo quy tắc', out_reason: expect.any(String) });
    expect(out['KG|1.2']).toEqual({ out_points: 3, out_lost: 0, out_source: 'Theo quy tắc', out_reason: null });
    const a = outputChecksum([0, 2, 'Theo quy tắc', 'x']);
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(outputChecksum([0, 2, 'Theo quy tắc', 'x'])).toBe(a);
    expect(outputChecksum([0.5, 2, 'Theo quy tắc', 'x'])).not.toBe(a);
  });
});
