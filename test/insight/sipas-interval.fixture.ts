import { scoreDocument, scoreSipas } from '../../engine';
import { renderSipasSheet, contextOf } from '../../engine/workbook/output';
import type { RenderedSheet } from '../../engine/workbook/port';

/**
 * A SIPAS sheet whose overall indices carry a 95% interval set by hand: A 80 (70–88), B 60 (50–66),
 * so the error-bar amounts are A 10 below / 8 above, B 10 below / 6 above. `withInterval: false`
 * removes every bound (no unit has an interval).
 */
export function sipasSheetWithInterval(withInterval = true): RenderedSheet {
  const { result } = scoreSipas({
    instrument: { id: 'q', name: 'Q', groups: [{ code: 'G', name: 'G', aspects: [{ code: 'G.1', name: 'A', items: ['q1', 'q2'] }] }] },
    responses: [
      { unit: 'A', answers: { q1: 5, q2: 4 } },
      { unit: 'A', answers: { q1: 4, q2: 2 } },
      { unit: 'B', answers: { q1: 2, q2: 5 } },
      { unit: 'B', answers: { q1: 3, q2: 1 } },
    ],
  });
  const set: Record<string, [number, number, number]> = { A: [80, 70, 88], B: [60, 50, 66] };
  const units = result.units.map((u) => {
    const v = set[u.unit];
    if (!v) return u;
    return withInterval ? { ...u, overall: v[0], low: v[1], high: v[2] } : { ...u, overall: v[0], low: null, high: null };
  });
  const { results } = scoreDocument({
    framework: { id: 't', name: 'T', nodes: [{ code: '1', name: 'K', children: [{ code: '1.1', name: 'C', max: 10, rule: { kind: 'yesNo' } }] }] },
    units: [
      { code: 'A', name: 'Phường A', kind: 'ward' },
      { code: 'B', name: 'Phường B', kind: 'ward' },
    ],
    assessments: [],
  });
  return renderSipasSheet({ ...result, units }, contextOf(results, 'vi'));
}
