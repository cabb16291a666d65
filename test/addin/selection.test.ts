/**
 * Following the cell the analyst selects in Excel (addin/excel/selection.ts) over the Excel double:
 * one handler on `workbook.onSelectionChanged`, one sync per read of the active cell, reads
 * debounced, failures quiet, the handler removed where it was added.
 */
import { splitAddress, watchSelection, type SelectedCell } from '../../addin/excel/selection';
import { ExcelDouble } from './excel-double';

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function workbook(apiVersion = '1.8'): ExcelDouble {
  const dbl = new ExcelDouble({ 'Kết quả': [['Mã'], ['1.1', 'x', 1, 2]], 'Kê khai': [['a']] }, apiVersion);
  dbl.active = { sheet: 'Kê khai', cell: 'A1' };
  return dbl;
}

describe('splitAddress', () => {
  test("Excel's addresses: quoted names (with a doubled quote), absolute cells, ranges", () => {
    expect(splitAddress("'Kết quả'!E14")).toEqual({ sheet: 'Kết quả', address: 'E14' });
    expect(splitAddress("'Điểm của ''đơn vị'''!$B$2:$C$3")).toEqual({ sheet: "Điểm của 'đơn vị'", address: 'B2' });
    expect(splitAddress('Sheet1!D5')).toEqual({ sheet: 'Sheet1', address: 'D5' });
    expect(splitAddress('D5')).toBeUndefined();
  });
});

describe('watchSelection', () => {
  test('reports the active cell at once, then each selection, with one sync per read', async () => {
    const dbl = workbook();
    const seen: SelectedCell[] = [];
    const stop = await watchSelection((c) => seen.push(c), { run: dbl.run, runIn: dbl.runIn, debounceMs: 5 });
    expect(seen).toEqual([{ sheet: 'Kê khai', address: 'A1' }]);
    expect(dbl.selectionHandlers.size).toBe(1);
    dbl.resetStats();
    await dbl.userSelects('Kết quả', 'D2');
    await pause(30);
    expect(seen[seen.length - 1]).toEqual({ sheet: 'Kết quả', address: 'D2' });
    expect(dbl.stats.syncs).toBe(1);
    expect(dbl.stats.loads).toEqual([1]);
    // a range selected: its first cell (the active cell)
    await dbl.userSelects('Kết quả', 'C2:D2');
    await pause(30);
    expect(seen[seen.length - 1]).toEqual({ sheet: 'Kết quả', address: 'C2' });
    await stop();
  });

  test('arrow keys through five cells: one read, of the last cell', async () => {
    const dbl = workbook();
    const seen: SelectedCell[] = [];
    const stop = await watchSelection((c) => seen.push(c), { run: dbl.run, runIn: dbl.runIn, debounceMs: 40 });
    dbl.resetStats();
    for (const a of ['A1', 'A2', 'B2', 'C2', 'D2']) await dbl.userSelects('Kết quả', a);
    await pause(90);
    expect(dbl.stats.syncs).toBe(1);
    expect(seen.slice(1)).toEqual([{ sheet: 'Kết quả', address: 'D2' }]);
    await stop();
  });

  test('a read Excel refuses (a batch running, a cell being edited) is dropped quietly; the next selection reads again', async () => {
    const dbl = workbook();
    const seen: SelectedCell[] = [];
    const errors: unknown[] = [];
    const stop = await watchSelection((c) => seen.push(c), { run: dbl.run, runIn: dbl.runIn, debounceMs: 5, onError: (e) => errors.push(e) });
    dbl.failNextSync = { code: 'InvalidOperationInCellEditMode', message: 'Excel is in cell-editing mode.', location: 'RequestContext.sync' };
    await dbl.userSelects('Kết quả', 'D2');
    await pause(30);
    expect(errors).toHaveLength(1);
    expect(seen).toHaveLength(1);
    await dbl.userSelects('Kết quả', 'C2');
    await pause(30);
    expect(seen[seen.length - 1]).toEqual({ sheet: 'Kết quả', address: 'C2' });
    await stop();
  });

  test('stop() removes the handler in the context that added it; nothing is reported after', async () => {
    const dbl = workbook();
    const seen: SelectedCell[] = [];
    const stop = await watchSelection((c) => seen.push(c), { run: dbl.run, runIn: dbl.runIn, debounceMs: 5 });
    await dbl.userSelects('Kết quả', 'D2');
    await stop();
    await pause(30);
    expect(dbl.selectionHandlers.size).toBe(0);
    expect(seen).toEqual([{ sheet: 'Kê khai', address: 'A1' }]);
  });

  test('an Excel older than the event (ExcelApi 1.1): no handler, no crash, the failure told quietly', async () => {
    const dbl = workbook('1.1');
    const errors: unknown[] = [];
    const seen: SelectedCell[] = [];
    const stop = await watchSelection((c) => seen.push(c), { run: dbl.run, runIn: dbl.runIn, debounceMs: 5, onError: (e) => errors.push(e) });
    expect(dbl.selectionHandlers.size).toBe(0);
    expect(seen).toEqual([]);
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(['ApiNotFound', 'ApiNotFound']);
    await stop();
  });

  test('without Excel (a browser page) it does nothing', async () => {
    const seen: SelectedCell[] = [];
    const stop = await watchSelection((c) => seen.push(c));
    expect(seen).toEqual([]);
    await stop();
  });
});
