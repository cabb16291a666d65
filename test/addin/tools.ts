/**
 * Helpers for tests that need a system tool: skip with a visible notice when the tool is
 * missing locally, fail when running in CI (process.env.CI === 'true').
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export function hasCommand(cmd: string): boolean {
  if (cmd.startsWith('/')) return existsSync(cmd);
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns true when the test may run. When a requirement is missing: in CI, throws (the test
 * fails); locally, prints a notice and returns false (the caller returns early).
 */
export function requireTools(what: string, checks: Record<string, boolean>): boolean {
  const missing = Object.entries(checks)
    .filter(([, ok]) => !ok)
    .map(([name]) => name);
  if (missing.length === 0) return true;
  const msg = `${what}: missing ${missing.join(', ')}`;
  if (process.env.CI === 'true') throw new Error(`${msg} (required in CI)`);
  console.warn(`SKIPPED — ${msg}`);
  return false;
}
