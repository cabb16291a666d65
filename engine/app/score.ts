/**
 * The score step of a round, for a master workbook (sheet snapshots) and for a JSON scoring
 * document: scores, SIPAS, plan tracking, target gaps, and the sheets to write. Every host calls
 * these; none re-implements a part.
 */
import { hasErrors, issue, type Issue } from '../model/issue';
import type { Lang } from '../i18n/format';
import type { ResultsDocument } from '../model/results';
import type { ScoringDocument } from '../model/document';
import { frameworkSchema } from '../model/framework';
import { unitSchema } from '../model/unit';
import type { RenderedSheet, SheetSnapshot } from '../workbook/port';
import { findTableSheet, scoreMaster, tableSpec, type MasterDocument, type MasterScore } from '../workbook/master';
import { applyComputedColumns, computeSubmissionOutputs, contextOf, isOutputSheet, OUTPUT_SHEETS, renderIssuesSheet, renderOutputSheets } from '../workbook/output';
import { createSession } from '../scoring/document';
import { mergeSurveyIntervals, scoreSipas, sipasToSurveyIndices, sipasToSurveyIntervals, type SipasResult } from '../sipas';
import { planForResults, type PlanJson } from '../plan';
import { targetGap, type TargetGap } from '../gaps/target';
import { openMaster, type OpenedMaster } from './master';
import { changedAfterLock, documentPeriods, finishResults, previousOverYears, snapshotFor, withSnapshotRows } from './periods';
import { pushAll } from '../model/arrays';
import { risksOfDocument } from './insight';
import { appraisalRisks } from '../scoring/risk';
import { locateIssues } from '../workbook/master';
import { readPreviousCriteriaAt } from '../workbook/master/previousCriteria';
import { mapPreviousCriteria, type Crosswalk } from '../periods';
import type { FrameworkNode } from '../model/framework';

/** Every node code of a criteria set (last year's criterion codes are checked against them). */
function nodeCodes(nodes: readonly FrameworkNode[]): Set<string> {
  const out = new Set<string>();
  // a stack, not recursion: a criteria set nested absurdly deep is reported by validation, not here
  const stack: FrameworkNode[] = [...nodes];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    out.add(n.code);
    if (n.children) pushAll(stack, n.children);
  }
  return out;
}

/**
 * Appraisal risks of a master with last year's criterion points ("Năm trước - tiêu chí") on this
 * year's codes (criteria crosswalk applied); an unmapped code is a warning on its row.
 */
function risksOfMasterMapped(doc: MasterDocument, snapshots: readonly SheetSnapshot[], crosswalk: Crosswalk | undefined, file: string | undefined): Issue[] {
  const read = readPreviousCriteriaAt(snapshots);
  const fileLoc = file !== undefined ? { file } : {};
  const mapped = mapPreviousCriteria(read.rows, crosswalk, nodeCodes(doc.framework.nodes), (i) => {
    const cell = read.cells[i];
    return { ...fileLoc, ...(read.sheet ? { sheet: read.sheet } : {}), ...(cell ? { cell } : {}) };
  });
  const risks = risksOfDocument({ framework: doc.framework, units: doc.units, assessments: doc.assessments, previousCriteria: mapped.previous });
  return [...locateIssues(risks, doc, file), ...mapped.issues.map((i) => ({ ...i, ...(i.file || !file ? {} : fileLoc) }))];
}

/** A score target: an index (0–100) or a rank within the unit's kind. */
export interface ScoreTarget {
  index?: number;
  rank?: number;
}

export interface ScoreRoundOptions {
  lang: Lang;
  /** File name used to locate issues. */
  file?: string;
  /** "Today" for plan status and late submissions (yyyy-mm-dd). */
  asOf?: string;
  /** Gap to a target index or rank, for every unit (or `unit`). */
  target?: ScoreTarget;
  /** Only this unit in summaries and targets; an unknown code is an error. */
  unit?: string;
  /** Names of every sheet in the workbook (output sheets are not read): an owned sheet this run does not produce is replaced by a note. */
  sheetNames?: readonly string[];
  /** Render the sheets to write (default true for a master; JSON documents have none). */
  render?: boolean;
  onProgress?: (fraction: number) => void;
}

/** Counts a host shows after a score. */
export interface RoundCounts {
  units: number;
  wards: number;
  errors: number;
  warnings: number;
}

export interface ScoreRound {
  /** False when the input has errors (results may still exist when the criteria set is valid). */
  ok: boolean;
  /** Every issue: reading, scoring, SIPAS, plan, targets; located on cells for a master. */
  issues: Issue[];
  /** Results document; its `issues` are every issue above. Absent when nothing could be scored. */
  results?: ResultsDocument;
  sipas?: SipasResult;
  plan?: PlanJson;
  targets?: TargetGap[];
  /**
   * Sheets to write into the master: the output sheets and the computed columns of "Kê khai"; when
   * the input has errors, only "Kiểm tra dữ liệu" (scores computed from erroneous input are not written).
   */
  sheets: RenderedSheet[];
  counts: RoundCounts;
  /** The master as read (master input only). */
  master?: OpenedMaster;
  /** The document as scored (survey indices merged in): what-if starts from it. */
  scoring?: ScoringDocument;
}

function countsOf(units: readonly { kind: string }[], issues: readonly Issue[]): RoundCounts {
  return {
    units: units.length,
    wards: units.filter((u) => u.kind === 'ward').length,
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
  };
}

/** Targets and the unit filter, shared by both inputs. */
function targetsAndFilter(results: ResultsDocument, options: ScoreRoundOptions): { targets?: TargetGap[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const only = options.unit;
  if (only !== undefined && !results.units.some((u) => u.code === only)) {
    issues.push(issue('scoring.unknownScoredUnit', { unit: only }, { unit: only }));
    return { issues };
  }
  if (!options.target) return { issues };
  const target = options.target;
  const targets = results.units.filter((u) => only === undefined || u.code === only).map((u) => targetGap(results, u.code, target));
  return { targets, issues };
}

/**
 * The sheets a score writes into a master: the computed columns beside "Kê khai", the output
 * sheets (with plan tracking and the data-check list), and a note on any owned sheet left from an
 * earlier run that this run does not produce, so stale numbers never survive.
 */
export function renderScoredSheets(
  doc: MasterDocument,
  scored: MasterScore,
  snapshots: readonly SheetSnapshot[],
  options: { lang: Lang; file?: string; issues: readonly Issue[]; sheetNames?: readonly string[] },
): { sheets: RenderedSheet[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const sheets: RenderedSheet[] = [];
  const subs = findTableSheet(snapshots, tableSpec('submissions'));
  if (subs) {
    const outputs = computeSubmissionOutputs(scored.results, options.lang);
    const applied = applyComputedColumns(subs, outputs, doc.extras.locations, { lang: options.lang, ...(options.file ? { file: options.file } : {}) });
    pushAll(issues, applied.issues);
    sheets.push(applied.sheet);
  }
  const unitNames = Object.fromEntries(doc.units.map((u) => [u.code, u.name]));
  pushAll(
    sheets,
    renderOutputSheets(scored.results, {
      lang: options.lang,
      nodes: doc.framework.nodes,
      unitNames,
      ...(scored.sipas ? { sipas: scored.sipas } : {}),
      ...(scored.planReport ? { planReport: scored.planReport } : {}),
      issues: [...options.issues, ...issues],
    }),
  );
  const produced = new Set(sheets.map((x) => x.name));
  const names = new Set([...snapshots.map((x) => x.name), ...(options.sheetNames ?? [])]);
  for (const name of names) {
    if (!isOutputSheet(name) || produced.has(name) || name === OUTPUT_SHEETS.status.name) continue;
    sheets.push({
      name,
      marker: 'parindex:stale',
      values: [[options.lang === 'vi' ? 'Không có dữ liệu cho trang này trong lần tính điểm gần nhất.' : 'No data for this sheet in the latest scoring run.']],
      styles: [{ range: 'A1', style: { italic: true, fontColor: '595959' } }],
      columnWidths: [80],
    });
  }
  return { sheets, issues };
}

/**
 * Score a master workbook from its sheets: read (issues on cells), SIPAS from responses or
 * counts, the PAR INDEX, plan tracking from the plan sheet and the units' status register,
 * target gaps, and every sheet to write. Pure: the host reads the sheets and writes `sheets`.
 * @example
 *   const r = scoreMasterRound(await port.read(sheetsToRead(names)), { lang: 'vi', file: 'master.xlsx', target: { index: 90 } });
 *   if (r.sheets.length) await port.write(r.sheets);
 */
export function scoreMasterRound(snapshots: readonly SheetSnapshot[], options: ScoreRoundOptions): ScoreRound {
  const progress = options.onProgress ?? ((): void => undefined);
  const m = openMaster(snapshots, options.file !== undefined ? { file: options.file } : {});
  const fileLoc = options.file !== undefined ? { file: options.file } : {};
  progress(0.2);
  if (!m.isMaster) {
    const issues = [...m.issues.filter((i) => i.code === 'workbook.missingSheet'), issue('workbook.notMaster', {}, fileLoc)];
    return { ok: false, issues, sheets: [], counts: countsOf([], issues), master: m };
  }
  const issues: Issue[] = [...m.issues];
  if (!m.scorable) return { ok: false, issues, sheets: [], counts: countsOf(m.doc.units, issues), master: m };
  // rounds and years (engine/app/periods.ts): last year's units through the crosswalk; a closed
  // round whose values changed since closing is an error
  const locks = m.doc.extras.locks ?? [];
  const crosswalk = m.doc.extras.crosswalk;
  const prevSheet = m.doc.extras.sheets['previous'];
  const onUnits = previousOverYears(m.doc.previous, crosswalk, m.doc.units.map((u) => u.code), m.doc.framework.year, () => ({ ...fileLoc, ...(prevSheet ? { sheet: prevSheet } : {}) }));
  pushAll(issues, onUnits.issues);
  pushAll(issues, changedAfterLock(m.doc, locks));
  const { previous: _given, ...withoutPrevious } = m.doc;
  const toScore: MasterDocument = onUnits.previous ? { ...withoutPrevious, previous: onUnits.previous } : withoutPrevious;
  const scoredRaw = scoreMaster(toScore, (d, o) => createSession(d, o).outcome, {
    lang: options.lang,
    ...fileLoc,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(m.statuses.length ? { planStatuses: m.statuses } : {}),
  });
  // each unit over the years (past years through the crosswalk) before the sheets are rendered
  const scored: MasterScore = { ...scoredRaw, results: finishResults(scoredRaw.results, onUnits.from, undefined, { split: onUnits.split, crosswalk }) };
  progress(0.7);
  pushAll(issues, scored.issues);
  pushAll(issues, risksOfMasterMapped(m.doc, snapshots, crosswalk, options.file)); // appraisal risks (insight.ts), criteria crosswalk applied
  const extra = targetsAndFilter(scored.results, options);
  pushAll(issues, extra.issues);
  let sheets: RenderedSheet[] = [];
  // a unit filter naming no scored unit is the caller's mistake, not the data's: nothing to write
  const badFilter = extra.issues.some((i) => i.code === 'scoring.unknownScoredUnit');
  if (badFilter) sheets = [];
  else if (options.render !== false && hasErrors(issues)) {
    // Errors in the input: no scores are written (the analyst would take them for final); the
    // data-check sheet lists every error, located, and opens first. Earlier results stay as they were.
    const ctx = contextOf(scored.results, options.lang, m.doc.framework.nodes);
    sheets = [{ ...renderIssuesSheet(issues, ctx), active: true }];
  } else if (options.render !== false) {
    const rendered = renderScoredSheets(m.doc, scored, snapshots, { lang: options.lang, ...fileLoc, issues, ...(options.sheetNames ? { sheetNames: options.sheetNames } : {}) });
    pushAll(issues, rendered.issues);
    sheets = rendered.sheets;
  }
  progress(1);
  const snapshot = snapshotFor(scored.document, { locks, ...(crosswalk ? { crosswalk } : {}), ...(m.doc.previous ? { previous: m.doc.previous } : {}), rounds: m.doc.extras.rounds });
  if (sheets.length > 0 && !hasErrors(issues)) sheets = withSnapshotRows(sheets, snapshot, options.lang);
  const results: ResultsDocument = finishResults({ ...scored.results, issues }, onUnits.from, snapshot, { split: onUnits.split, crosswalk });
  const out: ScoreRound = {
    ok: !hasErrors(issues),
    issues,
    results,
    sheets,
    counts: countsOf(m.doc.units, issues),
    master: m,
    scoring: scored.document,
  };
  if (scored.sipas) out.sipas = scored.sipas;
  if (scored.results.plan) out.plan = scored.results.plan as PlanJson;
  if (extra.targets) out.targets = extra.targets;
  return out;
}

/**
 * Score a JSON scoring document (framework + units + assessments [+ previous, surveyIndices,
 * sipas, plan]): a `sipas` part is scored and merged into `surveyIndices` (indices given
 * directly win), a `plan` part is tracked, and targets are computed — as for a master.
 * @example const r = scoreDocumentRound(JSON.parse(text), { lang: 'vi', target: { rank: 3 } });
 */
export function scoreDocumentRound(raw: unknown, options: ScoreRoundOptions): ScoreRound {
  const lang = options.lang;
  const issues: Issue[] = [];
  let doc: unknown = raw;
  let sipas: SipasResult | undefined;
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
  if (obj && obj['sipas'] !== undefined) {
    const units = unitSchema.array().safeParse(obj['units']);
    // ranks within unit kind, names for the tables
    const s = scoreSipas(obj['sipas'], units.success ? { units: units.data } : {});
    sipas = s.result;
    const merged: Record<string, Record<string, unknown>> = {};
    for (const [u, mm] of Object.entries(sipasToSurveyIndices(s.result))) merged[u] = { ...mm };
    const given = typeof obj['surveyIndices'] === 'object' && obj['surveyIndices'] !== null ? (obj['surveyIndices'] as Record<string, unknown>) : {};
    for (const [u, mm] of Object.entries(given)) merged[u] = { ...(merged[u] ?? {}), ...(typeof mm === 'object' && mm !== null ? (mm as Record<string, unknown>) : {}) };
    pushAll(issues, s.result.issues.map((i: Issue) => (i.path ? { ...i, path: ['sipas', ...i.path] } : i)));
    const givenIntervals = typeof obj['surveyIntervals'] === 'object' && obj['surveyIntervals'] !== null ? (obj['surveyIntervals'] as Record<string, Record<string, unknown>>) : undefined;
    const surveyIntervals = mergeSurveyIntervals(sipasToSurveyIntervals(s.result), given as Record<string, Record<string, unknown>>, givenIntervals);
    doc = { ...obj, surveyIndices: merged, surveyIntervals };
  }
  // rounds and years (engine/app/periods.ts): crosswalk, closed rounds, rounds' deadlines
  const periods = obj ? documentPeriods(obj) : undefined;
  let from: ReadonlyMap<string, string[]> = new Map();
  let split: ReturnType<typeof previousOverYears>['split'];
  if (periods && obj) {
    pushAll(issues, periods.issues);
    const units = unitSchema.array().safeParse(obj['units']);
    const fwObj = typeof obj['framework'] === 'object' && obj['framework'] !== null ? (obj['framework'] as Record<string, unknown>) : {};
    const year = typeof fwObj['year'] === 'number' && Number.isInteger(fwObj['year']) ? fwObj['year'] : undefined;
    // several past years: the latest goes to year-over-year change, every one to `years`
    const onUnits = previousOverYears(periods.previous, periods.crosswalk, units.success ? units.data.map((u) => u.code) : [], year);
    pushAll(issues, onUnits.issues);
    from = onUnits.from;
    split = onUnits.split;
    if (onUnits.previous && typeof doc === 'object' && doc !== null) doc = { ...(doc as Record<string, unknown>), previous: onUnits.previous };
  }
  const session = createSession(doc, { lang, ...(options.asOf ? { asOf: options.asOf } : {}) });
  const scored = session.outcome;
  pushAll(issues, scored.issues);
  if (session.session) {
    // appraisal risks (insight.ts), last year's criterion points on this year's codes (criteria crosswalk)
    const prep = session.session.prep;
    const mapped = mapPreviousCriteria(prep.doc.previousCriteria ?? [], periods?.crosswalk, new Set(prep.compiled.byCode.keys()));
    pushAll(issues, mapped.issues);
    pushAll(issues, appraisalRisks({ compiled: prep.compiled, assessments: prep.doc.assessments, units: prep.doc.units, previousCriteria: mapped.previous }));
  }
  const parsedDoc = session.session?.prep.doc;
  if (periods && parsedDoc) pushAll(issues, changedAfterLock(parsedDoc, periods.locks));
  const snapshot = parsedDoc && periods ? snapshotFor(parsedDoc, periods) : undefined;
  const results: ResultsDocument = finishResults({ ...scored.results }, from, snapshot, { split, crosswalk: periods?.crosswalk });
  if (sipas) results.sipas = sipas;
  let plan: PlanJson | undefined;
  if (obj && obj['plan'] !== undefined) {
    const units = unitSchema.array().safeParse(obj['units']);
    const fw = frameworkSchema.safeParse(obj['framework']);
    const p = planForResults(obj['plan'], results, {
      lang,
      ...(options.asOf ? { asOf: options.asOf } : {}),
      ...(units.success ? { units: units.data } : {}),
      ...(fw.success ? { frameworkNodes: fw.data.nodes } : {}),
    });
    if (p.plan) {
      results.plan = p.plan;
      plan = p.plan;
    }
    pushAll(issues, p.issues);
  }
  const fileLoc = options.file !== undefined ? { file: options.file } : {};
  const extra = results.units.length > 0 ? targetsAndFilter(results, options) : { issues: [] };
  pushAll(issues, extra.issues);
  const located = issues.map((i) => (i.file || !options.file ? i : { ...i, ...fileLoc }));
  results.issues = located;
  const out: ScoreRound = {
    ok: scored.ok && !hasErrors(located),
    issues: located,
    results,
    sheets: [],
    counts: countsOf(results.units, located),
  };
  if (session.session) out.scoring = session.session.prep.doc;
  if (sipas) out.sipas = sipas;
  if (plan) out.plan = plan;
  if (extra.targets) out.targets = extra.targets;
  return out;
}
