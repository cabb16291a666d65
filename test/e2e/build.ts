/** Builds the pane with webpack (production) when dist/addin is missing or older than its sources. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(tsx?|json|html)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

export function ensurePaneBuilt(root: string): { built: boolean; ms: number } {
  const html = join(root, 'dist', 'addin', 'taskpane.html');
  const sources = Math.max(newest(join(root, 'addin')), newest(join(root, 'engine')), newest(join(root, 'files')), statSync(join(root, 'webpack.config.js')).mtimeMs);
  if (existsSync(html) && statSync(html).mtimeMs >= sources) return { built: false, ms: 0 };
  const t0 = Date.now();
  execFileSync(process.execPath, [join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], { cwd: root, stdio: 'pipe', timeout: 600_000 });
  return { built: true, ms: Date.now() - t0 };
}
