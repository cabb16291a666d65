import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { UNSURE_ORDER, type Lang, type ResultsDocument } from '../../../engine';
import { index as indexText, rankWithRange } from '../fmt';
import { shortUnitName } from './names';
import { si } from './insightStrings';

/**
 * How sure each rank is: the units whose rank can change when survey-derived points move within
 * their 95% intervals — rank with its range ("2 (1–3)"), index interval, and how sure the unit is
 * to be ahead of the next one. Nothing is drawn when no unit has sampling error.
 * @example <RankCertainty results={results} lang="vi" />
 */
export function RankCertainty({ results, lang }: { results: ResultsDocument; lang: Lang }): JSX.Element | null {
  if (!results.units.some((u) => u.indexRange)) return null;
  const moving = results.units
    .filter((u) => (u.rankRange && u.rankRange[0] !== u.rankRange[1]) || (u.aheadOfNext !== undefined && u.aheadOfNext.probability < UNSURE_ORDER))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.rank - b.rank);
  const percent = (p: number): string => `${Math.round(p * 100)}%`;
  return (
    <section aria-label={si('insight.rank.title', lang)} data-testid="rank-certainty">
      <Text weight="semibold">{si('insight.rank.title', lang)}</Text>
      {moving.length === 0 ? (
        <Text block>{si('insight.rank.none', lang)}</Text>
      ) : (
        <>
          <Text block size={200}>
            {si('insight.rank.intro', lang)}
          </Text>
          <Table size="small" aria-label={si('insight.rank.title', lang)}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '64px' }}>{si('insight.rank.rank', lang)}</TableHeaderCell>
                <TableHeaderCell>{si('insight.rank.unit', lang)}</TableHeaderCell>
                <TableHeaderCell>{si('insight.rank.index', lang)}</TableHeaderCell>
                <TableHeaderCell style={{ width: '64px' }}>{si('insight.rank.next', lang)}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {moving.map((u) => (
                <TableRow key={u.code} data-testid={`rank-certainty-${u.code}`}>
                  <TableCell>{rankWithRange(u.rank, u.rankRange, lang)}</TableCell>
                  <TableCell title={`${u.name} (${u.code})`}>{shortUnitName(u.name)}</TableCell>
                  <TableCell>{u.indexRange ? `${indexText(u.indexRange[0], lang)}–${indexText(u.indexRange[1], lang)}` : indexText(u.index, lang)}</TableCell>
                  <TableCell title={u.aheadOfNext?.unit}>{u.aheadOfNext ? percent(u.aheadOfNext.probability) : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
