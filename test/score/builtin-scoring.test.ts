import { scoreDocument, whatIf, scoringDocumentSchema, getBuiltinFramework, builtinUnits, gapsByLead } from '../../engine';

describe('scoring with the built-in Thanh Xuân 2023 set and unit list', () => {
  const framework = getBuiltinFramework('thanh-xuan-2023');

  test('district scored on all 100 points, wards on the criteria that apply to wards, offices not ranked', () => {
    const r = scoreDocument({ framework, units: builtinUnits, assessments: [] });
    expect(r.ok).toBe(true);
    const kinds = new Set(r.results.units.map((u) => u.kind));
    expect([...kinds].sort()).toEqual(['district', 'ward']);
    expect(r.results.units).toHaveLength(12);
    const qtx = r.results.units.find((u) => u.code === 'QTX');
    expect(qtx?.max).toBe(100);
    // District-only leaves: 1.1.7–1.1.10 (4 × 2), 1.2.4–1.2.5 (2 × 2,5), 1.4.1 (2), 1.4.3–1.4.6 (4 × 2),
    // 1.6.1, 1.6.2, 1.6.5 (3 × 3) = 8 + 5 + 2 + 8 + 9 = 32 → wards are scored on 68 points.
    for (const u of r.results.units.filter((x) => x.kind === 'ward')) expect([u.code, u.max]).toEqual([u.code, 68]);
    // nothing answered: everyone ties at rank 1 within its kind
    expect(new Set(r.results.units.map((u) => u.rank))).toEqual(new Set([1]));
  });

  test('offices answer for the district; gaps land on the lead office', () => {
    const r = scoreDocument({
      framework,
      units: builtinUnits,
      assessments: [
        { unit: 'TP', criterion: '1.2.1', value: '85%' }, // [80, 100) → half of 2,5 = 1,25
        { unit: 'TCKH', criterion: '1.4.1', value: '10%' }, // 10 / 20 × 2 = 1
        { unit: 'VP', criterion: '1.5.1', value: '100%' }, // 3
      ],
      surveyIndices: { QTX: { 'II.1': 90 } }, // 1.3.4: 3 × 90% = 2,7
    });
    // survey leaves without a survey result are reported (warning rule.surveyMissing), nothing else
    expect(r.issues.filter((i) => i.severity !== 'info' && i.code !== 'rule.surveyMissing')).toEqual([]);
    expect(r.issues.some((i) => i.code === 'rule.surveyMissing' && i.unit === 'QTX' && i.criterion === '1.3.5')).toBe(true);
    const qtx = r.results.units.find((u) => u.code === 'QTX');
    expect(qtx?.score).toBeCloseTo(1.25 + 1 + 3 + 2.7, 9);
    const tp = gapsByLead(r.results, 'QTX').find((g) => g.key === 'TP');
    // TP leads area 1.2 (12 points): lost 12 − 1,25
    expect(tp?.lost).toBeCloseTo(10.75, 9);
  });

  test('what-if on an office row changes the district', () => {
    const doc = scoringDocumentSchema.parse({ framework, units: builtinUnits, assessments: [{ unit: 'TP', criterion: '1.2.1', value: '85%' }] });
    // 1.2.1 at 100% → full 2,5 instead of 1,25: district +1,25 points, index +1,25 (max 100)
    const w = whatIf(doc, [{ unit: 'TP', criterion: '1.2.1', value: '100%' }]);
    expect(w.issues).toEqual([]);
    const q = w.units.find((u) => u.code === 'QTX');
    expect(q?.delta.score).toBeCloseTo(1.25, 9);
    expect(q?.delta.index).toBeCloseTo(1.25, 9);
    expect(w.units.filter((u) => u.changed).map((u) => u.code)).toEqual(['QTX']);
  });
});

describe('framework given by built-in id', () => {
  test('"framework": "thanh-xuan-2023" scores with the built-in set; an unknown id is a located error listing the known ones', () => {
    const r = scoreDocument({ framework: 'thanh-xuan-2023', units: builtinUnits, assessments: [{ unit: 'KG', criterion: '1.1.6', value: 'Có' }] });
    expect(r.ok).toBe(true);
    expect(r.results.framework.id).toBe('thanh-xuan-2023');
    expect(r.results.units.find((u) => u.code === 'KG')?.score).toBe(1);
    const bad = scoreDocument({ framework: 'tx-2099', units: builtinUnits });
    expect(bad.ok).toBe(false);
    expect(bad.issues.map((i) => [i.code, i.path?.join('.')])).toEqual([['framework.unknownBuiltin', 'framework']]);
    expect(bad.results.issues[0]?.message).toContain('thanh-xuan-2023, hanoi-ward-2940, national-province-876, national-province-2948, service-delivery-766');
  });
});
