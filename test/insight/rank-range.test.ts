import { scoreDocument, scoreDocumentRound, rankWithRange, normalCdf, type UnitResult } from '../../engine';

/**
 * Rank uncertainty (issue 15, part 1), cases computed by hand.
 *
 * Criteria: 1.1 yes/no (50 points, appraisal channel), 1.2 survey index × 50 ÷ 100 (survey channel).
 *   A: 1.1 Có (50) + 1.2 index 80 [70, 88] → 40 [35, 44]   → index 90 [85, 94]
 *   B: 1.1 Có (50) + 1.2 index 76 [66, 85] → 38 [33, 42,5] → index 88 [83, 92,5]
 *   C: 1.1 Không (0) + 1.2 index 60 [55, 65] → 30 [27,5; 32,5] → index 30 [27,5; 32,5]
 * Ranks 1, 2, 3. A best 1; worst: B at its high (92,5) passes A at its low (85) → 2. B best: A at
 * its low (85) is not above B at its high (92,5) → 1; worst 2. C: nobody crosses → 3 (3–3).
 * A ahead of B: d = 2; s_A = 9 ÷ 3,92 = 2,296, s_B = 9,5 ÷ 3,92 = 2,424; z = 2 ÷ √(2,296² + 2,424²) = 0,5991
 * → Φ(0,5991) = 0,7254.
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
const units = ['A', 'B', 'C'].map((code) => ({ code, name: `Phường ${code}`, kind: 'ward' }));
const doc = {
  framework,
  units,
  assessments: [
    { unit: 'A', criterion: '1.1', value: 'Có' },
    { unit: 'B', criterion: '1.1', value: 'Có' },
    { unit: 'C', criterion: '1.1', value: 'Không' },
  ],
  surveyIndices: { A: { '1.2': 80 }, B: { '1.2': 76 }, C: { '1.2': 60 } },
  surveyIntervals: { A: { '1.2': [70, 88] }, B: { '1.2': [66, 85] }, C: { '1.2': [55, 65] } },
};
const byCode = (list: readonly UnitResult[], code: string): UnitResult | undefined => list.find((u) => u.code === code);

describe('rankRange: analytic bounds within the survey indices 95% intervals', () => {
  const { results, ok } = scoreDocument(doc);
  test('two close units with small samples overlap; a far unit keeps a single rank', () => {
    expect(ok).toBe(true);
    const [a, b, c] = ['A', 'B', 'C'].map((x) => byCode(results.units, x));
    expect([a?.index, b?.index, c?.index]).toEqual([90, 88, 30]);
    expect([a?.rank, b?.rank, c?.rank]).toEqual([1, 2, 3]);
    expect(a?.indexRange?.[0]).toBeCloseTo(85, 9);
    expect(a?.indexRange?.[1]).toBeCloseTo(94, 9);
    expect(b?.indexRange?.[0]).toBeCloseTo(83, 9);
    expect(b?.indexRange?.[1]).toBeCloseTo(92.5, 9);
    expect(c?.indexRange?.[0]).toBeCloseTo(27.5, 9);
    expect(c?.indexRange?.[1]).toBeCloseTo(32.5, 9);
    expect(a?.rankRange).toEqual([1, 2]);
    expect(b?.rankRange).toEqual([1, 2]);
    expect(c?.rankRange).toEqual([3, 3]);
    expect(rankWithRange(b ?? { rank: 0 })).toBe('2 (1–2)');
    expect(rankWithRange(c ?? { rank: 0 })).toBe('3');
  });

  test('the probability that neighbours are in the right order (normal approximation)', () => {
    const a = byCode(results.units, 'A');
    const b = byCode(results.units, 'B');
    expect(a?.aheadOfNext?.unit).toBe('B');
    expect(a?.aheadOfNext?.probability).toBeCloseTo(0.7254, 4);
    // B is 58 points above C with half-widths of 5 or less: certain to 10 places
    expect(b?.aheadOfNext).toEqual({ unit: 'C', probability: expect.closeTo(1, 10) as number });
    expect(byCode(results.units, 'C')?.aheadOfNext).toBeUndefined();
  });

  test('no sampling error (indices without intervals, or appraised survey points): one rank each', () => {
    const { results: bare } = scoreDocument({ ...doc, surveyIntervals: undefined });
    expect(bare.units.map((u) => [u.code, u.rankRange, u.indexRange])).toEqual([
      ['A', [1, 1], undefined],
      ['B', [2, 2], undefined],
      ['C', [3, 3], undefined],
    ]);
    expect(byCode(bare.units, 'A')?.aheadOfNext).toEqual({ unit: 'B', probability: 1 });
    // B's survey points appraised (final points from the appraisal round): its points carry no
    // sampling error, but A's interval still crosses B's index (A at 85 < B at 88) → B can be 1st
    const appraised = scoreDocument({ ...doc, assessments: [...doc.assessments, { unit: 'B', criterion: '1.2', appraisal: [38] }] }).results.units;
    expect(byCode(appraised, 'B')?.indexRange).toBeUndefined();
    expect(byCode(appraised, 'B')?.rankRange).toEqual([1, 2]);
  });

  test('a banded survey rule is bounded over its interval, not only at the ends', () => {
    // bands: ≥ 90 full, 80–90 half, < 80 none; A at 80 [70, 88]: 25 points, low 0, high 25
    const banded = {
      ...doc,
      framework: {
        ...framework,
        nodes: [{ ...framework.nodes[0], children: [framework.nodes[0]?.children[0], { code: '1.2', name: 'Hài lòng', max: 50, channel: 'survey', rule: { kind: 'survey', bands: [{ from: 90, share: 1 }, { from: 80, to: 90, share: 0.5 }, { to: 80, share: 0 }] } }] }],
      },
    };
    const { results: r } = scoreDocument(banded);
    const a = byCode(r.units, 'A');
    expect(a?.index).toBe(75);
    expect(a?.indexRange).toEqual([50, 75]);
  });

  test('through a SIPAS part: the intervals of the computed indices reach the ranks', () => {
    // 1.2 reads the SIPAS overall index of each ward; P: 3 of 4 answers at 4–5, Q: 2 of 4
    const sipasDoc = {
      framework: { ...framework, nodes: [{ ...framework.nodes[0], children: [framework.nodes[0]?.children[0], { code: '1.2', name: 'Hài lòng', max: 50, channel: 'survey', source: 'overall', rule: { kind: 'survey' } }] }] },
      units: [
        { code: 'P', name: 'Phường P', kind: 'ward' },
        { code: 'Q', name: 'Phường Q', kind: 'ward' },
      ],
      assessments: [
        { unit: 'P', criterion: '1.1', value: 'Có' },
        { unit: 'Q', criterion: '1.1', value: 'Có' },
      ],
      sipas: {
        instrument: { id: 'i', name: 'I', groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'A', items: [{ id: 'q1', text: 'q1' }] }] }] },
        responses: [5, 4, 4, 1, 5, 4, 2, 1].map((v, i) => ({ unit: i < 4 ? 'P' : 'Q', answers: { q1: v } })),
      },
    };
    const round = scoreDocumentRound(sipasDoc, { lang: 'vi' });
    const p = byCode(round.results?.units ?? [], 'P');
    const q = byCode(round.results?.units ?? [], 'Q');
    expect([p?.index, q?.index]).toEqual([87.5, 75]);
    // four answers each: wide intervals, the two wards can swap
    expect(p?.rankRange).toEqual([1, 2]);
    expect(q?.rankRange).toEqual([1, 2]);
    expect(p?.indexRange?.[0]).toBeLessThan(87.5);
    // an index entered directly overrides SIPAS and has no known sampling error
    const fixed = scoreDocumentRound({ ...sipasDoc, surveyIndices: { P: { overall: 75 }, Q: { overall: 50 } } }, { lang: 'vi' });
    expect(byCode(fixed.results?.units ?? [], 'P')?.indexRange).toBeUndefined();
    expect(byCode(fixed.results?.units ?? [], 'P')?.rankRange).toEqual([1, 1]);
  });

  test('normalCdf against known values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
  });
});
