import { issue, type Issue } from '../model/issue';
import { fromZodIssues, missingFieldIssue, typeIssue, REPORT_INPUT, type ZodContext } from '../i18n/zod';
import { dateParam } from '../i18n/format';
import type { Unit } from '../model/unit';
import type { FrameworkNode } from '../model/framework';
import plan2023Data from '../frameworks/plan-tasks-2023.json';
import { planSchema, planTaskSchema, taskStatusSchema, type Plan, type PlanTask, type TaskStatus } from './task';
import { defaultPlanUnits, expandUnitCode, LEAD_GROUPS, taskLeadUnits } from './units';
import { parseDateText, parseQuarter, quarterKey, quarterOf } from './dates';
import { PROGRESS_WORDS, progressFromWord } from './words';
import { parseTarget } from './targets';
import { fold } from '../rules/value';
import { minOf, pushAll } from '../model/arrays';

/**
 * The 2023 plan of Thanh Xuân district (48 tasks: sections II.1.1–II.1.6, II.2.1–II.2.2.5, III).
 * Data: engine/frameworks/plan-tasks-2023.json.
 */
export const builtinPlan2023: Plan = planSchema.parse(plan2023Data);

/** Built-in plans by id. */
export const builtinPlans: readonly Plan[] = Object.freeze([builtinPlan2023]);

export function getBuiltinPlan(id: string): Plan | undefined {
  return builtinPlans.find((p) => p.id === id);
}

const PLAN: ZodContext = { code: 'plan.schema' };

function leafCodes(nodes: readonly FrameworkNode[] | undefined, out: Set<string> = new Set()): Set<string> {
  for (const n of nodes ?? []) {
    out.add(n.code);
    leafCodes(n.children, out);
  }
  return out;
}

export interface ValidatePlanOptions {
  units?: readonly Unit[];
  /** When given, criteria codes of tasks are checked against its node codes. */
  frameworkNodes?: readonly FrameworkNode[];
}

/**
 * Check a plan after schema validation: duplicate ids, unknown unit codes, missing due dates,
 * unknown criteria codes. Issues carry a JSON path.
 */
export function checkPlan(plan: Plan, options: ValidatePlanOptions = {}): Issue[] {
  const units = options.units ?? defaultPlanUnits;
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  const codes = options.frameworkNodes ? leafCodes(options.frameworkNodes) : undefined;
  plan.tasks.forEach((task, i) => {
    const path = ['tasks', i];
    const first = seen.get(task.id);
    if (first !== undefined) issues.push(issue('plan.duplicateTask', { task: task.id, first: `tasks.${first}` }, { path: [...path, 'id'] }));
    else seen.set(task.id, i);
    const isGroup = (LEAD_GROUPS as readonly string[]).includes(task.lead) || (task.leads?.length ?? 0) > 0;
    if (!isGroup && expandUnitCode(task.lead, units).length === 0)
      issues.push(issue('plan.unknownUnit', { unit: task.lead, task: task.id }, { path: [...path, 'lead'] }));
    for (const [j, l] of (task.leads ?? []).entries())
      if (expandUnitCode(l, units).length === 0) issues.push(issue('plan.unknownUnit', { unit: l, task: task.id }, { path: [...path, 'leads', j] }));
    for (const [j, c] of task.coordinators.entries())
      if (expandUnitCode(c, units).length === 0) issues.push(issue('plan.unknownUnit', { unit: c, task: task.id }, { path: [...path, 'coordinators', j] }));
    if (!task.due && task.recurrence !== 'quarterly')
      issues.push(issue('plan.noDue', { task: task.id, due: dateParam(`${plan.year}-12-31`) }, { path: [...path, 'due'] }, 'warning'));
    if (codes)
      for (const [j, c] of task.criteria.entries())
        if (!codes.has(c)) issues.push(issue('plan.unknownCriterion', { task: task.id, criterion: c }, { path: [...path, 'criteria', j], criterion: c }, 'warning'));
  });
  return issues;
}

/**
 * Validate a plan given as data (JSON). Never throws.
 * @example
 *   const { plan, issues } = validatePlan(JSON.parse(text));
 */
export function validatePlan(raw: unknown, options: ValidatePlanOptions = {}): { plan?: Plan; issues: Issue[] } {
  const r = planSchema.safeParse(raw, REPORT_INPUT);
  if (!r.success) return { issues: fromZodIssues(r.error.issues, {}, PLAN) };
  return { plan: r.data, issues: checkPlan(r.data, options) };
}

/** Due date of a one-off task, defaulting to the plan's year end. */
export function taskDue(task: PlanTask, year: number): string {
  return task.due ?? `${year}-12-31`;
}

/** "quarterly" / "Hằng quý" → quarterly; "once" / "Một lần" → once. */
function recurrenceOf(v: unknown): 'once' | 'quarterly' | undefined {
  if (typeof v !== 'string') return undefined;
  const f = fold(v);
  if (['quarterly', 'hang quy', 'quy', 'dinh ky hang quy'].includes(f)) return 'quarterly';
  if (['once', 'mot lan'].includes(f)) return 'once';
  return undefined;
}

/** Targets as data, or as text lines of the "Kế hoạch" sheet. */
function targetsOf(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (typeof v !== 'string' || !v.trim()) return undefined;
  const lines = v.split('\n').map((l) => l.trim()).filter(Boolean);
  const parsed = lines.map(parseTarget);
  return parsed.every((x) => x !== undefined) ? parsed : undefined;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function asList(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String);
  if (typeof v === 'string')
    return v
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return undefined;
}

/**
 * The `plan` part of a scoring document, in any of its shapes:
 * - a full plan (`{id, name, year, tasks, …}`),
 * - `{ tasks: [...], statuses?: [...] }` with tasks as rows of the master "Kế hoạch" sheet
 *   (`id, title, lead, leadName, coordinators, due, criteria, status, reportedAt, note`),
 * - `{ builtin: "plan-thanh-xuan-2023", statuses?: [...] }`.
 * `statuses` are the units' reports given in the document. A sheet row's own `status` /
 * `reportedAt` is only a fallback (`fallback`), for a task with a single lead unit: that unit's
 * report for the quarter of `reportedAt` (or of `asOf`), used when the unit has no report of its
 * own on the task (`trackPlan({ fallback })`). A task led by several units gets no status from
 * the sheet — each unit reports for itself — and a warning when the sheet still gives one.
 * Never throws; problems come back as issues with a JSON path under `plan`.
 * @example
 *   const { plan, statuses, fallback, issues } = planFromDocument(doc.plan, { asOf: '2023-09-30' });
 */
export function planFromDocument(
  raw: unknown,
  options: { units?: readonly Unit[]; asOf?: string; year?: number } = {},
): { plan?: Plan; statuses: TaskStatus[]; fallback: TaskStatus[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const statuses: TaskStatus[] = [];
  const fallback: TaskStatus[] = [];
  if (!isRecord(raw)) return { statuses, fallback, issues: [typeIssue('object', raw, { path: ['plan'] }, PLAN)] };
  let plan: Plan | undefined;
  if (typeof raw['builtin'] === 'string') {
    plan = getBuiltinPlan(raw['builtin']);
    if (!plan) issues.push(issue('plan.unknownBuiltin', { id: raw['builtin'] }, { path: ['plan', 'builtin'] }));
  } else if (typeof raw['id'] === 'string' && typeof raw['name'] === 'string') {
    const r = planSchema.safeParse(raw, REPORT_INPUT);
    if (!r.success) pushAll(issues, fromZodIssues(r.error.issues, { path: ['plan'] }, PLAN));
    else plan = r.data;
  } else if (Array.isArray(raw['tasks'])) {
    const asOfYear = Number((options.asOf ?? '').slice(0, 4));
    const tasks: PlanTask[] = [];
    raw['tasks'].forEach((row: unknown, i: number) => {
      const path = ['plan', 'tasks', i];
      if (!isRecord(row)) {
        issues.push(typeIssue('object', row, { path }, PLAN));
        return;
      }
      const extra = isRecord(row['extra']) ? row['extra'] : {};
      const pick = (k: string): unknown => row[k] ?? extra[k];
      const id = String(pick('id') ?? '').trim();
      const section = String(pick('section') ?? (/^(.*)-\d+$/.exec(id)?.[1] ?? id)).trim();
      const lead = String(pick('lead') ?? '').trim();
      const candidate = {
        id,
        section,
        title: pick('title'),
        lead,
        leadName: pick('leadName') ?? lead,
        ...(asList(pick('leads')) ? { leads: asList(pick('leads')) } : {}),
        coordinators: asList(pick('coordinators')) ?? [],
        ...(typeof pick('coordinatorNames') === 'string' ? { coordinatorNames: pick('coordinatorNames') } : {}),
        ...(typeof pick('due') === 'string' && parseDateText(String(pick('due'))) ? { due: parseDateText(String(pick('due'))) } : {}),
        ...(recurrenceOf(pick('recurrence')) ? { recurrence: recurrenceOf(pick('recurrence')) } : {}),
        criteria: asList(pick('criteria')) ?? [],
        ...(targetsOf(pick('targets')) ? { targets: targetsOf(pick('targets')) } : {}),
        ...(typeof pick('note') === 'string' ? { note: pick('note') } : {}),
      };
      const r = planTaskSchema.safeParse(candidate, REPORT_INPUT);
      if (!r.success) {
        pushAll(issues, fromZodIssues(r.error.issues, { path }, PLAN));
        return;
      }
      tasks.push(r.data);
      const st = row['status'];
      if (typeof st === 'string' && st.trim()) {
        const progress = progressFromWord(st);
        if (!progress) {
          issues.push(issue('plan.status.badStatus', { value: st, task: r.data.id, allowed: Object.values(PROGRESS_WORDS).map((w) => w.vi) }, { path: [...path, 'status'], unit: r.data.lead }));
          return;
        }
        const leads = taskLeadUnits(r.data, options.units ?? defaultPlanUnits);
        if (leads.length > 1) {
          issues.push(issue('plan.status.groupLeadStatus', { task: r.data.id, value: st.trim(), count: leads.length }, { path: [...path, 'status'] }, 'warning'));
          return;
        }
        const unit = leads[0];
        const reportedAt = typeof row['reportedAt'] === 'string' ? parseDateText(row['reportedAt']) : undefined;
        const at = reportedAt ?? options.asOf;
        if (!at || !unit) return;
        fallback.push({
          task: r.data.id,
          unit,
          quarter: quarterKey(quarterOf(at)),
          progress,
          ...(progress === 'done' && reportedAt ? { completedOn: reportedAt } : {}),
          ...(reportedAt ? { reportedAt } : {}),
        });
      }
    });
    const dueYears = tasks.map((t) => Number((t.due ?? '').slice(0, 4))).filter((y) => y > 0);
    const year = options.year ?? (asOfYear > 0 ? asOfYear : minOf(dueYears, 0));
    plan = { id: 'plan', name: 'Kế hoạch', year, sections: [], targets: [], tasks };
  } else {
    issues.push(missingFieldIssue('tasks', { path: ['plan'] }, PLAN));
  }
  if (Array.isArray(raw['statuses'])) {
    raw['statuses'].forEach((s: unknown, i: number) => {
      const norm = isRecord(s) ? { ...s } : s;
      if (isRecord(norm)) {
        if (norm['progress'] === undefined && typeof norm['status'] === 'string') norm['progress'] = norm['status'];
        delete norm['status'];
        if (typeof norm['progress'] === 'string' && !['done', 'inProgress', 'notStarted'].includes(norm['progress'])) {
          const p = progressFromWord(norm['progress']);
          if (p) norm['progress'] = p;
        }
        if (typeof norm['quarter'] === 'string') {
          const q = parseQuarter(norm['quarter']);
          if (q) norm['quarter'] = quarterKey(q);
        }
        if (typeof norm['completedOn'] === 'string') {
          const d = parseDateText(norm['completedOn']);
          if (d) norm['completedOn'] = d;
        }
      }
      const r = taskStatusSchema.safeParse(norm, REPORT_INPUT);
      if (r.success) statuses.push(r.data);
      else pushAll(issues, fromZodIssues(r.error.issues, { path: ['plan', 'statuses', i] }, PLAN));
    });
  }
  if (plan) pushAll(issues, checkPlan(plan, options.units ? { units: options.units } : {}).map((x) => ({ ...x, path: ['plan', ...(x.path ?? [])] })));
  return plan ? { plan, statuses, fallback, issues } : { statuses, fallback, issues };
}
