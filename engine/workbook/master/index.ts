/**
 * The master workbook contract: sheets, keyed columns, reader and writer.
 * See spec.ts for the layout (hidden key row 3, headers row 4, data from row 5).
 */
export * from './spec';
export * from './types';
export { readMaster, findTableSheet, masterSheetNames, looksLikeMaster, parseGrades, formatGrades } from './read';
export type { ReadMasterOptions } from './read';
export { renderMasterInputSheets, renderSubmissionsSheet, renderTable, frameworkLeaves, MASTER_COLOURS } from './write';
export type { RenderOptions, RowValues, SubmissionsExtras } from './write';
export { locateTable, TableCells, serialToIso, isoToSerial, parseDateText } from './table';
export type { ReadTable, TableRow } from './table';
export { scoreMaster, locateIssues } from './score';
export type { ScoreFn, MasterScore } from './score';
export { submissionStatus } from './status';
export type { UnitSubmission } from './status';
