/**
 * Module structure of engine/plan: the domain (register, statuses, tracking, the results JSON) is
 * pure and never imports engine/workbook (what it reaches through shared modules — rules' cell
 * reading — never leads back into engine/plan); only engine/plan/sheets
 * renders and reads sheets with engine/workbook's port types and A1 helpers, and nothing it reaches
 * in engine/workbook leads back into engine/plan. Also: the `plan` part of the results document is
 * typed (no `unknown`) and planJson's result fits it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const planDir = path.join(root, 'engine/plan');
const workbookDir = path.join(root, 'engine/workbook');

/** Files owned by other modules that sit in engine/plan: sheet-cell helpers, shared with the sheets. */
const SHEET_HELPERS = new Set(['sheetkit.ts']);

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base]) if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  return undefined;
}

const importsCache = new Map<string, string[]>();

/** Relative imports and re-exports of a source file (type-only ones included: they still tie modules). */
function importsOf(file: string): string[] {
  const cached = importsCache.get(file);
  if (cached) return cached;
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const st of src.statements) {
    const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
    if (!spec || !spec.startsWith('.')) continue;
    const f = resolve(file, spec);
    if (f && f.endsWith('.ts')) out.push(f);
  }
  importsCache.set(file, out);
  return out;
}

/** Every file reachable from `file` by relative imports, with the chain that reaches it. */
function reach(file: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[file, [file]]]);
  const queue = [file];
  while (queue.length) {
    const f = queue.shift() as string;
    for (const g of importsOf(f)) {
      if (seen.has(g)) continue;
      seen.set(g, [...(seen.get(f) ?? []), g]);
      queue.push(g);
    }
  }
  return seen;
}

const rel = (f: string): string => path.relative(root, f);
const inside = (f: string, dir: string): boolean => f.startsWith(dir + path.sep);

describe('engine/plan structure', () => {
  const domain = fs
    .readdirSync(planDir)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !SHEET_HELPERS.has(f))
    .map((f) => path.join(planDir, f));

  test('the domain files exist where callers expect them', () => {
    const names = domain.map((f) => path.basename(f));
    for (const f of ['task.ts', 'units.ts', 'register.ts', 'statuses.ts', 'track.ts', 'document.ts']) expect(names).toContain(f);
  });

  test('no domain file imports engine/workbook', () => {
    const offending = domain.flatMap((f) => importsOf(f).filter((g) => inside(g, workbookDir)).map((g) => `${rel(f)} → ${rel(g)}`));
    expect(offending).toEqual([]);
  });

  test('nothing the domain reaches through other modules (rules, i18n, model) leads into engine/workbook and back into engine/plan', () => {
    const cycles: string[] = [];
    for (const f of domain)
      for (const [g, chain] of reach(f)) {
        if (!inside(g, workbookDir)) continue;
        for (const [h, back] of reach(g)) if (inside(h, planDir)) cycles.push([...chain, ...back.slice(1)].map(rel).join(' → '));
      }
    expect(cycles).toEqual([]);
  });

  test('no domain file imports the sheets (engine/plan/sheets) or the sheet helpers', () => {
    const offending: string[] = [];
    for (const f of domain)
      for (const [g, chain] of reach(f)) if (inside(g, path.join(planDir, 'sheets')) || SHEET_HELPERS.has(path.basename(g)) && inside(g, planDir)) offending.push(chain.map(rel).join(' → '));
    expect(offending).toEqual([]);
  });

  test('what the sheets reach in engine/workbook never leads back into engine/plan (one-way dependency)', () => {
    const sheets = fs.readdirSync(path.join(planDir, 'sheets')).map((f) => path.join(planDir, 'sheets', f));
    const back: string[] = [];
    for (const f of sheets) {
      for (const [g] of reach(f)) {
        if (!inside(g, workbookDir)) continue;
        for (const [h, chain] of reach(g)) if (inside(h, planDir)) back.push(chain.map(rel).join(' → '));
      }
    }
    expect(back).toEqual([]);
  });
});

describe('the plan part of the results document is typed', () => {
  /** Type-check a snippet against the real sources; gives the error messages. */
  function typeErrors(code: string): string[] {
    const file = path.join(root, 'test/plan/__typed_plan__.ts');
    const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, resolveJsonModule: true, esModuleInterop: true, skipLibCheck: true, exactOptionalPropertyTypes: true, types: [] };
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, onError, create) => (path.resolve(name) === file ? ts.createSourceFile(name, code, lang) : read(name, lang, onError, create));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
    const program = ts.createProgram([file], options, host);
    return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  test('results.plan has the fields of planJson: tasks with byUnit, late with the unit head, counts', () => {
    const errors = typeErrors(`
      import type { ResultsDocument, PlanTrackStatus } from '../../engine/model/results';
      import { planJson, trackPlan } from '../../engine/plan/track';
      declare const results: ResultsDocument;
      results.plan = planJson(trackPlan({ statuses: [], asOf: '2023-09-30' }));
      const status: PlanTrackStatus | undefined = results.plan?.tasks[0]?.byUnit[0]?.status;
      const head: string | undefined = results.plan?.late[0]?.headTitle;
      const late: number | undefined = results.plan?.counts.late;
      const uncovered: string[] | undefined = results.plan?.uncovered;
      export { status, head, late, uncovered };
    `);
    expect(errors).toEqual([]);
  }, 60000);
});
