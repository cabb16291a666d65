import fc from 'fast-check';
import type { AssessedValue } from '../model/assessment';
import { ruleKinds } from './registry';
import { compileRule } from './testkit';
import type { CompiledRule, RuleInput } from './types';

/**
 * Properties every rule kind must keep, for random params and random values:
 *  - compiling never throws (bad params come back as issues);
 *  - scoring never throws and gives 0 ≤ points ≤ max, a finite number;
 *  - explain / describe never throw, in both languages;
 *  - monotone where the rule is: bands (increasing shares), proportional, survey, perItem
 *    increasing; deduction decreasing in the count; timeliness non-increasing in lateness.
 */

const scalar = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer({ min: -1000, max: 100000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('Có', 'Không', 'Không áp dụng', '', ' ', '87,5%', '18/20', '3/0', '15/07/2023', '2023-02-30', 'Quá hạn 5 ngày', 'Đúng hạn', 'A', 'Hoàn thành tốt', 'NaN', '-0', '1e309'),
);
const anyValue: fc.Arbitrary<AssessedValue | undefined> = fc.oneof(
  scalar,
  fc.constant(undefined),
  fc.dictionary(fc.constantFrom('a', 'b', 'A', 'B', 'onTime', 'late', 'due', 'Vi phạm nhẹ', 'x', 'constructor'), scalar, { maxKeys: 4 }),
);
const anyInput: fc.Arbitrary<RuleInput> = fc.record({
  value: anyValue,
  survey: fc.option(fc.oneof(fc.double(), fc.double({ min: 0, max: 100, noNaN: true })), { nil: undefined }),
});
const maxArb = fc.oneof(fc.constantFrom(0, 0.25, 0.5, 1, 2, 10), fc.double({ min: 0, max: 50, noNaN: true }));
const share = fc.double({ min: 0, max: 1, noNaN: true });

/** Cuts 0 < c1 < … < ck < 100 and shares increasing with the value: a covering, monotone band list. */
const monotoneBands = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 5 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), fc.array(share, { minLength: 6, maxLength: 6 }), fc.boolean())
  .map(([cutsRaw, lowerIncl, sharesRaw, descending]) => {
    const cuts = [...cutsRaw].sort((a, b) => a - b);
    const shares = [...sharesRaw].sort((a, b) => a - b);
    const bands: Record<string, unknown>[] = [];
    for (let i = 0; i <= cuts.length; i++) {
      const b: Record<string, unknown> = { share: shares[i] };
      if (i > 0) {
        b.from = cuts[i - 1];
        b.fromInclusive = lowerIncl[i - 1] ?? true; // the cut belongs to the upper band…
      }
      if (i < cuts.length) {
        b.to = cuts[i];
        b.toInclusive = !(lowerIncl[i] ?? true); // …or else to the lower one
      }
      bands.push(b);
    }
    return descending ? bands.reverse() : bands;
  });

const specs: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  points: fc.constant({}),
  yesNo: fc.record({ yes: share, no: share }, { requiredKeys: [] }),
  levels: fc
    .uniqueArray(fc.record({ label: fc.constantFrom('Xuất sắc', 'Tốt', 'Khá', 'Đạt', 'Không đạt', 'A', 'B'), share }), { selector: (l) => l.label, minLength: 1, maxLength: 5 })
    .map((levels) => ({ levels })),
  bands: monotoneBands.map((bands) => ({ bands })),
  proportional: fc.record({ fullAt: fc.double({ min: 1, max: 99, noNaN: true }), inverse: fc.boolean(), step: fc.constantFrom(0.25, 0.5) }, { requiredKeys: [] }),
  deduction: fc.oneof(
    fc.record({ per: fc.double({ min: 0.01, max: 5, noNaN: true }), zeroAt: fc.integer({ min: 1, max: 10 }) }, { requiredKeys: ['per'] }),
    fc.record({ severities: fc.constant([{ label: 'Vi phạm nhẹ', share: 0.5 }, { label: 'Vi phạm nghiêm trọng', share: 1 }]) }),
  ),
  timeliness: fc.record(
    {
      deadline: fc.constantFrom('2023-07-20', '2023-12-31', '2024-02-29'),
      late: share,
      notDone: share,
    },
    { requiredKeys: [] },
  ),
  survey: fc.oneof(
    fc.record({ fullAt: fc.double({ min: 1, max: 100, noNaN: true }), step: fc.constantFrom(0.25, 0.5) }, { requiredKeys: [] }),
    monotoneBands.map((bands) => ({ bands })),
    fc.constant({ answers: [{ label: 'A', share: 1 }, { label: 'B', share: 0.6 }, { label: 'C', share: 0.2 }, { label: 'D', share: 0 }] }),
  ),
  perItem: fc.record({ per: fc.double({ min: 0.01, max: 1, noNaN: true }), due: fc.integer({ min: 1, max: 20 }), latePer: fc.double({ min: 0, max: 0.01, noNaN: true }) }, { requiredKeys: [] }),
  formula: fc.constantFrom(
    { formula: 'min(a / b * max, max)', variables: ['a', 'b'] },
    { formula: 'if(a >= 90, max, a / 90 * max)', variables: ['a'] },
    { formula: 'a - b', variables: ['a', 'b'] },
    { formula: 'round(a * b, 2) / (a - b)', variables: ['a', 'b'] },
    { formula: 'a > b ? max * 2 : -max', variables: ['a', 'b'] },
  ),
};

test('every registered kind has a generator here', () => {
  expect(Object.keys(specs).sort()).toEqual(Object.keys(ruleKinds).sort());
});

function tryCompile(kind: string, params: Record<string, unknown>, max: number): CompiledRule | undefined {
  const k = ruleKinds[kind as keyof typeof ruleKinds];
  const r = k.compile({ kind, ...params }, max);
  return r.ok ? r.rule : undefined;
}

describe.each(Object.keys(specs))('%s', (kind) => {
  const spec = specs[kind] as fc.Arbitrary<Record<string, unknown>>;

  test('random params and values: never throws, 0 ≤ points ≤ max, words in vi and en', () => {
    fc.assert(
      fc.property(spec, maxArb, anyInput, (params, max, input) => {
        const rule = tryCompile(kind, params, max);
        if (!rule) return; // params inconsistent with this max (e.g. points above it): reported as issues
        const o = rule.score(input);
        expect(Number.isFinite(o.points)).toBe(true);
        expect(o.points).toBeGreaterThanOrEqual(0);
        expect(o.points).toBeLessThanOrEqual(max);
        if (o.missing) expect(o.points).toBe(0);
        for (const lang of ['vi', 'en'] as const) {
          expect(typeof rule.explain(o, lang)).toBe('string');
          expect(rule.describe(lang).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('garbage params never throw: they compile or return issues', () => {
    fc.assert(
      fc.property(fc.object({ maxDepth: 2 }), maxArb, (raw, max) => {
        const r = ruleKinds[kind as keyof typeof ruleKinds].compile({ kind, ...raw }, max);
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

const rate = fc.double({ min: 0, max: 100, noNaN: true });

describe('monotone where the rule is', () => {
  test('bands with increasing shares: a higher rate never scores less', () => {
    fc.assert(
      fc.property(monotoneBands, rate, rate, (bands, x, y) => {
        const r = compileRule({ kind: 'bands', bands }, 1);
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(r.score({ value: lo }).points).toBeLessThanOrEqual(r.score({ value: hi }).points);
      }),
    );
  });

  test('proportional: increasing; inverse: decreasing', () => {
    fc.assert(
      fc.property(fc.record({ fullAt: fc.double({ min: 1, max: 99, noNaN: true }), step: fc.constantFrom(0.25, 0.5) }, { requiredKeys: [] }), fc.boolean(), rate, rate, (p, inverse, x, y) => {
        const r = compileRule({ kind: 'proportional', ...p, inverse }, 2);
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const a = r.score({ value: lo }).points;
        const b = r.score({ value: hi }).points;
        if (inverse) expect(a).toBeGreaterThanOrEqual(b);
        else expect(a).toBeLessThanOrEqual(b);
      }),
    );
  });

  test('survey: a higher index never scores less', () => {
    fc.assert(
      fc.property(specs.survey as fc.Arbitrary<Record<string, unknown>>, rate, rate, (p, x, y) => {
        const r = compileRule({ kind: 'survey', ...p }, 1);
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(r.score({ value: undefined, survey: lo }).points).toBeLessThanOrEqual(r.score({ value: undefined, survey: hi }).points);
      }),
    );
  });

  test('deduction: more violations never score more', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 2, noNaN: true }), fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }), fc.nat(30), fc.nat(30), (per, zeroAt, m, n) => {
        const r = compileRule({ kind: 'deduction', per, ...(zeroAt !== undefined ? { zeroAt } : {}) }, 1);
        const [lo, hi] = m <= n ? [m, n] : [n, m];
        expect(r.score({ value: lo }).points).toBeGreaterThanOrEqual(r.score({ value: hi }).points);
      }),
    );
  });

  test('timeliness: later completion never scores more; "not done" scores no more than late', () => {
    const day = fc.integer({ min: -60, max: 120 });
    fc.assert(
      fc.property(
        fc.record({ late: share, schedule: fc.constant([{ upTo: 5, share: 0.75 }, { upTo: 10, share: 0.5 }, { upTo: 30, share: 0.25 }]) }, { requiredKeys: [] }),
        day,
        day,
        (p, d1, d2) => {
          const params = p.schedule ? { schedule: p.schedule } : p;
          const r = compileRule({ kind: 'timeliness', deadline: '2023-07-20', ...params }, 1);
          const at = (d: number): string => new Date(Date.UTC(2023, 6, 20 + d)).toISOString().slice(0, 10);
          const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
          expect(r.score({ value: at(early) }).points).toBeGreaterThanOrEqual(r.score({ value: at(late) }).points);
          expect(r.score({ value: 'Chưa thực hiện' }).points).toBeLessThanOrEqual(r.score({ value: at(late) }).points);
        },
      ),
    );
  });

  test('perItem: more items on time never score less', () => {
    fc.assert(
      fc.property(specs.perItem as fc.Arbitrary<Record<string, unknown>>, fc.nat(40), fc.nat(40), (p, m, n) => {
        const r = compileRule({ kind: 'perItem', due: 10, ...p }, 1);
        const [lo, hi] = m <= n ? [m, n] : [n, m];
        expect(r.score({ value: lo }).points).toBeLessThanOrEqual(r.score({ value: hi }).points);
      }),
    );
  });
});
