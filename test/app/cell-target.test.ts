/**
 * "Explain the cell I clicked" (issue 13): the cells of the written output sheets mapped back to
 * the unit and criterion they stand for, checked by hand on a scored round (three wards: KM
 * 2,5 points, HD 2, KG 2 of 3) and against the sheets the round actually wrote.
 */
import { cellLayout, cellTarget, type CellLayout, type ScoreRound } from '../../engine/app';
import { parseA1 } from '../../engine/workbook/a1';
import { scoredRound, framework, units } from './cell-target.fixture';

let round: ScoreRound;
let layout: CellLayout;

beforeAll(async () => {
  round = await scoredRound();
  const results = round.results;
  if (!results) throw new Error('the round was not scored');
  layout = cellLayout(results, { nodes: framework.nodes, unitNames: Object.fromEntries(units.map((u) => [u.code, u.name])) });
});

/** The value the round wrote into `sheet`!`address`. */
function written(sheet: string, address: string): unknown {
  const p = parseA1(address);
  const s = round.sheets.find((x) => x.name === sheet);
  return p ? s?.values[p.row]?.[p.col] : undefined;
}

describe('cellTarget', () => {
  test("'Kết quả': a criterion's points are the unit × criterion; totals, index, rank and area rows are the unit", () => {
    // units across from D (KM, HD, KG: by rank), criteria down from row 12 (1 area, 1.1, 1.2)
    expect(written('Kết quả', 'E5')).toBe('HD');
    expect(written('Kết quả', 'A14')).toBe('1.2');
    expect(written('Kết quả', 'E14')).toBe(2);
    expect(cellTarget(layout, 'Kết quả', 'E14')).toEqual({ unit: 'HD', criterion: '1.2' });
    expect(cellTarget(layout, 'Kết quả', 'D13')).toEqual({ unit: 'KM', criterion: '1.1' });
    expect(cellTarget(layout, 'Kết quả', 'F14')).toEqual({ unit: 'KG', criterion: '1.2' });
    // the area row, the index (D9 = 83,33), the rank, the name header: the unit's index explained
    expect(cellTarget(layout, 'Kết quả', 'D12')).toEqual({ unit: 'KM' });
    expect(cellTarget(layout, 'Kết quả', 'D9')).toEqual({ unit: 'KM' });
    expect(cellTarget(layout, 'Kết quả', 'F11')).toEqual({ unit: 'KG' });
    expect(cellTarget(layout, 'Kết quả', 'E4')).toEqual({ unit: 'HD' });
    // codes, names, the maximum column, the title and right of the table: nothing to explain
    for (const a of ['A14', 'B13', 'C13', 'A1', 'D3', 'G13', 'D15']) expect(cellTarget(layout, 'Kết quả', a)).toBeUndefined();
  });

  test("'Xếp hạng': any cell of a unit's row; headers and the kind title are not a unit", () => {
    expect(written('Xếp hạng', 'B8')).toBe('KG');
    expect(cellTarget(layout, 'Xếp hạng', 'D8')).toEqual({ unit: 'KG' });
    expect(cellTarget(layout, 'Xếp hạng', 'A7')).toEqual({ unit: 'HD' });
    expect(cellTarget(layout, 'Xếp hạng', 'M6')).toEqual({ unit: 'KM' });
    for (const a of ['A4', 'D5', 'A9']) expect(cellTarget(layout, 'Xếp hạng', a)).toBeUndefined();
  });

  test("'Điểm bị trừ': the rows of part 3 are unit × criterion; per-criterion and per-lead totals are not", () => {
    expect(written('Điểm bị trừ', 'F17')).toBe(1);
    expect(cellTarget(layout, 'Điểm bị trừ', 'F17')).toEqual({ unit: 'KG', criterion: '1.2' });
    expect(cellTarget(layout, 'Điểm bị trừ', 'H16')).toEqual({ unit: 'HD', criterion: '1.1' });
    expect(cellTarget(layout, 'Điểm bị trừ', 'A18')).toEqual({ unit: 'KM', criterion: '1.2' });
    // part 1 (by criterion), part 2 (by lead: NV is a unit code, its row is still a lead's total), headers
    for (const a of ['A6', 'H6', 'A11', 'D12', 'A15']) expect(cellTarget(layout, 'Điểm bị trừ', a)).toBeUndefined();
  });

  test("'Tổng hợp': the ranked units of part 2; the per-kind and per-criterion tables are not a unit", () => {
    expect(written('Tổng hợp', 'B12')).toBe('UBND phường Hạ Đình');
    expect(cellTarget(layout, 'Tổng hợp', 'C10')).toEqual({ unit: 'KM' });
    expect(cellTarget(layout, 'Tổng hợp', 'B12')).toEqual({ unit: 'HD' });
    expect(cellTarget(layout, 'Tổng hợp', 'A11')).toEqual({ unit: 'KG' });
    for (const a of ['C6', 'A16', 'E20', 'A9']) expect(cellTarget(layout, 'Tổng hợp', a)).toBeUndefined();
  });

  test('addresses as Excel gives them: absolute, with the sheet, a range (its first cell), any case of the sheet name', () => {
    expect(cellTarget(layout, 'kết quả', '$E$14')).toEqual({ unit: 'HD', criterion: '1.2' });
    expect(cellTarget(layout, 'Kết quả', "'Kết quả'!E14:F14")).toEqual({ unit: 'HD', criterion: '1.2' });
    expect(cellTarget(layout, 'Kê khai', 'E14')).toBeUndefined();
    expect(cellTarget(layout, 'Kết quả', 'not a cell')).toBeUndefined();
  });

  test("every leaf cell of the written 'Kết quả' mapped to a unit × criterion holds that unit's points on it", () => {
    const cells = layout.sheets.get('Kết quả');
    let checked = 0;
    for (const [k, t] of cells ?? []) {
      if (!t.criterion) continue;
      const [r, c] = k.split(':').map(Number);
      const u = round.results?.units.find((x) => x.code === t.unit);
      const leaf = u?.tree.flatMap((n) => n.children ?? []).find((n) => n.code === t.criterion);
      expect(round.sheets.find((x) => x.name === 'Kết quả')?.values[r ?? -1]?.[c ?? -1]).toBe(leaf?.score);
      checked++;
    }
    expect(checked).toBe(6);
  });
});
