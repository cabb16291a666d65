/**
 * Issue 17 end to end: a production build for an office's server (ADDIN_BASE_URL) into a folder of
 * its own, then
 *  - its manifest: valid under the Office XSDs (the build's own check, scripts/addin-validate.mjs),
 *    every URL on the base, a four-number version;
 *  - its service worker: the precache list is the build's files under their hashed names;
 *  - `npm run package`'s zip holds the build;
 *  - in Chromium, served by `parindex serve`'s server: the page visited once, the network cut, the
 *    page reloaded still opens a master and computes it; a new version deployed is announced
 *    ("Có phiên bản mới") and taken on the user's click.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import JSZip from 'jszip';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { hasCommand, requireTools } from '../addin/tools';
import { createPageServer, type PageServer } from '../../cli/serve';

const root = resolve(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
const BASE = 'https://cchc.example.gov.vn/addin/';
const XSD_FILE = resolve(root, '..', 'shared', 'office-manifest-xsd', 'OfficeAppManifestV1_1.xsd');

const enabled = requireTools('offline page end-to-end test', { [CHROMIUM]: hasCommand(CHROMIUM) });
const maybe = enabled ? describe : describe.skip;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

function precacheOf(sw: string): string[] {
  const m = /PRECACHE\s*=\s*(\[[^\]]*\])/.exec(sw);
  return JSON.parse(m?.[1] ?? 'null') as string[];
}

maybe('a build for an office server, offline in Chromium', () => {
  let tmp: string;
  let out: string;
  let page: PageServer;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let tab: Page;
  const env = { ...process.env, ADDIN_BASE_URL: BASE, ADDIN_BUILD_NUMBER: '42' };

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'parindex-deploy-'));
    out = join(tmp, 'addin');
    // the webpack step of `npm run build`, into a folder of its own (dist/addin is other tests')
    execFileSync(process.execPath, [join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], {
      cwd: root,
      env: { ...env, ADDIN_OUT_DIR: out },
      stdio: 'pipe',
      timeout: 900_000,
    });
    execFileSync(process.execPath, [join(root, 'bin', 'parindex.cjs'), 'demo', '--out', join(tmp, 'demo')], { cwd: root, stdio: 'pipe', timeout: 180_000 });
    page = createPageServer(out);
    await new Promise<void>((r) => page.server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(page.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 420, height: 900 } });
    context.setDefaultTimeout(60_000);
    tab = await context.newPage();
    // no Internet here: the Office CDN is answered 404, the page runs standalone
    await tab.route(`${OFFICE_CDN}/**`, (route) => route.fulfill({ status: 404, body: 'blocked in tests' }));
  }, 1_200_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (page) await new Promise<void>((r) => page.server.close(() => r()));
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('the manifest: every URL on the base, version n.n.n.42, valid under the XSDs (the build\'s check)', () => {
    const xml = readFileSync(join(out, 'manifest.xml'), 'utf8');
    const urls = [...xml.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
    expect(urls.length).toBeGreaterThan(30);
    for (const u of urls) expect(u === 'https://cchc.example.gov.vn' || u.startsWith(BASE) ? 'ok' : u).toBe('ok');
    expect(xml).toContain('<AppDomain>https://cchc.example.gov.vn</AppDomain>');
    expect(xml).toContain(`<SourceLocation DefaultValue="${BASE}taskpane.html"/>`);
    expect(xml).toContain(`DefaultValue="${BASE}taskpane.html#view=compute"`);
    expect(xml).not.toContain('localhost');
    const version = /<Version>([^<]+)<\/Version>/.exec(xml)?.[1] ?? '';
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(version).toBe(`${pkg.version}.42`);
    // the step `npm run build` runs after webpack; with CI=true it must really check the XSDs
    const strict = requireTools('manifest XSD validation', { xmllint: hasCommand('xmllint'), [XSD_FILE]: existsSync(XSD_FILE) });
    const report = execFileSync(process.execPath, [join(root, 'scripts', 'addin-validate.mjs'), join(out, 'manifest.xml')], {
      cwd: root,
      env: strict ? { ...env, CI: 'true' } : env,
      encoding: 'utf8',
    });
    expect(report).toContain('manifest hợp lệ');
    if (strict) expect(report).toContain('XSD ✓');
    // and the check fails a manifest that leaves the base
    writeFileSync(join(tmp, 'bad.xml'), xml.replace(`${BASE}commands.html`, 'https://elsewhere.example/commands.html'));
    expect(() => execFileSync(process.execPath, [join(root, 'scripts', 'addin-validate.mjs'), join(tmp, 'bad.xml')], { cwd: root, env, stdio: 'pipe' })).toThrow();
  });

  test('the service worker precaches exactly the build\'s files the page needs, under their hashed names', () => {
    const listed = precacheOf(readFileSync(join(out, 'sw.js'), 'utf8'));
    const files = walk(out)
      .map((f) => relative(out, f).split(sep).join('/'))
      .filter((f) => !/(^manifest\.xml$|^commands\.|\.map$|\.LICENSE\.txt$|^sw\.js$)/.test(f))
      .sort();
    expect(listed).toEqual(files);
    expect(listed).toContain('taskpane.html');
    expect(listed).toContain('manifest.webmanifest');
    expect(listed.filter((f) => /^chunks\/engine\.[0-9a-f]{8}\.js$/.test(f))).toHaveLength(1);
    expect(listed.filter((f) => /^chunks\/parindex-compute\.[0-9a-f]{8}\.js$/.test(f))).toHaveLength(1);
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    const entry = /src=["']?(taskpane\.[0-9a-f]{8}\.js)/.exec(html)?.[1];
    expect(listed).toContain(entry);
    const webManifest = JSON.parse(readFileSync(join(out, 'manifest.webmanifest'), 'utf8')) as { icons: { sizes: string }[]; start_url: string };
    expect(webManifest.start_url).toBe('taskpane.html');
    expect(webManifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  test('npm run package zips the build for a static server', async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'addin-package.mjs')], { cwd: root, env: { ...env, ADDIN_OUT_DIR: out }, stdio: 'pipe' });
    const zipFile = join(tmp, `parindex-addin-${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}.42.zip`);
    const zip = await JSZip.loadAsync(readFileSync(zipFile));
    const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name).sort();
    const files = walk(out).map((f) => relative(out, f).split(sep).join('/')).filter((f) => !f.endsWith('.map')).sort();
    expect(names).toEqual(files);
    expect(await zip.file('manifest.xml')?.async('string')).toContain(`${BASE}taskpane.html`);
  });

  test('visited once, then offline: the page reloads, opens the demo master and computes it', async () => {
    await tab.goto(`${url}/taskpane.html?view=compute`);
    await tab.getByText('Chạy độc lập (không có Excel): mở một tệp .xlsx').waitFor();
    await expect(tab.getByTestId('privacy-note').innerText()).resolves.toContain('không có gì được gửi đi');
    await tab.getByTestId('offline-ready').waitFor({ timeout: 120_000 });
    expect(await tab.evaluate(() => document.querySelector('link[rel=manifest]')?.getAttribute('href'))).toBe('manifest.webmanifest');
    await context.setOffline(true);
    try {
      await tab.reload();
      await tab.getByText('Chạy độc lập (không có Excel): mở một tệp .xlsx').waitFor();
      expect(await tab.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
      await tab.setInputFiles('[data-testid=open-master]', join(tmp, 'demo', 'master.xlsx'));
      await tab.getByText('Đã mở: master.xlsx').waitFor({ timeout: 60_000 });
      await tab.getByTestId('compute').click();
      await tab.getByTestId('summary-table').waitFor({ timeout: 120_000 });
      expect(await tab.getByTestId('summary-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(11);
    } finally {
      await context.setOffline(false);
    }
  }, 300_000);

  test('a new version deployed: "Có phiên bản mới" on the next visit, taken on the click', async () => {
    const sw = readFileSync(join(out, 'sw.js'), 'utf8');
    const old = /VERSION\s*=\s*"([^"]+)"/.exec(sw)?.[1];
    expect(old).toBeTruthy();
    writeFileSync(join(out, 'sw.js'), sw.replace(`"${old}"`, '"phien-ban-moi"'));
    // the page open with unsaved work asks before leaving; a fresh visit has none
    await tab.goto(`${url}/taskpane.html?view=compute`);
    await tab.getByTestId('update-notice').waitFor({ timeout: 120_000 });
    await expect(tab.getByTestId('update-notice').innerText()).resolves.toContain('Có phiên bản mới');
    await Promise.all([tab.waitForEvent('load', { timeout: 60_000 }), tab.getByTestId('update-reload').click()]);
    await tab.getByText('Chạy độc lập (không có Excel): mở một tệp .xlsx').waitFor();
    const keys = await tab.evaluate(() => caches.keys());
    expect(keys).toEqual(['parindex-phien-ban-moi']);
    expect(await tab.getByTestId('update-notice').count()).toBe(0);
  }, 300_000);
});
