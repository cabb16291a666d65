import { scoreDocument, whatIf, createSession, whatIfSession, scoringDocumentSchema, type FrameworkNode, type ScoringDocument } from '../../engine';

/** 150 wards × 200 criteria (10 areas × 20 leaves, 0,5 points each), several rule kinds, all answered. */
function bigDocument(): ScoringDocument {
  const kinds = [{ kind: 'yesNo' }, { kind: 'proportional', fullAt: 90 }, { kind: 'bands', bands: [{ from: 95, share: 1 }, { from: 80, to: 95, share: 0.5 }, { to: 80, share: 0 }] }, { kind: 'points' }];
  const nodes: FrameworkNode[] = Array.from({ length: 10 }, (_, a) => ({
    code: `${a + 1}`,
    name: `Lĩnh vực ${a + 1}`,
    lead: ['NV', 'TP', 'VP', 'TCKH'][a % 4],
    children: Array.from({ length: 20 }, (_, l) => ({ code: `${a + 1}.${l + 1}`, name: `Tiêu chí ${a + 1}.${l + 1}`, max: 0.5, rule: kinds[(a + l) % 4] })),
  }));
  const units = Array.from({ length: 150 }, (_, i) => ({ code: `P${i}`, name: `Phường ${i}`, kind: 'ward' }));
  const assessments = units.flatMap((u, i) =>
    nodes.flatMap((area) =>
      (area.children ?? []).map((leaf, j) => {
        const kind = (leaf.rule?.kind ?? 'points') as string;
        const k = (i * 31 + j * 7) % 100;
        const value = kind === 'yesNo' ? (k % 5 === 0 ? 'Không' : 'Có') : kind === 'points' ? undefined : `${k}%`;
        return { unit: u.code, criterion: leaf.code, ...(value !== undefined ? { value } : {}), self: (k % 3) * 0.25 };
      }),
    ),
  );
  return scoringDocumentSchema.parse({ framework: { id: 'big', name: 'Big', nodes, total: 100 }, units, assessments });
}

describe('performance', () => {
  test('what-if on 150 units × 200 criteria: well under 100 ms once scored', () => {
    const doc = bigDocument();
    let t0 = performance.now();
    const full = scoreDocument(doc);
    const fullMs = performance.now() - t0;
    expect(full.ok).toBe(true);
    expect(full.results.units).toHaveLength(150);

    const { session } = createSession(doc);
    if (!session) throw new Error('no session');
    const change = [
      { unit: 'P3', criterion: '1.1', value: 'Có' },
      { unit: 'P77', criterion: '5.4', appraisal: [0.5], reason: 'giả định' },
      { unit: 'P149', criterion: '10.20', notApplicable: true },
    ];
    // warm-up, then the best of 5 runs
    whatIfSession(session, change);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      const w = whatIfSession(session, change);
      runs.push(performance.now() - t0);
      expect(w.units).toHaveLength(150);
    }
    const best = Math.min(...runs);
    // whatIf(doc, …) on the same document object reuses its scored baseline
    whatIf(doc, change);
    t0 = performance.now();
    whatIf(doc, change);
    const cachedMs = performance.now() - t0;
    process.stdout.write(`score 150×200: ${fullMs.toFixed(1)} ms; what-if (3 changes): best ${best.toFixed(2)} ms, via whatIf(doc) ${cachedMs.toFixed(2)} ms\n`);
    expect(best).toBeLessThan(100);
    expect(cachedMs).toBeLessThan(100);
  });
});
