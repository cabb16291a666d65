import { ExcelJsPort } from '../../files/port';
import type { RenderedSheet } from '../../engine/workbook/port';

const sheet = (name: string, cols: number, extra: Partial<RenderedSheet> = {}): RenderedSheet => ({
  name,
  marker: `parindex:${name}`,
  values: [Array.from({ length: cols }, (_, i) => `c${i}`)],
  ...extra,
});

test('the sheet marked active is the one shown on opening; sheets print one page wide on A4', async () => {
  const port = ExcelJsPort.create();
  await port.write([sheet('Hướng dẫn', 2), sheet('Tổng hợp', 9, { active: true }), sheet('Kết quả', 3)]);
  const wb = (await ExcelJsPort.fromBuffer(await port.toBuffer())).workbook;
  expect(wb.views[0]?.activeTab).toBe(1);
  const wide = wb.getWorksheet('Tổng hợp');
  const narrow = wb.getWorksheet('Hướng dẫn');
  expect(wide?.pageSetup.fitToWidth).toBe(1);
  expect(wide?.pageSetup.orientation).toBe('landscape');
  expect(narrow?.pageSetup.orientation).toBe('portrait');
  expect(narrow?.pageSetup.paperSize).toBe(9);
});
