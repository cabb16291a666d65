// Bundles the CLI (TypeScript sources) into dist/parindex.cjs; packages stay external.
import { createRequire } from 'node:module';
import path from 'node:path';

const { bundleNode, root } = createRequire(import.meta.url)('./bundle.cjs');
bundleNode('cli/main.ts', path.join(root, 'dist/parindex.cjs'), { sourcemap: true });
