#!/usr/bin/env node
// Longer fuzzing run: `node scripts/fuzz.mjs [runs-per-property] [seed]` (or FUZZ_RUNS / FUZZ_SEED).
// Default 20,000 runs per property (8 properties: 160,000 cases). Replays a failure with its seed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '20000';
const seed = process.argv[3] ?? process.env.FUZZ_SEED;
if (!/^\d+$/.test(runs) || (seed !== undefined && !/^-?\d+$/.test(seed))) {
  process.stderr.write('Cách dùng / usage: node scripts/fuzz.mjs [số lần mỗi thuộc tính / runs per property] [seed]\n');
  process.exit(2);
}
const env = { ...process.env, FUZZ_RUNS: runs, ...(seed !== undefined ? { FUZZ_SEED: seed } : {}) };
process.stdout.write(`fuzz: ${runs} lần mỗi thuộc tính / runs per property${seed !== undefined ? `, seed ${seed}` : ''}\n`);
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const r = spawnSync(process.execPath, [jest, '--testTimeout=3600000', 'test/hardening/fuzz.test.ts'], { cwd: root, env, stdio: 'inherit' });
process.exit(r.status ?? 1);
