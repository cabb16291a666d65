/** Shared helpers for the hardening tests: in-process CLI runs, temp folders, file listings, hashing. */
import { promises as fsp } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/main';
import { commands } from '../../cli/commands';
import type { CliIO } from '../../cli/io';
import { t, type Issue } from '../../engine';
import type { Expectation } from '../fixtures/bad/corpus-types';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `parindex <argv>` in-process with captured output. An exception escaping main() fails the caller. */
export async function runCli(argv: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export function hasCommand(name: string): boolean {
  return commands.some((c) => c.name === name);
}

/** A stack trace line, or the CLI's last-resort "internal error" message (an exception reached main). */
export function looksLikeCrash(stderr: string): boolean {
  const internal = [t('internal.error', { detail: '' }, 'vi'), t('internal.error', { detail: '' }, 'en')];
  return /^\s+at .+:\d+:\d+\)?$/m.test(stderr) || internal.some((p) => stderr.includes(p.trim()));
}

export async function tmpDir(prefix: string): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), `parindex-hard-${prefix}-`));
}

/** Every file under `dir` (relative paths, sorted), hidden temp files included. */
export async function listAll(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await fsp.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  await walk(dir);
  return out.sort();
}

export async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await fsp.readFile(file)).digest('hex');
}

/** Does an issue have the expected code and every expected location field? */
export function matches(i: Issue, want: Expectation): boolean {
  if (i.code !== want.code) return false;
  for (const k of ['file', 'sheet', 'cell', 'unit', 'criterion'] as const) {
    if (want[k] !== undefined && i[k] !== want[k]) return false;
  }
  if (want.path !== undefined && JSON.stringify(i.path ?? null) !== JSON.stringify(want.path)) return false;
  return true;
}

/** An issue carries a location: at least one of file, sheet, cell, path, unit, criterion. */
export function isLocated(i: Issue): boolean {
  return i.file !== undefined || i.sheet !== undefined || i.cell !== undefined || i.path !== undefined || i.unit !== undefined || i.criterion !== undefined;
}

/**
 * Whether a system tool is usable. Missing locally → the caller skips with a visible notice;
 * missing in CI (CI=true) → the caller fails.
 */
export function toolAvailable(cmd: string, args: readonly string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 30000 });
  return r.status === 0;
}

export function requireTool(name: string, ok: boolean): boolean {
  if (ok) return true;
  if (process.env['CI'] === 'true') throw new Error(`${name} is required in CI but is not available`);
  process.stdout.write(`\n[hardening] ${name} not available: test skipped (it fails when CI=true)\n`);
  return false;
}
