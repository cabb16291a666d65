/**
 * The task register as a sheet, "Kế hoạch", so that other years' plans can be entered in a spreadsheet.
 * Layout as the master workbook's tables (1-based rows): 1 title, 2 note, 3 (hidden) stable keys,
 * 4 display headers, 5… one task per row. The keys are those of the master "Kế hoạch" table
 * (id, title, lead, leadName, coordinators, due, criteria, note) plus section, leads,
 * coordinatorNames, recurrence and targets.
 */
import { issue, type Issue, type Location } from '../../model/issue';
import type { Unit } from '../../model/unit';
import type { CellValue, RenderedSheet, SheetSnapshot } from '../../workbook/port';
import { a1, rangeA1 } from '../../workbook/a1';
import { fold } from '../../rules/value';
import { formatDate, t, type Lang } from '../../i18n';
import { planTaskSchema, type PlanTarget, type PlanTask } from '../task';
import { fromZodIssues, REPORT_INPUT } from '../../i18n/zod';
import { formatTarget, parseTarget } from '../targets';
import { parseDateText } from '../dates';
import { defaultPlanUnits, expandUnitCode, LEAD_GROUPS } from '../units';
import { cellAt, cellText, header, locateTable, splitList, type PlanColumn } from '../sheetkit';
import { pushAll, presentIndices } from '../../model/arrays';

export const TASK_SHEET = 'Kế hoạch';
export const TASK_SHEET_ALIASES: readonly string[] = ['Ke hoach', 'Plan', 'Nhiệm vụ'];
export const TASK_MARKER = 'parindex:master:plan';

export const TASK_COLUMNS: readonly PlanColumn[] = Object.freeze([
  { key: 'id', vi: 'Mã nhiệm vụ', en: 'Task id', width: 11 },
  { key: 'section', vi: 'Mục', en: 'Section', width: 9 },
  { key: 'title', vi: 'Nhiệm vụ', en: 'Task', width: 60 },
  { key: 'lead', vi: 'Đơn vị chủ trì', en: 'Lead', width: 10 },
  { key: 'leadName', vi: 'Tên đơn vị chủ trì', en: 'Lead name', width: 28 },
  { key: 'leads', vi: 'Các đơn vị chủ trì (nhóm)', en: 'Lead group members', width: 16 },
  { key: 'coordinators', vi: 'Đơn vị phối hợp', en: 'Coordinators', width: 18 },
  { key: 'coordinatorNames', vi: 'Tên đơn vị phối hợp', en: 'Coordinator names', width: 26 },
  { key: 'due', vi: 'Thời hạn', en: 'Due', width: 12 },
  { key: 'recurrence', vi: 'Định kỳ', en: 'Recurrence', width: 10 },
  { key: 'criteria', vi: 'Tiêu chí phục vụ', en: 'Criteria served', width: 16 },
  { key: 'targets', vi: 'Chỉ tiêu', en: 'Targets', width: 40 },
  { key: 'note', vi: 'Ghi chú', en: 'Note', width: 24 },
]);

const ROW = Object.freeze({ title: 0, note: 1, keys: 2, header: 3, firstData: 4 });

/**
 * The register as a sheet ("Kế hoạch"): one task per row, stable key row hidden, headers in
 * Vietnamese (or English). Editable (not protected): it is the analyst's own data.
 * @example await port.write([renderTaskSheet(builtinPlan2023.tasks)]);
 */
export function renderTaskSheet(tasks: readonly PlanTask[], options: { lang?: Lang } = {}): RenderedSheet {
  const lang = options.lang ?? 'vi';
  const cols = TASK_COLUMNS;
  const lastCol = cols.length - 1;
  const values: CellValue[][] = [
    [t('plan.sheet.tasks.title', {}, lang)],
    [t('plan.sheet.tasks.note', {}, lang)],
    cols.map((c) => c.key),
    cols.map((c) => header(c, lang)),
  ];
  for (const x of tasks) {
    values.push([
      x.id,
      x.section,
      x.title,
      x.lead,
      x.leadName,
      (x.leads ?? []).join(', ') || null,
      x.coordinators.join(', ') || null,
      x.coordinatorNames ?? null,
      x.due ? formatDate(x.due, 'vi') : null,
      x.recurrence === 'quarterly' ? t('plan.recurrence.quarterly', {}, lang) : null,
      x.criteria.join(', ') || null,
      (x.targets ?? []).map(formatTarget).join('\n') || null,
      x.note ?? null,
    ]);
  }
  const last = Math.max(ROW.firstData, ROW.firstData + tasks.length - 1);
  return {
    name: TASK_SHEET,
    marker: TASK_MARKER,
    values,
    styles: [
      { range: 'A1', style: { bold: true, fontSize: 14 } },
      { range: 'A2', style: { italic: true } },
      { range: rangeA1(ROW.header, 0, ROW.header, lastCol), style: { bold: true, fill: 'D9E1F2', wrap: true, border: true, align: 'center' } },
      ...(tasks.length ? [{ range: rangeA1(ROW.firstData, 0, last, lastCol), style: { wrap: true, border: true } }] : []),
      ...(tasks.length ? [{ range: rangeA1(ROW.firstData, 8, last, 8), style: { numFmt: '@' } }] : []),
    ],
    columnWidths: cols.map((c) => c.width),
    hiddenRows: [ROW.keys + 1],
    freeze: { rows: ROW.header + 1, columns: 1 },
    printArea: rangeA1(0, 0, last, lastCol),
  };
}

/**
 * Read a register sheet ("Kế hoạch"). Never throws; each problem is located by file, sheet and
 * A1 cell. Dates may be real dates or text (dd/mm/yyyy or yyyy-mm-dd).
 * @example
 *   const [snap] = await port.read(['Kế hoạch']);
 *   const { tasks, issues } = readTaskSheet(snap, 'master.xlsx');
 */
export function readTaskSheet(snapshot: SheetSnapshot, file?: string, options: { units?: readonly Unit[] } = {}): { tasks: PlanTask[]; issues: Issue[] } {
  const units = options.units ?? defaultPlanUnits;
  const issues: Issue[] = [];
  const at = (row: number, col: number): Location => ({ ...(file ? { file } : {}), sheet: snapshot.name, cell: a1(row, col) });
  const table = locateTable(snapshot, TASK_COLUMNS, ['id', 'title']);
  if (!table) {
    issues.push(issue('plan.tasks.noTable', { sheet: snapshot.name }, at(0, 0)));
    return { tasks: [], issues };
  }
  for (const c of ['lead', 'due'])
    if (!table.columns.has(c)) {
      const col = TASK_COLUMNS.find((x) => x.key === c);
      issues.push(issue('plan.tasks.missingColumn', { column: col?.vi ?? c }, at(table.headerRow, 0), 'warning'));
    }
  const tasks: PlanTask[] = [];
  const seen = new Map<string, string>();
  const colOf = (k: string): number | undefined => table.columns.get(k);
  const raw = (r: number, k: string): CellValue => {
    const c = colOf(k);
    return c === undefined ? null : cellAt(snapshot, r, c);
  };
  const text = (r: number, k: string): string => cellText(raw(r, k));
  const where = (r: number, k: string): Location => at(r, colOf(k) ?? 0);
  const checkUnits = (r: number, k: string, codes: string[], task: string): void => {
    for (const c of codes)
      if (expandUnitCode(c, units).length === 0 && !(k === 'lead' && (LEAD_GROUPS as readonly string[]).includes(c)))
        issues.push(issue('plan.unknownUnit', { unit: c, task }, where(r, k)));
  };
  for (const r of presentIndices(snapshot.values)) {
    if (r <= table.headerRow) continue;
    const id = text(r, 'id');
    const title = text(r, 'title');
    if (!id && !title) continue;
    if (!id || !title) {
      issues.push(issue('plan.tasks.missingValue', { column: id ? 'Nhiệm vụ' : 'Mã nhiệm vụ' }, where(r, id ? 'title' : 'id')));
      continue;
    }
    const dup = seen.get(id);
    if (dup) {
      issues.push(issue('plan.duplicateTask', { task: id, first: dup }, where(r, 'id')));
      continue;
    }
    seen.set(id, a1(r, colOf('id') ?? 0));
    const lead = text(r, 'lead');
    const leads = splitList(text(r, 'leads'));
    if (!lead) issues.push(issue('plan.tasks.missingValue', { column: 'Đơn vị chủ trì' }, where(r, 'lead')));
    else if (leads.length === 0) checkUnits(r, 'lead', [lead], id);
    checkUnits(r, 'leads', leads, id);
    const coordinators = splitList(text(r, 'coordinators'));
    checkUnits(r, 'coordinators', coordinators, id);

    const recText = fold(text(r, 'recurrence'));
    let recurrence: 'once' | 'quarterly' | undefined;
    if (['hang quy', 'quy', 'quarterly', 'dinh ky hang quy'].includes(recText)) recurrence = 'quarterly';
    else if (['mot lan', 'once', ''].includes(recText)) recurrence = recText ? 'once' : undefined;
    else issues.push(issue('plan.tasks.badRecurrence', { value: text(r, 'recurrence') }, where(r, 'recurrence')));

    let due: string | undefined;
    const dv = raw(r, 'due');
    if (cellText(dv) !== '') {
      due = typeof dv === 'string' ? parseDateText(dv) : undefined;
      if (!due) issues.push(issue('plan.tasks.badDate', { value: cellText(dv), task: id }, where(r, 'due')));
    } else if (recurrence !== 'quarterly') issues.push(issue('plan.noDue', { task: id, due: '31/12' }, where(r, 'due'), 'warning'));

    const targets: PlanTarget[] = [];
    for (const line of text(r, 'targets').split('\n').map((s) => s.trim()).filter(Boolean)) {
      const x = parseTarget(line);
      if (x) targets.push(x);
      else issues.push(issue('plan.tasks.badTarget', { value: line, task: id }, where(r, 'targets'), 'warning'));
    }
    const section = text(r, 'section') || (/^(.*)-\d+$/.exec(id)?.[1] ?? id);
    const candidate = {
      id,
      section,
      title,
      lead: lead || '?',
      leadName: text(r, 'leadName') || lead || '?',
      ...(leads.length ? { leads } : {}),
      coordinators,
      ...(text(r, 'coordinatorNames') ? { coordinatorNames: text(r, 'coordinatorNames') } : {}),
      ...(due ? { due } : {}),
      ...(recurrence ? { recurrence } : {}),
      criteria: splitList(text(r, 'criteria')),
      ...(targets.length ? { targets } : {}),
      ...(text(r, 'note') ? { note: text(r, 'note') } : {}),
    };
    const parsed = planTaskSchema.safeParse(candidate, REPORT_INPUT);
    if (parsed.success) tasks.push(parsed.data);
    else pushAll(issues, fromZodIssues(parsed.error.issues, where(r, 'id'), { code: 'plan.schema' }));
  }
  return { tasks, issues };
}
