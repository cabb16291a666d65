/**
 * The smaller steps of a round: set up a new master, enter appraisals, check a master, what-if.
 */
import { hasErrors, issue, type Issue } from '../model/issue';
import type { Lang } from '../i18n/format';
import type { Assessment } from '../model/assessment';
import type { Framework } from '../model/framework';
import type { Unit } from '../model/unit';
import type { ScoringDocument } from '../model/document';
import type { ResultsDocument } from '../model/results';
import type { CellValue, RenderedSheet, SheetSnapshot } from '../workbook/port';
import {
  assessmentKey,
  frameworkLeaves,
  locateTable,
  MASTER_COLOURS,
  MASTER_MARKER_PREFIX,
  renderMasterInputSheets,
  renderSubmissionsSheet,
  submissionStatus,
  tableSpec,
  type MasterData,
  type MasterDocument,
} from '../workbook/master';
import { a1 } from '../workbook/a1';
import { templateUnits } from '../workbook/template';
import { builtinFrameworks, builtinUnits, frameworkYears, getBuiltinFramework } from '../frameworks';
import { whatIf, type AssessmentChange, type WhatIfResult } from '../gaps/whatIf';
import { scoreMasterRound } from './score';
import { countLeaves, openMaster } from './master';
import { eachPresent, pushAll, widestRow } from '../model/arrays';
import { guardAppraisalEdits } from './periods';

/**
 * Built-in criteria sets and the built-in unit list, for "Thiết lập"; `years` is the years the
 * set's decision covers, in words ("2022–2030", "từ 2022"), when the set says.
 */
export function builtins(lang: Lang = 'vi'): { frameworks: { id: string; name: string; leaves: number; years?: string }[]; units: Unit[] } {
  const frameworks = builtinFrameworks.map((f: Framework) => {
    const years = frameworkYears(f.meta?.years, lang);
    return { id: f.id, name: f.name, leaves: countLeaves(f.nodes), ...(years !== undefined ? { years } : {}) };
  });
  return { frameworks, units: [...builtinUnits] };
}

/**
 * A new master's input sheets: a built-in criteria set and units, no submissions yet.
 * @example const { sheets } = newMasterSheets('thanh-xuan-2023', 'vi'); await port.write(sheets);
 */
export function newMasterSheets(frameworkId: string, lang: Lang): { sheets: RenderedSheet[]; issues: Issue[] } {
  const framework = getBuiltinFramework(frameworkId);
  if (!framework) return { sheets: [], issues: [issue('setup.unknownFramework', { id: frameworkId })] };
  const data: MasterData = { framework, units: [...builtinUnits], assessments: [] };
  return { sheets: renderMasterInputSheets(data, { lang }), issues: [] };
}

/** One appraisal entry: the rounds' points (round 1, round 2) and the reason. */
export interface AppraisalEdit {
  unit: string;
  criterion: string;
  appraisal: number[];
  /** The reason of the last round (the one scoring shows). */
  reason?: string;
  /** The reason of each round as entered (round 1, round 2), kept beside the submission. */
  reasons?: [string | undefined, string | undefined];
}

/**
 * Enter appraisal rounds and reasons into the master's "Kê khai"; returns the sheet to write: the
 * sheet as read (`extras.submissionsSheet`) with only the appraisal and reason cells of the edited
 * rows changed, so the host's port, updating it in place, writes those cells and keeps the user's
 * own columns, notes and formats. The reason typed goes to the last round given; `reasons` sets
 * both rounds'. Unknown unit/criterion pairs are reported; an edit that
 * changes the points of a closed round ("Chốt điểm") is refused, naming the round and when it closed.
 * @example const { sheets } = applyAppraisals(doc, [{ unit: 'KG', criterion: '1.1', appraisal: [0.5], reason: 'thiếu tài liệu' }], 'vi');
 */
export function applyAppraisals(doc: MasterDocument, edits: readonly AppraisalEdit[], lang: Lang): { sheets: RenderedSheet[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const leaves = new Set(frameworkLeaves(doc.framework.nodes).map((n) => n.code));
  const unitCodes = new Set(doc.units.map((u) => u.code));
  const byKey = new Map<string, AppraisalEdit>();
  // a closed appraisal round refuses changed points (engine/app/periods.ts)
  const guarded = guardAppraisalEdits(doc, edits);
  pushAll(issues, guarded.issues);
  for (const e of guarded.edits) {
    if (!leaves.has(e.criterion) || !unitCodes.has(e.unit)) {
      issues.push(issue('appraise.unknownRow', { unit: e.unit, criterion: e.criterion }, { unit: e.unit, criterion: e.criterion }));
      continue;
    }
    byKey.set(`${e.unit}|${e.criterion}`, e);
  }
  // the sheet as read, with only the appraisal and reason cells of the edited rows changed: the
  // user's own columns, notes, formats and colours stay (the port updates the sheet in place)
  const read = doc.extras.submissionsSheet;
  const patched = read ? patchAppraisalCells(read, doc, byKey, lang) : undefined;
  if (patched) return { sheets: [patched], issues };
  // a document without the sheet as read (or a sheet whose table is not found): the sheet rendered whole
  const seen = new Set<string>();
  const assessments: Assessment[] = doc.assessments.map((a) => {
    const key = `${a.unit}|${a.criterion}`;
    const e = byKey.get(key);
    if (!e) return a;
    seen.add(key);
    const next: Assessment = { ...a, appraisal: e.appraisal };
    if (e.reason !== undefined && e.reason !== '') next.reason = e.reason;
    else delete next.reason;
    return next;
  });
  for (const [key, e] of byKey) {
    if (seen.has(key)) continue;
    const next: Assessment = { unit: e.unit, criterion: e.criterion, appraisal: e.appraisal };
    if (e.reason) next.reason = e.reason;
    assessments.push(next);
  }
  const submissions = doc.extras.submissions.map((m) => {
    const e = byKey.get(`${m.unit}|${m.criterion}`);
    return e ? { ...m, reasons: reasonsAfter(e, m.reasons) } : m;
  });
  const sheet = renderSubmissionsSheet(assessments, { lang, framework: doc.framework, units: doc.units, submissions });
  // the master's own name for the sheet (an alias) is kept
  sheet.name = doc.extras.sheets['submissions'] ?? sheet.name;
  return { sheets: [sheet], issues };
}

/**
 * The reasons an edit leaves in the two rounds' cells: the edit's own per round when it gives them,
 * else the reason goes to its last round and the other round keeps the reason read.
 */
function reasonsAfter(e: AppraisalEdit, read: readonly [string | undefined, string | undefined] | undefined): [string | undefined, string | undefined] {
  if (e.reasons) return [e.reasons[0] || undefined, e.reasons[1] || undefined];
  const out: [string | undefined, string | undefined] = [read?.[0], read?.[1]];
  out[e.appraisal.length >= 2 ? 1 : 0] = e.reason || undefined;
  return out;
}

/**
 * "Kê khai" as read with the appraisal rounds and reasons of `edits` written into their rows (found
 * by `extras.locations`); a pair without a row gets a new row below the table. Every other cell is
 * handed back as read, so a port that updates the sheet in place changes only these cells. A round
 * column the sheet lacks is added right of everything it holds. Undefined when the sheet's table
 * cannot be found (the caller renders the sheet whole).
 */
function patchAppraisalCells(snap: SheetSnapshot, doc: MasterDocument, edits: ReadonlyMap<string, AppraisalEdit>, lang: Lang): RenderedSheet | undefined {
  const spec = tableSpec('submissions');
  const t = locateTable(snap, spec);
  const unitCol = t.cols.get('unit');
  const criterionCol = t.cols.get('criterion');
  if (t.headerRow < 0 || unitCol === undefined || criterionCol === undefined) return undefined;
  // a copy that keeps the snapshot's holes: cost follows the cells, not the sheet's extent
  const values: CellValue[][] = [];
  eachPresent(snap.values, (row, i) => {
    values[i] = row.slice();
  });
  values.length = snap.values.length;
  const keyRow = t.headerRow - 1 >= 0 && values[t.headerRow - 1]?.some((v) => v === 'unit' || v === 'criterion') ? t.headerRow - 1 : -1;
  let width = widestRow(values);
  /** Columns added right of the sheet's content, by index: their key. */
  const added = new Map<number, string>();
  const colOf = (key: string, create: boolean): number | undefined => {
    const c = t.cols.get(key);
    if (c !== undefined || !create) return c;
    const at = width++;
    t.cols.set(key, at);
    added.set(at, key);
    const colSpec = spec.columns.find((x) => x.key === key);
    if (keyRow >= 0) (values[keyRow] ??= [])[at] = key;
    (values[t.headerRow] ??= [])[at] = colSpec ? (lang === 'vi' ? colSpec.vi : colSpec.en) : key;
    return at;
  };
  const set = (r: number, key: string, v: CellValue | undefined): void => {
    const want = v ?? null;
    const c = colOf(key, want !== null && want !== '');
    if (c === undefined) return;
    (values[r] ??= [])[c] = want;
  };
  const isBlank = (r: number): boolean => !(values[r] ?? []).some((v) => v !== null && v !== undefined && v !== '');
  // new rows go below the table's last row, on rows that hold nothing
  let next = t.firstDataRow;
  for (const row of t.rows) next = Math.max(next, row.r + 1);
  const meta = new Map(doc.extras.submissions.map((m) => [assessmentKey(m.unit, m.criterion), m]));
  const unitName = new Map(doc.units.map((u) => [u.code, u.name]));
  const leaves = new Map(frameworkLeaves(doc.framework.nodes).map((n) => [n.code, n]));
  for (const [key, e] of edits) {
    const ref = doc.extras.locations[key];
    let r: number;
    if (ref && ref.sheet === snap.name) r = ref.row - 1;
    else {
      while (!isBlank(next)) next++;
      r = next++;
      set(r, 'unit', e.unit);
      set(r, 'criterion', e.criterion);
      if (t.cols.has('unitName')) set(r, 'unitName', unitName.get(e.unit));
      const leaf = leaves.get(e.criterion);
      if (t.cols.has('criterionName')) set(r, 'criterionName', leaf?.name);
      if (t.cols.has('max')) set(r, 'max', leaf?.max);
    }
    const [reason1, reason2] = reasonsAfter(e, meta.get(key)?.reasons);
    set(r, 'appraisal1', e.appraisal[0]);
    set(r, 'appraisal2', e.appraisal[1]);
    set(r, 'reason1', reason1);
    set(r, 'reason2', reason2);
  }
  const sheet: RenderedSheet = { name: snap.name, marker: MASTER_MARKER_PREFIX + 'submissions', values };
  // the rows hidden when read stay hidden (the port's list is the sheet's full list)
  if (snap.hiddenRows && snap.hiddenRows.length > 0) sheet.hiddenRows = [...snap.hiddenRows];
  if (added.size > 0) {
    // an added column gets the table's header look and width (a port sets widths only right of the content read)
    const header = { bold: true, fill: MASTER_COLOURS.header, fontColor: MASTER_COLOURS.headerText, wrap: true, border: true, align: 'center' } as const;
    sheet.styles = [...added.keys()].map((c) => ({ range: a1(t.headerRow, c), style: header }));
    const widths: number[] = [];
    for (let c = 0; c < width; c++) {
      const key = added.get(c);
      widths.push((key !== undefined ? spec.columns.find((x) => x.key === key)?.width : undefined) ?? 12);
    }
    sheet.columnWidths = widths;
  }
  return sheet;
}

export interface MasterCheck {
  kind: 'master' | 'notMaster';
  issues: Issue[];
  units: number;
  criteria: number;
  rows: number;
  ok: boolean;
}

/**
 * Check a master fully: sheet structure and cells, then the criteria set, the declared values
 * against each rule, the survey data and the plan — the same checks as scoring, without writing.
 * @example const { ok, issues } = checkMaster(snapshots, { lang: 'vi', file: 'master.xlsx' });
 */
export function checkMaster(snapshots: readonly SheetSnapshot[], options: { lang: Lang; file?: string }): MasterCheck {
  const fileLoc = options.file !== undefined ? { file: options.file } : {};
  const m = openMaster(snapshots, fileLoc);
  if (!m.isMaster) return { kind: 'notMaster', issues: m.issues, units: 0, criteria: 0, rows: 0, ok: false };
  const issues: Issue[] = [...m.issues];
  if (m.scorable) {
    const scored = scoreMasterRound(snapshots, { ...options, render: false });
    const key = (i: Issue): string => `${i.code}|${i.sheet ?? ''}|${i.cell ?? ''}|${i.unit ?? ''}|${i.criterion ?? ''}`;
    const seen = new Set(issues.map(key));
    for (const i of scored.issues) {
      // appraisal risks are advice on self-scores, not problems of the data: scoring lists them
      if (i.code.startsWith('risk.')) continue;
      if (seen.has(key(i))) continue;
      seen.add(key(i));
      issues.push(i);
    }
  }
  pushAll(issues, submissionStatus(m.doc, options.file).issues);
  return { kind: 'master', issues, units: m.doc.units.length, criteria: countLeaves(m.doc.framework.nodes), rows: m.doc.assessments.length, ok: !hasErrors(issues) };
}

/**
 * Live what-if on a scored document: only the changed units are re-scored (the engine keeps a
 * session per document object, so keep passing the same object).
 */
export function runWhatIf(scoring: ScoringDocument, changes: readonly AssessmentChange[], lang: Lang): WhatIfResult {
  return whatIf(scoring, [...changes], { lang });
}

/** Units that get a template (wards and the lead offices), in the master's order. */
export function templateUnitsOf(doc: MasterDocument): Unit[] {
  return templateUnits(doc.framework, doc.units);
}

/** Leaves of the criteria set, for the appraisal table. */
export function leavesOf(doc: MasterDocument): { code: string; name: string; max: number }[] {
  return frameworkLeaves(doc.framework.nodes).map((n) => ({ code: n.code, name: n.name, max: n.max ?? 0 }));
}

export type { ResultsDocument };
