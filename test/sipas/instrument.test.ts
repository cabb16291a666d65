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
  test('I.3 asks about the nine policy fields, in the order of the domain brief', () => {
    const i3 = ins.groups[0]?.aspects.find((a) => a.code === 'I.3')?.items ?? [];
    const fields: [string, string][] = [
      ['phát triển kinh tế', 'economic development'],
      ['y tế, chăm sóc sức khỏe', 'health care'],
      ['giáo dục phổ thông', 'general education'],
      ['nước sinh hoạt', 'household water'],
      ['điện sinh hoạt', 'household electricity'],
      ['trật tự, an toàn xã hội', 'social order and safety'],
      ['đường giao thông', 'roads'],
      ['an sinh xã hội', 'social security'],
      ['cải cách hành chính', 'administrative reform'],
    ];
    expect(i3).toHaveLength(9);
    i3.forEach((it, k) => {
      expect(it.text).toContain(fields[k]![0]);
      expect(it.textEn).toContain(fields[k]![1]);
    });
  });
  test('II.1 (access) has signage and directions; seats and writing desks; equipment serving people', () => {
    const access = ins.groups[1]?.aspects.find((a) => a.code === 'II.1')?.items ?? [];
    expect(access.map((it) => it.id)).toEqual(['II.1.1', 'II.1.2', 'II.1.3']);
    expect(access[0]?.text).toMatch(/biển hiệu, biển chỉ dẫn/);
    expect(access[1]?.text).toMatch(/đủ chỗ ngồi, bàn viết/);
    expect(access[2]?.text).toMatch(/trang thiết bị phục vụ người dân/);
    // the 2017 survey's items (online services) are gone
    expect(access.some((it) => /trực tuyến/.test(it.text))).toBe(false);
  });
  test('every item text is marked unofficial (none is quoted from a decision), and the mark reaches the result', () => {
    expect(instrumentItems(ins).every((it) => it.unofficial === true)).toBe(true);
    const out = scoreSipas({ responses: [{ unit: 'KG', answers: { 'II.1.1': 5 } }] });
    const it = out.result.units[0]?.groups[1]?.aspects[0]?.items[0];
    expect(it).toMatchObject({ item: 'II.1.1', unofficial: true });
    // an instrument without the mark gives items without it
    const own = scoreSipas({ instrument: { groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'G.1', items: [{ id: 'q', text: 'Câu hỏi' }] }] }] }, responses: [{ unit: 'KG', answers: { q: 5 } }] });
    expect(own.result.units[0]?.groups[0]?.aspects[0]?.items[0]?.unofficial).toBeUndefined();
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
