/**
 * Rounds and years in the application layer (docs/periods.md): closing and reopening a round,
 * the guards that refuse changes to a closed round (import, appraisal), the check that a closed
 * round's values did not change behind the software's back, the crosswalk of last year's units,
 * the snapshot every score carries, and the check of a published result against its master.
 */
import { hasErrors, issue, ref, type Issue, type Location } from '../model/issue';
import type { Lang } from '../i18n/format';
import type { PreviousResult } from '../model/assessment';
import type { ResultsDocument, UnitResult } from '../model/results';
import type { ScoringDocument } from '../model/document';
import { previousResultSchema } from '../model/assessment';
import type { CellValue, RenderedSheet, SheetSnapshot } from '../workbook/port';
import { findTableSheet, locateTable, TableCells, tableSpec, type MasterDocument } from '../workbook/master';
import { LOG_SHEET, readLogSheet, renderLogSheet, type LogEntry } from '../workbook/import';
import { OUTPUT_SHEETS } from '../workbook/output';
import { SELF_SHEET } from '../workbook/template/layout';
import { t } from '../i18n';
import {
  applyCrosswalk,
  byParam,
  closedRounds,
  isRound,
  parseCrosswalk,
  readCrosswalkSheet,
  readLocks,
  renderLockSheet,
  roundHash,
  roundOfField,
  roundParam,
  ROUNDS,
  snapshotOf,
  splitPreviousByYear,
  whenParam,
  yearsView,
  type PreviousByYear,
  type Crosswalk,
  type LockEvent,
  type RoundCode,
  type Snapshot,
} from '../periods';
import { openMaster } from './master';
import { pushAll } from '../model/arrays';

export interface LockOptions {
  lang: Lang;
  round: string;
  /** "yyyy-mm-ddThh:mm" (localIso). */
  now: string;
  /** Who closes (or reopens) the round, as the user wrote it. */
  by?: string;
  /** Reopen instead of close; needs `reason`. */
  reopen?: boolean;
  reason?: string;
  /** Master file name, to locate issues and the log. */
  file?: string;
}

export interface LockOutcome {
  ok: boolean;
  issues: Issue[];
  /** "Chốt điểm" and "Nhật ký nhập" to write into the new master (empty when not ok). */
  sheets: RenderedSheet[];
  event?: LockEvent;
  /** What was done, in words. */
  message?: string;
}

/**
 * Close a round of a master (or reopen it, with a reason). The act is appended to "Chốt điểm"
 * with the hash of the round's values, and to the audit log "Nhật ký nhập".
 * @example const r = lockRound(snaps, { lang: 'vi', round: 'appraisal1', now: '2023-12-05T16:00', by: 'Phòng Nội vụ' }); await port.write(r.sheets);
 */
export function lockRound(snapshots: readonly SheetSnapshot[], options: LockOptions): LockOutcome {
  const fileLoc = options.file !== undefined ? { file: options.file } : {};
  const m = openMaster(snapshots, fileLoc);
  if (!m.isMaster) return { ok: false, issues: [issue('workbook.notMaster', {}, fileLoc)], sheets: [] };
  const round = options.round;
  if (!isRound(round)) return { ok: false, issues: [issue('periods.unknownRound', { round, known: [...ROUNDS] }, fileLoc)], sheets: [] };
  const read = readLocks(snapshots, options.file);
  if (hasErrors(read.issues)) return { ok: false, issues: read.issues, sheets: [] };
  const closed = closedRounds(read.events).get(round);
  const sha256 = roundHash(m.doc.assessments, round);
  const by = options.by?.trim();
  let event: LockEvent;
  if (options.reopen) {
    const reason = options.reason?.trim();
    if (!reason) return { ok: false, issues: [issue('periods.reasonRequired', { round: roundParam(round) }, fileLoc)], sheets: [] };
    if (!closed) return { ok: false, issues: [issue('periods.notLocked', { round: roundParam(round) }, fileLoc)], sheets: [] };
    event = { round, action: 'reopen', at: options.now, reason, sha256, ...(by ? { by } : {}) };
  } else {
    if (closed) return { ok: false, issues: [issue('periods.alreadyLocked', { round: roundParam(round), at: whenParam(closed.at) }, { ...fileLoc, ...(closed.where ?? {}) })], sheets: [] };
    const reason = options.reason?.trim();
    event = { round, action: 'lock', at: options.now, sha256, ...(by ? { by } : {}), ...(reason ? { reason } : {}) };
  }
  const events = [...read.events.map(({ where: _w, ...e }) => e), event];
  const lang = options.lang;
  const words = { lock: { vi: 'chốt', en: 'closed' }, reopen: { vi: 'mở lại', en: 'reopened' }, open: { vi: 'mở', en: 'open' } };
  const entry: LogEntry = {
    time: options.now,
    file: options.file ?? '',
    by: by ?? '',
    unit: '',
    criterion: round,
    field: event.action,
    old: event.action === 'lock' ? words.open[lang] : words.lock[lang],
    new: event.action === 'lock' ? `${words.lock[lang]} · SHA-256 ${sha256}` : `${words.reopen[lang]} · ${event.reason ?? ''}`,
  };
  const log = [...readLogSheet(snapshots.find((s) => s.name === LOG_SHEET)), entry];
  const message =
    event.action === 'lock'
      ? t('periods.locked', { round: roundParam(round), at: whenParam(event.at), sha256 }, lang)
      : t('periods.reopened', { round: roundParam(round), at: whenParam(event.at), reason: event.reason ?? '' }, lang);
  return { ok: true, issues: [], sheets: [renderLockSheet(events, lang), renderLogSheet(log, lang)], event, message };
}

/** The closing of a round as message parameters. */
function closedParams(e: LockEvent): Record<string, ReturnType<typeof roundParam>> {
  return { round: roundParam(e.round), at: whenParam(e.at), by: byParam(e) };
}

/**
 * The import's guard: the fields a file would change (the merge log) in closed rounds. One error
 * per file, at the first changed cell in the unit's file, naming the round and when it was closed.
 */
export function closedRoundChanges(log: readonly LogEntry[], locks: readonly LockEvent[], file: string): Issue[] {
  const closed = closedRounds(locks);
  if (closed.size === 0) return [];
  const issues: Issue[] = [];
  for (const round of ROUNDS) {
    const e = closed.get(round);
    if (!e) continue;
    const hits = log.filter((x) => roundOfField(x.field) === round);
    const first = hits[0];
    if (!first) continue;
    issues.push(
      issue(
        'periods.roundLocked',
        { ...closedParams(e), code: round, file, count: hits.length, unit: first.unit, criterion: first.criterion },
        { file, unit: first.unit, criterion: first.criterion, ...(first.cell ? { sheet: SELF_SHEET, cell: first.cell } : {}) },
      ),
    );
  }
  return issues;
}

/** The appraisal guard: edits that change points of a closed appraisal round are refused (each named). */
export function guardAppraisalEdits<E extends { unit: string; criterion: string; appraisal: number[] }>(doc: MasterDocument, edits: readonly E[]): { edits: E[]; issues: Issue[] } {
  const closed = closedRounds(doc.extras.locks ?? []);
  if (closed.size === 0) return { edits: [...edits], issues: [] };
  const current = new Map(doc.assessments.map((a) => [`${a.unit}|${a.criterion}`, a.appraisal ?? []]));
  const kept: E[] = [];
  const issues: Issue[] = [];
  for (const e of edits) {
    const before = current.get(`${e.unit}|${e.criterion}`) ?? [];
    const changed = ([['appraisal1', 0], ['appraisal2', 1]] as const).find(([r, i]) => closed.has(r) && before[i] !== e.appraisal[i]);
    const lock = changed ? closed.get(changed[0]) : undefined;
    if (lock) {
      issues.push(issue('periods.appraisalLocked', { ...closedParams(lock), unit: e.unit, criterion: e.criterion }, { unit: e.unit, criterion: e.criterion, ...(lock.where?.file ? { file: lock.where.file } : {}) }));
      continue;
    }
    kept.push(e);
  }
  return { edits: kept, issues };
}

/** Closed rounds whose values differ from their hash at closing: one error each, at the lock row. */
export function changedAfterLock(doc: Pick<ScoringDocument, 'assessments'>, locks: readonly LockEvent[]): Issue[] {
  const issues: Issue[] = [];
  for (const [round, e] of closedRounds(locks)) {
    if (!e.sha256) continue;
    const now = roundHash(doc.assessments, round);
    if (now !== e.sha256) issues.push(issue('periods.changedAfterLock', { round: roundParam(round), at: whenParam(e.at), locked: e.sha256.slice(0, 12), now: now.slice(0, 12) }, e.where ?? {}));
  }
  return issues;
}

/** What a round needs besides the scoring document: closed rounds, crosswalk, raw previous, rounds. */
export interface RoundPeriods {
  locks: LockEvent[];
  crosswalk?: Crosswalk;
  previous?: PreviousResult[];
  rounds?: { round: string; deadline?: string; start?: string }[];
  issues: Issue[];
}

/** Read "Chốt điểm" and "Chuyển đổi đơn vị" of a master (openMaster keeps them in `doc.extras`). */
export function readMasterPeriods(snapshots: readonly SheetSnapshot[], file?: string): { locks: LockEvent[]; crosswalk?: Crosswalk; oldPrevious: PreviousResult[]; issues: Issue[] } {
  const l = readLocks(snapshots, file);
  const c = readCrosswalkSheet(snapshots, file);
  // "Năm trước" rows of old units the crosswalk names (the master reader keeps only this year's units)
  const oldPrevious: PreviousResult[] = [];
  const issuesOld: Issue[] = [];
  const seen = new Map<string, string>();
  const sources = new Set((c.crosswalk?.units ?? []).map((e) => e.from));
  const snap = sources.size ? findTableSheet(snapshots, tableSpec('previous')) : undefined;
  if (snap) {
    const t = locateTable(snap, tableSpec('previous'), file);
    const cells = new TableCells(snap, file);
    for (const row of t.rows) {
      const unit = cells.code(row, 'unit');
      if (!unit || !sources.has(unit)) continue;
      const index = cells.number(row, 'index', { unit }, { min: 0 });
      if (index === undefined) continue;
      const rank = cells.number(row, 'rank', { unit }, { min: 1, integer: true });
      const grade = cells.code(row, 'grade', { unit });
      const year = cells.number(row, 'year', { unit }, { integer: true, min: 1900 });
      const key = `${unit}\u0000${year ?? ''}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issuesOld.push(issue('periods.duplicatePrevious', { unit, year: year !== undefined ? String(year) : ref('periods.previousNoYear'), first: ref('periods.previousFirstAt', { at: first }) }, cells.where(row, 'unit', { unit })));
        continue;
      }
      seen.set(key, cells.where(row, 'unit').cell ?? '');
      oldPrevious.push({ unit, index, ...(rank !== undefined ? { rank } : {}), ...(grade ? { grade } : {}), ...(year !== undefined ? { year } : {}) });
    }
    pushAll(issuesOld, cells.issues.filter((i) => i.unit !== undefined && sources.has(i.unit)));
  }
  return { locks: l.events, ...(c.crosswalk ? { crosswalk: c.crosswalk } : {}), oldPrevious, issues: [...l.issues, ...c.issues, ...issuesOld] };
}

/** The periods parts of a JSON scoring document: `crosswalk`, `criteriaCrosswalk`, `rounds`, `locks`. */
export function documentPeriods(obj: Record<string, unknown>): RoundPeriods {
  const issues: Issue[] = [];
  const cw = parseCrosswalk({ crosswalk: obj['crosswalk'], criteriaCrosswalk: obj['criteriaCrosswalk'] });
  pushAll(issues, cw.issues);
  const locks: LockEvent[] = [];
  if (Array.isArray(obj['locks'])) {
    for (const x of obj['locks'] as unknown[]) {
      if (typeof x !== 'object' || x === null) continue;
      const r = x as Record<string, unknown>;
      const round = typeof r['round'] === 'string' ? r['round'] : '';
      if (!isRound(round)) continue;
      const action = r['action'] === 'reopen' ? 'reopen' : 'lock';
      locks.push({ round, action, at: typeof r['at'] === 'string' ? r['at'] : '', ...(typeof r['sha256'] === 'string' ? { sha256: r['sha256'] } : {}) });
    }
  }
  const rounds = Array.isArray(obj['rounds'])
    ? (obj['rounds'] as unknown[]).flatMap((x) => {
        if (typeof x !== 'object' || x === null) return [];
        const r = x as Record<string, unknown>;
        if (typeof r['round'] !== 'string') return [];
        return [{ round: r['round'], ...(typeof r['deadline'] === 'string' ? { deadline: r['deadline'] } : {}), ...(typeof r['start'] === 'string' ? { start: r['start'] } : {}) }];
      })
    : undefined;
  const prev = previousResultSchema.array().safeParse(obj['previous']);
  return { locks, ...(cw.crosswalk ? { crosswalk: cw.crosswalk } : {}), ...(prev.success ? { previous: prev.data } : {}), ...(rounds ? { rounds } : {}), issues };
}

/**
 * Last year's results on this year's units (crosswalk applied). Without a crosswalk the previous
 * results are returned as given and `from` is empty.
 */
export function previousOnUnits(previous: readonly PreviousResult[] | undefined, crosswalk: Crosswalk | undefined, units: readonly string[]): { previous?: PreviousResult[]; from: Map<string, string[]>; issues: Issue[] } {
  const from = new Map<string, string[]>();
  if (!crosswalk || crosswalk.units.length === 0 || !previous) return { ...(previous ? { previous: [...previous] } : {}), from, issues: [] };
  const mapped = applyCrosswalk(previous, crosswalk.units, units, crosswalk.unitCells);
  for (const p of mapped.previous) from.set(p.unit, p.from);
  return { previous: mapped.previous.map(({ from: _f, ...p }) => p), from, issues: mapped.issues };
}

/**
 * Previous results over the years: the same unit and year twice is refused (located by `where`),
 * the latest past year goes to year-over-year change (crosswalk applied), every year to the view.
 */
export function previousOverYears(
  previous: readonly PreviousResult[] | undefined,
  crosswalk: Crosswalk | undefined,
  units: readonly string[],
  currentYear: number | undefined,
  where?: (i: number) => Location,
): { previous?: PreviousResult[]; from: Map<string, string[]>; split?: PreviousByYear; issues: Issue[] } {
  if (!previous) return { from: new Map(), issues: [] };
  const split = splitPreviousByYear(previous, currentYear, where);
  const onUnits = previousOnUnits(split.latest, crosswalk, units);
  const issues = [...split.issues, ...onUnits.issues];
  // a unit that is in no list this year (after the crosswalk): warned here at its own entry, since
  // the scoring step sees only the latest year's entries and would name the wrong position
  const known = new Set(units);
  const kept = onUnits.previous?.filter((p) => {
    if (known.has(p.unit)) return true;
    if (!where) {
      const at = split.latestAt[split.latest.findIndex((q) => q.unit === p.unit)] ?? 0;
      issues.push(issue('scoring.unknownUnit', { unit: p.unit }, { path: ['previous', at], unit: p.unit }, 'warning'));
    }
    return false;
  });
  return { ...(kept ? { previous: kept } : {}), from: onUnits.from, split, issues };
}

/** Put `previous.from` on the units, the snapshot and the several-years view on the results. */
export function finishResults(
  results: ResultsDocument,
  from: ReadonlyMap<string, string[]>,
  snapshot: Snapshot | undefined,
  years?: { split?: PreviousByYear | undefined; crosswalk?: Crosswalk | undefined },
): ResultsDocument {
  const units: UnitResult[] = results.units.map((u) => {
    const f = from.get(u.code);
    return u.previous && f ? { ...u, previous: { ...u.previous, from: f } } : u;
  });
  const view = years?.split ? yearsView(years.split, years.crosswalk, { units }) : undefined;
  return { ...results, units, ...(snapshot ? { snapshot } : {}), ...(view ? { years: view } : {}) };
}

/** The snapshot of a scored document with its periods. */
export function snapshotFor(document: ScoringDocument, p: Omit<RoundPeriods, 'issues'>): Snapshot {
  return snapshotOf({
    document,
    ...(p.previous ? { previous: p.previous } : {}),
    ...(p.crosswalk ? { crosswalk: p.crosswalk } : {}),
    ...(p.rounds ? { rounds: p.rounds } : {}),
    locked: [...closedRounds(p.locks).keys()],
  });
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Add the snapshot to "Tổng hợp" (two rows below its tables, columns A–B; charts sit from column J). */
export function withSnapshotRows(sheets: readonly RenderedSheet[], snapshot: Snapshot, lang: Lang): RenderedSheet[] {
  return sheets.map((s) => {
    if (s.name !== OUTPUT_SHEETS.summary.name) return s;
    const values: CellValue[][] = [...s.values];
    const start = values.length + 1;
    values[start] = [t('snapshot.label', {}, lang), snapshot.sha256];
    values[start + 1] = [t('snapshot.lockedLabel', {}, lang), snapshot.locked.length ? snapshot.locked.join(', ') : t('snapshot.none', {}, lang)];
    values[start + 2] = [t('snapshot.note', {}, lang)];
    const styles = [...(s.styles ?? []), { range: `A${start + 1}:A${start + 2}`, style: { bold: true } }, { range: `A${start + 3}`, style: { italic: true, fontColor: '595959' } }];
    const out: RenderedSheet = { ...s, values, styles };
    if (s.printArea) out.printArea = s.printArea.replace(/(\$?)(\d+)$/, (_m, d: string, n: string) => `${d}${Math.max(Number(n), start + 3)}`);
    return out;
  });
}

/** The hash written on "Tổng hợp" of a results workbook, if any. */
export function publishedSnapshot(snapshots: readonly SheetSnapshot[]): string | undefined {
  const s = snapshots.find((x) => x.name === OUTPUT_SHEETS.summary.name);
  if (!s) return undefined;
  let found: string | undefined;
  s.values.forEach((row) => {
    row?.forEach((v) => {
      if (typeof v === 'string' && HEX64.test(v.trim())) found = v.trim();
    });
  });
  return found;
}

/**
 * Check a published result against its master: the hash on the result's "Tổng hợp" must equal
 * the master's snapshot now; when the result is itself a master (scored in place), its own inputs
 * are checked too. `masterHash` comes from scoring the master (scoreMasterRound(...).results.snapshot).
 */
export function checkPublished(
  result: readonly SheetSnapshot[],
  masterHash: string | undefined,
  opts: { lang: Lang; file: string; master: string; ownHash?: string },
): { ok: boolean; issues: Issue[]; message: string } {
  const published = publishedSnapshot(result);
  const loc = { file: opts.file, sheet: OUTPUT_SHEETS.summary.name };
  if (!published) {
    const i = issue('snapshot.noHash', { file: opts.file }, loc);
    return { ok: false, issues: [i], message: t(i.code, i.params, opts.lang) };
  }
  const issues: Issue[] = [];
  if (opts.ownHash && opts.ownHash !== published) issues.push(issue('snapshot.stale', { file: opts.file, published: published.slice(0, 12), actual: opts.ownHash.slice(0, 12) }, loc, 'warning'));
  if (masterHash !== published) {
    const i = issue('snapshot.mismatch', { file: opts.file, master: opts.master, published: published.slice(0, 12), actual: (masterHash ?? '?').slice(0, 12) }, loc);
    issues.push(i);
    return { ok: false, issues, message: t(i.code, i.params, opts.lang) };
  }
  return { ok: true, issues, message: t('snapshot.match', { file: opts.file, master: opts.master, sha256: published }, opts.lang) };
}

export type { RoundCode };
