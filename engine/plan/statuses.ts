/**
 * Units' status reports as data: merging newly imported reports into the register, the plan
 * sheet's status column as a fallback, and a task's overall status from its leads' statuses.
 * Pure; no sheets here (the register as a sheet is in ./sheets/statusRegister).
 */
import type { TaskStatus, TrackStatus } from './task';

/** Key of one report: one unit, one task, one quarter. */
function reportKey(s: TaskStatus): string {
  return `${s.unit.trim()}|${s.task.trim()}|${s.quarter.trim()}`;
}

/** Key of a unit × task pair (any quarter). */
function pairKey(s: TaskStatus): string {
  return `${s.task.trim()}|${s.unit.trim()}`;
}

/** Whether `incoming` replaces `current` (same unit, task and quarter): unless it is known to be older. */
function replaces(current: TaskStatus, incoming: TaskStatus): boolean {
  if (current.reportedAt && incoming.reportedAt) return incoming.reportedAt >= current.reportedAt;
  return true;
}

/**
 * Merge newly imported reports into the register's rows (the import step):
 * - one row per unit × task × quarter; an incoming row replaces the row of the same unit, task
 *   and quarter — unless both carry `reportedAt` and the incoming one is older (a resent old file
 *   does not undo a newer report); with equal or unknown dates the later one in the lists wins;
 * - every other row is kept: other units' rows, other quarters, and this unit's rows for tasks its
 *   new sheet leaves blank (a blank row is "not reported this time", not a withdrawal);
 * - order: the existing rows in place (a replaced row keeps its position), then new rows in the
 *   order they come.
 * @example
 *   const { statuses } = readStatusRegister(registerSnapshot, 'master.xlsx');
 *   const all = mergeStatuses(statuses, parsed.statuses); // → renderStatusRegister(all)
 */
export function mergeStatuses(existing: readonly TaskStatus[], incoming: readonly TaskStatus[]): TaskStatus[] {
  const map = new Map<string, TaskStatus>();
  for (const s of [...existing, ...incoming]) {
    const k = reportKey(s);
    const current = map.get(k);
    if (!current || replaces(current, s)) map.set(k, s);
  }
  return [...map.values()];
}

/**
 * Reports plus fallback rows (the plan sheet's status column) for the unit × task pairs that
 * have no report at all: a unit's own report, of any quarter, always wins over the fallback.
 * @example withFallback(registerStatuses, planSheetStatuses)
 */
export function withFallback(reported: readonly TaskStatus[], fallback: readonly TaskStatus[]): TaskStatus[] {
  const has = new Set(reported.map(pairKey));
  return [...reported, ...fallback.filter((s) => !has.has(pairKey(s)))];
}

/**
 * Severity order of a task's overall status, worst first: a task is `done` only when every lead
 * unit is done; otherwise it takes the first of these that any lead unit has.
 */
export const OVERALL_ORDER: readonly Exclude<TrackStatus, 'done'>[] = Object.freeze(['late', 'notStarted', 'notReported', 'onTrack'] as const);

/**
 * Overall status of a task from its lead units' statuses (see OVERALL_ORDER); no lead units:
 * `notReported`.
 * @example overallStatus(['done', 'notReported', 'onTrack']) // 'notReported'
 */
export function overallStatus(statuses: readonly TrackStatus[]): TrackStatus {
  if (statuses.length === 0) return 'notReported';
  if (statuses.every((s) => s === 'done')) return 'done';
  for (const s of OVERALL_ORDER) if (statuses.includes(s)) return s;
  return 'onTrack';
}
