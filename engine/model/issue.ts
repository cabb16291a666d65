/**
 * Issues: every problem found in data is returned as a value, never thrown.
 * Wording lives in the message catalogues (engine/i18n), keyed by `code`.
 */
import type { MessageCode } from '../i18n';

export type { MessageCode };

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

/**
 * A message inside a message: rendered in the reader's language when the outer message is.
 * Lets an issue say "expected a number" without choosing a language when it is made.
 * @example issue('input.invalid', { path: 'units', detail: ref('schema.invalidType', { expected: ref('schema.type.array'), received: ref('schema.type.string') }) })
 */
export interface MessageRef {
  readonly code: MessageCode;
  readonly params?: IssueParams;
}

/** Text given by data in both languages (a column header, a criterion's name and English name). */
export interface LocalText {
  readonly vi: string;
  readonly en: string;
}

export type IssueParam = string | number | boolean | null | undefined | MessageRef | LocalText | readonly (string | number | MessageRef)[];
export type IssueParams = Record<string, IssueParam>;

export interface Issue extends Location {
  /** Stable machine code, e.g. "framework.duplicateCode". Keys the message catalogues. */
  code: MessageCode;
  severity: Severity;
  params?: IssueParams;
}

/** Small builder so call sites stay short. */
export function issue(code: MessageCode, params: IssueParams = {}, where: Location = {}, severity: Severity = 'error'): Issue {
  return { code, severity, params, ...where };
}

/** A message reference for a parameter (see MessageRef). */
export function ref(code: MessageCode, params?: IssueParams): MessageRef {
  return params ? { code, params } : { code };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
