/**
 * One call for hosts that score a document with a `plan` part: read the plan (any of its shapes),
 * track it against the results, and give the `plan` section of the results document.
 */
import type { Issue } from '../model/issue';
import type { Unit } from '../model/unit';
import type { ResultsDocument } from '../model/results';
import type { FrameworkNode } from '../model/framework';
import type { Lang } from '../i18n';
import type { TaskStatus } from './task';
import { checkPlan, planFromDocument } from './register';
import { parseQuarter, quarterEnd } from './dates';
import { planJson, trackPlan, type PlanJson, type PlanReport } from './track';
import { pushAll } from '../model/arrays';

export interface PlanForResultsOptions {
  units?: readonly Unit[];
  /** Review date (yyyy-mm-dd). Default: the latest completion date or quarter end seen, else 31/12 of the plan year. */
  asOf?: string;
  /** Reporting quarter ("2023-Q3"); default: the quarter of `asOf`. */
  quarter?: string;
  lang?: Lang;
  /** Framework nodes: criteria codes named by tasks are checked against them (warnings). */
  frameworkNodes?: readonly FrameworkNode[];
  /**
   * The units' reports from the master's register ("Tiến độ - tổng hợp", `readStatusRegister`) or
   * parsed from their sheets, taken with the document's own `statuses`. The plan sheet's status
   * column counts only for single-lead tasks that no report covers.
   */
  statuses?: readonly TaskStatus[];
}

export interface PlanForResults {
  /** The `plan` part of the results document; absent when the plan could not be read. */
  plan?: PlanJson;
  report?: PlanReport;
  issues: Issue[];
}

/**
 * The plan section of a results document from the document's raw `plan` part.
 * Issues carry JSON paths under `plan`; errors in the plan data never stop scoring.
 * @example
 *   const outcome = scoreDocument(doc, { asOf: '2023-09-30' });
 *   if (doc.plan !== undefined) {
 *     const p = planForResults(doc.plan, outcome.results, { units: doc.units, asOf: '2023-09-30' });
 *     outcome.results.plan = p.plan; // { tasks, late, uncovered, … }
 *     pushAll(outcome.issues, p.issues);
 *   }
 */
export function planForResults(rawPlan: unknown, results: ResultsDocument | undefined, options: PlanForResultsOptions = {}): PlanForResults {
  const read = planFromDocument(rawPlan, { ...(options.units ? { units: options.units } : {}), ...(options.asOf ? { asOf: options.asOf } : {}) });
  const issues = [...read.issues];
  if (!read.plan) return { issues };
  if (options.frameworkNodes)
    pushAll(
      issues,
      checkPlan(read.plan, { frameworkNodes: options.frameworkNodes, ...(options.units ? { units: options.units } : {}) })
        .filter((i) => i.code === 'plan.unknownCriterion')
        .map((i) => ({ ...i, path: ['plan', ...(i.path ?? [])] })),
    );
  const statuses = [...read.statuses, ...(options.statuses ?? [])];
  const asOf = options.asOf ?? defaultAsOf(read.plan.year, [...statuses, ...read.fallback]);
  const report = trackPlan({
    plan: read.plan,
    statuses,
    fallback: read.fallback,
    asOf,
    ...(options.units ? { units: options.units } : {}),
    ...(options.quarter ? { quarter: options.quarter } : {}),
    ...(results ? { results } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
  });
  pushAll(issues, report.issues);
  return { plan: planJson(report), report, issues };
}

/** Without a review date: the end of the latest quarter anyone reported on, else the plan's year end. */
function defaultAsOf(year: number, statuses: readonly TaskStatus[]): string {
  const quarters = statuses.map((s) => s.quarter).sort();
  const last = quarters[quarters.length - 1];
  const q = last ? parseQuarter(last) : undefined;
  if (q) return quarterEnd(q);
  return `${year > 0 ? year : 2000}-12-31`;
}
