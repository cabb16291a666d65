/**
 * The report step: score a round (a master's sheets or a JSON document) as the score step does,
 * then build the official report as data (engine/report). The CLI (`parindex report`) and the
 * task pane render the same ReportDocument (files/report writes the .docx).
 */
import { hasErrors, issue, type Issue } from '../model/issue';
import type { Lang } from '../i18n/format';
import type { SheetSnapshot } from '../workbook/port';
import { buildReport, type ReportDocument, type ReportInput, type ReportOptions } from '../report/model';
import { parseQuarter, quarterEnd } from '../plan/dates';
import { unitSchema } from '../model/unit';
import { scoreDocumentRound, scoreMasterRound, type ScoreRound } from './score';

export interface ReportRoundOptions extends Omit<ReportOptions, 'lang'> {
  lang: Lang;
  /** File name used to locate issues. */
  file?: string;
  /** "Today" for plan status (yyyy-mm-dd); default: the end of `quarter`, else the engine's default. */
  asOf?: string;
}

export interface ReportRound {
  /** Absent when the input has errors (a report is never made from erroneous data) or nothing was scored. */
  report?: ReportDocument;
  issues: Issue[];
  round: ScoreRound;
}

/** "2023-Q4" exactly (the CLI's `--quarter`); undefined when malformed. */
export function reportQuarter(text: string): string | undefined {
  return /^\d{4}-Q[1-4]$/.test(text) ? text : undefined;
}

function asOfFor(options: ReportRoundOptions): string | undefined {
  if (options.asOf) return options.asOf;
  const q = options.quarter !== undefined ? parseQuarter(options.quarter) : undefined;
  return q ? quarterEnd(q) : undefined;
}

function reportOptions(options: Omit<ReportRoundOptions, 'file' | 'asOf'> & Partial<Pick<ReportRoundOptions, 'file' | 'asOf'>>): ReportOptions {
  const { file: _file, asOf: _asOf, ...rest } = options;
  return rest;
}

/**
 * The report from a round already scored (the pane holds one after "compute"): results, SIPAS,
 * plan (else the results' own) and the unit list. Undefined when nothing was scored.
 */
export function reportFromRound(
  round: Partial<Pick<ScoreRound, 'results' | 'sipas' | 'plan' | 'master' | 'scoring'>> & { units?: ReportInput['units'] },
  options: Omit<ReportRoundOptions, 'file' | 'asOf'>,
): ReportDocument | undefined {
  if (!round.results || round.results.units.length === 0) return undefined;
  const units = round.units ?? round.master?.doc.units ?? round.scoring?.units;
  const input: ReportInput = {
    results: round.results,
    ...(round.sipas ? { sipas: round.sipas } : {}),
    ...(round.plan ? { plan: round.plan } : {}),
    ...(units ? { units } : {}),
  };
  return buildReport(input, reportOptions({ ...options }));
}

function finish(round: ScoreRound, options: ReportRoundOptions, extraUnits?: ReportInput['units']): ReportRound {
  const issues = [...round.issues];
  if (hasErrors(issues) || !round.results) return { issues, round };
  if (round.results.units.length === 0) return { issues: [...issues, issue('report.nothingScored', {}, options.file !== undefined ? { file: options.file } : {})], round };
  const units = round.master?.doc.units ?? round.scoring?.units ?? extraUnits;
  const report = buildReport(
    { results: round.results, ...(round.sipas ? { sipas: round.sipas } : {}), ...(round.plan ? { plan: round.plan } : {}), ...(units ? { units } : {}) },
    reportOptions(options),
  );
  return { report, issues, round };
}

/**
 * Score a master's sheets (nothing is rendered or written) and build the report.
 * @example const { report, issues } = reportForMaster(await port.read(sheetsToRead(names)), { lang: 'vi', quarter: '2023-Q4', date: '2023-12-20' });
 */
export function reportForMaster(snapshots: readonly SheetSnapshot[], options: ReportRoundOptions): ReportRound {
  const asOf = asOfFor(options);
  const round = scoreMasterRound(snapshots, { lang: options.lang, render: false, ...(options.file !== undefined ? { file: options.file } : {}), ...(asOf ? { asOf } : {}) });
  return finish(round, options);
}

/** Score a JSON scoring document and build the report. */
export function reportForDocument(raw: unknown, options: ReportRoundOptions): ReportRound {
  const asOf = asOfFor(options);
  const round = scoreDocumentRound(raw, { lang: options.lang, ...(options.file !== undefined ? { file: options.file } : {}), ...(asOf ? { asOf } : {}) });
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const units = unitSchema.array().safeParse(obj['units']);
  return finish(round, options, units.success ? units.data : undefined);
}
