/**
 * The application layer: the use cases of a round, pure (sheet snapshots and documents in;
 * sheets to write, issues and summaries out). Every host — the CLI, the standalone page, the
 * Excel task pane — calls these and nothing deeper, so one master gives the same sheets
 * through every door.
 *
 *   open a master      openMaster, sheetsToRead, isMasterWorkbook
 *   set up             builtins, newMasterSheets
 *   send templates     buildTemplates (templatesFor on an opened master)
 *   collect & check    importSubmissions
 *   appraise           applyAppraisals
 *   score              scoreMasterRound (workbook), scoreDocumentRound (JSON)
 *   check              checkMaster
 *   analyse            runWhatIf, leavesOf, templateUnitsOf
 */
export { openMaster, sheetsToRead, isMasterWorkbook, countLeaves, type OpenedMaster } from './master';
export { scoreMasterRound, scoreDocumentRound, renderScoredSheets, type ScoreRound, type ScoreRoundOptions, type ScoreTarget, type RoundCounts } from './score';
export { buildTemplates, templatesFor, existingTemplateProblem, type BuildTemplatesOptions, type BuildTemplatesResult, type TemplateFile, type ExistingFile } from './templates';
export { templateFileIssues, unitForTemplateFile, MAX_TEMPLATE_FILE_NAME } from '../workbook/template/fileName';
export { importSubmissions, localIso, type FilledInput, type ImportOptions, type ImportOutcome, type ImportStatus } from './import';
export { builtins, newMasterSheets, applyAppraisals, checkMaster, runWhatIf, templateUnitsOf, leavesOf, type AppraisalEdit, type MasterCheck } from './steps';
export { reportForMaster, reportForDocument, reportFromRound, reportQuarter, type ReportRound, type ReportRoundOptions } from './report';
export { buildReport, type ReportBlock, type ReportChart, type ReportColumn, type ReportDocument, type ReportFacts, type ReportInput, type ReportOptions } from '../report/model';
export { explainCriterion, explainForDocument, explainForMaster, explanationLines, type CellRef, type CriterionExplanation, type ExplainedRound, type ExplainOptions, type ExplainResult } from './explain';
export { risksOfDocument, risksOfImport, risksOfMaster, risksOfSession } from './insight';
export {
  lockRound,
  checkPublished,
  publishedSnapshot,
  closedRoundChanges,
  guardAppraisalEdits,
  changedAfterLock,
  previousOnUnits,
  type LockOptions,
  type LockOutcome,
} from './periods';
export { LOCK_SHEET, CROSSWALK_SHEET, ROUNDS, closedRounds, roundHash, snapshotOf, sha256Hex, applyCrosswalk, renderCrosswalkSheet, spanChange, splitPreviousByYear, yearsView, type YearsView, type Crosswalk, type LockEvent, type Snapshot } from '../periods';
export { cellLayout, cellTarget, type CellLayout, type CellLayoutOptions, type CellTarget } from './cellTarget';
export { errorsToFix } from './errorsToFix';
