#!/usr/bin/env node
'use strict';
// Entry point of `parindex`: runs the bundled CLI, rebuilding it first when sources are newer.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist', 'parindex.cjs');

function newest(dir) {
  let t = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|json)$/.test(e.name) && !e.name.endsWith('.test.ts')) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

function stale() {
  if (!fs.existsSync(out)) return true;
  const built = fs.statSync(out).mtimeMs;
  return ['engine', 'cli', 'files', 'samples'].some((d) => newest(path.join(root, d)) > built);
}

if (stale()) {
  try {
    require('../scripts/bundle.cjs').bundleNode('cli/main.ts', out, { sourcemap: true });
  } catch (e) {
    if (!fs.existsSync(out)) {
      process.stderr.write('Không dựng được CLI (npm ci chưa chạy?) / Cannot build the CLI: ' + (e && e.message) + '\n');
      process.exit(1);
    }
  }
}
// A reader that stops early (`… --json | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = require(out);
// Set the exit code and let Node exit on its own: process.exit() would cut off output still
// being written to a pipe (e.g. `parindex score x.json --json | jq`).
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
