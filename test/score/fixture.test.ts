import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { main } from '../../cli/main';
import type { CliIO } from '../../cli/io';
import type { ResultsDocument } from '../../engine';
import { gapsByLead } from '../../engine';
import expected from '../fixtures/score/thanh-xuan-11-wards.expected.json';

const root = path.resolve(__dirname, '../..');
const fixture = path.join(root, 'test/fixtures/score/thanh-xuan-11-wards.json');

function bufferIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    isTTY: false,
    stdout(s: string) {
      io.out += s;
    },
    stderr(s: string) {
      io.err += s;
    },
  };
  return io;
}

type ResultsJson = ResultsDocument & { issues: { code: string; severity: string; unit?: string; criterion?: string; message?: string }[] };

/** Compare a results document with the hand-computed table. */
function checkAgainstExpected(results: ResultsJson): void {
  expect(results.units.map((u) => u.code).sort()).toEqual(expected.units.map((u) => u.code).sort());
  for (const e of expected.units) {
    const u = results.units.find((x) => x.code === e.code);
    expect(u).toBeDefined();
    if (!u) continue;
    expect([e.code, u.score]).toEqual([e.code, expect.closeTo(e.score, 9)]);
    expect([e.code, u.max]).toEqual([e.code, e.max]);
    expect([e.code, u.index]).toEqual([e.code, expect.closeTo(e.index, 9)]);
    expect([e.code, u.rank, u.grade, u.bonus]).toEqual([e.code, e.rank, e.grade, e.bonus]);
    expect(u.previous?.indexChange).toBeCloseTo(e.indexChange, 9);
    expect(u.previous?.rankChange).toBe(e.rankChange);
  }
  const leads = Object.fromEntries(gapsByLead(results).map((r) => [r.key, r.lost]));
  for (const [k, v] of Object.entries(expected.gapsByLead)) expect([k, leads[k]]).toEqual([k, expect.closeTo(v, 9)]);
  expect(Object.keys(leads).sort()).toEqual(Object.keys(expected.gapsByLead).sort());
  for (const [unit, byLead] of Object.entries(expected.gapsByLeadPerUnit)) {
    const got = Object.fromEntries(gapsByLead(results, unit).map((r) => [r.key, r.lost]));
    expect(Object.keys(got).sort()).toEqual(Object.keys(byLead).sort());
    for (const [k, v] of Object.entries(byLead)) expect([unit, k, got[k]]).toEqual([unit, k, expect.closeTo(v, 9)]);
  }
  for (const u of results.units) expect([u.code, u.missing]).toEqual([u.code, (expected.missing as Record<string, string[]>)[u.code] ?? []]);
  expect(results.issues.map((i) => ({ code: i.code, severity: i.severity, unit: i.unit, criterion: i.criterion }))).toEqual(expected.issues);
  // Contract fields present on every unit
  for (const u of results.units) {
    for (const k of ['code', 'name', 'score', 'max', 'index', 'rank', 'grade', 'areas', 'gaps']) expect(u).toHaveProperty(k);
    for (const g of u.gaps) for (const k of ['criterion', 'lost', 'reason']) expect(g).toHaveProperty(k);
  }
}

describe('parindex score on 11 Thanh Xuân wards (hand-computed)', () => {
  test('in-process: main(["score", fixture, "--json"])', async () => {
    const io = bufferIO();
    const code = await main(['score', fixture, '--json'], io);
    expect(code).toBe(0);
    const results = JSON.parse(io.out) as ResultsJson;
    checkAgainstExpected(results);
    // the warning is listed on stderr, located
    expect(io.err).toContain('đơn vị TD, tiêu chí 1.3');
    expect(io.err).toContain('không ghi lý do');
    expect(results.issues[0]?.message).toBe('Điểm thẩm định 1,5 khác điểm tự chấm 2 nhưng không ghi lý do');
  });

  test('subprocess: node bin/parindex.cjs score fixture --json', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'bin/parindex.cjs'), 'score', fixture, '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    checkAgainstExpected(JSON.parse(out) as ResultsJson);
  });

  test('readable table in Vietnamese, with tie, grades and gaps', async () => {
    const io = bufferIO();
    expect(await main(['score', fixture], io)).toBe(0);
    expect(io.out).toContain('96,18%');
    expect(io.out).toMatch(/ 6 {2}KG .*78,75%/);
    expect(io.out).toMatch(/ 6 {2}NC .*78,75%/);
    expect(io.out).toContain('Điểm bị trừ theo đơn vị chủ trì');
    expect(io.out).toMatch(/VP +29,55/);
  });

  test('English with --lang en', async () => {
    const io = bufferIO();
    expect(await main(['score', fixture, '--lang', 'en'], io)).toBe(0);
    expect(io.out).toContain('96.18%');
    expect(io.out).toContain('Points lost by lead unit');
    expect(io.err).toContain('Appraisal 1.5 differs from the self-score 2 but gives no reason');
  });

  test('--target 90 lists the recoverable gaps, largest first', async () => {
    const io = bufferIO();
    expect(await main(['score', fixture, '--json', '--target', '90', '--unit', 'PL'], io)).toBe(0);
    const doc = JSON.parse(io.out) as { targets: { unit: string; pointsNeeded: number; plan: { criterion: string }[] }[] };
    // PL: 16,8 of 20 → 90% needs 18 → 1,2 points; largest recoverable gap is 1.3 (2 points, appraisal channel)
    expect(doc.targets).toHaveLength(1);
    expect(doc.targets[0]?.pointsNeeded).toBeCloseTo(1.2, 9);
    expect(doc.targets[0]?.plan.map((g) => g.criterion)).toEqual(['1.3']);
  });

  test('--target hang:3 — match the index of the unit now third (tie)', async () => {
    const io = bufferIO();
    expect(await main(['score', fixture, '--json', '--target', 'hang:3', '--unit', 'KG'], io)).toBe(0);
    const doc = JSON.parse(io.out) as { targets: { pointsNeeded: number; targetIndex: number; tie: boolean; rival?: { unit: string }; plan: { criterion: string }[] }[] };
    // Others by index: HD 100, KM 96,18, TXT 94 → KG must reach 94: 0,94 × 20 − 15,75 = 3,05 points;
    // recoverable gaps largest first: 2.1 (2) + 1.2 (1) + 2.2 (0,8) = 3,8 ≥ 3,05
    const g = doc.targets[0];
    expect([g?.targetIndex, g?.tie, g?.rival?.unit]).toEqual([94, true, 'TXT']);
    expect(g?.pointsNeeded).toBeCloseTo(3.05, 9);
    expect(g?.plan.map((x) => x.criterion)).toEqual(['2.1', '1.2', '2.2']);
    const io2 = bufferIO();
    expect(await main(['score', fixture, '--target', 'hang:3', '--unit', 'KG'], io2)).toBe(0);
    expect(io2.out).toContain('đạt đúng mức này thì đồng hạng');
  });

  test('usage errors exit 2; input errors exit 1 with every issue located', async () => {
    const io = bufferIO();
    expect(await main(['score'], io)).toBe(2);
    expect(await main(['score', fixture, '--target', 'abc'], io)).toBe(2);
    const io2 = bufferIO();
    expect(await main(['score', path.join(root, 'test/fixtures/score/does-not-exist.json')], io2)).toBe(1);
    expect(io2.err).toContain('Không tìm thấy tệp');
  });
});

describe('parindex score with a sipas part', () => {
  test('satisfaction indices computed from counts feed survey leaves; given indices win', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'score-sipas-'));
    const file = path.join(dir, 'doc.json');
    // II.1 items: level counts [1..5]; top-two-box = share of answers at 4 or 5
    // II.1.1: 8 of 10 → 80%; II.1.2: 9 of 10 → 90%; II.1.3: 10 of 10 → 100%; aspect = mean = 90%
    const counts = [
      { unit: 'KG', item: 'II.1.1', levels: [0, 0, 2, 4, 4] },
      { unit: 'KG', item: 'II.1.2', levels: [0, 1, 0, 4, 5] },
      { unit: 'KG', item: 'II.1.3', levels: [0, 0, 0, 5, 5] },
    ];
    const doc = {
      framework: { id: 's', name: 'S', total: 10, nodes: [{ code: '1', name: 'A', children: [{ code: '1.1', name: 'Tiếp cận', max: 10, channel: 'survey', source: 'II.1', rule: { kind: 'survey' } }] }] },
      units: [
        { code: 'KG', name: 'Kim Giang', kind: 'ward' },
        { code: 'HD', name: 'Hạ Đình', kind: 'ward' },
      ],
      surveyIndices: { HD: { 'II.1': 75 } },
      sipas: { counts },
    };
    fs.writeFileSync(file, JSON.stringify(doc));
    const io = bufferIO();
    const code = await main(['score', file, '--json'], io);
    const out = JSON.parse(io.out) as ResultsDocument;
    expect(out.units.find((u) => u.code === 'KG')?.index).toBeCloseTo(90, 9);
    expect(out.units.find((u) => u.code === 'HD')?.index).toBeCloseTo(75, 9);
    expect(out.sipas).toBeDefined();
    expect([code, io.err]).toEqual([0, expect.any(String)]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('parindex score on a document with errors', () => {
  test('exit 1; every issue listed on stderr with file, unit and criterion', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'score-err-'));
    const file = path.join(dir, 'bad.json');
    const doc = {
      framework: { id: 'e', name: 'E', total: 2, nodes: [{ code: '1', name: 'A', children: [{ code: '1.1', name: 'a', max: 2, rule: { kind: 'yesNo' } }] }] },
      units: [{ code: 'KG', name: 'Kim Giang', kind: 'ward' }],
      assessments: [
        { unit: 'KG', criterion: '1.1', value: 'Chắc có' },
        { unit: 'KG', criterion: '7.7', value: 'Có' },
        { unit: 'ZZ', criterion: '1.1', value: 'Có' },
      ],
    };
    fs.writeFileSync(file, JSON.stringify(doc));
    const io = bufferIO();
    expect(await main(['score', file], io)).toBe(1);
    const lines = io.err.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`Tệp '${file}', assessments.1 (đơn vị KG, tiêu chí 7.7): Tiêu chí "7.7" không có trong bộ tiêu chí`);
    expect(lines[1]).toBe(`Tệp '${file}', assessments.2 (đơn vị ZZ, tiêu chí 1.1): Đơn vị "ZZ" không có trong danh sách đơn vị`);
    expect(lines[2]).toContain('(đơn vị KG, tiêu chí 1.1): Giá trị "Chắc có" không thuộc');
    const io2 = bufferIO();
    expect(await main(['score', file, '--json', '--lang', 'en'], io2)).toBe(1);
    const out = JSON.parse(io2.out) as ResultsJson;
    expect(out.issues.map((i) => i.message)).toContain('Criterion "7.7" is not in the framework');
    fs.writeFileSync(file, '{ not json');
    const io3 = bufferIO();
    expect(await main(['score', file], io3)).toBe(1);
    expect(io3.err).toContain('Không đọc được JSON');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('parindex score with a plan part', () => {
  test('results carry plan {tasks, late, uncovered}; the table sums it up', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const read = (p: string): unknown => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));
    const units = (read('engine/frameworks/units-thanh-xuan-2023.json') as { units: unknown[] }).units;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'score-plan-'));
    const file = path.join(dir, 'doc.json');
    const doc = {
      framework: read('engine/frameworks/thanh-xuan-2023.json'),
      units,
      assessments: [{ unit: 'TP', criterion: '1.2.1', value: '85%' }],
      plan: read('engine/frameworks/plan-tasks-2023.json'),
    };
    fs.writeFileSync(file, JSON.stringify(doc));
    const io = bufferIO();
    expect(await main(['score', file, '--json', '--now', '2023-09-30'], io)).toBe(0);
    const out = JSON.parse(io.out) as ResultsDocument & { plan: { tasks: { id: string; lead: string; status: string }[]; late: unknown[]; uncovered: string[] } };
    expect(out.plan.tasks.length).toBeGreaterThan(0);
    for (const task of out.plan.tasks) expect(['done', 'onTrack', 'late', 'notStarted', 'notReported']).toContain(task.status);
    expect(Array.isArray(out.plan.late)).toBe(true);
    expect(Array.isArray(out.plan.uncovered)).toBe(true);
    const io2 = bufferIO();
    expect(await main(['score', file, '--now', '2023-09-30'], io2)).toBe(0);
    expect(io2.out).toMatch(/Kế hoạch \(đến 30\/09\/2023\): \d+ nhiệm vụ/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
