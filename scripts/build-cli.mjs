// Bundles the CLI (TypeScript sources) into dist/parindex.cjs with esbuild; packages stay external.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
buildSync({
  entryPoints: [path.join(root, 'cli/main.ts')],
  outfile: path.join(root, 'dist/parindex.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
