/**
 * The templates step: one self-assessment template per unit, as sheets (the host turns each into
 * a file: the CLI writes it, the pane offers it for download).
 */
import { issue, ref, type Issue, type Location, type MessageRef } from '../model/issue';
import type { PreviousCriterion } from '../model/assessment';
import { readPreviousCriteria } from '../workbook/master/previousCriteria';
import type { Lang } from '../i18n/format';
import type { Unit } from '../model/unit';
import type { CellValue, RenderedSheet, SheetSnapshot } from '../workbook/port';
import { META_SHEET } from '../workbook/template/layout';
import { readMeta } from '../workbook/import/parse';
import { locateIssues, tableSpec, type MasterDocument } from '../workbook/master';
import { compileFramework } from '../scoring/validate';
import { evidenceIssues, renderTemplate, templateFileIssues, templateUnits, type TemplateOptions } from '../workbook/template';
import { planFromDocument, templateStatusSheet } from '../plan';
import { openMaster } from './master';
import { pushAll } from '../model/arrays';

export interface BuildTemplatesOptions {
  lang: Lang;
  /** Master file name, to locate issues. */
  file?: string;
  /** ISO date-time recorded as generation time. */
  now: string;
  /** Deadline (yyyy-mm-dd); default: the self-assessment deadline of the master's rounds sheet. */
  deadline?: string;
  /** Round label; default: the self-assessment round of the master. */
  round?: string;
  /** Quarter of the plan's task-status sheet ("2023-Q4"); default: the quarter of the deadline (or of now). */
  quarter?: string;
  contact?: string;
  password?: string;
  /** Only these unit codes (default: every unit with criteria to answer). */
  units?: readonly string[];
  /** Last year's appraised points per unit and criterion, for the template's "Tự kiểm tra" sheet (default: the master's "Năm trước - tiêu chí"). */
  previousCriteria?: readonly PreviousCriterion[];
}

export interface TemplateFile {
  unit: Unit;
  fileName: string;
  sheets: RenderedSheet[];
}

export interface BuildTemplatesResult {
  templates: TemplateFile[];
  issues: Issue[];
  /** False when nothing could be built (errors that affect the templates). */
  ok: boolean;
}

/** Sheets whose problems do not change what a unit's template holds (survey data, last year's results, submissions). */
const NOT_IN_TEMPLATES = new Set(['surveyResponses', 'surveyCounts', 'surveyIndices', 'previous', 'submissions'].map((id) => tableSpec(id as Parameters<typeof tableSpec>[0]).sheet));

/**
 * Build the templates of a master document already opened.
 * @example const { templates } = templatesFor(doc, { lang: 'vi', now: '2023-11-01T08:00' });
 */
export function templatesFor(doc: MasterDocument, options: BuildTemplatesOptions): BuildTemplatesResult {
  const issues: Issue[] = [];
  const round = doc.extras.rounds.find((r) => r.round === 'selfAssessment');
  const contact = options.contact ?? doc.extras.settings.other?.['contact'];
  const deadline = options.deadline ?? round?.deadline;
  const roundLabel = options.round ?? (round ? round.label ?? round.round : undefined);
  const wanted = options.units ? new Set(options.units) : undefined;
  const targets = templateUnits(doc.framework, doc.units).filter((u) => !wanted || wanted.has(u.code));
  for (const code of wanted ?? []) {
    if (!targets.some((u) => u.code === code)) issues.push(issue('templates.noRows', { unit: code }, { unit: code }, 'warning'));
  }
  // the plan's quarterly task-status sheet, for units that lead or coordinate tasks
  let extraSheets: ((unit: Unit) => RenderedSheet[]) | undefined;
  if (doc.plan !== undefined) {
    const { plan, issues: planIssues } = planFromDocument(doc.plan, { units: doc.units });
    pushAll(issues, planIssues.filter((i) => i.severity !== 'error'));
    if (plan && plan.tasks.length > 0) {
      extraSheets = (unit) => {
        const sheet = templateStatusSheet(plan.tasks, unit.code, { units: doc.units, lang: options.lang, now: options.now, ...(deadline ? { deadline } : {}), ...(options.quarter ? { quarter: options.quarter } : {}) });
        return sheet ? [sheet] : [];
      };
    }
  }
  // file names: two units never share one (the later would overwrite the earlier), none too long.
  // Checked over every unit that gets a template, not just those asked for: the import step
  // recognises a file by this name, so it must name one unit in the whole round.
  const nameIssues = templateFileIssues(templateUnits(doc.framework, doc.units), (code) => unitCellOf(doc, code, options.file));
  if (nameIssues.length > 0) {
    const fileLoc = options.file !== undefined ? { file: options.file } : {};
    return { templates: [], issues: [...issues, ...nameIssues, issue('templates.noneWritten', { count: nameIssues.length }, fileLoc)], ok: false };
  }
  // criteria with no evidence requirement: the form would leave "Tài liệu kiểm chứng yêu cầu" empty
  pushAll(issues, evidenceIssues(doc.framework, targets, doc.units));
  const attachedTo = doc.extras.settings.other?.['attachedTo'];
  const returnTo = doc.extras.settings.other?.['returnTo'];
  const templates: TemplateFile[] = [];
  for (const unit of targets) {
    const topts: TemplateOptions = { units: doc.units, generatedAt: options.now, lang: options.lang };
    if (roundLabel) topts.round = roundLabel;
    if (deadline) topts.deadline = deadline;
    if (typeof contact === 'string' && contact) topts.contact = contact;
    if (typeof attachedTo === 'string' && attachedTo) topts.attachedTo = attachedTo;
    if (typeof returnTo === 'string' && returnTo) topts.returnTo = returnTo;
    if (options.password) topts.password = options.password;
    const extra = extraSheets?.(unit);
    if (extra && extra.length) topts.extraSheets = extra;
    const last = (options.previousCriteria ?? []).filter((p) => p.unit === unit.code);
    if (last.length > 0) topts.previousPoints = Object.fromEntries(last.map((p) => [p.criterion, p.points]));
    const t = renderTemplate(doc.framework, unit, topts);
    templates.push({ unit, fileName: t.fileName, sheets: t.sheets });
  }
  return { templates, issues, ok: true };
}

/** What the host found in a file already at a template's path (read by the host: the port knows no cell protection). */
export interface ExistingFile {
  /** Sheet names, in order. */
  sheetNames: readonly string[];
  /** Values of its `_meta` sheet, when it has one. */
  meta?: CellValue[][];
  /** Input (unlocked) cells holding a value, first ones first. */
  filled: readonly { sheet: string; cell: string }[];
  /** How many input cells hold a value in all (`filled` may list only the first). */
  filledCount?: number;
}

/**
 * Why a file already at a template's path must not be replaced by `template` (undefined when it
 * is a blank template of the same criteria set and unit: overwriting it loses nothing). A filled
 * template (any input cell with a value), a template of another criteria set, version or unit,
 * or a file that is no template are all kept.
 * @example existingTemplateProblem(template, { sheetNames: ['Tự đánh giá', '_meta'], meta, filled: [{ sheet: 'Tự đánh giá', cell: 'F8' }] }) // ref('templates.existing.filled', …)
 */
export function existingTemplateProblem(template: Pick<TemplateFile, 'sheets'>, existing: ExistingFile): MessageRef | undefined {
  if (!existing.sheetNames.includes(META_SHEET) || !existing.meta) return ref('templates.existing.notTemplate');
  const found = readMeta({ name: META_SHEET, values: existing.meta }).meta;
  const rendered = template.sheets.find((x) => x.name === META_SHEET);
  const want = rendered ? readMeta({ name: META_SHEET, values: rendered.values }).meta : {};
  const framework = (m: typeof found): string => [m.frameworkId ?? '', m.frameworkVersion ?? ''].filter(Boolean).join(' ');
  if (framework(found) !== framework(want)) return ref('templates.existing.otherFramework', { found: framework(found) || '?', expected: framework(want) });
  if ((found.unit ?? '') !== (want.unit ?? '')) return ref('templates.existing.otherUnit', { found: found.unit || '?', expected: want.unit ?? '' });
  const first = existing.filled[0];
  if (first) return ref('templates.existing.filled', { count: existing.filledCount ?? existing.filled.length, sheet: first.sheet, cell: first.cell });
  return undefined;
}

/** Where a unit's code is in the master ("Đơn vị" sheet, code cell), for issues about that unit. */
function unitCellOf(doc: MasterDocument, code: string, file: string | undefined): Location {
  const ref = doc.extras.unitLocations?.[code];
  const cell = ref?.cells['code'];
  return { ...(file !== undefined ? { file } : {}), ...(ref ? { sheet: ref.sheet } : {}), ...(cell ? { cell } : {}), unit: code };
}

/**
 * The templates step from a master's sheets. Problems on sheets a template does not carry
 * (survey answers, last year's results) never block it; other errors do, and then a closing
 * issue says that nothing was written and what to fix.
 * @example const r = buildTemplates(snapshots, { lang: 'vi', file: 'master.xlsx', now: '2023-11-01T08:00' });
 */
export function buildTemplates(snapshots: readonly SheetSnapshot[], options: BuildTemplatesOptions): BuildTemplatesResult {
  const fileLoc = options.file !== undefined ? { file: options.file } : {};
  const m = openMaster(snapshots, fileLoc);
  if (!m.isMaster) return { templates: [], issues: [...m.issues.filter((i) => i.code === 'workbook.missingSheet'), issue('workbook.notMaster', {}, fileLoc)], ok: false };
  // the criteria set as scoring compiles it (rule kinds and parameters): a template carries its rules
  const compiled = m.doc.framework.nodes.length > 0 ? locateIssues(compileFramework(m.doc.framework).issues, m.doc, options.file) : [];
  const all = [...m.issues, ...compiled];
  const blocking = all.filter((i) => i.severity === 'error' && !(i.sheet && NOT_IN_TEMPLATES.has(i.sheet)));
  const other = all.filter((i) => !blocking.includes(i));
  // errors elsewhere are shown as warnings here: they matter for scoring, not for the templates
  const issues: Issue[] = [...blocking, ...other.map((i) => (i.severity === 'error' ? { ...i, severity: 'warning' as const } : i))];
  const notBlockingSheets = [...new Set(other.filter((i) => i.severity === 'error' && i.sheet).map((i) => i.sheet as string))];
  for (const sheet of notBlockingSheets) issues.push(issue('templates.surveyNotBlocking', { sheet }, { ...fileLoc, sheet }, 'warning'));
  if (blocking.length > 0) return { templates: [], issues: [...issues, issue('templates.noneWritten', { count: blocking.length }, fileLoc)], ok: false };
  if (!m.scorable) return { templates: [], issues: [...issues, issue('import.noFramework', {}, fileLoc)], ok: false };
  const r = templatesFor(m.doc, { ...options, previousCriteria: options.previousCriteria ?? readPreviousCriteria(snapshots) });
  return { templates: r.templates, issues: [...issues, ...r.issues], ok: true };
}
