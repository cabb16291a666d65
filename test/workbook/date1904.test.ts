/**
 * A workbook in the 1904 date system (old Mac Excel): a serial number typed in a plain cell is read
 * with that system, so the day is the one Excel shows.
 */
import ExcelJS from 'exceljs';
import { ExcelJsPort } from '../../files/port';
import { cellDate, dateSystemOf } from '../../engine/workbook/cells';

test('the exceljs port marks snapshots of a 1904 workbook; serial 0 is 1904-01-01 there, not 1899-12-31', async () => {
  const wb = new ExcelJS.Workbook();
  (wb.properties as { date1904?: boolean }).date1904 = true;
  wb.addWorksheet('Vòng đánh giá').getCell('A1').value = 43_000;
  const port = await ExcelJsPort.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
  const [snap] = await port.read(['Vòng đánh giá']);
  expect(snap?.date1904).toBe(true);
  const v = snap?.values[0]?.[0];
  // 43 000 days after 1904-01-01 is 2021-09-23; the 1900 system would say 2017-09-22
  expect(cellDate(v, dateSystemOf(snap ?? {}))).toBe('2021-09-23');
  expect(cellDate(v, {})).toBe('2017-09-22');
});

test('a 1900 workbook is not marked', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('A').getCell('A1').value = 1;
  const port = await ExcelJsPort.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
  const [snap] = await port.read(['A']);
  expect(snap?.date1904).toBeUndefined();
});
