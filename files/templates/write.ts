/**
 * `parindex templates`: one .xlsx per unit from a master workbook (Node).
 */
import * as path from 'node:path';
import type { Framework } from '../../engine';
import type { Unit } from '../../engine';
import { issue, type Issue } from '../../engine';
import type { Lang } from '../../engine';
import type { RenderedSheet } from '../../engine';
import { type ReadMasterOptions } from '../../engine';
import { templateUnits, templateFileIssues, type TemplateOptions } from '../../engine';
import { samePath, writeFailedIssue, writeFilesAtomically } from '../node';
import { existingFileProblem } from './existing';
import { ExcelJsPort } from '../port';
import { buildTemplates } from '../../engine';
import { openRoundFile } from '../scoreWorkbook';
import { buildTemplateWorkbook } from './build';

export interface WriteTemplatesOptions {
  lang?: Lang;
  /** ISO date-time recorded as generation time (default: now). */
  now?: string;
  round?: string;
  /** Deadline (ISO date); default: the self-assessment deadline of the master's rounds sheet. */
  deadline?: string;
  contact?: string;
  password?: string;
  /** Only these unit codes (default: every unit with criteria to answer). */
  units?: readonly string[];
  /** Extra sheets per unit (e.g. the plan's quarterly task-status sheet). */
  extraSheets?: (unit: Unit) => readonly RenderedSheet[];
  resolveFramework?: ReadMasterOptions['resolveFramework'];
  /** Paths that must never be overwritten (inputs). */
  inputPaths?: readonly string[];
  /** Quarter of the plan's task-status sheet ("2023-Q4"); default: the quarter of the deadline (or of now). */
  quarter?: string;
  /** Replace files in the folder that are not blank templates of this master (filled ones too). */
  force?: boolean;
}

export interface WriteTemplatesResult {
  /** Paths written, one per unit. */
  files: string[];
  issues: Issue[];
}

function nowIso(): string {
  return new Date().toISOString().slice(0, 16);
}

/** One template ready to be written. */
interface Planned {
  out: string;
  fileName: string;
  sheets: readonly RenderedSheet[];
  bytes: Uint8Array;
}

/**
 * Write a set of templates as one: nothing at all when a path is an input, when a file already
 * there is not a blank template of this master (unless `force`), or when a file cannot be written
 * (read-only folder, no permission, disk full: the temp files are removed). Issues say which file
 * and why.
 */
async function writeSet(planned: readonly Planned[], outDir: string, options: WriteTemplatesOptions, inputs: readonly string[]): Promise<WriteTemplatesResult> {
  const issues: Issue[] = [];
  for (const p of planned) {
    if (inputs.some((i) => samePath(i, p.out))) issues.push(issue('cli.sameFile', { file: p.out }, { file: p.fileName }));
  }
  if (issues.length > 0) return { files: [], issues };
  const kept: Issue[] = [];
  for (const p of planned) {
    const problem = await existingFileProblem(p.out, p);
    if (!problem) continue;
    if (options.force) issues.push(issue('templates.overwritten', { file: p.out, reason: problem }, { file: p.fileName }, 'warning'));
    else kept.push(issue('templates.existingNotBlank', { file: p.out, reason: problem }, { file: p.fileName }));
  }
  if (kept.length > 0) return { files: [], issues: [...issues, ...kept, issue('templates.existingKept', { count: kept.length, dir: path.resolve(outDir) })] };
  try {
    await writeFilesAtomically(planned.map((p) => ({ path: p.out, bytes: p.bytes })));
  } catch (e) {
    return { files: [], issues: [...issues, writeFailedIssue(e, outDir), issue('templates.writeAborted', { dir: path.resolve(outDir) }, { file: path.basename(outDir) })] };
  }
  return { files: planned.map((p) => p.out), issues };
}

/**
 * Write one template per unit for a criteria set and unit list (used by `writeTemplates` and the demo).
 * @example await writeTemplateFiles(framework, units, 'out/templates', { deadline: '2023-11-30' })
 */
export async function writeTemplateFiles(
  framework: Framework,
  units: readonly Unit[],
  outDir: string,
  options: WriteTemplatesOptions = {},
): Promise<WriteTemplatesResult> {
  const issues: Issue[] = [];
  const wanted = options.units ? new Set(options.units) : undefined;
  const all = templateUnits(framework, units);
  const targets = all.filter((u) => !wanted || wanted.has(u.code));
  for (const code of wanted ?? []) {
    if (!targets.some((u) => u.code === code)) issues.push(issue('templates.noRows', { unit: code }, { unit: code }, 'warning'));
  }
  const names = templateFileIssues(all);
  if (names.length > 0) return { files: [], issues: [...issues, ...names] };
  const planned: Planned[] = [];
  for (const unit of targets) {
    const topts: TemplateOptions = { units, generatedAt: options.now ?? nowIso() };
    if (options.lang) topts.lang = options.lang;
    if (options.round) topts.round = options.round;
    if (options.deadline) topts.deadline = options.deadline;
    if (options.contact) topts.contact = options.contact;
    if (options.password) topts.password = options.password;
    const extra = options.extraSheets?.(unit);
    if (extra && extra.length) topts.extraSheets = extra;
    const { bytes, template } = await buildTemplateWorkbook(framework, unit, topts);
    planned.push({ out: path.join(outDir, template.fileName), fileName: template.fileName, sheets: template.sheets, bytes });
  }
  const r = await writeSet(planned, outDir, options, options.inputPaths ?? []);
  return { files: r.files, issues: [...issues, ...r.issues] };
}

/**
 * `parindex templates <master.xlsx> --out <dir>`: read the master, call the engine's templates step
 * (engine/app `buildTemplates`) and write one file per unit. Nothing is written when the master has
 * errors that affect the templates (the last issue says so; survey-sheet problems never block it),
 * when a file in the folder is not a blank template of this master (unless `force`), or when a
 * file cannot be written.
 * @example const { files, issues } = await writeTemplates('master.xlsx', 'out/templates', { lang: 'vi' })
 */
export async function writeTemplates(masterPath: string, outDir: string, options: WriteTemplatesOptions = {}): Promise<WriteTemplatesResult> {
  const opened = await openRoundFile(masterPath);
  if (!opened.port) return { files: [], issues: opened.issues };
  const built = buildTemplates(opened.snapshots, {
    lang: options.lang ?? 'vi',
    file: opened.label,
    now: options.now ?? nowIso(),
    ...(options.deadline ? { deadline: options.deadline } : {}),
    ...(options.round ? { round: options.round } : {}),
    ...(options.quarter ? { quarter: options.quarter } : {}),
    ...(options.contact ? { contact: options.contact } : {}),
    ...(options.password ? { password: options.password } : {}),
    ...(options.units ? { units: options.units } : {}),
  });
  if (!built.ok) return { files: [], issues: built.issues };
  const planned: Planned[] = [];
  for (const t of built.templates) {
    const port = ExcelJsPort.create();
    await port.write(t.sheets);
    planned.push({ out: path.join(outDir, t.fileName), fileName: t.fileName, sheets: t.sheets, bytes: await port.toBuffer() });
  }
  const r = await writeSet(planned, outDir, options, [masterPath, ...(options.inputPaths ?? [])]);
  return { files: r.files, issues: [...built.issues, ...r.issues] };
}
