/**
 * Input limits: zip bombs and damaged central directories in .xlsx files (read from the central
 * directory before exceljs unzips anything), and size limits on CSV and JSON inputs (checked with
 * fs.stat before reading). Every refusal is a located issue, exit code 1, never a crash.
 * Also replays the corpus entries whose files are generated at test time (`cliGenerated`).
 */
import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { formatLocation, isMessageCode, messages, t, type Issue } from '../../engine';
import {
  checkZipLimits,
  MAX_CSV_BYTES,
  MAX_JSON_BYTES,
  MAX_XLSX_PART_BYTES,
  MAX_XLSX_PARTS,
  MAX_XLSX_RATIO,
  MAX_XLSX_UNPACKED_BYTES,
  openXlsxFile,
  readJsonFile,
  readZipDirectory,
  XLSX_RATIO_MIN_BYTES,
} from '../../files/node';
import { loadSipasFile } from '../../files/sipas/node';
import { ExcelJsPort } from '../../files/port';
import type { CorpusEntry, CorpusManifest } from '../fixtures/bad/corpus-types';
import { isLocated, looksLikeCrash, matches, runCli, tmpDir } from './helpers';

const MB = 1024 * 1024;
const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/** An .xlsx-looking zip whose sheet part is `sheetBytes` of one repeated empty row, deflated at level 9. */
async function bombXlsx(sheetBytes: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CT);
  zip.file('xl/workbook.xml', '<workbook/>');
  zip.file('xl/worksheets/sheet1.xml', '<row/>'.repeat(Math.floor(sheetBytes / 6)));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A real, small workbook written by exceljs. */
async function normalXlsx(): Promise<Uint8Array> {
  const port = ExcelJsPort.create();
  await port.write([{ name: 'Đơn vị', marker: 'm', values: [['Mã', 'Tên'], ['KG', 'Phường Kim Giang'], ['HD', 'Phường Hạ Đình']] }]);
  return port.toBuffer();
}

/**
 * Hand-built zip whose central directory may declare other sizes than the data it stores
 * (`declared`): exercises the directory checks without allocating hundreds of MB.
 */
function rawZip(files: { name: string; data: Uint8Array; declared?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const body = deflateRawSync(f.data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(f.declared ?? f.data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(f.declared ?? f.data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, body);
    centrals.push(ch, name);
    offset += lh.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/**
 * A ZIP64 archive (as written for parts over 4 GB): every size in the central headers is
 * 0xFFFFFFFF with the real values in the ZIP64 extra field, and the end record points to a
 * ZIP64 end record through its locator.
 */
function zip64(files: { name: string; data: Uint8Array; declared?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const u64 = (b: Buffer, v: number, at: number): void => {
    b.writeUInt32LE(v % 0x1_0000_0000, at);
    b.writeUInt32LE(Math.floor(v / 0x1_0000_0000), at + 4);
  };
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const body = deflateRawSync(f.data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(45, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(45, 4);
    ch.writeUInt16LE(45, 6);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(0xffffffff, 20);
    ch.writeUInt32LE(0xffffffff, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt16LE(4 + 24, 30);
    ch.writeUInt32LE(0xffffffff, 42);
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    u64(extra, f.declared ?? f.data.length, 4); // uncompressed
    u64(extra, body.length, 12); // compressed
    u64(extra, offset, 20); // local header offset
    locals.push(lh, name, body);
    centrals.push(ch, name, extra);
    offset += lh.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const rec = Buffer.alloc(56);
  rec.writeUInt32LE(0x06064b50, 0);
  u64(rec, 44, 4);
  rec.writeUInt16LE(45, 12);
  rec.writeUInt16LE(45, 14);
  u64(rec, files.length, 24);
  u64(rec, files.length, 32);
  u64(rec, cd.length, 40);
  u64(rec, offset, 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  u64(loc, offset + cd.length, 8);
  loc.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, rec, loc, end]));
}

const xlsxParts = (extra: { name: string; data: Uint8Array; declared?: number }[]): Uint8Array =>
  rawZip([{ name: '[Content_Types].xml', data: new TextEncoder().encode(CT) }, { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>') }, ...extra]);

async function sparse(file: string, bytes: number): Promise<void> {
  const fh = await fsp.open(file, 'w');
  await fh.truncate(bytes); // sparse: no real disk use
  await fh.close();
}

function codes(issues: readonly Issue[]): string[] {
  return issues.map((i) => i.code);
}

describe('limits chosen', () => {
  test('documented values', () => {
    expect(MAX_XLSX_UNPACKED_BYTES).toBe(200 * MB);
    expect(MAX_XLSX_PART_BYTES).toBe(150 * MB);
    expect(MAX_XLSX_PARTS).toBe(10_000);
    expect(MAX_XLSX_RATIO).toBe(200);
    expect(XLSX_RATIO_MIN_BYTES).toBe(1 * MB);
    expect(MAX_CSV_BYTES).toBe(100 * MB);
    expect(MAX_JSON_BYTES).toBe(50 * MB);
    for (const code of ['file.zipBomb', 'file.partTooLarge', 'file.unpackedTooLarge', 'file.tooManyParts', 'file.csvTooLarge', 'file.jsonTooLarge'] as const) {
      expect(messages[code]?.vi).toBeTruthy();
      expect(messages[code]?.en).toBeTruthy();
    }
  });
});

describe('zip central directory', () => {
  test('a normal workbook: the directory lists every part with its real unzipped size, and it still opens', async () => {
    const bytes = await normalXlsx();
    const dir = readZipDirectory(bytes);
    if (!dir.ok) throw new Error(dir.detail);
    // Compare with what JSZip actually unzips, part by part.
    const zip = await JSZip.loadAsync(bytes);
    const real = new Map<string, number>();
    // (exceljs writes folder entries too: they unzip to 0 bytes)
    for (const f of Object.values(zip.files)) real.set(f.name, f.dir ? 0 : (await f.async('uint8array')).length);
    expect(new Map(dir.entries.map((e) => [e.name, e.uncompressed]))).toEqual(real);
    expect(dir.totalUncompressed).toBe([...real.values()].reduce((a, b) => a + b, 0));
    expect(checkZipLimits(bytes, 'a.xlsx')).toEqual([]);

    const tmp = await tmpDir('limits-ok');
    try {
      const file = path.join(tmp, 'don-vi.xlsx');
      await fsp.writeFile(file, bytes);
      const opened = await openXlsxFile(file);
      expect(opened.issues).toEqual([]);
      expect(opened.port).toBeDefined();
    } finally {
      await fsp.rm(tmp, { recursive: true, force: true });
    }
  });

  test('the committed corpus masters and templates pass the limits (ratios about 5–7:1)', () => {
    const bad = path.resolve(__dirname, '../fixtures/bad');
    for (const rel of ['masters/_valid-master.xlsx', 'templates/_valid-KG.xlsx']) {
      const bytes = new Uint8Array(readFileSync(path.join(bad, rel)));
      expect(checkZipLimits(bytes, rel)).toEqual([]);
    }
  });

  test('zip bomb: 8 MB of one repeated row deflated at level 9 is refused before unzipping', async () => {
    const bytes = await bombXlsx(8 * MB);
    // 8 MB of a 6-byte pattern: JSZip at level 9 stores about 12 KB (ratio ~690:1, limit 200:1).
    expect(bytes.length).toBeLessThan(40 * 1024);
    const tmp = await tmpDir('limits-bomb');
    try {
      const file = path.join(tmp, 'bom.xlsx');
      await fsp.writeFile(file, bytes);
      const r = await openXlsxFile(file);
      expect(r.port).toBeUndefined();
      expect(codes(r.issues)).toEqual(['file.zipBomb']);
      const i = r.issues[0];
      expect(i?.file).toBe('bom.xlsx');
      expect(i?.params?.['part']).toBe('xl/worksheets/sheet1.xml');
      expect(i?.params?.['limit']).toBe(200);
      expect(Number(i?.params?.['ratio'])).toBeGreaterThan(200);
      expect(i?.params?.['size']).toBe(8);
      // The message says what was found, the limit and what to do (vi first, en with --lang en).
      const vi = t(i?.code ?? 'internal.error', i?.params, 'vi');
      expect(vi).toContain('xl/worksheets/sheet1.xml');
      expect(vi).toContain('giới hạn 200:1');
      expect(vi).toContain('bom nén');
      expect(t(i?.code ?? 'internal.error', i?.params, 'en')).toContain('zip bomb');

      // Through the CLI: exit 1, located message, no stack trace, no output written.
      const out = path.join(tmp, 'ket-qua.xlsx');
      const s = await runCli(['score', file, '--out', out]);
      expect(s.code).toBe(1);
      expect(looksLikeCrash(s.stderr)).toBe(false);
      expect(s.stderr).toContain(formatLocation({ file: 'bom.xlsx' }));
      expect(s.stderr).toContain('bom nén');
      await expect(fsp.stat(out)).rejects.toThrow();
    } finally {
      await fsp.rm(tmp, { recursive: true, force: true });
    }
  });

  test('ratio rule only for parts of at least 1 MB: a 512 KB repetitive part passes', async () => {
    const bytes = await bombXlsx(512 * 1024);
    expect(checkZipLimits(bytes, 'a.xlsx')).toEqual([]);
  });

  test('one part above 150 MB, or all parts above 200 MB (declared in the central directory)', () => {
    const small = new TextEncoder().encode('<row/>');
    const part = checkZipLimits(xlsxParts([{ name: 'xl/worksheets/sheet1.xml', data: small, declared: 151 * MB }]), 'a.xlsx');
    expect(codes(part)).toEqual(['file.partTooLarge']);
    expect(part[0]?.params).toMatchObject({ part: 'xl/worksheets/sheet1.xml', size: 151, limit: 150 });
    // two parts of 101 MB: each under 150 MB, together 202 MB (+ 2 small parts) over 200 MB
    const total = checkZipLimits(
      xlsxParts([
        { name: 'xl/worksheets/sheet1.xml', data: small, declared: 101 * MB },
        { name: 'xl/worksheets/sheet2.xml', data: small, declared: 101 * MB },
      ]),
      'a.xlsx',
    );
    expect(codes(total)).toEqual(['file.unpackedTooLarge']);
    expect(total[0]?.params).toMatchObject({ size: 202, limit: 200, count: 4 });
    expect(t('file.unpackedTooLarge', total[0]?.params, 'vi')).toContain('202 MB');
  });

  test('ZIP64 directories: real sizes read from the extra field; a 5 GB part is refused', async () => {
    const ct = new TextEncoder().encode(CT);
    const sheet = new TextEncoder().encode('<row/>'.repeat(100));
    const bytes = zip64([{ name: '[Content_Types].xml', data: ct }, { name: 'xl/worksheets/sheet1.xml', data: sheet }]);
    // the hand-built archive is a valid ZIP64 file for JSZip too
    expect(await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')?.async('string')).toBe('<row/>'.repeat(100));
    const ok = readZipDirectory(bytes);
    if (!ok.ok) throw new Error(ok.detail);
    expect(ok.entries.map((e) => [e.name, e.uncompressed])).toEqual([['[Content_Types].xml', ct.length], ['xl/worksheets/sheet1.xml', 600]]);
    expect(ok.totalUncompressed).toBe(ct.length + 600);
    const huge = checkZipLimits(zip64([{ name: '[Content_Types].xml', data: ct }, { name: 'xl/worksheets/sheet1.xml', data: sheet, declared: 5 * 1024 * MB }]), 'a.xlsx');
    expect(codes(huge)).toEqual(['file.partTooLarge']);
    expect(huge[0]?.params).toMatchObject({ size: 5120, limit: 150 });
  });

  test('more than 10,000 parts', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', CT);
    zip.file('xl/workbook.xml', '<workbook/>');
    for (let i = 0; i < MAX_XLSX_PARTS; i++) zip.file(`xl/p/${i}.xml`, '');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    const r = checkZipLimits(bytes, 'nhieu.xlsx');
    // 10,000 + 2 files; JSZip also writes the folder entries xl/ and xl/p/
    expect(codes(r)).toEqual(['file.tooManyParts']);
    expect(r[0]?.params?.['count']).toBe(MAX_XLSX_PARTS + 4);
  });

  test('damaged central directories are reported as a damaged file', async () => {
    const good = Buffer.from(await normalXlsx());
    const eocd = good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cdOffset = good.readUInt32LE(eocd + 16);
    const cases: [string, Uint8Array][] = [
      ['end record cut off', good.subarray(0, good.length - 10)],
      ['directory cut short', Buffer.concat([good.subarray(0, cdOffset + 30), good.subarray(eocd)])],
      // directory offset pointing past its own end record
      ['offset out of range', (() => { const b = Buffer.from(good); b.writeUInt32LE(eocd + 100, eocd + 16); return b; })()],
      // first entry's header signature overwritten
      ['entry signature broken', (() => { const b = Buffer.from(good); b.writeUInt32LE(0, cdOffset); return b; })()],
      // a part claimed to be far larger (stored bytes) than the space before the directory
      ['part past the directory', (() => { const b = Buffer.from(good); b.writeUInt32LE(cdOffset + 1, cdOffset + 20); return b; })()],
    ];
    const tmp = await tmpDir('limits-cd');
    try {
      for (const [what, bytes] of cases) {
        const dir = readZipDirectory(bytes);
        expect([what, dir.ok]).toEqual([what, false]);
        const file = path.join(tmp, 'hong.xlsx');
        await fsp.writeFile(file, bytes);
        const r = await openXlsxFile(file);
        expect([what, codes(r.issues)]).toEqual([what, ['file.corrupt']]);
        expect(r.issues[0]?.file).toBe('hong.xlsx');
      }
    } finally {
      await fsp.rm(tmp, { recursive: true, force: true });
    }
  });

  test('a survey workbook that is a zip bomb is refused too', async () => {
    const tmp = await tmpDir('limits-sipas-bomb');
    try {
      const file = path.join(tmp, 'phieu.xlsx');
      await fsp.writeFile(file, await bombXlsx(4 * MB));
      const r = await loadSipasFile(file);
      expect(r.doc).toBeUndefined();
      expect(codes(r.issues)).toEqual(['file.zipBomb']);
      expect(r.issues[0]?.file).toBe('phieu.xlsx');
    } finally {
      await fsp.rm(tmp, { recursive: true, force: true });
    }
  });
});

describe('CSV and JSON size limits (checked before reading)', () => {
  test('CSV of 100 MB + 1 byte is refused; at the limit it is read', async () => {
    const tmp = await tmpDir('limits-csv');
    try {
      const big = path.join(tmp, 'phieu.csv');
      await sparse(big, MAX_CSV_BYTES + 1);
      const r = await loadSipasFile(big);
      expect(codes(r.issues)).toEqual(['file.csvTooLarge']);
      // 100 MB + 1 byte shows as 100 MB (one decimal)
      expect(r.issues[0]).toMatchObject({ file: 'phieu.csv', params: { size: 100, limit: 100 } });
      const cli = await runCli(['sipas', big]);
      expect(cli.code).toBe(1);
      expect(looksLikeCrash(cli.stderr)).toBe(false);
      expect(cli.stderr).toContain("Tệp 'phieu.csv'");
      expect(cli.stderr).toContain('giới hạn 100 MB');
      const en = await runCli(['sipas', big, '--lang', 'en']);
      expect(en.stderr).toContain('limit 100 MB');
      // A small valid CSV still scores.
      const ok = path.join(tmp, 'ok.csv');
      await fsp.writeFile(ok, 'unit,II.1.1\nKG,5\nKG,4\n');
      const small = await loadSipasFile(ok);
      expect(small.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(small.doc?.responses?.length).toBe(2);
    } finally {
      await fsp.rm(tmp, { recursive: true, force: true });
    }
  });

  test('JSON of 50 MB + 1 byte is refused by score and sipas; a small one with a BOM is read', async () => {
    const tmp = await tmpDir('limits-json');
    try {
      const big = path.join(tmp, 'tai-lieu.json');
      await sparse(big, MAX_JSON_BYTES + 1);
      expect(codes((await readJsonFile(big)).issues)).toEqual(['file.jsonTooLarge']);
      for (const argv of [['score', big], ['sipas', big], ['score', big, '--json']]) {
        const r = await runCli(argv);
        expect([argv.join(' '), r.code]).toEqual([argv.join(' '), 1]);
        expect(looksLikeCrash(r.stderr)).toBe(false);
        expect(r.stderr).toContain('tai-lieu.json');
        expect(r.stderr).toContain('giới hạn 50 MB');
      }
      const sip = await loadSipasFile(big);
      expect(sip.issues[0]).toMatchObject({ code: 'file.jsonTooLarge', file: 'tai-lieu.json', params: { size: 50, limit: 50 } });

      const small = path.join(tmp, 'nho.json');
      await fsp.writeFile(small, '\uFEFF{"a": [1, 2]}');
      expect(await readJsonFile(small)).toEqual({ raw: { a: [1, 2] }, issues: [] });
      const broken = await readJsonFile(path.join(tmp, 'khong-co.json'));
      expect(codes(broken.issues)).toEqual(['input.fileMissing']);
    } finally {
      await fsp.rm(tmp, { recursive: true, force: true });
    }
  });
});

describe('generated corpus entries (cliGenerated)', () => {
  const BAD = path.resolve(__dirname, '../fixtures/bad');
  const manifest = JSON.parse(readFileSync(path.join(BAD, 'corpus.json'), 'utf8')) as CorpusManifest;
  const generated: [string, CorpusEntry][] = manifest.entries.filter((e) => e.entry === 'cliGenerated').map((e) => [e.id, e]);

  test('there are some', () => {
    expect(generated.length).toBeGreaterThanOrEqual(3);
  });

  test.each(generated)('%s', async (_id, e) => {
    const tmp = await tmpDir('limits-corpus');
    try {
      const file = path.join(tmp, path.basename(e.file));
      await sparse(file, e.generate?.sparseBytes ?? 0);
      const argv = (e.argv ?? []).map((a) => (a === '{file}' ? file : a));
      const r = await runCli(argv);
      expect(looksLikeCrash(r.stderr)).toBe(false);
      expect(r.code).toBe(e.exit ?? 1);
      for (const want of e.expect) {
        const code = want.code;
        if (!isMessageCode(code)) throw new Error(`no message for ${code}`);
        expect(r.stderr).toContain(t(code, { size: Math.round(((e.generate?.sparseBytes ?? 0) / MB) * 10) / 10, limit: code === 'file.csvTooLarge' ? 100 : 50, file: path.basename(file) }, 'vi'));
        if (want.file) expect(r.stderr).toContain(formatLocation({ file: want.file }));
      }
      // Also through the loaders: the issue is located.
      const loaded = argv[0] === 'sipas' ? (await loadSipasFile(file)).issues : (await readJsonFile(file)).issues;
      for (const want of e.expect) expect(loaded.some((i) => matches(i, want) && isLocated(i))).toBe(true);
      // nothing written beside the input
      expect(await fsp.readdir(tmp)).toEqual([path.basename(file)]);
    } finally {
      await fsp.rm(tmp, { recursive: true, force: true });
    }
  });
});
