import type { Framework } from '../../model/framework';
import type { Unit } from '../../model/unit';
import type { RuleSpec } from '../../model/framework';
import type { Assessment, AssessedValue } from '../../model/assessment';
import { hasErrors, issue, ref, type Issue, type IssueParams, type Location, type MessageCode } from '../../model/issue';
import type { CellValue, SheetInfo, SheetSnapshot } from '../port';
import { a1, columnName, EXCEL_MAX_TEXT, overlongTexts, parseA1 } from '../a1';
import { isNotApplicableValue, parseRate } from '../../rules/value';
import { dateParam, isLang, type Lang } from '../../i18n/format';
import { ambiguousNumber, cellDate, dateOutOfRange, MAX_YEAR, MIN_YEAR, cellNumber, cellText, dateSystemOf, fold, isBlankCell, isPercentFormat, parseNumber, parseVarsText, type DateSystem } from '../cells';
import { canonicalChoice, compileStoredRule, ruleReads, storedRule, valueCell } from '../template/accepts';
import {
  HASHED_COLUMNS,
  META_ROW_HEADER,
  META_SHEET,
  ROWS,
  SCORE_STEP,
  SELF_SHEET,
  TEMPLATE_ID,
  TEMPLATE_FORMAT,
  TOTAL_ROW,
  FOOTER,
  columnIndex,
  columnIndexIn,
  templateColumns,
  type ColumnKey,
  type FooterKey,
  type MetaKey,
} from '../template/layout';
import { normaliseCell } from '../template/hash';
import { renderTemplate, rowCellsHash, templateHash, type MetaRow } from '../template/render';
import type { TemplateRow } from '../template/select';
import type { CompiledRule, InputSpec } from '../../rules/types';
import { pushAll, presentIndices } from '../../model/arrays';

/** A filled template as read: every sheet's name/state and snapshots of all sheets. */
export interface FilledWorkbook {
  /** Name shown to users (file name). */
  file: string;
  sheets: readonly SheetInfo[];
  snapshots: readonly SheetSnapshot[];
}

export interface ImportContext {
  /** Criteria set of the master; absent = check the file against its own metadata only. */
  framework?: Framework;
  /** Units of the master; absent = accept the unit named in the metadata. */
  units?: readonly Unit[];
  /** Unit this file is expected to be from (e.g. from the file name); a different meta unit is an error. */
  expectedUnit?: string;
  /**
   * Self-assessment deadline of the master's round (yyyy-mm-dd): a template whose own deadline is
   * more than ROUND_DAYS away is from another round (last year's file sent again).
   */
  deadline?: string;
}

/** Deadlines further apart than this (days) belong to different rounds; a deadline moved by weeks is the same round. */
export const ROUND_DAYS = 183;

function dayOf(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : undefined;
}

export interface ParseOptions {
  /** Bring in the valid rows of a file that has errors (the rest are listed). */
  acceptValidRows?: boolean;
}

/** One imported row, for the import log. */
export interface ImportedRow {
  unit: string;
  criterion: string;
  row: number;
  /** A1 cells by column key. */
  cells: Partial<Record<ColumnKey, string>>;
  assessment: Assessment;
}

export type FileStatus = 'ok' | 'partial' | 'rejected';

export interface FilledParse {
  file: string;
  /** Unit named in the metadata (undefined when the file is not a template). */
  unit?: string;
  meta?: Partial<Record<MetaKey, string>>;
  /** Assessments brought in (all rows when the file is clean; valid rows with acceptValidRows). */
  assessments: Assessment[];
  rows: ImportedRow[];
  /** Leaf rows (not survey) the unit must answer, and how many were answered. */
  applicable: number;
  answered: number;
  /** Rows with errors (not imported). */
  rejectedRows: number;
  /** Sign-off block under the table: who prepared the form, head of unit, date signed. */
  signOff?: Partial<Record<FooterKey, string>>;
  issues: Issue[];
  status: FileStatus;
}

type Row = readonly CellValue[];

function cellAt(snap: SheetSnapshot, row1: number, col0: number): CellValue {
  return snap.values[row1 - 1]?.[col0] ?? null;
}

const isBlank = isBlankCell;
const text = cellText;

/** Read the `_meta` key/value block and per-row table. */
export function readMeta(snap: SheetSnapshot): { meta: Partial<Record<MetaKey, string>>; rows: MetaRow[] } {
  const meta: Partial<Record<MetaKey, string>> = {};
  const rows: MetaRow[] = [];
  let inRows = false;
  for (const i of presentIndices(snap.values)) {
    const line = snap.values[i];
    const k = text(line?.[0] ?? null);
    if (!inRows) {
      if (k === META_ROW_HEADER[0] && text(line?.[1] ?? null) === META_ROW_HEADER[1]) {
        inRows = true;
        continue;
      }
      if (k) (meta as Record<string, string>)[k] = text(line?.[1] ?? null);
      continue;
    }
    const row = Number(line?.[0]);
    if (!Number.isFinite(row) || isBlank(line?.[1] ?? null)) continue;
    const kind = text(line?.[2] ?? null);
    rows.push({
      row,
      code: text(line?.[1] ?? null),
      kind: kind === 'group' || kind === 'survey' ? kind : 'leaf',
      assessedUnit: text(line?.[3] ?? null),
      input: text(line?.[4] ?? null),
      cells: text(line?.[5] ?? null),
      max: Number(line?.[6] ?? 0) || 0,
      spec: text(line?.[7] ?? null),
      rule: text(line?.[8] ?? null),
    });
  }
  return { meta, rows };
}

/** InputSpec stored in the metadata (JSON), or undefined. */
function parseSpec(spec: string): InputSpec | undefined {
  if (!spec) return undefined;
  try {
    const v: unknown = JSON.parse(spec);
    if (v && typeof v === 'object' && 'type' in v && typeof v.type === 'string') return v as InputSpec;
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * The same criterion in a template and in the set now: code, name, maximum and lead unchanged,
 * and the same rule — its stored params, or for a row written before rules were stored, the
 * same kind of input (the rule's wording and the evidence asked for may have been reworded since
 * the file was sent; a changed set gets a new version, which the version check catches).
 */
function sameCriterion(m: MetaRow, now: MetaRow | undefined): boolean {
  if (!now) return false;
  if (m.cells === now.cells) return true;
  if (m.kind !== now.kind) return false;
  const a = m.cells.split('.');
  const b = now.cells.split('.');
  const same = (k: ColumnKey): boolean => {
    const i = HASHED_COLUMNS.indexOf(k);
    return a[i] === b[i];
  };
  if (!(same('code') && same('name') && same('max') && same('lead'))) return false;
  return m.rule && now.rule ? m.rule === now.rule : m.spec === now.spec;
}

/** Does this workbook look like a unit template (a `_meta` or a self-assessment sheet)? */
export function isTemplateWorkbook(sheets: readonly SheetInfo[]): boolean {
  return sheets.some((s) => s.name === META_SHEET || s.name === SELF_SHEET);
}

const NA_EXPL = /^khong (ap dung|phat sinh)/;

/** ISO day of a date cell: the port's date, a serial day, or a date typed as text; else undefined. */
function dateOf(v: CellValue, isDateCell: boolean, system: DateSystem): string | undefined {
  return cellDate(v, { ...system, dateCell: isDateCell });
}

/** What a declared value cell may hold for the rule: its number, its "name = value" pairs, its text. */
function candidates(raw: CellValue, format: string | undefined): AssessedValue[] {
  if (typeof raw === 'number') return [cellNumber(raw, format) ?? raw];
  if (typeof raw !== 'string') return raw === null ? [] : [raw];
  const s = cellText(raw);
  const out: AssessedValue[] = [];
  const n = parseNumber(s);
  if (n !== undefined) out.push(n);
  const vars = s.includes('=') || s.includes(':') ? parseVarsText(s, { colon: true }) : undefined;
  if (vars) out.push(vars);
  out.push(s);
  return out;
}

/** The first form of the cell the rule reads, if any. */
function readByRule(rule: CompiledRule | undefined, raw: CellValue, format: string | undefined): AssessedValue | undefined {
  if (!rule) return undefined;
  return candidates(raw, format).find((c) => ruleReads(rule, c));
}

type ValueRead = { value: AssessedValue } | { issue: { code: MessageCode; params: IssueParams } };

/**
 * A declared value as the criterion's rule reads it: first the cell's own type (a listed choice,
 * a number in range, a rate, a date or word, "name = value" pairs), giving the value in its
 * plain form; else any form the rule reads ("4/4", "Không vi phạm", "HTXS", "Quá hạn 5 ngày"),
 * kept as written (a choice in the list's spelling when it scores the same). Otherwise an issue
 * whose advice fits the cell: a whole number for counts, a date for dates, the list for choices.
 */
function readValue(
  raw: CellValue,
  input: InputSpec,
  rule: CompiledRule | undefined,
  cell: { format: string | undefined; dateCell: boolean; system: DateSystem; node: RuleSpec | undefined },
): ValueRead {
  const byRule = (): AssessedValue | undefined => readByRule(rule, raw, cell.format);
  const shown = text(raw);
  const hint = valueCell(rule?.kind, input, cell.node);
  switch (input.type) {
    case 'choice': {
      const f = fold(shown);
      const hit = input.choices.find((c) => fold(c) === f);
      if (hit !== undefined) return { value: hit };
      const other = byRule();
      if (other !== undefined) return { value: (rule && canonicalChoice(rule, other, input.choices)) ?? other };
      return { issue: { code: 'template.notInList', params: { value: shown, choices: hint.list } } };
    }
    case 'number': {
      const n = typeof raw === 'boolean' ? undefined : cellNumber(raw, cell.format);
      const inRange = n !== undefined && !(input.min !== undefined && n < input.min) && !(input.max !== undefined && n > input.max) && !(input.integer && !Number.isInteger(n));
      if (inRange) return { value: n };
      const other = byRule();
      if (other !== undefined) return { value: other };
      if (input.integer && (n === undefined || !Number.isInteger(n))) {
        const value = n ?? shown;
        return hint.forms.length > 0
          ? { issue: { code: 'template.notACountOr', params: { value, example: hint.example, forms: hint.forms } } }
          : { issue: { code: 'template.notACount', params: { value, example: hint.example } } };
      }
      if (n === undefined) return { issue: { code: 'template.notANumber', params: { value: shown, example: hint.example } } };
      return { issue: { code: 'template.outOfRange', params: { value: n, min: input.min ?? 0, max: input.max ?? '∞' } } };
    }
    case 'rate': {
      // As the rules read a rate (parseRate): 87.5, "87,5%", a fraction of counts "18/20"
      // (→ 90). Above 100% is kept: completion rates may exceed it and the rule caps the
      // points (rules that cannot take it report it when scoring). Negatives are refused.
      let n = typeof raw === 'boolean' ? undefined : parseRate(raw);
      if (n !== undefined && typeof raw === 'number' && isPercentFormat(cell.format)) n = n * 100;
      if (n !== undefined && n >= 0) return { value: n };
      const other = byRule();
      if (other !== undefined) return { value: other };
      if (n === undefined) return { issue: { code: 'template.notANumber', params: { value: shown, example: hint.example } } };
      return { issue: { code: 'template.outOfRange', params: { value: n, min: 0, max: '∞' } } };
    }
    case 'date': {
      // words the rule accepts instead of a date ("Chưa thực hiện"), in the rule's spelling
      const word = typeof raw === 'string' && input.choices ? input.choices.find((c) => fold(c) === fold(raw)) : undefined;
      if (word !== undefined) return { value: word };
      // a date before 1900 (serial −5, "31/12/1899") or after 2200: no completion date of a round
      if (dateOutOfRange(raw, cell.system)) {
        return { issue: { code: 'template.dateOutOfRange', params: { value: shown, min: String(MIN_YEAR), max: String(MAX_YEAR) } } };
      }
      const iso = dateOf(raw, cell.dateCell, cell.system);
      if (iso !== undefined) return { value: iso };
      // other wordings the criterion's rule reads ("Quá hạn 5 ngày", "Hoàn thành đúng hạn")
      const other = typeof raw === 'string' ? byRule() : undefined;
      if (other !== undefined) return { value: other };
      if (input.choices && input.choices.length > 0) return { issue: { code: 'template.notADateOrWord', params: { value: shown, choices: input.choices } } };
      return { issue: { code: 'template.notADate', params: { value: shown } } };
    }
    case 'vars': {
      const rec = parseVarsText(shown, { colon: true });
      if (rec && Object.entries(rec).every(([k, x]) => input.names.includes(k) && typeof x === 'number')) return { value: rec };
      const other = byRule();
      if (other !== undefined) return { value: other };
      return { issue: { code: 'template.badVars', params: { value: shown, names: input.names } } };
    }
    case 'points':
    case 'survey':
      return { issue: { code: 'template.notANumber', params: { value: shown, example: hint.example } } };
  }
}

/**
 * Parse one filled template against the criteria set and units of the master.
 * Reports every problem located (file, sheet, A1 cell, unit, criterion); never throws.
 * @example parseFilledTemplate({ file: 'KG.xlsx', sheets, snapshots }, { framework, units })
 */
export function parseFilledTemplate(wb: FilledWorkbook, ctx: ImportContext, options: ParseOptions = {}): FilledParse {
  const file = wb.file;
  const issues: Issue[] = [];
  const out: FilledParse = { file, assessments: [], rows: [], applicable: 0, answered: 0, rejectedRows: 0, issues, status: 'rejected' };
  const at = (where: Omit<Location, 'file'> = {}): Location => ({ file, ...where });

  const snapOf = (name: string): SheetSnapshot | undefined => wb.snapshots.find((s) => s.name === name);
  const metaSnap = snapOf(META_SHEET);
  if (!metaSnap) {
    issues.push(issue('template.metaMissing', { sheet: META_SHEET }, at()));
    return out;
  }
  const { meta, rows: metaRows } = readMeta(metaSnap);
  out.meta = meta;
  if (meta.templateId !== TEMPLATE_ID) {
    issues.push(issue('template.notTemplate', { sheet: META_SHEET }, at({ sheet: META_SHEET })));
    return out;
  }
  const unitCode = meta.unit ?? '';
  out.unit = unitCode;
  const unitsList = ctx.units ?? [];
  const known = unitsList.find((u) => u.code === unitCode);
  if (ctx.units && !known) {
    issues.push(issue('template.unknownUnit', { unit: unitCode }, at({ sheet: META_SHEET, unit: unitCode })));
    return out;
  }
  const unit: Unit = known ?? { code: unitCode, name: meta.unitName ?? unitCode, kind: meta.unitKind ?? 'ward' };
  // (file names carry the code with characters other than letters, digits, _ and - replaced by _)
  if (ctx.expectedUnit !== undefined && ctx.expectedUnit !== unitCode && ctx.expectedUnit !== unitCode.replace(/[^A-Za-z0-9_-]/g, '_')) {
    issues.push(issue('template.wrongUnit', { found: unitCode, expected: ctx.expectedUnit }, at({ unit: unitCode })));
  }
  const lang: Lang = isLang(meta.lang) ? meta.lang : 'vi';
  // the file's own layout: format 1 has no "Điểm tạm tính" column (files sent before it still import)
  const format = Number(meta.templateFormat) || 1;
  const fileCols = templateColumns(format);
  const fileHeaders = fileCols.map((c) => (lang === 'vi' ? c.vi : c.en));
  const fcol = (k: ColumnKey): number => columnIndexIn(fileCols, k);
  // meta consistency: its own hash over its rows
  const metaHash = templateHash(SELF_SHEET, fileHeaders, metaRows.map((m) => `${m.code}|${m.cells}`));
  if (meta.hash !== metaHash) {
    issues.push(issue('template.metaTampered', { sheet: META_SHEET }, at({ sheet: META_SHEET, unit: unitCode })));
    return out;
  }
  const fw = ctx.framework;
  let stale = false;
  // The template as it would be generated now, for the same unit and language.
  const expected = fw ? renderTemplate(fw, unit, { units: unitsList.length ? unitsList : [unit], lang }) : undefined;
  const expectedByCode = new Map<string, { row: TemplateRow; meta: MetaRow }>();
  if (fw && expected) {
    const currentVersion = fw.version ?? (fw.year !== undefined ? String(fw.year) : '');
    if ((meta.frameworkId ?? '') !== fw.id || (meta.frameworkVersion ?? '') !== currentVersion) {
      stale = true;
      issues.push(
        issue(
          'template.stale',
          { found: `${meta.frameworkId ?? ''} ${meta.frameworkVersion ?? ''}`.trim(), expected: `${fw.id} ${currentVersion}`.trim() },
          at({ sheet: META_SHEET, unit: unitCode }),
        ),
      );
    }
    expected.rows.forEach((r, i) => {
      const m = expected.metaRows[i];
      if (m) expectedByCode.set(r.code, { row: r, meta: m });
    });
    // the same rows in the file's layout (a format-1 file is compared with a format-1 hash)
    const expectedHash = format === TEMPLATE_FORMAT ? expected.meta.hash : templateHash(SELF_SHEET, fileHeaders, expected.metaRows.map((m) => `${m.code}|${m.cells}`));
    if (!stale && meta.hash !== expectedHash) {
      // a change of wording only (the rule as words, the evidence asked for) is no change of the set
      const changed = metaRows.find((m) => !sameCriterion(m, expectedByCode.get(m.code)?.meta)) ?? expected.metaRows.find((m) => !metaRows.some((x) => x.code === m.code));
      if (changed) {
        issues.push(issue('template.frameworkChanged', { criterion: changed.code }, at({ sheet: META_SHEET, unit: unitCode, criterion: changed.code })));
        stale = true;
      }
    }
  }

  // a template of another round (last year's file sent again): the year of its criteria set or its
  // deadline is not this round's; its answers are of another year, so the whole file is refused
  if (fw && !stale && fw.year !== undefined && meta.frameworkYear && meta.frameworkYear !== String(fw.year)) {
    issues.push(issue('template.otherRound', { file, what: ref('template.round.year'), found: meta.frameworkYear, expected: String(fw.year) }, at({ sheet: META_SHEET, unit: unitCode })));
  } else if (ctx.deadline && meta.deadline) {
    const mine = dayOf(meta.deadline);
    const round = dayOf(ctx.deadline);
    if (mine !== undefined && round !== undefined && Math.abs(mine - round) > ROUND_DAYS) {
      issues.push(
        issue('template.otherRound', { file, what: ref('template.round.deadline'), found: dateParam(meta.deadline.slice(0, 10)), expected: dateParam(ctx.deadline.slice(0, 10)) }, at({ sheet: META_SHEET, unit: unitCode })),
      );
    }
  }

  // self-assessment sheet: by name, else a renamed sheet recognised by its key row
  let self = snapOf(SELF_SHEET);
  if (!self) {
    const keys = fileCols.map((c) => c.key);
    const renamed = wb.snapshots.find((s) => s.name !== META_SHEET && keys.every((k, i) => text(cellAt(s, ROWS.keys, i)) === k));
    if (renamed) issues.push(issue('template.sheetRenamed', { sheet: SELF_SHEET, found: renamed.name }, at({ sheet: renamed.name, unit: unitCode })));
    else issues.push(issue('template.sheetMissing', { sheet: SELF_SHEET }, at({ unit: unitCode })));
    if (!renamed) return out;
    self = renamed;
  }
  const sheet = self.name;
  const S = (cell: string, extra: Omit<Location, 'file' | 'sheet' | 'cell'> = {}): Location => at({ sheet, cell, unit: unitCode, ...extra });

  if (self.protected === false) issues.push(issue('template.unprotected', {}, at({ sheet, unit: unitCode }), 'warning'));
  // header and key rows
  fileCols.forEach((c, i) => {
    const k = cellAt(self, ROWS.keys, i);
    if (normaliseCell(k) !== c.key) issues.push(issue('template.lockedChanged', { expected: c.key, found: text(k) }, S(a1(ROWS.keys - 1, i))));
    const h = cellAt(self, ROWS.header, i);
    const want = lang === 'vi' ? c.vi : c.en;
    if (normaliseCell(h) !== normaliseCell(want)) issues.push(issue('template.lockedChanged', { expected: want, found: text(h) }, S(a1(ROWS.header - 1, i))));
  });

  // actual rows: codes in column A from the first data row to the last non-empty row
  const codeCol = fcol('code');
  const actual: { row: number; code: string; line: Row }[] = [];
  // the total row (format 2) ends the table: below it only the sign-off entries are read
  const totalLabels = new Set([TOTAL_ROW.vi, TOTAL_ROW.en].map((l) => normaliseCell(l)));
  let totalRow: number | undefined;
  const footerLabels = new Map<string, FooterKey>();
  for (const f of FOOTER) for (const l of [f.vi, f.en]) footerLabels.set(normaliseCell(l), f.key);
  const signOff: Partial<Record<FooterKey, string>> = {};
  for (const i of presentIndices(self.values)) {
    const r = i + 1;
    if (r < ROWS.first) continue;
    const line = self.values[i] ?? [];
    if (line.every((v) => isBlank(v))) continue;
    const label = isBlank(line[codeCol] ?? null) ? normaliseCell(line[fcol('name')] ?? null) : undefined;
    if (label !== undefined && totalRow === undefined && totalLabels.has(label)) {
      totalRow = r;
      continue;
    }
    const fk = label !== undefined ? footerLabels.get(label) : undefined;
    if (fk === undefined && totalRow !== undefined) continue; // the signatures under the sign-off entries
    if (fk !== undefined) {
      const addr = a1(r - 1, fcol('value'));
      const v = line[fcol('value')] ?? null;
      if (isBlank(v)) continue;
      if (fk === 'signedOn') {
        const iso = dateOf(v, Boolean((self.dates ?? {})[addr]), dateSystemOf(self));
        if (iso === undefined) issues.push(issue('template.notADate', { value: text(v) }, S(addr), 'warning'));
        else signOff.signedOn = iso;
      } else signOff[fk] = text(v);
      continue;
    }
    actual.push({ row: r, code: text(line[codeCol] ?? null), line });
  }
  if (Object.keys(signOff).length > 0) out.signOff = signOff;
  const metaCodes = metaRows.map((m) => m.code);
  const actualCodes = actual.map((a) => a.code);
  const sameSequence = metaCodes.length === actualCodes.length && metaCodes.every((c, i) => c === actualCodes[i]);
  const rowProblems = new Set<number>();
  // text longer than a cell holds (Excel's limit): refused, located, in every sheet of the file
  for (const snap of wb.snapshots) {
    for (const [cell, length] of overlongTexts(snap.values)) {
      const p = parseA1(cell);
      const code = snap.name === sheet && p ? text(cellAt(snap, p.row + 1, codeCol)) : '';
      issues.push(issue('template.textTooLong', { length, limit: EXCEL_MAX_TEXT }, at({ sheet: snap.name, cell, unit: unitCode, ...(code ? { criterion: code } : {}) })));
      if (snap.name === sheet && p) rowProblems.add(p.row + 1);
    }
  }
  if (!sameSequence) {
    const actualSet = new Set(actualCodes);
    const metaSet = new Set(metaCodes);
    for (const m of metaRows) {
      if (!actualSet.has(m.code)) issues.push(issue('template.rowDeleted', { criterion: m.code, row: m.row }, S(`A${m.row}`, { criterion: m.code })));
    }
    const seen = new Set<string>();
    for (const a of actual) {
      if (!metaSet.has(a.code) || seen.has(a.code)) {
        issues.push(issue('template.rowInserted', { row: a.row, found: a.code }, S(`A${a.row}`, a.code && metaSet.has(a.code) ? { criterion: a.code } : {})));
        rowProblems.add(a.row);
      }
      seen.add(a.code);
    }
    const common = metaCodes.filter((c) => actualSet.has(c));
    const commonActual = actualCodes.filter((c, i) => metaSet.has(c) && actualCodes.indexOf(c) === i);
    const firstMoved = common.findIndex((c, i) => commonActual[i] !== c);
    if (firstMoved >= 0) {
      const code = commonActual[firstMoved] ?? '';
      const row = actual.find((a) => a.code === code)?.row ?? ROWS.first;
      issues.push(issue('template.rowsReordered', { criterion: code, row }, S(`A${row}`, { criterion: code })));
    }
  }

  // merged cells and hidden rows
  // the title rows (1–3) may be merged as the template merges them; so may the sign-off and
  // signatures under the total row
  const allowedMerges = new Set([1, 2, 3].map((r) => `A${r}:${columnName(fileCols.length - 1)}${r}`));
  for (const m of self.merged ?? []) {
    if (allowedMerges.has(m)) continue;
    const [from, to] = m.split(':');
    const p = parseA1(from ?? '');
    const q = parseA1(to ?? from ?? '');
    if (format >= 2 && p && q && (q.row + 1 < ROWS.keys || (totalRow !== undefined && p.row + 1 > totalRow))) continue;
    if (p && q) for (let r = p.row + 1; r <= q.row + 1; r++) rowProblems.add(r);
    const code = p ? text(cellAt(self, p.row + 1, codeCol)) : '';
    issues.push(issue('template.mergedCells', { range: m }, S(from ?? m, code ? { criterion: code } : {})));
  }
  for (const hr of self.hiddenRows ?? []) {
    if (hr === ROWS.keys) continue;
    const code = text(cellAt(self, hr, codeCol));
    // a hidden row hides an answer from the reviewer: its data is not imported until it is shown again
    rowProblems.add(hr);
    issues.push(issue('template.hiddenRow', { row: hr }, S(`A${hr}`, code ? { criterion: code } : {})));
  }

  // per-row checks
  const metaByCode = new Map(metaRows.map((m) => [m.code, m]));
  const errors = self.errors ?? {};
  const formats = self.formats ?? {};
  const dates = self.dates ?? {};
  const system = dateSystemOf(self);
  const col = fcol;
  const seenCodes = new Set<string>();
  for (const a of actual) {
    const m = metaByCode.get(a.code);
    if (!m || seenCodes.has(a.code)) continue;
    seenCodes.add(a.code);
    const rowIssues: Issue[] = [];
    const crit = { criterion: a.code };
    const cellOf = (k: ColumnKey): string => a1(a.row - 1, col(k));
    // locked cells against what the template had
    const cellsNow = rowCellsHash(a.line, fcol).split('.');
    const cellsThen = m.cells.split('.');
    const exp = expectedByCode.get(a.code);
    HASHED_COLUMNS.forEach((k, i) => {
      if (cellsNow[i] !== cellsThen[i]) {
        const want = exp && exp.meta.cells.split('.')[i] === cellsThen[i] ? text(expected?.sheets[1]?.values[exp.meta.row - 1]?.[columnIndex(k)] ?? null) : undefined;
        rowIssues.push(issue('template.lockedChanged', { expected: want ?? '?', found: text(a.line[col(k)] ?? null) }, S(cellOf(k), crit)));
      }
    });
    if (m.kind === 'group') {
      pushAll(issues, rowIssues);
      if (rowIssues.length) rowProblems.add(a.row);
      continue;
    }
    // error values anywhere on the row the unit fills or the template wrote (not in the computed "Điểm tạm tính")
    for (let c = 0; c < fileCols.length; c++) {
      if (c === fcol('provisional')) continue;
      const addr = a1(a.row - 1, c);
      const ev = errors[addr];
      if (ev !== undefined) rowIssues.push(issue('template.errorValue', { value: ev }, S(addr, crit)));
    }
    if (m.kind === 'survey') {
      pushAll(issues, rowIssues);
      if (rowIssues.length) rowProblems.add(a.row);
      continue;
    }
    out.applicable++;
    const max = exp?.row.max ?? m.max;
    const input = exp?.row.input ?? parseSpec(m.spec);
    if (fw && !exp) rowIssues.push(issue('template.unknownCriterion', { criterion: a.code }, S(cellOf('code'), crit)));
    else if (stale && exp && !sameCriterion(m, exp.meta)) rowIssues.push(issue('template.staleRow', { criterion: a.code }, S(cellOf('code'), crit)));
    const assessment: Assessment = { unit: m.assessedUnit || unitCode, criterion: a.code };
    // declared value
    const vAddr = cellOf('value');
    const raw = a.line[col('value')] ?? null;
    let value: AssessedValue | undefined;
    let na = false;
    // the criterion's rule: the master's, else the one the template kept (checking a file on its own)
    const kept = storedRule(m.rule);
    const rule = exp?.row.rule ?? compileStoredRule(kept, max);
    if (!isBlank(raw) && errors[vAddr] === undefined && input && input.type !== 'points' && input.type !== 'survey') {
      if (typeof raw === 'string' && isNotApplicableValue(raw)) {
        na = true;
        value = 'Không áp dụng';
      } else {
        const read = readValue(raw, input, rule, { format: formats[vAddr], dateCell: Boolean(dates[vAddr]), system, node: exp?.row.node.rule ?? kept });
        const amb = (input.type === 'number' || input.type === 'rate') && !('issue' in read) && typeof read.value === 'number' ? ambiguousNumber(raw) : undefined;
        if ('issue' in read) rowIssues.push(issue(read.issue.code, read.issue.params, S(vAddr, crit)));
        else if (amb && input.type === 'rate' && amb.read > 100 && amb.other <= 100) {
          // "87.125" in a rate: 87 125 % the Vietnamese way, which no rate is; refused rather than scored as full points
          rowIssues.push(issue('template.ambiguousRate', { value: text(raw), read: amb.read, other: amb.other }, S(vAddr, crit)));
        } else {
          value = read.value;
          if (amb) rowIssues.push(issue('template.ambiguousNumber', { value: text(raw), read: amb.read, other: amb.other }, S(vAddr, crit), 'warning'));
        }
      }
    }
    // self-score
    const sAddr = cellOf('self');
    const sRaw = a.line[col('self')] ?? null;
    let selfScore: number | undefined;
    if (!isBlank(sRaw) && errors[sAddr] === undefined) {
      const n = typeof sRaw === 'boolean' ? undefined : parseNumber(sRaw);
      // a self-score goes in steps of 0,25: the example is one
      if (n === undefined) rowIssues.push(issue('template.notANumber', { value: text(sRaw), example: 0.75 }, S(sAddr, crit)));
      else if (n < 0) rowIssues.push(issue('template.scoreNegative', { value: n }, S(sAddr, crit)));
      else if (n > max + 1e-9) rowIssues.push(issue('template.scoreAboveMax', { value: n, max }, S(sAddr, crit)));
      else if (Math.abs(n / SCORE_STEP - Math.round(n / SCORE_STEP)) > 1e-9) rowIssues.push(issue('template.scoreStep', { value: n, step: SCORE_STEP }, S(sAddr, crit)));
      else {
        selfScore = n;
        const amb = ambiguousNumber(sRaw);
        if (amb) rowIssues.push(issue('template.ambiguousNumber', { value: text(sRaw), read: amb.read, other: amb.other }, S(sAddr, crit), 'warning'));
      }
    }
    const evidence = text(a.line[col('evidence')] ?? null);
    const explanation = text(a.line[col('explanation')] ?? null);
    if (!na && value === undefined && isBlank(raw) && NA_EXPL.test(fold(explanation))) na = true;
    if (value !== undefined) assessment.value = value;
    if (selfScore !== undefined) assessment.self = selfScore;
    if (evidence) assessment.evidence = evidence;
    if (explanation) assessment.explanation = explanation;
    if (na) assessment.notApplicable = true;
    const answered = value !== undefined || selfScore !== undefined || na;
    pushAll(issues, rowIssues);
    if (hasErrors(rowIssues) || rowProblems.has(a.row)) {
      out.rejectedRows++;
      continue;
    }
    if (answered) out.answered++;
    if (answered || evidence || explanation) {
      const cells: Partial<Record<ColumnKey, string>> = {};
      for (const k of ['value', 'evidence', 'self', 'explanation'] as const) cells[k] = cellOf(k);
      out.rows.push({ unit: assessment.unit, criterion: a.code, row: a.row, cells, assessment });
    }
  }
  // rows deleted count as not imported
  for (const m of metaRows) if (m.kind === 'leaf' && !seenCodes.has(m.code)) { out.applicable++; out.rejectedRows++; }

  if (out.applicable > 0 && out.answered === 0 && out.rejectedRows === 0) {
    issues.push(issue('template.nothingAnswered', { count: out.applicable }, at({ sheet, unit: unitCode }), 'warning'));
  }
  const anyError = hasErrors(issues);
  if (!anyError) out.status = 'ok';
  else if (options.acceptValidRows && !structuralBlocking(issues)) out.status = 'partial';
  else out.status = 'rejected';
  if (out.status === 'rejected') out.rows = [];
  out.assessments = out.rows.map((r) => r.assessment);
  return out;
}

/** File-level problems that stop even `acceptValidRows` (the rows cannot be trusted or placed). */
const BLOCKING = new Set<MessageCode>(['template.otherRound', 'template.metaMissing', 'template.notTemplate', 'template.unknownUnit', 'template.wrongUnit', 'template.metaTampered', 'template.sheetMissing', 'template.duplicateUnit']);

function structuralBlocking(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error' && BLOCKING.has(i.code));
}

