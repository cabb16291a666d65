/**
 * Plan sheets: the "Kế hoạch" task sheet, the units' "Tiến độ nhiệm vụ" status sheet, the master's
 * "Tiến độ - tổng hợp" register, and the output sheets ("Báo cáo quý", "Kế hoạch - theo dõi").
 * These render and read sheet data (engine/workbook's port types and A1 helpers); the plan's
 * domain (engine/plan outside this folder) never imports them nor engine/workbook.
 */
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
} from './statusSheet';
export { renderTaskSheet, readTaskSheet, TASK_SHEET, TASK_SHEET_ALIASES, TASK_MARKER, TASK_COLUMNS } from './taskSheet';
export { renderStatusRegister, readStatusRegister, STATUS_REGISTER_SHEET, STATUS_REGISTER_MARKER, STATUS_REGISTER_COLUMNS } from './statusRegister';
export {
  renderQuarterlyReport,
  renderPlanStatusSheet,
  QUARTERLY_REPORT_SHEET,
  QUARTERLY_REPORT_MARKER,
  PLAN_STATUS_SHEET,
  PLAN_STATUS_MARKER,
  type QuarterlyReportOptions,
} from './report';
