// `npm run package`: zips the built add-in (dist/addin/, or ADDIN_OUT_DIR) into
// dist/parindex-addin-<version>.zip for a static web server — unzip it into the folder that
// ADDIN_BASE_URL points at (docs/deploy.md). Run `npm run build` first.
// Run: node scripts/addin-package.mjs [--out <file.zip>]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function walk(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/** Zips `dir` into `zipFile`; returns the files written and the manifest's version and base. */
export async function packageAddin(dir, zipFile) {
  const manifestFile = join(dir, 'manifest.xml');
  if (!existsSync(manifestFile) || !existsSync(join(dir, 'taskpane.html'))) {
    throw new Error(`${dir} chưa có bản dựng: hãy chạy \`npm run build\` trước (no build found: run the build first)`);
  }
  const xml = readFileSync(manifestFile, 'utf8');
  const version = /<Version>([^<]*)<\/Version>/.exec(xml)?.[1] ?? '0.0.0.0';
  const base = /<SourceLocation DefaultValue="([^"]*)\/taskpane\.html"/.exec(xml)?.[1] ?? '';
  const zip = new JSZip();
  const files = walk(dir).filter((f) => !f.endsWith('.map'));
  for (const f of files) zip.file(relative(dir, f).split(sep).join('/'), readFileSync(f), { date: statSync(f).mtime });
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
  const out = zipFile ?? join(dirname(dir), `parindex-addin-${version}.zip`);
  // written next to its final name, then renamed: never a half-written zip under that name
  writeFileSync(`${out}.tmp`, data);
  renameSync(`${out}.tmp`, out);
  return { out, files: files.length, bytes: data.length, version, base };
}

async function main() {
  const dir = process.env.ADDIN_OUT_DIR ? resolve(process.env.ADDIN_OUT_DIR) : join(root, 'dist', 'addin');
  const i = process.argv.indexOf('--out');
  const r = await packageAddin(dir, i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : undefined);
  console.log(`Đã đóng gói ${r.files} tệp (${(r.bytes / 1024 / 1024).toFixed(1)} MB), phiên bản ${r.version}: ${r.out}`);
  console.log(`Packed ${r.files} files, version ${r.version}: ${r.out}`);
  if (r.base.startsWith('https://localhost')) {
    console.warn('LƯU Ý: manifest vẫn trỏ tới https://localhost:3000 — dựng lại với ADDIN_BASE_URL=https://…/ npm run build (NOTICE: the manifest still points at localhost; rebuild with ADDIN_BASE_URL).');
  } else console.log(`Giải nén vào thư mục được phục vụ tại ${r.base}/ (unzip into the folder served at that address).`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
