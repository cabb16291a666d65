/**
 * Rounds and years (docs/periods.md): closing a round, snapshots of a score's inputs, the
 * crosswalk of units and criteria codes across reorganisations, several years in one view.
 */
export { sha256Hex, utf8 } from './sha256';
export { canonicalJson } from './canonical';
export { snapshotOf, snapshotCanonical, type Snapshot, type SnapshotInput } from './snapshot';
export {
  LOCK_SHEET,
  LOCK_SPEC,
  ROUNDS,
  isRound,
  roundParam,
  roundOfField,
  readLocks,
  closedRounds,
  roundHash,
  renderLockSheet,
  whenParam,
  byParam,
  type LockEvent,
  type RoundCode,
} from './lock';
export {
  CROSSWALK_SHEET,
  CROSSWALK_SPEC,
  applyCrosswalk,
  mapCriterion,
  mapPreviousCriteria,
  parseCrosswalk,
  readCrosswalkSheet,
  renderCrosswalkSheet,
  crosswalkEntrySchema,
  type Crosswalk,
  type CrosswalkEntry,
  type CriteriaCrosswalkEntry,
  type MappedPrevious,
  type EntryCells,
} from './crosswalk';
export { splitPreviousByYear, yearsView, spanChange, type PreviousByYear, type YearsView } from './years';
