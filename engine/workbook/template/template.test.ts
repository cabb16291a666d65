import type { Framework } from '../../model/framework';
import type { Unit } from '../../model/unit';
import { cellHash, contentHash, normaliseCell } from './hash';
import { renderTemplate, templateUnits } from './render';
import { selectRows } from './select';
import { META_SHEET, ROWS, SELF_SHEET } from './layout';

const units: Unit[] = [
  { code: 'QTX', name: 'UBND quận', kind: 'district' },
  { code: 'NV', name: 'Phòng Nội vụ', kind: 'office' },
  { code: 'KT', name: 'Phòng Kinh tế', kind: 'office' },
  { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
];
const fw: Framework = {
  id: 'f',
  name: 'F',
  year: 2023,
  nodes: [
    { code: '1', name: 'Phường', appliesTo: ['ward'], lead: 'NV', children: [{ code: '1.1', name: 'A', max: 1, rule: { kind: 'yesNo' } }] },
    {
      code: '2',
      name: 'Quận',
      appliesTo: ['district'],
      children: [
        { code: '2.1', name: 'B', max: 2, lead: 'NV', rule: { kind: 'points' } },
        { code: '2.2', name: 'C', max: 1, lead: 'KT', rule: { kind: 'yesNo' } },
        { code: '2.3', name: 'D', max: 1, lead: 'NV', coordinators: ['KT'], rule: { kind: 'yesNo' } },
        { code: '2.4', name: 'E', max: 1, rule: { kind: 'yesNo' } },
      ],
    },
  ],
};

describe('which rows a unit answers', () => {
  test('a ward answers ward criteria for itself', () => {
    expect(selectRows(fw, units, units[3] as Unit).rows.map((r) => [r.code, r.kind, r.assessedUnit])).toEqual([
      ['1', 'group', 'KG'],
      ['1.1', 'leaf', 'KG'],
    ]);
  });
  test('an office answers the district criteria it leads, for the district; coordinated ones are listed apart', () => {
    const nv = selectRows(fw, units, units[1] as Unit);
    expect(nv.rows.map((r) => [r.code, r.assessedUnit])).toEqual([
      ['2', 'QTX'],
      ['2.1', 'QTX'],
      ['2.3', 'QTX'],
    ]);
    // group max = sum of the listed children only: 2 + 1
    expect(nv.rows[0]?.max).toBe(3);
    const kt = selectRows(fw, units, units[2] as Unit);
    expect(kt.rows.map((r) => r.code)).toEqual(['2', '2.2']);
    expect(kt.coordinates).toEqual([{ code: '2.3', name: 'D', lead: 'NV' }]);
  });
  test('the district answers district criteria no office leads', () => {
    expect(selectRows(fw, units, units[0] as Unit).rows.map((r) => r.code)).toEqual(['2', '2.4']);
    expect(templateUnits(fw, units).map((u) => u.code)).toEqual(['QTX', 'NV', 'KT', 'KG']);
  });
});

describe('rendered template', () => {
  const t = renderTemplate(fw, units[1] as Unit, { units, deadline: '2023-11-30', generatedAt: '2023-11-01T08:00' });
  test('sheets, protection, hidden metadata', () => {
    expect(t.sheets.map((s) => [s.name, s.state ?? 'visible', Boolean(s.protection)])).toEqual([
      ['Hướng dẫn', 'visible', true],
      [SELF_SHEET, 'visible', true],
      ['Tự kiểm tra', 'visible', true],
      [META_SHEET, 'veryHidden', true],
    ]);
    expect(t.meta).toMatchObject({ unit: 'NV', frameworkId: 'f', frameworkVersion: '2023', deadline: '2023-11-30', firstRow: ROWS.first, rowCount: 3 });
    const self = t.sheets[1];
    expect(self?.hiddenRows).toEqual([ROWS.keys]);
    // the points leaf 2.1: value cell locked with "—", self-score unlocked, 0..2 in steps of 0,25 checked by a formula
    expect(self?.values[ROWS.first]?.slice(0, 4)).toEqual(['2.1', '  B', 2, '—']);
    expect(self?.validations).toContainEqual(
      expect.objectContaining({ range: 'I7', type: 'custom', formula: 'AND(ISNUMBER(I7),I7>=0,I7<=2,ABS(I7*4-ROUND(I7*4,0))<0.000001)', errorTitle: 'Giá trị không hợp lệ' }),
    );
    expect(self?.validations).toContainEqual(expect.objectContaining({ range: 'D8', type: 'list', values: ['Có', 'Không', 'Không áp dụng'], error: 'Chỉ chọn một trong: Có, Không, Không áp dụng.' }));
    expect(self?.styles).toContainEqual({ range: 'I7', style: { locked: false, fill: 'FFF9DB' } });
    // "Điểm tạm tính" (H): a formula, locked; the points leaf gives its own self-score
    expect(self?.formulas?.['H7']).toBe('IF(ISNUMBER(I7),MAX(0,MIN(2,I7)),"")');
    expect(self?.styles?.some((s) => s.range === 'H7' && s.style.locked === false)).toBe(false);
    expect(self?.styles?.some((s) => s.range === 'D7' && s.style.locked === false)).toBe(false);
  });
  test('the hash depends on content, not on generation time or deadline', () => {
    const again = renderTemplate(fw, units[1] as Unit, { units, deadline: '2024-01-15', generatedAt: '2024-01-01T00:00' });
    expect(again.meta.hash).toBe(t.meta.hash);
    const renamed = renderTemplate({ ...fw, nodes: fw.nodes.map((n) => (n.code === '2' ? { ...n, children: n.children?.map((c) => (c.code === '2.1' ? { ...c, name: 'B mới' } : c)) } : n)) }, units[1] as Unit, { units });
    expect(renamed.meta.hash).not.toBe(t.meta.hash);
  });
  test('instructions name the unit, the deadline and the district the rows are scored for', () => {
    const text = (t.sheets[0]?.values ?? []).map((r) => String(r[0] ?? '')).join('\n');
    expect(text).toContain('Phòng Nội vụ (NV)');
    expect(text).toContain('Hạn nộp: 30/11/2023');
    expect(text).toContain('UBND quận (QTX)');
    expect(text).toContain('Không áp dụng');
  });
});

describe('content hash', () => {
  test('normalises text and numbers the way spreadsheet tools re-save them', () => {
    expect(normaliseCell('  Tiêu   chí\n1 ')).toBe('Tiêu chí 1');
    // NFD (decomposed) Vietnamese equals NFC
    expect(normaliseCell('Tiêu chí'.normalize('NFD'))).toBe('Tiêu chí');
    expect(normaliseCell(0.1 + 0.2)).toBe('0.3');
    expect(normaliseCell(null)).toBe('');
    expect(cellHash('a')).toMatch(/^[0-9a-f]{8}$/);
    expect(contentHash(['a', 'b'])).not.toBe(contentHash(['ab']));
    expect(contentHash(['a', 'b'])).toMatch(/^[0-9a-f]{16}$/);
  });
});
