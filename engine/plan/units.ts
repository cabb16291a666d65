import type { Unit } from '../model/unit';
import unitsData from '../frameworks/units-thanh-xuan-2023.json';
import type { PlanTask } from './task';

/** The built-in unit list (Thanh Xuân 2023): district QTX, six offices, 11 wards. */
export const defaultPlanUnits: readonly Unit[] = Object.freeze(
  unitsData.units.map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
);

/** Group codes a task's lead may use instead of a unit code. */
export const LEAD_GROUPS = ['ALL', 'WARDS', 'OFFICES'] as const;

/** Units that answer for plan tasks: every unit except the district itself (which is what is scored). */
function answering(units: readonly Unit[]): Unit[] {
  return units.filter((u) => u.kind !== 'district');
}

/**
 * The units a code stands for: a unit code → that unit; "ALL" → every office and ward;
 * "WARDS" / "OFFICES" → those kinds; a task's own group code → its `leads`.
 * Unknown codes give an empty list (validation reports them).
 */
export function expandUnitCode(code: string, units: readonly Unit[], task?: PlanTask): string[] {
  const c = code.trim();
  if (units.some((u) => u.code === c)) return [c];
  if (c === 'ALL') return answering(units).map((u) => u.code);
  if (c === 'WARDS') return units.filter((u) => u.kind === 'ward').map((u) => u.code);
  if (c === 'OFFICES') return units.filter((u) => u.kind === 'office').map((u) => u.code);
  if (task && task.lead === c && task.leads) return task.leads.filter((x) => units.some((u) => u.code === x));
  return [];
}

/** Units responsible for a task as leads (each must report on it). */
export function taskLeadUnits(task: PlanTask, units: readonly Unit[]): string[] {
  if (task.leads && task.leads.length > 0) return dedupe(task.leads.flatMap((l) => expandUnitCode(l, units)));
  return expandUnitCode(task.lead, units, task);
}

/** Coordinating units of a task (group codes expanded), without the leads. */
export function taskCoordinatorUnits(task: PlanTask, units: readonly Unit[]): string[] {
  const leads = new Set(taskLeadUnits(task, units));
  return dedupe(task.coordinators.flatMap((c) => expandUnitCode(c, units))).filter((c) => !leads.has(c));
}

export type TaskRole = 'lead' | 'coordinator';

/**
 * The tasks a unit answers for, as lead or coordinator, in register order.
 * @example tasksForUnit(builtinPlan2023.tasks, 'KG').length // tasks of a ward
 */
export function tasksForUnit(tasks: readonly PlanTask[], unit: string, units: readonly Unit[] = defaultPlanUnits): { task: PlanTask; role: TaskRole }[] {
  const out: { task: PlanTask; role: TaskRole }[] = [];
  for (const task of tasks) {
    if (taskLeadUnits(task, units).includes(unit)) out.push({ task, role: 'lead' });
    else if (taskCoordinatorUnits(task, units).includes(unit)) out.push({ task, role: 'coordinator' });
  }
  return out;
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
