/**
 * Plan tracking: the plan's tasks (lead units, deadlines, criteria served, targets), the units'
 * quarterly status sheets, tracking against deadlines per unit, the late list and the quarterly report.
 * Everything here is pure: plain data and sheet snapshots in, data and RenderedSheets out.
 *
 * Two layers, one-way: the domain (this folder's files) never imports engine/workbook nor
 * ./sheets; ./sheets renders and reads the plan's sheets with engine/workbook's port types.
 * This barrel exports both, as callers have always used it.
 *
 * @example Score output (`results.plan`, see CONTRACTS), from the document's raw `plan` part
 *   const p = planForResults(doc.plan, outcome.results, { units: doc.units, asOf: '2023-09-30' });
 *   outcome.results.plan = p.plan; // { tasks, late, uncovered, … }
 *
 * @example The same by hand
 *   const report = trackPlan({ plan: builtinPlan2023, statuses, asOf: '2023-09-30', results });
 *   results.plan = planJson(report);
 *
 * @example Import step: units' new reports into the register (one row per unit × task × quarter)
 *   const all = mergeStatuses(readStatusRegister(snap).statuses, parsed.statuses);
 *   await port.write([renderStatusRegister(all)]);
 *
 * @example Score step: the register's statuses with the document's plan part
 *   const p = planForResults(doc.plan, results, { units: doc.units, asOf, statuses: register.statuses });
 *
 * @example Unit template: one status sheet per unit and quarter
 *   const sheet = renderTaskStatusSheet(builtinPlan2023.tasks, 'KG', '2023-Q3');
 *
 * @example Import: read a returned sheet
 *   const { statuses, issues } = parseTaskStatusSheet(snapshot, 'KG', 'KG.xlsx', { tasks: builtinPlan2023.tasks });
 *
 * @example Reports
 *   const sheets = [renderQuarterlyReport(report, results, sipas, '2023-Q3', 'vi'), renderPlanStatusSheet(report)];
 *
 * @example Register as a sheet (other years)
 *   const { tasks, issues } = readTaskSheet(snapshot, 'master.xlsx');
 *   const sheet = renderTaskSheet(tasks);
 */
export {
  planSchema,
  planTaskSchema,
  planTargetSchema,
  planSectionSchema,
  taskStatusSchema,
  progressSchema,
  recurrenceSchema,
  TRACK_STATUSES,
  type Plan,
  type PlanInput,
  type PlanTask,
  type PlanTaskInput,
  type PlanTarget,
  type PlanSection,
  type TaskStatus,
  type Progress,
  type Recurrence,
  type TrackStatus,
} from './task';
export { builtinPlan2023, builtinPlans, getBuiltinPlan, validatePlan, checkPlan, planFromDocument, taskDue, type ValidatePlanOptions } from './register';
export { defaultPlanUnits, expandUnitCode, taskLeadUnits, taskCoordinatorUnits, tasksForUnit, LEAD_GROUPS, type TaskRole } from './units';
export { parseDateText, parseQuarter, quarterKey, quarterOf, quarterEnd, quarterStart, quarterLabel, compareQuarters, type Quarter } from './dates';
export { PROGRESS_WORDS, progressFromWord } from './words';
export {
  trackPlan,
  planJson,
  judgeAssignment,
  headTitle,
  type TrackPlanInput,
  type PlanReport,
  type PlanTaskReport,
  type Assignment,
  type LateEntry,
  type LateStatus,
  type ResponsibilityEntry,
  type UnitPlanReport,
  type UnitStatus,
  type UncoveredCriterion,
  type ReportTarget,
  type TaskGapLink,
  type PlanJson,
} from './track';
export { mergeStatuses, withFallback, overallStatus, OVERALL_ORDER } from './statuses';
export { formatTarget, parseTarget } from './targets';
export { taskRows, type TaskRow } from './rows';
export { planForResults, type PlanForResultsOptions, type PlanForResults } from './document';
export { measureTarget, type SipasLike, type IndicatorSources, type IndicatorValue } from './indicators';
export { planSummaryLines, statusLabel, statusLine } from './summary';
export type { PlanResults, PlanTaskResult, PlanLateResult, PlanUnitStatusResult, PlanTrackStatus } from '../model/results';

// sheets (render / read): the only part of engine/plan that uses engine/workbook's sheet types
export {
  renderTaskStatusSheet,
  templateStatusSheet,
  parseTaskStatusSheet,
  STATUS_SHEET,
  STATUS_SHEET_ALIASES,
  STATUS_MARKER,
  STATUS_COLUMNS,
  type RenderStatusOptions,
  type ParseStatusOptions,
  type ParseStatusResult,
  renderTaskSheet,
  readTaskSheet,
  TASK_SHEET,
  TASK_SHEET_ALIASES,
  TASK_MARKER,
  TASK_COLUMNS,
  renderStatusRegister,
  readStatusRegister,
  STATUS_REGISTER_SHEET,
  STATUS_REGISTER_MARKER,
  STATUS_REGISTER_COLUMNS,
  renderQuarterlyReport,
  renderPlanStatusSheet,
  QUARTERLY_REPORT_SHEET,
  QUARTERLY_REPORT_MARKER,
  PLAN_STATUS_SHEET,
  PLAN_STATUS_MARKER,
  type QuarterlyReportOptions,
} from './sheets';
