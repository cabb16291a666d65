import * as fs from 'node:fs';
import * as path from 'node:path';
import { openXlsx, XlsxRejected } from '../../addin/taskpane/files';

const bad = path.join(__dirname, '..', 'fixtures', 'bad', 'files');

async function refusal(bytes: Uint8Array<ArrayBuffer>, name: string): Promise<string[]> {
  const file = Object.assign(new Blob([bytes]), { name });
  try {
    await openXlsx(file);
    return [];
  } catch (e) {
    if (!(e instanceof XlsxRejected)) throw e;
    expect(e.issues.every((i) => i.file === name)).toBe(true);
    return e.issues.map((i) => i.code);
  }
}

describe('the standalone page refuses what the CLI refuses, before unzipping', () => {
  test('an .xls renamed to .xlsx', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal(ole, 'cu.xlsx')).toEqual(['file.xls']);
  });
  test('a zip bomb', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(bad, 'zip-bomb-small.xlsx')));
    expect(await refusal(bytes, 'bom.xlsx')).toEqual(['file.zipBomb']);
  });
  test('an empty file', async () => {
    expect(await refusal(new Uint8Array(0), 'rong.xlsx')).toEqual(['file.empty']);
  });
  test('a real workbook opens', async () => {
    const good = fs.readdirSync(path.join(__dirname, '..', 'fixtures', 'broken-templates')).find((f) => f.startsWith('good'));
    expect(good).toBeDefined();
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'broken-templates', good ?? '')));
    const port = await openXlsx(Object.assign(new Blob([bytes]), { name: 'good.xlsx' }));
    expect((await port.listSheets()).length).toBeGreaterThan(0);
  });
});
