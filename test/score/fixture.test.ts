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

  test('usage errors exit 2; input errors exit 1 with every issue located', async () => {
    const io = bufferIO();
    expect(await main(['score'], io)).toBe(2);
    expect(await main(['score', fixture, '--target', 'abc'], io)).toBe(2);
    const io2 = bufferIO();
    expect(await main(['score', path.join(root, 'test/fixtures/score/does-not-exist.json')], io2)).toBe(1);
    expect(io2.err).toContain('Không tìm thấy tệp');
  });
});
