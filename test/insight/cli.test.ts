import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import ExcelJS from 'exceljs';
import { runCli, tmpDir } from '../hardening/helpers';

/**
 * The three analyses through the CLI: the rank range beside the rank ("1 (1–2)"), neighbours'
 * order probability, risk.* warnings in score; the quality guard in sipas (text, JSON, --keep-flagged).
 * Same hand-computed data as rank-range.test.ts and survey-quality.test.ts.
 */
const framework = {
  id: 't',
  name: 'T',
  nodes: [
    {
      code: '1',
      name: 'Khu vực',
      children: [
        { code: '1.1', name: 'Có văn bản', max: 50, rule: { kind: 'yesNo' } },
        { code: '1.2', name: 'Hài lòng', max: 50, channel: 'survey', rule: { kind: 'survey' } },
      ],
    },
  ],
};
const scoring = {
  framework,
  units: ['A', 'B', 'C'].map((code) => ({ code, name: `Phường ${code}`, kind: 'ward' })),
  assessments: [
    { unit: 'A', criterion: '1.1', value: 'Có', evidence: 'Kế hoạch 15/KH-UBND' },
    { unit: 'B', criterion: '1.1', value: 'Có', evidence: 'Kế hoạch 16/KH-UBND' },
    // a declared "Không" with the full self-score: a risk of 50 points
    { unit: 'C', criterion: '1.1', value: 'Không', self: 50, evidence: 'Kế hoạch 17/KH-UBND' },
  ],
  surveyIndices: { A: { '1.2': 80 }, B: { '1.2': 76 }, C: { '1.2': 60 } },
  surveyIntervals: { A: { '1.2': [70, 88] }, B: { '1.2': [66, 85] }, C: { '1.2': [55, 65] } },
};
const row = (unit: string, a: number[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({ unit, answers: { q1: a[0], q2: a[1], q3: a[2] }, ...extra });
const sipas = {
  instrument: { id: 'q', name: 'Q', groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'A', items: ['q1', 'q2', 'q3'] }] }] },
  responses: [
    ...['09:00', '09:02', '09:03', '09:05'].map((hm) => row('KG', [5, 5, 5], { device: 'kiosk-1', at: `2023-10-05T${hm}` })),
    row('KG', [4, 3, 5], { device: 'kiosk-1', at: '2023-10-05T09:20' }),
    row('KG', [2, 4, 4], { device: 'qr', at: '2023-10-05T10:00' }),
    row('KG', [5, 4, 3], { device: 'qr', at: '2023-10-05T10:30' }),
    row('HD', [5, 5, 4]),
    row('HD', [3, 4, 5]),
  ],
};

let dir = '';
beforeAll(async () => {
  dir = await tmpDir('insight');
  await fsp.writeFile(path.join(dir, 'doc.json'), JSON.stringify(scoring));
  await fsp.writeFile(path.join(dir, 'sipas.json'), JSON.stringify(sipas));
});
afterAll(async () => {
  if (dir) await fsp.rm(dir, { recursive: true, force: true });
});

describe('parindex score: rank ranges and risks', () => {
  test('text: "1 (1–2)" beside the rank, the close pair, the risk on stderr', async () => {
    const r = await runCli(['score', path.join(dir, 'doc.json')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => /\bA\b.*Phường A/.test(l))?.trimStart().startsWith('1 (1–2)')).toBe(true);
    expect(lines.find((l) => /\bB\b.*Phường B/.test(l))?.trimStart().startsWith('2 (1–2)')).toBe(true);
    expect(lines.find((l) => /\bC\b.*Phường C/.test(l))?.trim().startsWith('3 ')).toBe(true);
    expect(r.stdout).toContain('A xếp trên B: xác suất đúng thứ tự 72,54%');
    expect(r.stderr).toContain('Điểm tự chấm 50 cao hơn điểm tính theo số liệu kê khai (0/50): dễ bị trừ 50 điểm khi thẩm định');
  });

  test('--json: rankRange, indexRange, aheadOfNext per unit; risk.* issues', async () => {
    const r = await runCli(['score', path.join(dir, 'doc.json'), '--json']);
    const doc = JSON.parse(r.stdout) as { units: { code: string; rankRange: number[]; indexRange?: number[]; aheadOfNext?: { unit: string; probability: number } }[]; issues: { code: string; unit?: string; criterion?: string }[] };
    expect(doc.units.map((u) => [u.code, u.rankRange])).toEqual([
      ['A', [1, 2]],
      ['B', [1, 2]],
      ['C', [3, 3]],
    ]);
    expect(doc.units[0]?.aheadOfNext?.unit).toBe('B');
    expect(doc.issues.filter((i) => i.code.startsWith('risk.')).map((i) => [i.code, i.unit, i.criterion])).toEqual([['risk.selfAboveRule', 'C', '1.1']]);
  });
});

describe('parindex sipas: the survey-quality guard', () => {
  test('text: the burst set aside, both indices; --keep-flagged counts them', async () => {
    const r = await runCli(['sipas', path.join(dir, 'sipas.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('KG: 4 phiếu bị đánh dấu (Dồn dập từ một thiết bị: 4), gác lại 4; chỉ số chung không tính các phiếu đó 66,67%, tính cả 85,71%');
    expect(r.stderr).toContain('Phiếu dòng 1 bị gác lại (không tính)');
    const kept = await runCli(['sipas', path.join(dir, 'sipas.json'), '--keep-flagged', '--json']);
    const doc = JSON.parse(kept.stdout) as { units: { unit: string; overall: number; quality?: { flagged: number; reasons: Record<string, number>; setAside: number } }[] };
    const kg = doc.units.find((u) => u.unit === 'KG');
    expect(kg?.quality).toMatchObject({ flagged: 4, reasons: { burst: 4 }, setAside: 0 });
    expect(kg?.overall).toBeCloseTo(600 / 7, 9);
    expect(doc.units.find((u) => u.unit === 'HD')?.quality).toMatchObject({ flagged: 0, reasons: {} });
  });

  test('--out: the results workbook gains "SIPAS Chất lượng phiếu" with the counts and the flagged rows', async () => {
    const out = path.join(dir, 'sipas.xlsx');
    const r = await runCli(['sipas', path.join(dir, 'sipas.json'), '--out', out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('SIPAS Chất lượng phiếu');
    const rows: unknown[][] = [];
    ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const kg = rows.find((x) => x[0] === 'KG');
    // flagged 4: burst 4, straight-lining 0, duplicate 0, outside hours 0; set aside 4; 85,71% with, 66,67% without
    expect(kg?.slice(0, 7)).toEqual(['KG', 4, 4, 0, 0, 0, 4]);
    expect(kg?.[7]).toBeCloseTo(6 / 7, 9);
    expect(kg?.[8]).toBeCloseTo(2 / 3, 9);
    expect(rows.filter((x) => typeof x[3] === 'string' && x[3].includes('bị gác lại'))).toHaveLength(4);
  });
});
