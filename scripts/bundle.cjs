'use strict';
// The one esbuild recipe for running TypeScript sources under Node: the CLI, the benches and the
// sample generator bundle our sources into one CommonJS file and leave npm packages external.
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** Bundle `entry` (path from the repository root or absolute) into `outfile`; returns `outfile`. */
function bundleNode(entry, outfile, options = {}) {
  require('esbuild').buildSync({
    entryPoints: [path.resolve(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
    ...options,
  });
  return outfile;
}

module.exports = { bundleNode, root };
