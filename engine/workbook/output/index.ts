/**
 * Output sheets the software owns: rendered as pure data (RenderedSheet), written whole by a
 * port on every run, each marked "parindex:<name>".
 */
import type { RenderedSheet } from '../port';
import type { Lang } from '../../i18n/format';
import type { FrameworkNode } from '../../model/framework';
import type { ResultsDocument } from '../../model/results';
import type { SipasResult } from '../../sipas/result';
import type { PlanReport } from '../../plan/track';
import { renderPlanStatusSheet, renderQuarterlyReport } from '../../plan/sheets/report';
import { OUTPUT_SHEETS } from './common';
import type { Issue } from '../../model/issue';
import { contextOf, renderIssuesSheet, renderGapsSheet, renderRankingSheet, renderResultsSheet, renderSipasSheet, renderSummarySheet } from './sheets';
import { pushAll } from '../../model/arrays';
import { renderYearsSheet } from './years';

export { OUTPUT_SHEETS, COLOURS as OUTPUT_COLOURS, FMT as OUTPUT_FORMATS, kindLabel } from './common';
export type { OutputSheetId } from './common';
export { MAX_LISTED_ISSUES, renderIssuesSheet, renderResultsSheet, renderRankingSheet, renderGapsSheet, renderSipasSheet, renderSummarySheet, gapsByCriterion, gapsByLead, contextOf } from './sheets';
export type { OutputContext } from './sheets';
export { renderYearsSheet, yearsTextLines, YEARS_SHEET } from './years';
export { computeSubmissionOutputs, applyComputedColumns, outputChecksum } from './submissions';
export type { ComputedRow } from './submissions';

export interface OutputOptions {
  lang?: Lang;
  /** Framework tree, for names and order (defaults to the results' trees). */
  nodes?: readonly FrameworkNode[];
  /** Names of all units by code (lead offices that are not scored). */
  unitNames?: Record<string, string>;
  sipas?: SipasResult;
  /** Plan tracking: adds "Kế hoạch - theo dõi" and "Báo cáo quý" (plan module renderers). */
  planReport?: PlanReport;
  /** Sheets rendered elsewhere (submission status, plan tracking), written after ours. */
  extraSheets?: readonly RenderedSheet[];
  /** Issues to list on the "Kiểm tra dữ liệu" sheet (always written, so a stale list never survives). */
  issues?: readonly Issue[];
}

/**
 * All output sheets for a results document, in workbook order:
 * Tổng hợp, Kết quả, Xếp hạng, Điểm bị trừ, Qua các năm (when past years are known), SIPAS (when
 * survey results exist), then extras.
 * @example await port.write(renderOutputSheets(results, { lang: 'vi', nodes: doc.framework.nodes }))
 */
export function renderOutputSheets(results: ResultsDocument, options: OutputOptions = {}): RenderedSheet[] {
  const ctx = contextOf(results, options.lang ?? 'vi', options.nodes, options.unitNames);
  const out: RenderedSheet[] = [
    renderSummarySheet(results, ctx, options.sipas),
    renderResultsSheet(results, ctx),
    renderRankingSheet(results, ctx),
    renderGapsSheet(results, ctx),
  ];
  // each unit's index and rank over the years, when previous results carry years (engine/periods/years.ts)
  const years = renderYearsSheet(results, ctx);
  if (years) out.push(years);
  if (options.sipas && options.sipas.units.length) out.push(renderSipasSheet(options.sipas, ctx));
  if (options.planReport) {
    out.push(renderPlanStatusSheet(options.planReport, { lang: ctx.lang }));
    out.push(renderQuarterlyReport(options.planReport, results, options.sipas, options.planReport.quarter, ctx.lang));
  }
  pushAll(out, (options.extraSheets ?? []));
  out.push(renderIssuesSheet(options.issues ?? [], ctx));
  return out;
}

/** Is this sheet name one the software owns (rewritten whole)? */
export function isOutputSheet(name: string): boolean {
  return Object.values(OUTPUT_SHEETS).some((s) => s.name === name);
}
