import type { UnitResult } from '../../../engine';
import { COLUMN } from './table';

/** The rank column when a rank carries its range ("2 (1–3)", the range on a second line). */
export const RANK_RANGE_COLUMN = { width: '44px' } as const;

/** Whether a unit's rank can move within the 95% intervals of its survey-derived points. */
export const ranged = (u: Pick<UnitResult, 'rankRange'>): boolean => u.rankRange !== undefined && u.rankRange[0] !== u.rankRange[1];

/** Width of a rank column for these units: wider when one of them shows a range. */
export function rankColumn(list: readonly Pick<UnitResult, 'rankRange'>[]): { width: string } {
  return list.some(ranged) ? RANK_RANGE_COLUMN : COLUMN.rank;
}

/** "2 (1–3)" in a narrow column: the range moves to a second line whole, never broken at its dash. */
export function RankText({ text }: { text: string }): JSX.Element {
  const at = text.indexOf(' ');
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)} <span style={{ display: 'inline-block', whiteSpace: 'nowrap' }}>{text.slice(at + 1)}</span>
    </>
  );
}
