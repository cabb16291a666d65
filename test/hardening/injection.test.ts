/**
 * Injection and sandbox:
 *  - user text starting with = + - @ or a tab stays text in every workbook the CLI writes
 *    (read back with exceljs, and with openpyxl: data_type != 'f');
 *  - the project writes no CSV (checked: no command has a CSV output), so there is no CSV to neutralise;
 *  - formulas in criteria sets cannot reach mathjs import/createUnit/evaluate/parse, constructors or
 *    prototypes (payloads from the published mathjs advisories, through validateFramework on a whole set);
 *  - the pane's Content Security Policy allows no network except the Office.js CDN.
 */
import { promises as fsp, readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { validateFramework, scoreDocument } from '../../engine';
import type { Framework } from '../../engine/model/framework';
import type { Assessment } from '../../engine/model/assessment';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import { ExcelJsPort } from '../../files/port';
import { fillTemplate } from '../../files/templates';
import { commands } from '../../cli/commands';
import { framework, units } from '../templates/fixture';
import { runCli, tmpDir, looksLikeCrash, toolAvailable, requireTool } from './helpers';

const ROOT = path.resolve(__dirname, '../..');

/** Payloads: each carries a marker so that it can be found wherever it lands. */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?PWN1","bấm vào đây")',
  '+PWN2+1',
  '-2+PWN3',
  '@SUM(PWN4)',
  '\t=PWN5',
  "=cmd|' /C calc'!A0 PWN6",
  '=1+1 PWN7',
];
const P = (i: number): string => PAYLOADS[i] ?? '';

/** The fixture criteria set and units with payloads in every free-text field a user controls. */
function poisoned(): { fw: Framework; unitsP: typeof units; assessments: Assessment[] } {
  const fw = structuredClone({ ...framework, total: 15 }) as Framework;
  const area = fw.nodes[0];
  const first = area?.children?.[0];
  if (!area || !first) throw new Error('fixture changed');
  area.name = P(0);
  first.name = P(1);
  first.evidence = P(2);
  const unitsP = units.map((u) => (u.code === 'KG' ? { ...u, name: P(3) } : u));
  const assessments: Assessment[] = [
    { unit: 'KG', criterion: '1.1', value: 'Có', self: 1, evidence: P(4), explanation: P(5) },
    { unit: 'KG', criterion: '1.6', self: 1.5, appraisal: [1], reason: P(6), explanation: P(0) },
  ];
  return { fw, unitsP, assessments };
}

interface CellFinding {
  file: string;
  sheet: string;
  cell: string;
  formula: string;
}

/** All formula cells that contain a payload marker, and the count of text cells holding a marker. */
async function scanWithExcelJs(file: string): Promise<{ formulas: CellFinding[]; texts: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file).buffer as ArrayBuffer);
  const formulas: CellFinding[] = [];
  let texts = 0;
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
          const f = 'formula' in v ? String(v.formula) : String(v.sharedFormula);
          if (/PWN\d/.test(f)) formulas.push({ file: path.basename(file), sheet: ws.name, cell: cell.address, formula: f });
        } else if (typeof v === 'string' && /PWN\d/.test(v)) texts++;
        else if (v && typeof v === 'object' && 'richText' in v && v.richText.some((r) => /PWN\d/.test(r.text))) texts++;
      });
    });
  });
  return { formulas, texts };
}

const OPENPYXL_SCAN = `
import json, sys, openpyxl
out = {"formulas": [], "texts": 0}
for f in sys.argv[1:]:
    wb = openpyxl.load_workbook(f)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None: continue
                s = str(v)
                if "PWN" not in s: continue
                if c.data_type == 'f': out["formulas"].append([f, ws.title, c.coordinate, s])
                elif c.data_type in ('s', 'inlineStr') or isinstance(v, str): out["texts"] += 1
print(json.dumps(out))
`;

let dir = '';
let outputs: string[] = [];

beforeAll(async () => {
  dir = await tmpDir('inject');
  const { fw, unitsP, assessments } = poisoned();
  const port = ExcelJsPort.create();
  await port.write(renderMasterInputSheets({ framework: fw, units: unitsP, assessments, rounds: [{ round: 'selfAssessment', deadline: '2023-11-30' }], survey: { items: ['q1'], responses: [] } }));
  const master = path.join(dir, 'master.xlsx');
  await fsp.writeFile(master, await port.toBuffer());
  const run = async (argv: string[]): Promise<void> => {
    const r = await runCli(argv);
    expect(looksLikeCrash(r.stderr)).toBe(false);
    expect(r.code).toBe(0);
  };
  await run(['score', master, '--out', path.join(dir, 'ket-qua.xlsx'), '--now', '2023-12-15']);
  await run(['templates', master, '--out', path.join(dir, 'templates'), '--now', '2023-11-01T08:00']);
  const blank = path.join(dir, 'templates', 'tu-danh-gia-KG.xlsx');
  const filled = await fillTemplate(readFileSync(blank), [
    { criterion: '1.1', value: 'Có', self: 1, evidence: P(1), explanation: P(2) },
    { criterion: '1.6', self: 1.25, evidence: P(4), explanation: P(6) },
  ]);
  expect(filled.skipped).toEqual([]);
  const filledPath = path.join(dir, 'filled', 'tu-danh-gia-KG.xlsx');
  await fsp.mkdir(path.dirname(filledPath));
  await fsp.writeFile(filledPath, filled.bytes);
  await run(['import', master, filledPath, '--out', path.join(dir, 'master-2.xlsx'), '--now', '2023-11-20T09:00']);
  await run(['score', path.join(dir, 'master-2.xlsx'), '--out', path.join(dir, 'ket-qua-2.xlsx'), '--now', '2023-12-15']);
  outputs = [path.join(dir, 'ket-qua.xlsx'), blank, path.join(dir, 'master-2.xlsx'), path.join(dir, 'ket-qua-2.xlsx')];
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('formula injection: user text stays text in every workbook written', () => {
  test('exceljs: no payload became a formula; payloads are present as text', async () => {
    for (const f of outputs) {
      const { formulas, texts } = await scanWithExcelJs(f);
      expect(formulas).toEqual([]);
      // every output carries at least one payload as text (otherwise the check proves nothing)
      expect({ file: path.basename(f), texts: texts > 0 }).toEqual({ file: path.basename(f), texts: true });
    }
  });

  test('the scored workbook keeps each payload verbatim (leading = + - @ tab included)', async () => {
    const port = await ExcelJsPort.fromBuffer(readFileSync(path.join(dir, 'ket-qua-2.xlsx')));
    const names = (await port.listSheets()).map((s) => s.name);
    const all = new Set<string>();
    for (const s of await port.read(names)) for (const row of s.values) for (const v of row ?? []) if (typeof v === 'string') all.add(v); // absent rows are holes
    // text from the criteria set, the unit list, the master's assessments and the imported file
    for (const p of [P(0), P(1), P(3), P(4), P(6)]) expect(all.has(p) || [...all].some((v) => v.includes(p))).toBe(true);
  });

  test('openpyxl: no payload cell has data_type "f"', () => {
    const ok = toolAvailable('/usr/bin/python3', ['-c', 'import openpyxl']);
    if (!requireTool('python3 with openpyxl (/usr/bin/python3)', ok)) return;
    const r = spawnSync('/usr/bin/python3', ['-c', OPENPYXL_SCAN, ...outputs], { encoding: 'utf8', timeout: 120000 });
    expect(r.stderr).toBe('');
    const res = JSON.parse(r.stdout) as { formulas: string[][]; texts: number };
    expect(res.formulas).toEqual([]);
    expect(res.texts).toBeGreaterThan(0);
  });

  test('scoring explanations do not turn payloads into anything but text', () => {
    const { fw, unitsP, assessments } = poisoned();
    const out = scoreDocument({ framework: fw, units: unitsP, assessments });
    const kg = out.results.units.find((u) => u.code === 'KG');
    expect(kg?.name).toBe(P(3));
    expect(kg?.gaps.some((g) => g.reason.includes('PWN7'))).toBe(true);
  });

  test('no command writes CSV (so there is no CSV output to neutralise)', () => {
    const src = commands.map((c) => c.usage).join('\n');
    expect(src).not.toMatch(/--csv|--out <[^>]*\.csv/i);
    for (const f of ['score', 'sipas', 'templates', 'import', 'validate', 'demo']) {
      const file = path.join(ROOT, 'cli/commands', `${f}.ts`);
      if (existsSync(file)) expect(readFileSync(file, 'utf8')).not.toMatch(/writeFile[^\n]*csv/i);
    }
  });
});

describe('criteria-set formulas cannot escape (mathjs advisory payloads)', () => {
  // From the mathjs security advisories (2017 constructor escapes, import/createUnit overrides,
  // typed-function and prototype tricks): each must be refused at validation, located.
  const ADVISORIES = [
    'cos.constructor("return process")()',
    'sin.constructor("return this")()',
    '[].map.constructor("return process.mainModule")()',
    'x.constructor.constructor("return process")()',
    'import({matrix: 1}, {override: true})',
    'import({"isNumber": 1}, {override: true})',
    'createUnit("foo")',
    'evaluate("1+1")',
    'parse("1").compile().evaluate()',
    'compile("1")',
    'simplify("x")',
    'derivative("x^2", "x")',
    'config({number: "BigNumber"})',
    'f(x) = x',
    'f = typed({"number": f(x) = x})',
    'x = 1',
    '{}["constructor"]["constructor"]("return this")()',
    '"".constructor.prototype',
    'x["__proto__"]',
    'x.__proto__.polluted = 1',
    'toString.call(1)',
    'help("cos")',
    'chain(1).done()',
    'eval("1")',
    'Function("return 1")()',
    'apply(evaluate, "1")',
    'reviver',
    'x ? evaluate("1") : 0',
    'x.valueOf()',
    'max(x, y).constructor',
  ];

  const fwWith = (formula: string): unknown => ({
    id: 'adv',
    name: 'Bộ tiêu chí có công thức',
    nodes: [
      {
        code: '1',
        name: 'Lĩnh vực',
        children: [
          { code: '1.1', name: 'Điểm chấm', max: 60, rule: { kind: 'points' } },
          { code: '1.2', name: 'Tính theo công thức', max: 40, rule: { kind: 'formula', formula, variables: ['x', 'y'] } },
        ],
      },
    ],
  });

  test.each(ADVISORIES)('refused: %s', (formula) => {
    const out = validateFramework(fwWith(formula));
    expect(out.compiled).toBeUndefined();
    const located = out.issues.filter((i) => i.criterion === '1.2' && i.severity === 'error');
    expect(located.length).toBeGreaterThan(0);
    expect(JSON.stringify(located[0]?.path)).toBe(JSON.stringify(['nodes', 0, 'children', 1, 'rule']));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('an allowed formula still scores, and a payload in a declared value is only data', () => {
    const fw = fwWith('min(x / y * max, max)');
    expect(validateFramework(fw).compiled).toBeDefined();
    const out = scoreDocument({
      framework: fw,
      units: [{ code: 'KG', name: 'Kim Giang', kind: 'ward' }],
      assessments: [
        { unit: 'KG', criterion: '1.1', self: 60 },
        { unit: 'KG', criterion: '1.2', value: { x: 'cos.constructor("return process")()', y: 2 } },
      ],
    });
    // the bad variable is reported, never evaluated; nothing is polluted
    expect(out.issues.some((i) => i.criterion === '1.2')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // with numbers it computes: min(3 / 4 × 40, 40) = 30 points, total 60 + 30 = 90
    const ok = scoreDocument({
      framework: fw,
      units: [{ code: 'KG', name: 'Kim Giang', kind: 'ward' }],
      assessments: [
        { unit: 'KG', criterion: '1.1', self: 60 },
        { unit: 'KG', criterion: '1.2', value: { x: 3, y: 4 } },
      ],
    });
    expect(ok.results.units[0]?.score).toBeCloseTo(90, 9);
  });
});

describe('task pane: no network but the Office.js CDN', () => {
  test('the production Content Security Policy limits every source to self and the Office CDN', async () => {
    // the policy the pages are built with, taken from the webpack configuration itself
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configFn = require(path.join(ROOT, 'webpack.config.js')) as (env: unknown, argv: unknown) => Promise<unknown> | unknown;
    const config = (await configFn({}, { mode: 'production' })) as { plugins?: unknown[] } | { plugins?: unknown[] }[];
    const plugins = (Array.isArray(config) ? config : [config]).flatMap((c) => c.plugins ?? []);
    const policies = plugins
      .map((p) => (p as { userOptions?: { templateParameters?: { csp?: string } } }).userOptions?.templateParameters?.csp)
      .filter((x): x is string => typeof x === 'string');
    expect(policies.length).toBeGreaterThan(0);
    const cdn = 'https://appsforoffice.microsoft.com';
    for (const policy of policies) {
      const directive = (name: string): string[] => (policy.split(';').map((d) => d.trim().split(/\s+/)).find((d) => d[0] === name) ?? []).slice(1);
      expect(directive('default-src')).toEqual(["'self'"]);
      for (const d of ['connect-src', 'script-src', 'frame-src']) {
        expect(directive(d).length).toBeGreaterThan(0);
        for (const src of directive(d)) expect(["'self'", cdn]).toContain(src);
      }
      expect(directive('object-src')).toEqual(["'none'"]);
    }
    // the browser test that records every request and fails on any other host exists
    const e2e = path.join(ROOT, 'test/e2e/standalone.test.ts');
    expect(existsSync(e2e)).toBe(true);
    expect(readFileSync(e2e, 'utf8')).toMatch(/page\.on\('request'/);
  });
});

