import { builtinSipasInstrument, validateSipasInstrument, instrumentItems, scoreSipas } from '../../engine/sipas';
import { formatIssue } from '../../engine/i18n';

describe('built-in instrument (2022+)', () => {
  const ins = builtinSipasInstrument();
  test('2 groups, 9 aspects, 39 items with the published structure', () => {
    expect(ins.groups.map((g) => g.code)).toEqual(['I', 'II']);
    expect(ins.groups.flatMap((g) => g.aspects.map((a) => [a.code, a.items.length]))).toEqual([
      ['I.1', 2], ['I.2', 2], ['I.3', 9], ['I.4', 10],
      ['II.1', 3], ['II.2', 4], ['II.3', 3], ['II.4', 3], ['II.5', 3],
    ]);
    expect(instrumentItems(ins)).toHaveLength(39);
  });
  test('item ids are the aspect code plus a number, and every item has Vietnamese wording', () => {
    for (const g of ins.groups)
      for (const a of g.aspects)
        a.items.forEach((it, k) => {
          expect(it.id).toBe(`${a.code}.${k + 1}`);
          expect(it.text.length).toBeGreaterThan(10);
        });
    expect(ins.groups[1]?.aspects[0]?.name).toBe('Tiếp cận dịch vụ');
  });
  test('is the default instrument of a document', () => {
    const out = scoreSipas({ responses: [{ unit: 'KG', answers: { 'II.1.1': 5 } }] });
    expect(out.result.instrument).toMatchObject({ id: 'sipas-2022', items: 39 });
    expect(out.result.units[0]?.overall).toBe(100);
  });
});

describe('instrument validation reports every problem with a path', () => {
  test('duplicates, empty parts, reserved code, zero weights', () => {
    const { instrument, issues } = validateSipasInstrument({
      groups: [
        { code: 'I', name: 'I', aspects: [{ code: 'I.1', name: 'a', items: ['q1', 'q2'] }, { code: 'I.1', name: 'b', items: [] }] },
        { code: 'overall', name: 'x', aspects: [] },
        { code: 'III', name: 'y', aspects: [{ code: 'III.1', name: 'c', items: ['q2', { id: 'q3', weight: 0 }] }, { code: 'III.2', name: 'd', items: [{ id: 'q4', weight: 0 }] }] },
      ],
    });
    expect(instrument).toBeUndefined();
    expect(issues.map((i) => [i.code, (i.path ?? []).join('.')])).toEqual([
      ['sipas.instrument.duplicateCode', 'instrument.groups.0.aspects.1.code'],
      ['sipas.instrument.emptyAspect', 'instrument.groups.0.aspects.1.items'],
      ['sipas.instrument.reservedCode', 'instrument.groups.1.code'],
      ['sipas.instrument.emptyGroup', 'instrument.groups.1.aspects'],
      ['sipas.instrument.duplicateItem', 'instrument.groups.2.aspects.0.items.0'],
      ['sipas.instrument.zeroWeights', 'instrument.groups.2.aspects.1.items'],
    ]);
    expect(formatIssue(issues[0]!, 'vi')).toBe('instrument.groups.0.aspects.1.code: Mã I.1 bị trùng (đã dùng tại instrument.groups.0.aspects.0.code)');
    expect(formatIssue(issues[4]!, 'en')).toBe('instrument.groups.2.aspects.0.items.0: Item id q2 is used twice (first at instrument.groups.0.aspects.0.items.1)');
  });
  test('shape errors from the schema, all of them', () => {
    const { issues } = validateSipasInstrument({ groups: [{ code: '', aspects: [{ code: 'a', items: [3] }] }, { name: 'x' }] });
    expect(issues.length).toBeGreaterThanOrEqual(3);
    expect(issues.every((i) => i.code === 'sipas.instrument.invalid' && (i.path ?? [])[0] === 'instrument')).toBe(true);
  });
  test('a document with a bad instrument is not scored', () => {
    const out = scoreSipas({ instrument: { groups: [] }, responses: [] });
    expect(out.ok).toBe(false);
    expect(out.result.issues.map((i) => i.code)).toEqual(['sipas.instrument.noGroups']);
    expect(scoreSipas({ instrument: 'sipas-1999' }).result.issues.map((i) => i.code)).toEqual(['sipas.instrument.unknown']);
  });
});
