#!/usr/bin/env node
'use strict';
// Bundles bench/sipas.ts with esbuild into out/bench/ and runs it: prints the time and the ratio to target.
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'out', 'bench', 'sipas.cjs');
require('../scripts/bundle.cjs').bundleNode('bench/sipas.ts', outfile);
// Expose gc so the bench can collect the garbage of data generation before timing.
require('node:v8').setFlagsFromString('--expose-gc');
if (typeof global.gc !== 'function') global.gc = require('node:vm').runInNewContext('gc');
const { benchSipas, SIPAS_BENCH_TARGET_SECONDS } = require(outfile);
benchSipas().then(
  (r) => {
    const ok = r.seconds <= SIPAS_BENCH_TARGET_SECONDS;
    process.stdout.write(
      `sipas: ${r.respondents} phiếu × ${r.items} câu hỏi: ${r.seconds.toFixed(3)} s (CPU ${r.cpuSeconds.toFixed(3)} s) ` +
        `(mục tiêu ${SIPAS_BENCH_TARGET_SECONDS} s, tỷ lệ ${r.ratio.toFixed(2)}) ${ok ? 'ĐẠT' : 'CHƯA ĐẠT'}\n`,
    );
    process.exitCode = ok ? 0 : 1;
  },
  (e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
    process.exitCode = 1;
  },
);
