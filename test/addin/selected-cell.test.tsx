/** @jest-environment jsdom */
/**
 * In Excel, the cell the analyst selects in an output sheet is explained in the pane (issue 13),
 * end to end over the Excel double: compute writes the sheets, a click on a cell raises
 * onSelectionChanged, the pane reads the active cell and shows that unit's (criterion's)
 * explanation; any other cell gives the hint; closing the pane removes the handler.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../addin/taskpane/App';
import { OfficeJsPort } from '../../addin/excel/port';
import { watchSelection, type SelectionWatcher } from '../../addin/excel/selection';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import { ExcelDouble } from './excel-double';
import { framework, units, assessments } from '../app/cell-target.fixture';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
beforeAll(() => {
  if (!('ResizeObserver' in window)) Object.defineProperty(window, 'ResizeObserver', { value: NoResizeObserver, configurable: true });
});

const pause = (ms: number): Promise<void> => act(async () => new Promise((r) => setTimeout(r, ms)));

test('a score cell selected in Excel is explained in the pane; other cells give the hint', async () => {
  const dbl = new ExcelDouble({ Sheet1: [] }, '1.8');
  const port = new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
  await port.write(renderMasterInputSheets({ framework, units, assessments }, { lang: 'vi' }));
  dbl.active = { sheet: 'Sheet1', cell: 'A1' };
  const selection: SelectionWatcher = (onCell) => watchSelection(onCell, { run: dbl.run, runIn: dbl.runIn, debounceMs: 5 });
  const view = render(<App host="excel" port={port} initialView="compute" selection={selection} />);
  await waitFor(() => expect(dbl.stats.syncs).toBeGreaterThanOrEqual(2));
  await pause(50);
  fireEvent.click(screen.getByTestId('compute'));
  await screen.findByTestId('summary-table', undefined, { timeout: 20_000 });
  // before any score cell: the hint (Sheet1!A1 is selected)
  const panel = await screen.findByTestId('selected-cell');
  expect(within(panel).getByTestId('selected-cell-hint').textContent).toBe("Ô 'Sheet1'!A1 không phải ô điểm của một đơn vị. Chọn một ô điểm trong sheet Kết quả để xem giải thích.");
  expect(dbl.selectionHandlers.size).toBe(1);

  // 'Kết quả'!F14: Kim Giang (KG, column F) on 1.2 (row 14) — 1 point after appraisal, with its reason
  expect(dbl.cell('Kết quả', 'F5')?.value).toBe('KG');
  expect(dbl.cell('Kết quả', 'A14')?.value).toBe('1.2');
  expect(dbl.cell('Kết quả', 'F14')?.value).toBe(1);
  await act(async () => dbl.userSelects('Kết quả', 'F14'));
  await pause(40);
  const crit = await within(screen.getByTestId('selected-cell')).findByTestId('explain-criterion');
  expect(within(screen.getByTestId('selected-cell')).getByTestId('selected-cell-at').textContent).toBe("Ô 'Kết quả'!F14");
  expect(crit.textContent).toContain('UBND phường Kim Giang');
  expect(crit.textContent).toContain('1.2');
  expect(crit.textContent).toContain('thiếu tài liệu kiểm chứng');

  // 'Xếp hạng'!D6: Khương Mai's index (rank 1, 2,5 of 3) → the unit's explanation, then one of its lost criteria
  expect(dbl.cell('Xếp hạng', 'B6')?.value).toBe('KM');
  await act(async () => dbl.userSelects('Xếp hạng', 'D6'));
  await pause(40);
  const unit = await within(screen.getByTestId('selected-cell')).findByTestId('explain-unit');
  expect(unit.textContent).toContain('UBND phường Khương Mai (KM)');
  expect(unit.textContent).toContain('83,33%');
  fireEvent.click(within(unit).getByTestId('explain-gap-1.2'));
  expect((await within(screen.getByTestId('selected-cell')).findByTestId('explain-criterion')).textContent).toContain('UBND phường Khương Mai');
  fireEvent.click(screen.getByTestId('selected-cell-back'));
  expect(await within(screen.getByTestId('selected-cell')).findByTestId('explain-unit')).toBeTruthy();

  // a title cell: the hint, in English after a language switch
  await act(async () => dbl.userSelects('Kết quả', 'A1'));
  await pause(40);
  fireEvent.change(screen.getByRole('combobox', { name: /Ngôn ngữ|Language/ }), { target: { value: 'en' } });
  await waitFor(() => expect(screen.getByTestId('selected-cell-hint').textContent).toBe("Cell 'Kết quả'!A1 is not a unit's score. Select a score cell in the sheet 'Kết quả' to see its explanation."));

  // closing the pane removes the handler
  view.unmount();
  await pause(20);
  expect(dbl.selectionHandlers.size).toBe(0);
}, 60_000);
