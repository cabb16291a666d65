/**
 * What the pane's charts show, as plain data (no React, no chart library): the ranking of one
 * unit kind against the target, a unit's area profile against the average of its kind, points
 * lost by lead unit, SIPAS aspects with their 95% intervals, plan tasks by status. The chart chunk
 * draws these; the tests check them here.
 */
import type { GapRollup, ResultsDocument, SipasUnitResult, UnitResult } from '../../../engine';
import { shortUnitName } from '../views/names';

export interface Bar {
  code: string;
  /** Short label on the axis ("P. Kim Giang"), unique within the chart. */
  label: string;
  /** Full name for the tooltip. */
  full: string;
  value: number;
  /**
   * The index's 95% interval when survey-derived points carry sampling error (the unit's
   * `indexRange`); absent when the index is exact.
   */
  low?: number;
  high?: number;
}

/** Short labels, made unique (a code is added where two units would read the same). */
export function uniqueLabels(items: readonly { code: string; name: string }[]): Map<string, string> {
  const short = items.map((i) => ({ code: i.code, label: shortUnitName(i.name) }));
  const seen = new Map<string, number>();
  for (const s of short) seen.set(s.label, (seen.get(s.label) ?? 0) + 1);
  return new Map(short.map((s) => [s.code, (seen.get(s.label) ?? 0) > 1 ? `${s.label} (${s.code})` : s.label]));
}

/** The units of one kind by rank (best first), index as the bar, its 95% interval where it has one. */
export function rankingBars(units: readonly UnitResult[]): Bar[] {
  const sorted = [...units].sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
  const labels = uniqueLabels(sorted);
  return sorted.map((u) => {
    const bar: Bar = { code: u.code, label: labels.get(u.code) ?? u.code, full: `${u.name} (${u.code})`, value: u.index };
    const r = u.indexRange;
    if (r && r[1] > r[0]) {
      bar.low = Math.min(r[0], u.index);
      bar.high = Math.max(r[1], u.index);
    }
    return bar;
  });
}

export interface ProfileArea {
  code: string;
  name: string;
  /** The unit's index in the area (0–100). */
  unit: number;
  /** Mean index of the units of the same kind that have the area. */
  average: number;
}

/**
 * A unit's index by area next to the mean of its kind (units whose area has points to win).
 * @example areaProfile(kg, wards)[0] // { code: '1', name: 'Công tác chỉ đạo…', unit: 90, average: 84.5 }
 */
export function areaProfile(unit: UnitResult, units: readonly UnitResult[]): ProfileArea[] {
  const peers = units.filter((u) => u.kind === unit.kind);
  return unit.areas
    .filter((a) => a.max > 0)
    .map((a) => {
      const same = peers.map((p) => p.areas.find((x) => x.code === a.code)).filter((x): x is NonNullable<typeof x> => x !== undefined && x.max > 0);
      const average = same.length ? same.reduce((t, x) => t + x.index, 0) / same.length : a.index;
      return { code: a.code, name: a.name ?? a.code, unit: a.index, average };
    });
}

export interface LeadLoss {
  lead: string;
  label: string;
  full: string;
  lost: number;
  recoverable: number;
}

/** Points lost by lead unit, largest first (the `gapsByLead` roll-up), with names for the labels. */
export function leadLosses(rollup: readonly GapRollup[], names: ReadonlyMap<string, string>, none: string): LeadLoss[] {
  const rows = rollup.filter((g) => g.lost > 0).sort((a, b) => b.lost - a.lost);
  const labels = uniqueLabels(rows.map((g) => ({ code: g.key, name: g.key ? (names.get(g.key) ?? g.key) : none })));
  return rows.map((g) => ({
    lead: g.key,
    label: labels.get(g.key) ?? g.key,
    full: g.key ? `${names.get(g.key) ?? g.key} (${g.key})` : none,
    lost: g.lost,
    recoverable: Math.min(g.lost, g.recoverable),
  }));
}

export interface AspectInterval {
  code: string;
  name: string;
  index: number;
  low: number;
  high: number;
}

/** A unit's SIPAS aspects that have an index, with their 95% interval (the index itself when none). */
export function sipasAspects(unit: SipasUnitResult, lang: 'vi' | 'en'): AspectInterval[] {
  const out: AspectInterval[] = [];
  for (const g of unit.groups)
    for (const a of g.aspects) {
      if (a.index === null) continue;
      out.push({ code: a.code, name: (lang === 'en' && a.nameEn) || a.name, index: a.index, low: a.low ?? a.index, high: a.high ?? a.index });
    }
  return out;
}

export interface StatusCount {
  status: string;
  count: number;
}

/** Plan tasks by their overall status, in the order of the status register. */
export function planStatusCounts(tasks: readonly { status: string }[]): StatusCount[] {
  const order = ['done', 'onTrack', 'late', 'notStarted', 'notReported'];
  const m = new Map<string, number>();
  for (const t of tasks) m.set(t.status, (m.get(t.status) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => (order.indexOf(a[0]) + 1 || 99) - (order.indexOf(b[0]) + 1 || 99)).map(([status, count]) => ({ status, count }));
}

/** The ranking's target index (the criteria set's, else 90). */
export function targetOf(results: Pick<ResultsDocument, 'framework'>): number {
  const t = results.framework.target;
  return Number.isFinite(t) && t > 0 ? t : 90;
}
