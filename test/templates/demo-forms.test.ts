/**
 * The templates the demo sends, as a ward officer gets them: each carries the unit's progress
 * sheet, every sheet protected with the password, the structure locked; printed by LibreOffice
 * they show page numbers, the header row on every page and one font family; re-saved by
 * LibreOffice they keep every sheet's password and import as before.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { demoSample, runDemo } from '../../files/demo/run';
import { builtinUnits } from '../../engine';
import { builtinPlan2023, tasksForUnit } from '../../engine/plan';
import { worksheetPartsByName } from '../../engine/workbook/import/protection';
import { parseFilledTemplate } from '../../engine/workbook/import/parse';
import { ExcelJsPort } from '../../files/port';
import { HAS_SOFFICE, convert, missingTool } from './libreoffice';

const DEADLINE = demoSample.rounds.find((x) => x.round === 'selfAssessment')?.deadline ?? '';
const SHOWN = DEADLINE.split('-').reverse().join('/');

interface Parts {
  workbook: string;
  sheets: Map<string, string>;
  states: Map<string, string>;
}

async function partsOf(file: string): Promise<Parts> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const text = async (n: string): Promise<string> => (await zip.file(n)?.async('string')) ?? '';
  const workbook = await text('xl/workbook.xml');
  const sheets = new Map<string, string>();
  for (const [name, part] of worksheetPartsByName(workbook, await text('xl/_rels/workbook.xml.rels'))) sheets.set(name, await text(part));
  const states = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1] ?? '';
    states.set(name.replace(/&amp;/g, '&'), /state="([^"]*)"/.exec(m[0])?.[1] ?? 'visible');
  }
  return { workbook, sheets, states };
}

/** The sheet carries a password (a hash: SHA-512 as written, or any of the spellings a program keeps). */
function passworded(xml: string): boolean {
  const p = /<sheetProtection\b[^>]*>/.exec(xml)?.[0] ?? '';
  return /\bsheet="(1|true)"/.test(p) && (/\bhashValue="[^"]+"/.test(p) || /\bpassword="[^"]+"/.test(p));
}

async function read(file: string): Promise<{ sheets: Awaited<ReturnType<ExcelJsPort['listSheets']>>; snapshots: Awaited<ReturnType<ExcelJsPort['read']>> }> {
  const port = await ExcelJsPort.fromBuffer(fs.readFileSync(file));
  const sheets = await port.listSheets();
  return { sheets, snapshots: await port.read(sheets.map((s) => s.name)) };
}

describe('the templates the demo sends', () => {
  let dir: string;
  let r: Awaited<ReturnType<typeof runDemo>>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parindex-forms-'));
    r = await runDemo(dir, { lang: 'vi' });
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('every template carries the unit’s progress sheet: its tasks, figures up to the deadline, protected, explained', async () => {
    expect(r.files.templates.length).toBe(16);
    for (const file of r.files.templates) {
      const code = /tu-danh-gia-(.+)\.xlsx$/.exec(file)?.[1] ?? '';
      const p = await partsOf(file);
      expect([...p.states.keys()]).toEqual(['Hướng dẫn', 'Tự đánh giá', 'Tự kiểm tra', 'Tiến độ nhiệm vụ', '_meta']);
      const { snapshots } = await read(file);
      const status = snapshots.find((s) => s.name === 'Tiến độ nhiệm vụ');
      const marker = status?.values.find((l) => l?.[0] === 'parindex:plan-status');
      expect(marker?.slice(1, 4)).toEqual([code, '2023-Q4', DEADLINE]);
      const ids = (status?.values ?? []).slice(5).map((l) => l?.[0]).filter((x): x is string => typeof x === 'string' && x !== '');
      expect(ids).toEqual(tasksForUnit(builtinPlan2023.tasks, code, builtinUnits).map((t) => t.task.id));
      expect(String(status?.values[1]?.[0])).toContain(SHOWN);
      const guide = (snapshots.find((s) => s.name === 'Hướng dẫn')?.values ?? []).map((l) => String(l?.[0] ?? '')).join('\n');
      expect(guide).toContain(`Báo cáo tiến độ ${ids.length} nhiệm vụ của Kế hoạch`);
      expect(guide).toContain(`số liệu tính đến hết ngày ${SHOWN}`);
      // every sheet protected with the password, the structure locked, the metadata very hidden
      for (const [name, xml] of p.sheets) expect(`${code} ${name}: ${passworded(xml)}`).toBe(`${code} ${name}: true`);
      expect(p.workbook).toMatch(/<workbookProtection\b[^>]*\bworkbookHashValue="[^"]+"[^>]*\blockStructure="1"/);
      expect(p.states.get('_meta')).toBe('veryHidden');
    }
  });

  const lo = HAS_SOFFICE ? test : test.skip;
  if (!HAS_SOFFICE) missingTool('soffice (LibreOffice)');

  lo(
    'printed: page numbers, the header row on every page of the form, one font family, 9 pt or more',
    async () => {
      const file = r.files.templates.find((f) => f.endsWith('tu-danh-gia-KG.xlsx')) ?? '';
      const pdf = await convert(file, 'pdf', path.join(dir, 'pdf'), path.join(dir, 'profile'));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((t) => t.trim() !== '');
      expect(text.length).toBe(pages);
      text.forEach((page, i) => expect(page).toContain(`Trang ${i + 1}/${pages}`));
      // the pages of "Tự đánh giá": from the one with the title to the one with the signatures
      const first = text.findIndex((t) => t.includes('BIỂU TỰ ĐÁNH GIÁ'));
      const last = text.findIndex((t) => t.includes('THỦ TRƯỞNG ĐƠN VỊ'));
      expect(first).toBeGreaterThanOrEqual(0);
      expect(last).toBeGreaterThan(first);
      for (let i = first; i <= last; i++) expect(`page ${i + 1}: ${/STT\s/.test(text[i] ?? '') && /Điểm\s/.test(text[i] ?? '')}`).toBe(`page ${i + 1}: true`);
      expect(text[first]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text[first]).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text[first]).toContain('UBND PHƯỜNG KIM GIANG');
      expect(text[first]).toMatch(/\(Kèm theo văn bản số/);
      expect(text[last]).toContain('NGƯỜI LẬP BIỂU');
      // one family (Times New Roman, printed here as its metric twin Liberation Serif)
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).map((l) => l.split(/\s+/)[0] ?? '').filter(Boolean);
      expect(fonts.every((f) => /LiberationSerif|TimesNewRoman/.test(f))).toBe(true);
      // the scale the page setup asks for keeps a 12 pt body at 9 pt or more
      const p = await partsOf(file);
      const scale = Number(/<pageSetup\b[^>]*\bscale="(\d+)"/.exec(p.sheets.get('Tự đánh giá') ?? '')?.[1]);
      expect((12 * scale) / 100).toBeGreaterThanOrEqual(9);
      expect(p.sheets.get('Tự đánh giá')).toMatch(/<oddFooter>&amp;C[^<]*Trang &amp;P\/&amp;N/);
      expect(p.sheets.get('Tự đánh giá')).not.toContain('parindex:template');
    },
    300_000,
  );

  lo(
    're-saved by LibreOffice: every sheet keeps its password, the metadata stays hidden, the file imports as before',
    async () => {
      const file = r.files.filled.find((f) => f.endsWith('tu-danh-gia-KG.xlsx')) ?? '';
      const resaved = await convert(file, 'xlsx', path.join(dir, 'resaved'), path.join(dir, 'profile'));
      const p = await partsOf(resaved);
      for (const [name, xml] of p.sheets) expect(`${name}: ${passworded(xml)}`).toBe(`${name}: true`);
      // LibreOffice has no "very hidden" and does not read the structure lock: the sheet stays hidden, locked by its password
      expect(['hidden', 'veryHidden']).toContain(p.states.get('_meta'));
      const before = await read(file);
      const after = await read(resaved);
      expect(after.snapshots.every((s) => s.protected === true)).toBe(true);
      const ctx = { units: builtinUnits };
      const a = parseFilledTemplate({ file: 'tu-danh-gia-KG.xlsx', ...before }, ctx, { acceptValidRows: true });
      const b = parseFilledTemplate({ file: 'tu-danh-gia-KG.xlsx', ...after }, ctx, { acceptValidRows: true });
      expect(b.issues.map((i) => i.code)).not.toContain('template.unprotected');
      expect(b.issues.map((i) => `${i.code} ${i.cell ?? ''}`)).toEqual(a.issues.map((i) => `${i.code} ${i.cell ?? ''}`));
      expect(b.assessments).toEqual(a.assessments);
      expect(b.assessments.length).toBeGreaterThan(15);
    },
    300_000,
  );
});
