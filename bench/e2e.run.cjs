#!/usr/bin/env node
'use strict';
// Bundles bench/e2e.ts with esbuild into out/bench/ and runs it alone: `parindex score master.xlsx --out`
// on 160 units × 200 criteria against LibreOffice recalculating the same-size formula workbook.
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'out', 'bench', 'e2e.cjs');
require('../scripts/bundle.cjs').bundleNode('bench/e2e.ts', outfile);
const { endToEndBench } = require(outfile);
const log = (s) => process.stdout.write(s + '\n');
endToEndBench({ log }).then(
  (r) => {
    const cli = `parindex score master.xlsx --out: ${r.units} × ${r.criteria} (${r.inputMB.toFixed(1)} MB in, ${r.outputMB.toFixed(1)} MB out): ${r.cliSeconds.toFixed(3)} s (CPU ${r.cliCpuSeconds.toFixed(3)} s)`;
    const lo = 'skipped' in r.libreOffice
      ? `LibreOffice: skipped (${r.libreOffice.skipped})`
      : `LibreOffice recalculating the formula workbook: ${r.libreOffice.seconds.toFixed(3)} s (CPU ${r.libreOffice.cpuSeconds.toFixed(3)} s); LibreOffice ÷ CLI = ${r.libreOffice.ratio.toFixed(2)}× wall, ${r.libreOffice.cpuRatio.toFixed(2)}× CPU (max index difference ${r.libreOffice.maxIndexDiff.toExponential(2)})`;
    log(cli);
    log(lo);
  },
  (e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
    process.exitCode = 1;
  },
);
