/**
 * A date cell with a time of day (a submission time, a survey answer's time) keeps its time when
 * read through the exceljs port, as through Office.js (both read serials to the nearest minute): a master imported twice keeps the first
 * file's submission hour in "Tình hình nộp" (it used to fall back to the day only).
 */
import ExcelJS from 'exceljs';
import { ExcelJsPort, isoDateTime } from '../../files/port';

test('dates keep their time of day to the minute; midnight is the day alone', () => {
  expect(isoDateTime(new Date(Date.UTC(2026, 10, 18, 9, 0)))).toBe('2026-11-18T09:00');
  expect(isoDateTime(new Date(Date.UTC(2026, 10, 18, 8, 59, 59, 999)))).toBe('2026-11-18T09:00'); // a serial's fraction
  expect(isoDateTime(new Date(Date.UTC(2026, 10, 18, 23, 59, 30)))).toBe('2026-11-19'); // the nearest minute, as serialToIso
  expect(isoDateTime(new Date(Date.UTC(2026, 10, 18)))).toBe('2026-11-18');
});

test('the port reads a date-time cell with its time and a date cell as the day', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kê khai');
  ws.getCell('A1').value = new Date(Date.UTC(2026, 10, 18, 9, 0));
  ws.getCell('A1').numFmt = 'dd/mm/yyyy hh:mm';
  ws.getCell('A2').value = new Date(Date.UTC(2026, 10, 20));
  ws.getCell('A2').numFmt = 'dd/mm/yyyy';
  const port = await ExcelJsPort.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
  const [snap] = await port.read(['Kê khai']);
  expect(snap?.values[0]?.[0]).toBe('2026-11-18T09:00');
  expect(snap?.values[1]?.[0]).toBe('2026-11-20');
  expect(snap?.dates?.['A1']).toBe(true);
});
