/**
 * Issues: every problem found in data is returned as a value, never thrown.
 * Wording lives in the message catalogues (engine/i18n), keyed by `code`.
 */
export type Severity = 'error' | 'warning' | 'info';

/** Where a problem is — any subset of file, sheet, A1 cell, JSON path, unit, criterion. */
export interface Location {
  file?: string;
  sheet?: string;
  /** A1-style address, e.g. "F14". */
  cell?: string;
  /** Path inside a JSON document or a framework tree, e.g. ["nodes", 0, "children", 2]. */
  path?: (string | number)[];
  unit?: string;
  criterion?: string;
}

export type IssueParams = Record<string, string | number | boolean | null | undefined | readonly (string | number)[]>;

export interface Issue extends Location {
  /** Stable machine code, e.g. "framework.duplicateCode". Keys the message catalogues. */
  code: string;
  severity: Severity;
  params?: IssueParams;
}

/** Small builder so call sites stay short. */
export function issue(code: string, params: IssueParams = {}, where: Location = {}, severity: Severity = 'error'): Issue {
  return { code, severity, params, ...where };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
