/**
 * `parindex import` and template validation (Node): open filled templates, check them against
 * the master, bring valid submissions into a NEW master with a status sheet and an import log.
 * Input files are only read; the output is written to a temp file then renamed.
 */
import * as path from 'node:path';
import type { Assessment } from '../../engine';
import type { Unit } from '../../engine';
import { hasErrors, issue, type Issue } from '../../engine';
import { type Lang } from '../../engine';
import { getBuiltinFramework } from '../../engine';
import type { SheetSnapshot } from '../../engine';
import {
  looksLikeMaster,
  readMaster,
  type MasterDocument,
  type ReadMasterOptions,
} from '../../engine';
import { unitForTemplateFile } from '../../engine';
import { parseTaskStatusSheet, STATUS_SHEET as TASK_STATUS_SHEET, type PlanTask, type TaskStatus } from '../../engine';
import {
  isTemplateWorkbook,
  parseFilledTemplate,
  type FilledParse,
  type LogEntry,
  type SubmissionStatus,
} from '../../engine';
import { ExcelJsPort } from '../port';
import { importSubmissions, localIso, type FilledInput } from '../../engine';
import { openRoundFile } from '../scoreWorkbook';
import { openXlsxFile, samePath, saveXlsxAtomically } from '../node';
import { pushAll } from '../../engine';

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


const FILE_UNIT = /^tu-danh-gia-([A-Za-z0-9_-]+)\.xlsx$/i;

/** Open one file and parse it as a filled template. */
async function parseFile(
  p: string,
  ctx: { framework?: MasterDocument['framework']; units?: readonly Unit[]; tasks?: readonly PlanTask[]; deadline?: string },
  acceptValidRows: boolean,
): Promise<{ parsed: FilledParse; mtime?: Date; taskStatuses: TaskStatus[] }> {
  const label = path.basename(p);
  const opened = await openXlsxFile(p, label);
  const base: FilledParse = { file: label, assessments: [], rows: [], applicable: 0, answered: 0, rejectedRows: 0, issues: opened.issues, status: 'rejected' };
  if (!opened.port) return { parsed: base, taskStatuses: [], ...(opened.mtime ? { mtime: opened.mtime } : {}) };
  const sheets = await opened.port.listSheets();
  const snapshots = await opened.port.read(sheets.map((s) => s.name));
  // a file still named as it was sent ("tu-danh-gia-KG.xlsx") must hold that unit's template
  // (the one file-name rule of the templates step; without the master's units, the code as the name has it)
  const m = FILE_UNIT.exec(label);
  const named = ctx.units ? unitForTemplateFile(ctx.units, label) : undefined;
  const expectedUnit = named?.code ?? (m && !ctx.units ? m[1] : undefined);
  const parsed = parseFilledTemplate(
    { file: label, sheets, snapshots },
    {
      ...(ctx.framework ? { framework: ctx.framework } : {}),
      ...(ctx.units ? { units: ctx.units } : {}),
      ...(expectedUnit ? { expectedUnit } : {}),
      ...(ctx.deadline ? { deadline: ctx.deadline } : {}),
    },
    { acceptValidRows },
  );
  // the plan's quarterly task-status sheet, when the template carries one
  let taskStatuses: TaskStatus[] = [];
  const statusSnap = snapshots.find((x) => x.name === TASK_STATUS_SHEET);
  if (statusSnap && parsed.unit && parsed.status !== 'rejected') {
    const st = parseTaskStatusSheet(statusSnap, parsed.unit, label, ctx.tasks ? { tasks: ctx.tasks } : {});
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
    let ctx: { framework?: MasterDocument['framework']; units?: readonly Unit[]; deadline?: string } = {};
    const pre: Issue[] = [];
    if (options.masterPath) {
      const master = await loadMasterDoc(options.masterPath, options.resolveFramework);
      pushAll(pre, master.issues);
      const deadline = master.doc?.extras.rounds.find((r) => r.round === 'selfAssessment')?.deadline;
      if (master.doc) ctx = { framework: master.doc.framework, units: master.doc.units, ...(deadline ? { deadline } : {}) };
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
 * `parindex import <master.xlsx> <filled.xlsx…> --out <new-master.xlsx>`: open the files, call the
 * engine's import step (engine/app `importSubmissions`), write the sheets it returns into a NEW
 * master. Input files are only read. A file's modification time is its submission time.
 * @example const { status, issues } = await importFilled('master.xlsx', ['KG.xlsx'], 'master-2.xlsx', { lang: 'vi' })
 */
export async function importFilled(
  masterPath: string,
  filledPaths: readonly string[],
  outPath: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const fail = (issues: Issue[]): ImportResult => ({ issues, status: 'failed', files: [], units: [], log: [], assessments: [], taskStatuses: [] });
  for (const inp of [masterPath, ...filledPaths]) {
    if (samePath(inp, outPath)) return fail([issue('cli.sameFile', { file: outPath }, { file: path.basename(outPath) })]);
  }
  const lang = options.lang ?? 'vi';
  const now = options.now ?? localIso(new Date());
  const master = await openRoundFile(masterPath);
  if (!master.port) return fail([...master.issues, issue('import.masterInvalid', {}, { file: master.label })]);
  const filled: FilledInput[] = [];
  for (const p of filledPaths) {
    const label = path.basename(p);
    const opened = await openXlsxFile(p, label);
    const submittedAt = opened.mtime ? localIso(opened.mtime) : undefined;
    if (!opened.port) {
      filled.push({ file: label, sheets: [], snapshots: [], refused: opened.issues, ...(submittedAt ? { submittedAt } : {}) });
      continue;
    }
    const sheets = await opened.port.listSheets();
    const snapshots = await opened.port.read(sheets.map((s) => s.name));
    // of two files of one unit, the one saved last (the file's metadata, else its time) is imported
    const saved = opened.port.savedAt();
    filled.push({ file: label, sheets, snapshots, ...(submittedAt ? { submittedAt } : {}), ...(saved ? { savedAt: localIso(saved) } : {}) });
  }
  const r = importSubmissions(master.snapshots, filled, { lang, file: master.label, now, acceptValidRows: options.acceptValidRows ?? false });
  const result: ImportResult = { issues: r.issues, status: r.status, files: r.files, units: r.units, log: r.log, assessments: r.assessments, taskStatuses: r.taskStatuses };
  if (r.status === 'failed') return result;
  await master.port.write(r.sheets);
  const saveIssues = await saveXlsxAtomically(master.port, outPath, { inputPaths: [masterPath, ...filledPaths] });
  result.issues = [...r.issues, ...saveIssues];
  if (saveIssues.length) return { ...result, status: 'failed' };
  result.outPath = outPath;
  return result;
}
