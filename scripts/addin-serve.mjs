// Serves the built pane (dist/addin) over plain http on localhost for the standalone page.
// Usage: node scripts/addin-serve.mjs [--dir dist/addin] [--port 8080]  → open http://localhost:8080/taskpane.html
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : dflt;
};
const root = resolve(arg('--dir', join(here, '..', 'dist', 'addin')));
const port = Number(arg('--port', '8080'));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8', '.json': 'application/json', '.webmanifest': 'application/manifest+json' };

if (!existsSync(join(root, 'taskpane.html'))) {
  console.error(`${root}/taskpane.html not found: run \`npm run build\` first`);
  process.exit(2);
}
createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  const file = normalize(join(root, path === '/' ? 'taskpane.html' : path));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`http://localhost:${port}/taskpane.html  (Ctrl+C to stop)`));
