/**
 * `parindex templates`: one .xlsx per unit from a master workbook (Node).
 */
import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import type { Framework } from '../../engine';
import type { Unit } from '../../engine';
import { issue, type Issue } from '../../engine';
import type { Lang } from '../../engine';
import type { RenderedSheet } from '../../engine';
import { type ReadMasterOptions } from '../../engine';
import { templateUnits, type TemplateOptions } from '../../engine';
import { samePath, writeFileAtomically } from '../node';
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
}

export interface WriteTemplatesResult {
  /** Paths written, one per unit. */
  files: string[];
  issues: Issue[];
}

function nowIso(): string {
  return new Date().toISOString().slice(0, 16);
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
  const files: string[] = [];
  await fsp.mkdir(outDir, { recursive: true });
  const wanted = options.units ? new Set(options.units) : undefined;
  const targets = templateUnits(framework, units).filter((u) => !wanted || wanted.has(u.code));
  for (const code of wanted ?? []) {
    if (!targets.some((u) => u.code === code)) issues.push(issue('templates.noRows', { unit: code }, { unit: code }, 'warning'));
  }
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
    const out = path.join(outDir, template.fileName);
    if ((options.inputPaths ?? []).some((p) => samePath(p, out))) {
      issues.push(issue('cli.sameFile', { file: out }, { file: template.fileName }));
      continue;
    }
    await writeFileAtomically(out, bytes);
    files.push(out);
  }
  return { files, issues };
}

/**
 * `parindex templates <master.xlsx> --out <dir>`: read the master, call the engine's templates step
 * (engine/app `buildTemplates`) and write one file per unit. Nothing is written when the master has
 * errors that affect the templates (the last issue says so); survey-sheet problems never block it.
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
  const issues: Issue[] = [...built.issues];
  const files: string[] = [];
  await fsp.mkdir(outDir, { recursive: true });
  const inputs = [masterPath, ...(options.inputPaths ?? [])];
  for (const t of built.templates) {
    const out = path.join(outDir, t.fileName);
    if (inputs.some((p) => samePath(p, out))) {
      issues.push(issue('cli.sameFile', { file: out }, { file: t.fileName }));
      continue;
    }
    const port = ExcelJsPort.create();
    await port.write(t.sheets);
    await writeFileAtomically(out, await port.toBuffer());
    files.push(out);
  }
  return { files, issues };
}
