/**
 * `parindex templates`: one .xlsx per unit from a master workbook (Node).
 */
import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import type { Framework } from '../../engine/model/framework';
import type { Unit } from '../../engine/model/unit';
import { hasErrors, issue, type Issue } from '../../engine/model/issue';
import type { Lang } from '../../engine/i18n/format';
import { getBuiltinFramework } from '../../engine/frameworks';
import type { RenderedSheet } from '../../engine/workbook/port';
import { readMaster, type MasterDocument, type ReadMasterOptions } from '../../engine/workbook/master';
import { templateUnits, type TemplateOptions } from '../../engine/workbook/template';
import { planFromDocument, quarterKey, quarterOf, renderTaskStatusSheet, tasksForUnit } from '../../engine/plan';
import { openXlsxFile, samePath, writeFileAtomically } from '../node';
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

/** Read a master workbook into its scoring document (issues located at the file). */
export async function loadMaster(
  masterPath: string,
  options: { resolveFramework?: ReadMasterOptions['resolveFramework'] } = {},
): Promise<{ doc?: MasterDocument; issues: Issue[] }> {
  const label = path.basename(masterPath);
  const opened = await openXlsxFile(masterPath, label);
  if (!opened.port) return { issues: opened.issues };
  const names = (await opened.port.listSheets()).map((s) => s.name);
  const snaps = await opened.port.read(names);
  // a master may name a built-in criteria set instead of carrying its own criteria sheet
  const { doc, issues } = readMaster(snaps, label, { resolveFramework: options.resolveFramework ?? getBuiltinFramework });
  return { doc, issues };
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
 * `parindex templates <master.xlsx> --out <dir>`: read the master (criteria set, units, rounds)
 * and write one template per unit. Nothing is written when the master has errors.
 * @example const { files, issues } = await writeTemplates('master.xlsx', 'out/templates', { lang: 'vi' })
 */
export async function writeTemplates(masterPath: string, outDir: string, options: WriteTemplatesOptions = {}): Promise<WriteTemplatesResult> {
  const loaded = await loadMaster(masterPath, options.resolveFramework ? { resolveFramework: options.resolveFramework } : {});
  if (!loaded.doc || hasErrors(loaded.issues)) return { files: [], issues: loaded.issues };
  const doc = loaded.doc;
  if (!doc.framework || doc.units.length === 0) return { files: [], issues: [...loaded.issues, issue('import.noFramework', {}, { file: path.basename(masterPath) })] };
  const round = doc.extras.rounds.find((r) => r.round === 'selfAssessment');
  const contact = doc.extras.settings.other?.['contact'];
  const opts: WriteTemplatesOptions = { ...options, inputPaths: [masterPath, ...(options.inputPaths ?? [])] };
  if (opts.deadline === undefined && round?.deadline) opts.deadline = round.deadline;
  if (opts.round === undefined && round) opts.round = round.label ?? round.round;
  if (opts.contact === undefined && typeof contact === 'string' && contact) opts.contact = contact;
  // the plan's quarterly task-status sheet, for units that lead or coordinate tasks
  if (doc.plan !== undefined && opts.extraSheets === undefined) {
    const { plan, issues: planIssues } = planFromDocument(doc.plan, { units: doc.units });
    loaded.issues.push(...planIssues.filter((i) => i.severity !== 'error'));
    if (plan && plan.tasks.length > 0) {
      const quarter = opts.quarter ?? quarterKey(quarterOf((opts.deadline ?? options.now ?? nowIso()).slice(0, 10)));
      opts.extraSheets = (unit) =>
        tasksForUnit(plan.tasks, unit.code, doc.units).length > 0
          ? [renderTaskStatusSheet(plan.tasks, unit.code, quarter, { units: doc.units, ...(opts.lang ? { lang: opts.lang } : {}) })]
          : [];
    }
  }
  const res = await writeTemplateFiles(doc.framework, doc.units, outDir, opts);
  return { files: res.files, issues: [...loaded.issues, ...res.issues] };
}
