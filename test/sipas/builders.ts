/**
 * The hand-computed 20-respondent dataset used by the acceptance tests.
 *
 * Instrument: group A = aspect A1 (q1, q2) + aspect A2 (q3); group B = aspect B1 (q4, q5).
 * Every column below is one item's 20 answers (respondent 1 … 20), unit KG.
 * Answer tallies per item (levels 1,2,3,4,5; excluded answers):
 *   q1: 1,2,4,7,5  + 1 blank (null)                → 19 valid; levels 4–5: 12; Σlevels = 70
 *   q2: 0,1,2,7,9  + 1 "không trả lời"             → 19 valid; levels 4–5: 16; Σlevels = 81
 *   q3: 0,1,3,5,10 + 1 out-of-scale "7"            → 19 valid; levels 4–5: 15; Σlevels = 81
 *   q4: 2,2,6,6,4                                  → 20 valid; levels 4–5: 10; Σlevels = 68
 *   q5: 0,2,4,8,6                                  → 20 valid; levels 4–5: 14; Σlevels = 78
 */
export const smallInstrument = {
  id: 'test-small',
  name: 'Bộ câu hỏi thử',
  groups: [
    { code: 'A', name: 'Nhóm A', aspects: [
      { code: 'A1', name: 'Yếu tố A1', items: ['q1', 'q2'] },
      { code: 'A2', name: 'Yếu tố A2', items: ['q3'] },
    ] },
    { code: 'B', name: 'Nhóm B', aspects: [{ code: 'B1', name: 'Yếu tố B1', items: ['q4', 'q5'] }] },
  ],
};

type A = number | string | null;
// respondent:      1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20
const q1: A[] = [   5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 2, 2, 1, null];
const q2: A[] = [   5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 3, 3, 2, 'không trả lời'];
const q3: A[] = [   5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 3, 3, 3, 2, 7];
const q4: A[] = [   5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 1, 1];
const q5: A[] = [   5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 2, 2];

export function smallResponses(unit = 'KG'): { unit: string; answers: Record<string, A> }[] {
  return q1.map((_, r) => ({ unit, answers: { q1: q1[r] ?? null, q2: q2[r] ?? null, q3: q3[r] ?? null, q4: q4[r] ?? null, q5: q5[r] ?? null } }));
}

/** The same answers as aggregated counts (the out-of-scale answer is simply not counted). */
export function smallCounts(unit = 'KG'): { unit: string; item: string; levels: number[]; blank?: number }[] {
  return [
    { unit, item: 'q1', levels: [1, 2, 4, 7, 5], blank: 1 },
    { unit, item: 'q2', levels: [0, 1, 2, 7, 9], blank: 1 },
    { unit, item: 'q3', levels: [0, 1, 3, 5, 10] },
    { unit, item: 'q4', levels: [2, 2, 6, 6, 4] },
    { unit, item: 'q5', levels: [0, 2, 4, 8, 6] },
  ];
}
