/** Helpers for tests that need system tools: skip with a notice locally, fail on CI. */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function hasTool(cmd: string, args: string[]): boolean {
  try {
    const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 20000 });
    return r.status === 0;
  } catch {
    return false;
  }
}

export const hasOpenpyxl = (): boolean => hasTool('/usr/bin/python3', ['-c', 'import openpyxl']);
export const hasSoffice = (): boolean => hasTool('soffice', ['--version']);

/** Returns true when the test may run; logs a visible notice when skipping; throws on CI. */
export function requireTool(name: string, present: boolean): boolean {
  if (present) return true;
  if (process.env['CI'] === 'true') throw new Error(`${name} is required on CI but missing`);
  console.warn(`SKIPPED: ${name} is not installed; this check did not run.`);
  return false;
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function run(cmd: string, args: string[], input?: string): string {
  return execFileSync(cmd, args, { encoding: 'utf8', ...(input !== undefined ? { input } : {}), maxBuffer: 64 << 20, timeout: 120000 });
}
