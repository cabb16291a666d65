/**
 * Nothing lost: every CLI command leaves its input files byte-identical; running a command
 * twice gives the same outputs (sheet values compared, timestamps masked); a write that fails
 * or is interrupted leaves the previous output intact and no temp file behind.
 */
import { promises as fsp } from 'node:fs';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ExcelJsPort } from '../../files/port';
import type { CellValue } from '../../engine/workbook/port';
import { runCli, tmpDir, listAll, sha256, looksLikeCrash } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const BAD = path.join(ROOT, 'test/fixtures/bad');

/** A scoring document whose areas sum to 100 (the corpus's base document, valid). */
async function writeValidDocument(file: string): Promise<void> {
  const doc = JSON.parse(await fsp.readFile(path.join(BAD, 'documents/duplicate-unit.json'), 'utf8')) as { units: unknown[] };
  doc.units = doc.units.slice(0, 2);
  await fsp.writeFile(file, JSON.stringify(doc));
}

const STAMP = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?|\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/g;

/** Every sheet's values, with date-times (run timestamps) masked. */
async function sheetValues(file: string): Promise<Record<string, CellValue[][]>> {
  const port = await ExcelJsPort.fromBuffer(await fsp.readFile(file));
  const names = (await port.listSheets()).map((s) => s.name);
  const out: Record<string, CellValue[][]> = {};
  for (const s of await port.read(names)) out[s.name] = s.values.map((row) => row.map((v) => (typeof v === 'string' ? v.replace(STAMP, '<time>') : v)));
  return out;
}

let dir = '';
let inputs: Record<string, string> = {};

beforeAll(async () => {
  dir = await tmpDir('lost');
  const inDir = path.join(dir, 'in');
  await fsp.mkdir(inDir);
  const copy = async (from: string, name: string): Promise<string> => {
    const to = path.join(inDir, name);
    await fsp.copyFile(from, to);
    return to;
  };
  inputs = {
    master: await copy(path.join(BAD, 'masters/_valid-master.xlsx'), 'master.xlsx'),
    filled: await copy(path.join(BAD, 'templates/_valid-KG.xlsx'), 'tu-danh-gia-KG.xlsx'),
    csv: await copy(path.join(ROOT, 'test/fixtures/sipas/responses.csv'), 'responses.csv'),
    sipasJson: await copy(path.join(ROOT, 'test/fixtures/sipas/small.json'), 'sipas.json'),
    doc: path.join(inDir, 'doc.json'),
  };
  await writeValidDocument(inputs['doc'] ?? '');
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const inp = (k: string): string => {
  const v = inputs[k];
  if (v === undefined) throw new Error(k);
  return v;
};

/** Run a command twice; inputs unchanged after each run; returns both runs. */
async function twice(argvOf: (run: number) => string[], expectCode = 0): Promise<[Awaited<ReturnType<typeof runCli>>, Awaited<ReturnType<typeof runCli>>]> {
  const before: Record<string, string> = {};
  for (const [k, f] of Object.entries(inputs)) before[k] = await sha256(f);
  const a = await runCli(argvOf(1));
  const b = await runCli(argvOf(2));
  for (const r of [a, b]) {
    expect(looksLikeCrash(r.stderr)).toBe(false);
    expect(r.code).toBe(expectCode);
  }
  for (const [k, f] of Object.entries(inputs)) expect(await sha256(f)).toBe(before[k]);
  expect((await listAll(path.join(dir, 'in'))).sort()).toEqual(['doc.json', 'master.xlsx', 'responses.csv', 'sipas.json', 'tu-danh-gia-KG.xlsx']);
  return [a, b];
}

describe('nothing lost: inputs untouched, re-runs identical', () => {
  test('score master.xlsx --out: input unchanged, two runs give the same sheets', async () => {
    const out = (n: number): string => path.join(dir, `score-${n}`, 'ket-qua.xlsx');
    await twice((n) => ['score', inp('master'), '--out', out(n), '--now', '2023-12-15']);
    expect(await sheetValues(out(1))).toEqual(await sheetValues(out(2)));
    expect(await listAll(path.join(dir, 'score-1'))).toEqual(['ket-qua.xlsx']);
  });

  test('score doc.json --json: input unchanged, identical output', async () => {
    const [a, b] = await twice(() => ['score', inp('doc'), '--json', '--now', '2023-12-15']);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toHaveProperty('units');
  });

  test('sipas responses.csv and sipas.json: inputs unchanged, identical output', async () => {
    const [a, b] = await twice(() => ['sipas', inp('csv'), '--json']);
    expect(a.stdout).toBe(b.stdout);
    const [c, d] = await twice(() => ['sipas', inp('sipasJson'), '--json']);
    expect(c.stdout).toBe(d.stdout);
  });

  test('templates: master unchanged, the same templates twice', async () => {
    const out = (n: number): string => path.join(dir, `templates-${n}`);
    await twice((n) => ['templates', inp('master'), '--out', out(n), '--now', '2023-11-01T08:00']);
    const files = await listAll(out(1));
    expect(files.length).toBeGreaterThan(0);
    expect(await listAll(out(2))).toEqual(files);
    for (const f of files) expect(await sheetValues(path.join(out(1), f))).toEqual(await sheetValues(path.join(out(2), f)));
  }, 300000);

  test('import: master and filled file unchanged, the same new master twice', async () => {
    const out = (n: number): string => path.join(dir, `import-${n}`, 'master-moi.xlsx');
    await twice((n) => ['import', inp('master'), inp('filled'), '--out', out(n), '--now', '2023-11-20T09:00']);
    expect(await sheetValues(out(1))).toEqual(await sheetValues(out(2)));
  });

  test('validate: master and filled template unchanged', async () => {
    await twice(() => ['validate', inp('master')]);
    await twice(() => ['validate', inp('filled')]);
  });

  test('demo --out twice: the same workbooks', async () => {
    const out = (n: number): string => path.join(dir, `demo-${n}`);
    await twice((n) => ['demo', '--out', out(n)]);
    const files = await listAll(out(1));
    expect(files).toEqual(expect.arrayContaining(['master.xlsx', 'results.xlsx']));
    expect(await listAll(out(2))).toEqual(files);
    for (const f of ['master.xlsx', 'results.xlsx']) expect(await sheetValues(path.join(out(1), f))).toEqual(await sheetValues(path.join(out(2), f)));
  }, 300000);

  test('an output may not be the input: score/import refuse to write over it', async () => {
    const before = await sha256(inp('master'));
    const r = await runCli(['score', inp('master'), '--out', inp('master')]);
    expect(r.code).toBe(1);
    expect(looksLikeCrash(r.stderr)).toBe(false);
    const i = await runCli(['import', inp('master'), inp('filled'), '--out', inp('master')]);
    expect(i.code).toBe(1);
    expect(await sha256(inp('master'))).toBe(before);
  });
});

describe('nothing lost: failed or interrupted writes', () => {
  // files/node.ts writes a temp file beside the output, then renames it over the output.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fsMod = require('node:fs') as typeof import('node:fs');

  async function previousOutput(name: string): Promise<{ out: string; hash: string; folder: string }> {
    const folder = path.join(dir, name);
    const out = path.join(folder, 'ket-qua.xlsx');
    const r = await runCli(['score', inp('master'), '--out', out, '--now', '2023-12-15']);
    expect(r.code).toBe(0);
    return { out, hash: await sha256(out), folder };
  }

  test('rename fails: the old output stays, the temp file is removed, exit 1 with a located message', async () => {
    const { out, hash, folder } = await previousOutput('rename-fails');
    const spy = jest.spyOn(fsMod.promises, 'rename').mockRejectedValueOnce(Object.assign(new Error('EXDEV: simulated rename failure'), { code: 'EXDEV' }));
    try {
      const r = await runCli(['score', inp('master'), '--out', out, '--now', '2023-12-16']);
      expect(spy).toHaveBeenCalled();
      expect(r.code).toBe(1);
      expect(looksLikeCrash(r.stderr)).toBe(false);
      expect(r.stderr).toContain('ket-qua.xlsx');
    } finally {
      spy.mockRestore();
    }
    expect(await sha256(out)).toBe(hash);
    expect(await listAll(folder)).toEqual(['ket-qua.xlsx']);
  });

  test('write dies half-way (disk full): the old output stays, the partial temp file is removed', async () => {
    const { out, hash, folder } = await previousOutput('disk-full');
    const real = fsMod.promises.writeFile.bind(fsMod.promises);
    const spy = jest.spyOn(fsMod.promises, 'writeFile').mockImplementationOnce(async (file, data) => {
      // write half of the bytes, then fail like a full disk
      const bytes = data instanceof Uint8Array ? data : new TextEncoder().encode(String(data));
      await real(file as string, bytes.subarray(0, Math.floor(bytes.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device (simulated)'), { code: 'ENOSPC' });
    });
    try {
      const r = await runCli(['score', inp('master'), '--out', out, '--now', '2023-12-16']);
      expect(spy).toHaveBeenCalled();
      expect(r.code).toBe(1);
      expect(looksLikeCrash(r.stderr)).toBe(false);
    } finally {
      spy.mockRestore();
    }
    expect(await sha256(out)).toBe(hash);
    expect(await listAll(folder)).toEqual(['ket-qua.xlsx']);
  });

  test('process killed (SIGKILL) while writing: the output is the old file or a complete new one', async () => {
    const { out, hash, folder } = await previousOutput('killed');
    const bin = path.join(ROOT, 'bin/parindex.cjs');
    // warm the bundle so that the kill lands in the command, not in the build
    await new Promise<void>((resolve) => spawn(process.execPath, [bin, 'help'], { stdio: 'ignore' }).on('exit', () => resolve()));
    for (const delay of [150, 400, 700, 1000]) {
      const child = spawn(process.execPath, [bin, 'score', inp('master'), '--out', out, '--now', '2023-12-17'], { stdio: 'ignore' });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const now = await sha256(out);
      if (now !== hash) {
        // the rename happened: the new output must be complete and readable
        const vals = await sheetValues(out);
        expect(Object.keys(vals).length).toBeGreaterThan(0);
      }
      // a temp file can only be left by a kill between its creation and the rename;
      // it is hidden (".ket-qua.xlsx.<pid>.<time>.tmp") and never mistaken for the output
      for (const f of await listAll(folder)) expect(f === 'ket-qua.xlsx' || /^\.ket-qua\.xlsx\.\d+\.\d+\.tmp$/.test(f)).toBe(true);
    }
  }, 300000);
});
