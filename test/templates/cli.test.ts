import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { main } from '../../cli/main';
import type { CliIO } from '../../cli/io';
import { sha256, tmpDir } from './helpers';

const DIR = path.join(__dirname, '..', 'fixtures', 'broken-templates');
const MASTER = path.join(DIR, 'master.xlsx');

function io(): CliIO & { out: string; err: string } {
  const b = { out: '', err: '', isTTY: false, stdout: (s: string) => void (b.out += s), stderr: (s: string) => void (b.err += s) };
  return b;
}

describe('parindex templates / import', () => {
  test('templates writes one file per unit; exit 0', async () => {
    const dir = await tmpDir('cli-t');
    const before = await sha256(MASTER);
    const b = io();
    expect(await main(['templates', MASTER, '--out', dir, '--now', '2023-11-01T08:00'], b)).toBe(0);
    expect((await fsp.readdir(dir)).filter((f) => f.endsWith('.xlsx'))).toHaveLength(15);
    expect(b.out).toContain('Đã lập 15 biểu mẫu');
    expect(await sha256(MASTER)).toBe(before);
    const one = io();
    expect(await main(['templates', MASTER, '--out', path.join(dir, 'one'), '--unit', 'KG', '--lang', 'en'], one)).toBe(0);
    expect(one.out).toContain('Wrote 1 templates');
  });

  test('usage errors exit 2', async () => {
    expect(await main(['templates', MASTER], io())).toBe(2);
    expect(await main(['import', MASTER, '--out', 'x.xlsx'], io())).toBe(2);
    expect(await main(['templates', MASTER, '--out', 'd', '--deadline', '30/11/2023'], io())).toBe(2);
  });

  test('templates on a broken master exits 1 with located issues', async () => {
    const b = io();
    expect(await main(['templates', path.join(DIR, 'not-a-zip.xlsx'), '--out', await tmpDir('cli-x')], b)).toBe(1);
    expect(b.err).toContain("Tệp 'not-a-zip.xlsx'");
  });

  test('import lists every problem on stderr and exits 1; clean files exit 0', async () => {
    const dir = await tmpDir('cli-i');
    const files = ['good-KG.xlsx', 'score-above-max.xlsx', 'xls-renamed.xlsx'].map((f) => path.join(DIR, f));
    const hashes = await Promise.all(files.map(sha256));
    const b = io();
    const code = await main(['import', MASTER, ...files, '--out', path.join(dir, 'm2.xlsx'), '--now', '2023-12-01T08:00'], b);
    expect(code).toBe(1);
    expect(b.err).toContain("Tệp 'score-above-max.xlsx', trang 'Tự đánh giá'!H7 (đơn vị KG, tiêu chí 1.1): Điểm tự chấm 1,5 lớn hơn điểm tối đa 1");
    expect(b.err).toContain("Tệp 'xls-renamed.xlsx': Nội dung tệp là sổ Excel 97-2003 (.xls)");
    expect(b.out).toContain('1/15 đơn vị đã nộp');
    expect(await Promise.all(files.map(sha256))).toEqual(hashes);
    await expect(fsp.stat(path.join(dir, 'm2.xlsx'))).resolves.toBeDefined();

    const ok = io();
    expect(await main(['import', MASTER, files[0] ?? '', '--out', path.join(dir, 'm3.xlsx'), '--lang', 'en'], ok)).toBe(0);
    expect(ok.out).toContain('1/15 units submitted');
    expect(ok.err).toContain('Units that have not submitted their template (14)');

    // --accept-valid-rows: the valid rows of the broken file come in, exit stays 1 (errors listed)
    const loose = io();
    expect(await main(['import', MASTER, path.join(DIR, 'text-in-number.xlsx'), '--out', path.join(dir, 'm4.xlsx'), '--accept-valid-rows'], loose)).toBe(1);
    expect(loose.out).toMatch(/KG\s+nhập một phần\s+5\/6/);
    expect(loose.err).toContain('Đã nhập 5 dòng hợp lệ; 1 dòng lỗi không được nhập');

    const same = io();
    expect(await main(['import', MASTER, files[0] ?? '', '--out', MASTER], same)).toBe(1);
    expect(same.err).toContain('trùng với tệp đầu vào');
  });
});
