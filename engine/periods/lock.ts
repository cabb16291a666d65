/**
 * Closing a round (chốt điểm). A master keeps the closing and reopening of rounds in the sheet
 * "Chốt điểm", one row per act (round, act, time, by whom, reason, the hash of the round's values
 * at that moment), appended, never rewritten. The last act of a round decides: closed → imports
 * and appraisal edits of that round are refused; a scoring finds the round's values changed since
 * closing by their hash.
 */
import { issue, ref, type Issue, type IssueParam, type Location } from '../model/issue';
import type { Assessment } from '../model/assessment';
import type { CellValue, RenderedSheet, SheetSnapshot } from '../workbook/port';
import { locateTable, TableCells, type TableSpec } from '../workbook/master';
import { renderTable } from '../workbook/master/write';
import { fold } from '../workbook/cells';
import { dateParam, type Lang } from '../i18n/format';
import type { MessageCode } from '../i18n';
import { canonicalJson } from './canonical';
import { sha256Hex } from './sha256';
import { pushAll } from '../model/arrays';

export const LOCK_SHEET = 'Chốt điểm';

/** The rounds a master knows (sheet "Vòng đánh giá"). */
export const ROUNDS = ['selfAssessment', 'appraisal1', 'explanation', 'appraisal2'] as const;
export type RoundCode = (typeof ROUNDS)[number];

export function isRound(x: string): x is RoundCode {
  return (ROUNDS as readonly string[]).includes(x);
}

const ROUND_WORDS: Record<RoundCode, MessageCode> = {
  selfAssessment: 'periods.round.selfAssessment',
  appraisal1: 'periods.round.appraisal1',
  explanation: 'periods.round.explanation',
  appraisal2: 'periods.round.appraisal2',
};

/** The round in words, as a message parameter. */
export function roundParam(round: RoundCode): IssueParam {
  return ref(ROUND_WORDS[round]);
}

/** Which imported field belongs to which round. */
export function roundOfField(field: string): RoundCode | undefined {
  if (field === 'explanation') return 'explanation';
  if (field === 'value' || field === 'self' || field === 'evidence' || field === 'notApplicable') return 'selfAssessment';
  return undefined;
}

export interface LockEvent {
  round: RoundCode;
  action: 'lock' | 'reopen';
  /** "yyyy-mm-ddThh:mm" (office clock). */
  at: string;
  by?: string;
  reason?: string;
  /** Hash of the round's values at that moment. */
  sha256?: string;
  /** Where the row is (read from a sheet). */
  where?: Location;
}

export const LOCK_SPEC: TableSpec<'locks'> = {
  id: 'locks',
  sheet: LOCK_SHEET,
  sheetAliases: ['Locks', 'Chot diem'],
  title: { vi: 'Chốt điểm và mở lại các vòng đánh giá', en: 'Rounds closed and reopened' },
  note: {
    vi: 'Phần mềm ghi thêm một dòng mỗi lần chốt hoặc mở lại (parindex lock); không sửa, không xoá dòng. Mã băm là dấu vết số liệu của vòng lúc đó.',
    en: 'The software appends a row each time a round is closed or reopened (parindex lock); do not edit or delete rows. The hash fingerprints the round\'s values at that moment.',
  },
  columns: [
    { key: 'round', vi: 'Vòng', en: 'Round', type: 'code', required: true, width: 16 },
    { key: 'roundName', vi: 'Tên vòng', en: 'Round name', type: 'text', info: true, width: 18 },
    { key: 'action', vi: 'Thao tác', en: 'Action', type: 'code', required: true, width: 10 },
    { key: 'at', vi: 'Thời điểm', en: 'At', type: 'text', required: true, width: 18 },
    { key: 'by', vi: 'Người thực hiện', en: 'By', type: 'text', width: 22 },
    { key: 'reason', vi: 'Lý do', en: 'Reason', type: 'text', width: 40 },
    { key: 'sha256', vi: 'Mã băm số liệu vòng (SHA-256)', en: 'Hash of the round\'s values (SHA-256)', type: 'text', width: 66 },
  ],
};

const LOCK_WORDS = new Set(['lock', 'chot', 'close', 'closed', 'da chot']);
const REOPEN_WORDS = new Set(['reopen', 'mo lai', 'reopened', 'da mo lai']);

/** Read "Chốt điểm" (absent: nothing closed). */
export function readLocks(snapshots: readonly SheetSnapshot[], file?: string): { events: LockEvent[]; issues: Issue[] } {
  const names = [LOCK_SPEC.sheet, ...LOCK_SPEC.sheetAliases].map((n) => fold(n));
  const snap = snapshots.find((s) => names.includes(fold(s.name)));
  if (!snap) return { events: [], issues: [] };
  const t = locateTable(snap, LOCK_SPEC, file);
  const cells = new TableCells(snap, file);
  const events: LockEvent[] = [];
  const issues: Issue[] = [...t.issues];
  for (const row of t.rows) {
    const round = cells.code(row, 'round') ?? '';
    const act = fold(cells.text(row, 'action') ?? '');
    const atRaw = cells.raw(row, 'at');
    const at = typeof atRaw === 'string' ? atRaw.trim() : '';
    const action = LOCK_WORDS.has(act) ? 'lock' : REOPEN_WORDS.has(act) ? 'reopen' : undefined;
    if (!isRound(round) || !action || !/^\d{4}-\d{2}-\d{2}/.test(at)) {
      issues.push(issue('periods.badLockRow', {}, cells.where(row, 'round')));
      continue;
    }
    const by = cells.text(row, 'by');
    const reason = cells.text(row, 'reason');
    const sha = cells.text(row, 'sha256');
    events.push({ round, action, at, ...(by ? { by } : {}), ...(reason ? { reason } : {}), ...(sha ? { sha256: sha } : {}), where: cells.where(row, 'sha256') });
  }
  pushAll(issues, cells.issues);
  return { events, issues };
}

/** Rounds closed now: the last act of each round, when it is a closing. */
export function closedRounds(events: readonly LockEvent[]): Map<RoundCode, LockEvent> {
  const last = new Map<RoundCode, LockEvent>();
  for (const e of events) last.set(e.round, e);
  const out = new Map<RoundCode, LockEvent>();
  for (const r of ROUNDS) {
    const e = last.get(r);
    if (e && e.action === 'lock') out.set(r, e);
  }
  return out;
}

/** The round's own values of one assessment (what closing the round freezes). */
function roundValues(a: Assessment, round: RoundCode): Record<string, unknown> {
  switch (round) {
    case 'selfAssessment':
      return { value: a.value, self: a.self, evidence: a.evidence, notApplicable: a.notApplicable };
    case 'explanation':
      return { explanation: a.explanation };
    case 'appraisal1':
      return { points: a.appraisal?.[0] };
    case 'appraisal2':
      return { points: a.appraisal?.[1] };
  }
}

/**
 * Hash of one round's values over every unit × criterion (canonical JSON, sorted by unit and
 * criterion; rows with nothing for the round left out, so an empty row added later changes nothing).
 */
export function roundHash(assessments: readonly Assessment[], round: RoundCode): string {
  const rows: unknown[] = [];
  const sorted = [...assessments].sort((x, y) => (x.unit === y.unit ? (x.criterion < y.criterion ? -1 : x.criterion > y.criterion ? 1 : 0) : x.unit < y.unit ? -1 : 1));
  for (const a of sorted) {
    const v = roundValues(a, round);
    if (Object.values(v).every((x) => x === undefined || x === null || x === '')) continue;
    rows.push({ unit: a.unit, criterion: a.criterion, ...v });
  }
  return sha256Hex(canonicalJson({ round, rows }));
}

/** "28/11/2023 09:00" in both languages. */
export function whenParam(iso: string): IssueParam {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  const d = dateParam(iso.slice(0, 10));
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return time ? { vi: `${d.vi} ${time}`, en: `${d.en} ${time}` } : d;
}

/** " bởi Nguyễn Văn A" when the closing names who did it. */
export function byParam(e: LockEvent): IssueParam {
  return e.by ? ref('periods.byWhom', { by: e.by }) : '';
}

/** "Chốt điểm" with every act. */
export function renderLockSheet(events: readonly LockEvent[], lang: Lang): RenderedSheet {
  const words = { lock: { vi: 'chốt', en: 'lock' }, reopen: { vi: 'mở lại', en: 'reopen' } };
  const rows: Record<string, CellValue>[] = events.map((e) => ({
    round: e.round,
    roundName: null,
    action: words[e.action][lang],
    at: e.at,
    by: e.by ?? null,
    reason: e.reason ?? null,
    sha256: e.sha256 ?? null,
  }));
  const sheet = renderTable(LOCK_SPEC, rows, { lang });
  return sheet;
}
