/**
 * The report as .docx (files/report/docx.ts) and `parindex report`: the Decree 30 page (A4,
 * margins, Times New Roman 14 pt), the frame's text, native charts (one chart part per chart of
 * the model, well-formed), the CLI's usage errors; LibreOffice opens the file and draws the charts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { main } from '../../cli/main';
import { reportForDocument, type ReportDocument } from '../../engine';
import { reportDocx } from '../../files/report/docx';
import { hasSoffice, hasTool, requireTool, run } from '../workbook/tools';
import { doc } from './fixture';

function io(): { out: string; err: string; stdout(s: string): void; stderr(s: string): void; isTTY: boolean } {
  const b = { out: '', err: '', isTTY: false, stdout: (s: string) => void (b.out += s), stderr: (s: string) => void (b.err += s) };
  return b;
}

const report = reportForDocument(doc, { lang: 'vi', date: '2023-12-20' }).report as ReportDocument;
const chartCount = report.blocks.filter((b) => b.kind === 'chart').length;

describe('report .docx', () => {
  let zip: JSZip;
  let xml = '';
  const dir = mkdtempSync(path.join(tmpdir(), 'parindex-report-'));
  const file = path.join(dir, 'bao-cao.docx');

  beforeAll(async () => {
    const bytes = await reportDocx(report);
    writeFileSync(file, bytes);
    zip = await JSZip.loadAsync(bytes);
    xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('A4 with the Decree 30 margins: top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt', async () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // twips: 20 mm = 1134, 30 mm = 1701, 15 mm = 851 (56,7 a millimetre, rounded)
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toMatch(/<w:docDefaults>.*w:ascii="Times New Roman".*<w:sz w:val="28"\/>/s);
    expect(styles).toContain('w:val="vi-VN"');
  });

  test('the frame: issuer, number, national title, motto, place and date, title, recipients, signature; page numbers from page 2', () => {
    for (const s of ['ỦY BAN NHÂN DÂN', 'QUẬN THANH XUÂN', 'Số:        /BC-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Thanh Xuân, ngày 20 tháng 12 năm 2023', 'BÁO CÁO', 'Nơi nhận:', '- Lưu: VT, NV.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'])
      expect(xml).toContain(s);
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toContain('98,75%');
  });

  test('charts are native Word charts, one part per chart of the model, well-formed', async () => {
    const parts = Object.keys(zip.files).filter((p) => /^word\/charts\/chart\d+\.xml$/.test(p));
    expect(chartCount).toBeGreaterThanOrEqual(2);
    expect(parts).toHaveLength(chartCount);
    const all = await Promise.all(parts.map((p) => zip.file(p)?.async('string') ?? ''));
    const ranking = all.find((c) => c.includes('Chỉ số CCHC — Phường')) ?? '';
    // the bars with their labels, and the dashed target line
    expect(ranking).toContain('<c:barChart>');
    // indices with two decimals (27 → 27,00); the target as the plan writes it (90%)
    expect(ranking).toContain('<a:t>27,00</a:t>');
    expect(ranking).toMatch(/<c:lineChart>.*Mục tiêu 90%.*prstDash val="dash"/s);
    // labels are written as the report writes numbers: VP lost 3,4 points (a decimal comma)
    const lead = all.find((c) => c.includes('Điểm bị trừ theo đơn vị chủ trì')) ?? '';
    expect(lead).toContain('<a:t>3,4</a:t>');
    if (hasTool('xmllint', ['--version'])) for (const p of [...parts, 'word/document.xml']) run('xmllint', ['--noout', '-'], (await zip.file(p)?.async('string')) ?? '');
  });

  test('LibreOffice opens it and draws the charts (their titles are in the PDF)', () => {
    if (!requireTool('soffice (LibreOffice)', hasSoffice())) return;
    if (!requireTool('pdftotext (poppler-utils)', hasTool('pdftotext', ['-v']))) return;
    try {
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 180_000, stdio: 'pipe' });
    } catch {
      // a missing Writer module makes the conversion fail: skipped below like a missing tool
    }
    const pdf = path.join(dir, 'bao-cao.pdf');
    if (!requireTool('LibreOffice Writer (libreoffice-writer)', existsSync(pdf))) return;
    const text = run('pdftotext', [pdf, '-']);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // drawn by the chart, not written in the text: the chart titles and the target legend
    expect(text).toContain('Chỉ số CCHC — Phường');
    expect(text).toContain('Điểm bị trừ theo đơn vị chủ trì');
    expect(text).toContain('Mục tiêu 90%');
  }, 200_000);
});

describe('parindex report', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parindex-report-cli-'));
  const input = path.join(dir, 'doc.json');
  writeFileSync(input, JSON.stringify(doc));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('writes the .docx (exit 0)', async () => {
    const b = io();
    const out = path.join(dir, 'bao-cao.docx');
    expect(await main(['report', input, '--out', out, '--quarter', '2023-Q4', '--now', '2023-12-20'], b)).toBe(0);
    expect(b.err).toContain('Đã ghi báo cáo');
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('quý IV năm 2023');
    expect(xml).toContain('Thanh Xuân, ngày 20 tháng 12 năm 2023');
  });

  test.each([
    [['--out', 'x.docx', '--quarter', '2023-Q5'], 'Quý ở --quarter không hợp lệ'],
    [['--out', 'x.pdf'], '.docx'],
    [[], 'Cách dùng'],
    [['--out', 'x.docx', '--quater', '2023-Q4'], '--quarter'],
    [['--out', 'x.docx', '--now', '2023-02-30'], '2023-02-30'],
  ])('usage errors exit 2: %j', async (flags, says) => {
    const b = io();
    expect(await main(['report', input, ...flags], b)).toBe(2);
    expect(b.err).toContain(says);
  });

  test('input with errors: the errors, exit 1, no file', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...doc, assessments: [{ unit: 'KG', criterion: '9.9', value: 'Có' }] }));
    const out = path.join(dir, 'bad.docx');
    const b = io();
    expect(await main(['report', bad, '--out', out], b)).toBe(1);
    expect(b.err).toContain('9.9');
    expect(existsSync(out)).toBe(false);
  });
});
