/**
 * parindex engine — the small public API. Pure TypeScript: no Office, DOM, fs or console.
 * Hosts (CLI, Excel add-in, standalone page) call these functions and render the results.
 */
import type { Framework } from './model/framework';
import type { Issue } from './model/issue';
import { compileFramework, type CompiledFramework } from './scoring/validate';
import { createSession, type ScoreOptions, type ScoreOutcome } from './scoring/document';

/**
 * Validate a criteria set (bộ tiêu chí): schema, then a walk of the tree that reports every
 * problem at once, each with its node path and criterion code (duplicate codes, maxima that do
 * not add up, leaves without max or rule, unknown rule kinds, bad rule parameters, …).
 * `framework` is set when the data has the right shape; `compiled` when there are no errors.
 * @example
 * const { framework, issues } = validateFramework(json);
 * for (const i of issues) messages.push(formatIssue(i, 'vi'));
 */
export function validateFramework(raw: unknown): { framework?: Framework; compiled?: CompiledFramework; issues: Issue[] } {
  return compileFramework(raw);
}

/**
 * Score a scoring document (framework + units + assessments [+ previous, surveyIndices]).
 * `framework` is the criteria set itself or the id of a built-in one ("thanh-xuan-2023").
 * Every unit gets score, max, index (full precision), grade, rank within its kind, areas,
 * gaps and a result tree that mirrors the framework. `ok` is false when the input has errors
 * (they are in `issues`, located by path, unit and criterion); results are still computed
 * when the framework itself is valid.
 * @example
 * const { results, issues, ok } = scoreDocument(JSON.parse(text), { lang: 'vi' });
 * results.units[0] // { code: 'KG', index: 87.5, rank: 3, grade: 'B', … }
 */
export function scoreDocument(doc: unknown, options: ScoreOptions = {}): ScoreOutcome {
  return createSession(doc, options).outcome;
}

export type { ScoreOptions, ScoreOutcome, ScoringSession } from './scoring/document';
export { createSession, parseScoringDocument } from './scoring/document';
export type { CompiledFramework, CompiledNode, FrameworkValidation } from './scoring/validate';
export { compileFramework, DEFAULT_TIE_EPSILON, DEFAULT_TARGET } from './scoring/validate';
export { gradeOf, rankUnits } from './scoring/score';
export { indexBounds, normalCdf, rankWithRange, withRankUncertainty, type UncertaintyInput } from './scoring/uncertainty';
export { qualityLines, qualityReasonName, rankUncertaintyLines, UNSURE_ORDER } from './scoring/insightLines';
export { appraisalRisks, looksLikeReference, riskByUnit, type RiskCode, type RiskInput } from './scoring/risk';
export { readPreviousCriteria, renderPreviousCriteriaSheet, PREVIOUS_CRITERIA_SHEET, PREVIOUS_CRITERIA_COLUMNS } from './workbook/master/previousCriteria';

// Gaps, what-if, target gap
export { whatIf, whatIfSession, sessionFor, type AssessmentChange, type WhatIfResult, type WhatIfUnit, type UnitSnapshot } from './gaps/whatIf';
export { targetGap, type TargetGap } from './gaps/target';
export { allGaps, gapsByArea, gapsByLead, recoverableGaps, type GapRollup, type UnitGap } from './gaps/gaps';

// Built-in data
export { builtinFrameworks, builtinFrameworkInfo, builtinFrameworkIssues, builtinFrameworkSummaries, summarizeFramework, frameworkYears, getBuiltinFramework, unknownBuiltinIssue, builtinUnits, type BuiltinFramework, type FrameworkSummary } from './frameworks';

// Model (types and schemas)
export * from './model/framework';
export * from './model/assessment';
export * from './model/unit';
export * from './model/document';
export * from './model/issue';
export { pushAll, maxOf, minOf, widestRow, presentIndices, eachPresent } from './model/arrays';
export type * from './model/results';

// Messages and display formatting
export { t, formatIssue, formatLocation, formatNumber, formatPercent, formatFixed, formatIndex, formatDate, formatDateTime, isLang, LANGS, messages, isMessageCode, dateParam } from './i18n';
export type { Lang, Catalogue, MessageText, MessageCode } from './i18n';

// Rule kinds
export { ruleKinds, getRuleKind, type RuleKindName } from './rules/registry';
export type { CompiledRule, RuleKind, RuleInput, RuleOutcome, InputSpec, RuleIssue, RuleDefinition } from './rules/types';
export { fold, parseYesNo, parseNumber, parseRate, isNotApplicableValue } from './rules/value';

// SIPAS satisfaction engine and plan tracking (full APIs in engine/sipas and engine/plan).
export { scoreSipas, sipasToSurveyIndices, surveyIndicesFromSipas, builtinSipasInstrument, validateSipasInstrument } from './sipas';
export type { SipasResult } from './sipas';
export { trackPlan, planForResults, builtinPlan2023, validatePlan } from './plan';
export type { PlanReport, PlanJson } from './plan';

// The application layer: the use cases of a round. Hosts call these.
export * from './app';

// What hosts need besides the use cases: the workbook port contract (types and A1 helpers), the one
// cell reader, the sheet contracts the demo generator and the template filler write, and the
// plan/SIPAS text tables the CLI prints. Hosts import from here only (the linter holds the line).
export type { CellStyle, CellValue, ChartSpec, ConditionalFormat, RenderedSheet, SheetInfo, SheetSnapshot, SheetState, Validation, WorkbookPort, WriteOptions } from './workbook/port';
export { a1, columnName, parseA1, rangeA1, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, EXCEL_MAX_TEXT } from './workbook/a1';
export { sheetProtectedInXml, worksheetPartsByName } from './workbook/import/protection';
export { addChartParts, chartXml } from './workbook/charts';
export type { ChartPartsResult, PackageReader, SheetCharts } from './workbook/charts';
export { cellDate, cellNumber, cellText, findTable, isDateFormat, serialToIso } from './workbook/cells';
export { looksLikeMaster, readMaster, renderMasterInputSheets, renderSubmissionsSheet, tableSpec } from './workbook/master';
export type { MasterData, MasterDocument, PlanTaskRow, ReadMasterOptions, RoundDeadline, SubmissionMeta, SurveyCountRow } from './workbook/master';
export { completeness, LOG_SHEET, mergeAssessments, parseFilledTemplate, readLogSheet, renderLogSheet, renderStatusSheet } from './workbook/import';
export type { FilledParse, LogEntry, SubmissionStatus } from './workbook/import';
export { gapsByCriterion, kindLabel, yearsTextLines } from './workbook/output';
export { renderTemplate, templateFileName, templateUnits } from './workbook/template';
export { isTemplateWorkbook } from './workbook/import';
export { assessmentKey } from './workbook/master';
export type { RenderedTemplate, TemplateOptions } from './workbook/template';
export { FOOTER, ROWS, SELF_SHEET, columnIndex } from './workbook/template/layout';
export type { ColumnKey, FooterKey } from './workbook/template/layout';
export { PROGRESS_WORDS, STATUS_SHEET, headTitle, parseQuarter, parseTaskStatusSheet, planFromDocument, planSummaryLines, quarterKey, quarterOf, renderStatusRegister, renderTaskStatusSheet, taskLeadUnits, tasksForUnit, templateStatusSheet } from './plan';
export type { PlanTask } from './plan';
export type { TaskStatus, TrackStatus } from './plan/task';
export { sipasTable, sipasUnitTable, sipasAggregationText, sipasItemText, sipasUnofficialCount, instrumentItems, previousFromResult } from './sipas';
export type { SipasInstrument, SipasUnitResult, ScoreSipasOptions } from './sipas';
export type { SipasAnswer, SipasCount, SipasDocumentInput, SipasResponse } from './sipas/document';
export type { PrecisionFlag, SipasQuality } from './sipas/result';
export { QUALITY_REASONS, DEFAULT_QUALITY, type QualityReason, type QualitySettings, type WeightingSummary } from './sipas';
