/**
 * Opening a master workbook: sheet snapshots → the master document, the units' plan statuses and
 * every issue, located on cells. The first step of every use case of a round.
 */
import { getBuiltinFramework } from '../frameworks';
import type { Issue } from '../model/issue';
import type { SheetSnapshot } from '../workbook/port';
import { looksLikeMaster, masterSheetNames, readMaster, type MasterDocument } from '../workbook/master';
import { isOutputSheet } from '../workbook/output';
import { readStatusRegister, STATUS_REGISTER_SHEET } from '../plan';
import type { TaskStatus } from '../plan/task';
import { pushAll } from '../model/arrays';
import { readMasterPeriods } from './periods';

export interface OpenedMaster {
  /** Whether the sheets look like a master workbook at all (else `doc` is empty). */
  isMaster: boolean;
  doc: MasterDocument;
  /** Units' quarterly task statuses from "Tiến độ - tổng hợp" (empty when the sheet is absent). */
  statuses: TaskStatus[];
  /** Reader issues (sheets, cells, criteria set), located at `file`. */
  issues: Issue[];
  /** Whether the master holds a criteria set and units (something to score or send). */
  scorable: boolean;
  snapshots: readonly SheetSnapshot[];
  file?: string;
}

/**
 * The sheets a host should read for a round: every master sheet present (canonical names and
 * aliases), the status register, and the user's own sheets — never the software's output sheets.
 * @example const snaps = await port.read(sheetsToRead((await port.listSheets()).map((s) => s.name)));
 */
export function sheetsToRead(available: readonly string[]): string[] {
  const wanted = new Set([...masterSheetNames(), STATUS_REGISTER_SHEET]);
  return available.filter((n) => wanted.has(n) || (!isOutputSheet(n) && !n.startsWith('_')));
}

/** Does a workbook with these sheet names look like a master? */
export function isMasterWorkbook(names: readonly string[]): boolean {
  return looksLikeMaster(names);
}

/**
 * Read a master from its sheets. A master may name a built-in criteria set instead of carrying
 * its own criteria sheet.
 * @example const m = openMaster(snapshots, { file: 'master.xlsx' }); if (m.scorable) …
 */
export function openMaster(snapshots: readonly SheetSnapshot[], options: { file?: string } = {}): OpenedMaster {
  const file = options.file;
  const isMaster = looksLikeMaster(snapshots.map((s) => s.name));
  const { doc, issues } = readMaster(snapshots, file, { resolveFramework: (id) => getBuiltinFramework(id) });
  // rounds closed ("Chốt điểm") and the crosswalk ("Chuyển đổi đơn vị"): engine/periods
  const periods = readMasterPeriods(snapshots, file);
  pushAll(issues, periods.issues);
  doc.extras.locks = periods.locks;
  if (periods.crosswalk) doc.extras.crosswalk = periods.crosswalk;
  if (periods.oldPrevious.length > 0) {
    // last year's units the crosswalk maps are not unknown units
    const old = new Set(periods.oldPrevious.map((p) => p.unit));
    doc.previous = [...(doc.previous ?? []), ...periods.oldPrevious];
    const kept = issues.filter((i) => !(i.code === 'workbook.unknownUnit' && i.sheet === doc.extras.sheets['previous'] && i.unit !== undefined && old.has(i.unit)));
    issues.length = 0;
    pushAll(issues, kept);
  }
  const reg = snapshots.find((s) => s.name === STATUS_REGISTER_SHEET);
  const register = reg ? readStatusRegister(reg, file) : undefined;
  if (register) pushAll(issues, register.issues);
  const out: OpenedMaster = {
    isMaster,
    doc,
    statuses: register?.statuses ?? [],
    issues,
    scorable: isMaster && doc.framework.nodes.length > 0 && doc.units.length > 0,
    snapshots,
  };
  if (file !== undefined) out.file = file;
  return out;
}

/** Count the leaves (criteria that are scored) of a criteria tree. */
export function countLeaves(nodes: readonly { children?: readonly unknown[] | undefined }[]): number {
  let n = 0;
  const walk = (ns: readonly { children?: readonly unknown[] | undefined }[]): void => {
    for (const x of ns) {
      if (x.children && x.children.length) walk(x.children as readonly { children?: readonly unknown[] }[]);
      else n++;
    }
  };
  walk(nodes);
  return n;
}
