/**
 * How one score came about (`parindex explain`, and the pane's "explain" view): from the final
 * points of a unit on a criterion back to the round that set them, the rule and its parameters,
 * the declared value with where it came from (the unit's file, sheet and cell; the master's cell;
 * the import time from "Nhật ký nhập"), the survey index a survey criterion used, and the points
 * lost and recoverable. Pure: a scored round (and the import log) in, data and text out.
 */
import { issue, type Issue } from '../model/issue';
import type { Lang } from '../i18n/format';
import { formatDateTime, formatFixed, formatIndex, formatNumber, isIsoDate } from '../i18n/format';
import { t } from '../i18n';
import type { AssessedValue } from '../model/assessment';
import type { FrameworkNode } from '../model/framework';
import type { FinalSource, NodeResult, UnitResult } from '../model/results';
import type { CellValue, SheetSnapshot } from '../workbook/port';
import { LOG_SHEET, readLogSheet, type LogEntry } from '../workbook/import/merge';
import { assessmentKey } from '../workbook/master/types';
import { compileLeaf } from '../workbook/template/select';
import { SELF_SHEET } from '../workbook/template/layout';
import { getRuleKind } from '../rules/registry';
import { sipasToSurveyIndices } from '../sipas';
import { scoreDocumentRound, scoreMasterRound, type ScoreRound } from './score';

/** A cell of a workbook: file (when known), sheet, A1 address. */
export interface CellRef {
  file?: string;
  sheet: string;
  cell: string;
}

/** One round that gave (or could have given) the leaf points. */
export interface ExplainedRound {
  round: 'self' | 'rule' | 'appraisal1' | 'appraisal2';
  points: number;
  /** Why: the rule's reading of the value, or the appraiser's reason. */
  reason?: string;
  /** The round whose points count. */
  final: boolean;
  /** Where the points are entered in the master ("Kê khai"). */
  at?: CellRef;
}

export interface CriterionExplanation {
  unit: { code: string; name: string; kind: string; score: number; max: number; index: number; rank: number; grade: string };
  criterion: {
    code: string;
    name: string;
    /** Ancestors from the area down, then the criterion. */
    path: { code: string; name: string }[];
    max: number;
    /** Maximum after "not applicable" (0 when excluded). */
    applicableMax: number;
    lead?: string;
    channel: string;
    evidenceRequired?: string;
  };
  rule?: { kind: string; label: string; params: Record<string, unknown>; text: string };
  declared: {
    value?: AssessedValue;
    self?: number;
    evidence?: string;
    explanation?: string;
    notApplicable?: boolean;
    /**
     * The unit's own file: its name, the self-assessment sheet and the cells of the value and the
     * self-score as the import log recorded them (absent for lines logged before cells were kept).
     */
    file?: { file?: string; sheet: string; value?: string; self?: string; by: string };
    /** The row in the master's "Kê khai". */
    master?: CellRef & { row: number };
    /** When the value was imported (the latest "Nhật ký nhập" line for it) and when the file was saved. */
    importedAt?: string;
    submittedAt?: string;
    /** Every "Nhật ký nhập" line for this unit and criterion, oldest first. */
    history: LogEntry[];
  };
  rounds: ExplainedRound[];
  survey?: { key: string; index?: number; from: 'sipas' | 'given' | 'none'; respondents?: number };
  final: { points: number; max: number; source: FinalSource; reason?: string };
  lost: number;
  recoverable: number;
  /** Index points the unit gains if the recoverable points are recovered. */
  indexGain: number;
  /** Issues found for this unit and criterion. */
  issues: Issue[];
}

export interface ExplainOptions {
  lang: Lang;
  unit: string;
  criterion: string;
  /** File name used to locate issues and cells. */
  file?: string;
  /** "Today" for plan status (yyyy-mm-dd); does not change the points. */
  asOf?: string;
}

export interface ExplainResult {
  explanation?: CriterionExplanation;
  /** Issues of the round (the scoring's), plus `explain.*` when the unit or criterion is not there. */
  issues: Issue[];
  /** True when the unit or criterion asked for does not exist (a usage error for the CLI). */
  notFound: boolean;
}

function findPath(nodes: readonly FrameworkNode[], code: string, trail: FrameworkNode[] = []): FrameworkNode[] | undefined {
  for (const n of nodes) {
    if (n.code === code) return [...trail, n];
    const inner = n.children ? findPath(n.children, code, [...trail, n]) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

function findResult(nodes: readonly NodeResult[], code: string): NodeResult | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const inner = n.children ? findResult(n.children, code) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** The rule's parameters as written (everything but `kind`). */
function paramsOf(node: FrameworkNode): Record<string, unknown> {
  const rule = node.rule as Record<string, unknown> | undefined;
  if (!rule) return {};
  return Object.fromEntries(Object.entries(rule).filter(([k]) => k !== 'kind'));
}

/**
 * Explain one unit × criterion of a scored round. `log` is the master's import log ("Nhật ký nhập").
 * @example explainCriterion(round, { lang: 'vi', unit: 'KG', criterion: '1.2.1', log })
 */
export function explainCriterion(round: Pick<ScoreRound, 'results' | 'scoring' | 'master' | 'sipas' | 'issues'>, options: ExplainOptions & { log?: readonly LogEntry[] }): ExplainResult {
  const { lang } = options;
  const where = options.file !== undefined ? { file: options.file } : {};
  const results = round.results;
  const doc = round.master?.doc ?? round.scoring;
  if (!results || !doc) return { issues: [...round.issues], notFound: false };
  const unit: UnitResult | undefined = results.units.find((u) => u.code === options.unit);
  if (!unit) {
    const known = results.units.map((u) => u.code);
    const listed = doc.units.some((u) => u.code === options.unit);
    return { issues: [issue(listed ? 'explain.notScored' : 'explain.unknownUnit', { unit: options.unit, known }, { ...where, unit: options.unit })], notFound: true };
  }
  const path = findPath(doc.framework.nodes, options.criterion);
  const node = path?.[path.length - 1];
  if (!path || !node) return { issues: [issue('explain.unknownCriterion', { criterion: options.criterion }, { ...where, criterion: options.criterion })], notFound: true };
  if (node.children && node.children.length > 0)
    return { issues: [issue('explain.notLeaf', { criterion: options.criterion, children: node.children.map((c) => c.code) }, { ...where, criterion: options.criterion })], notFound: true };
  const leaf = findResult(unit.tree, node.code);
  if (!leaf || !leaf.applicable)
    return { issues: [issue('explain.notForUnit', { criterion: node.code, unit: unit.code, kind: unit.kind }, { ...where, unit: unit.code, criterion: node.code })], notFound: true };

  const key = assessmentKey(unit.code, node.code);
  const extras = round.master?.doc.extras;
  // a master's reader files an office's answer for the district under the district (with `by`); a JSON document keeps the office
  const a = doc.assessments.find((x) => x.unit === unit.code && x.criterion === node.code) ?? doc.assessments.find((x) => x.criterion === node.code && x.unit === leaf.lead);
  const meta = extras?.submissions.find((m) => m.unit === unit.code && m.criterion === node.code);
  const loc = extras?.locations[key];
  const history = (options.log ?? []).filter((e) => e.unit === unit.code && e.criterion === node.code);
  const masterCell = (k: string): CellRef | undefined => (loc?.cells[k] ? { ...where, sheet: loc.sheet, cell: loc.cells[k] } : undefined);

  // the rule, and what it makes of the declared value on its own
  const rule = compileLeaf(node);
  const surveyKey = node.source ?? node.code;
  // the document as scored has the survey indices merged in (a master's own holds only those entered directly)
  const surveyIndex = (round.scoring ?? doc).surveyIndices?.[unit.code]?.[surveyKey];
  const rounds: ExplainedRound[] = [];
  const source = leaf.source ?? 'none';
  if (leaf.self !== undefined) {
    const at = masterCell('self');
    rounds.push({ round: 'self', points: leaf.self, final: source === 'self', ...(at ? { at } : {}) });
  }
  if (rule && (leaf.value !== undefined || leaf.channel === 'survey' || rule.input.type === 'points')) {
    const outcome = rule.score({ value: leaf.value, self: leaf.self, survey: surveyIndex });
    if (!outcome.missing || outcome.issues.length > 0) {
      const at = masterCell('value');
      rounds.push({ round: 'rule', points: outcome.points, reason: rule.explain(outcome, lang), final: source === 'rule', ...(at ? { at } : {}) });
    }
  }
  (leaf.appraisal ?? []).forEach((p, i) => {
    const r = i === 0 ? 'appraisal1' : 'appraisal2';
    const last = i === (leaf.appraisal?.length ?? 0) - 1;
    const reason = meta?.reasons?.[i] ?? (last ? leaf.appraiserReason : undefined);
    const at = masterCell(r);
    rounds.push({ round: r, points: p, final: source === r, ...(reason ? { reason } : {}), ...(at ? { at } : {}) });
  });

  // the survey index: given directly (sheet "Chỉ số khảo sát" / the document) or computed from SIPAS
  let survey: CriterionExplanation['survey'];
  if (leaf.channel === 'survey' || rule?.input.type === 'survey') {
    const given = extras?.survey.indices?.[unit.code]?.[surveyKey];
    const fromSipas = round.sipas ? sipasToSurveyIndices(round.sipas)[unit.code]?.[surveyKey] : undefined;
    const respondents = round.sipas?.units.find((u) => u.unit === unit.code)?.n;
    const from = surveyIndex === undefined ? 'none' : given !== undefined && given === surveyIndex ? 'given' : fromSipas !== undefined ? 'sipas' : 'given';
    survey = { key: surveyKey, from, ...(surveyIndex !== undefined ? { index: surveyIndex } : {}), ...(from === 'sipas' && respondents !== undefined ? { respondents } : {}) };
  }

  // the unit's own file: its name and the cells the import log recorded for the value and the self-score
  const latest = (field: LogEntry['field']): LogEntry | undefined => [...history].reverse().find((x) => x.field === field);
  const by = history[history.length - 1]?.by || meta?.by || (a && a.unit !== unit.code ? a.unit : unit.code);
  const fileName = [...history].reverse().find((x) => x.file)?.file ?? meta?.sourceFile;
  const valueCell = (latest('value') ?? latest('notApplicable'))?.cell;
  const selfCell = latest('self')?.cell;
  const file: CriterionExplanation['declared']['file'] =
    fileName !== undefined || valueCell !== undefined || selfCell !== undefined
      ? { sheet: SELF_SHEET, by, ...(fileName !== undefined ? { file: fileName } : {}), ...(valueCell ? { value: valueCell } : {}), ...(selfCell ? { self: selfCell } : {}) }
      : undefined;
  const valueLine = [...history].reverse().find((e) => e.field === 'value' || e.field === 'self' || e.field === 'notApplicable');
  const gap = unit.gaps.find((g) => g.criterion === node.code);
  const lost = leaf.lost;
  const recoverable = gap?.recoverable ?? (leaf.channel === 'survey' ? 0 : lost);
  const explanation: CriterionExplanation = {
    unit: { code: unit.code, name: unit.name, kind: unit.kind, score: unit.score, max: unit.max, index: unit.index, rank: unit.rank, grade: unit.grade },
    criterion: {
      code: node.code,
      name: node.name,
      path: path.map((n) => ({ code: n.code, name: n.name })),
      max: leaf.declaredMax,
      applicableMax: leaf.max,
      channel: leaf.channel ?? 'appraisal',
      ...(leaf.lead !== undefined ? { lead: leaf.lead } : {}),
      ...(node.evidence !== undefined ? { evidenceRequired: node.evidence } : {}),
    },
    ...(node.rule
      ? { rule: { kind: node.rule.kind, label: getRuleKind(node.rule.kind)?.label[lang] ?? node.rule.kind, params: paramsOf(node), text: node.ruleText ?? rule?.describe(lang) ?? '' } }
      : {}),
    declared: {
      ...(leaf.value !== undefined ? { value: leaf.value } : {}),
      ...(leaf.self !== undefined ? { self: leaf.self } : {}),
      ...(leaf.evidence !== undefined ? { evidence: leaf.evidence } : {}),
      ...(leaf.explanation !== undefined ? { explanation: leaf.explanation } : {}),
      ...(a?.notApplicable === true || source === 'notApplicable' ? { notApplicable: true } : {}),
      ...(file ? { file } : {}),
      ...(loc ? { master: { ...where, sheet: loc.sheet, cell: loc.cells['value'] ?? `A${loc.row}`, row: loc.row } } : {}),
      ...(valueLine ? { importedAt: valueLine.time } : {}),
      ...(meta?.submittedAt ? { submittedAt: meta.submittedAt } : {}),
      history,
    },
    rounds,
    ...(survey ? { survey } : {}),
    final: { points: leaf.score, max: leaf.max, source, ...(leaf.reason ? { reason: leaf.reason } : {}) },
    lost,
    recoverable,
    indexGain: unit.max > 0 ? (recoverable / unit.max) * 100 : 0,
    issues: round.issues.filter((i) => i.unit === unit.code && i.criterion === node.code),
  };
  return { explanation, issues: [...round.issues], notFound: false };
}

/** Score a master's sheets (nothing rendered or written) and explain one unit × criterion; the import log is read from its sheet. */
export function explainForMaster(snapshots: readonly SheetSnapshot[], options: ExplainOptions): ExplainResult {
  const round = scoreMasterRound(snapshots, { lang: options.lang, render: false, ...(options.file !== undefined ? { file: options.file } : {}), ...(options.asOf ? { asOf: options.asOf } : {}) });
  const log = readLogSheet(snapshots.find((s) => s.name === LOG_SHEET));
  return explainCriterion(round, { ...options, log });
}

/** Score a JSON scoring document and explain one unit × criterion. */
export function explainForDocument(raw: unknown, options: ExplainOptions): ExplainResult {
  const round = scoreDocumentRound(raw, { lang: options.lang, ...(options.file !== undefined ? { file: options.file } : {}), ...(options.asOf ? { asOf: options.asOf } : {}) });
  return explainCriterion(round, options);
}

function valueText(v: AssessedValue | CellValue | undefined, lang: Lang): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'number') return formatNumber(v, lang, 4);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k} = ${valueText(x, lang)}`).join('; ');
  // a date the unit declared reads as a date (dd/mm/yyyy in Vietnamese)
  return isIsoDate(v) ? formatDateTime(v, lang) : `"${v}"`;
}

/** A rule parameter in the reader's number and date forms: lists "[a; b]", records "{k: v}" (";" since "," is the Vietnamese decimal mark). */
function paramText(v: unknown, lang: Lang): string {
  if (typeof v === 'number') return formatNumber(v, lang, 4);
  if (typeof v === 'string') return isIsoDate(v) ? formatDateTime(v, lang) : v;
  if (typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return `[${v.map((x: unknown) => paramText(x, lang)).join('; ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${paramText(x, lang)}`).join('; ')}}`;
  return JSON.stringify(v) ?? '';
}

function cellText(c: CellRef | undefined): string {
  return c ? `${c.sheet}!${c.cell}` : '';
}

function when(iso: string | undefined, lang: Lang): string {
  return iso ? formatDateTime(iso, lang) : '';
}

/**
 * The explanation as lines of text, Vietnamese or English: final points first, then the round
 * that set them, the rule and parameters, the declared value and its source, the survey index,
 * the points lost and recoverable.
 */
export function explanationLines(e: CriterionExplanation, lang: Lang): string[] {
  const pts = (x: number): string => formatNumber(x, lang);
  const lines: string[] = [];
  lines.push(t('explain.head', { unit: e.unit.name, code: e.unit.code, criterion: e.criterion.code, name: e.criterion.name }, lang));
  if (e.criterion.path.length > 1) lines.push(t('explain.path', { path: e.criterion.path.slice(0, -1).map((p) => `${p.code}. ${p.name}`).join(' › ') }, lang));
  lines.push(
    t('explain.final', { points: pts(e.final.points), max: pts(e.final.max), source: t(`explain.source.${e.final.source}`, {}, lang), lead: e.criterion.lead ?? '—' }, lang),
  );
  if (e.final.reason) lines.push(`  ${e.final.reason}`);
  lines.push('');
  lines.push(t('explain.rounds', {}, lang));
  if (e.rounds.length === 0) lines.push(`  ${t('explain.noRounds', {}, lang)}`);
  for (const r of e.rounds) {
    const mark = r.final ? '→' : ' ';
    const at = r.at ? ` [${cellText(r.at)}]` : '';
    lines.push(` ${mark} ${t(`explain.round.${r.round}`, {}, lang)}: ${pts(r.points)}/${pts(e.criterion.max)}${at}${r.reason ? ` — ${r.reason}` : ''}`);
  }
  lines.push('');
  if (e.rule) {
    lines.push(t('explain.rule', { label: e.rule.label, kind: e.rule.kind, max: pts(e.criterion.max) }, lang));
    const params = Object.entries(e.rule.params);
    if (params.length) lines.push(`  ${t('explain.params', {}, lang)}: ${params.map(([k, v]) => `${k} = ${paramText(v, lang)}`).join('; ')}`);
    if (e.rule.text) lines.push(`  ${e.rule.text}`);
  }
  const d = e.declared;
  lines.push(t('explain.declared', { value: d.notApplicable ? t('explain.notApplicable', {}, lang) : valueText(d.value, lang), self: d.self !== undefined ? pts(d.self) : '—' }, lang));
  if (d.evidence) lines.push(`  ${t('explain.evidence', { evidence: d.evidence }, lang)}`);
  if (d.explanation) lines.push(`  ${t('explain.explanation', { text: d.explanation }, lang)}`);
  if (d.file)
    lines.push(
      `  ${
        d.file.value || d.file.self
          ? t('explain.fromFile', { file: d.file.file ?? '—', sheet: d.file.sheet, value: d.file.value ?? '—', self: d.file.self ?? '—', by: d.file.by }, lang)
          : t('explain.fromFileNoCell', { file: d.file.file ?? '—', by: d.file.by }, lang)
      }`,
    );
  if (d.master) lines.push(`  ${t('explain.inMaster', { sheet: d.master.sheet, cell: d.master.cell, row: d.master.row }, lang)}`);
  if (d.importedAt || d.submittedAt) lines.push(`  ${t('explain.times', { imported: when(d.importedAt, lang) || '—', submitted: when(d.submittedAt, lang) || '—' }, lang)}`);
  for (const h of d.history) lines.push(`    ${when(h.time, lang)} ${h.file} (${h.by}): ${h.field} ${valueText(h.old, lang)} → ${valueText(h.new, lang)}`);
  if (e.survey) {
    lines.push(
      e.survey.index === undefined
        ? t('explain.surveyNone', { key: e.survey.key }, lang)
        : t(e.survey.from === 'sipas' ? 'explain.surveySipas' : 'explain.surveyGiven', { key: e.survey.key, index: formatIndex(e.survey.index, lang), n: e.survey.respondents ?? 0 }, lang),
    );
  }
  lines.push('');
  lines.push(t('explain.lost', { lost: pts(e.lost), recoverable: pts(e.recoverable), gain: formatFixed(e.indexGain, lang, 2), index: formatIndex(e.unit.index, lang), rank: e.unit.rank, grade: e.unit.grade }, lang));
  return lines;
}
