/**
 * `parindex explain` and engine/app/explain: the chain from the final points back to the round,
 * the rule and its parameters, the declared value and where it came from (the unit's file, sheet
 * and cell as the import log recorded them, the master's cell, the import time), the survey index,
 * the points lost and recoverable.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import { main } from '../../cli/main';
import { explainForDocument, explanationLines, type CriterionExplanation } from '../../engine';
import { runDemo } from '../../files/demo/run';
import { ExcelJsPort } from '../../files/port';
import { doc } from './fixture';

function io(): { out: string; err: string; stdout(s: string): void; stderr(s: string): void; isTTY: boolean } {
  const b = { out: '', err: '', isTTY: false, stdout: (s: string) => void (b.out += s), stderr: (s: string) => void (b.err += s) };
  return b;
}

describe('explain (JSON document)', () => {
  test('an appraised criterion: self-score, the rule, round 1 decides; lost and recoverable by hand', () => {
    const r = explainForDocument(doc, { lang: 'vi', unit: 'HD', criterion: '1.2' });
    const e = r.explanation as CriterionExplanation;
    expect(r.notFound).toBe(false);
    expect(e.criterion).toMatchObject({ code: '1.2', path: [{ code: '1', name: 'Công tác chỉ đạo, điều hành' }, { code: '1.2', name: 'Sáng kiến cải cách' }], max: 3, lead: 'NV', evidenceRequired: 'Quyết định công nhận' });
    expect(e.rule).toMatchObject({ kind: 'points', params: {} });
    expect(e.rounds.map((x) => [x.round, x.points, x.final])).toEqual([
      ['self', 3, false],
      ['rule', 3, false],
      ['appraisal1', 2, true],
    ]);
    expect(e.rounds[2]?.reason).toBe('thiếu quyết định công nhận sáng kiến');
    // 3 − 2 = 1 point lost, recoverable (appraisal channel): HD's maximum is 10, so +10 index points
    expect([e.final.points, e.final.source, e.lost, e.recoverable, e.indexGain]).toEqual([2, 'appraisal1', 1, 1, 10]);
    expect(e.unit).toMatchObject({ code: 'HD', index: 70, rank: 2, grade: 'C' });
  });

  test('a survey criterion: the index it used and where it came from; a rule with parameters', () => {
    const s = explainForDocument(doc, { lang: 'vi', unit: 'TD', criterion: '2.2' }).explanation as CriterionExplanation;
    expect(s.survey).toEqual({ key: 'II', index: 70, from: 'given' });
    expect([s.final.points, s.lost, s.recoverable]).toEqual([0.7, expect.closeTo(0.3, 9), 0]);
    const y = explainForDocument(doc, { lang: 'vi', unit: 'TD', criterion: '2.1' }).explanation as CriterionExplanation;
    expect(y.rule).toMatchObject({ kind: 'yesNo', params: { no: 0.25 } });
    expect(y.rounds).toEqual([{ round: 'rule', points: 1, final: true, reason: expect.stringContaining('Không') }]);
    expect(y.declared.value).toBe('Không');
  });

  test('the text: Vietnamese first, numbers in vi-VN; English on request', () => {
    const e = explainForDocument(doc, { lang: 'vi', unit: 'TD', criterion: '1.2' }).explanation as CriterionExplanation;
    const vi = explanationLines(e, 'vi');
    expect(vi[0]).toBe('UBND phường Thượng Đình (TD) — tiêu chí 1.2: Sáng kiến cải cách');
    expect(vi).toContain('Điểm cuối cùng: 1/3 — theo thẩm định lần 2; đơn vị chủ trì: NV');
    expect(vi).toContain(' → Thẩm định lần 2: 1/3 — sáng kiến chưa được áp dụng');
    // index 2,7/10 = 27%, gain 2/10 = 20 index points: two decimals each
    expect(vi[vi.length - 1]).toBe('Bị trừ 2 điểm; có thể khắc phục 2 điểm (chỉ số tăng 20,00 điểm %). Đơn vị hiện đạt 27,00%, hạng 3, xếp loại D.');
    const en = explanationLines(explainForDocument(doc, { lang: 'en', unit: 'TD', criterion: '2.2' }).explanation as CriterionExplanation, 'en');
    expect(en).toContain('Survey index used (II): 70.00% (entered directly)');
  });

  test('the text: indices with two decimals, points as they are, dates dd/mm/yyyy (HH:mm), rule parameters in the reader\'s numbers', () => {
    const base = explainForDocument(doc, { lang: 'vi', unit: 'TD', criterion: '1.2' }).explanation as CriterionExplanation;
    const e: CriterionExplanation = {
      ...base,
      unit: { ...base.unit, index: 91.3 },
      rule: { kind: 'threshold', label: 'Ngưỡng', params: { steps: [{ min: 90.5, points: 1.5 }], due: '2025-03-31' }, text: '' },
      declared: {
        ...base.declared,
        value: '2025-03-01',
        importedAt: '2025-03-02T14:05',
        submittedAt: '2025-03-01',
        history: [{ time: '2025-03-02T14:05', file: 'TD.xlsx', by: 'TD', unit: 'TD', criterion: '1.2', field: 'value', old: null, new: 2607.5 }],
      },
      lost: 1.5,
      recoverable: 1.5,
      indexGain: 1.5 / 11 * 100,
    };
    const vi = explanationLines(e, 'vi');
    expect(vi).toContain('  Tham số: steps = [{min: 90,5; points: 1,5}]; due = 31/03/2025');
    expect(vi.find((l) => l.startsWith('Số liệu kê khai:'))).toMatch(/^Số liệu kê khai: 01\/03\/2025; điểm tự chấm: /);
    expect(vi.some((l) => l.includes('Nhập lúc: 02/03/2025 14:05; tệp lưu lúc: 01/03/2025'))).toBe(true);
    expect(vi).toContain('    02/03/2025 14:05 TD.xlsx (TD): value — → 2.607,5');
    // 1,5/11 × 100 = 13,636… → 13,64
    expect(vi[vi.length - 1]).toBe('Bị trừ 1,5 điểm; có thể khắc phục 1,5 điểm (chỉ số tăng 13,64 điểm %). Đơn vị hiện đạt 91,30%, hạng 3, xếp loại D.');
    const en = explanationLines(e, 'en');
    expect(en).toContain('  Parameters: steps = [{min: 90.5; points: 1.5}]; due = 2025-03-31');
    expect(en).toContain('    2025-03-02 14:05 TD.xlsx (TD): value — → 2,607.5');
    expect(en[en.length - 1]).toBe('Lost 1.5 points; 1.5 recoverable (the index would rise 13.64 points). The unit stands at 91.30%, rank 3, grade D.');
  });

  test('what cannot be explained is said, with what can', () => {
    const codes = (unit: string, criterion: string): string[] => explainForDocument(doc, { lang: 'vi', unit, criterion }).issues.map((i) => i.code);
    expect(codes('XX', '1.2')).toEqual(['explain.unknownUnit']);
    expect(codes('NV', '1.2')).toEqual(['explain.notScored']);
    expect(codes('KG', '9.9')).toEqual(['explain.unknownCriterion']);
    expect(codes('KG', '1')).toEqual(['explain.notLeaf']);
    expect(codes('QTX', '1.1')).toEqual(['explain.notForUnit']);
  });
});

describe('parindex explain on a master (the demo round)', () => {
  let dir = '';
  let master = '';
  let filled = '';
  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'parindex-explain-'));
    const demo = await runDemo(path.join(dir, 'demo'), { lang: 'vi' });
    master = demo.files.master;
    filled = path.join(dir, 'demo', 'filled');
  }, 120_000);
  afterAll(async () => {
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  });

  test('--json: the value comes from the cells of the unit file the import log names, at its import time', async () => {
    const b = io();
    expect(await main(['explain', master, '--unit', 'KG', '--criterion', '1.2.1', '--json'], b)).toBe(0);
    const e = JSON.parse(b.out) as CriterionExplanation;
    const f = e.declared.file;
    expect(f).toMatchObject({ sheet: 'Tự đánh giá', by: 'KG' });
    expect(f?.file).toMatch(/KG\.xlsx$/);
    expect(f?.value).toMatch(/^[A-Z]+\d+$/);
    expect(e.declared.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(e.declared.master).toMatchObject({ sheet: 'Kê khai', file: 'master.xlsx' });
    expect(e.declared.history.length).toBeGreaterThan(0);
    // the cells named hold what was declared, in the very file
    const port = await ExcelJsPort.fromBuffer(await fsp.readFile(path.join(filled, f?.file ?? '')));
    const [sheet] = await port.read(['Tự đánh giá']);
    const at = (a1: string | undefined): unknown => {
      const m = /^([A-Z]+)(\d+)$/.exec(a1 ?? '');
      if (!m) return undefined;
      const col = [...(m[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return sheet?.values[Number(m[2]) - 1]?.[col];
    };
    expect(at(f?.value)).toEqual(e.declared.value);
    expect(at(f?.self)).toEqual(e.declared.self);
  }, 60_000);

  test('text: the deciding round, the rule, the file and cells, the import time', async () => {
    const b = io();
    expect(await main(['explain', master, '--unit', 'KG', '--criterion', '1.2.1'], b)).toBe(0);
    expect(b.out).toMatch(/Nguồn: tệp ".*KG\.xlsx" của KG, trang "Tự đánh giá", ô [A-Z]+\d+ \(số liệu\)/);
    expect(b.out).toMatch(/Nhập lúc: \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(b.out).toContain('Quy tắc: ');
  }, 60_000);

  test('usage errors exit 2: a unit or criterion that is not there, a missing --criterion', async () => {
    const b1 = io();
    expect(await main(['explain', master, '--unit', 'ZZ', '--criterion', '1.2.1'], b1)).toBe(2);
    expect(b1.err).toContain('Không có đơn vị mã "ZZ"');
    const b2 = io();
    expect(await main(['explain', master, '--unit', 'KG'], b2)).toBe(2);
    const b3 = io();
    expect(await main(['explain', master, '--unit', 'KG', '--criterion', '1.2'], b3)).toBe(2);
    expect(b3.err).toContain('là nhóm');
  }, 60_000);
});
