// Checks the built add-in manifest (dist/addin/manifest.xml) as the last step of `npm run build`:
//   1. against Microsoft's XSDs, offline (xmllint; the schemas in ../shared/office-manifest-xsd or
//      OFFICE_MANIFEST_XSD_DIR) — skipped with a notice when xmllint or the schemas are missing,
//      a failure when CI=true;
//   2. every URL in it starts with ADDIN_BASE_URL (AppDomain: its scheme and host), the version has
//      four numbers (n.n.n.n).
// Run: node scripts/addin-validate.mjs [manifest.xml]   (exit 0 valid or skipped · 1 invalid)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_BASE, normalizeBase } from './addin-manifest.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every URL the manifest names: attribute values and element texts starting with http(s)://. */
export function manifestUrls(xml) {
  const urls = [];
  for (const m of xml.matchAll(/<([\w:]+)\b[^>]*?\b(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)) urls.push({ element: m[1], url: m[2] });
  for (const m of xml.matchAll(/<([\w:]+)>\s*(https?:\/\/[^<\s]*)\s*<\//g)) urls.push({ element: m[1], url: m[2] });
  return urls;
}

/**
 * What is wrong with a built manifest for `baseUrl` (ADDIN_BASE_URL as given): URLs elsewhere, a
 * version Office refuses. An empty list when it is right.
 */
export function manifestProblems(xml, baseUrl) {
  const problems = [];
  const n = normalizeBase(baseUrl);
  if ('error' in n) return [n.error];
  const prefix = `${n.base}/`;
  const origin = new URL(n.base).origin;
  const urls = manifestUrls(xml);
  if (urls.length === 0) problems.push('no URL found in the manifest');
  for (const { element, url } of urls) {
    if (element === 'AppDomain' ? url !== origin : !url.startsWith(prefix)) problems.push(`${element}: ${url} không dùng ${prefix} (does not use the base)`);
  }
  const version = /<Version>([^<]*)<\/Version>/.exec(xml)?.[1] ?? '';
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version) || version.split('.').some((p) => Number(p) > 65535)) problems.push(`Version "${version}" is not n.n.n.n (each 0–65535)`);
  return problems;
}

/** Validates `file` against the XSDs: { ok } , { ok: false, output } or { skipped: reason }. */
export function validateXsd(file, env = process.env) {
  const dir = resolve(env.OFFICE_MANIFEST_XSD_DIR ?? join(root, '..', 'shared', 'office-manifest-xsd'));
  const xsd = join(dir, 'OfficeAppManifestV1_1.xsd');
  if (!existsSync(xsd)) return { skipped: `schemas not found in ${dir} (set OFFICE_MANIFEST_XSD_DIR)` };
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
  } catch {
    return { skipped: 'xmllint missing (Debian: apt-get install libxml2-utils)' };
  }
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true };
  } catch (e) {
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() };
  }
}

function main() {
  const dir = process.env.ADDIN_OUT_DIR ? resolve(process.env.ADDIN_OUT_DIR) : join(root, 'dist', 'addin');
  const file = resolve(process.argv[2] ?? join(dir, 'manifest.xml'));
  if (!existsSync(file)) {
    console.error(`${file} không có: hãy chạy \`npm run build\` trước (not found: run the build first)`);
    return 1;
  }
  const xml = readFileSync(file, 'utf8');
  const base = process.env.ADDIN_BASE_URL?.trim() || DEV_BASE;
  const problems = manifestProblems(xml, base);
  for (const p of problems) console.error(`manifest: ${p}`);
  const xsd = validateXsd(file);
  if ('skipped' in xsd) {
    const msg = `Chưa kiểm tra manifest theo XSD: ${xsd.skipped} (manifest not checked against the XSDs)`;
    if (process.env.CI === 'true') {
      console.error(`${msg} — bắt buộc khi CI=true (required in CI)`);
      return 1;
    }
    console.warn(`LƯU Ý / NOTICE — ${msg}`);
  } else if (!xsd.ok) {
    console.error(`manifest không hợp lệ theo XSD (invalid under the XSDs):\n${xsd.output}`);
    return 1;
  }
  if (problems.length > 0) return 1;
  const version = /<Version>([^<]*)<\/Version>/.exec(xml)?.[1];
  console.log(`manifest hợp lệ (valid): ${file} — phiên bản ${version}, địa chỉ ${base}${'ok' in xsd ? ', XSD ✓' : ''}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) process.exitCode = main();
