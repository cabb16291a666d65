import { scoreSipas, type SipasResult } from '../../engine/sipas';
import { SIPAS_MAX_COUNT, SIPAS_MAX_WEIGHT } from '../../engine/sipas/document';
import { formatIssue } from '../../engine/i18n';
import fc from 'fast-check';

/** One group, one aspect, one item: every index of a unit equals the item's share of 4–5 answers. */
const ins = { groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'G.1', items: ['q'] }] }] };

/** Every index (item, aspect, group, overall) and interval end of every unit. */
function allIndices(r: SipasResult): (number | null)[] {
  const out: (number | null)[] = [];
  for (const u of r.units) {
    out.push(u.overall, u.low, u.high);
    for (const g of u.groups) {
      out.push(g.index, g.low, g.high);
      for (const a of g.aspects) {
        out.push(a.index, a.low, a.high);
        for (const it of a.items) out.push(it.index, it.low, it.high);
      }
    }
  }
  return out;
}
const inRange = (x: number | null): boolean => x === null || (Number.isFinite(x) && x >= 0 && x <= 100);

describe('response weights: bounded, located errors', () => {
  test('a weight of 1e308 is refused with the value and the bound; the other rows still score', () => {
    const out = scoreSipas({ instrument: ins, responses: [{ unit: 'U', answers: { q: 5 }, weight: 1e308 }, { unit: 'U', answers: { q: 2 } }, { unit: 'U', answers: { q: 4 } }] });
    expect(out.ok).toBe(false);
    const bad = out.result.issues.filter((i) => i.code === 'sipas.response.badWeight');
    expect(bad).toEqual([expect.objectContaining({ severity: 'error', path: ['responses', 0], unit: 'U', params: { row: 1, value: '1e+308', max: SIPAS_MAX_WEIGHT } })]);
    expect(formatIssue(bad[0]!, 'vi')).toBe('responses.0 (đơn vị U): Phiếu dòng 1: trọng số "1e+308" phải là số dương không quá 1.000.000; phiếu bị bỏ qua');
    expect(formatIssue(bad[0]!, 'en')).toContain('no greater than 1,000,000');
    // rows 2 (level 2) and 3 (level 4) remain: 1 of 2 at 4–5 = 50%
    expect(out.result.units[0]?.overall).toBe(50);
    expect(allIndices(out.result).every(inRange)).toBe(true);
  });
  test('two weights of 1e308 no longer turn a unit with data into "no data"', () => {
    const out = scoreSipas({ instrument: ins, responses: [{ unit: 'U', answers: { q: 5 }, weight: 1e308 }, { unit: 'U', answers: { q: 5 }, weight: 1e308 }, { unit: 'U', answers: { q: 5 } }] });
    expect(out.result.issues.filter((i) => i.code === 'sipas.response.badWeight').map((i) => i.path)).toEqual([['responses', 0], ['responses', 1]]);
    expect(out.result.issues.some((i) => i.code === 'sipas.unit.noData')).toBe(false);
    expect(out.result.units[0]?.overall).toBe(100); // the one weight-1 row answered 5
  });
  test('Infinity, NaN, negative and zero weights are refused; the bound itself is accepted', () => {
    const weights = [Number.POSITIVE_INFINITY, Number.NaN, -2, 0, SIPAS_MAX_WEIGHT * 1.5];
    const out = scoreSipas({ instrument: ins, responses: [...weights.map((weight) => ({ unit: 'U', answers: { q: 1 }, weight })), { unit: 'U', answers: { q: 5 }, weight: SIPAS_MAX_WEIGHT }, { unit: 'U', answers: { q: 1 }, weight: 1 }] });
    expect(out.result.issues.filter((i) => i.code === 'sipas.response.badWeight').map((i) => i.params?.['value'])).toEqual(['Infinity', 'NaN', '-2', '0', '1500000']);
    // accepted: 10⁶ at level 5, 1 at level 1 → 10⁶ / (10⁶ + 1) · 100 = 99.9999000001 %
    expect(out.result.units[0]?.overall).toBeCloseTo((1e6 / (1e6 + 1)) * 100, 10);
    expect(allIndices(out.result).every(inRange)).toBe(true);
  });
  test('10 000 rows at the largest weight: every sum stays finite, the index is exact', () => {
    const responses = Array.from({ length: 10000 }, (_, k) => ({ unit: 'U', answers: { q: k % 4 === 0 ? 2 : 5 }, weight: SIPAS_MAX_WEIGHT }));
    const out = scoreSipas({ instrument: ins, responses }, { method: 'meanScore' });
    // meanScore: level 5 → 100, level 2 → 25; ¾ · 100 + ¼ · 25 = 81.25 (equal weights cancel)
    expect(out.ok).toBe(true);
    expect(out.result.units[0]?.overall).toBeCloseTo(81.25, 9);
    expect(allIndices(out.result).every(inRange)).toBe(true);
  });
});

describe('counts: bounded, located errors', () => {
  test('a count of 1e308 in levels is refused with its path, value and bound', () => {
    const out = scoreSipas({ instrument: ins, counts: [{ unit: 'U', item: 'q', levels: [0, 0, 0, 1e308, 0] }, { unit: 'U', item: 'q', levels: [1, 0, 0, 0, 3] }] });
    expect(out.ok).toBe(false);
    const bad = out.result.issues.filter((i) => i.code === 'sipas.count.outOfRange');
    expect(bad).toEqual([expect.objectContaining({ severity: 'error', path: ['counts', 0], unit: 'U', criterion: 'q', params: { path: 'counts.0.levels.3', value: '1e+308', max: SIPAS_MAX_COUNT } })]);
    expect(formatIssue(bad[0]!, 'vi')).toBe('counts.0 (đơn vị U, tiêu chí q): Dòng số liệu tổng hợp tại counts.0.levels.3: số lượng "1e+308" phải là số không âm, không quá 1.000.000.000; dòng bị bỏ qua');
    // the second row remains: 3 of 4 at 4–5 = 75%
    expect(out.result.units[0]?.overall).toBe(75);
    expect(out.result.issues.some((i) => i.code === 'sipas.unit.noData')).toBe(false);
  });
  test('two counts of 1e308 do not make "no data" of a unit with data', () => {
    const out = scoreSipas({ instrument: ins, responses: [{ unit: 'U', answers: { q: 4 } }], counts: [{ unit: 'U', item: 'q', levels: [1e308, 0, 0, 0, 1e308] }] });
    expect(out.result.issues.filter((i) => i.code === 'sipas.count.outOfRange').map((i) => i.params?.['path'])).toEqual(['counts.0.levels.0', 'counts.0.levels.4']);
    expect(out.result.issues.some((i) => i.code === 'sipas.unit.noData')).toBe(false);
    expect(out.result.units[0]?.overall).toBe(100);
  });
  test('negative, non-finite and oversized blanks are refused; the bound itself is accepted', () => {
    const out = scoreSipas({
      instrument: ins,
      counts: [
        { unit: 'U', item: 'q', levels: [-1, 0, 0, 0, 0] },
        { unit: 'U', item: 'q', levels: [0, 0, Number.NaN, 0, 0] },
        { unit: 'U', item: 'q', levels: [0, 0, 0, 0, 1], blank: Number.POSITIVE_INFINITY },
        { unit: 'U', item: 'q', levels: [SIPAS_MAX_COUNT, 0, 0, 0, SIPAS_MAX_COUNT], blank: SIPAS_MAX_COUNT },
      ],
    });
    expect(out.result.issues.filter((i) => i.code === 'sipas.count.outOfRange').map((i) => [i.params?.['path'], i.params?.['value']])).toEqual([
      ['counts.0.levels.0', '-1'],
      ['counts.1.levels.2', 'NaN'],
      ['counts.2.blank', 'Infinity'],
    ]);
    // 10⁹ at level 1 and 10⁹ at level 5 → 50%
    expect(out.result.units[0]?.overall).toBe(50);
    expect(out.result.units[0]?.groups[0]?.aspects[0]?.items[0]?.blank).toBe(SIPAS_MAX_COUNT);
  });
  test('text in levels is still a schema error (sipas.count.invalid)', () => {
    const out = scoreSipas({ instrument: ins, counts: [{ unit: 'U', item: 'q', levels: [0, 'x', 0, 0, 0] }] });
    expect(out.result.issues.map((i) => [i.code, (i.path ?? []).join('.')])).toContainEqual(['sipas.count.invalid', 'counts.0']);
  });
});

test('instrument weights above the bound are refused (their sums would overflow to a wrong 0)', () => {
  const big = { groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'G.1', items: [{ id: 'a', weight: 1e308 }, { id: 'b', weight: 1e308 }] }] }] };
  const out = scoreSipas({ instrument: big, responses: [{ unit: 'U', answers: { a: 5, b: 5 } }] });
  expect(out.ok).toBe(false);
  expect(out.result.issues.filter((i) => i.code === 'sipas.instrument.invalid').map((i) => (i.path ?? []).join('.'))).toEqual([
    'instrument.groups.0.aspects.0.items.0.weight',
    'instrument.groups.0.aspects.0.items.1.weight',
  ]);
});

test('property — any weights and counts give indices that are finite within [0, 100] or null, never a thrown error', () => {
  const num = fc.oneof(fc.double(), fc.constantFrom(1e308, -1e308, 0, 1, SIPAS_MAX_WEIGHT, SIPAS_MAX_COUNT, 5e-324, Number.MAX_VALUE));
  fc.assert(
    fc.property(
      fc.array(fc.record({ unit: fc.constantFrom('U', 'V'), answers: fc.record({ q: fc.integer({ min: 0, max: 6 }) }), weight: num }), { maxLength: 8 }),
      fc.array(fc.record({ unit: fc.constantFrom('U', 'V'), item: fc.constant('q'), levels: fc.array(num, { minLength: 5, maxLength: 5 }), blank: num }), { maxLength: 4 }),
      fc.constantFrom<'topTwoBox' | 'meanScore'>('topTwoBox', 'meanScore'),
      (responses, counts, method) => {
        const out = scoreSipas({ instrument: ins, responses, counts, pool: 'ALL' }, { method });
        const xs = allIndices(out.result);
        if (!xs.every(inRange)) throw new Error(`index out of range: ${JSON.stringify(xs)}`);
        for (const u of out.result.units) if (u.gap !== null && !Number.isFinite(u.gap)) throw new Error('gap not finite');
      },
    ),
    { numRuns: 300 },
  );
});
