import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { MAX_XLSX_BYTES, openXlsxFile, samePath, saveXlsxAtomically, sniffWorkbookBytes } from '../../files/node';
import { ExcelJsPort } from '../../files/port';
import { tmpDir } from './helpers';

describe('opening and saving xlsx files', () => {
  test('missing file, too large file', async () => {
    const dir = await tmpDir('node');
    expect((await openXlsxFile(path.join(dir, 'nope.xlsx'))).issues.map((i) => i.code)).toEqual(['input.fileMissing']);
    const big = path.join(dir, 'big.xlsx');
    const fh = await fsp.open(big, 'w');
    await fh.truncate(MAX_XLSX_BYTES + 1); // sparse: no real disk use
    await fh.close();
    const r = await openXlsxFile(big);
    expect(r.issues.map((i) => [i.code, i.file, i.params?.['limit']])).toEqual([['file.tooLarge', 'big.xlsx', 20]]);
  });

  test('sniffing', () => {
    expect(sniffWorkbookBytes(new Uint8Array())).toBe('empty');
    expect(sniffWorkbookBytes(new TextEncoder().encode('a;b;c'))).toBe('notZip');
  });

  test('save refuses the input path (also through a symlink), writes atomically otherwise', async () => {
    const dir = await tmpDir('save');
    const port = ExcelJsPort.create();
    await port.write([{ name: 'A', marker: 'm', values: [['x']] }]);
    const input = path.join(dir, 'in.xlsx');
    await fsp.writeFile(input, await port.toBuffer());
    const link = path.join(dir, 'link.xlsx');
    await fsp.symlink(input, link);
    expect(samePath(input, link)).toBe(true);
    const refused = await saveXlsxAtomically(port, link, { inputPath: input });
    expect(refused.map((i) => i.code)).toEqual(['cli.sameFile']);
    const out = path.join(dir, 'sub', 'out.xlsx');
    expect(await saveXlsxAtomically(port, out, { inputPath: input })).toEqual([]);
    const opened = await openXlsxFile(out);
    expect(opened.issues).toEqual([]);
    expect((await opened.port?.listSheets())?.map((s) => s.name)).toEqual(['A']);
    // no temp file left behind
    expect((await fsp.readdir(path.dirname(out))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
