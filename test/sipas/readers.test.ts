import ExcelJS from 'exceljs';
import { readSipasCsv, readSipasXlsx, decodeCsv, parseCsv, detectSeparator } from '../../files/sipas';
import { scoreSipas } from '../../engine/sipas';
import { formatIssue } from '../../engine/i18n';
import { smallInstrument } from './builders';
import { validateSipasInstrument } from '../../engine/sipas';

const ins = validateSipasInstrument(smallInstrument).instrument!;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('CSV decoding', () => {
  test('UTF-8 with and without BOM', () => {
    expect(decodeCsv(enc('\uFEFFđơn vị,q1\n')).text).toBe('đơn vị,q1\n');
    expect(decodeCsv(enc('đơn vị,q1\n')).text).toBe('đơn vị,q1\n');
  });
  test('UTF-16 (with BOM or without) is reported, not guessed', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Array.from(Buffer.from('unit,q1\r\n', 'utf16le'))]);
    expect(decodeCsv(le, 'a.csv').issues.map((i) => formatIssue(i, 'vi'))).toEqual([
      "Tệp 'a.csv': Tệp CSV được lưu bằng mã UTF-16; hãy lưu lại dạng \"CSV UTF-8 (phân cách bằng dấu phẩy)\"",
    ]);
    expect(decodeCsv(new Uint8Array(Buffer.from('unit,q1\r\nKG,5\r\n', 'utf16le'))).issues[0]?.code).toBe('sipas.csv.utf16');
  });
  test('invalid UTF-8 (a Windows-1258 export) names the line', () => {
    // "KG" on line 2 then "Kh" + 0xF4 ("ô" in Windows-1258/Latin-1) + "ng" on line 3
    const bytes = new Uint8Array([...enc('unit,q1\nKG,5\nKG,Kh'), 0xf4, ...enc('ng\n')]);
    const r = decodeCsv(bytes, 'b.csv');
    expect(r.text).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ code: 'sipas.csv.encoding', params: { line: 3 }, file: 'b.csv' });
    expect(formatIssue(r.issues[0]!, 'en')).toBe("File 'b.csv': The CSV file is not UTF-8 (invalid byte on line 3); save it again as \"CSV UTF-8\"");
  });
});

describe('CSV parsing', () => {
  test('separator "," or ";" from the header line; quotes, CRLF', () => {
    expect(detectSeparator('unit;q1;q2\n1,5;2')).toBe(';');
    expect(detectSeparator('"a;b",q1\n')).toBe(',');
    expect(parseCsv('unit;q1\r\n"KG";"4"\r\n"Nhân ""Chính""";5').rows).toEqual([['unit', 'q1'], ['KG', '4'], ['Nhân "Chính"', '5']]);
    expect(parseCsv('a,"b\nc",d\n').rows).toEqual([['a', 'b\nc', 'd']]);
    expect(parseCsv('a,"b\n').issues[0]).toMatchObject({ code: 'sipas.csv.quote', params: { line: 1 } });
  });
  test('respondent rows: unit column, item columns, weight, located out-of-scale answers', () => {
    const csv = '\uFEFFSTT;Đơn vị;Q1;q2;q3;q4;q5;Trọng số;Ghi chú lạ\n1;KG;5;4;;3;2;1,5;x\n2;KG;6;Hài lòng;không trả lời;5;5;;\n';
    const input = readSipasCsv(enc(csv), { instrument: ins, file: 'r.csv' });
    expect(input.responses).toEqual([
      { unit: 'KG', answers: { q1: 5, q2: 4, q3: null, q4: 3, q5: 2 }, weight: 1.5 },
      { unit: 'KG', answers: { q1: '6', q2: 'Hài lòng', q3: 'không trả lời', q4: 5, q5: 5 } },
    ]);
    expect(input.issues.map((i) => [i.code, i.cell])).toEqual([['sipas.sheet.unknownColumn', 'I1']]);
    const { result } = scoreSipas({ instrument: smallInstrument, responses: input.responses }, { locate: input.locate, rowOf: input.rowOf });
    const bad = result.issues.find((i) => i.code === 'sipas.answer.outOfScale')!;
    expect(formatIssue(bad, 'vi')).toBe("Tệp 'r.csv', ô C3 (đơn vị KG, tiêu chí q1): Cảnh báo: Dòng 3, câu q1: giá trị \"6\" không thuộc thang 1–5; không tính vào mẫu số");
    // q2: 4 (w 1.5) and "Hài lòng" = 4 → 100%
    expect(result.units[0]?.groups[0]?.aspects[0]?.items[1]?.index).toBe(100);
  });
  test('bad weight and missing unit column', () => {
    const a = readSipasCsv(enc('unit,q1,weight\nKG,5,-2\n'), { instrument: ins, file: 'w.csv' });
    expect(a.issues.map((i) => [i.code, i.cell, i.unit])).toEqual([['sipas.sheet.badWeight', 'C2', 'KG']]);
    expect(a.responses).toHaveLength(0);
    const b = readSipasCsv(enc('x,q1\nKG,5\n'), { instrument: ins, file: 'w.csv' });
    expect(b.issues.map((i) => [i.code, i.cell])).toEqual([['sipas.sheet.noUnitColumn', 'A1']]);
    const c = readSipasCsv(enc('unit,z1\nKG,5\n'), { instrument: ins });
    expect(c.issues.map((i) => i.code)).toEqual(['sipas.sheet.unknownColumn', 'sipas.sheet.noItemColumns']);
  });
  test('counts layout: unit, item, 1…5, blank', () => {
    const input = readSipasCsv(enc('unit,item,1,2,3,4,5,không trả lời\nKG,q1,1,2,4,7,5,1\nKG,q4,2,2,6,6,x,0\n'), { instrument: ins, file: 'c.csv' });
    expect(input.counts).toEqual([{ unit: 'KG', item: 'q1', levels: [1, 2, 4, 7, 5], blank: 1 }]);
    expect(input.issues.map((i) => [i.code, i.cell, i.criterion])).toEqual([['sipas.sheet.badCount', 'G3', 'q4']]);
  });
});

describe('xlsx', () => {
  async function book(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('Hướng dẫn');
    notes.getCell('A1').value = 'Phiếu khảo sát năm 2023';
    const ws = wb.addWorksheet('Phiếu');
    ws.addRow([]); // a blank first row: the header is the first non-empty row
    ws.addRow(['Mã phiếu', 'Đơn vị', 'q1', 'q2', 'q3', 'q4', 'q5']);
    ws.addRow([1, 'KG', 5, '4', null, { richText: [{ text: 'Hài ' }, { text: 'lòng' }] }, 3]);
    ws.addRow([2, 'KG', 4, 9, 5, 5, { formula: '2+3', result: 5 }]);
    const counts = wb.addWorksheet('Tổng hợp');
    counts.addRow(['Đơn vị', 'Câu hỏi', 'Mức 1', 'Mức 2', 'Mức 3', 'Mức 4', 'Mức 5']);
    counts.addRow(['KD', 'q1', 0, 0, 1, 1, 2]);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  test('reads every sheet with a unit column (responses and counts), cells located', async () => {
    const input = await readSipasXlsx(await book(), { instrument: ins, file: 'p.xlsx' });
    expect(input.responses).toEqual([
      // "Mã phiếu" is the respondent id (the survey-quality guard flags a repeated one)
      { unit: 'KG', answers: { q1: 5, q2: 4, q3: null, q4: 'Hài lòng', q5: 3 }, id: '1' }, // "4" as text → 4
      { unit: 'KG', answers: { q1: 4, q2: 9, q3: 5, q4: 5, q5: 5 }, id: '2' },
    ]);
    expect(input.counts).toEqual([{ unit: 'KD', item: 'q1', levels: [0, 0, 1, 1, 2] }]);
    const { result } = scoreSipas({ instrument: smallInstrument, responses: input.responses, counts: input.counts }, { locate: input.locate, rowOf: input.rowOf });
    const bad = result.issues.find((i) => i.code === 'sipas.answer.outOfScale');
    expect(bad).toMatchObject({ file: 'p.xlsx', sheet: 'Phiếu', cell: 'D4', unit: 'KG', criterion: 'q2', params: { row: 4, item: 'q2', value: '9' } });
    expect(result.units.map((u) => u.unit)).toEqual(['KG', 'KD']);
    // KD q1: 3 of 4 at 4–5
    expect(result.units[1]?.groups[0]?.aspects[0]?.items[0]?.index).toBe(75);
  });
  test('--sheet picks one sheet; a missing sheet and a broken file are issues', async () => {
    const bytes = await book();
    expect((await readSipasXlsx(bytes, { instrument: ins, sheet: 'Tổng hợp' })).responses).toHaveLength(0);
    expect((await readSipasXlsx(bytes, { instrument: ins, sheet: 'Nope' })).issues.map((i) => i.code)).toEqual(['sipas.sheet.noSheet']);
    expect((await readSipasXlsx(enc('not a zip'), { instrument: ins, file: 'x.xlsx' })).issues.map((i) => [i.code, i.file])).toEqual([['sipas.file.unreadable', 'x.xlsx']]);
  });
});
