import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/main';
import type { CliIO } from '../../cli/io';

const fixtures = path.join(__dirname, '..', 'fixtures', 'sipas');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), isTTY: false };
  const code = await main(['sipas', ...argv], io);
  return { code, out, err };
}

describe('parindex sipas', () => {
  test('--json prints the contract shape (units → groups → aspects → items)', async () => {
    const r = await run(path.join(fixtures, 'small.json'), '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { method: { aggregate: string }; units: { unit: string; overall: number; n: number; groups: { code: string; index: number; aspects: { code: string; index: number; items: { item: string; index: number; n: number; low: number; high: number }[] }[] }[] }[]; issues: { code: string; message: string }[] };
    const u = doc.units[0]!;
    expect(doc.method.aggregate).toBe('items');
    expect(u.unit).toBe('KG');
    expect(u.n).toBe(20);
    expect(u.overall).toBeCloseTo(((43 / 19) * 100 + 50 + 70) / 5, 10); // mean of the 5 items, see score.test.ts
    expect(u.groups.map((g) => g.code)).toEqual(['A', 'B']);
    const q1 = u.groups[0]!.aspects[0]!.items[0]!;
    expect(Object.keys(q1)).toEqual(expect.arrayContaining(['item', 'index', 'n', 'low', 'high']));
    expect([q1.item, q1.n]).toEqual(['q1', 19]);
    expect(doc.issues.find((i) => i.code === 'sipas.answer.outOfScale')?.message).toBe('Dòng 20, câu q3: giá trị "7" không thuộc thang 1–5; không tính vào mẫu số');
    expect(r.err).toContain("Tệp 'small.json', responses.19.answers.q3 (đơn vị KG, tiêu chí q3): Cảnh báo:");
  });

  test('CSV: readable Vietnamese table, warnings located by cell', async () => {
    const r = await run(path.join(fixtures, 'responses.csv'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Chỉ số chung');
    expect(r.out).toMatch(/KG — UBND phường Kim Giang\s+20\s+\d+,\d+%/); // names from the built-in unit list
    expect(r.err).toContain("Tệp 'responses.csv', ô H6 (đơn vị KG, tiêu chí II.2.2): Cảnh báo: Dòng 6, câu II.2.2: giá trị \"6\" không thuộc thang 1–5");
  });

  test('--lang en, --target, --unit with --items, --method', async () => {
    const r = await run(path.join(fixtures, 'responses.csv'), '--lang', 'en', '--target', '80', '--unit', 'KG', '--items', '--method', 'meanScore');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Gap to 80%');
    expect(r.out).toContain('mean score rescaled');
    expect(r.out).toContain('II.5.3');
    expect(r.out).toContain('Access to services');
  });

  test('the text says which aggregation was used; --aggregate equal chooses the other', async () => {
    const small = path.join(fixtures, 'small.json');
    const items = await run(small);
    expect(items.code).toBe(0);
    expect(items.out).toContain('Tổng hợp theo câu hỏi (items): mỗi yếu tố, nhóm và chỉ số chung là bình quân mọi câu hỏi thuộc nó');
    expect(items.out).toMatch(/Kim Giang\s+20\s+69,26%/); // (63,16 + 84,21 + 78,95 + 50 + 70) / 5
    const equal = await run(small, '--aggregate', 'equal', '--lang', 'en');
    expect(equal.code).toBe(0);
    expect(equal.out).toContain('Aggregated with equal weights');
    expect(equal.out).toMatch(/Kim Giang\s+20\s+68\.16%/); // ((73,68 + 78,95) / 2 + 60) / 2
    const json = JSON.parse((await run(small, '--aggregate=equal', '--json')).out) as { method: { aggregate: string } };
    expect(json.method.aggregate).toBe('equal');
  });

  test('--items marks item texts that are not quoted from a decision', async () => {
    const r = await run(path.join(fixtures, 'responses.csv'), '--unit', 'KG', '--items');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Nơi tiếp nhận hồ sơ và trả kết quả có biển hiệu, biển chỉ dẫn rõ ràng, dễ tìm †');
    expect(r.out).toContain('39 câu hỏi có lời tham khảo, không trích từ quyết định (đánh dấu †)');
  });

  test('usage errors exit 2', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('a.csv', '--target', '150')).code).toBe(2);
    expect((await run('a.csv', '--method', 'median')).code).toBe(2);
    expect((await run('a.csv', '--aggregate', 'median')).code).toBe(2);
  });

  test('input errors exit 1 with located messages', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sipas-cli-'));
    const missing = await run(path.join(dir, 'none.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Không tìm thấy tệp');

    const utf16 = path.join(dir, 'utf16.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('unit,II.1.1\r\nKG,5\r\n', 'utf16le')]));
    const u = await run(utf16);
    expect(u.code).toBe(1);
    expect(u.err).toContain("Tệp 'utf16.csv': Tệp CSV được lưu bằng mã UTF-16");

    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ responses: [{ unit: 'KG', answers: { 'II.1.1': 5 }, weight: 0 }], counts: [{ unit: 'KG', item: 'II.9.9', levels: [1, 1, 1, 1, 1] }] }));
    const b = await run(bad, '--lang', 'en');
    expect(b.code).toBe(1);
    expect(b.err).toContain("File 'bad.json', responses.0 (unit KG): Response row 1: weight \"0\" must be a positive number no greater than 1,000,000; row skipped");
    expect(b.err).toContain("File 'bad.json', counts.0 (unit KG, criterion II.9.9): Counts given for item \"II.9.9\" which is not in the instrument");

    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"responses": [');
    expect((await run(broken)).code).toBe(1);
  });

  test('--instrument=<file> names the columns of a CSV', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sipas-cli-'));
    const ins = path.join(dir, 'ins.json');
    writeFileSync(ins, JSON.stringify({ groups: [{ code: 'G', name: 'Nhóm', aspects: [{ code: 'G.1', name: 'Yếu tố', items: ['c1', 'c2'] }] }] }));
    const csv = path.join(dir, 'r.csv');
    writeFileSync(csv, 'unit,c1,c2\nKG,5,3\nKG,4,4\n');
    const r = await run(csv, `--instrument=${ins}`, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { units: { overall: number }[] };
    // c1 = 100, c2 = 50 → 75
    expect(doc.units[0]?.overall).toBe(75);
  });
});

describe('parindex score with a sipas part', () => {
  test('the text lists the SIPAS overall indices under the aggregation used', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sipas-score-'));
    const { readFileSync } = await import('node:fs');
    const doc = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'score', 'thanh-xuan-11-wards.json'), 'utf8')) as Record<string, unknown>;
    // group P: a, b, c; group S: d. HD: a 80, b 60, c 90, d 50 → by items (80 + 60 + 90 + 50) / 4 = 70
    // KD: all four at 100 → 100
    const levels = (top: number) => [0, 0, 10 - top, top, 0];
    doc['sipas'] = {
      instrument: { groups: [
        { code: 'P', name: 'P', aspects: [{ code: 'P1', name: 'P1', items: ['a', 'b'] }, { code: 'P2', name: 'P2', items: ['c'] }] },
        { code: 'S', name: 'S', aspects: [{ code: 'S1', name: 'S1', items: ['d'] }] },
      ] },
      counts: [['a', 8], ['b', 6], ['c', 9], ['d', 5]].flatMap(([item, top]) => [
        { unit: 'HD', item, levels: levels(top as number) },
        { unit: 'KD', item, levels: levels(10) },
      ]),
    };
    const file = path.join(dir, 'doc.json');
    writeFileSync(file, JSON.stringify(doc));
    let out = '';
    const io: CliIO = { stdout: (x) => void (out += x), stderr: () => undefined, isTTY: false };
    expect(await main(['score', file], io)).toBe(0);
    expect(out).toContain('Chỉ số hài lòng (SIPAS), tổng hợp theo câu hỏi:\n  HD 70,00% (hạng 2); KD 100,00% (hạng 1)');
  });
});

describe('parindex sipas outputs', () => {
  test('--out writes the report workbook; --survey-indices prints the map for the scoring document', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sipas-cli-'));
    const out = path.join(dir, 'ket-qua.xlsx');
    const r = await run(path.join(fixtures, 'small.json'), '--out', out, '--survey-indices');
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Đã ghi kết quả vào ${out}`);
    const m = JSON.parse(r.out) as { surveyIndices: Record<string, Record<string, number>> };
    expect(m.surveyIndices['KG']?.['B1']).toBeCloseTo(60, 12);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['SIPAS Tổng hợp', 'SIPAS Chi tiết', 'SIPAS Lực kéo']);
  });
  test('--pool=QTX adds the pooled district row, not ranked', async () => {
    const r = await run(path.join(fixtures, 'responses.csv'), '--pool=QTX', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { units: { unit: string; name: string; n: number; rank: number | null; pooled?: boolean }[] };
    expect(doc.units.map((u) => [u.unit, u.n, u.rank])).toEqual([['KG', 20, 2], ['NC', 20, 1], ['QTX', 40, null]]);
    expect(doc.units[2]?.name).toBe('UBND quận Thanh Xuân');
  });
  test('illustrative Thanh Xuân counts: 11 wards ranked 1…11, the district pooled from them', async () => {
    const r = await run(path.join(fixtures, 'thanh-xuan-2023-counts.json'), '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { units: { unit: string; n: number; rank: number | null; overall: number; pooled?: boolean }[] };
    const wards = doc.units.filter((u) => !u.pooled);
    expect(wards).toHaveLength(11);
    expect(wards.map((u) => u.rank).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const qtx = doc.units.find((u) => u.unit === 'QTX')!;
    // every ward answered every item n times (valid + blank), so the pool has Σ n respondents
    expect(qtx.n).toBe(wards.reduce((s, u) => s + u.n, 0));
    expect(qtx.rank).toBeNull();
    // the pooled index lies between the lowest and the highest ward
    expect(qtx.overall).toBeGreaterThan(Math.min(...wards.map((u) => u.overall)));
    expect(qtx.overall).toBeLessThan(Math.max(...wards.map((u) => u.overall)));
  });
  test('--previous=<last year --json output> gives changes in index and rank', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sipas-cli-'));
    const last = path.join(dir, 'sipas-2022.json');
    // last year: the same wards, but only the first 10 respondents of each
    const csv = path.join(dir, 'r2022.csv');
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(path.join(fixtures, 'responses.csv'), 'utf8').split('\r\n');
    writeFileSync(csv, [lines[0], ...lines.slice(1, 11), ...lines.slice(21, 31)].join('\r\n'));
    const r0 = await run(csv, '--json');
    writeFileSync(last, r0.out);
    const before = JSON.parse(r0.out) as { units: { unit: string; overall: number; rank: number; groups: { code: string; index: number | null }[] }[] };
    const r = await run(path.join(fixtures, 'responses.csv'), `--previous=${last}`, '--json');
    expect(r.code).toBe(0);
    const now = JSON.parse(r.out) as { units: { unit: string; overall: number; rank: number; change: number; previous: { overall: number; rank: number; rankChange: number }; groups: { code: string; index: number; change?: number }[] }[] };
    for (const u of now.units) {
      const b = before.units.find((x) => x.unit === u.unit)!;
      expect(u.change).toBeCloseTo(u.overall - b.overall, 12);
      expect(u.previous).toEqual({ overall: b.overall, rank: b.rank, rankChange: b.rank - u.rank });
      expect(u.groups[1]?.change).toBeCloseTo(u.groups[1]!.index - b.groups[1]!.index!, 12);
    }
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"x": 1}');
    const e = await run(path.join(fixtures, 'responses.csv'), `--previous=${bad}`);
    expect(e.code).toBe(1);
    expect(e.err).toContain('Tệp năm trước phải là kết quả');
  });
  test('--out must be a new .xlsx, never the input', async () => {
    const same = await run('phieu.xlsx', '--out', './phieu.xlsx');
    expect(same.code).toBe(2);
    expect(same.err).toContain('Tệp đầu ra trùng với tệp đầu vào');
    expect((await run(path.join(fixtures, 'small.json'), '--out', 'x.csv')).code).toBe(2);
  });
});
