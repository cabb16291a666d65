/**
 * Replays the bad-input corpus (test/fixtures/bad/corpus.json, made by make-corpus.ts).
 * For each entry: nothing throws, the expected issue code is reported with its location,
 * every issue code has catalogue wording, and the CLI exits 1 without a stack trace and
 * leaves no output or temp file behind.
 */
import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateFramework, scoreDocument, isMessageCode, formatLocation, type Issue } from '../../engine';
import { validateTemplateFile } from '../../files/import';
import { openXlsxFile } from '../../files/node';
import type { CorpusEntry, CorpusManifest, Expectation } from '../fixtures/bad/corpus-types';
import { runCli, tmpDir, listAll, hasCommand, looksLikeCrash, matches, isLocated } from './helpers';

const BAD = path.resolve(__dirname, '../fixtures/bad');
const manifest = JSON.parse(readFileSync(path.join(BAD, 'corpus.json'), 'utf8')) as CorpusManifest;
const VALID_MASTER = path.join(BAD, 'masters/_valid-master.xlsx');

/** Where the entry's file is; generated-at-test-time files are made in a temp folder. */
async function materialise(e: CorpusEntry, dir: string): Promise<string> {
  if (!e.generate) return path.join(BAD, e.file);
  const p = path.join(dir, path.basename(e.file));
  const fh = await fsp.open(p, 'w');
  await fh.truncate(e.generate.sparseBytes);
  await fh.close();
  return p;
}

function expectLocated(issues: readonly Issue[], expected: readonly Expectation[], id: string): void {
  for (const want of expected) {
    const hit = issues.find((i) => matches(i, want));
    if (!hit) {
      const seen = issues.map((i) => `${i.code} ${JSON.stringify({ file: i.file, sheet: i.sheet, cell: i.cell, unit: i.unit, criterion: i.criterion, path: i.path })}`);
      throw new Error(`${id}: expected ${JSON.stringify(want)}; got\n  ${seen.join('\n  ')}`);
    }
  }
  for (const i of issues) {
    expect(isMessageCode(i.code)).toBe(true);
    if (!isLocated(i)) throw new Error(`${id}: issue without location: ${JSON.stringify(i)}`);
  }
}

describe('bad-input corpus', () => {
  test('has at least 40 entries, each with a file and an expected located issue', () => {
    expect(manifest.entries.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(manifest.entries.map((e) => e.id));
    expect(ids.size).toBe(manifest.entries.length);
    for (const e of manifest.entries) {
      expect(e.expect.length).toBeGreaterThan(0);
      if (!e.generate) expect(() => readFileSync(path.join(BAD, e.file))).not.toThrow();
      for (const x of e.expect) expect(isMessageCode(x.code)).toBe(true);
    }
    // every family of input is represented
    const kinds = new Set(manifest.entries.map((e) => e.kind));
    for (const k of ['framework', 'document', 'master', 'template', 'survey', 'file']) expect(kinds.has(k as CorpusEntry['kind'])).toBe(true);
  });

  const byEntry = (entry: CorpusEntry['entry']): [string, CorpusEntry][] => manifest.entries.filter((e) => e.entry === entry).map((e) => [e.id, e]);

  test.each(byEntry('validateFramework'))('%s: validateFramework', (id, e) => {
    const raw: unknown = JSON.parse(readFileSync(path.join(BAD, e.file), 'utf8'));
    let out: ReturnType<typeof validateFramework> | undefined;
    expect(() => (out = validateFramework(raw))).not.toThrow();
    expect(out?.compiled).toBeUndefined();
    expectLocated(out?.issues ?? [], e.expect, id);
  });

  test.each(byEntry('scoreDocument'))('%s: scoreDocument and `parindex score --json`', async (id, e) => {
    const file = path.join(BAD, e.file);
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    let out: ReturnType<typeof scoreDocument> | undefined;
    expect(() => (out = scoreDocument(raw))).not.toThrow();
    expect(out?.ok).toBe(false);
    expectLocated(out?.issues ?? [], e.expect, id);
    // the same through the CLI, results as JSON on stdout
    const r = await runCli(['score', file, '--json']);
    expect(looksLikeCrash(r.stderr)).toBe(false);
    expect(r.code).toBe(1);
    const printed = JSON.parse(r.stdout) as { issues: Issue[] };
    expectLocated(printed.issues, e.expect, id);
  });

  test.each(byEntry('validate'))('%s: validate, then templates/import leave nothing behind', async (id, e) => {
    const dir = await tmpDir('corpus');
    try {
      const file = await materialise(e, dir);
      const label = path.basename(file);
      const checked = await validateTemplateFile(file, 'vi');
      expectLocated(checked.issues, e.expect, id);
      if (hasCommand('validate')) {
        const v = await runCli(['validate', file]);
        expect(looksLikeCrash(v.stderr)).toBe(false);
        expect(v.code).toBe(1);
        const first = e.expect[0];
        if (first) expect(v.stderr).toContain(formatLocation({ ...first, file: first.file ?? label }).split(' (')[0]);
      }
      // No partial writes: a failed command leaves no output and no temp file.
      const outDir = path.join(dir, 'out');
      await fsp.mkdir(outDir);
      // Errors only on sheets a template does not carry ("Kê khai", survey, last year) never block
      // templates; any other error blocks them, and then nothing is written.
      const NOT_IN_TEMPLATES = ['Kê khai', 'Khảo sát', 'Khảo sát - tổng hợp', 'Chỉ số khảo sát', 'Năm trước'];
      const onlyUnrelated = e.kind === 'master' && e.expect.length > 0 && e.expect.every((x) => x.sheet !== undefined && NOT_IN_TEMPLATES.includes(x.sheet));
      if (e.kind === 'master' || e.kind === 'file') {
        const r = await runCli(['templates', file, '--out', path.join(outDir, 'templates')]);
        expect(looksLikeCrash(r.stderr)).toBe(false);
        if (onlyUnrelated) {
          expect(r.code).toBe(0);
          expect((await listAll(outDir)).length).toBeGreaterThan(0);
          await fsp.rm(outDir, { recursive: true, force: true });
          await fsp.mkdir(outDir);
        } else {
          expect(r.code).toBe(1);
          expect(await listAll(outDir)).toEqual([]);
        }
      }
      if (e.kind === 'template' || e.kind === 'file') {
        const out = path.join(outDir, 'master-moi.xlsx');
        const r = await runCli(['import', VALID_MASTER, file, '--out', out]);
        expect(looksLikeCrash(r.stderr)).toBe(false);
        expect(r.code).toBe(1);
        // import records a rejected file in a new master ("Tình hình nộp") and exits 1: the only
        // file allowed is that complete, readable master; never a temp or half-written file.
        const left = await listAll(outDir);
        expect(left.filter((f) => f !== 'master-moi.xlsx')).toEqual([]);
        if (left.length > 0) expect((await openXlsxFile(out)).issues).toEqual([]);
      }
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  test.each(byEntry('cli'))('%s: CLI', async (id, e) => {
    const dir = await tmpDir('corpus-cli');
    try {
      // work on a copy so that nothing can be written beside the committed fixture
      const file = path.join(dir, path.basename(e.file));
      await fsp.copyFile(path.join(BAD, e.file), file);
      const argv = (e.argv ?? []).map((a) => (a === '{file}' ? file : a.replace('{dir}', dir)));
      const r = await runCli(argv);
      expect(looksLikeCrash(r.stderr)).toBe(false);
      expect(r.code).toBe(e.exit ?? 1);
      // With --json the located issues are on stdout when the input could be read at all;
      // otherwise (unreadable file) the located message is on stderr.
      let issues: Issue[] = [];
      if (r.stdout.trim().startsWith('{')) issues = (JSON.parse(r.stdout) as { issues?: Issue[] }).issues ?? [];
      if (issues.length > 0 && e.expect.every((w) => issues.some((i) => matches(i, w)))) expectLocated(issues, e.expect, id);
      else for (const want of e.expect) expect(r.stderr).toContain(formatLocation(want));
      expect(await listAll(dir)).toEqual([path.basename(e.file)]);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
  test.each(byEntry('import'))('%s: parindex import of the valid master with the file', async (id, e) => {
    const dir = await tmpDir('corpus-import');
    try {
      // copies, so that nothing can be written beside the committed fixtures
      const files: string[] = [];
      for (const rel of [e.file, ...(e.with ?? [])]) {
        const p = path.join(dir, path.basename(rel));
        await fsp.copyFile(path.join(BAD, rel), p);
        files.push(p);
      }
      const outDir = path.join(dir, 'out');
      const out = path.join(outDir, 'master-moi.xlsx');
      const r = await runCli(['import', VALID_MASTER, ...files, '--out', out]);
      expect(looksLikeCrash(r.stderr)).toBe(false);
      expect(r.code).toBe(e.exit ?? 1);
      for (const want of e.expect) expect(r.stderr).toContain(formatLocation(want));
      // the only file written is the new master, complete and readable
      expect(await listAll(outDir)).toEqual(['master-moi.xlsx']);
      expect((await openXlsxFile(out)).issues).toEqual([]);
      expect(await listAll(dir)).toEqual([...files.map((p) => path.basename(p)), 'out/master-moi.xlsx'].sort());
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});
