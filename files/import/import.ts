/**
 * `parindex import` and template validation (Node): open filled templates, check them against
 * the master, bring valid submissions into a NEW master with a status sheet and an import log.
 * Input files are only read; the output is written to a temp file then renamed.
 */
import * as path from 'node:path';
import type { Assessment } from '../../engine/model/assessment';
import type { Unit } from '../../engine/model/unit';
import { hasErrors, issue, type Issue } from '../../engine/model/issue';
import { formatDate, type Lang } from '../../engine/i18n/format';
import { getBuiltinFramework } from '../../engine/frameworks';
import type { RenderedSheet, SheetSnapshot } from '../../engine/workbook/port';
import {
  looksLikeMaster,
  readMaster,
  renderSubmissionsSheet,
  type MasterDocument,
  type ReadMasterOptions,
  type SubmissionMeta,
} from '../../engine/workbook/master';
import { templateFileName, templateUnits } from '../../engine/workbook/template';
import { planFromDocument, parseTaskStatusSheet, PROGRESS_WORDS, STATUS_SHEET as TASK_STATUS_SHEET, taskLeadUnits, type PlanTask, type TaskStatus } from '../../engine/plan';
import { renderMasterInputSheets, tableSpec, type PlanTaskRow } from '../../engine/workbook/master';
import {
  LOG_SHEET,
  completeness,
  isTemplateWorkbook,
  mergeAssessments,
  parseFilledTemplate,
  readLogSheet,
  renderLogSheet,
  renderStatusSheet,
  type FilledParse,
  type LogEntry,
  type SubmissionStatus,
} from '../../engine/workbook/import';
import { ExcelJsPort } from '../port';
import { openXlsxFile, samePath, saveXlsxAtomically } from '../node';

export interface ImportOptions {
  lang?: Lang;
  /** ISO date-time of the import (log time; default: now). */
  now?: string;
  /** Bring in the valid rows of files with errors (the rest are listed). */
  acceptValidRows?: boolean;
  resolveFramework?: ReadMasterOptions['resolveFramework'];
}

export type ImportStatus = 'ok' | 'partial' | 'failed';

export interface ImportResult {
  issues: Issue[];
  /** ok: every file imported; partial: some files/rows left out; failed: nothing written. */
  status: ImportStatus;
  files: FilledParse[];
  /** Status line per unit, as in the "Tình hình nộp" sheet. */
  units: SubmissionStatus[];
  /** Changes logged by this import. */
  log: LogEntry[];
  /** Assessments of the new master. */
  assessments: Assessment[];
  /** Task statuses reported on the plan's quarterly sheet (all units, lead and coordinator). */
  taskStatuses: TaskStatus[];
  outPath?: string;
}

function localIso(d: Date): string {
  return d.toISOString().slice(0, 16);
}

const FILE_UNIT = /^tu-danh-gia-([A-Za-z0-9_-]+)\.xlsx$/i;

/** Open one file and parse it as a filled template. */
async function parseFile(
  p: string,
  ctx: { framework?: MasterDocument['framework']; units?: readonly Unit[]; tasks?: readonly PlanTask[] },
  acceptValidRows: boolean,
): Promise<{ parsed: FilledParse; mtime?: Date; taskStatuses: TaskStatus[] }> {
  const label = path.basename(p);
  const opened = await openXlsxFile(p, label);
  const base: FilledParse = { file: label, assessments: [], rows: [], applicable: 0, answered: 0, rejectedRows: 0, issues: opened.issues, status: 'rejected' };
  if (!opened.port) return { parsed: base, taskStatuses: [], ...(opened.mtime ? { mtime: opened.mtime } : {}) };
  const sheets = await opened.port.listSheets();
  const snapshots = await opened.port.read(sheets.map((s) => s.name));
  // a file still named as it was sent ("tu-danh-gia-KG.xlsx") must hold that unit's template
  const m = FILE_UNIT.exec(label);
  const named = m ? ctx.units?.find((u) => templateFileName(u).toLowerCase() === label.toLowerCase()) : undefined;
  const expectedUnit = named?.code ?? (m && !ctx.units ? m[1] : undefined);
  const parsed = parseFilledTemplate(
    { file: label, sheets, snapshots },
    {
      ...(ctx.framework ? { framework: ctx.framework } : {}),
      ...(ctx.units ? { units: ctx.units } : {}),
      ...(expectedUnit ? { expectedUnit } : {}),
    },
    { acceptValidRows },
  );
  // the plan's quarterly task-status sheet, when the template carries one
  let taskStatuses: TaskStatus[] = [];
  const statusSnap = snapshots.find((x) => x.name === TASK_STATUS_SHEET);
  if (statusSnap && parsed.unit && parsed.status !== 'rejected') {
    const st = parseTaskStatusSheet(statusSnap, parsed.unit, label, ctx.tasks ? { tasks: ctx.tasks } : {});
    parsed.issues.push(...st.issues);
    if (hasErrors(st.issues)) {
      parsed.status = acceptValidRows ? 'partial' : 'rejected';
      if (parsed.status === 'rejected') {
        parsed.rows = [];
        parsed.assessments = [];
      }
    }
    if (parsed.status !== 'rejected') taskStatuses = st.statuses;
  }
  return { parsed, taskStatuses, ...(opened.mtime ? { mtime: opened.mtime } : {}) };
}

/**
 * Validate a filled template (or recognise a master) for `parindex validate`.
 * Templates are checked against their own metadata (structure, locked cells, values); pass
 * `masterPath` to check them against the master's criteria set and units as well.
 * @example const { kind, issues } = await validateTemplateFile('KG.xlsx', 'vi')
 */
export async function validateTemplateFile(
  filePath: string,
  lang: Lang = 'vi',
  options: { masterPath?: string; resolveFramework?: ReadMasterOptions['resolveFramework'] } = {},
): Promise<{ issues: Issue[]; kind: 'template' | 'master' | 'unknown' }> {
  void lang; // issues are rendered by the caller in its language
  const label = path.basename(filePath);
  const opened = await openXlsxFile(filePath, label);
  if (!opened.port) return { issues: opened.issues, kind: 'unknown' };
  const sheets = await opened.port.listSheets();
  if (isTemplateWorkbook(sheets)) {
    let ctx: { framework?: MasterDocument['framework']; units?: readonly Unit[] } = {};
    const pre: Issue[] = [];
    if (options.masterPath) {
      const master = await loadMasterDoc(options.masterPath, options.resolveFramework);
      pre.push(...master.issues);
      if (master.doc) ctx = { framework: master.doc.framework, units: master.doc.units };
    }
    const { parsed } = await parseFile(filePath, ctx, false);
    return { issues: [...pre, ...parsed.issues], kind: 'template' };
  }
  if (looksLikeMaster(sheets.map((s) => s.name))) {
    const snaps = await opened.port.read(sheets.map((s) => s.name));
    const { issues } = readMaster(snaps, label, { resolveFramework: options.resolveFramework ?? getBuiltinFramework });
    return { issues, kind: 'master' };
  }
  return { issues: [issue('validate.unknownKind', {}, { file: label })], kind: 'unknown' };
}

async function loadMasterDoc(
  masterPath: string,
  resolveFramework?: ReadMasterOptions['resolveFramework'],
): Promise<{ doc?: MasterDocument; port?: ExcelJsPort; snaps?: SheetSnapshot[]; issues: Issue[] }> {
  const label = path.basename(masterPath);
  const opened = await openXlsxFile(masterPath, label);
  if (!opened.port) return { issues: opened.issues };
  const names = (await opened.port.listSheets()).map((s) => s.name);
  const snaps = await opened.port.read(names);
  const { doc, issues } = readMaster(snaps, label, { resolveFramework: resolveFramework ?? getBuiltinFramework });
  return { doc, port: opened.port, snaps, issues };
}

/**
 * `parindex import <master.xlsx> <filled.xlsx…> --out <new-master.xlsx>`.
 * Every file is validated and every problem reported, located. A file with errors brings
 * nothing in unless `acceptValidRows` (then only its valid rows). Valid submissions go into a
 * new master: submissions sheet updated (who, when, source file), "Tình hình nộp" (status,
 * lateness, completeness per unit) rewritten, "Nhật ký nhập" (old → new per changed cell) appended.
 * @example const { status, issues } = await importFilled('master.xlsx', ['KG.xlsx'], 'master-2.xlsx', { lang: 'vi' })
 */
export async function importFilled(
  masterPath: string,
  filledPaths: readonly string[],
  outPath: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const issues: Issue[] = [];
  const fail = (extra: Issue[] = []): ImportResult => ({ issues: [...issues, ...extra], status: 'failed', files: [], units: [], log: [], assessments: [], taskStatuses: [] });
  for (const inp of [masterPath, ...filledPaths]) {
    if (samePath(inp, outPath)) return fail([issue('cli.sameFile', { file: outPath }, { file: path.basename(outPath) })]);
  }
  const lang = options.lang ?? 'vi';
  const now = options.now ?? localIso(new Date());
  const master = await loadMasterDoc(masterPath, options.resolveFramework);
  issues.push(...master.issues);
  if (!master.doc || !master.port || hasErrors(master.issues)) {
    return fail([issue('import.masterInvalid', {}, { file: path.basename(masterPath) })]);
  }
  const doc = master.doc;
  if (!doc.framework || doc.units.length === 0) return fail([issue('import.noFramework', {}, { file: path.basename(masterPath) })]);
  const framework = doc.framework;
  const units = doc.units;
  const plan = doc.plan !== undefined ? planFromDocument(doc.plan, { units }).plan : undefined;
  const taskStatuses: TaskStatus[] = [];

  const parsedFiles: FilledParse[] = [];
  const byUnit = new Map<string, { file: string; submittedAt: string; parsed: FilledParse }>();
  let assessments: Assessment[] = doc.assessments.map((a) => ({ ...a }));
  const submissions = new Map<string, SubmissionMeta>(doc.extras.submissions.map((s) => [`${s.unit}|${s.criterion}`, { ...s }]));
  const log: LogEntry[] = [];
  let anyLeftOut = false;

  for (const p of filledPaths) {
    const { parsed, mtime, taskStatuses: st } = await parseFile(p, { framework, units, ...(plan ? { tasks: plan.tasks } : {}) }, options.acceptValidRows ?? false);
    parsedFiles.push(parsed);
    if (parsed.unit && parsed.status !== 'rejected') {
      const prev = byUnit.get(parsed.unit);
      if (prev) {
        parsed.issues.push(issue('template.duplicateUnit', { unit: parsed.unit, other: prev.file }, { file: parsed.file, unit: parsed.unit }));
        parsed.status = 'rejected';
        parsed.rows = [];
        parsed.assessments = [];
      }
    }
    issues.push(...parsed.issues);
    if (parsed.status === 'rejected') {
      anyLeftOut = true;
      if (parsed.issues.length > 0 && parsed.unit) {
        issues.push(issue('import.rejected', { count: Math.max(parsed.rejectedRows, 1) }, { file: parsed.file, unit: parsed.unit }));
      }
      continue;
    }
    if (parsed.status === 'partial') {
      anyLeftOut = true;
      issues.push(issue('import.partial', { imported: parsed.rows.length, count: parsed.rejectedRows }, { file: parsed.file, unit: parsed.unit ?? '' }, 'warning'));
    }
    const unitCode = parsed.unit ?? '';
    const submittedAt = mtime ? localIso(mtime) : now;
    byUnit.set(unitCode, { file: parsed.file, submittedAt, parsed });
    taskStatuses.push(...st);
    const merged = mergeAssessments(assessments, parsed.rows, { file: parsed.file, by: unitCode, time: now });
    assessments = merged.assessments;
    log.push(...merged.log);
    for (const r of parsed.rows) {
      const key = `${r.unit}|${r.criterion}`;
      const prev = submissions.get(key);
      submissions.set(key, { ...(prev ?? {}), unit: r.unit, criterion: r.criterion, submittedAt, sourceFile: parsed.file, by: unitCode });
    }
  }

  // status per unit that has a template
  const deadline = doc.extras.rounds.find((r) => r.round === 'selfAssessment')?.deadline;
  const comp = completeness(framework, units, assessments);
  const lines: SubmissionStatus[] = [];
  for (const u of templateUnits(framework, units)) {
    const got = byUnit.get(u.code);
    const rejected = parsedFiles.filter((f) => f.unit === u.code && f.status === 'rejected');
    const earlier = [...submissions.values()].filter((s) => s.by === u.code || (s.by === undefined && s.unit === u.code));
    const earlierAt = earlier.map((s) => s.submittedAt ?? '').filter(Boolean).sort().pop();
    const submittedAt = got?.submittedAt ?? (earlierAt || undefined);
    const c = comp.get(u.code) ?? { applicable: 0, answered: 0 };
    const fileIssues = parsedFiles.filter((f) => f.unit === u.code).flatMap((f) => f.issues);
    let timeliness: SubmissionStatus['timeliness'] = 'unknown';
    if (submittedAt && deadline) timeliness = submittedAt.slice(0, 10) > deadline.slice(0, 10) ? 'late' : 'onTime';
    if (!submittedAt) timeliness = 'missing';
    const status: SubmissionStatus['status'] = got ? got.parsed.status : rejected.length ? 'rejected' : earlier.length ? 'earlier' : 'missing';
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
    const file = got?.file ?? rejected[0]?.file ?? earlier.map((s) => s.sourceFile).find(Boolean);
    if (file) line.file = file;
    if (submittedAt) line.submittedAt = submittedAt;
    const sign = got?.parsed.signOff;
    if (sign?.preparer) line.preparer = sign.preparer;
    if (sign?.head) line.head = sign.head;
    if (sign?.signedOn) line.signedOn = sign.signedOn;
    if (deadline) line.deadline = deadline;
    lines.push(line);
    if (got && timeliness === 'late' && deadline) {
      issues.push(issue('import.late', { unit: u.code, date: formatDate((submittedAt ?? '').slice(0, 10), lang), deadline: formatDate(deadline, lang) }, { file: got.file, unit: u.code }, 'warning'));
    }
  }
  const missing = lines.filter((l) => l.status === 'missing').map((l) => l.unit);
  if (missing.length > 0) issues.push(issue('import.missingUnits', { count: missing.length, units: missing }, {}, 'warning'));

  // write the new master: same workbook, submissions + status + log sheets rewritten
  const oldLog = readLogSheet(master.snaps?.find((s) => s.name === LOG_SHEET));
  const sheets: RenderedSheet[] = [
    renderSubmissionsSheet(assessments, { lang, framework, units, submissions: [...submissions.values()] }),
    renderStatusSheet(lines, lang),
  ];
  // lead units' task statuses go into the plan sheet (status word and report date)
  if (plan && taskStatuses.length > 0 && doc.extras.planRows.length > 0) {
    const rows: PlanTaskRow[] = doc.extras.planRows.map((r) => ({ ...r }));
    let changed = false;
    for (const st of taskStatuses) {
      const task = plan.tasks.find((x) => x.id === st.task);
      const row = rows.find((r) => r.id === st.task);
      if (!task || !row || !taskLeadUnits(task, units).includes(st.unit)) continue;
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
    if (changed) {
      const rendered = renderMasterInputSheets({ framework, units, assessments: [], plan: rows }, { lang }).find((x) => x.name === planSheet);
      if (rendered && master.snaps?.some((x) => x.name === planSheet)) sheets.push(rendered);
    }
  }
  sheets.push(renderLogSheet([...oldLog, ...log], lang));
  await master.port.write(sheets);
  const saveIssues = await saveXlsxAtomically(master.port, outPath, { inputPaths: [masterPath, ...filledPaths] });
  issues.push(...saveIssues);
  if (saveIssues.length) return { issues, status: 'failed', files: parsedFiles, units: lines, log, assessments, taskStatuses };
  const status: ImportStatus = anyLeftOut || hasErrors(issues) ? 'partial' : 'ok';
  return { issues, status, files: parsedFiles, units: lines, log, assessments, taskStatuses, outPath };
}
