/**
 * SIPAS ranks within unit kinds wherever SIPAS is scored, unit names in SIPAS tables, and
 * year-on-year rank changes only where this year's rank has a comparison group.
 *
 * One-item instrument; each unit's counts are 100 answers, `top` of them at level 4, the rest
 * at level 3, so its overall index is exactly `top` (topTwoBox):
 *   QTX (district) 85 · HD (ward) 95 · NC (ward) 90 · KG (ward) 80
 * Ranked all together (no kinds): HD 1, NC 2, QTX 3, KG 4 — the district among the wards.
 * Ranked within kind: QTX 1 (alone); HD 1, NC 2, KG 3.
 */
import { scoreSipas, sipasTable, type SipasResult, type SipasUnitResult } from '../../engine/sipas';
import { renderSipasSheet, renderSummarySheet, type OutputContext } from '../../engine/workbook/output';
import type { CellValue } from '../../engine/workbook/port';
import type { ResultsDocument } from '../../engine/model/results';

const ins = { groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'G.1', items: ['q'] }] }] };
const c = (unit: string, top: number): { unit: string; item: string; levels: number[] } => ({ unit, item: 'q', levels: [0, 0, 100 - top, top, 0] });
const counts = [c('QTX', 85), c('HD', 95), c('NC', 90), c('KG', 80)];
const units = [
  { code: 'QTX', name: 'UBND quận Thanh Xuân', kind: 'district' },
  { code: 'HD', name: 'UBND phường Hạ Đình', kind: 'ward' },
  { code: 'NC', name: 'UBND phường Nhân Chính', kind: 'ward' },
  { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
];

function unitOf(r: SipasResult, code: string): SipasUnitResult {
  const u = r.units.find((x) => x.unit === code);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
}
const ranks = (r: SipasResult): [string, number | null][] => r.units.map((u) => [u.unit, u.rank]);

describe('SIPAS ranks within unit kind when the caller passes the units (master workbook, scoring document)', () => {
  test('without kinds the district ranks among the wards (as before)', () => {
    expect(ranks(scoreSipas({ instrument: ins, counts }).result)).toEqual([['QTX', 3], ['HD', 1], ['NC', 2], ['KG', 4]]);
  });

  test('options.units: the district is ranked alone, wards 1–3; names and kinds come from the units', () => {
    const r = scoreSipas({ instrument: ins, counts }, { units }).result;
    expect(ranks(r)).toEqual([['QTX', 1], ['HD', 1], ['NC', 2], ['KG', 3]]);
    expect(unitOf(r, 'QTX')).toMatchObject({ kind: 'district', name: 'UBND quận Thanh Xuân' });
    expect(unitOf(r, 'KG')).toMatchObject({ kind: 'ward', name: 'UBND phường Kim Giang' });
  });

  test("the document's own units win over options.units for the same code", () => {
    const r = scoreSipas({ instrument: ins, counts, units: [{ code: 'QTX', name: 'Quận (tài liệu)', kind: 'ward' }] }, { units }).result;
    // QTX is a ward by the document: wards HD 95, NC 90, QTX 85, KG 80
    expect(ranks(r)).toEqual([['QTX', 3], ['HD', 1], ['NC', 2], ['KG', 4]]);
    expect(unitOf(r, 'QTX').name).toBe('Quận (tài liệu)');
    expect(unitOf(r, 'HD').name).toBe('UBND phường Hạ Đình');
  });

  test('units without a known kind rank together', () => {
    const r = scoreSipas({ instrument: ins, counts: [...counts, c('X', 99), c('Y', 50)] }, { units }).result;
    expect(ranks(r)).toEqual([['QTX', 1], ['HD', 1], ['NC', 2], ['KG', 3], ['X', 1], ['Y', 2]]);
    expect(unitOf(r, 'X').kind).toBeUndefined();
    expect(unitOf(r, 'X').name).toBe('X');
  });

  test('units listed without a kind (name only) rank with the other units of unknown kind', () => {
    const r = scoreSipas({ instrument: ins, counts: [c('X', 99), c('Y', 50)] }, { units: [{ code: 'X', name: 'Đơn vị X' }] }).result;
    expect(ranks(r)).toEqual([['X', 1], ['Y', 2]]);
    expect(unitOf(r, 'X').name).toBe('Đơn vị X');
  });
});

describe('year on year: a rank change only where the unit has a comparison group this year', () => {
  const previous = [
    { unit: 'QTX', overall: 80, rank: 9 }, // last year's rank among the city's districts
    { unit: 'KG', overall: 82, rank: 2 },
    { unit: 'HD', overall: 96, rank: 1 },
  ];
  test('the district alone in its kind keeps last year\'s index, rank and change, but gets no rankChange', () => {
    const r = scoreSipas({ instrument: ins, counts, previous }, { units }).result;
    const qtx = unitOf(r, 'QTX');
    expect(qtx.rank).toBe(1);
    expect(qtx.previous).toEqual({ overall: 80, rank: 9 });
    expect(qtx.change).toBeCloseTo(5, 12);
    // KG: rank 2 → 3 among the wards
    expect(unitOf(r, 'KG').previous).toEqual({ overall: 82, rank: 2, rankChange: -1 });
    expect(unitOf(r, 'HD').previous).toEqual({ overall: 96, rank: 1, rankChange: 0 });
  });
  test('a document with a single unit has no rank change either', () => {
    const r = scoreSipas({ instrument: ins, counts: [c('KG', 80)], previous: [{ unit: 'KG', overall: 82, rank: 4 }] }).result;
    expect(unitOf(r, 'KG').rank).toBe(1);
    expect(unitOf(r, 'KG').previous).toEqual({ overall: 82, rank: 4 });
  });
});

// ---- results workbook: the SIPAS sheet and the SIPAS part of "Tổng hợp"

const grid = (values: CellValue[][]): CellValue[][] => values.map((row) => [...row]);
function rowsFrom(values: CellValue[][], header: string): CellValue[][] {
  const h = values.findIndex((r) => r[0] === header);
  if (h < 0) throw new Error(`no header ${header}`);
  const out: CellValue[][] = [];
  for (let r = h + 1; r < values.length && (values[r] ?? []).some((v) => v !== null && v !== undefined && v !== ''); r++) out.push(values[r] ?? []);
  return out;
}

describe('results workbook SIPAS sheet', () => {
  const ctx: OutputContext = { lang: 'vi', target: 90 };

  test('ranked within kind: district first, then wards by rank; kind, code and full name on every row', () => {
    const r = scoreSipas({ instrument: ins, counts }, { units }).result;
    const v = grid(renderSipasSheet(r, ctx).values);
    const head = v.find((row) => row[0] === 'Xếp hạng') ?? [];
    expect(head.slice(0, 5)).toEqual(['Xếp hạng', 'Loại đơn vị', 'Mã', 'Đơn vị', 'Chỉ số chung (%)']);
    expect(rowsFrom(v, 'Xếp hạng').map((row) => row.slice(0, 5))).toEqual([
      [1, 'Quận', 'QTX', 'UBND quận Thanh Xuân', 85],
      [1, 'Phường', 'HD', 'UBND phường Hạ Đình', 95],
      [2, 'Phường', 'NC', 'UBND phường Nhân Chính', 90],
      [3, 'Phường', 'KG', 'UBND phường Kim Giang', 80],
    ]);
  });

  test('names the SIPAS result does not know come from the workbook units (ctx.unitNames); the item detail names the unit', () => {
    const r = scoreSipas({ instrument: ins, counts: [c('KG', 80), c('HD', 95)] }).result;
    const v = grid(renderSipasSheet(r, { ...ctx, unitNames: { KG: 'UBND phường Kim Giang', HD: 'UBND phường Hạ Đình' } }).values);
    expect(rowsFrom(v, 'Xếp hạng').map((row) => [row[2], row[3]])).toEqual([['HD', 'UBND phường Hạ Đình'], ['KG', 'UBND phường Kim Giang']]);
    const detail = rowsFrom(v, 'Mã đơn vị');
    expect(detail.map((row) => row.slice(0, 4))).toEqual([['HD', 'UBND phường Hạ Đình', 'G.1', 'q'], ['KG', 'UBND phường Kim Giang', 'G.1', 'q']]);
  });

  test('English labels; the pooled unit comes last, unranked', () => {
    const r = scoreSipas({ instrument: ins, counts: [c('KG', 80), c('HD', 90)], pool: { unit: 'ALL', name: 'Toàn quận' } }, { units }).result;
    const v = grid(renderSipasSheet(r, { lang: 'en', target: 90 }).values);
    expect(rowsFrom(v, 'Rank').map((row) => row.slice(0, 5))).toEqual([
      [1, 'Wards', 'HD', 'UBND phường Hạ Đình', 90],
      [2, 'Wards', 'KG', 'UBND phường Kim Giang', 80],
      [null, 'Pooled', 'ALL', 'Toàn quận', 85],
    ]);
  });

  test('"Tổng hợp" lists SIPAS by kind with names and the rank within kind', () => {
    const r = scoreSipas({ instrument: ins, counts }, { units }).result;
    const results: ResultsDocument = { framework: { id: 't', name: 'T', target: 90 }, units: [], issues: [], sipas: r };
    const v = grid(renderSummarySheet(results, ctx, r).values);
    const head = v.find((row) => row[0] === 'Mã' && row[1] === 'Đơn vị') ?? [];
    expect(head).toEqual(['Mã', 'Đơn vị', 'Loại đơn vị', 'Chỉ số chung (%)', 'Số phiếu', 'Hạng trong loại']);
    expect(rowsFrom(v, 'Mã').map((row) => [row[0], row[1], row[2], row[5]])).toEqual([
      ['QTX', 'UBND quận Thanh Xuân', 'Quận', 1],
      ['HD', 'UBND phường Hạ Đình', 'Phường', 1],
      ['NC', 'UBND phường Nhân Chính', 'Phường', 2],
      ['KG', 'UBND phường Kim Giang', 'Phường', 3],
    ]);
  });
});

describe('results document typing', () => {
  test('results.sipas is a SIPAS result (typed, not unknown)', () => {
    const r = scoreSipas({ instrument: ins, counts }, { units }).result;
    const results: ResultsDocument = { framework: { id: 't', name: 'T', target: 90 }, units: [], issues: [], sipas: r };
    // compiles only when ResultsDocument['sipas'] is typed
    const overall: number | null | undefined = results.sipas?.units.find((u) => u.unit === 'QTX')?.overall;
    const rank: number | null | undefined = results.sipas?.units[0]?.rank;
    expect([overall, rank]).toEqual([85, 1]);
  });
});

describe('parindex sipas text table', () => {
  test('units of several kinds: a kind column (ranks are within kind); one kind: no such column', () => {
    const r = scoreSipas({ instrument: ins, counts }, { units }).result;
    const t = sipasTable(r, { lang: 'vi' });
    expect(t[0]?.[t[0].length - 1]).toBe('Loại đơn vị');
    expect(t.slice(1).map((row) => [row[0], row[4], row[row.length - 1]])).toEqual([
      ['QTX — UBND quận Thanh Xuân', '1', 'Quận'],
      ['HD — UBND phường Hạ Đình', '1', 'Phường'],
      ['NC — UBND phường Nhân Chính', '2', 'Phường'],
      ['KG — UBND phường Kim Giang', '3', 'Phường'],
    ]);
    const one = sipasTable(scoreSipas({ instrument: ins, counts: [c('KG', 80)] }).result, { lang: 'en' });
    expect(one[0]?.[one[0].length - 1]).toBe('Change');
  });
});
