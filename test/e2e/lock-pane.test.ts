/**
 * "Chốt điểm" in real Chromium on the built page, at task-pane width (320 and 350 px, Vietnamese
 * and English): the panel, the confirmation before closing and the reopen dialog with its reason
 * marked missing never scroll sideways; closing is done from the dialog.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { hasCommand, requireTools } from '../addin/tools';
import { ensurePaneBuilt } from './build';
import { serveStatic, type StaticServer } from './server';
import { ExcelJsPort } from '../../files/port';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import type { Framework } from '../../engine/model/framework';

const root = resolve(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const enabled = requireTools('lock panel end-to-end test', { [CHROMIUM]: hasCommand(CHROMIUM) });
const maybe = enabled ? describe : describe.skip;

const framework = {
  id: 'lock-e2e',
  name: 'Bộ tiêu chí thử',
  year: 2025,
  total: 3,
  nodes: [{ code: '1', name: 'Chỉ đạo, điều hành', children: [{ code: '1.1', name: 'Ban hành kế hoạch CCHC', max: 1, rule: { kind: 'yesNo' } }, { code: '1.2', name: 'Báo cáo định kỳ', max: 2, rule: { kind: 'points' } }] }],
} as unknown as Framework;

maybe('closing a round at task-pane width, in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let tmp = '';

  beforeAll(async () => {
    const build = ensurePaneBuilt(root);
    if (build.built) console.log(`pane built in ${build.ms} ms`);
    tmp = mkdtempSync(join(tmpdir(), 'parindex-lock-'));
    const port = ExcelJsPort.create();
    await port.write(renderMasterInputSheets({ framework, units: [{ code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' }], assessments: [{ unit: 'KG', criterion: '1.1', value: 'Có', self: 1 }] }, { lang: 'vi' }));
    writeFileSync(join(tmp, 'so-tong-hop.xlsx'), await port.toBuffer());
    server = await serveStatic(join(root, 'dist', 'addin'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('the panel and both dialogs keep to 320 and 350 px, in both languages', async () => {
    const wide: string[] = [];
    for (const width of [320, 350]) {
      for (const lang of ['vi', 'en'] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        context.setDefaultTimeout(60_000);
        const page = await context.newPage();
        await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 404, body: 'blocked in tests' }));
        await page.goto(`${server.url}/taskpane.html?view=compute`);
        await page.setInputFiles('[data-testid=open-master]', join(tmp, 'so-tong-hop.xlsx'));
        await page.getByTestId('lock-panel').waitFor();
        if (lang === 'en') {
          await page.getByLabel('Ngôn ngữ').first().selectOption('en');
          await page.getByText('Closing rounds').waitFor();
        }
        const overflow = (): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        const check = async (what: string): Promise<void> => {
          const over = await overflow();
          if (over > 0) wide.push(`${width} ${lang} ${what} +${over}px`);
        };
        await check('panel');
        await page.getByTestId('lock-selfAssessment').click();
        const dialog = page.getByTestId('lock-dialog');
        await dialog.waitFor();
        await check('close dialog');
        const box = await dialog.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
        await page.getByTestId('lock-confirm').click();
        await page.getByTestId('reopen-selfAssessment').waitFor();
        expect(await page.getByTestId('lock-status-selfAssessment').textContent()).toMatch(lang === 'vi' ? /^Đã chốt lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/ : /^Closed at \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
        await check('closed');
        await page.getByTestId('reopen-selfAssessment').click();
        await page.getByTestId('lock-confirm').click();
        await page.getByText(lang === 'vi' ? 'Hãy ghi lý do mở lại vòng Tự đánh giá.' : 'Write why round Self-assessment is reopened.').waitFor();
        await check('reopen dialog');
        await context.close();
      }
    }
    expect(wide).toEqual([]);
  }, 600_000);
});
