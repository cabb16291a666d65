/**
 * `parindex validate <file.json>`: a criteria set on its own or inside a scoring document, every
 * problem in one run, one line each, named by criterion code, in Vietnamese or English.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/main';
import type { CliIO } from '../../cli/io';
import { getBuiltinFramework } from '../../engine';

function bufferIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    isTTY: false,
    stdout(s: string) {
      io.out += s;
    },
    stderr(s: string) {
      io.err += s;
    },
  };
  return io;
}

const broken = {
  id: 'broken',
  name: 'Bộ tiêu chí có lỗi',
  total: 10,
  nodes: [
    {
      code: '1',
      name: 'Lĩnh vực 1',
      children: [
        { code: '1.1', name: 'A', max: 2, rule: { kind: 'yesNo' } },
        { code: '1.2', name: 'B', max: -1, rule: { kind: 'yesNo' } },
        { code: '1.1', name: 'C', max: 2, rule: { kind: 'yesNo' } },
        { code: '1.4', name: 'D', max: 3, rule: { kind: 'perItem', per: 0 } },
      ],
    },
  ],
};

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parindex-validate-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(data));
  return file;
}

describe('parindex validate <file.json>', () => {
  test('a broken criteria set: every problem, one line each, by code; Vietnamese by default', async () => {
    const file = write('broken.json', broken);
    const io = bufferIO();
    expect(await main(['validate', file], io)).toBe(1);
    expect(io.err.trim().split('\n')).toEqual([
      "Tệp 'broken.json' (tiêu chí 1.2): Trường \"max\" không hợp lệ: phải lớn hơn hoặc bằng 0",
      "Tệp 'broken.json' (tiêu chí 1.1): Mã tiêu chí \"1.1\" bị trùng: đã dùng cho \"A\"",
      "Tệp 'broken.json' (tiêu chí 1.4): Tham số của quy tắc \"perItem\" không hợp lệ tại per: phải lớn hơn 0",
    ]);
    expect(io.out).toBe('broken.json: bộ tiêu chí có 3 lỗi, 0 cảnh báo (chi tiết ở trên).\n');
  });

  test('the same set inside a scoring document, in English', async () => {
    const file = write('doc.json', { framework: broken, units: [{ code: 'KG', name: 'Kim Giang' }], assessments: [] });
    const io = bufferIO();
    expect(await main(['validate', file, '--lang', 'en'], io)).toBe(1);
    expect(io.err.trim().split('\n')).toEqual([
      "File 'doc.json' (criterion 1.2): Field \"max\" is invalid: must be at least 0",
      "File 'doc.json' (criterion 1.1): Criterion code \"1.1\" is used twice: already for \"A\"",
      "File 'doc.json' (criterion 1.4): Bad parameters for rule \"perItem\" at per: must be greater than 0",
    ]);
    expect(io.out).toBe('doc.json: scoring document has 3 errors, 0 warnings (listed above).\n');
  });

  test('a valid criteria set: exit 0 and what it holds', async () => {
    const file = write('ward.json', getBuiltinFramework('hanoi-ward-2940'));
    const io = bufferIO();
    expect(await main(['validate', file], io)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toMatch(/^ward\.json: bộ tiêu chí hợp lệ \(0 cảnh báo\)\. 7 lĩnh vực, \d+ tiêu chí chấm điểm\.\n$/);
  });

  test('JSON that does not parse is located at the file', async () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, '{"nodes": [');
    const io = bufferIO();
    expect(await main(['validate', file], io)).toBe(1);
    expect(io.err).toMatch(/^Tệp 'bad\.json': Không đọc được JSON/);
  });
});
