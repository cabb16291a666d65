import { issue, type Issue } from '../model/issue';
import type { Unit } from '../model/unit';
import type { NodeResult, PlanResults, PlanUnitStatusResult, ResultsDocument } from '../model/results';
import { dateParam, t, type Lang } from '../i18n';
import { type Plan, type PlanSection, type PlanTarget, type PlanTask, type Progress, type TaskStatus, type TrackStatus } from './task';
import { compareQuarters, parseDateText, parseQuarter, quarterEnd, quarterKey, quarterOf, type Quarter } from './dates';
import { defaultPlanUnits, taskCoordinatorUnits, taskLeadUnits, type TaskRole } from './units';
import { overallStatus, withFallback } from './statuses';

/** Points lost below this are treated as no loss. */
const LOST_EPSILON = 1e-9;

export interface TrackPlanInput {
  /** The tasks (default: `plan.tasks`). */
  tasks?: readonly PlanTask[];
  /** A whole plan: supplies tasks, sections, targets and year when those are not given. */
  plan?: Plan;
  /** Quarterly statuses reported by units (rows of their "Tiến độ nhiệm vụ" sheets, the register). */
  statuses: readonly TaskStatus[];
  /**
   * Statuses used for a unit × task pair only when `statuses` has no row for that pair at all
   * (the plan sheet's own status column, for single-lead tasks: see `planFromDocument`).
   */
  fallback?: readonly TaskStatus[];
  /** Unit list (default: the built-in Thanh Xuân 2023 units). */
  units?: readonly Unit[];
  /** Date of the review, ISO "yyyy-mm-dd". */
  asOf: string;
  /** Reporting quarter ("2023-Q3", "Quý III/2023"); default: the quarter of `asOf`. */
  quarter?: string;
  /** Plan year, for tasks without a due date (due 31/12 of that year); default: the year of `asOf`. */
  year?: number;
  /** Scoring results: criteria that lost points are linked to the tasks serving them. */
  results?: ResultsDocument;
  /** Units that returned a status sheet for the quarter, even an empty one. */
  reported?: readonly string[];
  /** Whether coordinating units are tracked as well as leads (default true). */
  trackCoordinators?: boolean;
  /** Language of the unit-head titles (default vi). */
  lang?: Lang;
  /** Plan sections (titles used by the quarterly report). */
  sections?: readonly PlanSection[];
  /** Plan-level targets (the tasks' own targets are added). */
  targets?: readonly PlanTarget[];
}

/** A target with the task that carries it (none for plan-level targets). */
export interface ReportTarget {
  target: PlanTarget;
  task?: string;
}

/** One unit's standing on one task. */
export interface Assignment {
  task: string;
  unit: string;
  role: TaskRole;
  status: TrackStatus;
  /** Due date that applied (a quarterly task: the end of the reporting quarter). */
  due: string;
  progress?: Progress;
  percent?: number;
  completedOn?: string;
  /** Days past the due date: completion date (done late) or the review date (still open). */
  daysLate?: number;
  /** Quarter of the status row used. */
  quarter?: string;
  /** Date the report used was received, when known. */
  reportedAt?: string;
  done?: string;
  evidence?: string;
  difficulties?: string;
  proposals?: string;
}

export interface TaskGapLink {
  unit: string;
  criterion: string;
  lost: number;
}

export interface PlanTaskReport {
  id: string;
  title: string;
  section: string;
  lead: string;
  leadName: string;
  coordinators: string[];
  /** ISO due date; for a quarterly task, the end of the reporting quarter. */
  due: string;
  recurrence: 'once' | 'quarterly';
  status: TrackStatus;
  criteria: string[];
  /** Units that lead the task (a group lead expanded). */
  leadUnits: string[];
  /** Each lead unit's own status, in `leadUnits` order (the overall `status` is derived from these). */
  byUnit: UnitStatus[];
  assignments: Assignment[];
  counts: Record<TrackStatus, number>;
  /** Criteria that lost points (any unit) that this task serves. */
  gaps: TaskGapLink[];
  /** Sum of those points lost. */
  lost: number;
}

/** One lead unit's standing on a task (`byUnit` of a task; same shape in the results document). */
export type UnitStatus = PlanUnitStatusResult;

export interface UnitPlanReport {
  unit: string;
  name: string;
  kind: string;
  /** "Thủ trưởng cơ quan" / "Chủ tịch UBND phường". */
  headTitle: string;
  /** Whether the unit reported for the quarter at all. */
  reported: boolean;
  tasks: number;
  counts: Record<TrackStatus, number>;
}

export type LateStatus = 'late' | 'notStarted' | 'notReported';

export interface LateEntry {
  unit: string;
  task: string;
  status: LateStatus;
  role: TaskRole;
  due: string;
  title: string;
  unitName: string;
  headTitle: string;
  progress?: Progress;
  percent?: number;
  completedOn?: string;
  daysLate?: number;
  difficulties?: string;
}

/** Units to be named in the report to the district leadership (plan III.3). */
export interface ResponsibilityEntry {
  unit: string;
  unitName: string;
  kind: string;
  headTitle: string;
  late: number;
  notStarted: number;
  notReported: number;
  entries: LateEntry[];
}

export interface UncoveredCriterion {
  criterion: string;
  name: string;
  area: string;
  lead?: string;
  /** Points lost over all units. */
  lost: number;
  units: string[];
}

export interface PlanReport {
  asOf: string;
  /** Reporting quarter "2023-Q3". */
  quarter: string;
  year: number;
  tasks: PlanTaskReport[];
  units: UnitPlanReport[];
  /** Unit × task pairs late, not started or not reported (fixed shape `{unit, task, status}` plus details). */
  late: LateEntry[];
  responsibility: ResponsibilityEntry[];
  /** Criteria that lost points with no task serving them. */
  uncovered: string[];
  uncoveredDetail: UncoveredCriterion[];
  /** Tasks by overall status. */
  counts: Record<TrackStatus, number>;
  sections: PlanSection[];
  targets: ReportTarget[];
  issues: Issue[];
}

function zeroCounts(): Record<TrackStatus, number> {
  return { done: 0, onTrack: 0, late: 0, notStarted: 0, notReported: 0 };
}

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/** Title of the head of a unit, who answers for the unit's tasks (plan III.3). */
export function headTitle(kind: string, lang: Lang = 'vi'): string {
  return t(kind === 'ward' ? 'plan.head.ward' : 'plan.head.office', {}, lang);
}

/**
 * Judge one unit's standing on one task (decision table: docs/plan.md §3). Rows looked at: for a
 * one-off task the unit's rows of every quarter up to the reporting quarter, for a quarterly task
 * only the reporting quarter's row (due at that quarter's end).
 * - a row says done → `done`, or `late` when its completion date is after the due date;
 * - else the reporting quarter's row: in progress → `onTrack`, not started → `notStarted`, either
 *   → `late` once the review date is past the due date;
 * - else (no row for the reporting quarter; older not-done rows do not count) → `notReported`,
 *   also after the due date: a unit is only called late on what it reported.
 */
export function judgeAssignment(
  task: PlanTask,
  unit: string,
  role: TaskRole,
  rows: readonly TaskStatus[],
  ctx: { asOf: string; quarter: Quarter; year: number },
): Assignment {
  const quarterly = task.recurrence === 'quarterly';
  const due = quarterly ? quarterEnd(ctx.quarter) : (task.due ?? `${ctx.year}-12-31`);
  const qk = quarterKey(ctx.quarter);
  const mine = rows
    .filter((r) => r.task === task.id && r.unit === unit)
    .filter((r) => {
      const q = parseQuarter(r.quarter);
      return q !== undefined && (quarterly ? r.quarter === qk : compareQuarters(q, ctx.quarter) <= 0);
    })
    .sort((a, b) => (a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : 0));
  const base: Assignment = { task: task.id, unit, role, status: 'notReported', due };
  const withRow = (r: TaskStatus, status: TrackStatus): Assignment => {
    const a: Assignment = { ...base, status, progress: r.progress, quarter: r.quarter };
    if (r.percent !== undefined) a.percent = r.percent;
    if (r.completedOn) a.completedOn = r.completedOn;
    if (r.reportedAt) a.reportedAt = r.reportedAt;
    if (r.done) a.done = r.done;
    if (r.evidence) a.evidence = r.evidence;
    if (r.difficulties) a.difficulties = r.difficulties;
    if (r.proposals) a.proposals = r.proposals;
    if (status === 'late') {
      const until = r.progress === 'done' && r.completedOn ? r.completedOn : ctx.asOf;
      a.daysLate = Math.max(0, daysBetween(due, until));
    }
    return a;
  };
  const done = mine.find((r) => r.progress === 'done');
  if (done) return withRow(done, done.completedOn && done.completedOn > due ? 'late' : 'done');
  const current = [...mine].reverse().find((r) => r.quarter === qk);
  if (!current) return base;
  const overdue = ctx.asOf > due;
  if (current.progress === 'inProgress') return withRow(current, overdue ? 'late' : 'onTrack');
  return withRow(current, overdue ? 'late' : 'notStarted');
}

/** A lead's assignment as a `byUnit` entry. */
function unitStatus(a: Assignment, unitName: string): UnitStatus {
  const u: UnitStatus = { unit: a.unit, unitName, status: a.status };
  if (a.quarter) u.quarter = a.quarter;
  if (a.reportedAt) u.reportedAt = a.reportedAt;
  if (a.completedOn) u.completedOn = a.completedOn;
  if (a.percent !== undefined) u.percent = a.percent;
  if (a.daysLate !== undefined) u.daysLate = a.daysLate;
  return u;
}

interface GapSeen {
  criterion: string;
  name: string;
  area: string;
  lead?: string;
  lost: number;
  units: string[];
}

/** Ancestors of every node code, from the result trees (so area codes cover their criteria). */
function ancestorsMap(results: ResultsDocument): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const walk = (nodes: readonly NodeResult[] | undefined, chain: string[]): void => {
    for (const n of nodes ?? []) {
      const set = map.get(n.code) ?? new Set<string>();
      for (const c of chain) set.add(c);
      map.set(n.code, set);
      walk(n.children, [...chain, n.code]);
    }
  };
  for (const u of results.units) walk(u.tree, []);
  return map;
}

function serves(task: PlanTask, criterion: string, area: string, ancestors: Map<string, Set<string>>): boolean {
  const anc = ancestors.get(criterion);
  return task.criteria.some((c) => c === criterion || c === area || criterion.startsWith(c + '.') || (anc?.has(c) ?? false));
}

/**
 * Track the plan: each task × responsible unit is done, onTrack, late, notStarted or notReported
 * against its deadline and the reporting quarter; the late list and the units whose heads answer
 * for it; criteria that lost points and no task serves (`uncovered`). Pure.
 * @example
 *   const report = trackPlan({ tasks: builtinPlan2023.tasks, statuses, asOf: '2023-09-30', results });
 *   report.late // [{ unit: 'KG', task: 'II.2.1-1', status: 'notReported', … }]
 */
export function trackPlan(input: TrackPlanInput): PlanReport {
  const units = input.units ?? defaultPlanUnits;
  const lang = input.lang ?? 'vi';
  const issues: Issue[] = [];
  // a review date that is not a date: fall back to the plan's year end and say so
  const validAsOf = parseDateText(input.asOf);
  const planYear = input.year ?? input.plan?.year;
  const asOf = validAsOf ?? `${planYear ?? 2000}-12-31`;
  if (!validAsOf) issues.push(issue('plan.badAsOf', { value: input.asOf, date: dateParam(asOf) }, {}, 'warning'));
  const quarter = (input.quarter ? parseQuarter(input.quarter) : undefined) ?? quarterOf(asOf);
  if (input.quarter && !parseQuarter(input.quarter)) issues.push(issue('plan.badQuarter', { value: input.quarter }, {}, 'warning'));
  const year = planYear ?? Number(asOf.slice(0, 4));
  const allTasks: readonly PlanTask[] = input.tasks ?? input.plan?.tasks ?? [];
  const ctx = { asOf, quarter, year };
  const qk = quarterKey(quarter);
  // a unit's own reports first; the plan sheet's status only for pairs nobody reported on
  const statuses = input.fallback && input.fallback.length > 0 ? withFallback(input.statuses, input.fallback) : input.statuses;
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const taskById = new Map(allTasks.map((x) => [x.id, x]));

  // who answers for each task, worked out once
  const leadsOf = new Map(allTasks.map((x) => [x.id, taskLeadUnits(x, units)]));
  const coordsOf = new Map(allTasks.map((x) => [x.id, taskCoordinatorUnits(x, units)]));
  const assigned = new Map(allTasks.map((x) => [x.id, new Set([...(leadsOf.get(x.id) ?? []), ...(coordsOf.get(x.id) ?? [])])]));

  // Statuses that do not fit the register are reported, not silently dropped.
  for (const s of statuses) {
    const task = taskById.get(s.task);
    if (!task) issues.push(issue('plan.status.unknownTask', { task: s.task }, { unit: s.unit }, 'warning'));
    else if (!unitByCode.has(s.unit)) issues.push(issue('plan.unknownUnit', { unit: s.unit, task: s.task }, { unit: s.unit }, 'warning'));
    else if (!assigned.get(task.id)?.has(s.unit)) issues.push(issue('plan.status.notAssigned', { task: s.task, unit: s.unit }, { unit: s.unit }, 'warning'));
  }

  // statuses by task and unit, so each judgement looks only at its own rows
  const byPair = new Map<string, TaskStatus[]>();
  for (const st of statuses) {
    const k = `${st.task}|${st.unit}`;
    const list = byPair.get(k);
    if (list) list.push(st);
    else byPair.set(k, [st]);
  }
  const reportedUnits = new Set<string>(input.reported ?? []);
  for (const s of statuses) if (s.quarter === qk) reportedUnits.add(s.unit);

  const ancestors = input.results ? ancestorsMap(input.results) : new Map<string, Set<string>>();
  const gaps: { unit: string; criterion: string; name: string; area: string; lead?: string; lost: number }[] = [];
  for (const u of input.results?.units ?? [])
    for (const g of u.gaps)
      if (g.lost > LOST_EPSILON) gaps.push({ unit: u.code, criterion: g.criterion, name: g.name, area: g.area, lost: g.lost, ...(g.lead ? { lead: g.lead } : {}) });

  const unitCounts = new Map<string, { counts: Record<TrackStatus, number>; tasks: number }>();
  const late: LateEntry[] = [];
  const tasks: PlanTaskReport[] = [];
  for (const task of allTasks) {
    const leadUnits = leadsOf.get(task.id) ?? [];
    const coordUnits = input.trackCoordinators === false ? [] : (coordsOf.get(task.id) ?? []);
    const rowsOf = (u: string): readonly TaskStatus[] => byPair.get(`${task.id}|${u}`) ?? [];
    const assignments = [
      ...leadUnits.map((u) => judgeAssignment(task, u, 'lead', rowsOf(u), ctx)),
      ...coordUnits.map((u) => judgeAssignment(task, u, 'coordinator', rowsOf(u), ctx)),
    ];
    const counts = zeroCounts();
    for (const a of assignments) {
      counts[a.status]++;
      const uc = unitCounts.get(a.unit) ?? { counts: zeroCounts(), tasks: 0 };
      uc.counts[a.status]++;
      uc.tasks++;
      unitCounts.set(a.unit, uc);
      if (a.status === 'late' || a.status === 'notStarted' || a.status === 'notReported') {
        const unit = unitByCode.get(a.unit);
        const e: LateEntry = {
          unit: a.unit,
          task: task.id,
          status: a.status,
          role: a.role,
          due: a.due,
          title: task.title,
          unitName: unit?.name ?? a.unit,
          headTitle: headTitle(unit?.kind ?? 'office', lang),
        };
        if (a.progress) e.progress = a.progress;
        if (a.percent !== undefined) e.percent = a.percent;
        if (a.completedOn) e.completedOn = a.completedOn;
        if (a.daysLate !== undefined) e.daysLate = a.daysLate;
        if (a.difficulties) e.difficulties = a.difficulties;
        late.push(e);
      }
    }
    const leads = assignments.filter((a) => a.role === 'lead');
    const linked = gaps.filter((g) => serves(task, g.criterion, g.area, ancestors));
    tasks.push({
      id: task.id,
      title: task.title,
      section: task.section,
      lead: task.lead,
      leadName: task.leadName,
      coordinators: [...task.coordinators],
      due: task.recurrence === 'quarterly' ? quarterEnd(quarter) : (task.due ?? `${year}-12-31`),
      recurrence: task.recurrence ?? 'once',
      status: overallStatus(leads.map((a) => a.status)),
      criteria: [...task.criteria],
      leadUnits,
      byUnit: leads.map((a) => unitStatus(a, unitByCode.get(a.unit)?.name ?? a.unit)),
      assignments,
      counts,
      gaps: linked.map((g) => ({ unit: g.unit, criterion: g.criterion, lost: g.lost })),
      lost: linked.reduce((s, g) => s + g.lost, 0),
    });
  }

  const uncoveredMap = new Map<string, GapSeen>();
  for (const g of gaps) {
    if (allTasks.some((task) => serves(task, g.criterion, g.area, ancestors))) continue;
    const seen = uncoveredMap.get(g.criterion) ?? { criterion: g.criterion, name: g.name, area: g.area, lost: 0, units: [], ...(g.lead ? { lead: g.lead } : {}) };
    seen.lost += g.lost;
    if (!seen.units.includes(g.unit)) seen.units.push(g.unit);
    uncoveredMap.set(g.criterion, seen);
  }
  const uncoveredDetail: UncoveredCriterion[] = [...uncoveredMap.values()];

  const unitReports: UnitPlanReport[] = [];
  for (const u of units) {
    const uc = unitCounts.get(u.code);
    if (!uc) continue;
    unitReports.push({
      unit: u.code,
      name: u.name,
      kind: u.kind,
      headTitle: headTitle(u.kind, lang),
      reported: reportedUnits.has(u.code),
      tasks: uc.tasks,
      counts: uc.counts,
    });
  }

  const order = new Map(units.map((u, i) => [u.code, i]));
  const responsibility: ResponsibilityEntry[] = [];
  for (const u of unitReports) {
    const entries = late.filter((e) => e.unit === u.unit);
    if (entries.length === 0) continue;
    responsibility.push({
      unit: u.unit,
      unitName: u.name,
      kind: u.kind,
      headTitle: u.headTitle,
      late: entries.filter((e) => e.status === 'late').length,
      notStarted: entries.filter((e) => e.status === 'notStarted').length,
      notReported: entries.filter((e) => e.status === 'notReported').length,
      entries,
    });
  }
  late.sort((a, b) => (order.get(a.unit) ?? 0) - (order.get(b.unit) ?? 0));

  const counts = zeroCounts();
  for (const x of tasks) counts[x.status]++;
  return {
    asOf,
    quarter: qk,
    year,
    tasks,
    units: unitReports,
    late,
    responsibility,
    uncovered: uncoveredDetail.map((u) => u.criterion),
    uncoveredDetail,
    counts,
    sections: [...(input.sections ?? input.plan?.sections ?? [])],
    targets: [
      ...(input.targets ?? input.plan?.targets ?? []).map((target) => ({ target })),
      ...allTasks.flatMap((task) => (task.targets ?? []).map((target) => ({ target, task: task.id }))),
    ],
    issues,
  };
}

/**
 * The `plan` section of `score --json` (CONTRACTS: tasks, late, uncovered — plus `counts`, each
 * task's `byUnit` and the unit name and head on each late entry). Typed in engine/model/results.ts.
 */
export type PlanJson = PlanResults;

/**
 * Compact JSON of a plan report for the results document (`results.plan`).
 * @example results.plan = planJson(trackPlan({ tasks, statuses, asOf, results }));
 */
export function planJson(report: PlanReport): PlanJson {
  return {
    asOf: report.asOf,
    quarter: report.quarter,
    tasks: report.tasks.map((x) => ({
      id: x.id,
      title: x.title,
      lead: x.lead,
      leadName: x.leadName,
      coordinators: x.coordinators,
      due: x.due,
      status: x.status,
      criteria: x.criteria,
      section: x.section,
      recurrence: x.recurrence,
      byUnit: x.byUnit,
    })),
    late: report.late.map((e) => ({
      unit: e.unit,
      task: e.task,
      status: e.status,
      role: e.role,
      due: e.due,
      unitName: e.unitName,
      headTitle: e.headTitle,
      ...(e.daysLate !== undefined ? { daysLate: e.daysLate } : {}),
    })),
    uncovered: report.uncovered,
    counts: report.counts,
  };
}
