/**
 * Several years in one view: previous results may carry a `year`, one entry per unit and year.
 * Year-over-year change (`previous` of each unit) uses the latest past year; `results.years`
 * holds every year present plus the current one, each past year mapped through the crosswalk
 * (share-weighted, as `previous.index` is).
 */
import { issue, ref, type Issue, type Location } from '../model/issue';
import type { PreviousResult } from '../model/assessment';
import type { ResultsDocument } from '../model/results';
import { applyCrosswalk, type Crosswalk } from './crosswalk';

export type YearsView = NonNullable<ResultsDocument['years']>;

/** Previous results sorted by year, after the duplicate and past-year checks. */
export interface PreviousByYear {
  /** The current (assessment) year: the criteria set's year, else the year after the latest given. */
  current?: number;
  /** The latest past year (absent when no year is known at all). */
  latestYear?: number;
  /** The latest past year's entries: what year-over-year change compares with. */
  latest: PreviousResult[];
  /** Where each of `latest` stands in the list given (its position there: a JSON path, a sheet row). */
  latestAt: number[];
  /** Every past year's entries (year resolved: an entry without one counts as the year before the current). */
  byYear: Map<number, PreviousResult[]>;
  issues: Issue[];
}

/**
 * Resolve the years of previous results and refuse the same unit and year twice (located by
 * `where`, e.g. the JSON path or the sheet row). An entry without a year is the year before the
 * current one; a year not before the current one is left out with a warning.
 * @example splitPreviousByYear([{unit:'A',index:80,year:2021},{unit:'A',index:85,year:2022}], 2023).latest // [{unit:'A',index:85,year:2022}]
 */
export function splitPreviousByYear(previous: readonly PreviousResult[], currentYear: number | undefined, where: (i: number) => Location = (i) => ({ path: ['previous', i] })): PreviousByYear {
  const issues: Issue[] = [];
  let maxGiven: number | undefined;
  for (const p of previous) if (p.year !== undefined && (maxGiven === undefined || p.year > maxGiven)) maxGiven = p.year;
  const current = currentYear ?? (maxGiven !== undefined ? maxGiven + 1 : undefined);
  const seen = new Map<string, number>();
  const kept: { p: PreviousResult; year: number | undefined; i: number }[] = [];
  previous.forEach((p, i) => {
    const year = p.year ?? (current !== undefined ? current - 1 : undefined);
    const key = `${p.unit}\u0000${year ?? ''}`;
    const yearText = year !== undefined ? String(year) : ref('periods.previousNoYear');
    const first = seen.get(key);
    if (first !== undefined) {
      const firstAt = where(first);
      const at = firstAt.cell ? firstAt.cell : firstAt.path ? firstAt.path.join('.') : '';
      issues.push(issue('periods.duplicatePrevious', { unit: p.unit, year: yearText, first: at ? ref('periods.previousFirstAt', { at }) : '' }, { ...where(i), unit: p.unit }));
      return;
    }
    seen.set(key, i);
    if (year !== undefined && current !== undefined && year >= current) {
      issues.push(issue('periods.previousNotPast', { unit: p.unit, year: String(year), current: String(current) }, { ...where(i), unit: p.unit }, 'warning'));
      return;
    }
    kept.push({ p, year, i });
  });
  const byYear = new Map<number, PreviousResult[]>();
  let latestYear: number | undefined;
  for (const { p, year } of kept) {
    if (year === undefined) continue;
    const xs = byYear.get(year) ?? [];
    xs.push(p);
    byYear.set(year, xs);
    if (latestYear === undefined || year > latestYear) latestYear = year;
  }
  // no year known anywhere (no criteria set year, none given): every entry is "last year", as before
  const latestKept = latestYear === undefined ? kept : kept.filter((k) => k.year === latestYear);
  const latest = latestKept.map((k) => k.p);
  const latestAt = latestKept.map((k) => k.i);
  return { ...(current !== undefined ? { current } : {}), ...(latestYear !== undefined ? { latestYear } : {}), latest, latestAt, byYear, issues };
}

/**
 * Each unit's index and rank over the years: the past years mapped through the crosswalk
 * (share-weighted mean of the old units' indices; rank kept only where one old unit maps whole),
 * and the current year from the results. Absent when no past year is known.
 * @example yearsView(split, crosswalk, results).years // [2021, 2022, 2023]
 */
export function yearsView(split: PreviousByYear, crosswalk: Crosswalk | undefined, results: Pick<ResultsDocument, 'units'>): YearsView | undefined {
  const current = split.current;
  if (current === undefined || split.byYear.size === 0) return undefined;
  const past = [...split.byYear.keys()].sort((a, b) => a - b);
  const codes = results.units.map((u) => u.code);
  const byYear = new Map<string, Record<string, { index: number; rank?: number }>>();
  for (const u of results.units) byYear.set(u.code, {});
  for (const year of past) {
    const entries = split.byYear.get(year) ?? [];
    const mapped = crosswalk && crosswalk.units.length > 0 ? applyCrosswalk(entries, crosswalk.units, codes).previous : entries.filter((p) => byYear.has(p.unit));
    for (const p of mapped) {
      const row = byYear.get(p.unit);
      if (row) row[String(year)] = { index: p.index, ...(p.rank !== undefined ? { rank: p.rank } : {}) };
    }
  }
  for (const u of results.units) {
    const row = byYear.get(u.code);
    if (row) row[String(current)] = { index: u.index, rank: u.rank };
  }
  return {
    years: [...past, current],
    units: results.units.map((u) => ({ unit: u.code, name: u.name, byYear: byYear.get(u.code) ?? {} })),
  };
}

/**
 * A unit's change over the span of the view: the current index minus the earliest year's that
 * the unit has (absent with fewer than two years).
 */
export function spanChange(view: YearsView, unit: YearsView['units'][number]): { from: number; to: number; change: number } | undefined {
  const have = view.years.filter((y) => unit.byYear[String(y)] !== undefined);
  const first = have[0];
  const last = have[have.length - 1];
  if (first === undefined || last === undefined || first === last) return undefined;
  const a = unit.byYear[String(first)];
  const b = unit.byYear[String(last)];
  if (!a || !b) return undefined;
  return { from: first, to: last, change: b.index - a.index };
}
