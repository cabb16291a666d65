/**
 * All units' quarterly statuses in one table ("Tiến độ - tổng hợp"), for the master workbook:
 * the import writes every unit's status rows here (lead and coordinator, every quarter; merged
 * with `mergeStatuses`), and scoring reads them back as `plan.statuses`. Layout as the master
 * tables (1-based rows): 1 title, 2 note, 3 (hidden) keys, 4 headers, 5… one unit × task × quarter per row.
 */
import { issue, type Issue, type Location } from '../../model/issue';
import type { CellValue, RenderedSheet, SheetSnapshot } from '../../workbook/port';
import { a1, rangeA1 } from '../../workbook/a1';
import { parseNumber } from '../../rules/value';
import { formatDate, t, type Lang } from '../../i18n';
import type { TaskStatus } from '../task';
import { parseDateText, parseQuarter, quarterKey } from '../dates';
import { PROGRESS_WORDS, progressFromWord } from '../words';
import { cellAt, cellText, header, locateTable, type PlanColumn } from '../sheetkit';
import { presentIndices } from '../../model/arrays';

export const STATUS_REGISTER_SHEET = 'Tiến độ - tổng hợp';
export const STATUS_REGISTER_MARKER = 'parindex:master:planStatus';

export const STATUS_REGISTER_COLUMNS: readonly PlanColumn[] = Object.freeze([
  { key: 'unit', vi: 'Mã đơn vị', en: 'Unit', width: 9 },
  { key: 'task', vi: 'Mã nhiệm vụ', en: 'Task id', width: 11 },
  { key: 'quarter', vi: 'Quý', en: 'Quarter', width: 10 },
  { key: 'status', vi: 'Tình trạng', en: 'Status', width: 16 },
  { key: 'percent', vi: '% hoàn thành', en: '% done', width: 11 },
  { key: 'completedOn', vi: 'Ngày hoàn thành', en: 'Completed on', width: 13 },
  { key: 'done', vi: 'Kết quả thực hiện', en: 'What was done', width: 40 },
  { key: 'evidence', vi: 'Tài liệu kiểm chứng', en: 'Evidence', width: 24 },
  { key: 'difficulties', vi: 'Khó khăn, vướng mắc', en: 'Difficulties', width: 28 },
  { key: 'proposals', vi: 'Đề xuất, kiến nghị', en: 'Proposals', width: 28 },
  { key: 'reportedAt', vi: 'Ngày báo cáo', en: 'Reported on', width: 13 },
]);

/**
 * The statuses table as a sheet.
 * @example await port.write([renderStatusRegister(statuses)]);
 */
export function renderStatusRegister(statuses: readonly TaskStatus[], options: { lang?: Lang } = {}): RenderedSheet {
  const lang = options.lang ?? 'vi';
  const cols = STATUS_REGISTER_COLUMNS;
  const values: CellValue[][] = [
    [t('plan.sheet.register.title', {}, lang)],
    [t('plan.sheet.register.note', {}, lang)],
    cols.map((c) => c.key),
    cols.map((c) => header(c, lang)),
  ];
  for (const s of statuses)
    values.push([
      s.unit,
      s.task,
      s.quarter,
      PROGRESS_WORDS[s.progress][lang],
      s.percent ?? null,
      s.completedOn ? formatDate(s.completedOn, 'vi') : null,
      s.done ?? null,
      s.evidence ?? null,
      s.difficulties ?? null,
      s.proposals ?? null,
      s.reportedAt ? formatDate(s.reportedAt, 'vi') : null,
    ]);
  const last = Math.max(4, values.length - 1);
  return {
    name: STATUS_REGISTER_SHEET,
    marker: STATUS_REGISTER_MARKER,
    values,
    styles: [
      { range: 'A1', style: { bold: true, fontSize: 14 } },
      { range: 'A2', style: { italic: true } },
      { range: rangeA1(3, 0, 3, cols.length - 1), style: { bold: true, fill: 'D9E1F2', border: true, wrap: true, align: 'center' } },
      ...(statuses.length ? [{ range: rangeA1(4, 5, last, 5), style: { numFmt: '@' } }, { range: rangeA1(4, cols.length - 1, last, cols.length - 1), style: { numFmt: '@' } }] : []),
    ],
    columnWidths: cols.map((c) => c.width),
    hiddenRows: [3],
    freeze: { rows: 4, columns: 2 },
  };
}

/**
 * Read the statuses table. Never throws; problems are located by file, sheet, A1 cell and unit.
 * @example const { statuses, issues } = readStatusRegister(snap, 'master.xlsx');
 */
export function readStatusRegister(snapshot: SheetSnapshot, file?: string): { statuses: TaskStatus[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const statuses: TaskStatus[] = [];
  const table = locateTable(snapshot, STATUS_REGISTER_COLUMNS, ['unit', 'task', 'status']);
  const at = (row: number, col: number, unit?: string): Location => ({ ...(file ? { file } : {}), sheet: snapshot.name, cell: a1(row, col), ...(unit ? { unit } : {}) });
  if (!table) {
    issues.push(issue('plan.status.noTable', { sheet: snapshot.name }, at(0, 0)));
    return { statuses, issues };
  }
  const col = (k: string): number => table.columns.get(k) ?? -1;
  const get = (r: number, k: string): CellValue => (col(k) < 0 ? null : cellAt(snapshot, r, col(k)));
  for (const r of presentIndices(snapshot.values)) {
    if (r <= table.headerRow) continue;
    const unit = cellText(get(r, 'unit'));
    const task = cellText(get(r, 'task'));
    if (!unit && !task) continue;
    if (!unit || !task) {
      issues.push(issue('plan.tasks.missingValue', { column: unit ? 'Mã nhiệm vụ' : 'Mã đơn vị' }, at(r, col(unit ? 'task' : 'unit'), unit)));
      continue;
    }
    const q = parseQuarter(cellText(get(r, 'quarter')));
    if (!q) {
      issues.push(issue('plan.status.badQuarter', { value: cellText(get(r, 'quarter')) }, at(r, col('quarter'), unit)));
      continue;
    }
    const word = cellText(get(r, 'status'));
    const progress = progressFromWord(word);
    if (!progress) {
      issues.push(issue('plan.status.badStatus', { value: word, task, allowed: Object.values(PROGRESS_WORDS).map((w) => w.vi) }, at(r, col('status'), unit)));
      continue;
    }
    const s: TaskStatus = { task, unit, quarter: quarterKey(q), progress };
    const pv = get(r, 'percent');
    if (cellText(pv) !== '') {
      const p = parseNumber(pv);
      if (p === undefined || p < 0 || p > 100) issues.push(issue('plan.status.percentRange', { value: cellText(pv), task }, at(r, col('percent'), unit)));
      else s.percent = p;
    }
    const dv = get(r, 'completedOn');
    if (cellText(dv) !== '') {
      const d = typeof dv === 'string' ? parseDateText(dv) : undefined;
      if (d) s.completedOn = d;
      else issues.push(issue('plan.status.badDate', { value: cellText(dv), task }, at(r, col('completedOn'), unit)));
    }
    for (const k of ['done', 'evidence', 'difficulties', 'proposals'] as const) {
      const v = cellText(get(r, k));
      if (v) s[k] = v;
    }
    const rv = get(r, 'reportedAt');
    if (cellText(rv) !== '') {
      const d = typeof rv === 'string' ? parseDateText(rv) : undefined;
      if (d) s.reportedAt = d;
      else issues.push(issue('plan.status.badReportDate', { value: cellText(rv), task }, at(r, col('reportedAt'), unit), 'warning'));
    }
    statuses.push(s);
  }
  return { statuses, issues };
}
