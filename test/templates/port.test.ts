import ExcelJS from 'exceljs';
import { ExcelJsPort } from '../../files/port';
import type { RenderedSheet } from '../../engine/workbook/port';

const sheet: RenderedSheet = {
  name: 'Kết quả',
  marker: 'parindex:test',
  values: [
    ['Mã', 'Điểm', 'Ghi chú'],
    ['1.1', 0.75, '=HYPERLINK("http://x")'],
    ['1.2', 1, '+1'],
  ],
  styles: [
    { range: 'A1:C1', style: { bold: true, fill: 'DDEEFF' } },
    { range: 'B2:B3', style: { locked: false, numFmt: '0.00' } },
  ],
  columnWidths: [8, 10, 30],
  hiddenRows: [3],
  hiddenColumns: [3],
  freeze: { rows: 1, columns: 1 },
  merges: ['A5:C5'],
  conditionalFormats: [{ range: 'B2:B3', rule: 'lessThan', value: 1, fill: 'FFC7CE' }],
  validations: [
    { range: 'B2:B3', type: 'decimal', min: 0, max: 1 },
    { range: 'D2', type: 'list', values: ['Có', 'Không', 'Không áp dụng'] },
    { range: 'E2', type: 'list', values: Array.from({ length: 60 }, (_, i) => `Mức độ số ${i + 1}`) },
    { range: 'F2', type: 'date', min: '2023-01-01', max: '2023-12-31' },
  ],
  protection: { password: 'x' },
  tabColor: '00AA00',
  printArea: 'A1:C3',
};

describe('ExcelJsPort', () => {
  test('write then read round-trips values, strings stay text, order kept', async () => {
    const port = ExcelJsPort.create();
    await port.write([{ name: 'A', marker: 'm', values: [['a']] }, sheet, { name: 'Z', marker: 'm', values: [['z']] }]);
    // replace the middle sheet: order must stay A, Kết quả, Z
    await port.write([{ ...sheet, values: [['Mã'], ['x']] }, sheet]);
    const bytes = await port.toBuffer();
    const again = await ExcelJsPort.fromBuffer(bytes);
    const names = (await again.listSheets()).map((s) => s.name);
    expect(names.filter((n) => !n.startsWith('_'))).toEqual(['A', 'Kết quả', 'Z']);
    const [snap] = await again.read(['Kết quả']);
    expect(snap?.values[1]).toEqual(['1.1', 0.75, '=HYPERLINK("http://x")']);
    expect(snap?.values[2]?.[2]).toBe('+1');
    expect(snap?.formulas).toBeUndefined();
    expect(snap?.protected).toBe(true);
    expect(snap?.hiddenRows).toEqual([3]);
    expect(snap?.merged).toEqual(['A5:C5']);
    expect(snap?.formats?.['B2']).toBe('0.00');
    // the long list went to a veryHidden list sheet
    const info = await again.listSheets();
    expect(info.find((s) => s.name === '_lists_Kết quả')?.state).toBe('veryHidden');
    const ws = again.workbook.getWorksheet('Kết quả');
    expect(ws?.getCell('B2').protection?.locked).toBe(false);
    expect(ws?.getCell('B2').dataValidation?.type).toBe('decimal');
    expect(ws?.getCell('D2').dataValidation?.formulae?.[0]).toBe('"Có,Không,Không áp dụng"');
    expect(String(ws?.getCell('E2').dataValidation?.formulae?.[0])).toContain('_lists_');
  });

  test('read flattens rich text, dates, formulas, errors and hyperlinks', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { richText: [{ text: 'Có ' }, { text: 'đủ', font: { bold: true } }] };
    ws.getCell('A2').value = new Date(Date.UTC(2023, 5, 30));
    ws.getCell('A3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('A4').value = { formula: '1+1', result: 2 };
    ws.getCell('A5').value = { text: 'Văn bản 12/QĐ', hyperlink: 'http://example.org' };
    ws.getCell('A6').value = { error: '#REF!' };
    ws.state = 'hidden';
    const port = await ExcelJsPort.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    const [s] = await port.read(['S', 'missing']);
    // the last row holds only an error (#REF!): it is kept, so that readers see and report it
    expect(s?.values.map((r) => r[0])).toEqual(['Có đủ', '2023-06-30', null, 2, 'Văn bản 12/QĐ', null]);
    expect(s?.dates).toEqual({ A2: true });
    expect(s?.errors).toEqual({ A3: '#DIV/0!', A6: '#REF!' });
    expect(s?.formulas).toEqual({ A3: '1/0', A4: '1+1' });
    expect(s?.state).toBe('hidden');
  });
});

describe('large validation ranges', () => {
  test('one rule for a whole input column, visible after a save', async () => {
    const port = ExcelJsPort.create();
    await port.write([{ name: 'S', marker: 'm', values: [['x']], validations: [{ range: 'B5:B20004', type: 'decimal', min: 0, max: 100 }] }]);
    const bytes = await port.toBuffer();
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(xml).toContain('sqref="B5:B20004"');
    expect(xml.match(/<dataValidation /g)).toHaveLength(1);
  });
});

describe('charts', () => {
  test('are kept out of the cells and saved as a native chart part referencing the data', async () => {
    const port = ExcelJsPort.create();
    await port.write([
      {
        name: 'Xếp hạng',
        marker: 'm',
        values: [['Đơn vị', 'Chỉ số'], ['KG', 91.5], ['HD', 88]],
        charts: [{ type: 'bar', title: 'Chỉ số CCHC', dataRange: 'A1:B3', anchor: 'E2' }],
      },
    ]);
    const [s] = await port.read(['Xếp hạng']);
    // no chart-data table beside the content any more: the sheet holds only what was written
    expect(s?.values.every((r) => (r ?? []).length <= 2)).toBe(true);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await port.toBuffer());
    const parts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(parts).toHaveLength(1);
    const xml = (await zip.file(parts[0]!)?.async('string')) ?? '';
    expect(xml).toContain('Chỉ số CCHC');
    expect(xml).toMatch(/Xếp hạng'?!\$B\$2:\$B\$3/);
  });
});
