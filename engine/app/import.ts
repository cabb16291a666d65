/**
 * The import step: filled templates (sheet snapshots) checked against the master and brought into
 * it. Returns the sheets to write into the new master — "Kê khai", "Tình hình nộp", "Nhật ký nhập",
 * the units' task statuses ("Tiến độ - tổng hợp"), the plan sheet when single-lead tasks changed,
 * and "Kiểm tra dữ liệu" listing every problem of the import (so a rejected file is visible in the
 * workbook, not only on a terminal).
 */
import { hasErrors, issue, type Issue } from '../model/issue';
import { dateParam, type Lang } from '../i18n/format';
import type { Assessment } from '../model/assessment';
import type { RenderedSheet, SheetInfo, SheetSnapshot } from '../workbook/port';
import { renderMasterInputSheets, renderSubmissionsSheet, tableSpec, type PlanTaskRow, type SubmissionMeta } from '../workbook/master';
import {
  completeness,
  isTemplateWorkbook,
  LOG_SHEET,
  mergeAssessments,
  parseFilledTemplate,
  readLogSheet,
  renderLogSheet,
  renderStatusSheet,
  type FilledParse,
  type LogEntry,
  type SubmissionStatus,
} from '../workbook/import';
import { templateUnits, unitForTemplateFile } from '../workbook/template';
import { renderIssuesSheet } from '../workbook/output';
import {
  mergeStatuses,
  parseTaskStatusSheet,
  planFromDocument,
  PROGRESS_WORDS,
  renderStatusRegister,
  STATUS_SHEET as TASK_STATUS_SHEET,
  taskLeadUnits,
  type PlanTask,
} from '../plan';
import type { TaskStatus } from '../plan/task';
import { DEFAULT_TARGET } from '../scoring/validate';
import { openMaster } from './master';
import { closedRoundChanges } from './periods';
import { pushAll } from '../model/arrays';
import { risksOfImport } from './insight';

/** One filled template as the host read it. */
export interface FilledInput {
  /** File name shown to users. */
  file: string;
  sheets: readonly SheetInfo[];
  snapshots: readonly SheetSnapshot[];
  /** When the unit sent it (file time; ISO date-time). Default: the import time. */
  submittedAt?: string;
  /**
   * When the unit last saved it, as the file's own metadata says (docProps "modified"; ISO
   * date-time). Of two files of one unit, the one saved last is imported; default: `submittedAt`.
   */
  savedAt?: string;
  /** Problems found before the file could be read (too large, not a workbook…): the file is rejected with them. */
  refused?: readonly Issue[];
}

export interface ImportOptions {
  lang: Lang;
  /** Master file name, to locate issues. */
  file?: string;
  /** ISO date-time of the import ("yyyy-mm-ddThh:mm"). */
  now: string;
  /** Bring in the valid rows of files with errors. */
  acceptValidRows?: boolean;
}

export type ImportStatus = 'ok' | 'partial' | 'failed';

export interface ImportOutcome {
  /** ok: every file imported; partial: some files/rows left out; failed: the master cannot take imports. */
  status: ImportStatus;
  issues: Issue[];
  files: FilledParse[];
  /** One line per unit with a template, as in "Tình hình nộp". */
  units: SubmissionStatus[];
  /** Cells changed by this import. */
  log: LogEntry[];
  assessments: Assessment[];
  /** Task statuses the files reported (all units). */
  taskStatuses: TaskStatus[];
  /** Sheets to write into the new master (empty when `status` is failed). */
  sheets: RenderedSheet[];
}

/**
 * A moment as the office's clock shows it, "yyyy-mm-ddThh:mm" (local time: a file saved at 06:00
 * on 1 December in Hà Nội is 1 December, not 30 November as UTC would say). Hosts use it for file
 * times and "now".
 */
export function localIso(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A moment "yyyy-mm-ddThh:mm" as a message parameter: "28/11/2023 09:00" in both languages; "?" when unknown. */
function whenParam(iso: string): { vi: string; en: string } | string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return '?';
  const d = dateParam(iso.slice(0, 10));
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return time ? { vi: `${d.vi} ${time}`, en: `${d.en} ${time}` } : d;
}

function parseOne(
  f: FilledInput,
  ctx: { framework: NonNullable<ReturnType<typeof openMaster>['doc']['framework']>; units: ReturnType<typeof openMaster>['doc']['units']; tasks?: readonly PlanTask[]; deadline?: string },
  acceptValidRows: boolean,
): { parsed: FilledParse; taskStatuses: TaskStatus[] } {
  const base: FilledParse = { file: f.file, assessments: [], rows: [], applicable: 0, answered: 0, rejectedRows: 0, issues: [...(f.refused ?? [])], status: 'rejected' };
  if (f.refused && f.refused.length > 0) return { parsed: base, taskStatuses: [] };
  if (!isTemplateWorkbook(f.sheets)) {
    base.issues.push(issue('import.notTemplate', { file: f.file }, { file: f.file }));
    return { parsed: base, taskStatuses: [] };
  }
  // a file still named as it was sent ("tu-danh-gia-KG.xlsx") must hold that unit's template
  // (the one file-name rule of the templates step; a name two units would share names neither)
  const named = unitForTemplateFile(ctx.units, f.file);
  const parsed = parseFilledTemplate(
    { file: f.file, sheets: f.sheets, snapshots: f.snapshots },
    { framework: ctx.framework, units: ctx.units, ...(named ? { expectedUnit: named.code } : {}), ...(ctx.deadline ? { deadline: ctx.deadline } : {}) },
    { acceptValidRows },
  );
  let taskStatuses: TaskStatus[] = [];
  const statusSnap = f.snapshots.find((x) => x.name === TASK_STATUS_SHEET);
  if (statusSnap && parsed.unit && parsed.status !== 'rejected') {
    const st = parseTaskStatusSheet(statusSnap, parsed.unit, f.file, ctx.tasks ? { tasks: ctx.tasks } : {});
    pushAll(parsed.issues, st.issues);
    if (hasErrors(st.issues)) {
      parsed.status = acceptValidRows ? 'partial' : 'rejected';
      if (parsed.status === 'rejected') {
        parsed.rows = [];
        parsed.assessments = [];
      }
    }
    if (parsed.status !== 'rejected') taskStatuses = st.statuses;
  }
  return { parsed, taskStatuses };
}

/**
 * Check filled templates against a master and bring the valid ones in. Every file is checked and
 * every problem reported, located; a file with errors brings nothing in unless `acceptValidRows`
 * (then only its valid rows). A rejected file still counts as the unit's submission (its time is
 * kept, so a late unit is marked late) with status "rejected".
 * @example
 *   const r = importSubmissions(masterSnaps, [{ file: 'tu-danh-gia-KG.xlsx', sheets, snapshots, submittedAt: '2023-11-28T09:00' }],
 *     { lang: 'vi', file: 'master.xlsx', now: '2023-11-30T08:00' });
 *   await port.write(r.sheets);
 */
export function importSubmissions(masterSnapshots: readonly SheetSnapshot[], filled: readonly FilledInput[], options: ImportOptions): ImportOutcome {
  const lang = options.lang;
  const now = options.now;
  const fileLoc = options.file !== undefined ? { file: options.file } : {};
  const m = openMaster(masterSnapshots, fileLoc);
  const issues: Issue[] = [...m.issues];
  const fail = (extra: Issue[]): ImportOutcome => ({ issues: [...issues, ...extra], status: 'failed', files: [], units: [], log: [], assessments: [], taskStatuses: [], sheets: [] });
  if (!m.isMaster) return fail([issue('workbook.notMaster', {}, fileLoc)]);
  if (hasErrors(m.issues)) return fail([issue('import.masterInvalid', {}, fileLoc)]);
  if (!m.scorable) return fail([issue('import.noFramework', {}, fileLoc)]);
  const doc = m.doc;
  const framework = doc.framework;
  const units = doc.units;
  const plan = doc.plan !== undefined ? planFromDocument(doc.plan, { units }).plan : undefined;
  const taskStatuses: TaskStatus[] = [];
  const parsedFiles: FilledParse[] = [];
  const byUnit = new Map<string, { file: string; submittedAt: string; parsed: FilledParse }>();
  const rejectedAt = new Map<string, { file: string; submittedAt: string }>();
  let assessments: Assessment[] = doc.assessments.map((a) => ({ ...a }));
  const submissions = new Map<string, SubmissionMeta>(doc.extras.submissions.map((s) => [`${s.unit}|${s.criterion}`, { ...s }]));
  const log: LogEntry[] = [];
  let anyLeftOut = false;
  const deadline = doc.extras.rounds.find((r) => r.round === 'selfAssessment')?.deadline;

  const all = filled.map((f) => ({ f, ...parseOne(f, { framework, units, ...(plan ? { tasks: plan.tasks } : {}), ...(deadline ? { deadline } : {}) }, options.acceptValidRows ?? false) }));
  // Two files of one unit (a corrected file sent again): the one the unit saved last is imported
  // (saved time in the file's metadata, else the file's time; a tie goes to the later on the
  // command line); the other is set aside with a warning naming both.
  const savedOf = (f: FilledInput): string => f.savedAt ?? f.submittedAt ?? '';
  const newest = new Map<string, number>();
  all.forEach((x, i) => {
    const u = x.parsed.unit;
    if (!u) return;
    const prev = newest.get(u);
    const prevFile = prev === undefined ? undefined : all[prev]?.f;
    if (prevFile === undefined || savedOf(x.f) >= savedOf(prevFile)) newest.set(u, i);
  });

  for (const [i, { f, parsed, taskStatuses: st }] of all.entries()) {
    const keep = parsed.unit ? newest.get(parsed.unit) : undefined;
    const kept = keep !== undefined && keep !== i ? all[keep]?.f : undefined;
    if (parsed.unit && kept) {
      issues.push(
        issue('import.olderVersion', { unit: parsed.unit, file: f.file, at: whenParam(savedOf(f)), newer: kept.file, newerAt: whenParam(savedOf(kept)) }, { file: f.file, unit: parsed.unit }, 'warning'),
      );
      continue;
    }
    parsedFiles.push(parsed);
    const submittedAt = f.submittedAt ?? now;
    let trial: ReturnType<typeof mergeAssessments> | undefined;
    if (parsed.status !== 'rejected' && (doc.extras.locks ?? []).length > 0) {
      // a closed round (chốt điểm) refuses a file that changes its values (engine/app/periods.ts)
      trial = mergeAssessments(assessments, parsed.rows, { file: parsed.file, by: parsed.unit ?? '', time: now });
      const refused = closedRoundChanges(trial.log, doc.extras.locks ?? [], parsed.file);
      if (refused.length > 0) {
        pushAll(parsed.issues, refused);
        parsed.status = 'rejected';
        parsed.rows = [];
        parsed.assessments = [];
      }
    }
    pushAll(issues, parsed.issues);
    if (parsed.status === 'rejected') {
      anyLeftOut = true;
      if (parsed.unit) {
        const errs = parsed.issues.filter((i) => i.severity === 'error').length;
        if (!rejectedAt.has(parsed.unit)) rejectedAt.set(parsed.unit, { file: parsed.file, submittedAt });
        issues.push(issue('import.rejected', { count: Math.max(parsed.rejectedRows, errs, 1) }, { file: parsed.file, unit: parsed.unit }));
      }
      continue;
    }
    if (parsed.status === 'partial') {
      anyLeftOut = true;
      issues.push(issue('import.partial', { imported: parsed.rows.length, count: parsed.rejectedRows }, { file: parsed.file, unit: parsed.unit ?? '' }, 'warning'));
    }
    const unitCode = parsed.unit ?? '';
    byUnit.set(unitCode, { file: parsed.file, submittedAt, parsed });
    // the report date decides which of two reports of the same quarter is newer
    pushAll(taskStatuses, st.map((x) => (x.reportedAt ? x : { ...x, reportedAt: submittedAt.slice(0, 10) })));
    // the trial merge of the closed-round check is the merge itself when the file was kept
    const merged = trial ?? mergeAssessments(assessments, parsed.rows, { file: parsed.file, by: unitCode, time: now });
    assessments = merged.assessments;
    pushAll(log, merged.log);
    for (const r of parsed.rows) {
      const key = `${r.unit}|${r.criterion}`;
      const prev = submissions.get(key);
      submissions.set(key, { ...(prev ?? {}), unit: r.unit, criterion: r.criterion, submittedAt, sourceFile: parsed.file, by: unitCode });
    }
  }

  // status per unit that has a template
  const comp = completeness(framework, units, assessments);
  const lines: SubmissionStatus[] = [];
  for (const u of templateUnits(framework, units)) {
    const got = byUnit.get(u.code);
    const rejected = rejectedAt.get(u.code);
    const earlier = [...submissions.values()].filter((s) => s.by === u.code || (s.by === undefined && s.unit === u.code));
    const earlierAt = earlier.map((s) => s.submittedAt ?? '').filter(Boolean).sort().pop();
    // a rejected file is still the unit's submission: its time decides lateness
    const submittedAt = got?.submittedAt ?? rejected?.submittedAt ?? (earlierAt || undefined);
    const c = comp.get(u.code) ?? { applicable: 0, answered: 0 };
    const fileIssues = parsedFiles.filter((f) => f.unit === u.code).flatMap((f) => f.issues);
    let timeliness: SubmissionStatus['timeliness'] = 'unknown';
    if (submittedAt && deadline) timeliness = submittedAt.slice(0, 10) > deadline.slice(0, 10) ? 'late' : 'onTime';
    if (!submittedAt) timeliness = 'missing';
    const status: SubmissionStatus['status'] = got ? got.parsed.status : rejected ? 'rejected' : earlier.length ? 'earlier' : 'missing';
    const line: SubmissionStatus = {
      unit: u.code,
      name: u.name,
      kind: u.kind,
      timeliness,
      applicable: c.applicable,
      answered: c.answered,
      errors: fileIssues.filter((i) => i.severity === 'error').length,
      warnings: fileIssues.filter((i) => i.severity === 'warning').length,
      status,
    };
    const file = got?.file ?? rejected?.file ?? earlier.map((s) => s.sourceFile).find(Boolean);
    if (file) line.file = file;
    if (submittedAt) line.submittedAt = submittedAt;
    const sign = got?.parsed.signOff;
    if (sign?.preparer) line.preparer = sign.preparer;
    if (sign?.head) line.head = sign.head;
    if (sign?.signedOn) line.signedOn = sign.signedOn;
    if (deadline) line.deadline = deadline;
    lines.push(line);
    if ((got || rejected) && timeliness === 'late' && deadline) {
      issues.push(
        issue('import.late', { unit: u.code, date: dateParam((submittedAt ?? '').slice(0, 10)), deadline: dateParam(deadline) }, { file: got?.file ?? rejected?.file ?? '', unit: u.code }, 'warning'),
      );
    }
  }
  const missing = lines.filter((l) => l.status === 'missing').map((l) => l.unit);
  if (missing.length > 0) issues.push(issue('import.missingUnits', { count: missing.length, units: missing }, {}, 'warning'));

  const oldLog = readLogSheet(masterSnapshots.find((s) => s.name === LOG_SHEET));
  const sheets: RenderedSheet[] = [
    renderSubmissionsSheet(assessments, { lang, framework, units, submissions: [...submissions.values()] }),
    renderStatusSheet(lines, lang),
  ];
  if (plan && taskStatuses.length > 0) {
    // every unit's statuses go into the register, one row per unit × task × quarter
    sheets.push(renderStatusRegister(mergeStatuses(m.statuses, taskStatuses), { lang }));
    // the plan sheet's own status column is written only for tasks with a single lead unit
    if (doc.extras.planRows.length > 0) {
      const rows: PlanTaskRow[] = doc.extras.planRows.map((r) => ({ ...r }));
      let changed = false;
      for (const st of taskStatuses) {
        const task = plan.tasks.find((x) => x.id === st.task);
        const row = rows.find((r) => r.id === st.task);
        if (!task || !row) continue;
        const leads = taskLeadUnits(task, units);
        if (leads.length !== 1 || leads[0] !== st.unit) continue;
        const word = PROGRESS_WORDS[st.progress][lang];
        const at = byUnit.get(st.unit)?.submittedAt.slice(0, 10) ?? now.slice(0, 10);
        if (row.status !== word) {
          log.push({ time: now, file: byUnit.get(st.unit)?.file ?? '', by: st.unit, unit: st.unit, criterion: st.task, field: 'taskStatus', old: row.status ?? null, new: word });
          row.status = word;
          changed = true;
        }
        row.reportedAt = st.completedOn ?? at;
      }
      const planSheet = tableSpec('plan').sheet;
      if (changed && masterSnapshots.some((x) => x.name === planSheet)) {
        const rendered = renderMasterInputSheets({ framework, units, assessments: [], plan: rows }, { lang }).find((x) => x.name === planSheet);
        if (rendered) sheets.push(rendered);
      }
    }
  }
  pushAll(issues, risksOfImport(parsedFiles.filter((f) => f.status !== 'rejected'), framework, units, masterSnapshots)); // appraisal risks (insight.ts)
  sheets.push(renderLogSheet([...oldLog, ...log], lang));
  sheets.push(renderIssuesSheet(issues, { lang, target: DEFAULT_TARGET, frameworkName: framework.name, ...(framework.year !== undefined ? { year: framework.year } : {}) }));
  const status: ImportStatus = anyLeftOut || hasErrors(issues) ? 'partial' : 'ok';
  return { issues, status, files: parsedFiles, units: lines, log, assessments, taskStatuses, sheets };
}
