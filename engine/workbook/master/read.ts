import type { SheetSnapshot, CellValue } from '../port';
import { a1, columnName, EXCEL_MAX_COLUMNS, EXCEL_MAX_TEXT, overlongTexts } from '../a1';
import { cellText, fold } from '../cells';
import { issue, ref, type Issue, type Location } from '../../model/issue';
import type { Framework, FrameworkNode, GradeBand, RuleSpec } from '../../model/framework';
import type { Unit } from '../../model/unit';
import type { Assessment, PreviousResult } from '../../model/assessment';
import {
  CHANNEL_WORDS,
  CONFIG_KEYS,
  MASTER_TABLES,
  NA_POLICY_WORDS,
  ROLE_WORDS,
  ROUND_WORDS,
  tableSpec,
  type MasterTableId,
  type TableSpec,
} from './spec';
import { locateTable, TableCells, type ReadTable, type TableRow } from './table';
import {
  assessmentKey,
  type MasterDocument,
  type MasterExtras,
  type MasterSettings,
  type PlanTaskRow,
  type RoundDeadline,
  type RowRef,
  type SubmissionMeta,
  type SurveyCountRow,
  type SurveyResponseRow,
} from './types';
import { pushAll, eachPresent } from '../../model/arrays';

export interface ReadMasterOptions {
  /** Resolve a built-in criteria set by id, used when the workbook has no "Bộ tiêu chí" sheet. */
  resolveFramework?: (id: string) => Framework | undefined;
}

/** Find the sheet of a table by its name or an accepted alias (diacritics-insensitive). */
export function findTableSheet(snapshots: readonly SheetSnapshot[], spec: TableSpec): SheetSnapshot | undefined {
  const exact = snapshots.find((s) => s.name === spec.sheet);
  if (exact) return exact;
  const names = new Set([spec.sheet, ...spec.sheetAliases].map(fold));
  return snapshots.find((s) => names.has(fold(s.name)));
}

/** Names of all sheets the reader may use (canonical names and aliases), for one batched read. */
export function masterSheetNames(): string[] {
  return MASTER_TABLES.flatMap((t) => [t.sheet, ...t.sheetAliases]);
}

/** Does a list of sheet names look like a master workbook? (units + submissions or criteria/config). */
export function looksLikeMaster(sheetNames: readonly string[]): boolean {
  const folded = new Set(sheetNames.map(fold));
  const has = (id: MasterTableId): boolean => {
    const t = tableSpec(id);
    return [t.sheet, ...t.sheetAliases].some((n) => folded.has(fold(n)));
  };
  return has('units') && (has('submissions') || has('criteria') || has('config'));
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  phuong: 'ward',
  xa: 'commune',
  'phong, ban': 'office',
  phong: 'office',
  ban: 'office',
  'co quan': 'office',
  quan: 'district',
  huyen: 'district',
  so: 'department',
};

function unitKind(s: string): string {
  const f = fold(s);
  return KIND_WORDS[f] ?? s.trim();
}

interface Ctx {
  file: string | undefined;
  issues: Issue[];
}

function loc(ctx: Ctx, sheet: string, cell?: string, who: { unit?: string; criterion?: string } = {}): Location {
  return { ...(ctx.file ? { file: ctx.file } : {}), sheet, ...(cell ? { cell } : {}), ...who };
}

function openTable(ctx: Ctx, snap: SheetSnapshot, id: MasterTableId): { t: ReadTable; cells: TableCells } {
  const t = locateTable(snap, tableSpec(id), ctx.file);
  pushAll(ctx.issues, t.issues);
  return { t, cells: new TableCells(snap, ctx.file) };
}

function rowRef(t: ReadTable, row: TableRow): RowRef {
  const cells: Record<string, string> = {};
  for (const [k, c] of t.cols) cells[k] = a1(row.r, c);
  return { sheet: t.sheet, row: row.r + 1, cells };
}

/** "A=90; B=80; C ≥ 70; D=0" → grade bands, highest first. */
export function parseGrades(s: string): GradeBand[] | undefined {
  const out: GradeBand[] = [];
  for (const part of s.split(/[;\n]/)) {
    const m = /^\s*([^=:≥>]+?)\s*(?:=|:|≥|>=)\s*([\d.,]+)\s*%?\s*$/.exec(part);
    if (!part.trim()) continue;
    if (!m || !m[1] || !m[2]) return undefined;
    const n = Number(m[2].replace(',', '.'));
    if (!Number.isFinite(n)) return undefined;
    out.push({ grade: m[1].trim(), min: n });
  }
  return out.length ? out.sort((x, y) => y.min - x.min) : undefined;
}

export function formatGrades(grades: readonly GradeBand[]): string {
  return grades.map((g) => `${g.grade}=${g.min}`).join('; ');
}

interface ConfigRead {
  meta: Partial<Framework>;
  settings: MasterSettings;
}

function readConfig(ctx: Ctx, snap: SheetSnapshot): ConfigRead {
  const { t, cells } = openTable(ctx, snap, 'config');
  const meta: Partial<Framework> = {};
  const settings: MasterSettings = {};
  const known = new Map(CONFIG_KEYS.map((k) => [k.key.toLowerCase(), k.key]));
  const labels = new Map(CONFIG_KEYS.flatMap((k) => [[fold(k.vi), k.key] as const, [fold(k.en), k.key] as const]));
  for (const row of t.rows) {
    const rawKey = cells.code(row, 'key') ?? '';
    const label = cells.text(row, 'label');
    const key = known.get(rawKey.toLowerCase()) ?? labels.get(fold(rawKey)) ?? (label ? labels.get(fold(label)) : undefined);
    const v = cells.raw(row, 'value');
    if (v === undefined || v === null) continue;
    const where = cells.where(row, 'value');
    const num = (): number | undefined => cells.number(row, 'value');
    const str = cellText(v);
    switch (key) {
      case 'frameworkId':
        meta.id = str;
        break;
      case 'frameworkName':
        meta.name = str;
        break;
      case 'year': {
        const n = cells.number(row, 'value', undefined, { integer: true });
        if (n !== undefined) meta.year = n;
        break;
      }
      case 'version':
        meta.version = str;
        break;
      case 'total': {
        const n = num();
        if (n !== undefined) meta.total = n;
        break;
      }
      case 'target': {
        const n = num();
        if (n !== undefined) meta.target = n;
        break;
      }
      case 'grades': {
        const g = parseGrades(str);
        if (g) meta.grades = g;
        else ctx.issues.push(issue('workbook.badGrades', { value: str }, where));
        break;
      }
      case 'notApplicable': {
        const p = NA_POLICY_WORDS[fold(str)];
        if (p) meta.notApplicable = p;
        else ctx.issues.push(issue('workbook.badEnum', { value: str, allowed: ['exclude', 'full'] }, where));
        break;
      }
      case 'missingSurvey': {
        const f = fold(str);
        if (f === 'zero' || f === 'khong' || f === '0') meta.missingSurvey = 'zero';
        else if (f === 'rescale' || f === 'quy doi') meta.missingSurvey = 'rescale';
        else ctx.issues.push(issue('workbook.badEnum', { value: str, allowed: ['zero', 'rescale'] }, where));
        break;
      }
      case 'tieEpsilon': {
        const n = num();
        if (n !== undefined) meta.tieEpsilon = n;
        break;
      }
      case 'legalBasis':
        meta.meta = { ...meta.meta, legalBasis: str };
        break;
      case 'points': {
        const f = fold(str);
        const p = f === 'official' || f === 'chinh thuc' ? 'official' : f === 'illustrative' || f === 'minh hoa' ? 'illustrative' : undefined;
        if (p) meta.meta = { ...meta.meta, points: p };
        else ctx.issues.push(issue('workbook.badEnum', { value: str, allowed: ['official', 'illustrative'] }, where));
        break;
      }
      case 'unitKinds':
        meta.unitKinds = str.split(/[,;]/).map((x) => x.trim()).filter(Boolean);
        break;
      case 'sipasMethod': {
        const f = fold(str);
        if (f === 'toptwobox') settings.sipasMethod = 'topTwoBox';
        else if (f === 'meanscore') settings.sipasMethod = 'meanScore';
        else ctx.issues.push(issue('workbook.badEnum', { value: str, allowed: ['topTwoBox', 'meanScore'] }, where));
        break;
      }
      case 'surveyTarget': {
        const n = num();
        if (n !== undefined) settings.surveyTarget = n;
        break;
      }
      case 'planId':
        settings.planId = str;
        break;
      case 'note':
        settings.note = str;
        break;
      default:
        settings.other = { ...settings.other, [rawKey]: v as CellValue };
    }
  }
  return { meta, settings };
}

interface CriteriaRead {
  nodes: FrameworkNode[];
  locations: Record<string, RowRef>;
  rejected: Record<string, string[]>;
}

function readCriteria(ctx: Ctx, snap: SheetSnapshot): CriteriaRead {
  const { t, cells } = openTable(ctx, snap, 'criteria');
  const byCode = new Map<string, { node: FrameworkNode; parent: string | undefined; row: TableRow }>();
  const order: string[] = [];
  const locations: Record<string, RowRef> = {};
  // Fields whose cell was reported unreadable: left out of the node, and the checks are told.
  const rejected: Record<string, string[]> = {};
  const reject = (code: string, field: string): void => {
    (rejected[code] ??= []).push(field);
  };
  const reported = (): number => cells.issues.length + ctx.issues.length;
  for (const row of t.rows) {
    const code = cells.code(row, 'code');
    const name = cells.text(row, 'name');
    if (!code) {
      ctx.issues.push(issue('workbook.missingValue', { column: 'Mã (STT)' }, cells.where(row, 'code')));
      continue;
    }
    const who = { criterion: code };
    if (byCode.has(code)) {
      const first = byCode.get(code);
      ctx.issues.push(
        issue('workbook.duplicateCriterion', { code, firstRow: first ? first.row.r + 1 : '' }, cells.where(row, 'code', who)),
      );
      continue;
    }
    if (!name) ctx.issues.push(issue('workbook.missingValue', { column: 'Tên lĩnh vực, tiêu chí' }, cells.where(row, 'name', who)));
    const node: FrameworkNode = { code, name: name ?? code };
    const nameEn = cells.text(row, 'nameEn', who);
    if (nameEn) node.nameEn = nameEn;
    const beforeMax = reported();
    const max = cells.number(row, 'max', who, { min: 0 });
    if (max !== undefined) node.max = max;
    else if (reported() > beforeMax) reject(code, 'max');
    const channel = cells.code(row, 'channel', who);
    if (channel) {
      const c = CHANNEL_WORDS[fold(channel)];
      if (c) node.channel = c;
      else ctx.issues.push(issue('workbook.badEnum', { value: channel, allowed: ['appraisal', 'survey'] }, cells.where(row, 'channel', who)));
    }
    const beforeRule = reported();
    const kind = cells.code(row, 'ruleKind', who);
    const paramsText = cells.text(row, 'ruleParams', who);
    if (kind) {
      let params: Record<string, unknown> = {};
      if (paramsText && paramsText.trim() !== '') {
        try {
          const parsed: unknown = JSON.parse(paramsText);
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) params = parsed as Record<string, unknown>;
          else ctx.issues.push(issue('workbook.badJson', { value: paramsText }, cells.where(row, 'ruleParams', who)));
        } catch {
          ctx.issues.push(issue('workbook.badJson', { value: paramsText }, cells.where(row, 'ruleParams', who)));
        }
      }
      const rule: RuleSpec = { ...params, kind };
      if (reported() === beforeRule) node.rule = rule;
      else reject(code, 'rule');
    } else if (reported() > beforeRule) {
      reject(code, 'rule');
    } else if (paramsText) {
      ctx.issues.push(issue('workbook.paramsWithoutRule', {}, cells.where(row, 'ruleParams', who)));
    }
    const lead = cells.code(row, 'lead', who);
    if (lead) node.lead = lead;
    const coordinators = cells.list(row, 'coordinators', who);
    if (coordinators) node.coordinators = coordinators;
    const appliesTo = cells.list(row, 'appliesTo', who);
    if (appliesTo) node.appliesTo = appliesTo.map(unitKind);
    const na = cells.code(row, 'notApplicable', who);
    if (na) {
      const p = NA_POLICY_WORDS[fold(na)];
      if (p) node.notApplicable = p;
      else ctx.issues.push(issue('workbook.badEnum', { value: na, allowed: ['exclude', 'full'] }, cells.where(row, 'notApplicable', who)));
    }
    const role = cells.code(row, 'role', who);
    if (role) {
      const r = ROLE_WORDS[fold(role)];
      if (r) node.role = r;
      else ctx.issues.push(issue('workbook.badEnum', { value: role, allowed: ['standard', 'bonus', 'penalty'] }, cells.where(row, 'role', who)));
    }
    const beforeCap = reported();
    const cap = cells.number(row, 'cap', who, { min: 0 });
    if (cap !== undefined) node.cap = cap;
    else if (reported() > beforeCap) reject(code, 'cap');
    const source = cells.code(row, 'source', who);
    if (source) node.source = source;
    const evidence = cells.text(row, 'evidence', who);
    if (evidence) node.evidence = evidence;
    const ruleText = cells.text(row, 'ruleText', who);
    if (ruleText) node.ruleText = ruleText;
    const note = cells.text(row, 'note', who);
    if (note) node.note = note;
    let parent = cells.code(row, 'parent', who);
    if (parent) {
      if (!byCode.has(parent)) {
        ctx.issues.push(issue('workbook.unknownParent', { code, parent }, cells.where(row, 'parent', who)));
        parent = undefined;
      }
    } else {
      // No parent written: the longest dotted prefix already listed ("1.2.3" → "1.2" → "1").
      const segs = code.split('.');
      for (let k = segs.length - 1; k > 0 && !parent; k--) {
        const p = segs.slice(0, k).join('.');
        if (byCode.has(p)) parent = p;
      }
    }
    byCode.set(code, { node, parent, row });
    order.push(code);
    locations[code] = rowRef(t, row);
  }
  pushAll(ctx.issues, cells.issues);
  const roots: FrameworkNode[] = [];
  for (const code of order) {
    const e = byCode.get(code);
    if (!e) continue;
    const p = e.parent ? byCode.get(e.parent) : undefined;
    if (p) (p.node.children ??= []).push(e.node);
    else roots.push(e.node);
  }
  return { nodes: roots, locations, rejected };
}

function readUnits(ctx: Ctx, snap: SheetSnapshot, locations: Record<string, RowRef>): Unit[] {
  const { t, cells } = openTable(ctx, snap, 'units');
  const units: Unit[] = [];
  const seen = new Map<string, number>();
  for (const row of t.rows) {
    const code = cells.code(row, 'code');
    if (!code) {
      ctx.issues.push(issue('workbook.missingValue', { column: 'Mã đơn vị' }, cells.where(row, 'code')));
      continue;
    }
    const who = { unit: code };
    if (seen.has(code)) {
      ctx.issues.push(issue('workbook.duplicateUnit', { code, firstRow: seen.get(code) ?? '' }, cells.where(row, 'code', who)));
      continue;
    }
    seen.set(code, row.r + 1);
    locations[code] = rowRef(t, row);
    const name = cells.text(row, 'name', who);
    if (!name) ctx.issues.push(issue('workbook.missingValue', { column: 'Tên đơn vị' }, cells.where(row, 'name', who)));
    const kind = cells.code(row, 'kind', who);
    const u: Unit = { code, name: name ?? code, kind: kind ? unitKind(kind) : 'ward' };
    const scored = cells.bool(row, 'scored', who);
    if (scored !== undefined) u.scored = scored;
    const email = cells.text(row, 'email', who);
    if (email) u.email = email.trim();
    const head = cells.text(row, 'head', who);
    if (head) u.head = head;
    units.push(u);
  }
  pushAll(ctx.issues, cells.issues);
  return units;
}

interface LeafInfo {
  node: FrameworkNode;
  appliesTo: string[] | undefined;
  lead: string | undefined;
}

function leafTable(nodes: readonly FrameworkNode[]): { leaves: Map<string, LeafInfo>; parents: Set<string> } {
  const leaves = new Map<string, LeafInfo>();
  const parents = new Set<string>();
  const walk = (ns: readonly FrameworkNode[], applies: string[] | undefined, lead: string | undefined): void => {
    for (const n of ns) {
      const a = n.appliesTo ?? applies;
      const l = n.lead ?? lead;
      if (n.children && n.children.length > 0) {
        parents.add(n.code);
        walk(n.children, a, l);
      } else leaves.set(n.code, { node: n, appliesTo: a, lead: l });
    }
  };
  walk(nodes, undefined, undefined);
  return { leaves, parents };
}

interface SubmissionsRead {
  assessments: Assessment[];
  submissions: SubmissionMeta[];
  locations: Record<string, RowRef>;
}

/**
 * Scoring adds the computed columns (`out_…`) right of everything the sheet holds, so that nothing
 * of the user's is overwritten: a cell so far right that they would pass Excel's last column (XFD)
 * is refused here, located, so that `validate` says what `score` could not write.
 */
function checkRoomForOutputs(ctx: Ctx, snap: SheetSnapshot, t: ReadTable): void {
  const missing = tableSpec('submissions').columns.filter((c) => c.output && !t.cols.has(c.key)).length;
  if (missing === 0) return;
  let widest = 0;
  let at = 0;
  eachPresent(snap.values, (row, r) => {
    if (row.length > widest) {
      widest = row.length;
      at = r;
    }
  });
  if (widest + missing <= EXCEL_MAX_COLUMNS) return;
  ctx.issues.push(
    issue(
      'workbook.noRoomForOutputs',
      { column: columnName(widest - 1), count: missing, last: columnName(EXCEL_MAX_COLUMNS - 1) },
      { ...(ctx.file ? { file: ctx.file } : {}), sheet: snap.name, cell: a1(at, widest - 1) },
    ),
  );
}

function readSubmissions(ctx: Ctx, snap: SheetSnapshot, framework: Framework | undefined, units: readonly Unit[]): SubmissionsRead {
  const { t, cells } = openTable(ctx, snap, 'submissions');
  checkRoomForOutputs(ctx, snap, t);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const districts = units.filter((u) => u.kind === 'district');
  const { leaves, parents } = leafTable(framework?.nodes ?? []);
  const assessments: Assessment[] = [];
  const submissions: SubmissionMeta[] = [];
  const locations: Record<string, RowRef> = {};
  const firstRow = new Map<string, number>();
  for (const row of t.rows) {
    let unit = cells.code(row, 'unit');
    const criterion = cells.code(row, 'criterion', unit ? { unit } : {});
    if (!unit) {
      ctx.issues.push(issue('workbook.missingValue', { column: 'Mã đơn vị' }, cells.where(row, 'unit', criterion ? { criterion } : {})));
      continue;
    }
    if (!criterion) {
      ctx.issues.push(issue('workbook.missingValue', { column: 'Mã tiêu chí' }, cells.where(row, 'criterion', { unit })));
      continue;
    }
    let who = { unit, criterion };
    const u = unitByCode.get(unit);
    let by = cells.code(row, 'by', who);
    if (!u) {
      ctx.issues.push(issue('workbook.unknownUnit', { code: unit }, cells.where(row, 'unit', who)));
      continue;
    }
    const leaf = leaves.get(criterion);
    if (framework && !leaf) {
      ctx.issues.push(
        issue(parents.has(criterion) ? 'workbook.notALeaf' : 'workbook.unknownCriterion', { code: criterion }, cells.where(row, 'criterion', who)),
      );
      continue;
    }
    // An office answering a district-level criterion it leads: the row is an assessment of the district.
    if (u.kind === 'office' && leaf?.appliesTo && !leaf.appliesTo.includes('office') && districts.length === 1 && leaf.appliesTo.includes('district')) {
      const d = districts[0];
      if (d) {
        by = by ?? unit;
        unit = d.code;
        who = { unit, criterion };
      }
    }
    const assessedKind = unitByCode.get(unit)?.kind ?? u.kind;
    if (leaf?.appliesTo && !leaf.appliesTo.includes(assessedKind)) {
      ctx.issues.push(
        issue('workbook.notForUnitKind', { code: criterion, kind: assessedKind, appliesTo: leaf.appliesTo }, cells.where(row, 'criterion', who), 'warning'),
      );
    }
    const key = assessmentKey(unit, criterion);
    if (firstRow.has(key)) {
      ctx.issues.push(
        issue('workbook.duplicateAssessment', { unit, criterion, firstRow: firstRow.get(key) ?? '' }, cells.where(row, 'criterion', who)),
      );
      continue;
    }
    firstRow.set(key, row.r + 1);
    const max = leaf?.node.max;
    const a: Assessment = { unit, criterion };
    const value = cells.value(row, 'value', who);
    if (value !== undefined) a.value = value;
    const evidence = cells.text(row, 'evidence', who);
    if (evidence) a.evidence = evidence;
    const points = (k: string): number | undefined => {
      const n = cells.number(row, k, who, { min: 0 });
      if (n !== undefined && max !== undefined && n > max + 1e-9) {
        ctx.issues.push(issue('workbook.pointsAboveMax', { value: n, max }, cells.where(row, k, who)));
        return undefined;
      }
      return n;
    };
    const self = points('self');
    if (self !== undefined) a.self = self;
    const explanation = cells.text(row, 'explanation', who);
    if (explanation) a.explanation = explanation;
    const ap1 = points('appraisal1');
    const ap2 = points('appraisal2');
    const reason1 = cells.text(row, 'reason1', who);
    const reason2 = cells.text(row, 'reason2', who);
    if (ap1 !== undefined && ap2 !== undefined) a.appraisal = [ap1, ap2];
    else if (ap1 !== undefined) a.appraisal = [ap1];
    else if (ap2 !== undefined) {
      ctx.issues.push(issue('workbook.round2WithoutRound1', {}, cells.where(row, 'appraisal2', who), 'warning'));
      a.appraisal = [ap2];
    }
    const reason = (ap2 !== undefined ? reason2 : undefined) ?? reason1 ?? reason2;
    if (reason) a.reason = reason;
    const note = cells.text(row, 'note', who);
    if (note) a.note = note;
    assessments.push(a);
    const meta: SubmissionMeta = { unit, criterion };
    const submittedAt = cells.date(row, 'submittedAt', who);
    if (submittedAt) meta.submittedAt = submittedAt;
    const sourceFile = cells.text(row, 'sourceFile', who);
    if (sourceFile) meta.sourceFile = sourceFile;
    if (by) meta.by = by;
    if (reason1 !== undefined || reason2 !== undefined) meta.reasons = [reason1, reason2];
    if (note) meta.note = note;
    submissions.push(meta);
    locations[key] = rowRef(t, row);
  }
  pushAll(ctx.issues, cells.issues);
  return { assessments, submissions, locations };
}

function readRounds(ctx: Ctx, snap: SheetSnapshot): RoundDeadline[] {
  const { t, cells } = openTable(ctx, snap, 'rounds');
  const out: RoundDeadline[] = [];
  for (const row of t.rows) {
    const r = cells.code(row, 'round');
    const round = r ? ROUND_WORDS[fold(r)] : undefined;
    if (!round) {
      ctx.issues.push(
        issue('workbook.badEnum', { value: r ?? '', allowed: ['selfAssessment', 'appraisal1', 'explanation', 'appraisal2'] }, cells.where(row, 'round')),
      );
      continue;
    }
    const deadline = cells.date(row, 'deadline');
    if (!deadline) {
      if (cells.raw(row, 'deadline') === undefined) ctx.issues.push(issue('workbook.missingValue', { column: 'Hạn cuối' }, cells.where(row, 'deadline')));
      continue;
    }
    const d: RoundDeadline = { round, deadline };
    const label = cells.text(row, 'label');
    if (label) d.label = label;
    const start = cells.date(row, 'start');
    if (start) d.start = start;
    const note = cells.text(row, 'note');
    if (note) d.note = note;
    out.push(d);
  }
  pushAll(ctx.issues, cells.issues);
  return out;
}

function readSurveyResponses(ctx: Ctx, snap: SheetSnapshot, unitCodes: ReadonlySet<string>): { rows: SurveyResponseRow[]; items: string[]; sheetRows: number[] } {
  const { t, cells } = openTable(ctx, snap, 'surveyResponses');
  const items = t.extraKeys;
  if (t.headerRow >= 0 && items.length === 0 && t.rows.length > 0) {
    ctx.issues.push(issue('workbook.noSurveyItems', {}, loc(ctx, snap.name, a1(t.headerRow, t.cols.size))));
  }
  const rows: SurveyResponseRow[] = [];
  const sheetRows: number[] = [];
  for (const row of t.rows) {
    const unit = cells.code(row, 'unit');
    if (!unit) {
      ctx.issues.push(issue('workbook.missingValue', { column: 'Mã đơn vị' }, cells.where(row, 'unit')));
      continue;
    }
    if (!unitCodes.has(unit)) {
      ctx.issues.push(issue('workbook.unknownUnit', { code: unit }, cells.where(row, 'unit', { unit })));
      continue;
    }
    const answers: Record<string, number | null> = {};
    for (const item of items) {
      const n = cells.number(row, item, { unit });
      if (n === undefined) answers[item] = null;
      else if (!Number.isInteger(n) || n < 1 || n > 5) {
        // as `parindex sipas` on a CSV: the answer is set aside (a warning), the rest of the form counts
        ctx.issues.push(issue('workbook.answerOutOfScale', { value: n }, cells.where(row, item, { unit }), 'warning'));
        answers[item] = null;
      } else answers[item] = n;
    }
    const r: SurveyResponseRow = { unit, answers };
    const respondent = cells.text(row, 'respondent', { unit });
    if (respondent) r.respondent = respondent;
    const weight = cells.number(row, 'weight', { unit }, { min: 0 });
    if (weight !== undefined) r.weight = weight;
    const device = cells.text(row, 'device', { unit });
    if (device) r.device = device;
    const at = cells.date(row, 'at', { unit });
    if (at) r.at = at;
    sheetRows.push(row.r + 1);
    rows.push(r);
  }
  pushAll(ctx.issues, cells.issues);
  return { rows, items, sheetRows };
}

function readSurveyCounts(ctx: Ctx, snap: SheetSnapshot, unitCodes: ReadonlySet<string>): SurveyCountRow[] {
  const { t, cells } = openTable(ctx, snap, 'surveyCounts');
  const out: SurveyCountRow[] = [];
  for (const row of t.rows) {
    const unit = cells.code(row, 'unit');
    const item = cells.code(row, 'item');
    if (!unit || !item) {
      ctx.issues.push(issue('workbook.missingValue', { column: unit ? 'Mã câu hỏi' : 'Mã đơn vị' }, cells.where(row, unit ? 'item' : 'unit')));
      continue;
    }
    if (!unitCodes.has(unit)) {
      ctx.issues.push(issue('workbook.unknownUnit', { code: unit }, cells.where(row, 'unit', { unit })));
      continue;
    }
    const lv = [1, 2, 3, 4, 5].map((k) => cells.number(row, `level${k}`, { unit }, { min: 0, integer: true }) ?? 0);
    const r: SurveyCountRow = { unit, item, levels: [lv[0] ?? 0, lv[1] ?? 0, lv[2] ?? 0, lv[3] ?? 0, lv[4] ?? 0] };
    const blank = cells.number(row, 'blank', { unit }, { min: 0, integer: true });
    if (blank !== undefined) r.blank = blank;
    out.push(r);
  }
  pushAll(ctx.issues, cells.issues);
  return out;
}

function readSurveyIndices(ctx: Ctx, snap: SheetSnapshot, unitCodes: ReadonlySet<string>): Record<string, Record<string, number>> {
  const { t, cells } = openTable(ctx, snap, 'surveyIndices');
  const out: Record<string, Record<string, number>> = {};
  for (const row of t.rows) {
    const unit = cells.code(row, 'unit');
    const source = cells.code(row, 'source', unit ? { unit } : {});
    if (!unit || !source) {
      ctx.issues.push(issue('workbook.missingValue', { column: unit ? 'Nguồn' : 'Mã đơn vị' }, cells.where(row, unit ? 'source' : 'unit')));
      continue;
    }
    if (!unitCodes.has(unit)) {
      ctx.issues.push(issue('workbook.unknownUnit', { code: unit }, cells.where(row, 'unit', { unit })));
      continue;
    }
    const n = cells.number(row, 'index', { unit }, { min: 0 });
    if (n === undefined) continue;
    if (n > 100) {
      ctx.issues.push(issue('workbook.percentAbove100', { value: n }, cells.where(row, 'index', { unit })));
      continue;
    }
    (out[unit] ??= {})[source] = n;
  }
  pushAll(ctx.issues, cells.issues);
  return out;
}

function readPrevious(ctx: Ctx, snap: SheetSnapshot, unitCodes: ReadonlySet<string>): PreviousResult[] {
  const { t, cells } = openTable(ctx, snap, 'previous');
  const out: PreviousResult[] = [];
  const firstCell = new Map<string, string>();
  for (const row of t.rows) {
    const unit = cells.code(row, 'unit');
    if (!unit) {
      ctx.issues.push(issue('workbook.missingValue', { column: 'Mã đơn vị' }, cells.where(row, 'unit')));
      continue;
    }
    if (!unitCodes.has(unit)) {
      ctx.issues.push(issue('workbook.unknownUnit', { code: unit }, cells.where(row, 'unit', { unit }), 'warning'));
      continue;
    }
    const index = cells.number(row, 'index', { unit }, { min: 0 });
    if (index === undefined) continue;
    const p: PreviousResult = { unit, index };
    const rank = cells.number(row, 'rank', { unit }, { min: 1, integer: true });
    if (rank !== undefined) p.rank = rank;
    const grade = cells.code(row, 'grade', { unit });
    if (grade) p.grade = grade;
    const year = cells.number(row, 'year', { unit }, { integer: true, min: 1900 });
    if (year !== undefined) p.year = year;
    // several years may be given, one row per unit and year
    const key = `${unit}\u0000${year ?? ''}`;
    const first = firstCell.get(key);
    if (first !== undefined) {
      ctx.issues.push(
        issue('periods.duplicatePrevious', { unit, year: year !== undefined ? String(year) : ref('periods.previousNoYear'), first: ref('periods.previousFirstAt', { at: first }) }, cells.where(row, 'unit', { unit })),
      );
      continue;
    }
    firstCell.set(key, cells.where(row, 'unit').cell ?? '');
    out.push(p);
  }
  pushAll(ctx.issues, cells.issues);
  return out;
}

function readPlan(ctx: Ctx, snap: SheetSnapshot, locations: RowRef[]): PlanTaskRow[] {
  const { t, cells } = openTable(ctx, snap, 'plan');
  const out: PlanTaskRow[] = [];
  for (const row of t.rows) {
    const id = cells.code(row, 'id');
    const title = cells.text(row, 'title');
    if (!id || !title) {
      ctx.issues.push(issue('workbook.missingValue', { column: id ? 'Nhiệm vụ' : 'Mã nhiệm vụ' }, cells.where(row, id ? 'title' : 'id')));
      continue;
    }
    const task: PlanTaskRow = { id, title };
    const lead = cells.code(row, 'lead');
    if (lead) task.lead = lead;
    const leadName = cells.text(row, 'leadName');
    if (leadName) task.leadName = leadName;
    const coordinators = cells.list(row, 'coordinators');
    if (coordinators) task.coordinators = coordinators;
    const due = cells.date(row, 'due');
    if (due) task.due = due;
    const criteria = cells.list(row, 'criteria');
    if (criteria) task.criteria = criteria;
    const status = cells.code(row, 'status');
    if (status) task.status = status;
    const reportedAt = cells.date(row, 'reportedAt');
    if (reportedAt) task.reportedAt = reportedAt;
    const note = cells.text(row, 'note');
    if (note) task.note = note;
    for (const k of t.extraKeys) {
      const v = cells.raw(row, k);
      if (v !== undefined) task.extra = { ...task.extra, [k]: v };
    }
    out.push(task);
    locations.push(rowRef(t, row));
  }
  pushAll(ctx.issues, cells.issues);
  return out;
}

/**
 * Read a master workbook from sheet snapshots (one batched read of the port).
 * Never throws: every problem comes back as an issue located by file, sheet, A1 cell,
 * unit and criterion. The scoring document is complete enough to score when there are no
 * errors; `extras` carries what the sheets hold besides it (submission dates, rounds,
 * raw survey rows, plan rows, row locations).
 * @example
 *   const { doc, issues } = readMaster(await port.read(masterSheetNames()), 'master.xlsx');
 */
export function readMaster(
  snapshots: readonly SheetSnapshot[],
  file?: string,
  options: ReadMasterOptions = {},
): { doc: MasterDocument; issues: Issue[] } {
  const ctx: Ctx = { file, issues: [] };
  const sheetOf = (id: MasterTableId): SheetSnapshot | undefined => findTableSheet(snapshots, tableSpec(id));
  const sheets: Partial<Record<string, string>> = {};
  for (const tbl of MASTER_TABLES) {
    const s = sheetOf(tbl.id);
    if (!s) continue;
    sheets[tbl.id] = s.name;
    // text longer than a cell holds: refused, located, so that no written workbook carries it
    for (const [cell, length] of overlongTexts(s.values)) {
      ctx.issues.push(issue('workbook.textTooLong', { length, limit: EXCEL_MAX_TEXT }, { ...(file ? { file } : {}), sheet: s.name, cell }));
    }
  }
  const recognised = looksLikeMaster(snapshots.map((s) => s.name));
  const missingSheet = (id: MasterTableId): void => {
    ctx.issues.push(issue('workbook.missingSheet', { sheet: tableSpec(id).sheet }, file ? { file } : {}));
  };

  const configSnap = sheetOf('config');
  const config: ConfigRead = configSnap ? readConfig(ctx, configSnap) : { meta: {}, settings: {} };

  let framework: Framework | undefined;
  let criteriaLocations: Record<string, RowRef> = {};
  let criteriaRejected: Record<string, string[]> = {};
  const criteriaSnap = sheetOf('criteria');
  if (criteriaSnap) {
    const c = readCriteria(ctx, criteriaSnap);
    criteriaLocations = c.locations;
    criteriaRejected = c.rejected;
    framework = {
      ...config.meta,
      id: config.meta.id ?? 'master',
      name: config.meta.name ?? config.meta.id ?? 'master',
      nodes: c.nodes,
    };
    if (c.nodes.length === 0) ctx.issues.push(issue('workbook.emptyTable', { sheet: criteriaSnap.name }, loc(ctx, criteriaSnap.name)));
  } else if (config.meta.id && options.resolveFramework) {
    const builtin = options.resolveFramework(config.meta.id);
    if (builtin) framework = { ...builtin, ...config.meta, nodes: builtin.nodes };
    else ctx.issues.push(issue('workbook.unknownFramework', { id: config.meta.id }, configSnap ? { ...(file ? { file } : {}), sheet: configSnap.name } : {}));
  } else missingSheet('criteria');

  const unitsSnap = sheetOf('units');
  const unitLocations: Record<string, RowRef> = {};
  const units = unitsSnap ? readUnits(ctx, unitsSnap, unitLocations) : [];
  if (!unitsSnap) missingSheet('units');
  const unitCodes = new Set(units.map((u) => u.code));

  // Lead and coordinating units of the criteria must be known units (warning: a typo leaves gaps unattributed).
  if (framework && unitsSnap && criteriaSnap) {
    for (const [code, ref] of Object.entries(criteriaLocations)) {
      const node = findNode(framework.nodes, code);
      if (!node) continue;
      for (const [key, codes] of [
        ['lead', node.lead ? [node.lead] : []],
        ['coordinators', node.coordinators ?? []],
      ] as const) {
        for (const u of codes) {
          if (!unitCodes.has(u)) {
            const cell = ref.cells[key];
            ctx.issues.push(issue('workbook.unknownUnit', { code: u }, { ...loc(ctx, ref.sheet, cell), criterion: code }, 'warning'));
          }
        }
      }
    }
  }

  const subsSnap = sheetOf('submissions');
  const subs: SubmissionsRead = subsSnap ? readSubmissions(ctx, subsSnap, framework, units) : { assessments: [], submissions: [], locations: {} };

  const roundsSnap = sheetOf('rounds');
  const rounds = roundsSnap ? readRounds(ctx, roundsSnap) : [];

  const survey: MasterExtras['survey'] = {};
  const respSnap = sheetOf('surveyResponses');
  let surveyRows: number[] | undefined;
  if (respSnap) {
    const r = readSurveyResponses(ctx, respSnap, unitCodes);
    if (r.rows.length) {
      survey.responses = r.rows;
      survey.items = r.items;
      surveyRows = r.sheetRows;
    }
  }
  const countSnap = sheetOf('surveyCounts');
  if (countSnap) {
    const c = readSurveyCounts(ctx, countSnap, unitCodes);
    if (c.length) survey.counts = c;
  }
  const idxSnap = sheetOf('surveyIndices');
  if (idxSnap) {
    const i = readSurveyIndices(ctx, idxSnap, unitCodes);
    if (Object.keys(i).length) survey.indices = i;
  }
  const prevSnap = sheetOf('previous');
  const previous = prevSnap ? readPrevious(ctx, prevSnap, unitCodes) : [];
  const planSnap = sheetOf('plan');
  const planLocations: RowRef[] = [];
  const planRows = planSnap ? readPlan(ctx, planSnap, planLocations) : [];

  const extras: MasterExtras = {
    submissions: subs.submissions,
    rounds,
    settings: config.settings,
    survey,
    planRows,
    locations: subs.locations,
    planLocations,
    criteriaLocations,
    ...(Object.keys(criteriaRejected).length > 0 ? { criteriaRejected } : {}),
    unitLocations,
    ...(surveyRows ? { surveyRows } : {}),
    ...(subsSnap ? { submissionsSheet: subsSnap } : {}),
    sheets,
    recognised,
  };
  const doc: MasterDocument = {
    framework: framework ?? { id: config.meta.id ?? 'master', name: config.meta.name ?? 'master', nodes: [] },
    units,
    assessments: subs.assessments,
    extras,
  };
  if (previous.length) doc.previous = previous;
  if (survey.indices) doc.surveyIndices = survey.indices;
  if (survey.responses || survey.counts) {
    doc.sipas = {
      ...(config.settings.sipasMethod ? { method: { item: config.settings.sipasMethod } } : {}),
      ...(survey.responses
        ? {
            responses: survey.responses.map((r) => ({
              unit: r.unit,
              answers: r.answers,
              ...(r.weight !== undefined ? { weight: r.weight } : {}),
              ...(r.respondent !== undefined ? { id: r.respondent } : {}),
              ...(r.device !== undefined ? { device: r.device } : {}),
              ...(r.at !== undefined ? { at: r.at } : {}),
            })),
          }
        : {}),
      ...(survey.counts ? { counts: survey.counts } : {}),
    };
  }
  if (planRows.length) doc.plan = { tasks: planRows };
  else if (config.settings.planId) doc.plan = { builtin: config.settings.planId };
  return { doc, issues: ctx.issues };
}

function findNode(nodes: readonly FrameworkNode[], code: string): FrameworkNode | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const c = n.children ? findNode(n.children, code) : undefined;
    if (c) return c;
  }
  return undefined;
}
