/**
 * Failures of Excel.run turned into located, actionable messages. The pane renders them with
 * its string table (addin/taskpane/i18n.ts), keyed by `code`. Errors are judged by Office's error
 * code, never by the message text: Excel words its messages in the user's language.
 */

export type ExcelFailure =
  | 'excel.notFound'
  | 'excel.protected'
  | 'excel.payloadTooLarge'
  | 'excel.busy'
  | 'excel.invalidArgument'
  | 'excel.accessDenied'
  | 'excel.unsupported'
  | 'excel.stale'
  | 'excel.unknown';

export interface ExcelPortErrorInfo {
  code: ExcelFailure;
  /** What the port was doing: "read", "write", "select", "listSheets". */
  operation: string;
  /** Sheet(s) concerned, when known. */
  sheet?: string;
  cell?: string;
  /** Office's error code and location, for support ("InvalidArgument at Range.values"). */
  detail: string;
}

export class ExcelPortError extends Error {
  readonly info: ExcelPortErrorInfo;
  constructor(info: ExcelPortErrorInfo) {
    super(`${info.code} (${info.operation}${info.sheet ? ` '${info.sheet}'` : ''}${info.cell ? `!${info.cell}` : ''}): ${info.detail}`);
    this.name = 'ExcelPortError';
    this.info = info;
  }
}

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; errorLocation?: unknown; statement?: unknown };
}

function asOfficeError(e: unknown): OfficeLikeError {
  return typeof e === 'object' && e !== null ? (e as OfficeLikeError) : { message: String(e) };
}

const CODE_MAP: Readonly<Record<string, ExcelFailure>> = Object.freeze({
  ItemNotFound: 'excel.notFound',
  InvalidReference: 'excel.notFound',
  AccessDenied: 'excel.accessDenied',
  ApiNotFound: 'excel.unsupported',
  UnsupportedOperation: 'excel.unsupported',
  RequestPayloadSizeLimitExceeded: 'excel.payloadTooLarge',
  ResponsePayloadSizeLimitExceeded: 'excel.payloadTooLarge',
  PayloadTooLarge: 'excel.payloadTooLarge',
  RangeExceedsLimit: 'excel.payloadTooLarge',
  OperationCellsExceedLimit: 'excel.payloadTooLarge',
  InvalidArgument: 'excel.invalidArgument',
  InvalidOperation: 'excel.invalidArgument',
  MergedRangeConflict: 'excel.invalidArgument',
  InvalidOperationInCellEditMode: 'excel.busy',
  ActivityLimitReached: 'excel.busy',
  Conflict: 'excel.busy',
  ServiceNotAvailable: 'excel.busy',
  GeneralException: 'excel.unknown',
});

/** Office's error code of anything Excel.run threw ("" when there is none). */
export function officeCodeOf(e: unknown): string {
  const err = asOfficeError(e);
  return typeof err.code === 'string' ? err.code : typeof err.debugInfo?.code === 'string' ? err.debugInfo.code : '';
}

/**
 * Map anything Excel.run threw to an ExcelPortError naming the operation and sheet. `code`
 * overrides the mapping when the caller found out more (a protected sheet behind AccessDenied).
 */
export function toPortError(e: unknown, operation: string, sheet?: string, cell?: string, code?: ExcelFailure): ExcelPortError {
  if (e instanceof ExcelPortError) return e;
  const err = asOfficeError(e);
  const officeCode = officeCodeOf(e);
  const message = typeof err.message === 'string' ? err.message : '';
  const location = typeof err.debugInfo?.errorLocation === 'string' ? err.debugInfo.errorLocation : '';
  const detail = [officeCode, location && `at ${location}`, message].filter(Boolean).join(' ');
  const info: ExcelPortErrorInfo = { code: code ?? CODE_MAP[officeCode] ?? 'excel.unknown', operation, detail: detail || 'unknown error' };
  if (sheet !== undefined) info.sheet = sheet;
  if (cell !== undefined) info.cell = cell;
  return new ExcelPortError(info);
}
