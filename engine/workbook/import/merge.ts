import type { Assessment, AssessedValue } from '../../model/assessment';
import type { Framework } from '../../model/framework';
import type { Unit } from '../../model/unit';
import type { CellStyle, CellValue, RenderedSheet, SheetSnapshot } from '../port';
import { a1, columnName } from '../a1';
import { formatDate, type Lang } from '../../i18n/format';
import { selectRows } from '../template/select';
import type { ImportedRow, FileStatus } from './parse';
import { presentIndices } from '../../model/arrays';

/** One changed field, kept in the "Nhật ký nhập" sheet (audit trail, appended across imports). */
export interface LogEntry {
  time: string;
  file: string;
  /** Unit that sent the file. */
  by: string;
  unit: string;
  /** Criterion code, or the plan task id for a task status. */
  criterion: string;
  /** `lock` / `reopen`: a round closed or reopened (engine/periods; `criterion` holds the round). */
  field: 'value' | 'self' | 'evidence' | 'explanation' | 'notApplicable' | 'taskStatus' | 'lock' | 'reopen';
  old: CellValue;
  new: CellValue;
  /** A1 cell of the field in the unit's file (sheet "Tự đánh giá"), when it came from a template. */
  cell?: string;
}

const FIELDS = ['value', 'self', 'evidence', 'explanation', 'notApplicable'] as const;

function asCell(v: AssessedValue | number | boolean | undefined): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}=${String(x)}`).join('; ');
  return v;
}

/**
 * Bring imported rows into the existing assessments: the unit's own fields (value, self-score,
 * evidence, explanation, N/A) are replaced by what the file holds; appraisal rounds and reasons stay.
 * Every changed field is logged with its old and new value.
 * @example mergeAssessments(doc.assessments, parsed.rows, { file: 'KG.xlsx', by: 'KG', time: '2023-11-30T10:00' })
 */
export function mergeAssessments(
  existing: readonly Assessment[],
  rows: readonly ImportedRow[],
  src: { file: string; by: string; time: string },
): { assessments: Assessment[]; log: LogEntry[] } {
  const out = existing.map((a) => ({ ...a }));
  const index = new Map(out.map((a, i) => [`${a.unit}|${a.criterion}`, i]));
  const log: LogEntry[] = [];
  for (const r of rows) {
    const key = `${r.unit}|${r.criterion}`;
    const i = index.get(key);
    const base: Assessment = i !== undefined ? (out[i] ?? { unit: r.unit, criterion: r.criterion }) : { unit: r.unit, criterion: r.criterion };
    const next: Assessment = { ...base };
    for (const f of FIELDS) {
      const before = asCell(base[f]);
      const after = asCell(r.assessment[f]);
      if (r.assessment[f] === undefined) delete next[f];
      else (next as Record<string, unknown>)[f] = r.assessment[f];
      const cell = r.cells[f === 'notApplicable' ? 'value' : f];
      if (before !== after) log.push({ time: src.time, file: src.file, by: src.by, unit: r.unit, criterion: r.criterion, field: f, old: before, new: after, ...(cell ? { cell } : {}) });
    }
    if (i !== undefined) out[i] = next;
    else {
      index.set(key, out.length);
      out.push(next);
    }
  }
  return { assessments: out, log };
}

/** One line of the "Tình hình nộp" sheet. */
export interface SubmissionStatus {
  unit: string;
  name: string;
  kind: string;
  file?: string;
  /** ISO date-time of submission (file time), when known. */
  submittedAt?: string;
  deadline?: string;
  timeliness: 'onTime' | 'late' | 'missing' | 'unknown';
  applicable: number;
  answered: number;
  errors: number;
  warnings: number;
  status: FileStatus | 'missing' | 'earlier';
  /** From the sign-off block of the template. */
  preparer?: string;
  head?: string;
  signedOn?: string;
}

/**
 * Completeness of each unit from the final assessments: answered leaves ÷ leaves it must answer
 * (survey leaves excluded). Offices count the district rows they lead.
 */
export function completeness(framework: Framework, units: readonly Unit[], assessments: readonly Assessment[]): Map<string, { applicable: number; answered: number }> {
  const byKey = new Map(assessments.map((a) => [`${a.unit}|${a.criterion}`, a]));
  const res = new Map<string, { applicable: number; answered: number }>();
  for (const u of units) {
    const rows = selectRows(framework, units, u).rows.filter((r) => r.kind === 'leaf');
    let answered = 0;
    for (const r of rows) {
      const a = byKey.get(`${r.assessedUnit}|${r.code}`);
      if (a && (a.value !== undefined || a.self !== undefined || a.notApplicable === true)) answered++;
    }
    res.set(u.code, { applicable: rows.length, answered });
  }
  return res;
}

export const STATUS_SHEET = 'Tình hình nộp';
export const LOG_SHEET = 'Nhật ký nhập';
export const STATUS_MARKER = 'parindex:import:status';
export const LOG_MARKER = 'parindex:import:log';

const HEADER_FILL = 'D9E2F3';

function tableSheet(
  name: string,
  marker: string,
  title: string,
  note: string,
  keys: readonly string[],
  headers: readonly string[],
  widths: readonly number[],
  rows: readonly CellValue[][],
  extraStyles: { range: string; style: CellStyle }[] = [],
): RenderedSheet {
  const last = columnName(keys.length - 1);
  const lastRow = 4 + rows.length;
  return {
    name,
    marker,
    values: [[title], [note], [...keys], [...headers], ...rows.map((r) => [...r])],
    styles: [
      { range: 'A1', style: { bold: true, fontSize: 13 } },
      { range: 'A2', style: { italic: true } },
      { range: `A4:${last}4`, style: { bold: true, fill: HEADER_FILL, wrap: true, border: true } },
      ...(rows.length ? [{ range: `A5:${last}${lastRow}`, style: { border: true } }] : []),
      ...extraStyles,
    ],
    columnWidths: [...widths],
    hiddenRows: [3],
    freeze: { rows: 4, columns: 1 },
    printArea: `A1:${last}${Math.max(lastRow, 4)}`,
  };
}

const TIMELINESS = {
  vi: { onTime: 'Đúng hạn', late: 'Quá hạn', missing: 'Chưa nộp', unknown: '' },
  en: { onTime: 'On time', late: 'Late', missing: 'Missing', unknown: '' },
} as const;
const STATUS = {
  vi: { ok: 'Đã nhập', partial: 'Nhập một phần', rejected: 'Bị từ chối (có lỗi)', missing: 'Chưa nộp', earlier: 'Đã nhập lần trước' },
  en: { ok: 'Imported', partial: 'Partly imported', rejected: 'Rejected (errors)', missing: 'Missing', earlier: 'Imported earlier' },
} as const;

/** "Tình hình nộp": who submitted when, late or not, completeness, errors. Rewritten whole. */
export function renderStatusSheet(lines: readonly SubmissionStatus[], lang: Lang = 'vi'): RenderedSheet {
  const vi = lang === 'vi';
  const keys = ['unit', 'name', 'kind', 'file', 'submittedAt', 'deadline', 'timeliness', 'applicable', 'answered', 'completeness', 'errors', 'warnings', 'status', 'preparer', 'head', 'signedOn'];
  const headers = vi
    ? ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Tệp', 'Thời điểm nộp', 'Hạn nộp', 'Đúng hạn', 'Số tiêu chí phải kê khai', 'Đã kê khai', 'Tỷ lệ hoàn thành', 'Số lỗi', 'Số cảnh báo', 'Trạng thái nhập', 'Người lập biểu', 'Thủ trưởng đơn vị', 'Ngày ký']
    : ['Unit', 'Name', 'Kind', 'File', 'Submitted at', 'Deadline', 'Timeliness', 'Criteria to answer', 'Answered', 'Completeness', 'Errors', 'Warnings', 'Import status', 'Prepared by', 'Head of unit', 'Signed on'];
  const rows = lines.map((l) => [
    l.unit,
    l.name,
    l.kind,
    l.file ?? null,
    l.submittedAt ? l.submittedAt.replace('T', ' ') : null,
    l.deadline ? formatDate(l.deadline, lang) : null,
    TIMELINESS[lang][l.timeliness] || null,
    l.applicable,
    l.answered,
    l.applicable > 0 ? l.answered / l.applicable : null,
    l.errors,
    l.warnings,
    STATUS[lang][l.status],
    l.preparer ?? null,
    l.head ?? null,
    l.signedOn ? formatDate(l.signedOn, lang) : null,
  ]);
  const n = lines.length;
  const submitted = lines.filter((l) => l.status !== 'missing').length;
  const late = lines.filter((l) => l.timeliness === 'late').length;
  const title = vi ? 'TÌNH HÌNH NỘP BIỂU MẪU TỰ ĐÁNH GIÁ' : 'SELF-ASSESSMENT SUBMISSIONS';
  const note = vi ? `${submitted}/${n} đơn vị đã nộp · ${late} quá hạn · bảng do phần mềm ghi lại sau mỗi lần nhập` : `${submitted}/${n} units submitted · ${late} late · rewritten by the software on every import`;
  const last = 4 + n;
  return {
    ...tableSheet(STATUS_SHEET, STATUS_MARKER, title, note, keys, headers, [10, 34, 9, 26, 17, 12, 11, 12, 10, 12, 8, 10, 20, 26, 26, 12], rows, n ? [{ range: `J5:J${last}`, style: { numFmt: '0.0%' } }] : []),
    conditionalFormats: n ? [{ range: `J5:J${last}`, rule: 'lessThan', value: 1, fill: 'FFF2CC' }] : [],
    tabColor: 'C65911',
  };
}

const LOG_KEYS = ['time', 'file', 'by', 'unit', 'criterion', 'field', 'old', 'new', 'cell'] as const;

/** Read the log entries already in a master ("Nhật ký nhập", data from row 5). */
export function readLogSheet(snap: SheetSnapshot | undefined): LogEntry[] {
  if (!snap) return [];
  const keyRow = snap.values[2] ?? [];
  const idx = LOG_KEYS.map((k) => keyRow.findIndex((v) => v === k));
  const out: LogEntry[] = [];
  for (const r of presentIndices(snap.values)) {
    if (r < 4) continue;
    const line = snap.values[r] ?? [];
    const get = (i: number): CellValue => {
      const c = idx[i] ?? -1;
      return c >= 0 ? (line[c] ?? null) : (line[i] ?? null);
    };
    if (line.every((v) => v === null || v === '')) continue;
    const field = String(get(5) ?? '');
    const cell = idx[8] !== undefined && idx[8] >= 0 ? get(8) : null;
    out.push({
      time: String(get(0) ?? ''),
      file: String(get(1) ?? ''),
      by: String(get(2) ?? ''),
      unit: String(get(3) ?? ''),
      criterion: String(get(4) ?? ''),
      field: ([...FIELDS, 'taskStatus', 'lock', 'reopen'] as readonly string[]).includes(field) ? (field as LogEntry['field']) : 'value',
      old: get(6),
      new: get(7),
      ...(typeof cell === 'string' && cell !== '' ? { cell } : {}),
    });
  }
  return out;
}

/** "Nhật ký nhập": every changed cell with old value, new value, source file and time. Appended across imports. */
export function renderLogSheet(entries: readonly LogEntry[], lang: Lang = 'vi'): RenderedSheet {
  const vi = lang === 'vi';
  const headers = vi
    ? ['Thời điểm nhập', 'Tệp nguồn', 'Đơn vị gửi', 'Đơn vị', 'Tiêu chí', 'Trường', 'Giá trị cũ', 'Giá trị mới', 'Ô trong tệp nguồn']
    : ['Imported at', 'Source file', 'Sent by', 'Unit', 'Criterion', 'Field', 'Old value', 'New value', 'Cell in the source file'];
  const rows = entries.map((e) => [e.time, e.file, e.by, e.unit, e.criterion, e.field, e.old, e.new, e.cell ?? null]);
  const title = vi ? 'NHẬT KÝ NHẬP BIỂU MẪU' : 'IMPORT LOG';
  const note = vi ? 'Mỗi dòng là một ô thay đổi khi nhập biểu mẫu; phần mềm chỉ ghi thêm, không xoá dòng cũ' : 'One line per changed cell; the software only appends, never removes lines';
  const sheet = tableSheet(LOG_SHEET, LOG_MARKER, title, note, LOG_KEYS, headers, [17, 26, 10, 8, 10, 12, 30, 30, 12], rows);
  // old/new values are the user's text: keep as text format so nothing is re-interpreted
  if (rows.length) sheet.styles?.push({ range: `${a1(4, 6)}:${a1(3 + rows.length, 7)}`, style: { numFmt: '@' } });
  return sheet;
}
