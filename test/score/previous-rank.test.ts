/**
 * Year on year: a rank change is only meaningful when last year's rank and this year's were
 * taken in the same comparison group. A unit alone in its kind this year (the district: "rank
 * 1 of 1") keeps last year's index, rank and index change, but gets no rankChange.
 *
 * Framework of 4 points (1.1 yesNo 4), applying to the district and wards:
 *   QTX (district) "Có" → 100 ·  KG (ward) "Có" → 100 ·  HD (ward) "Không" → 0
 *   last year: QTX 93.12, rank 9 (among the city's districts); KG 92.75 rank 3; HD 89.35 rank 1
 */
import { scoreDocument, type ScoringDocumentInput, type UnitResult } from '../../engine';

const doc: ScoringDocumentInput = {
  framework: { id: 't', name: 'T', total: 4, nodes: [{ code: '1', name: 'A', children: [{ code: '1.1', name: 'TC 1.1', max: 4, rule: { kind: 'yesNo' } }] }] },
  units: [
    { code: 'QTX', name: 'UBND quận Thanh Xuân', kind: 'district' },
    { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
    { code: 'HD', name: 'UBND phường Hạ Đình', kind: 'ward' },
  ],
  assessments: [
    { unit: 'QTX', criterion: '1.1', value: 'Có' },
    { unit: 'KG', criterion: '1.1', value: 'Có' },
    { unit: 'HD', criterion: '1.1', value: 'Không' },
  ],
  previous: [
    { unit: 'QTX', index: 93.12, rank: 9 },
    { unit: 'KG', index: 92.75, rank: 3 },
    { unit: 'HD', index: 89.35, rank: 1 },
  ],
};

function unit(units: readonly UnitResult[], code: string): UnitResult {
  const u = units.find((x) => x.code === code);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
}

test('the district alone in its kind: previous index, rank and indexChange kept, no rankChange', () => {
  const r = scoreDocument(doc);
  expect(r.ok).toBe(true);
  const qtx = unit(r.results.units, 'QTX');
  expect(qtx.rank).toBe(1);
  expect(qtx.previous?.index).toBe(93.12);
  expect(qtx.previous?.rank).toBe(9);
  expect(qtx.previous?.indexChange).toBeCloseTo(100 - 93.12, 10);
  expect(qtx.previous && 'rankChange' in qtx.previous).toBe(false);
});

test('wards (two of a kind) get rankChange = last year − this year', () => {
  const r = scoreDocument(doc);
  expect(unit(r.results.units, 'KG').previous?.rankChange).toBe(3 - 1);
  expect(unit(r.results.units, 'HD').previous?.rankChange).toBe(1 - 2);
});
