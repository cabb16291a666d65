/**
 * `parindex score master.xlsx` and `parindex validate master.xlsx` on files: open the workbook with
 * the exceljs port, call the engine's application layer (engine/app), write the sheets it returns
 * into a NEW file — temp file then rename — never touching the input. No step of the round lives here.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { hasErrors, issue, scoreMasterRound, checkMaster, sheetsToRead, isMasterWorkbook } from '../engine';
import type { Issue, Lang, ScoreRound, ScoreTarget, MasterCheck } from '../engine';
import type { SheetSnapshot } from '../engine';
import type { ExcelJsPort } from './port';
import { openXlsxFile, saveXlsxAtomically, samePath } from './node';

export interface ScoreWorkbookOptions {
  /** Output path; default `<input>-ket-qua.xlsx` beside the input (none with `json` unless given). */
  out?: string;
  /** Results are wanted as JSON: no file is written unless `out` is given. */
  json?: boolean;
  lang: Lang;
  /** ISO date used as "today" (plan status, late submissions). */
  asOf?: string;
  target?: ScoreTarget;
  unit?: string;
}

export interface ScoreWorkbookResult extends Partial<ScoreRound> {
  issues: Issue[];
  outPath?: string;
}

/**
 * Is the file a workbook by its content, whatever its name: a zip (an .xlsx, an .xlsm, an .ods…)
 * or an OLE2 container (an .xls, an encrypted workbook)? Such a file goes to the workbook reader,
 * which says what it is (file.ods, file.xls, file.encrypted) or reads it as .xlsx; never to the
 * JSON reader. False when the file cannot be read (the caller reports it missing).
 */
export async function isWorkbookFile(filePath: string): Promise<boolean> {
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(filePath, 'r');
    const head = new Uint8Array(8);
    const { bytesRead } = await fh.read(head, 0, 8, 0);
    if (bytesRead < 4) return false;
    const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
    const ole2 = bytesRead === 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => head[i] === b);
    return zip || ole2;
  } catch {
    return false;
  } finally {
    await fh?.close();
  }
}

/** `master.xlsx` (or .xlsm, .xls, .ods) → `master-ket-qua.xlsx` in the same folder. */
export function defaultResultsPath(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.(?:xlsx|xlsm|xls|ods)$/i, '');
  return path.join(dir, `${base}-ket-qua.xlsx`);
}

/** Read the sheets a round needs (one batched read), as every host does. */
export async function readRoundSheets(port: ExcelJsPort): Promise<SheetSnapshot[]> {
  return (await readRound(port)).snapshots;
}

async function readRound(port: ExcelJsPort): Promise<{ names: string[]; snapshots: SheetSnapshot[] }> {
  const names = (await port.listSheets()).map((s) => s.name);
  return { names, snapshots: await port.read(sheetsToRead(names)) };
}

/** Open a workbook file and read the sheets a round needs. Issues are located at the file's base name. */
export async function openRoundFile(input: string): Promise<{ port?: ExcelJsPort; snapshots: SheetSnapshot[]; names: string[]; issues: Issue[]; label: string }> {
  const label = path.basename(input);
  const opened = await openXlsxFile(input, label);
  if (!opened.port) return { issues: opened.issues, snapshots: [], names: [], label };
  const read = await readRound(opened.port);
  return { port: opened.port, ...read, issues: [], label };
}

/**
 * Score a master workbook file and write the results workbook (the input's sheets with the
 * owned output sheets rewritten and the computed columns beside "Kê khai" updated in place).
 * Refuses to write over the input (issue `cli.sameFile`).
 * @example const { results, issues, outPath } = await scoreWorkbookFile('master.xlsx', { lang: 'vi' });
 */
export async function scoreWorkbookFile(input: string, options: ScoreWorkbookOptions): Promise<ScoreWorkbookResult> {
  const opened = await openRoundFile(input);
  if (!opened.port) return { issues: opened.issues };
  return scoreLoadedWorkbook(opened.port, opened.snapshots, input, options);
}

/**
 * The part of `scoreWorkbookFile` after the file is open: for callers that hold the workbook in
 * memory (the demo, after entering appraisal scores). `input` is the path it came from (never written).
 */
export async function scoreLoadedWorkbook(port: ExcelJsPort, snapshots: readonly SheetSnapshot[], input: string, options: ScoreWorkbookOptions): Promise<ScoreWorkbookResult> {
  const label = path.basename(input);
  const wantFile = options.out !== undefined || !options.json;
  const sheetNames = (await port.listSheets()).map((s) => s.name);
  const round = scoreMasterRound(snapshots, {
    lang: options.lang,
    sheetNames,
    file: label,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.target ? { target: options.target } : {}),
    ...(options.unit !== undefined ? { unit: options.unit } : {}),
    render: wantFile,
  });
  const result: ScoreWorkbookResult = { ...round, issues: round.issues };
  if (!wantFile || round.sheets.length === 0) return result;
  const outPath = options.out ?? defaultResultsPath(input);
  if (samePath(input, outPath)) {
    result.issues = [...round.issues, issue('cli.sameFile', { file: outPath }, { file: path.basename(outPath) })];
    return result;
  }
  await port.write(round.sheets);
  const saveIssues = await saveXlsxAtomically(port, outPath, { inputPath: input });
  result.issues = [...round.issues, ...saveIssues];
  if (!hasErrors(saveIssues)) result.outPath = outPath;
  return result;
}

export interface ValidateMasterResult extends Partial<Omit<MasterCheck, 'kind'>> {
  kind: MasterCheck['kind'] | 'unreadable';
  issues: Issue[];
}

/** Check a master workbook file fully (engine/app `checkMaster`). Reads only; the file is never written. */
export async function validateMasterFile(input: string, lang: Lang): Promise<ValidateMasterResult> {
  const opened = await openRoundFile(input);
  if (!opened.port) return { kind: 'unreadable', issues: opened.issues };
  return checkMaster(opened.snapshots, { lang, file: opened.label });
}

export { isMasterWorkbook };
