import { main } from '../../cli/main';
import type { CliIO } from '../../cli/io';
import { builtinFrameworks, builtinFrameworkInfo, builtinFrameworkSummaries, frameworkYears, getBuiltinFramework, scoreDocument, validateFramework, type FrameworkNode } from '../../engine';

function io(): CliIO & { out: string; err: string } {
  const b = { out: '', err: '', isTTY: false, stdout: (s: string) => void (b.out += s), stderr: (s: string) => void (b.err += s) };
  return b;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('built-in sets: legal bases and the years they cover', () => {
  test('five sets, each with its years; the provincial set in force (876) listed before the 2017 one', () => {
    expect(builtinFrameworks.map((f) => [f.id, frameworkYears(f.meta?.years, 'vi')])).toEqual([
      ['thanh-xuan-2023', '2023'],
      ['hanoi-ward-2940', '2022–2023'],
      ['national-province-876', '2022–2030'],
      ['national-province-2948', '2017–2021'],
      ['service-delivery-766', 'từ 2022'],
    ]);
    expect(frameworkYears(getBuiltinFramework('service-delivery-766')?.meta?.years, 'en')).toBe('from 2022');
    for (const f of builtinFrameworks) expect([f.id, validateFramework(f).issues]).toEqual([f.id, []]);
  });

  test('2948/QĐ-BNV is the 2017 set, not current: it says so and points to 876', () => {
    const f = getBuiltinFramework('national-province-2948');
    expect(f?.meta?.years).toEqual({ from: 2017, to: 2021 });
    expect(f?.meta?.note).toContain('không còn áp dụng');
    expect(f?.meta?.related?.join(' ')).toContain('876/QĐ-BNV');
    // area maxima official, sub-criteria illustrative, marked node by node
    expect(f?.nodes.map((n) => n.points)).toEqual(Array(8).fill('official'));
    expect(f?.nodes.flatMap((n) => (n.children ?? []).map((c) => c.points)).every((p) => p === 'illustrative')).toBe(true);
  });

  test('grades C and D are marked as assumptions wherever a built-in set sets them', () => {
    for (const f of builtinFrameworks) {
      const byGrade = new Map((f.grades ?? []).map((g) => [g.grade, g.note ?? '']));
      expect([f.id, byGrade.get('C')]).toEqual([f.id, expect.stringContaining('Giả định')]);
      expect([f.id, byGrade.get('D')]).toEqual([f.id, expect.stringContaining('Giả định')]);
    }
  });

  test('Thanh Xuân keeps the plan\'s 6 areas and says the city\'s district set has 8 contents', () => {
    const f = getBuiltinFramework('thanh-xuan-2023');
    expect(f?.nodes).toHaveLength(6);
    expect(f?.meta?.note).toContain('8 nội dung');
    expect(f?.meta?.related?.join(' ')).toEqual(expect.stringContaining('3598/QĐ-UBND'));
    expect(f?.meta?.related?.join(' ')).toEqual(expect.stringContaining('5666/QĐ-UBND'));
  });

  test('the Hà Nội ward set counts SIPAS once: the five aspects, no overall criterion beside them', () => {
    const leaves = builtinFrameworkInfo('hanoi-ward-2940')?.compiled.leaves ?? [];
    expect(leaves.filter((l) => l.channel === 'survey').map((l) => l.surveyKey)).toEqual(['II.1', 'II.2', 'II.3', 'II.4', 'II.5']);
    expect(getBuiltinFramework('hanoi-ward-2940')?.meta?.related?.join(' ')).toContain('3199/QĐ-UBND');
  });
});

describe('national-province-876: the provincial set of 876/QĐ-BNV (2022–2030)', () => {
  const info = builtinFrameworkInfo('national-province-876');
  const f = info?.framework;
  const leaves = info?.compiled.leaves ?? [];

  test('8 areas, 37 criteria, 88 sub-criteria, 100 points', () => {
    expect(f?.nodes).toHaveLength(8);
    const criteria = (f?.nodes ?? []).flatMap((a) => a.children ?? []);
    expect(criteria).toHaveLength(37);
    expect(criteria.flatMap((c) => c.children ?? [])).toHaveLength(88);
    expect(sum(leaves.map((l) => l.max))).toBe(100);
  });

  test('68 appraisal + 32 survey points, of which SIPAS 10 (official, counted once)', () => {
    expect(sum(leaves.filter((l) => l.channel === 'appraisal').map((l) => l.max))).toBe(68);
    expect(sum(leaves.filter((l) => l.channel === 'survey').map((l) => l.max))).toBe(32);
    const sipas = leaves.filter((l) => l.surveyKey === 'overall' || /^II?(\.\d)?$/.test(l.surveyKey));
    expect(sipas.map((l) => [l.code, l.max, l.source.points])).toEqual([['8.1', 10, 'official']]);
  });

  test('every other node is marked illustrative', () => {
    const marks: (string | undefined)[] = [];
    const walk = (ns: readonly FrameworkNode[]): void =>
      ns.forEach((n) => {
        if (n.code !== '8.1') marks.push(n.points);
        walk(n.children ?? []);
      });
    walk(f?.nodes ?? []);
    expect(marks).toHaveLength(8 + 37 + 88 - 1);
    expect(new Set(marks)).toEqual(new Set(['illustrative']));
    expect(f?.meta?.points).toBe('illustrative');
  });

  test('a province with full appraisal points and SIPAS 80%: 68 + 22 × 0 + 10 × 0,8 = 76', () => {
    const assessments = leaves.filter((l) => l.channel === 'appraisal').map((l) => ({ unit: 'HN', criterion: l.code, appraisal: [l.max] }));
    const r = scoreDocument({ framework: 'national-province-876', units: [{ code: 'HN', name: 'Hà Nội', kind: 'province' }], assessments, surveyIndices: { HN: { overall: 80 } } });
    expect(r.ok).toBe(true);
    // 22 survey points of other surveys missing: zero policy (default), so 76 of 100
    expect(r.results.units[0]?.score).toBeCloseTo(76, 12);
    expect(r.results.units[0]?.index).toBeCloseTo(76, 12);
    expect(r.issues.find((i) => i.code === 'scoring.surveyZero')?.params?.['points']).toBe(22);
  });
});

describe('service-delivery-766: the index of 766/QĐ-TTg as data, scored by the same engine', () => {
  const info = builtinFrameworkInfo('service-delivery-766');
  const leaves = info?.compiled.leaves ?? [];

  test('5 groups, 100 points, every item a proportional rule with a full-points threshold of 90% or 80%', () => {
    expect(info?.framework.nodes.map((n) => n.name)).toEqual(['Công khai, minh bạch', 'Tiến độ giải quyết', 'Dịch vụ công trực tuyến', 'Mức độ hài lòng', 'Số hoá hồ sơ']);
    expect(sum(leaves.map((l) => l.max))).toBe(100);
    const thresholds = leaves.map((l) => [l.source.rule?.kind, l.source.rule?.['fullAt']]);
    expect(new Set(thresholds.map((x) => JSON.stringify(x)))).toEqual(new Set([JSON.stringify(['proportional', 90]), JSON.stringify(['proportional', 80])]));
    expect(leaves.filter((l) => l.source.rule?.['fullAt'] === 80).map((l) => l.code)).toEqual(['3.1', '3.2', '3.3']);
  });

  test('hand-computed: 90% and above full; below, rate × max ÷ threshold', () => {
    // every item at 95% (full, as 95 ≥ 90 and ≥ 80) except:
    //   2.1 (14 points, from 90%) at 81%: 14 × 81 ÷ 90 = 12,6
    //   3.2 (8 points, from 80%) at 60%: 8 × 60 ÷ 80 = 6
    //   3.1 (8 points, from 80%) at 85%: full 8 (85 ≥ 80)
    //   5.3 (6 points, from 90%) at 90%: full 6 (the threshold itself)
    const value: Record<string, string> = { '2.1': '81%', '3.2': '60%', '3.1': '85%', '5.3': '90%' };
    const assessments = leaves.map((l) => ({ unit: 'SNV', criterion: l.code, value: value[l.code] ?? '95%' }));
    const r = scoreDocument({ framework: 'service-delivery-766', units: [{ code: 'SNV', name: 'Sở Nội vụ', kind: 'department' }], assessments });
    expect(r.ok).toBe(true);
    const u = r.results.units[0];
    const leaf = (code: string): number | undefined => u?.tree.flatMap((a) => a.children ?? []).find((n) => n.code === code)?.score;
    expect(leaf('2.1')).toBeCloseTo(12.6, 12);
    expect([leaf('3.2'), leaf('3.1'), leaf('5.3'), leaf('1.1')]).toEqual([6, 8, 6, 6]);
    // 100 − (14 − 12,6) − (8 − 6) = 96,6
    expect(u?.score).toBeCloseTo(96.6, 12);
    expect(u?.index).toBeCloseTo(96.6, 12);
    expect(u?.gaps.map((g) => g.criterion)).toEqual(['3.2', '2.1']);
  });
});

describe('parindex frameworks', () => {
  test('lists every built-in set with its years, legal basis, structure and points', async () => {
    const b = io();
    expect(await main(['frameworks'], b)).toBe(0);
    expect(b.out).toContain('Bộ tiêu chí dựng sẵn (5)');
    expect(b.out).toContain('national-province-876 — 2022–2030');
    expect(b.out).toContain('national-province-2948 — 2017–2021');
    expect(b.out).toContain('service-delivery-766 — từ 2022');
    // 876: 88 sub-criteria plus the SIPAS criterion, scored as a whole = 89 scored leaves
    expect(b.out).toContain('8 lĩnh vực, 89 tiêu chí chấm điểm; 68 điểm thẩm định + 32 điểm điều tra xã hội học');
    expect(b.out).toContain('Điểm: chính thức ở 1 mục, minh hoạ ở 132 mục');
    expect(b.out).toContain('missingSurvey: rescale');
    const en = io();
    expect(await main(['frameworks', '--lang', 'en'], en)).toBe(0);
    expect(en.out).toContain('service-delivery-766 — from 2022');
    expect(en.out).toContain('8 areas, 89 scored criteria; 68 appraisal + 32 survey points');
  });

  test('--json gives the summaries; a stray argument is a usage error', async () => {
    const b = io();
    expect(await main(['frameworks', '--json'], b)).toBe(0);
    const list = JSON.parse(b.out) as { id: string; years?: { from: number; to?: number }; yearsText?: string; appraisal: number; survey: number }[];
    expect(list.map((s) => s.id)).toEqual(builtinFrameworkSummaries().map((s) => s.id));
    expect(list.find((s) => s.id === 'hanoi-ward-2940')).toMatchObject({ years: { from: 2022, to: 2023 }, yearsText: '2022–2023', appraisal: 80, survey: 20 });
    expect(await main(['frameworks', 'x'], io())).toBe(2);
  });
});
