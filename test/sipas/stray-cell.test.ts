/**
 * A survey sheet with a stray cell far down (row 1,048,576, Excel's last): reading it costs the
 * rows the sheet holds, not its extent — the grid reader visits only the rows present, and the
 * .xlsx reader hands it only those.
 */
import ExcelJS from 'exceljs';
import { readSipasXlsx } from '../../files/sipas';
import { SipasInputBuilder } from '../../files/sipas/grid';
import { validateSipasInstrument } from '../../engine/sipas';
import { smallInstrument } from './builders';

const ins = validateSipasInstrument(smallInstrument).instrument!;
const LAST_ROW = 1_048_576;

/** A sparse grid (three rows present, the last at Excel's last row) that counts the row indices read. */
function countingGrid(): { grid: unknown[][]; reads: () => number } {
  const rows: unknown[][] = [];
  rows[0] = ['Đơn vị', 'q1', 'q2'];
  rows[1] = ['KG', 5, 4];
  rows[LAST_ROW - 1] = ['HD', 3, '2'];
  let n = 0;
  const grid = new Proxy(rows, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) n++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { grid, reads: () => n };
}

describe('a survey sheet with a stray cell at row 1,048,576', () => {
  test('the grid reader reads the rows present (a few reads, not a million) and locates the far row', () => {
    const { grid, reads } = countingGrid();
    const b = new SipasInputBuilder(ins, 'phieu.xlsx');
    expect(b.addGrid(grid, 'Phiếu', true)).toBe(true);
    const r = b.build();
    expect(r.responses).toEqual([
      { unit: 'KG', answers: { q1: 5, q2: 4 } },
      { unit: 'HD', answers: { q1: 3, q2: 2 } },
    ]);
    expect(r.rowOf('responses', 1)).toBe(LAST_ROW);
    expect(r.locate('responses', 1, 'q2')).toEqual({ file: 'phieu.xlsx', sheet: 'Phiếu', cell: `C${LAST_ROW}` });
    expect(reads()).toBeLessThan(100);
  });

  test('an .xlsx with a value at row 1,048,576: the reader hands over the 4 rows present; the answers above are read, the far row is one response without a unit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phiếu');
    ws.addRow(['Đơn vị', 'q1', 'q2']);
    ws.addRow(['KG', 5, 4]);
    ws.addRow(['KG', 4, 4]);
    ws.getCell(LAST_ROW, 2).value = 5;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const spy = jest.spyOn(SipasInputBuilder.prototype, 'addGrid');
    const input = await readSipasXlsx(bytes, { instrument: ins, file: 'phieu.xlsx' });
    // the grid handed over holds the rows the sheet has (4), its length is the sheet's extent
    const grid = spy.mock.calls[0]?.[0] ?? [];
    spy.mockRestore();
    expect(grid.length).toBe(LAST_ROW);
    expect(Object.keys(grid)).toHaveLength(4);
    expect(input.issues).toEqual([]);
    expect(input.responses).toEqual([
      { unit: 'KG', answers: { q1: 5, q2: 4 } },
      { unit: 'KG', answers: { q1: 4, q2: 4 } },
      { unit: '', answers: { q1: 5, q2: null } },
    ]);
    expect(input.locate('responses', 2, 'q1')).toEqual({ file: 'phieu.xlsx', sheet: 'Phiếu', cell: `B${LAST_ROW}` });
  });
});
