/**
 * End to end in real Chromium: the built task pane opened standalone (no Office — the Office.js
 * CDN request is answered 404), a demo master workbook uploaded, computed, downloaded, and the
 * downloaded workbook's ranking compared with the CLI's `score --json`. Every network request is
 * recorded: only the local server and the Office CDN are allowed. Screenshots of each view go
 * to test-artifacts/ (git-ignored).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { hasCommand, requireTools } from '../addin/tools';
import { ensurePaneBuilt } from './build';
import { serveStatic, type StaticServer } from './server';
import { ExcelJsPort } from '../../files/port';
import type { SheetSnapshot } from '../../engine/workbook/port';
import { chartParts, owned } from '../app/compare';

const root = resolve(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
const artifacts = join(root, 'test-artifacts', 'e2e');

const enabled = requireTools('standalone page end-to-end test', { [CHROMIUM]: hasCommand(CHROMIUM) });
const maybe = enabled ? describe : describe.skip;

/** Screenshots are artifacts, not assertions: a slow one is reported, not failed. */
async function shot(p: Page, path: string): Promise<void> {
  try {
    await p.screenshot({ path, fullPage: true, timeout: 60_000 });
  } catch (e) {
    console.warn(`screenshot ${path} not taken: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

interface CliUnit {
  code: string;
  kind: string;
  index: number;
  rank: number;
  gaps: { criterion: string; lost: number; score: number; max: number }[];
}

maybe('standalone task pane in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let tmp: string;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const workers: string[] = [];

  beforeAll(async () => {
    const build = ensurePaneBuilt(root);
    if (build.built) console.log(`pane built in ${build.ms} ms`);
    tmp = mkdtempSync(join(tmpdir(), 'parindex-e2e-'));
    execFileSync(process.execPath, [join(root, 'bin', 'parindex.cjs'), 'demo', '--out', tmp], { cwd: root, stdio: 'pipe', timeout: 180_000 });
    mkdirSync(artifacts, { recursive: true });
    server = await serveStatic(join(root, 'dist', 'addin'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 900_000);

  beforeEach(async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 420, height: 900 } });
    context.setDefaultTimeout(60_000);
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('worker', (w) => workers.push(w.url()));
    // no internet here: the Office CDN is answered 404 so the page must start standalone
    await page.route(`${OFFICE_CDN}/**`, (route) => route.fulfill({ status: 404, body: 'blocked in tests' }));
  });

  afterEach(async () => {
    await page?.context().close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('upload the demo master, compute, download: ranking equals the CLI scores; what-if moves the index', async () => {
    const master = join(tmp, 'master.xlsx');
    expect(existsSync(master)).toBe(true);
    await page.goto(`${server.url}/taskpane.html?view=compute`);
    await page.getByText('Chạy độc lập (không có Excel): mở một tệp .xlsx').waitFor();
    await shot(page, join(artifacts, '00-start.png'));

    await page.setInputFiles('[data-testid=open-master]', master);
    await page.getByText('Đã mở: master.xlsx').waitFor({ timeout: 60_000 });
    await page.getByTestId('compute').click();
    await page.getByTestId('summary-table').waitFor({ timeout: 120_000 });
    await page.getByTestId('message').waitFor();
    const message = await page.getByTestId('message').innerText();
    expect(message).toMatch(/Đã chấm \d+ đơn vị/);
    // the compute ran in the Web Worker, served from this server
    expect(workers.some((u) => u.startsWith(server.url) && u.includes('parindex-compute'))).toBe(true);
    await shot(page, join(artifacts, '05-compute.png'));

    // download the results workbook
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('Tải sổ kết quả (.xlsx)').click()]);
    expect(download.suggestedFilename()).toBe('master-ket-qua.xlsx');
    const saved = join(tmp, 'downloaded.xlsx');
    await download.saveAs(saved);

    // the CLI's scores for the same master (an independent path: Node, files/, CLI)
    // stdout goes to a file: a large JSON document through a pipe can be cut short when the CLI exits
    const jsonPath = join(tmp, 'score.json');
    const fd = openSync(jsonPath, 'w');
    try {
      execFileSync(process.execPath, [join(root, 'bin', 'parindex.cjs'), 'score', master, '--json'], { cwd: root, stdio: ['ignore', fd, 'ignore'], timeout: 120_000 });
    } finally {
      closeSync(fd);
    }
    const cli = JSON.parse(readFileSync(jsonPath, 'utf8')) as { units: CliUnit[] };
    expect(cli.units.length).toBeGreaterThan(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    const ranking = wb.getWorksheet('Xếp hạng');
    expect(ranking).toBeDefined();
    const seen = new Map<string, { rank: number; index: number }>();
    ranking?.eachRow((row) => {
      const code = row.getCell(2).value;
      const index = row.getCell(4).value;
      const rank = row.getCell(1).value;
      if (typeof code === 'string' && typeof index === 'number' && typeof rank === 'number') seen.set(code, { rank, index });
    });
    for (const u of cli.units) {
      const got = seen.get(u.code);
      expect(got).toBeDefined();
      expect(got?.index).toBeCloseTo(u.index, 9);
      expect(got?.rank).toBe(u.rank);
    }
    expect(seen.size).toBe(cli.units.length);
    // the input sheets are still there, the result sheets were added
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Tổng hợp', 'Kết quả', 'Xếp hạng', 'Điểm bị trừ']));

    // the pane shows the same indices, vi-VN formatted with two decimals ("91,43%", "50,00%")
    const first = cli.units[0];
    if (first) {
      const shown = await page.getByTestId(`index-${first.code}`).innerText();
      expect(shown).toBe(`${first.index.toFixed(2).replace('.', ',')}%`);
    }

    // analyse: what-if on a unit that lost points moves its index live
    await page.getByTestId('tab-analyse').click();
    await page.getByTestId('what-if').waitFor();
    const withGap = cli.units.find((u) => u.gaps.some((g) => g.lost > 0));
    if (withGap) {
      const gap = withGap.gaps.find((g) => g.lost > 0);
      await page.getByTestId('what-if').locator('select').selectOption(withGap.code);
      const before = await page.getByTestId('whatif-index').innerText();
      await page.getByTestId(`whatif-${gap?.criterion ?? ''}`).fill(String(gap?.max ?? 0));
      await page.waitForFunction((b) => document.querySelector('[data-testid=whatif-index]')?.textContent !== b, before, { timeout: 10_000 });
      const after = await page.getByTestId('whatif-index').innerText();
      expect(after).not.toBe(before);
    }
    await shot(page, join(artifacts, '06-analyse.png'));

    // every other view renders on the same data
    const views = ['setup', 'templates', 'collect', 'appraise', 'sipas', 'plan'] as const;
    for (const [i, v] of views.entries()) {
      await page.getByTestId(`tab-${v}`).click();
      await page.getByTestId(`view-${v}`).waitFor();
      await shot(page, join(artifacts, `${String(i + 1).padStart(2, '0')}-${v}.png`));
    }
    // the plan view groups its late list and pages the groups (a district's can run to thousands of lines)
    if ((await page.getByTestId('plan-table').count()) > 0) {
      expect(await page.getByTestId('plan-group').count()).toBeLessThanOrEqual(10);
    }
    await page.getByTestId('tab-appraise').click();
    await expect(page.getByTestId('appraise-status').innerText()).resolves.toMatch(/tiêu chí đã thẩm định/);

    // English switch
    await page.getByLabel('Ngôn ngữ').first().selectOption('en');
    await page.getByText('Appraise', { exact: true }).first().waitFor();

    expect(pageErrors).toEqual([]);
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith(OFFICE_CDN) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
  }, 240_000);

  test('the round from a blank master: templates as .zip, filled files collected, computed like the CLI import + score', async () => {
    const blank = join(tmp, 'master-blank.xlsx');
    expect(existsSync(blank)).toBe(true);
    await page.goto(`${server.url}/taskpane.html?view=templates`);
    await page.setInputFiles('[data-testid=open-master]', blank);
    await page.getByText('Đã mở: master-blank.xlsx').waitFor({ timeout: 60_000 });
    // templates: one per unit, all in a .zip
    await page.getByTestId('templates-zip').waitFor({ timeout: 60_000 });
    const [zipDownload] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('templates-zip').click()]);
    const zipPath = join(tmp, 'templates.zip');
    await zipDownload.saveAs(zipPath);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    const entries = Object.keys(zip.files).filter((n) => n.endsWith('.xlsx'));
    expect(entries.sort()).toEqual(readdirSync(join(tmp, 'templates')).filter((n) => n.endsWith('.xlsx')).sort());
    await shot(page, join(artifacts, '12-templates-blank.png'));

    // collect: every filled file at once, valid rows of files with errors too
    await page.getByTestId('tab-collect').click();
    await page.getByText('Nhập cả các dòng hợp lệ của tệp có lỗi').click();
    const filled = readdirSync(join(tmp, 'filled')).filter((n) => n.endsWith('.xlsx')).map((n) => join(tmp, 'filled', n));
    await page.setInputFiles('[data-testid=collect-files]', filled);
    const summary = await page.getByTestId('collect-summary').innerText({ timeout: 120_000 });
    expect(summary).toContain(`${filled.length} tệp`);
    await shot(page, join(artifacts, '13-collect.png'));

    await page.getByTestId('tab-compute').click();
    await page.getByTestId('compute').click();
    await page.getByTestId('summary-table').waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('Tải sổ kết quả (.xlsx)').click()]);
    const saved = join(tmp, 'round.xlsx');
    await download.saveAs(saved);

    // the same round through the CLI
    const imported = join(tmp, 'imported.xlsx');
    try {
      execFileSync(process.execPath, [join(root, 'bin', 'parindex.cjs'), 'import', blank, ...filled, '--out', imported, '--accept-valid-rows'], { cwd: root, stdio: 'ignore', timeout: 120_000 });
    } catch {
      // exit 1: some files had errors; their valid rows were still imported
    }
    const jsonPath = join(tmp, 'round.json');
    const fd = openSync(jsonPath, 'w');
    try {
      execFileSync(process.execPath, [join(root, 'bin', 'parindex.cjs'), 'score', imported, '--json'], { cwd: root, stdio: ['ignore', fd, 'ignore'], timeout: 120_000 });
    } finally {
      closeSync(fd);
    }
    const cli = JSON.parse(readFileSync(jsonPath, 'utf8')) as { units: CliUnit[] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    const seen = new Map<string, number>();
    wb.getWorksheet('Xếp hạng')?.eachRow((row) => {
      const code = row.getCell(2).value;
      const index = row.getCell(4).value;
      if (typeof code === 'string' && typeof index === 'number') seen.set(code, index);
    });
    expect(seen.size).toBe(cli.units.length);
    for (const u of cli.units) expect(seen.get(u.code)).toBeCloseTo(u.index, 9);

    // one round, one code path: every result sheet of the page's download equals the CLI's, cell for cell
    const cliOut = join(tmp, 'round-cli.xlsx');
    try {
      execFileSync(process.execPath, [join(root, 'bin', 'parindex.cjs'), 'score', imported, '--out', cliOut], { cwd: root, stdio: 'ignore', timeout: 120_000 });
    } catch {
      // exit 1 on warnings-as-errors is not expected, but the file is what is compared
    }
    const readAll = async (file: string): Promise<SheetSnapshot[]> => {
      const port = await ExcelJsPort.fromBuffer(readFileSync(file));
      return port.read((await port.listSheets()).map((x) => x.name));
    };
    const fromCli = owned(await readAll(cliOut));
    const fromPage = owned(await readAll(saved));
    // sheets the import writes (log times, file labels) differ by host and are not results
    const RESULTS = ['Tổng hợp', 'Kết quả', 'Xếp hạng', 'Điểm bị trừ', 'SIPAS', 'Kế hoạch - theo dõi', 'Báo cáo quý'];
    for (const name of RESULTS) {
      expect(fromPage.has(name)).toBe(true);
      expect({ name, values: fromPage.get(name) }).toEqual({ name, values: fromCli.get(name) });
    }
    // the download carries the same native charts as the CLI's file (same writer, same cells)
    const pageCharts = await chartParts(readFileSync(saved));
    expect(pageCharts.length).toBeGreaterThanOrEqual(5);
    expect(pageCharts).toEqual(await chartParts(readFileSync(cliOut)));
    // the download keeps the master's dropdowns and number checks on "Kê khai"
    const kk = wb.getWorksheet('Kê khai') as unknown as { dataValidations?: { model?: Record<string, unknown> } } | undefined;
    expect(Object.keys(kk?.dataValidations?.model ?? {}).length).toBeGreaterThan(0);
    // the plan view reads the units' progress reports: not every task is "not reported"
    await page.getByTestId('tab-plan').click();
    await page.getByTestId('view-plan').waitFor();
    const planText = await page.getByTestId('view-plan').innerText();
    expect(planText).toMatch(/Chậm|Chưa triển khai/);
    await shot(page, join(artifacts, '14-plan-after-round.png'));
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith(OFFICE_CDN) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
