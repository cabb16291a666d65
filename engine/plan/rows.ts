import type { PlanTask } from './task';
import { formatTarget } from './targets';

/** A task as a row of the master workbook's "Kế hoạch" table (its fixed columns plus extra keys). */
export interface TaskRow {
  id: string;
  title: string;
  lead: string;
  leadName: string;
  coordinators: string[];
  due?: string;
  criteria: string[];
  note?: string;
  extra: Record<string, string>;
}

/**
 * Tasks as rows for the master workbook's "Kế hoạch" table: the fixed columns (id, title, lead,
 * leadName, coordinators, due, criteria, note) and, as extra keys, section, leads,
 * coordinatorNames, recurrence and targets — so that `planFromDocument` reads them back whole.
 * @example renderMasterInputSheets({ …, plan: taskRows(builtinPlan2023.tasks) })
 */
export function taskRows(tasks: readonly PlanTask[]): TaskRow[] {
  return tasks.map((x) => {
    const extra: Record<string, string> = { section: x.section };
    if (x.leads?.length) extra['leads'] = x.leads.join(', ');
    if (x.coordinatorNames) extra['coordinatorNames'] = x.coordinatorNames;
    if (x.recurrence) extra['recurrence'] = x.recurrence;
    if (x.targets?.length) extra['targets'] = x.targets.map(formatTarget).join('\n');
    return {
      id: x.id,
      title: x.title,
      lead: x.lead,
      leadName: x.leadName,
      coordinators: [...x.coordinators],
      ...(x.due ? { due: x.due } : {}),
      criteria: [...x.criteria],
      ...(x.note ? { note: x.note } : {}),
      extra,
    };
  });
}
