import ExcelJS from 'exceljs';
import { writeSipasXlsx, SIPAS_SHEETS } from '../../files/sipas';
import { scoreSipas } from '../../engine/sipas';
import { smallInstrument, smallResponses } from './builders';
import { renderSipasSheet } from '../../engine/workbook/output';

test('the report workbook: three sheets, full-precision values, percent formats, frozen headers', async () => {
  const { result } = scoreSipas({ instrument: smallInstrument, responses: smallResponses(), units: [{ code: 'KG', name: 'UBND phường Kim Giang' }], previous: [{ unit: 'KG', overall: 70, rank: 2 }] });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeSipasXlsx(result, 'vi')).buffer as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual([SIPAS_SHEETS.vi.summary, SIPAS_SHEETS.vi.detail, SIPAS_SHEETS.vi.drag]);
  const s = wb.getWorksheet(SIPAS_SHEETS.vi.summary)!;
  expect(s.getRow(4).values).toEqual([undefined, 'Mã đơn vị', 'Đơn vị', 'Số phiếu', 'Chỉ số chung', 'Cận dưới', 'Cận trên', 'Hạng', 'Nhóm A', 'Nhóm B', 'Cách mục tiêu (điểm)', 'Năm trước', 'Thay đổi (điểm)', 'Hạng năm trước', 'Lưu ý']);
  // the aggregation used, under the method line
  expect(s.getCell('A3').value).toBe('Tổng hợp theo câu hỏi (items): mỗi yếu tố, nhóm và chỉ số chung là bình quân mọi câu hỏi thuộc nó, nên nhóm và yếu tố nặng nhẹ theo số câu hỏi');
  // overall = mean of the 5 items = ((12 + 16 + 15)/19 · 100 + 50 + 70)/5 = 69.2632 %, stored as a fraction with a percent format
  const overall = ((43 / 19) * 100 + 50 + 70) / 5;
  expect(s.getCell('A5').value).toBe('KG');
  expect(s.getCell('B5').value).toBe('UBND phường Kim Giang');
  expect(s.getCell('D5').value as number).toBeCloseTo(overall / 100, 12);
  expect(s.getCell('D5').numFmt).toBe('0.00%');
  expect(s.getCell('J5').value as number).toBeCloseTo(90 - overall, 10); // gap in points
  expect(s.getCell('L5').value as number).toBeCloseTo(overall - 70, 10); // change
  expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  const d = wb.getWorksheet(SIPAS_SHEETS.vi.detail)!;
  // rows: group A, aspect A1, q1, q2, aspect A2, q3, group B, aspect B1, q4, q5
  expect([5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((r) => d.getCell(`C${r}`).value)).toEqual(['A', 'A1', 'q1', 'q2', 'A2', 'q3', 'B', 'B1', 'q4', 'q5']);
  expect(d.getCell('E7').value as number).toBeCloseTo(12 / 19, 12);
  expect([d.getCell('F7').value, d.getCell('I7').value, d.getCell('J10').value]).toEqual([19, 1, 1]);
  const r = wb.getWorksheet(SIPAS_SHEETS.vi.drag)!;
  // B1 = 60 weighs 2 of the 5 items: (90 − 60) × 0.4 = 12
  expect(r.getCell('C5').value).toBe('B1');
  expect(r.getCell('G5').value as number).toBeCloseTo(12, 12);
});

test('English sheet names and headers', async () => {
  const { result } = scoreSipas({ responses: [{ unit: 'KG', answers: { 'II.1.1': 5 } }] });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeSipasXlsx(result, 'en')).buffer as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['SIPAS Summary', 'SIPAS Detail', 'SIPAS Drag']);
  expect(wb.getWorksheet('SIPAS Detail')!.getCell('D6').value).toBe('Accountability for policies');
  // item texts of the built-in instrument are paraphrases: marked, and the note says so
  expect(wb.getWorksheet('SIPAS Detail')!.getCell('D7').value).toBe('State agencies give full and timely information and explanations on policies when people and organisations ask †');
  expect(String(wb.getWorksheet('SIPAS Detail')!.getCell('A3').value)).toContain('39 items have unofficial wording, not quoted from a decision (marked †)');
});

test('the results workbook SIPAS sheet names the aggregation and marks unofficial item wording', () => {
  const { result } = scoreSipas({ responses: [{ unit: 'KG', answers: { 'I.3.1': 5, 'II.1.1': 4 } }] });
  const v = renderSipasSheet(result, { lang: 'vi', target: 90 }).values;
  expect(String(v[1]?.[0])).toContain('Tổng hợp theo câu hỏi (items)');
  const head = v.findIndex((row) => row?.[3] === 'Câu hỏi' && row?.[4] === 'Nội dung');
  expect(v[head]?.[11]).toBe('Nguồn lời câu hỏi');
  const i31 = v.find((row) => row?.[3] === 'I.3.1');
  expect(i31?.[4]).toBe('Tổ chức thực hiện chính sách phát triển kinh tế');
  expect(i31?.[11]).toBe('lời tham khảo, không trích từ quyết định');
  const en = renderSipasSheet(scoreSipas({ responses: [{ unit: 'KG', answers: { 'I.3.1': 5 } }], method: { aggregate: 'equal' } }).result, { lang: 'en', target: 90 }).values;
  expect(String(en[1]?.[0])).toContain('Aggregated with equal weights');
});
