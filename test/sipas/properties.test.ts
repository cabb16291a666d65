import fc from 'fast-check';
import { scoreSipas } from '../../engine/sipas';
import { smallInstrument } from './builders';

const answer = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom<number | string | null>(null, 'không trả lời', 7, 'x') },
);
const response = fc.record({
  unit: fc.constantFrom('KG', 'KD', 'HD'),
  answers: fc.record({ q1: answer, q2: answer, q3: answer, q4: answer, q5: answer }),
  weight: fc.oneof(fc.constant(1), fc.double({ min: 0.1, max: 10, noNaN: true })),
});
const count = fc.record({
  unit: fc.constantFrom('KG', 'KD'),
  item: fc.constantFrom('q1', 'q2', 'q3', 'q4', 'q5'),
  levels: fc.array(fc.nat({ max: 50 }), { minLength: 5, maxLength: 5 }),
});

function within(est: number | null, low: number | null, high: number | null): void {
  if (est === null) return;
  expect(est).toBeGreaterThanOrEqual(0);
  expect(est).toBeLessThanOrEqual(100 + 1e-9);
  expect(low).not.toBeNull();
  expect(high).not.toBeNull();
  expect(low as number).toBeGreaterThanOrEqual(0);
  expect(high as number).toBeLessThanOrEqual(100);
  expect(low as number).toBeLessThanOrEqual(est + 1e-9);
  expect(high as number).toBeGreaterThanOrEqual(est - 1e-9);
}

test.each(['topTwoBox', 'meanScore'] as const)('%s: indices in [0, 100], intervals contain the estimate, drags sum to the gap', (method) => {
  fc.assert(
    fc.property(fc.array(response, { maxLength: 60 }), fc.array(count, { maxLength: 6 }), fc.integer({ min: 50, max: 100 }), (responses, counts, target) => {
      const { result } = scoreSipas({ instrument: smallInstrument, method: { item: method, target }, responses, counts });
      for (const u of result.units) {
        within(u.overall, u.low, u.high);
        for (const g of u.groups) {
          within(g.index, g.low, g.high);
          for (const a of g.aspects) {
            within(a.index, a.low, a.high);
            for (const it of a.items) within(it.index, it.low, it.high);
          }
        }
        if (u.overall !== null) expect(u.drag.reduce((s, d) => s + d.drag, 0)).toBeCloseTo(target - u.overall, 8);
      }
    }),
    { numRuns: 200 },
  );
});
