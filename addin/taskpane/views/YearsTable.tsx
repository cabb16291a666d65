import { Fragment, useState } from 'react';
import { Button, Field, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { kindLabel, type Lang, type ResultsDocument } from '../../../engine';
import { change, count, index as indexText } from '../fmt';
import { shortUnitName } from './names';
import { si } from './insightStrings';
import { COLUMN, useTableStyles } from './table';

type YearsView = NonNullable<ResultsDocument['years']>;
type YearsRow = YearsView['units'][number];

/** Units shown at first, and added by each "Hiện thêm" (as the plan's list pages). */
export const YEARS_PAGE = 10;

/** A unit's row of the view, its kind, in the results' order: kind as the ranking lists them, then rank. */
export function yearsRows(results: ResultsDocument): { row: YearsRow; kind: string }[] {
  const view = results.years;
  if (!view) return [];
  const byCode = new Map(view.units.map((u) => [u.unit, u]));
  const kinds: string[] = [];
  for (const u of results.units) if (!kinds.includes(u.kind)) kinds.push(u.kind);
  const ordered = [...results.units].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.rank - b.rank || a.code.localeCompare(b.code));
  const out: { row: YearsRow; kind: string }[] = [];
  for (const u of ordered) {
    const row = byCode.get(u.code);
    if (row) out.push({ row, kind: u.kind });
  }
  return out;
}

/**
 * The change of a unit's index from year `from` to the latest year, in index points; undefined
 * when either year has no index for it.
 * @example yearChange({ unit: 'A', name: 'A', byYear: { '2023': { index: 80 }, '2025': { index: 85.5 } } }, 2023, 2025) // 5.5
 */
export function yearChange(row: YearsRow, from: number, to: number): number | undefined {
  const a = row.byYear[String(from)];
  const b = row.byYear[String(to)];
  return a && b ? b.index - a.index : undefined;
}

/** Every year of a unit in words, for the hover and screen readers: "2023: 80,00% (hạng 2) · 2024: —". */
export function yearsHistory(view: YearsView, row: YearsRow, lang: Lang): string {
  return view.years
    .map((y) => {
      const v = row.byYear[String(y)];
      if (!v) return `${y}: ${si('insight.years.none', lang)}`;
      return `${y}: ${indexText(v.index, lang)}${v.rank !== undefined ? ` (${si('insight.years.rank', lang, { rank: count(v.rank, lang) })})` : ''}`;
    })
    .join(' · ');
}

/**
 * "Qua các năm": each unit's index and rank over the years present (results.years, past years
 * through the crosswalk), shown only when there is more than one year. At the pane's 320–350 px
 * two years fit beside the unit: the latest year and the one picked in "So sánh với năm" (the
 * earliest by default), with the change between them; every year is in the unit's hover text.
 * Long lists show 10 units at a time.
 * @example <YearsTable results={results} lang="vi" />
 */
export function YearsTable({ results, lang }: { results: ResultsDocument; lang: Lang }): JSX.Element | null {
  const t = useTableStyles();
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const [limit, setLimit] = useState(YEARS_PAGE);
  const view = results.years;
  if (!view || view.years.length < 2) return null;
  const latest = view.years[view.years.length - 1] ?? 0;
  const earlier = view.years.slice(0, -1);
  const from = picked !== undefined && earlier.includes(picked) ? picked : (earlier[0] ?? latest);
  const rows = yearsRows(results);
  const kinds = new Set(rows.map((r) => r.kind));
  const shown = rows.slice(0, limit);
  const cell = (row: YearsRow, year: number): JSX.Element => {
    const v = row.byYear[String(year)];
    if (!v) return <span title={si('insight.years.none', lang)}>—</span>;
    return (
      <>
        {indexText(v.index, lang)}
        {v.rank !== undefined ? (
          <Text block size={100}>
            {si('insight.years.rank', lang, { rank: count(v.rank, lang) })}
          </Text>
        ) : null}
      </>
    );
  };
  return (
    <section aria-label={si('insight.years.title', lang)} data-testid="years" style={{ display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 }}>
      <Subtitle2 as="h2">{si('insight.years.title', lang)}</Subtitle2>
      <Text size={200}>{si('insight.years.intro', lang, { years: view.years.join(', ') })}</Text>
      {earlier.length > 1 ? (
        <Field label={si('insight.years.from', lang)} style={{ minWidth: 0 }}>
          <Select value={String(from)} onChange={(_, d) => setPicked(Number(d.value))} data-testid="years-from" style={{ maxWidth: '100%', minWidth: 0 }}>
            {earlier.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Table size="small" className={t.compact} aria-label={si('insight.years.title', lang)} data-testid="years-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{si('insight.years.unit', lang)}</TableHeaderCell>
            <TableHeaderCell style={COLUMN.index}>{from}</TableHeaderCell>
            <TableHeaderCell style={COLUMN.index}>{latest}</TableHeaderCell>
            <TableHeaderCell style={COLUMN.change}>{si('insight.years.change', lang, { year: from })}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map(({ row, kind }, i) => {
            const d = yearChange(row, from, latest);
            const head = kinds.size > 1 && (i === 0 || shown[i - 1]?.kind !== kind);
            return (
              <Fragment key={row.unit}>
                {head ? (
                  <TableRow>
                    <TableCell colSpan={4}>
                      <Text weight="semibold" size={200}>
                        {kindLabel(kind, lang)}
                      </Text>
                    </TableCell>
                  </TableRow>
                ) : null}
                <TableRow data-testid={`years-${row.unit}`}>
                  <TableCell title={`${row.name} (${row.unit}) — ${yearsHistory(view, row, lang)}`}>{shortUnitName(row.name)}</TableCell>
                  <TableCell>{cell(row, from)}</TableCell>
                  <TableCell>{cell(row, latest)}</TableCell>
                  <TableCell>{d === undefined ? '—' : change(d, lang)}</TableCell>
                </TableRow>
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
      {rows.length > limit ? (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <Text size={200}>{si('insight.years.shown', lang, { shown: count(shown.length, lang), total: count(rows.length, lang) })}</Text>
          <Button size="small" onClick={() => setLimit((n) => n + YEARS_PAGE)} data-testid="years-more">
            {si('insight.years.more', lang)}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
