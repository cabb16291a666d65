/**
 * Output sheets of plan tracking: the quarterly report for the city ("Báo cáo quý") and the
 * tracking table ("Kế hoạch - theo dõi"). Pure: a PlanReport (and optional results / SIPAS) in,
 * a RenderedSheet out.
 */
import type { ResultsDocument } from '../../model/results';
import type { CellValue, CellStyle, RenderedSheet } from '../../workbook/port';
import { a1, rangeA1 } from '../../workbook/a1';
import { formatDate, formatNumber, formatPercent, t, type Lang } from '../../i18n';
import type { PlanTarget, TrackStatus } from '../task';
import { parseQuarter, quarterLabel, type Quarter } from '../dates';
import type { Assignment, LateEntry, PlanReport, PlanTaskReport, ReportTarget } from '../track';
import { measureTarget, type IndicatorSources, type SipasLike } from '../indicators';
import { statusLabel } from '../summary';

export const QUARTERLY_REPORT_SHEET = 'Báo cáo quý';
export const QUARTERLY_REPORT_MARKER = 'parindex:plan-report';
export const PLAN_STATUS_SHEET = 'Kế hoạch - theo dõi';
export const PLAN_STATUS_MARKER = 'parindex:plan-tracking';

const STATUS_FILL: Record<TrackStatus, string> = {
  done: 'C6EFCE',
  onTrack: 'DDEBF7',
  late: 'FFC7CE',
  notStarted: 'FFEB9C',
  notReported: 'EDEDED',
};

function targetText(x: PlanTarget, lang: Lang): string {
  if (x.value === undefined) return '';
  const op = x.op === '>' ? '>' : x.op === '<' ? '<' : x.op === '<=' ? '≤' : x.op === '=' ? '=' : '≥';
  const val = x.unit === '%' ? formatPercent(x.value, lang) : `${formatNumber(x.value, lang)}${x.unit ? ' ' + x.unit : ''}`;
  const by = x.by ? ` (${t('plan.report.by', { date: formatDate(x.by, lang) }, lang)})` : '';
  const better = x.betterThanPrevious ? `; ${t('plan.report.betterThanPrevious', {}, lang)}` : '';
  return `${op} ${val}${by}${better}`;
}

/** Joined "what was done" of a task's assignments: "VP: …; NV: …". */
function doneText(a: readonly Assignment[]): string {
  return a
    .filter((x) => x.done)
    .map((x) => `${x.unit}: ${x.done ?? ''}`)
    .join('\n');
}

/** "Phòng Tư pháp: chậm III.2-1; UBND phường Khương Đình: chưa báo cáo II.1.2-2" (grouped by unit). */
function areaBehind(entries: readonly LateEntry[], lang: Lang): string {
  const byUnit = new Map<string, LateEntry[]>();
  for (const e of entries) byUnit.set(e.unitName, [...(byUnit.get(e.unitName) ?? []), e]);
  const parts: string[] = [];
  for (const [name, es] of byUnit) {
    const bits: string[] = [];
    for (const s of ['late', 'notStarted', 'notReported'] as const) {
      const ids = es.filter((e) => e.status === s).map((e) => e.task);
      if (ids.length) bits.push(`${statusLabel(s, lang).toLowerCase()} ${ids.join(', ')}`);
    }
    parts.push(`${name}: ${bits.join('; ')}`);
  }
  return parts.join('. ');
}

interface Builder {
  values: CellValue[][];
  styles: { range: string; style: CellStyle }[];
  merges: string[];
}

const REPORT_COLS = 6;
/** Column of the tasks-by-status block beside the report (H), the data of its chart. */
const STATUS_COL = 7;

function push(b: Builder, row: CellValue[], style?: CellStyle, mergeFrom?: number): number {
  const r = b.values.length;
  b.values.push(row);
  if (style) b.styles.push({ range: rangeA1(r, 0, r, REPORT_COLS - 1), style });
  if (mergeFrom !== undefined) b.merges.push(rangeA1(r, mergeFrom, r, REPORT_COLS - 1));
  return r;
}

export interface QuarterlyReportOptions extends Omit<IndicatorSources, 'results' | 'sipas'> {
  /** Receiving office (default "Sở Nội vụ Hà Nội"). */
  recipient?: string;
  /** Reporting unit name (default "UBND quận Thanh Xuân"). */
  reporter?: string;
}

/**
 * The quarterly report on the plan, compiled for the city (Sở Nội vụ): overview, per area what
 * was done (from the units' "what was done"), indicators against targets, units late or not
 * started (whose heads answer for it), difficulties and proposals, criteria that lost points with
 * no task. Ready to copy into the official report.
 * @example
 *   const sheet = renderQuarterlyReport(report, results, sipas, '2023-Q3', 'vi');
 */
export function renderQuarterlyReport(
  report: PlanReport,
  results: ResultsDocument | undefined,
  sipas: SipasLike | undefined,
  quarter: string | Quarter,
  lang: Lang = 'vi',
  options: QuarterlyReportOptions = {},
): RenderedSheet {
  const q = (typeof quarter === 'string' ? parseQuarter(quarter) : quarter) ?? parseQuarter(report.quarter) ?? { year: report.year, q: 4 };
  const b: Builder = { values: [], styles: [], merges: [] };
  const head: CellStyle = { bold: true, fill: 'D9E1F2', border: true, wrap: true, align: 'center' };
  const section: CellStyle = { bold: true, fontSize: 12 };
  const sub: CellStyle = { bold: true, fill: 'F2F2F2' };
  push(b, [t('plan.report.title', { quarter: quarterLabel(q, lang) }, lang)], { bold: true, fontSize: 14, align: 'center', wrap: true }, 0);
  push(
    b,
    [t('plan.report.subtitle', { asOf: formatDate(report.asOf, lang), recipient: options.recipient ?? t('plan.report.recipient', {}, lang), reporter: options.reporter ?? t('plan.report.reporter', {}, lang) }, lang)],
    { italic: true, align: 'center', wrap: true },
    0,
  );
  push(b, []);

  // I. Overview
  push(b, [t('plan.report.overview', {}, lang)], section, 0);
  const n = report.tasks.length;
  const c = report.counts;
  push(b, [t('plan.report.overviewTasks', { n, done: c.done, onTrack: c.onTrack, late: c.late, notStarted: c.notStarted, notReported: c.notReported }, lang)], { wrap: true }, 0);
  const reported = report.units.filter((u) => u.reported).length;
  push(b, [t('plan.report.overviewUnits', { reported, total: report.units.length }, lang)], { wrap: true }, 0);
  const missing = report.units.filter((u) => !u.reported).map((u) => u.name);
  if (missing.length) push(b, [t('plan.report.notReportedUnits', { units: missing.join(', ') }, lang)], { wrap: true }, 0);
  push(b, []);

  // II. Per area
  const src: IndicatorSources = { ...options, ...(results ? { results } : {}), ...(sipas ? { sipas } : {}) };
  push(b, [t('plan.report.byArea', {}, lang)], section, 0);
  push(b, (['plan.report.col.id', 'plan.report.col.task', 'plan.report.col.lead', 'plan.report.col.status', 'plan.report.col.done', 'plan.report.col.units'] as const).map((k) => t(k, {}, lang)), head);
  const sectionTitle = new Map(report.sections.map((s) => [s.code, s.title]));
  const bySection = new Map<string, PlanTaskReport[]>();
  for (const x of report.tasks) bySection.set(x.section, [...(bySection.get(x.section) ?? []), x]);
  for (const [code, tasks] of bySection) {
    push(b, [code, sectionTitle.get(code) ?? ''], sub, 1);
    for (const x of tasks) {
      const r = push(b, [
        x.id,
        x.title,
        x.leadName,
        statusLabel(x.status, lang),
        doneText(x.assignments) || t('plan.report.nothingReported', {}, lang),
        t('plan.report.unitCounts', { done: x.counts.done, total: x.assignments.length, late: x.counts.late, notReported: x.counts.notReported }, lang),
      ]);
      b.styles.push({ range: rangeA1(r, 0, r, REPORT_COLS - 1), style: { wrap: true, border: true } });
      b.styles.push({ range: rangeA1(r, 3, r, 3), style: { fill: STATUS_FILL[x.status] } });
    }
    // the area's targets and its units behind schedule, one line each
    for (const { target } of report.targets.filter((rt) => rt.task !== undefined && tasks.some((x) => x.id === rt.task))) {
      const m = measureTarget(target, src);
      const verdict = m.met === undefined ? t('plan.report.noData', {}, lang) : m.met ? t('plan.report.met', {}, lang) : t('plan.report.notMet', {}, lang);
      const actual = m.actual === undefined ? '' : `: ${formatPercent(m.actual, lang)}`;
      push(b, ['', t('plan.report.areaTarget', { indicator: target.indicator, goal: targetText(target, lang), actual, verdict }, lang)], { italic: true, wrap: true }, 1);
    }
    const behind = areaBehind(report.late.filter((e) => tasks.some((x) => x.id === e.task)), lang);
    push(b, ['', behind ? t('plan.report.areaBehind', { list: behind }, lang) : t('plan.report.areaNoneBehind', {}, lang)], { italic: true, wrap: true }, 1);
  }
  push(b, []);

  // III. Indicators vs targets
  push(b, [t('plan.report.targets', {}, lang)], section, 0);
  push(b, (['plan.report.col.target', 'plan.report.col.indicator', 'plan.report.col.goal', 'plan.report.col.actual', 'plan.report.col.met', 'plan.report.col.source'] as const).map((k) => t(k, {}, lang)), head);
  const rows: ReportTarget[] = report.targets;
  for (const { target, task } of rows) {
    const m = measureTarget(target, src);
    const met = m.met === undefined ? t('plan.report.noData', {}, lang) : m.met ? t('plan.report.met', {}, lang) : t('plan.report.notMet', {}, lang);
    const actual = m.actual === undefined ? '' : formatPercent(m.actual, lang) + (m.previous !== undefined ? ` (${t('plan.report.previous', { value: formatPercent(m.previous, lang) }, lang)})` : '');
    const r = push(b, [task ?? target.source ?? '', target.indicator, targetText(target, lang), actual, met, m.source ?? '']);
    b.styles.push({ range: rangeA1(r, 0, r, REPORT_COLS - 1), style: { wrap: true, border: true } });
    if (m.met !== undefined) b.styles.push({ range: rangeA1(r, 4, r, 4), style: { fill: m.met ? STATUS_FILL.done : STATUS_FILL.late } });
  }
  if (results) {
    const district = results.units.filter((u) => u.kind === 'district');
    for (const u of district)
      push(b, ['', t('plan.report.parIndex', { unit: u.name }, lang), formatPercent(results.framework.target, lang), formatPercent(u.index, lang), u.index + 1e-9 >= results.framework.target ? t('plan.report.met', {}, lang) : t('plan.report.notMet', {}, lang), 'PAR INDEX']);
  }
  push(b, []);

  // IV. Units late / not started (plan III.3: heads answer for it)
  push(b, [t('plan.report.responsibility', {}, lang)], section, 0);
  if (report.responsibility.length === 0) push(b, [t('plan.report.noneLate', {}, lang)], undefined, 0);
  else {
    push(b, (['plan.report.col.unit', 'plan.report.col.head', 'plan.report.col.late', 'plan.report.col.notStarted', 'plan.report.col.notReported', 'plan.report.col.count'] as const).map((k) => t(k, {}, lang)), head);
    const ids = (es: readonly LateEntry[], s: LateEntry['status']): string =>
      es
        .filter((e) => e.status === s)
        .map((e) => e.task)
        .join(', ');
    for (const u of report.responsibility) {
      const r = push(b, [u.unitName, u.headTitle, ids(u.entries, 'late'), ids(u.entries, 'notStarted'), ids(u.entries, 'notReported'), u.entries.length]);
      b.styles.push({ range: rangeA1(r, 0, r, REPORT_COLS - 1), style: { wrap: true, border: true } });
    }
  }
  push(b, []);

  // V. Difficulties and proposals
  push(b, [t('plan.report.proposals', {}, lang)], section, 0);
  let any = false;
  for (const x of report.tasks)
    for (const a of x.assignments) {
      if (!a.difficulties && !a.proposals) continue;
      any = true;
      const r = push(b, [x.id, a.unit, t('plan.report.difficulty', { text: a.difficulties ?? '—' }, lang), t('plan.report.proposal', { text: a.proposals ?? '—' }, lang)]);
      b.merges.push(rangeA1(r, 3, r, REPORT_COLS - 1));
      b.styles.push({ range: rangeA1(r, 0, r, REPORT_COLS - 1), style: { wrap: true, border: true } });
    }
  if (!any) push(b, [t('plan.report.noProposals', {}, lang)], undefined, 0);

  // VI. Criteria that lost points and no task serves
  if (report.uncoveredDetail.length > 0) {
    push(b, []);
    push(b, [t('plan.report.uncovered', {}, lang)], section, 0);
    push(b, (['plan.report.col.criterion', 'plan.report.col.name', 'plan.report.col.lead', 'plan.report.col.lost', 'plan.report.col.units', ''] as const).map((k) => (k ? t(k, {}, lang) : '')), head);
    for (const u of report.uncoveredDetail) {
      const r = push(b, [u.criterion, u.name, u.lead ?? '', u.lost, u.units.join(', '), '']);
      b.styles.push({ range: rangeA1(r, 0, r, REPORT_COLS - 1), style: { wrap: true, border: true } });
      b.styles.push({ range: rangeA1(r, 3, r, 3), style: { numFmt: '0.00' } });
    }
  }
  const last = b.values.length - 1;
  // tasks by status beside the report (columns H:I, from the overview's row) and a native chart of them
  const statusRow = 3;
  const statuses = ['done', 'onTrack', 'late', 'notStarted', 'notReported'] as const;
  const block: CellValue[][] = [[t('plan.report.col.status', {}, lang), t('plan.report.col.tasks', {}, lang)], ...statuses.map((st) => [statusLabel(st, lang), c[st]])];
  block.forEach((cells, i) => {
    const row = b.values[statusRow + i] ?? [];
    while (row.length < STATUS_COL) row.push(null);
    for (const cell of cells) row.push(cell);
    b.values[statusRow + i] = row;
  });
  const blockEnd = statusRow + statuses.length;
  b.styles.push({ range: rangeA1(statusRow, STATUS_COL, statusRow, STATUS_COL + 1), style: head });
  b.styles.push({ range: rangeA1(statusRow + 1, STATUS_COL, blockEnd, STATUS_COL + 1), style: { border: true } });
  statuses.forEach((st, i) => b.styles.push({ range: rangeA1(statusRow + 1 + i, STATUS_COL, statusRow + 1 + i, STATUS_COL), style: { fill: STATUS_FILL[st] } }));
  const chart = {
    type: 'column' as const,
    title: t('plan.report.chart.status', {}, lang),
    dataRange: rangeA1(statusRow, STATUS_COL, blockEnd, STATUS_COL + 1),
    seriesBy: 'columns' as const,
    anchor: a1(blockEnd + 2, STATUS_COL),
    width: 420,
    height: 260,
  };
  return {
    name: QUARTERLY_REPORT_SHEET,
    marker: QUARTERLY_REPORT_MARKER,
    values: b.values,
    styles: b.styles,
    columnWidths: [11, 55, 26, 18, 60, 22, 2, 24, 12],
    merges: b.merges,
    charts: [chart],
    printArea: rangeA1(0, 0, last, REPORT_COLS - 1),
    tabColor: '4472C4',
  };
}

const TRACK_COLUMNS = [
  { key: 'no', vi: 'STT', en: 'No.', width: 6 },
  { key: 'unit', vi: 'Mã đơn vị', en: 'Unit', width: 9 },
  { key: 'unitName', vi: 'Đơn vị', en: 'Unit name', width: 30 },
  { key: 'head', vi: 'Người đứng đầu chịu trách nhiệm', en: 'Head answerable', width: 24 },
  { key: 'task', vi: 'Mã nhiệm vụ', en: 'Task id', width: 11 },
  { key: 'title', vi: 'Nhiệm vụ', en: 'Task', width: 55 },
  { key: 'role', vi: 'Vai trò', en: 'Role', width: 11 },
  { key: 'due', vi: 'Thời hạn', en: 'Due', width: 12 },
  { key: 'status', vi: 'Tình trạng', en: 'Status', width: 18 },
  { key: 'percent', vi: '% hoàn thành', en: '% done', width: 11 },
  { key: 'completedOn', vi: 'Ngày hoàn thành', en: 'Completed on', width: 13 },
  { key: 'daysLate', vi: 'Số ngày chậm', en: 'Days late', width: 10 },
  { key: 'difficulties', vi: 'Khó khăn, vướng mắc', en: 'Difficulties', width: 30 },
] as const;

/**
 * The tracking table "Kế hoạch - theo dõi": one row per unit × task that is late, not started or
 * not reported (or every unit × task with `all: true`), one header row and nothing below it, so
 * Excel's filter and sort work on it directly.
 * @example await port.write([renderPlanStatusSheet(report)]);
 */
export function renderPlanStatusSheet(report: PlanReport, options: { lang?: Lang; all?: boolean } = {}): RenderedSheet {
  const lang = options.lang ?? 'vi';
  const q = parseQuarter(report.quarter);
  const values: CellValue[][] = [
    [t('plan.sheet.tracking.title', { quarter: q ? quarterLabel(q, lang) : report.quarter }, lang)],
    [t('plan.sheet.tracking.note', { asOf: formatDate(report.asOf, lang), late: report.late.length, units: report.responsibility.length }, lang)],
    TRACK_COLUMNS.map((c) => c.key),
    TRACK_COLUMNS.map((c) => (lang === 'vi' ? c.vi : c.en)),
  ];
  const first = values.length;
  const styles: { range: string; style: CellStyle }[] = [
    { range: 'A1', style: { bold: true, fontSize: 14 } },
    { range: 'A2', style: { italic: true } },
    { range: rangeA1(3, 0, 3, TRACK_COLUMNS.length - 1), style: { bold: true, fill: 'D9E1F2', border: true, wrap: true, align: 'center' } },
  ];
  const unitInfo = new Map(report.units.map((u) => [u.unit, u]));
  const rows: { a: Assignment; x: PlanTaskReport }[] = [];
  if (options.all) for (const x of report.tasks) for (const a of x.assignments) rows.push({ a, x });
  else {
    const byId = new Map(report.tasks.map((x) => [x.id, x]));
    for (const e of report.late) {
      const x = byId.get(e.task);
      const a = x?.assignments.find((y) => y.unit === e.unit);
      if (x && a) rows.push({ a, x });
    }
  }
  rows.forEach(({ a, x }, i) => {
    const u = unitInfo.get(a.unit);
    const r = values.length;
    values.push([
      i + 1,
      a.unit,
      u?.name ?? a.unit,
      u?.headTitle ?? '',
      x.id,
      x.title,
      t(a.role === 'lead' ? 'plan.role.lead' : 'plan.role.coordinator', {}, lang),
      formatDate(a.due, lang),
      statusLabel(a.status, lang),
      a.percent ?? null,
      a.completedOn ? formatDate(a.completedOn, lang) : null,
      a.daysLate ?? null,
      a.difficulties ?? null,
    ]);
    styles.push({ range: rangeA1(r, 8, r, 8), style: { fill: STATUS_FILL[a.status] } });
  });
  const last = Math.max(first, values.length - 1);
  if (rows.length) styles.push({ range: rangeA1(first, 0, last, TRACK_COLUMNS.length - 1), style: { border: true, wrap: true } });
  return {
    name: PLAN_STATUS_SHEET,
    marker: PLAN_STATUS_MARKER,
    values,
    styles,
    columnWidths: TRACK_COLUMNS.map((c) => c.width),
    hiddenRows: [3],
    freeze: { rows: 4, columns: 3 },
    printArea: rangeA1(0, 0, last, TRACK_COLUMNS.length - 1),
    tabColor: 'C00000',
  };
}
