/**
 * Rounds and years for the CLI (Node host): close or reopen a round of a master file into a new
 * file; check a published results workbook against its master. The steps are engine/app's.
 */
import * as path from 'node:path';
import { checkPublished, issue, localIso, lockRound, scoreDocumentRound, scoreMasterRound, type Issue, type Lang, type LockOutcome } from '../engine';
import { isWorkbookFile, openRoundFile } from './scoreWorkbook';
import { openXlsxFile, readJsonFile, samePath, saveXlsxAtomically } from './node';

export interface LockFileOptions {
  lang: Lang;
  round: string;
  by?: string;
  reopen?: boolean;
  reason?: string;
  /** "yyyy-mm-ddThh:mm"; default now (office clock). */
  now?: string;
}

/** Close (or reopen) a round of `masterPath`, written to `outPath` (never over the input). */
export async function lockFile(masterPath: string, outPath: string, options: LockFileOptions): Promise<LockOutcome & { outPath?: string }> {
  if (samePath(masterPath, outPath)) return { ok: false, issues: [issue('cli.sameFile', { file: outPath }, { file: path.basename(outPath) })], sheets: [] };
  const master = await openRoundFile(masterPath);
  if (!master.port) return { ok: false, issues: master.issues, sheets: [] };
  const r = lockRound(master.snapshots, {
    lang: options.lang,
    round: options.round,
    now: options.now ?? localIso(new Date()),
    file: master.label,
    ...(options.by !== undefined ? { by: options.by } : {}),
    ...(options.reopen ? { reopen: true } : {}),
    ...(options.reason !== undefined ? { reason: options.reason } : {}),
  });
  if (!r.ok) return r;
  await master.port.write(r.sheets);
  const saved = await saveXlsxAtomically(master.port, outPath, { inputPath: masterPath });
  if (saved.length) return { ...r, ok: false, issues: [...r.issues, ...saved] };
  return { ...r, outPath };
}

/** `parindex validate results.xlsx --against master.xlsx|document.json`: the published hash against the master's inputs now. */
export async function validateAgainst(resultsPath: string, masterPath: string, lang: Lang): Promise<{ ok: boolean; issues: Issue[]; message: string }> {
  const label = path.basename(resultsPath);
  const opened = await openXlsxFile(resultsPath, label);
  if (!opened.port) return { ok: false, issues: opened.issues, message: '' };
  const names = (await opened.port.listSheets()).map((s) => s.name);
  const summary = await opened.port.read(names.filter((n) => n === 'Tổng hợp'));
  const masterLabel = path.basename(masterPath);
  let masterHash: string | undefined;
  if (/\.json$/i.test(masterPath) && !(await isWorkbookFile(masterPath))) {
    // a scoring document (JSON, with its `locks`) is a master too
    const read = await readJsonFile(masterPath, masterLabel);
    if (read.issues.length > 0) return { ok: false, issues: read.issues, message: '' };
    masterHash = scoreDocumentRound(read.raw, { lang, file: masterLabel }).results?.snapshot?.sha256;
  } else {
    const master = await openRoundFile(masterPath);
    if (!master.port) return { ok: false, issues: master.issues, message: '' };
    masterHash = scoreMasterRound(master.snapshots, { lang, file: master.label, render: false }).results?.snapshot?.sha256;
  }
  // a results workbook scored in place is itself a master: its own inputs are checked too
  const own = await openRoundFile(resultsPath);
  const ownHash = own.port ? scoreMasterRound(own.snapshots, { lang, file: label, render: false }).results?.snapshot?.sha256 : undefined;
  return checkPublished(summary, masterHash, { lang, file: label, master: masterLabel, ...(ownHash ? { ownHash } : {}) });
}
