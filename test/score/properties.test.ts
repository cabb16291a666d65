import fc from 'fast-check';
import { scoreDocument, validateFramework, whatIf, scoringDocumentSchema, type FrameworkNode, type NodeResult, type ScoringDocumentInput } from '../../engine';

type Kind = 'yesNo' | 'points' | 'proportional' | 'bands';
const ruleOf = (k: Kind): Record<string, unknown> & { kind: string } =>
  k === 'bands' ? { kind: 'bands', bands: [{ from: 90, share: 1 }, { from: 50, to: 90, share: 0.5 }, { to: 50, share: 0 }] } : { kind: k };

const leafArb = fc.record({
  kind: fc.constantFrom<Kind>('yesNo', 'points', 'proportional', 'bands'),
  quarters: fc.integer({ min: 1, max: 20 }),
  na: fc.constantFrom<'exclude' | 'full' | undefined>('exclude', 'full', undefined),
});
const frameworkArb = fc.array(fc.array(leafArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 });

const valueArb = fc.oneof(
  fc.constantFrom('Có', 'Không', 'Không áp dụng', '', 'x'),
  fc.double({ min: -20, max: 120, noNaN: true }),
  fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
);
const answerArb = fc.record(
  {
    value: valueArb,
    self: fc.double({ min: -1, max: 6, noNaN: true }),
    appraisal: fc.array(fc.double({ min: -1, max: 6, noNaN: true }), { maxLength: 2 }),
    notApplicable: fc.boolean(),
    reason: fc.constant('r'),
  },
  { requiredKeys: [] },
);

interface Gen {
  doc: ScoringDocumentInput;
  leaves: string[];
}

const docArb: fc.Arbitrary<Gen> = frameworkArb.chain((areas) => {
  const leaves: string[] = [];
  const nodes: FrameworkNode[] = areas.map((ls, ai) => ({
    code: `${ai + 1}`,
    name: `Lĩnh vực ${ai + 1}`,
    children: ls.map((l, li) => {
      const code = `${ai + 1}.${li + 1}`;
      leaves.push(code);
      return { code, name: code, max: l.quarters / 4, rule: ruleOf(l.kind), ...(l.na ? { notApplicable: l.na } : {}) };
    }),
  }));
  const total = areas.flat().reduce((s, l) => s + l.quarters / 4, 0);
  return fc.integer({ min: 1, max: 8 }).chain((nUnits) => {
    const units = Array.from({ length: nUnits }, (_, i) => ({ code: `U${i}`, name: `Phường ${i}`, kind: 'ward' }));
    const cells = units.flatMap((u) => leaves.map((c) => ({ unit: u.code, criterion: c })));
    return fc.array(fc.option(answerArb, { nil: undefined }), { minLength: cells.length, maxLength: cells.length }).map((answers) => ({
      leaves,
      doc: {
        framework: { id: 'p', name: 'P', total, nodes },
        units,
        assessments: cells.flatMap((cell, i) => {
          const a = answers[i];
          return a ? [{ ...cell, ...a }] : [];
        }),
      },
    }));
  });
});

function leavesOf(nodes: readonly NodeResult[]): NodeResult[] {
  return nodes.flatMap((n) => (n.children ? leavesOf(n.children) : [n]));
}

describe('scoring properties', () => {
  test('0 ≤ points ≤ max per leaf; index in [0, 100]', () => {
    fc.assert(
      fc.property(docArb, ({ doc }) => {
        const { results } = scoreDocument(doc);
        expect(results.units.length).toBe(doc.units.length);
        for (const u of results.units) {
          expect(u.index).toBeGreaterThanOrEqual(0);
          expect(u.index).toBeLessThanOrEqual(100);
          for (const l of leavesOf(u.tree)) {
            expect(l.score).toBeGreaterThanOrEqual(0);
            expect(l.score).toBeLessThanOrEqual(l.max + 1e-12);
            expect(l.max).toBeLessThanOrEqual(l.declaredMax);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  test('ranking is invariant under the order of units and assessments', () => {
    fc.assert(
      fc.property(docArb, fc.integer(), ({ doc }, seed) => {
        const a = scoreDocument(doc).results.units;
        const shuffle = <T,>(xs: readonly T[]): T[] => {
          const out = [...xs];
          let s = seed | 0;
          for (let i = out.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1103515245) + 12345) | 0;
            const j = Math.abs(s) % (i + 1);
            const tmp = out[i] as T;
            out[i] = out[j] as T;
            out[j] = tmp;
          }
          return out;
        };
        // Reordering assessments changes which duplicate is first, but there are no duplicates here.
        const b = scoreDocument({ ...doc, units: shuffle(doc.units), assessments: shuffle(doc.assessments ?? []) }).results.units;
        const key = (us: typeof a) => Object.fromEntries(us.map((u) => [u.code, [u.rank, u.index, u.grade]]));
        expect(key(b)).toEqual(key(a));
      }),
      { numRuns: 100 },
    );
  });

  test('index is monotone non-decreasing when one leaf’s points go up', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ({ doc, leaves }, pick, s1, s2) => {
        const parsed = scoringDocumentSchema.parse(doc);
        const unit = parsed.units[pick % parsed.units.length]?.code ?? 'U0';
        const criterion = leaves[pick % leaves.length] ?? '1.1';
        const max = parsed.framework.nodes.flatMap((n) => n.children ?? []).find((n) => n.code === criterion)?.max ?? 0;
        const [lo, hi] = s1 <= s2 ? [s1 * max, s2 * max] : [s2 * max, s1 * max];
        const at = (p: number) => whatIf(parsed, [{ unit, criterion, appraisal: [p], reason: 'giả định' }]).units.find((u) => u.code === unit);
        const low = at(lo);
        const high = at(hi);
        expect(high?.after.index ?? 0).toBeGreaterThanOrEqual((low?.after.index ?? 0) - 1e-9);
        expect(high?.after.rank ?? 0).toBeLessThanOrEqual(low?.after.rank ?? 0);
      }),
      { numRuns: 150 },
    );
  });
});

describe('never throws', () => {
  test('scoreDocument and validateFramework on arbitrary values return issues, never throw', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = scoreDocument(x);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
        const v = validateFramework(x);
        if (!v.compiled) expect(v.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  test('arbitrary JSON in assessment fields: issues, never exceptions', () => {
    fc.assert(
      fc.property(docArb, fc.array(fc.dictionary(fc.constantFrom('unit', 'criterion', 'value', 'self', 'appraisal', 'notApplicable', 'reason'), fc.jsonValue()), { maxLength: 5 }), ({ doc }, extra) => {
        const r = scoreDocument({ ...doc, assessments: [...(doc.assessments ?? []), ...extra] });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 150 },
    );
  });
});
