import type { Issue } from '../model/issue';

/**
 * Summary lines of an import ("file rejected", "units missing"…) restate errors already listed
 * at their cells; they are not errors of their own to fix.
 */
const SUMMARY_CODES: ReadonlySet<string> = new Set(['import.rejected', 'import.partial', 'import.missingUnits', 'import.masterInvalid']);

/**
 * The number of errors an analyst has to fix after an import: the located errors, without the
 * summary lines that restate them. One count for the CLI ("2 lỗi cần sửa") and the pane.
 * @example errorsToFix([notANumber, overMax, rejected]) // 2
 */
export function errorsToFix(issues: readonly Pick<Issue, 'severity' | 'code'>[]): number {
  return issues.filter((i) => i.severity === 'error' && !SUMMARY_CODES.has(i.code)).length;
}
