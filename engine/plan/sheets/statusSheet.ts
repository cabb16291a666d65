/**
 * The quarterly status sheet "Tiến độ nhiệm vụ" of a unit's template: one row per task the unit
 * leads or coordinates, with input columns for status, % done, completion date, what was done,
 * evidence, difficulties and proposals.
 *
 * Layout (1-based rows):
 *   1  title                       2  unit, quarter and how to fill in
 *   3  (hidden) marker row: "parindex:plan-status", unit code, quarter key "2023-Q3", cut-off day
 *   4  (hidden) column keys        5  display headers        6… one task per row
 * The reader finds the key row (or, failing that, the headers) anywhere in the first rows, so
 * rows inserted above or columns moved do not break it.
 */
import { issue, type Issue, type Location } from '../../model/issue';
import type { Unit } from '../../model/unit';
import type { CellValue, RenderedSheet, SheetSnapshot, Validation } from '../../workbook/port';
import { a1, rangeA1 } from '../../workbook/a1';
import { parseNumber } from '../../rules/value';
import { dateParam, formatDate, t, type Lang } from '../../i18n';
import type { PlanTask, Progress, TaskStatus } from '../task';
import { parseDateText, parseQuarter, quarterEnd, quarterKey, quarterLabel, quarterOf, type Quarter } from '../dates';
import { defaultPlanUnits, tasksForUnit } from '../units';
import { PROGRESS_WORDS, progressFromWord } from '../words';
import { cellAt, cellText, header, locateTable, SCAN_ROWS, type PlanColumn } from '../sheetkit';
import { presentIndices } from '../../model/arrays';

export const STATUS_SHEET = 'Tiến độ nhiệm vụ';
export const STATUS_SHEET_ALIASES: readonly string[] = ['Tien do nhiem vu', 'Task status', 'Tiến độ'];
export const STATUS_MARKER = 'parindex:plan-status';

export const STATUS_COLUMNS: readonly PlanColumn[] = Object.freeze([
  { key: 'task', vi: 'Mã nhiệm vụ', en: 'Task id', width: 11 },
  { key: 'title', vi: 'Nhiệm vụ', en: 'Task', width: 58 },
  { key: 'role', vi: 'Vai trò', en: 'Role', width: 10 },
  { key: 'due', vi: 'Thời hạn', en: 'Due', width: 12 },
  { key: 'status', vi: 'Tình trạng', en: 'Status', width: 16, aliases: ['trang thai', 'tien do'] },
  { key: 'percent', vi: '% hoàn thành', en: '% done', width: 11, aliases: ['ty le hoan thanh', 'phan tram hoan thanh'] },
  { key: 'completedOn', vi: 'Ngày hoàn thành', en: 'Completed on', width: 13 },
  { key: 'done', vi: 'Kết quả thực hiện', en: 'What was done', width: 40, aliases: ['ket qua', 'noi dung da thuc hien'] },
  { key: 'evidence', vi: 'Tài liệu kiểm chứng', en: 'Evidence', width: 26 },
  { key: 'difficulties', vi: 'Khó khăn, vướng mắc', en: 'Difficulties', width: 28 },
  { key: 'proposals', vi: 'Đề xuất, kiến nghị', en: 'Proposals', width: 28 },
]);

const INPUT_KEYS = ['status', 'percent', 'completedOn', 'done', 'evidence', 'difficulties', 'proposals'] as const;

const ROW = Object.freeze({ title: 0, subtitle: 1, marker: 2, keys: 3, header: 4, firstData: 5 });

function toQuarter(q: string | Quarter): Quarter | undefined {
  return typeof q === 'string' ? parseQuarter(q) : q;
}

export interface RenderStatusOptions {
  units?: readonly Unit[];
  lang?: Lang;
  /** Plan year for tasks without a due date (default: the quarter's year). */
  year?: number;
  /** Statuses already known (e.g. the previous quarter's): their answers are written in as a starting point (one-off tasks only). */
  prefill?: readonly TaskStatus[];
  /**
   * Day the figures run to (ISO), when earlier than the quarter's end: a template's deadline, so a
   * unit never reports "up to" a day after it must send the file.
   */
  cutOff?: string;
}

/**
 * The "Tiến độ nhiệm vụ" sheet of one unit for one quarter: its tasks (lead or coordinator),
 * input cells unlocked with dropdown / range / date validations, the rest locked.
 * @example
 *   const sheet = renderTaskStatusSheet(builtinPlan2023.tasks, 'KG', '2023-Q3');
 *   await port.write([sheet]);
 */
export function renderTaskStatusSheet(tasks: readonly PlanTask[], unitCode: string, quarter: string | Quarter, options: RenderStatusOptions = {}): RenderedSheet {
  const lang = options.lang ?? 'vi';
  const units = options.units ?? defaultPlanUnits;
  const q = toQuarter(quarter) ?? { year: options.year ?? 2000, q: 1 };
  const year = options.year ?? q.year;
  const unit = units.find((u) => u.code === unitCode);
  const mine = tasksForUnit(tasks, unitCode, units);
  const cols = STATUS_COLUMNS;
  const lastCol = cols.length - 1;
  const values: CellValue[][] = [];
  values[ROW.title] = [t('plan.sheet.status.title', { unit: unit?.name ?? unitCode, quarter: quarterLabel(q, lang) }, lang)];
  const end = quarterEnd(q);
  const cutOff = options.cutOff !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(options.cutOff) && options.cutOff < end ? options.cutOff : end;
  values[ROW.subtitle] = [t('plan.sheet.status.note', { due: formatDate(cutOff, lang) }, lang)];
  values[ROW.marker] = [STATUS_MARKER, unitCode, quarterKey(q), cutOff];
  values[ROW.keys] = cols.map((c) => c.key);
  values[ROW.header] = cols.map((c) => header(c, lang));
  const prefill = new Map<string, TaskStatus>();
  for (const s of options.prefill ?? []) if (s.unit === unitCode) prefill.set(s.task, s);
  mine.forEach(({ task, role }, i) => {
    const due = task.recurrence === 'quarterly' ? t('plan.recurrence.quarterlyDue', { due: formatDate(quarterEnd(q), lang) }, lang) : formatDate(task.due ?? `${year}-12-31`, lang);
    // a quarterly task is reported afresh each quarter: nothing carried over
    const p = task.recurrence === 'quarterly' ? undefined : prefill.get(task.id);
    values[ROW.firstData + i] = [
      task.id,
      task.title,
      t(role === 'lead' ? 'plan.role.lead' : 'plan.role.coordinator', {}, lang),
      due,
      p ? PROGRESS_WORDS[p.progress][lang] : null,
      p?.percent ?? null,
      p?.completedOn ?? null,
      p?.done ?? null,
      p?.evidence ?? null,
      p?.difficulties ?? null,
      p?.proposals ?? null,
    ];
  });
  const first = ROW.firstData;
  const last = Math.max(first, first + mine.length - 1);
  const col = (key: string): number => cols.findIndex((c) => c.key === key);
  const colRange = (key: string): string => rangeA1(first, col(key), last, col(key));
  const words = (['done', 'inProgress', 'notStarted'] as Progress[]).map((p) => PROGRESS_WORDS[p][lang]);
  const validations: Validation[] = [
    { range: colRange('status'), type: 'list', values: words, prompt: t('plan.sheet.status.promptStatus', {}, lang), error: t('plan.sheet.status.errorStatus', { allowed: words }, lang) },
    { range: colRange('percent'), type: 'decimal', min: 0, max: 100, prompt: t('plan.sheet.status.promptPercent', {}, lang), error: t('plan.sheet.status.errorPercent', {}, lang) },
    { range: colRange('completedOn'), type: 'date', min: `${year - 1}-01-01`, max: `${year + 2}-12-31`, prompt: t('plan.sheet.status.promptDate', {}, lang), error: t('plan.sheet.status.errorDate', {}, lang) },
  ];
  const styles: RenderedSheet['styles'] = [
    { range: 'A1', style: { bold: true, fontSize: 14 } },
    { range: 'A2', style: { italic: true, wrap: true } },
    { range: rangeA1(ROW.header, 0, ROW.header, lastCol), style: { bold: true, fill: 'D9E1F2', wrap: true, border: true, align: 'center' } },
  ];
  if (mine.length > 0) {
    styles.push({ range: rangeA1(first, 0, last, lastCol), style: { border: true, wrap: true } });
    for (const k of INPUT_KEYS) styles.push({ range: colRange(k), style: { locked: false, fill: 'FFF2CC' } });
    styles.push({ range: colRange('percent'), style: { numFmt: '0' } });
    styles.push({ range: colRange('completedOn'), style: { numFmt: 'dd/mm/yyyy' } });
  }
  return {
    name: STATUS_SHEET,
    marker: STATUS_MARKER,
    values: values.map((r) => r ?? []),
    styles,
    columnWidths: cols.map((c) => c.width),
    hiddenRows: [ROW.marker + 1, ROW.keys + 1],
    freeze: { rows: ROW.header + 1, columns: 2 },
    merges: [rangeA1(ROW.title, 0, ROW.title, lastCol), rangeA1(ROW.subtitle, 0, ROW.subtitle, lastCol)],
    validations,
    protection: {},
    printArea: rangeA1(0, 0, last, lastCol),
    tabColor: 'FFC000',
  };
}

export interface ParseStatusOptions {
  /** The register: rows naming other task ids are flagged. */
  tasks?: readonly PlanTask[];
  /** Quarter to assume when the sheet does not carry one. */
  quarter?: string;
  /** Review date: completion dates after it are flagged. */
  asOf?: string;
}

export interface ParseStatusResult {
  statuses: TaskStatus[];
  issues: Issue[];
  /** Quarter key the sheet reports on. */
  quarter?: string;
}

/**
 * Read a unit's filled "Tiến độ nhiệm vụ" sheet. Never throws: every problem is an issue located
 * by file, sheet, A1 cell and unit (bad status word, % outside 0–100, date typed as text,
 * completion date missing for "Hoàn thành", …). Empty task rows are simply not reported.
 * @example
 *   const [snap] = await port.read(['Tiến độ nhiệm vụ']);
 *   const { statuses, issues } = parseTaskStatusSheet(snap, 'KG', 'KG.xlsx');
 */
export function parseTaskStatusSheet(snapshot: SheetSnapshot, unitCode: string, file?: string, options: ParseStatusOptions = {}): ParseStatusResult {
  const issues: Issue[] = [];
  const at = (row: number, col: number): Location => ({ ...(file ? { file } : {}), sheet: snapshot.name, cell: a1(row, col), unit: unitCode });
  const table = locateTable(snapshot, STATUS_COLUMNS, ['task', 'status']);
  if (!table) {
    issues.push(issue('plan.status.noTable', { sheet: snapshot.name }, at(0, 0)));
    return { statuses: [], issues };
  }
  // quarter and unit from the marker row
  let quarter: Quarter | undefined;
  for (let r = 0; r < Math.min(SCAN_ROWS, snapshot.values.length); r++) {
    if (cellText(cellAt(snapshot, r, 0)) !== STATUS_MARKER) continue;
    const sheetUnit = cellText(cellAt(snapshot, r, 1));
    if (sheetUnit && sheetUnit !== unitCode) issues.push(issue('plan.status.wrongUnit', { found: sheetUnit, expected: unitCode }, at(r, 1)));
    const qText = cellText(cellAt(snapshot, r, 2));
    quarter = qText ? parseQuarter(qText) : undefined;
    if (qText && !quarter) issues.push(issue('plan.status.badQuarter', { value: qText }, at(r, 2)));
    break;
  }
  if (!quarter && options.quarter) quarter = parseQuarter(options.quarter);
  if (!quarter) {
    issues.push(issue('plan.status.noQuarter', {}, at(0, 0)));
    return { statuses: [], issues };
  }
  const qk = quarterKey(quarter);
  const known = options.tasks ? new Set(options.tasks.map((x) => x.id)) : undefined;
  const seen = new Map<string, string>();
  const statuses: TaskStatus[] = [];
  const colOf = (k: string): number | undefined => table.columns.get(k);
  const value = (r: number, k: string): CellValue => {
    const c = colOf(k);
    return c === undefined ? null : cellAt(snapshot, r, c);
  };
  const where = (r: number, k: string): Location => at(r, colOf(k) ?? 0);

  for (const r of presentIndices(snapshot.values)) {
    if (r <= table.headerRow) continue;
    const taskId = cellText(value(r, 'task'));
    const filled = INPUT_KEYS.filter((k) => cellText(value(r, k)) !== '' || snapshot.errors?.[a1(r, colOf(k) ?? 0)] !== undefined);
    if (!taskId) {
      if (filled.length > 0) issues.push(issue('plan.status.noTask', {}, where(r, 'task'), 'warning'));
      continue;
    }
    if (filled.length === 0) continue; // not reported on this task
    for (const k of filled) {
      const err = snapshot.errors?.[a1(r, colOf(k) ?? 0)];
      if (err) issues.push(issue('plan.status.errorValue', { value: err, task: taskId }, where(r, k)));
    }
    if (known && !known.has(taskId)) issues.push(issue('plan.status.unknownTask', { task: taskId }, where(r, 'task'), 'warning'));
    const dup = seen.get(taskId);
    if (dup) {
      issues.push(issue('plan.status.duplicateTask', { task: taskId, first: dup }, where(r, 'task'), 'warning'));
      continue;
    }
    seen.set(taskId, a1(r, colOf('task') ?? 0));

    const statusText = cellText(value(r, 'status'));
    const allowed = Object.values(PROGRESS_WORDS).map((w) => w.vi);
    if (!statusText) {
      issues.push(issue('plan.status.missingStatus', { task: taskId, allowed }, where(r, 'status')));
      continue;
    }
    const progress = progressFromWord(statusText);
    if (!progress) {
      issues.push(issue('plan.status.badStatus', { value: statusText, task: taskId, allowed }, where(r, 'status')));
      continue;
    }
    const st: TaskStatus = { task: taskId, unit: unitCode, quarter: qk, progress };

    // % done
    const pv = value(r, 'percent');
    if (cellText(pv) !== '') {
      let pct = parseNumber(pv);
      const fmt = snapshot.formats?.[a1(r, colOf('percent') ?? 0)] ?? '';
      if (pct !== undefined && typeof pv === 'number' && fmt.includes('%')) pct *= 100;
      if (pct === undefined) issues.push(issue('plan.status.percentNotNumber', { value: cellText(pv), task: taskId }, where(r, 'percent')));
      else if (pct < 0 || pct > 100) issues.push(issue('plan.status.percentRange', { value: pct, task: taskId }, where(r, 'percent')));
      else st.percent = pct;
    }

    // completion date
    const dv = value(r, 'completedOn');
    const dAddr = a1(r, colOf('completedOn') ?? 0);
    if (cellText(dv) !== '') {
      if (typeof dv === 'string' && snapshot.dates?.[dAddr]) {
        const d = parseDateText(dv);
        if (d) st.completedOn = d;
        else issues.push(issue('plan.status.badDate', { value: dv, task: taskId }, where(r, 'completedOn')));
      } else if (typeof dv === 'string') {
        const d = parseDateText(dv);
        if (d && /^\d{4}-\d{2}-\d{2}$/.test(dv.trim())) st.completedOn = d; // ISO text is unambiguous
        else if (d) {
          st.completedOn = d;
          issues.push(issue('plan.status.dateAsText', { value: dv, date: dateParam(d), task: taskId }, where(r, 'completedOn'), 'warning'));
        } else issues.push(issue('plan.status.badDate', { value: dv, task: taskId }, where(r, 'completedOn')));
      } else issues.push(issue('plan.status.badDate', { value: cellText(dv), task: taskId }, where(r, 'completedOn')));
    }

    for (const k of ['done', 'evidence', 'difficulties', 'proposals'] as const) {
      const v = cellText(value(r, k));
      if (v) st[k] = v;
    }

    // consistency
    if (progress === 'done' && !st.completedOn && !issues.some((x) => x.cell === dAddr && x.sheet === snapshot.name))
      issues.push(issue('plan.status.missingCompletionDate', { task: taskId }, where(r, 'completedOn')));
    if (progress !== 'done' && st.completedOn) issues.push(issue('plan.status.dateWithoutDone', { task: taskId }, where(r, 'completedOn'), 'warning'));
    if (progress === 'done' && st.percent !== undefined && st.percent < 100) issues.push(issue('plan.status.percentNotFull', { value: st.percent, task: taskId }, where(r, 'percent'), 'warning'));
    if (progress === 'notStarted' && st.percent !== undefined && st.percent > 0) issues.push(issue('plan.status.percentStarted', { value: st.percent, task: taskId }, where(r, 'percent'), 'warning'));
    if (st.completedOn && options.asOf && st.completedOn > options.asOf)
      issues.push(issue('plan.status.futureDate', { date: dateParam(st.completedOn), asOf: dateParam(options.asOf), task: taskId }, where(r, 'completedOn'), 'warning'));
    if (progress === 'done' && !st.done) issues.push(issue('plan.status.noResult', { task: taskId }, where(r, 'done'), 'warning'));
    statuses.push(st);
  }
  return { statuses, issues, quarter: qk };
}

/**
 * The progress sheet a unit's template carries: the unit's tasks (those it leads or coordinates,
 * each of which the plan tracker expects a report on) for the quarter of the template's deadline
 * (else of `now`), figures up to the deadline at the latest. None when the unit has no task.
 * @example templateStatusSheet(plan.tasks, 'KG', { units, lang: 'vi', deadline: '2023-11-30', now: '2023-11-01T08:00' })
 */
export function templateStatusSheet(
  tasks: readonly PlanTask[],
  unitCode: string,
  options: { units: readonly Unit[]; lang: Lang; now: string; deadline?: string; quarter?: string },
): RenderedSheet | undefined {
  if (tasksForUnit(tasks, unitCode, options.units).length === 0) return undefined;
  const quarter = options.quarter ?? quarterKey(quarterOf((options.deadline ?? options.now).slice(0, 10)));
  return renderTaskStatusSheet(tasks, unitCode, quarter, { units: options.units, lang: options.lang, ...(options.deadline ? { cutOff: options.deadline } : {}) });
}
