/**
 * Failures of Excel.run turned into located, actionable messages. The pane renders them with
 * its string table (addin/taskpane/i18n.ts), keyed by `code`.
 */

export type ExcelFailure =
  | 'excel.notFound'
  | 'excel.protected'
  | 'excel.payloadTooLarge'
  | 'excel.busy'
  | 'excel.invalidArgument'
  | 'excel.accessDenied'
  | 'excel.unsupported'
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
  InvalidArgument: 'excel.invalidArgument',
  InvalidOperation: 'excel.invalidArgument',
  ActivityLimitReached: 'excel.busy',
  Conflict: 'excel.busy',
  ServiceNotAvailable: 'excel.busy',
  GeneralException: 'excel.unknown',
});

/** Map anything Excel.run threw to an ExcelPortError naming the operation and sheet. */
export function toPortError(e: unknown, operation: string, sheet?: string, cell?: string): ExcelPortError {
  if (e instanceof ExcelPortError) return e;
  const err = asOfficeError(e);
  const officeCode = typeof err.code === 'string' ? err.code : typeof err.debugInfo?.code === 'string' ? err.debugInfo.code : '';
  const message = typeof err.message === 'string' ? err.message : '';
  let code: ExcelFailure = CODE_MAP[officeCode] ?? 'excel.unknown';
  if (/protect/i.test(message) || (officeCode === 'AccessDenied' && /sheet/i.test(message))) code = 'excel.protected';
  const location = typeof err.debugInfo?.errorLocation === 'string' ? err.debugInfo.errorLocation : '';
  const detail = [officeCode, location && `at ${location}`, message].filter(Boolean).join(' ');
  const info: ExcelPortErrorInfo = { code, operation, detail: detail || 'unknown error' };
  if (sheet !== undefined) info.sheet = sheet;
  if (cell !== undefined) info.cell = cell;
  return new ExcelPortError(info);
}
