/**
 * The official report (báo cáo) as data: what the office sends to the city, in the layout of
 * Decree 30/2020/NĐ-CP (issuing body and number, national title and motto, place and date, title,
 * numbered sections, recipients, signature). Pure: results in, blocks of text, tables and chart
 * data out; a host renders it (files/report: .docx with the `docx` library), the same for the CLI
 * and the task pane. Numbers are written for the language (vi: 91,43%).
 */
import type { Lang } from '../i18n/format';
import { formatDate, formatFixed, formatIndex, formatNumber, formatPercent } from '../i18n/format';
import { t } from '../i18n';
import type { PlanResults, ResultsDocument, UnitResult } from '../model/results';
import type { SipasResult, SipasUnitResult } from '../sipas/result';
import { gapsByArea, gapsByLead } from '../gaps/gaps';
import { kindLabel, kindsInOrder } from '../workbook/output/common';
import { gapsByCriterion } from '../workbook/output/sheets';
import { parseQuarter, quarterEnd, type Quarter } from '../plan/dates';

/** A column of a report table: its heading, alignment and relative width. */
export interface ReportColumn {
  title: string;
  align: 'left' | 'center' | 'right';
  /** Relative width (the columns of a table share the text width in these proportions). */
  width: number;
}

/** A chart as data: categories, series (with the labels to print, already formatted), an optional target line. */
export interface ReportChart {
  type: 'column' | 'bar';
  title: string;
  categories: string[];
  series: { name: string; values: number[]; labels: string[] }[];
  target?: { label: string; value: number };
  /** Value axis range (indices: 0–100). */
  axis?: { min: number; max: number };
  /** Size in pixels at 96 dpi (the text width of an A4 page with Decree 30 margins is about 605 px). */
  width: number;
  height: number;
}

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  /** A point of a list ("- …"). */
  | { kind: 'item'; text: string }
  | { kind: 'table'; columns: ReportColumn[]; rows: string[][]; /** rows shown bold (0-based) */ bold?: number[] }
  | { kind: 'chart'; chart: ReportChart };

/** The whole report: the Decree 30 frame and the body. */
export interface ReportDocument {
  lang: Lang;
  period: { year?: number; quarter?: string; label: string };
  header: {
    /** Governing body above the issuer (cơ quan chủ quản), upper case; empty when none. */
    parent: string;
    /** Issuing body (cơ quan ban hành), upper case; may hold a line break. */
    issuer: string;
    /** "Số:      /BC-UBND": the number is left blank for the clerk. */
    number: string;
    nationalTitle: string;
    motto: string;
    /** "Thanh Xuân, ngày 15 tháng 12 năm 2023" (blanks when the date is not known). */
    placeDate: string;
  };
  /** "BÁO CÁO" */
  kind: string;
  /** Trích yếu: what the report is about. */
  subject: string;
  blocks: ReportBlock[];
  recipients: { heading: string; items: string[] };
  signature: { authority: string; title: string; name: string };
  /** The figures the text states, for checks and other hosts. */
  facts: ReportFacts;
}

export interface ReportFacts {
  units: number;
  atTarget: number;
  target: number;
  average?: number;
  sipasAverage?: number;
  sipasAtTarget?: number;
  tasks?: { total: number; done: number; late: number; notStarted: number; notReported: number; onTrack: number };
  uncovered: string[];
}

/** What the report is made from: one scored round. */
export interface ReportInput {
  results: ResultsDocument;
  sipas?: SipasResult;
  plan?: PlanResults;
  /** Every unit of the round (lead offices that are not scored included), for names and the issuer. */
  units?: readonly { code: string; name: string; kind: string }[];
}

export interface ReportOptions {
  lang: Lang;
  /** "2023-Q4": the quarterly report; absent: the yearly report. */
  quarter?: string;
  /** Date of the report (yyyy-mm-dd) for the place-and-date line; blanks when absent. */
  date?: string;
  /** Issuing body (default: the district unit, e.g. "ỦY BAN NHÂN DÂN QUẬN THANH XUÂN"). */
  issuer?: string;
  /** Governing body above the issuer (default none). */
  parent?: string;
  /** Place in the date line (default: from the district's name, e.g. "Thanh Xuân"). */
  place?: string;
  /** Symbol after the number (default "BC-UBND"). */
  symbol?: string;
  recipients?: string[];
  signer?: { authority?: string; title?: string; name?: string };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const DISTRICT_PREFIX = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/i;

function upper(s: string, lang: Lang): string {
  return s.toLocaleUpperCase(lang === 'vi' ? 'vi-VN' : 'en-GB');
}

/** "UBND quận Thanh Xuân" → { body: "ỦY BAN NHÂN DÂN QUẬN THANH XUÂN", place: "Thanh Xuân" }. */
function districtParts(name: string, lang: Lang): { body: string; place: string } {
  const rest = name.replace(DISTRICT_PREFIX, '');
  const place = rest.replace(/^(?:quận|huyện|thị xã|thành phố|phường|xã|thị trấn)\s+/i, '');
  const body = DISTRICT_PREFIX.test(name) ? `${upper(t('report.header.peoplesCommittee', {}, lang), lang)}\n${upper(rest, lang)}` : upper(name, lang);
  return { body, place };
}

/** A target as the plan writes it ("90%", "87,5%"). */
function pct(x: number | null | undefined, lang: Lang): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : formatPercent(x, lang);
}

/** An index (PAR INDEX, SIPAS, an aspect's): always two decimals ("91,30%"). */
function idx(x: number | null | undefined, lang: Lang): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : formatIndex(x, lang);
}

/** Index points (a change, a gap, an interval's end): two decimals. */
function indexPoints(x: number, lang: Lang): string {
  return formatFixed(x, lang, 2);
}

function num(x: number, lang: Lang): string {
  return formatNumber(x, lang);
}

/** A change of index points with its sign: "+1,25", "−0,40". */
function signed(x: number, lang: Lang): string {
  const s = indexPoints(Math.abs(x), lang);
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}

function rankChange(u: UnitResult, lang: Lang): string {
  const p = u.previous;
  if (!p) return '—';
  const idx = signed(p.indexChange, lang);
  if (p.rankChange === undefined) return idx;
  const arrow = p.rankChange > 0 ? `↑${p.rankChange}` : p.rankChange < 0 ? `↓${-p.rankChange}` : '=';
  return `${idx} (${t('report.col.rank', {}, lang).toLowerCase()} ${arrow})`;
}

/** A unit's name on a chart axis: "UBND phường Kim Giang" → "Kim Giang". */
function shortName(name: string): string {
  return name.replace(DISTRICT_PREFIX, '').replace(/^(?:phường|xã|thị trấn|quận|huyện|thị xã)\s+/i, '');
}

function periodOf(results: ResultsDocument, options: ReportOptions): { period: ReportDocument['period']; q?: Quarter } {
  const q = options.quarter !== undefined ? parseQuarter(options.quarter) : undefined;
  const year = q?.year ?? results.framework.year;
  if (q) {
    const label = t('report.period.quarter', { quarter: ROMAN[q.q - 1] ?? String(q.q), year: String(q.year) }, options.lang);
    return { period: { year: q.year, quarter: `${q.year}-Q${q.q}`, label }, q };
  }
  return { period: { ...(year !== undefined ? { year } : {}), label: year !== undefined ? t('report.period.year', { year: String(year) }, options.lang) : '' } };
}

function placeDate(place: string, date: string | undefined, year: number | undefined, lang: Lang): string {
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const [y, m, d] = date.split('-').map(Number);
    return t('report.header.placeDate', { place, day: String(d).padStart(2, '0'), month: String(m).padStart(2, '0'), year: String(y) }, lang);
  }
  return t('report.header.placeDate', { place, day: '     ', month: '     ', year: year !== undefined ? String(year) : '        ' }, lang);
}

/** The units of a kind, ranked. */
function ranked(results: ResultsDocument, kind: string): UnitResult[] {
  return results.units.filter((u) => u.kind === kind).sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
}

function resultsSection(results: ResultsDocument, lang: Lang, n: number, blocks: ReportBlock[]): ReportFacts {
  const target = results.framework.target;
  const kinds = kindsInOrder(results.units);
  const main = kinds.map((k) => ranked(results, k)).sort((a, b) => b.length - a.length)[0] ?? [];
  const atTarget = results.units.filter((u) => u.index + 1e-9 >= target).length;
  const average = main.length ? main.reduce((s, u) => s + u.index, 0) / main.length : undefined;
  blocks.push({ kind: 'heading', level: 1, text: `${ROMAN[n]}. ${t('report.section.results', {}, lang)}` });
  const district = results.units.find((u) => u.kind === 'district');
  if (district)
    blocks.push({
      kind: 'paragraph',
      text: t('report.results.district', { unit: district.name, index: idx(district.index, lang), grade: district.grade, target: pct(target, lang), verdict: t(district.index + 1e-9 >= target ? 'report.met' : 'report.notMet', {}, lang) }, lang),
    });
  if (main.length > 1 && average !== undefined) {
    const kind = kindLabel(main[0]?.kind ?? '', lang).toLowerCase();
    const top = main[0];
    const bottom = main[main.length - 1];
    const mainAt = main.filter((u) => u.index + 1e-9 >= target).length;
    blocks.push({
      kind: 'paragraph',
      text: t(
        'report.results.kind',
        { count: main.length, kind, average: idx(average, lang), atTarget: mainAt, target: pct(target, lang), top: top ? `${top.name} (${idx(top.index, lang)})` : '', bottom: bottom ? `${bottom.name} (${idx(bottom.index, lang)})` : '' },
        lang,
      ),
    });
  }
  const improved = results.units.filter((u) => u.previous && u.previous.indexChange > 0).length;
  const withPrevious = results.units.filter((u) => u.previous).length;
  if (withPrevious > 0) blocks.push({ kind: 'paragraph', text: t('report.results.previous', { improved, total: withPrevious }, lang) });
  blocks.push({ kind: 'heading', level: 2, text: t('report.results.table', {}, lang) });
  const columns: ReportColumn[] = [
    { title: t('report.col.rank', {}, lang), align: 'center', width: 8 },
    { title: t('report.col.unit', {}, lang), align: 'left', width: 33 },
    { title: t('report.col.score', {}, lang), align: 'right', width: 15 },
    { title: t('report.col.index', {}, lang), align: 'right', width: 12 },
    { title: t('report.col.grade', {}, lang), align: 'center', width: 10 },
    { title: t('report.col.change', {}, lang), align: 'center', width: 22 },
  ];
  const rows: string[][] = [];
  const bold: number[] = [];
  for (const kind of kinds) {
    const us = ranked(results, kind);
    if (kinds.length > 1) {
      bold.push(rows.length);
      rows.push(['', kindLabel(kind, lang), '', '', '', '']);
    }
    for (const u of us) rows.push([String(u.rank), u.name, `${num(u.score, lang)}/${num(u.max, lang)}`, idx(u.index, lang), u.grade, rankChange(u, lang)]);
  }
  blocks.push({ kind: 'table', columns, rows, ...(bold.length ? { bold } : {}) });
  if (main.length > 1) {
    blocks.push({
      kind: 'chart',
      chart: {
        type: 'column',
        title: t('report.chart.ranking', { kind: kindLabel(main[0]?.kind ?? '', lang) }, lang),
        categories: main.map((u) => shortName(u.name)),
        series: [{ name: t('report.col.index', {}, lang), values: main.map((u) => u.index), labels: main.map((u) => indexPoints(u.index, lang)) }],
        target: { label: t('report.chart.target', { target: pct(target, lang) }, lang), value: target },
        axis: { min: 0, max: 100 },
        width: 600,
        height: 330,
      },
    });
  }
  return { units: results.units.length, atTarget, target, ...(average !== undefined ? { average } : {}), uncovered: [] };
}

function gapsSection(results: ResultsDocument, names: ReadonlyMap<string, string>, lang: Lang, n: number, blocks: ReportBlock[]): void {
  blocks.push({ kind: 'heading', level: 1, text: `${ROMAN[n]}. ${t('report.section.gaps', {}, lang)}` });
  const byArea = gapsByArea(results).filter((r) => r.lost > 1e-9);
  const total = byArea.reduce((s, r) => s + r.lost, 0);
  if (byArea.length === 0) {
    blocks.push({ kind: 'paragraph', text: t('report.gaps.none', {}, lang) });
    return;
  }
  const recoverable = byArea.reduce((s, r) => s + r.recoverable, 0);
  blocks.push({ kind: 'paragraph', text: t('report.gaps.total', { lost: num(total, lang), recoverable: num(recoverable, lang), survey: num(total - recoverable, lang) }, lang) });
  blocks.push({ kind: 'heading', level: 2, text: t('report.gaps.byArea', {}, lang) });
  blocks.push({
    kind: 'table',
    columns: [
      { title: t('report.col.area', {}, lang), align: 'left', width: 40 },
      { title: t('report.col.lost', {}, lang), align: 'right', width: 12 },
      { title: t('report.col.recoverable', {}, lang), align: 'right', width: 14 },
      { title: t('report.col.unitsLosing', {}, lang), align: 'center', width: 12 },
      { title: t('report.col.criteria', {}, lang), align: 'left', width: 22 },
    ],
    rows: byArea.map((r) => [`${r.key}. ${r.name}`, num(r.lost, lang), num(r.recoverable, lang), String(r.units), r.criteria.join(', ')]),
  });
  const byLead = gapsByLead(results).filter((r) => r.lost > 1e-9);
  blocks.push({ kind: 'heading', level: 2, text: t('report.gaps.byLead', {}, lang) });
  const none = t('report.gaps.noLead', {}, lang);
  blocks.push({
    kind: 'table',
    columns: [
      { title: t('report.col.lead', {}, lang), align: 'left', width: 40 },
      { title: t('report.col.lost', {}, lang), align: 'right', width: 12 },
      { title: t('report.col.recoverable', {}, lang), align: 'right', width: 14 },
      { title: t('report.col.criteria', {}, lang), align: 'left', width: 34 },
    ],
    rows: byLead.map((r) => [r.key ? `${names.get(r.key) ?? r.key} (${r.key})` : none, num(r.lost, lang), num(r.recoverable, lang), r.criteria.join(', ')]),
  });
  blocks.push({
    kind: 'chart',
    chart: {
      type: 'bar',
      title: t('report.chart.byLead', {}, lang),
      categories: byLead.map((r) => r.key || none),
      series: [
        { name: t('report.col.lost', {}, lang), values: byLead.map((r) => r.lost), labels: byLead.map((r) => num(r.lost, lang)) },
        { name: t('report.col.recoverable', {}, lang), values: byLead.map((r) => r.recoverable), labels: byLead.map((r) => num(r.recoverable, lang)) },
      ],
      width: 600,
      height: Math.max(220, 60 + byLead.length * 42),
    },
  });
  const worst = gapsByCriterion(results).slice(0, 10);
  if (worst.length) {
    blocks.push({ kind: 'heading', level: 2, text: t('report.gaps.byCriterion', { count: worst.length }, lang) });
    blocks.push({
      kind: 'table',
      columns: [
        { title: t('report.col.criterion', {}, lang), align: 'left', width: 10 },
        { title: t('report.col.name', {}, lang), align: 'left', width: 50 },
        { title: t('report.col.lead', {}, lang), align: 'center', width: 12 },
        { title: t('report.col.unitsLosing', {}, lang), align: 'center', width: 12 },
        { title: t('report.col.lost', {}, lang), align: 'right', width: 12 },
      ],
      rows: worst.map((g) => [g.criterion, g.name, g.lead, String(g.units), num(g.lost, lang)]),
    });
  }
}

function sipasUnits(sipas: SipasResult): SipasUnitResult[] {
  return sipas.units.filter((u) => !u.pooled && u.kind !== 'pool' && u.overall !== null);
}

function sipasSection(sipas: SipasResult, lang: Lang, n: number, blocks: ReportBlock[]): { average?: number; atTarget: number } {
  const target = sipas.method.target;
  const units = sipasUnits(sipas).sort((a, b) => (b.overall ?? 0) - (a.overall ?? 0) || a.unit.localeCompare(b.unit));
  blocks.push({ kind: 'heading', level: 1, text: `${ROMAN[n]}. ${t('report.section.sipas', { target: pct(target, lang) }, lang)}` });
  if (units.length === 0) {
    blocks.push({ kind: 'paragraph', text: t('report.sipas.none', {}, lang) });
    return { atTarget: 0 };
  }
  const wards = units.filter((u) => u.kind !== 'district');
  const basis = wards.length ? wards : units;
  const average = basis.reduce((s, u) => s + (u.overall ?? 0), 0) / basis.length;
  const atTarget = units.filter((u) => u.meetsTarget === true).length;
  const below = units.filter((u) => u.meetsTarget === false);
  const n2 = units.reduce((s, u) => s + u.n, 0);
  const district = units.find((u) => u.kind === 'district');
  blocks.push({
    kind: 'paragraph',
    text: t('report.sipas.summary', { units: units.length, respondents: formatNumber(district?.n ?? n2, lang, 0), average: idx(average, lang), atTarget, target: pct(target, lang) }, lang),
  });
  if (below.length)
    blocks.push({ kind: 'paragraph', text: t('report.sipas.below', { list: below.map((u) => `${u.name} (${idx(u.overall, lang)}, ${t('report.sipas.gap', { gap: indexPoints(u.gap ?? 0, lang) }, lang)})`).join('; ') }, lang) });
  // the aspects that pull the index down most, over the units
  const drag = new Map<string, { name: string; sum: number; n: number }>();
  for (const u of basis)
    for (const g of u.groups)
      for (const a of g.aspects) {
        if (a.index === null || a.index === undefined) continue;
        const e = drag.get(a.code) ?? { name: a.name, sum: 0, n: 0 };
        e.sum += a.index;
        e.n += 1;
        drag.set(a.code, e);
      }
  const aspects = [...drag.entries()].map(([code, e]) => ({ code, name: e.name, index: e.sum / e.n })).sort((a, b) => a.index - b.index);
  if (aspects.length > 1) {
    const low = aspects.slice(0, 3).map((a) => `${a.code}. ${a.name} (${idx(a.index, lang)})`).join('; ');
    blocks.push({ kind: 'paragraph', text: t('report.sipas.lowAspects', { list: low }, lang) });
  }
  blocks.push({
    kind: 'table',
    columns: [
      { title: t('report.col.unit', {}, lang), align: 'left', width: 38 },
      { title: t('report.col.respondents', {}, lang), align: 'right', width: 12 },
      { title: t('report.col.sipas', {}, lang), align: 'right', width: 14 },
      { title: t('report.col.interval', {}, lang), align: 'center', width: 18 },
      { title: t('report.col.vsTarget', {}, lang), align: 'center', width: 18 },
    ],
    rows: units.map((u) => [
      u.name,
      formatNumber(u.n, lang, 0),
      idx(u.overall, lang),
      u.low !== null && u.high !== null ? `${indexPoints(u.low, lang)}–${indexPoints(u.high, lang)}` : '—',
      u.meetsTarget ? t('report.met', {}, lang) : `${t('report.notMet', {}, lang)} (${signed(-(u.gap ?? 0), lang)})`,
    ]),
  });
  blocks.push({
    kind: 'chart',
    chart: {
      type: 'column',
      title: t('report.chart.sipas', {}, lang),
      categories: units.map((u) => shortName(u.name)),
      series: [{ name: t('report.col.sipas', {}, lang), values: units.map((u) => u.overall ?? 0), labels: units.map((u) => indexPoints(u.overall ?? 0, lang)) }],
      target: { label: t('report.chart.target', { target: pct(target, lang) }, lang), value: target },
      axis: { min: 0, max: 100 },
      width: 600,
      height: 330,
    },
  });
  return { average, atTarget };
}

function planSection(plan: PlanResults, q: Quarter | undefined, lang: Lang, n: number, blocks: ReportBlock[]): ReportFacts['tasks'] {
  blocks.push({ kind: 'heading', level: 1, text: `${ROMAN[n]}. ${t('report.section.plan', {}, lang)}` });
  const end = q ? quarterEnd(q) : undefined;
  const start = q ? `${q.year}-${String((q.q - 1) * 3 + 1).padStart(2, '0')}-01` : undefined;
  const c = plan.counts;
  const total = plan.tasks.length;
  blocks.push({ kind: 'paragraph', text: t('report.plan.summary', { asOf: formatDate(plan.asOf, lang), total, done: c.done, onTrack: c.onTrack, late: c.late, notStarted: c.notStarted, notReported: c.notReported }, lang) });
  if (q && start && end) {
    const inQuarter = plan.tasks.filter((x) => x.due >= start && x.due <= end);
    const done = inQuarter.filter((x) => x.status === 'done').length;
    blocks.push({ kind: 'paragraph', text: t('report.plan.quarter', { count: inQuarter.length, done, from: formatDate(start, lang), to: formatDate(end, lang) }, lang) });
  }
  const titles = new Map(plan.tasks.map((x) => [x.id, x.title]));
  const behind = plan.late.filter((e) => e.status === 'late' || e.status === 'notStarted');
  if (behind.length === 0) blocks.push({ kind: 'paragraph', text: t('report.plan.noneLate', {}, lang) });
  else {
    blocks.push({ kind: 'paragraph', text: t('report.plan.late', { count: behind.length, units: new Set(behind.map((e) => e.unit)).size }, lang) });
    const sorted = [...behind].sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || a.due.localeCompare(b.due) || a.task.localeCompare(b.task));
    blocks.push({
      kind: 'table',
      columns: [
        { title: t('report.col.task', {}, lang), align: 'left', width: 38 },
        { title: t('report.col.responsible', {}, lang), align: 'left', width: 30 },
        { title: t('report.col.due', {}, lang), align: 'center', width: 15 },
        { title: t('report.col.status', {}, lang), align: 'center', width: 17 },
      ],
      rows: sorted.map((e) => [
        `${e.task}. ${titles.get(e.task) ?? ''}`,
        `${e.unitName} (${t(e.role === 'lead' ? 'report.plan.lead' : 'report.plan.coordinator', {}, lang)}; ${e.headTitle})`,
        formatDate(e.due, lang),
        t(`report.status.${e.status}`, {}, lang) + (e.daysLate !== undefined && e.daysLate > 0 ? ` (${t('report.plan.daysLate', { days: e.daysLate }, lang)})` : ''),
      ]),
    });
  }
  const done = plan.tasks.filter((x) => x.status === 'done');
  if (done.length) {
    const byLead = new Map<string, number>();
    for (const x of done) byLead.set(x.leadName || x.lead, (byLead.get(x.leadName || x.lead) ?? 0) + 1);
    const list = [...byLead.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi')).map(([who, k]) => `${who} (${k})`).join(', ');
    blocks.push({ kind: 'paragraph', text: t('report.plan.doneBy', { count: done.length, list }, lang) });
  }
  return { total, done: c.done, late: c.late, notStarted: c.notStarted, notReported: c.notReported, onTrack: c.onTrack };
}

function uncoveredSection(results: ResultsDocument, plan: PlanResults, names: ReadonlyMap<string, string>, lang: Lang, n: number, blocks: ReportBlock[]): void {
  blocks.push({ kind: 'heading', level: 1, text: `${ROMAN[n]}. ${t('report.section.uncovered', {}, lang)}` });
  if (plan.uncovered.length === 0) {
    blocks.push({ kind: 'paragraph', text: t('report.uncovered.none', {}, lang) });
    return;
  }
  const byCode = new Map(gapsByCriterion(results).map((g) => [g.criterion, g]));
  blocks.push({ kind: 'paragraph', text: t('report.uncovered.intro', { count: plan.uncovered.length }, lang) });
  blocks.push({
    kind: 'table',
    columns: [
      { title: t('report.col.criterion', {}, lang), align: 'left', width: 10 },
      { title: t('report.col.name', {}, lang), align: 'left', width: 46 },
      { title: t('report.col.lead', {}, lang), align: 'left', width: 20 },
      { title: t('report.col.unitsLosing', {}, lang), align: 'center', width: 12 },
      { title: t('report.col.lost', {}, lang), align: 'right', width: 12 },
    ],
    rows: plan.uncovered.map((code) => {
      const g = byCode.get(code);
      return [code, g?.name ?? '', g?.lead ? (names.get(g.lead) ?? g.lead) : '', g ? String(g.units) : '', g ? num(g.lost, lang) : ''];
    }),
  });
}

function proposalsSection(input: ReportInput, names: ReadonlyMap<string, string>, lang: Lang, n: number, blocks: ReportBlock[]): void {
  const { results, plan, sipas } = input;
  blocks.push({ kind: 'heading', level: 1, text: `${ROMAN[n]}. ${t('report.section.proposals', {}, lang)}` });
  const items: string[] = [];
  for (const r of gapsByLead(results).filter((x) => x.recoverable > 1e-9).slice(0, 3)) {
    const crit = gapsByCriterion(results)
      .filter((g) => g.lead === r.key && g.recoverable > 1e-9)
      .slice(0, 4)
      .map((g) => g.criterion);
    items.push(t('report.proposal.lead', { lead: r.key ? (names.get(r.key) ?? r.key) : t('report.gaps.noLead', {}, lang), criteria: crit.join(', '), points: num(r.recoverable, lang) }, lang));
  }
  const target = results.framework.target;
  const below = results.units.filter((u) => u.kind !== 'district' && u.index + 1e-9 < target).sort((a, b) => a.index - b.index);
  if (below.length) items.push(t('report.proposal.belowTarget', { list: below.map((u) => `${u.name} (${idx(u.index, lang)})`).join(', '), target: pct(target, lang) }, lang));
  const missing = results.units.filter((u) => u.missing.length > 0).sort((a, b) => b.missing.length - a.missing.length);
  if (missing.length) items.push(t('report.proposal.missing', { list: missing.map((u) => `${u.name} (${u.missing.length})`).join(', ') }, lang));
  if (sipas) {
    const low = sipasUnits(sipas).filter((u) => u.meetsTarget === false);
    if (low.length) items.push(t('report.proposal.sipas', { list: low.map((u) => shortName(u.name)).join(', '), target: pct(sipas.method.target, lang) }, lang));
  }
  if (plan) {
    const heads = [...new Set(plan.late.filter((e) => e.status === 'late' || e.status === 'notStarted').map((e) => e.unitName))];
    if (heads.length) items.push(t('report.proposal.late', { list: heads.join(', ') }, lang));
    if (plan.uncovered.length) items.push(t('report.proposal.uncovered', { list: plan.uncovered.join(', ') }, lang));
  }
  if (items.length === 0) items.push(t('report.proposal.keep', {}, lang));
  for (const x of items) blocks.push({ kind: 'item', text: x });
}

/**
 * The report of one scored round (yearly, or quarterly with `quarter`), as data.
 * @example
 *   const doc = buildReport({ results: round.results, sipas: round.sipas, plan: round.plan, units }, { lang: 'vi', quarter: '2023-Q4', date: '2023-12-20' });
 *   doc.blocks.filter((b) => b.kind === 'chart').length // 3
 */
export function buildReport(input: ReportInput, options: ReportOptions): ReportDocument {
  const { results } = input;
  const lang = options.lang;
  const { period, q } = periodOf(results, options);
  const units = input.units ?? results.units;
  const names = new Map<string, string>([...results.units, ...units].map((u) => [u.code, u.name]));
  const district = units.find((u) => u.kind === 'district') ?? results.units.find((u) => u.kind === 'district');
  const parts = district ? districtParts(district.name, lang) : undefined;
  const issuer = options.issuer ?? parts?.body ?? upper(t('report.header.issuerPlaceholder', {}, lang), lang);
  const place = options.place ?? parts?.place ?? t('report.header.placePlaceholder', {}, lang);
  const blocks: ReportBlock[] = [];
  blocks.push({ kind: 'paragraph', text: t(q ? 'report.intro.quarter' : 'report.intro.year', { framework: results.framework.name, period: period.label }, lang) });
  let n = 0;
  const facts = resultsSection(results, lang, n++, blocks);
  gapsSection(results, names, lang, n++, blocks);
  const plan = input.plan ?? results.plan;
  const sipas = input.sipas ?? results.sipas;
  if (sipas) {
    const s = sipasSection(sipas, lang, n++, blocks);
    if (s.average !== undefined) facts.sipasAverage = s.average;
    facts.sipasAtTarget = s.atTarget;
  }
  if (plan) {
    const tasks = planSection(plan, q, lang, n++, blocks);
    if (tasks) facts.tasks = tasks;
    uncoveredSection(results, plan, names, lang, n++, blocks);
    facts.uncovered = [...plan.uncovered];
  }
  proposalsSection({ ...input, ...(plan ? { plan } : {}), ...(sipas ? { sipas } : {}) }, names, lang, n++, blocks);
  const symbol = options.symbol ?? 'BC-UBND';
  return {
    lang,
    period,
    header: {
      parent: options.parent ?? '',
      issuer,
      number: t('report.header.number', { symbol }, lang),
      nationalTitle: t('report.header.nationalTitle', {}, lang),
      motto: t('report.header.motto', {}, lang),
      placeDate: placeDate(place, options.date, period.year, lang),
    },
    kind: upper(t('report.kind', {}, lang), lang),
    subject: t(q ? 'report.subject.quarter' : 'report.subject.year', { period: period.label }, lang),
    blocks,
    recipients: { heading: t('report.recipients', {}, lang), items: options.recipients ?? t('report.recipients.default', {}, lang).split('\n') },
    signature: {
      authority: options.signer?.authority ?? t('report.signer.authority', {}, lang),
      title: options.signer?.title ?? t('report.signer.title', {}, lang),
      name: options.signer?.name ?? '',
    },
    facts,
  };
}
