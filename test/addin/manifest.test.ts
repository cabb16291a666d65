import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hasCommand, requireTools } from './tools';

const root = resolve(__dirname, '..', '..');
const script = resolve(root, '..', 'shared', 'office-manifest-xsd', 'validate-manifest.sh');
const manifest = join(root, 'manifest.xml');

describe('manifest.xml', () => {
  test('validates against the Office add-in XSDs', () => {
    if (!requireTools('manifest XSD validation', { xmllint: hasCommand('xmllint'), [script]: existsSync(script) })) return;
    const out = execFileSync('bash', [script, manifest], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out + '').toBeDefined();
  });

  test('declares Excel, ReadWriteDocument, ExcelApi 1.8, vi-VN with en-US overrides and one button per view, all on one pane', () => {
    const xml = readFileSync(manifest, 'utf8');
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.8"/>');
    expect(xml).toContain('<DefaultLocale>vi-VN</DefaultLocale>');
    expect(xml).toContain('DefaultValue="CCHC"');
    for (const view of ['setup', 'templates', 'collect', 'appraise', 'compute', 'analyse', 'sipas', 'plan']) {
      expect(xml).toContain(`taskpane.html#view=${view}"`);
      expect(xml).toContain(`id="Btn.${view}"`);
    }
    // one pane for every button: one container, one port and its caches (the fragment picks the view)
    const ids = new Set([...xml.matchAll(/<TaskpaneId>([^<]+)<\/TaskpaneId>/g)].map((m) => m[1]));
    expect([...ids]).toEqual(['ParindexPane']);
    for (const label of ['Thiết lập', 'Biểu mẫu', 'Nhận &amp; kiểm tra', 'Thẩm định', 'Tính điểm', 'Phân tích', 'SIPAS', 'Kế hoạch']) {
      expect(xml).toContain(`DefaultValue="${label}"`);
    }
    // every overridable string has an English override
    const strings = xml.match(/<bt:String [^>]*>/g) ?? [];
    const overrides = xml.match(/<bt:Override Locale="en-US"/g) ?? [];
    expect(overrides.length).toBe(strings.length);
    // every icon referenced exists in assets/
    for (const m of xml.matchAll(/https:\/\/localhost:3000\/assets\/([\w-]+\.png)/g)) {
      expect(existsSync(join(root, 'assets', m[1] ?? ''))).toBe(true);
    }
  });
});
