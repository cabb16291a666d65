#!/usr/bin/env node
'use strict';
// `npm run bench`: bundles bench/run.ts with esbuild into out/bench/ and runs it.
// Writes bench/RESULTS.md and bench/results.json.
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'out', 'bench', 'run.cjs');
require('../scripts/bundle.cjs').bundleNode('bench/run.ts', outfile);
require(outfile);
