// Prints the gzipped size of the JavaScript the task pane loads before any lazy chunk
// (the <script> tags of dist/addin/taskpane.html). Budget: 400 KB. Run after `npm run build`.
// Usage: node scripts/addin-size.mjs [--json] [--max 400]
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'addin');
const html = join(dist, 'taskpane.html');
if (!existsSync(html)) {
  console.error('dist/addin/taskpane.html not found: run `npm run build` first');
  process.exit(2);
}
const page = readFileSync(html, 'utf8');
const scripts = [...page.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
let raw = 0;
let gz = 0;
const files = [];
for (const src of scripts) {
  const buf = readFileSync(join(dist, src.replace(/^\.?\//, '')));
  const g = gzipSync(buf, { level: 9 }).length;
  raw += buf.length;
  gz += g;
  files.push({ file: src, kb: +(buf.length / 1024).toFixed(1), gzipKb: +(g / 1024).toFixed(1) });
}
const maxArg = process.argv.indexOf('--max');
const max = maxArg > 0 ? Number(process.argv[maxArg + 1]) : 400;
const out = { initialGzipKb: +(gz / 1024).toFixed(1), initialKb: +(raw / 1024).toFixed(1), budgetKb: max, files };
if (process.argv.includes('--json')) console.log(JSON.stringify(out, null, 2));
else {
  for (const f of files) console.log(`${f.file}: ${f.kb} KB, ${f.gzipKb} KB gzip`);
  console.log(`initial JS: ${out.initialGzipKb} KB gzip (${out.initialKb} KB) — budget ${max} KB`);
}
process.exit(gz / 1024 <= max ? 0 : 1);
