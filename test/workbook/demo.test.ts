import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runDemo, demoSample, sampleAssessments, sampleMasterData } from '../../files/demo/run';
import { demoSummary } from '../../files/demo/summary';
import { scoreWorkbookFile } from '../../files/scoreWorkbook';
import { main } from '../../cli/main';
import type { CliIO } from '../../cli/io';
import { getBuiltinFramework, builtinUnits, scoreDocument } from '../../engine';
import { sha256 } from './tools';

function bufferIO(): CliIO & { out: string; err: string; isTTY: boolean } {
  const io = { out: '', err: '', isTTY: false, stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

const samplePath = path.join(__dirname, '..', '..', 'samples', 'thanh-xuan-2023.json');

describe('parindex demo', () => {
  let dir: string;
  let r: Awaited<ReturnType<typeof runDemo>>;
  let sampleHash: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parindex-demo-'));
    sampleHash = sha256(samplePath);
    r = await runDemo(dir, { lang: 'vi' });
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes templates, filled files, the imported master and the results', () => {
    // 16 templates: 11 wards + the 5 lead offices that lead district criteria; KTR never returns its file
    expect(r.files.templates.length).toBe(16);
    expect(r.files.filled.length).toBe(15);
    expect(r.files.filled.some((f) => f.includes('KTR'))).toBe(false);
    for (const f of [r.files.masterBlank, r.files.master, r.files.results]) expect(fs.existsSync(f)).toBe(true);
    expect(r.results?.units.length).toBe(12);
  });

  test('late and missing units are known, the deliberate mistakes are caught and located', () => {
    const late = r.status.filter((s) => s.timeliness === 'late').map((s) => s.unit).sort();
    const missing = r.status.filter((s) => s.timeliness === 'missing').map((s) => s.unit);
    expect(late).toEqual(['PL', 'TXN']);
    expect(missing).toEqual(['KTR']);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => `${i.file}|${i.unit}|${i.criterion}`).sort()).toEqual(
      demoSample.mistakes.map((m) => `tu-danh-gia-${m.from}.xlsx|${m.from}|${m.criterion}`).sort(),
    );
    for (const e of errors) expect(e.cell).toMatch(/^[A-Z]+\d+$/);
  });

  test('scores of the round trip equal scoring the sample directly (rows with mistakes left out)', () => {
    const fw = getBuiltinFramework(demoSample.frameworkId);
    if (!fw) throw new Error('framework missing');
    const data = sampleMasterData(demoSample, fw, builtinUnits);
    const { assessments } = sampleAssessments(demoSample);
    // a row with a mistake is rejected by the importer (the mistakes are all in ward files, where unit = sender)
    expect(demoSample.mistakes.every((m) => builtinUnits.find((u) => u.code === m.from)?.kind === 'ward')).toBe(true);
    const bad = new Set(demoSample.mistakes.map((m) => `${m.from}|${m.criterion}`));
    const kept = assessments.filter((a) => !bad.has(`${a.unit}|${a.criterion}`));
    // The workbook scores come from the same data: compare each unit's index with a direct scoring
    // that uses the SIPAS indices the workbook run computed.
    const indices: Record<string, Record<string, number>> = {};
    for (const u of r.sipas?.units ?? []) {
      const m: Record<string, number> = {};
      for (const g of u.groups) {
        if (g.index !== null) m[g.code] = g.index;
        for (const a of g.aspects) if (a.index !== null) m[a.code] = a.index;
      }
      if (u.overall !== null) m['overall'] = u.overall;
      indices[u.unit] = m;
    }
    for (const [u, m] of Object.entries(data.survey?.indices ?? {})) indices[u] = { ...(indices[u] ?? {}), ...m };
    const direct = scoreDocument({ framework: data.framework, units: data.units, assessments: kept, previous: data.previous, surveyIndices: indices }, { lang: 'vi' });
    const byCode = new Map(direct.results.units.map((u) => [u.code, u]));
    for (const u of r.results?.units ?? []) {
      expect(u.index).toBeCloseTo(byCode.get(u.code)?.index ?? NaN, 9);
      expect(u.rank).toBe(byCode.get(u.code)?.rank);
    }
  });

  test('the sample data and the imported master are not modified by scoring', async () => {
    expect(sha256(samplePath)).toBe(sampleHash);
    const before = sha256(r.files.master);
    await scoreWorkbookFile(r.files.master, { lang: 'vi', out: path.join(dir, 'again.xlsx') });
    const io = bufferIO();
    expect(await main(['validate', r.files.master], io)).toBe(0);
    expect(sha256(r.files.master)).toBe(before);
  });

  test('validate delegates filled templates: a clean one passes, one with a mistake fails with its cell', async () => {
    const ok = bufferIO();
    expect(await main(['validate', path.join(dir, 'filled', 'tu-danh-gia-KD.xlsx')], ok)).toBe(0);
    const bad = bufferIO();
    expect(await main(['validate', path.join(dir, 'filled', 'tu-danh-gia-KG.xlsx')], bad)).toBe(1);
    expect(bad.err).toMatch(/tu-danh-gia-KG\.xlsx', trang 'Tự đánh giá'!D\d+ \(đơn vị KG, tiêu chí 1\.1\.3\)/);
  });

  test('the summary lists every ward with index and rank, late and missing units and SIPAS', () => {
    const text = demoSummary(r.results ?? { framework: { id: '', name: '', target: 90 }, units: [], issues: [] }, 'vi', { ...(r.sipas ? { sipas: r.sipas } : {}), status: r.status });
    for (const u of builtinUnits.filter((x) => x.kind === 'ward')) expect(text).toContain(u.name);
    expect(text).toContain('nộp muộn: PL, TXN; chưa nộp: KTR');
    expect(text).toMatch(/SIPAS \(tổng hợp theo câu hỏi\): bình quân \d+,\d+%/); // the aggregation used is named
  });

  test('the summary names at least one unit late on a plan task and one lost-points criterion with no task', () => {
    const plan = r.results?.plan as { late: { unit: string; status: string }[]; uncovered: string[] } | undefined;
    expect(plan).toBeDefined();
    const behind = (plan?.late ?? []).filter((e) => e.status === 'late' || e.status === 'notStarted');
    expect(behind.length).toBeGreaterThan(0);
    expect(plan?.uncovered.length).toBeGreaterThan(0);
    const text = demoSummary(r.results ?? { framework: { id: '', name: '', target: 90 }, units: [], issues: [] }, 'vi', { status: r.status });
    expect(text).toContain(`Đơn vị chậm thực hiện nhiệm vụ: ${behind[0]?.unit}`);
    expect(text).toContain(`Tiêu chí bị trừ điểm chưa có nhiệm vụ: ${plan?.uncovered.join(', ')}`);
  });
});

describe('parindex demo (CLI)', () => {
  test('on a terminal: one progress line rewritten in place, then the summary; exit 0', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parindex-demo-cli-'));
    try {
      const io = bufferIO();
      io.isTTY = true;
      const code = await main(['demo', '--out', dir, '--lang', 'en'], io);
      expect(code).toBe(0);
      // six steps, each rewriting the same line
      // eslint-disable-next-line no-control-regex -- ESC [2K: the terminal's erase-line sequence
      expect(io.err.match(/\r\x1b\[2K\[\d\/6\]/g)?.length).toBe(6);
      expect(io.err).not.toContain('\n');
      expect(io.out).toContain('Wards');
      expect(io.out).toContain('late: PL, TXN; missing: KTR');
      expect(io.out).toContain(path.join(dir, 'results.xlsx'));
      expect(fs.existsSync(path.join(dir, 'results.xlsx'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
