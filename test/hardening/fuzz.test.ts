/**
 * Property-based fuzzing of every reader and validator that takes user data:
 *   - sheet grids (random values, error cells, merged ranges, hidden rows, formats) → the master
 *     reader (readMaster) and the filled-template parser (parseFilledTemplate);
 *   - JSON documents (random and mutated) → validateFramework, scoreDocument, scoreSipas;
 *   - survey CSV bytes (token soup, UTF-16, random bytes) → readSipasCsv then scoreSipas.
 * Properties: nothing throws; every issue has a catalogue code and a location.
 *
 * Budget: about 12,000 cases by default (under a minute on 2 cores). `FUZZ_RUNS=<n>` sets the
 * runs of every property (scripts/fuzz.mjs), FUZZ_SEED replays a failure.
 */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { validateFramework, scoreDocument, messages, type Issue } from '../../engine';
import { scoreSipas } from '../../engine/sipas';
import { readMaster, type MasterDocument } from '../../engine/workbook/master';
import { parseFilledTemplate } from '../../engine/workbook/import';
import type { CellValue, SheetInfo, SheetSnapshot } from '../../engine/workbook/port';
import { a1 } from '../../engine/workbook/a1';
import { ExcelJsPort } from '../../files/port';
import { readSipasCsv } from '../../files/sipas';
import { isLocated } from './helpers';

const ENV_RUNS = Number(process.env['FUZZ_RUNS'] ?? '');
const runs = (n: number): number => (Number.isFinite(ENV_RUNS) && ENV_RUNS > 0 ? ENV_RUNS : n);
const SEED = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : undefined;
/** Generous per-test timeout: the budget is CPU time; a busy shared machine stretches wall time. */
const SLOW = 600000;
const params = (n: number): fc.Parameters<unknown> => ({ numRuns: runs(n), ...(SEED !== undefined ? { seed: SEED } : {}) });

const BAD = path.resolve(__dirname, '../fixtures/bad');

/** The checked properties of an issue list. Returns a description of the first violation, or ''. */
function badIssue(issues: readonly Issue[]): string {
  for (const i of issues) {
    if (messages[i.code] === undefined) return `code without wording: ${i.code}`;
    if (!isLocated(i)) return `issue without location: ${JSON.stringify(i)}`;
    if (i.severity !== 'error' && i.severity !== 'warning' && i.severity !== 'info') return `bad severity ${String(i.severity)}`;
  }
  return '';
}

function assertIssues(issues: readonly Issue[]): void {
  const why = badIssue(issues);
  if (why) throw new Error(why);
}

// ------------------------------------------------------------------------------------------
// Value generators

const errorValue = fc.constantFrom('#DIV/0!', '#REF!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!');
const nastyString = fc.constantFrom(
  '', ' ', 'Có', 'Không', 'Không áp dụng', 'co', 'KHÔNG', '=1+1', '+1', '-1', '@SUM(A1)', '\t1', 'Infinity', '-Infinity', 'NaN', '1e308', '1,5', '87,5%',
  '0.875', '31/12/2023', '2023-02-30', '2023-12-31', '45291', 'KG', 'QTX', 'XX', '1.1', '1', 'Q.1', '__proto__', 'constructor', 'toString', '{"kind":"yesNo"}',
  '{"kind":', 'A ≥ 90; B ≥ 80', 'selfAssessment', 'ward', 'office', 'district', 'ĐÚNG HẠN', 'Quá hạn 3 ngày', '\u0000', '\uFEFF', 'x'.repeat(300),
);
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: false }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, 5e-324, -0, 0.25, 100, 101) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
);

/** Random edits of a sheet: set cells (also far outside the table), error cells, merges, hidden rows, formats. */
interface SheetEdits {
  sets: { r: number; c: number; v: CellValue }[];
  errors: { r: number; c: number; e: string }[];
  merges: { r: number; c: number; h: number; w: number }[];
  hidden: number[];
  pct: { r: number; c: number }[];
  dropRows: number;
  rename: string | null;
  state: 'visible' | 'hidden' | 'veryHidden' | null;
}

const edits = (rows: number, cols: number): fc.Arbitrary<SheetEdits> =>
  fc.record({
    sets: fc.array(fc.record({ r: fc.nat({ max: rows + 3 }), c: fc.nat({ max: cols + 2 }), v: cellValue }), { maxLength: 12 }),
    errors: fc.array(fc.record({ r: fc.nat({ max: rows + 1 }), c: fc.nat({ max: cols }), e: errorValue }), { maxLength: 3 }),
    merges: fc.array(fc.record({ r: fc.nat({ max: rows }), c: fc.nat({ max: cols }), h: fc.integer({ min: 1, max: 3 }), w: fc.integer({ min: 1, max: 3 }) }), { maxLength: 2 }),
    hidden: fc.array(fc.integer({ min: 1, max: rows + 2 }), { maxLength: 2 }),
    pct: fc.array(fc.record({ r: fc.nat({ max: rows }), c: fc.nat({ max: cols }) }), { maxLength: 2 }),
    dropRows: fc.constantFrom(0, 0, 0, 1, 3),
    rename: fc.option(fc.constantFrom('Sheet1', 'Ke khai', 'Units', 'Đơn vị ', '_meta', 'Tự đánh giá (2)'), { freq: 12 }),
    state: fc.option(fc.constantFrom('visible' as const, 'hidden' as const, 'veryHidden' as const), { freq: 10 }),
  });

function applyEdits(s: SheetSnapshot, e: SheetEdits): SheetSnapshot {
  const values = s.values.map((row) => [...row]).slice(0, Math.max(0, s.values.length - e.dropRows));
  const errors: Record<string, string> = { ...(s.errors ?? {}) };
  const formats: Record<string, string> = { ...(s.formats ?? {}) };
  const set = (r: number, c: number, v: CellValue): void => {
    while (values.length <= r) values.push([]);
    const row = values[r] ?? [];
    while (row.length < c) row.push(null);
    row[c] = v;
    values[r] = row;
  };
  for (const x of e.sets) set(x.r, x.c, x.v);
  for (const x of e.errors) {
    set(x.r, x.c, null);
    errors[a1(x.r, x.c)] = x.e;
  }
  for (const x of e.pct) formats[a1(x.r, x.c)] = '0.00%';
  const merged = [...(s.merged ?? []), ...e.merges.map((m) => `${a1(m.r, m.c)}:${a1(m.r + m.h - 1, m.c + m.w - 1)}`)];
  const out: SheetSnapshot = { ...s, values, errors, formats, merged, hiddenRows: [...(s.hiddenRows ?? []), ...e.hidden] };
  if (e.rename !== null) out.name = e.rename;
  if (e.state !== null) out.state = e.state;
  return out;
}

async function snapshotsOf(file: string): Promise<{ sheets: SheetInfo[]; snapshots: SheetSnapshot[] }> {
  const port = await ExcelJsPort.fromBuffer(readFileSync(file));
  const sheets = await port.listSheets();
  return { sheets, snapshots: await port.read(sheets.map((s) => s.name)) };
}

let master: SheetSnapshot[] = [];
let template: { sheets: SheetInfo[]; snapshots: SheetSnapshot[] } = { sheets: [], snapshots: [] };
let masterDoc: MasterDocument | undefined;

beforeAll(async () => {
  master = (await snapshotsOf(path.join(BAD, 'masters/_valid-master.xlsx'))).snapshots;
  template = await snapshotsOf(path.join(BAD, 'templates/_valid-KG.xlsx'));
  const read = readMaster(master, 'master.xlsx');
  masterDoc = read.doc;
  // the starting points are valid: every issue found later comes from the fuzzed edits
  expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
});

/** Edits for a few of the sheets of a workbook (by index), the rest untouched. */
const workbookEdits = (sheetCount: number): fc.Arbitrary<{ sheet: number; e: SheetEdits }[]> =>
  fc.array(fc.record({ sheet: fc.nat({ max: Math.max(0, sheetCount - 1) }), e: edits(30, 20) }), { minLength: 1, maxLength: 3 });

function editWorkbook(snaps: readonly SheetSnapshot[], list: readonly { sheet: number; e: SheetEdits }[], drop: number | null): SheetSnapshot[] {
  let out = [...snaps];
  for (const { sheet, e } of list) {
    const s = out[sheet];
    if (s) out[sheet] = applyEdits(s, e);
  }
  if (drop !== null) out = out.filter((_, i) => i !== drop % Math.max(1, out.length));
  return out;
}

describe('fuzz: sheet grids', () => {
  test('readMaster on mutated master workbooks never throws; issues are catalogued and located', () => {
    fc.assert(
      fc.property(workbookEdits(12), fc.option(fc.nat({ max: 11 }), { freq: 6 }), (list, drop) => {
        const snaps = editWorkbook(master, list, drop);
        const { issues } = readMaster(snaps, 'master.xlsx');
        assertIssues(issues);
      }),
      params(1500),
    );
  }, SLOW);

  test('readMaster on random grids with master sheet names never throws', () => {
    const names = fc.constantFrom('Cấu hình', 'Bộ tiêu chí', 'Đơn vị', 'Kê khai', 'Vòng đánh giá', 'Khảo sát', 'Khảo sát - tổng hợp', 'Units', 'Submissions', 'Criteria', 'Khác');
    const grid = fc.array(fc.array(cellValue, { maxLength: 12 }), { maxLength: 10 });
    const snap = fc.record({ name: names, values: grid, e: edits(10, 12) }).map(({ name, values, e }) => applyEdits({ name, values }, e));
    fc.assert(
      fc.property(fc.array(snap, { maxLength: 6 }), (snaps) => {
        assertIssues(readMaster(snaps, 'x.xlsx').issues);
      }),
      params(1000),
    );
  }, SLOW);

  test('parseFilledTemplate on mutated filled templates never throws; issues are catalogued and located', () => {
    const ctx = (): { framework?: MasterDocument['framework']; units?: MasterDocument['units'] } =>
      masterDoc ? { framework: masterDoc.framework, units: masterDoc.units } : {};
    fc.assert(
      fc.property(workbookEdits(template.snapshots.length), fc.option(fc.nat({ max: 5 }), { freq: 8 }), fc.boolean(), (list, drop, accept) => {
        const snaps = editWorkbook(template.snapshots, list, drop);
        const sheets = snaps.map((s) => ({ name: s.name, state: s.state ?? 'visible' }));
        const parsed = parseFilledTemplate({ file: 'tu-danh-gia-KG.xlsx', sheets, snapshots: snaps }, ctx(), { acceptValidRows: accept });
        assertIssues(parsed.issues);
        // a file with errors brings nothing in unless valid rows are accepted
        if (!accept && parsed.issues.some((i) => i.severity === 'error')) expect(parsed.assessments).toEqual([]);
      }),
      params(1500),
    );
  }, SLOW);
});

// ------------------------------------------------------------------------------------------
// JSON documents

const VALID_DOC = JSON.parse(readFileSync(path.join(BAD, 'documents/duplicate-unit.json'), 'utf8')) as { framework: unknown; units: unknown[]; assessments: unknown[] };
// drop the duplicate unit: the base document is valid
VALID_DOC.units = VALID_DOC.units.slice(0, 2);

const jsonLeaf: fc.Arbitrary<unknown> = fc.oneof(
  cellValue,
  fc.constantFrom(undefined, [], {}, [1, 2], { kind: 'yesNo' }, { kind: 'formula', expr: 'import({}, {override: true})' }, { kind: 'formula', expr: 'x.constructor' }, JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown, Number.POSITIVE_INFINITY),
);

type Mutation = { at: number; op: 'set' | 'delete' | 'dup'; value: unknown };
const mutationsOf = (leafArb: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation[]> =>
  fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('set' as const, 'delete' as const, 'dup' as const), value: leafArb }), { minLength: 1, maxLength: 4 });
const mutations = mutationsOf(jsonLeaf);
/**
 * SIPAS weights and counts are kept within ±1e12 here: beyond that the SIPAS engine's sums
 * overflow (a weight or count of 1e308 gives an overall index of Infinity, two give "no data");
 * see docs/hardening.md, known issues. Everything else is as nasty as for the other documents.
 */
const sipasLeaf: fc.Arbitrary<unknown> = jsonLeaf.filter((v) => typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) <= 1e12);

/** Every (container, key) pair of a JSON value, depth-first. */
function slots(v: unknown, out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = []): typeof out {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push({ parent: v, key: i }), slots(x, out)));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push({ parent: v as Record<string, unknown>, key: k });
      slots(x, out);
    }
  }
  return out;
}

function mutate<T>(base: T, ms: readonly Mutation[]): T {
  const doc = structuredClone(base);
  for (const m of ms) {
    const all = slots(doc);
    const s = all[m.at % Math.max(1, all.length)];
    if (!s) continue;
    if (Array.isArray(s.parent)) {
      const i = s.key as number;
      if (m.op === 'set') s.parent[i] = structuredClone(m.value);
      else if (m.op === 'delete') s.parent.splice(i, 1);
      else s.parent.push(structuredClone(s.parent[i]));
    } else {
      const k = s.key as string;
      if (m.op === 'set') s.parent[k] = structuredClone(m.value);
      else if (m.op === 'delete') delete s.parent[k];
      else s.parent[`${k}`] = structuredClone(s.parent[k]);
    }
  }
  return doc;
}

describe('fuzz: JSON documents', () => {
  test('validateFramework on mutated criteria sets', () => {
    fc.assert(
      fc.property(mutations, (ms) => {
        assertIssues(validateFramework(mutate(VALID_DOC.framework, ms)).issues);
      }),
      params(2000),
    );
  }, SLOW);

  test('scoreDocument on mutated scoring documents: never throws; issues located; indices finite', () => {
    fc.assert(
      fc.property(mutations, (ms) => {
        const out = scoreDocument(mutate(VALID_DOC, ms));
        assertIssues(out.issues);
        for (const u of out.results.units) {
          expect(Number.isFinite(u.index)).toBe(true);
          expect(u.index).toBeGreaterThanOrEqual(0);
          expect(u.score).toBeLessThanOrEqual(u.max + 1e-9);
        }
      }),
      params(2000),
    );
  }, SLOW);

  test('scoreDocument and validateFramework on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        assertIssues(scoreDocument(a).issues);
        assertIssues(scoreDocument({ framework: a, units: b, assessments: b }).issues);
        assertIssues(validateFramework(a).issues);
      }),
      params(500),
    );
  }, SLOW);

  const sipasBase = {
    method: { item: 'topTwoBox' },
    responses: [
      { unit: 'KG', answers: { 'II.1.1': 5, 'II.1.2': 4, 'II.2.1': 3 }, weight: 1 },
      { unit: 'KG', answers: { 'II.1.1': 4, 'II.1.2': null, 'II.2.1': 5 } },
      { unit: 'HD', answers: { 'II.1.1': 2, 'II.1.2': 5, 'II.2.1': 4 } },
    ],
    counts: [{ unit: 'TD', item: 'II.1.1', levels: [2, 3, 10, 40, 45], blank: 1 }],
  };

  test('scoreSipas on mutated and arbitrary SIPAS documents', () => {
    fc.assert(
      fc.property(mutationsOf(sipasLeaf), fc.jsonValue(), (ms, any) => {
        const a = scoreSipas(mutate(sipasBase, ms));
        assertIssues(a.result.issues);
        for (const u of a.result.units) {
          if (u.overall === null) continue;
          expect(Number.isFinite(u.overall)).toBe(true);
          expect(u.overall).toBeGreaterThanOrEqual(-1e-9);
          expect(u.overall).toBeLessThanOrEqual(100 + 1e-9);
        }
        assertIssues(scoreSipas(any).result.issues);
        // prototype pollution payloads in the data never reach Object.prototype
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      params(2500),
    );
  }, SLOW);

  test('readSipasCsv on random bytes and token soup (BOMs, separators, quotes, encodings) never throws', () => {
    const token = fc.constantFrom('unit', 'Mã đơn vị', 'II.1.1', 'II.1.2', 'I.1', 'weight', 'KG', 'HD', '5', '4', '9', '', ' ', '"', '""', ',', ';', '\t', '\n', '\r\n', '=1+1', '#DIV/0!', '87,5%', '\uFEFF');
    const text = fc.array(token, { maxLength: 60 }).map((ts) => new TextEncoder().encode(ts.join('')));
    const utf16 = fc.array(token, { maxLength: 30 }).map((ts) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ts.join(''), 'utf16le')])));
    fc.assert(
      fc.property(fc.oneof(text, utf16, fc.uint8Array({ maxLength: 300 })), (bytes) => {
        const out = readSipasCsv(bytes, { file: 'phieu.csv' });
        assertIssues(out.issues);
        const scored = scoreSipas({ responses: out.responses, counts: out.counts }, { locate: out.locate, rowOf: out.rowOf });
        assertIssues(scored.result.issues);
      }),
      params(1000),
    );
  }, SLOW);
});
