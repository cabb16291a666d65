import * as fs from 'fs';
import * as path from 'path';
import { scoreDocument, validateFramework, formatIssue } from '../index';
import { rulesMessages } from '../i18n/messages/rules';

/** One leaf per kind, max 1 each, applying to wards. */
const LEAVES = [
  { code: '1.1', rule: { kind: 'levels', levels: [{ label: 'Tốt', share: 1 }, { label: 'Đạt', share: 0.5 }] } },
  { code: '1.2', rule: { kind: 'bands', bands: [{ from: 100, share: 1 }, { from: 90, to: 100, share: 0.5 }, { to: 90, share: 0 }] } },
  { code: '1.3', rule: { kind: 'proportional', fullAt: 90 } },
  { code: '1.4', rule: { kind: 'deduction', per: 0.25 } },
  { code: '1.5', rule: { kind: 'timeliness', deadline: '2023-07-20' } },
  { code: '1.6', rule: { kind: 'perItem', per: 0.25, due: 4 } },
  { code: '1.7', rule: { kind: 'formula', formula: 'min(a / b * max, max)', variables: ['a', 'b'] } },
];

function framework(leaves: { code: string; rule: Record<string, unknown> }[]) {
  return {
    id: 'rules-test',
    name: 'Kiểm thử quy tắc',
    total: leaves.length,
    nodes: [{ code: '1', name: 'Lĩnh vực 1', children: leaves.map((l) => ({ code: l.code, name: `Tiêu chí ${l.code}`, max: 1, rule: l.rule })) }],
  };
}

const UNITS = [{ code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' }];

describe('rules inside the engine', () => {
  test('good values: points as hand-computed, sum 5,25 of 7', () => {
    const doc = {
      framework: framework(LEAVES),
      units: UNITS,
      assessments: [
        { unit: 'KG', criterion: '1.1', value: 'Đạt' }, // 0,5
        { unit: 'KG', criterion: '1.2', value: '95%' }, // 0,5
        { unit: 'KG', criterion: '1.3', value: 90 }, // 1
        { unit: 'KG', criterion: '1.4', value: 1 }, // 0,75
        { unit: 'KG', criterion: '1.5', value: '20/07/2023' }, // 1
        { unit: 'KG', criterion: '1.6', value: 2 }, // 0,5
        { unit: 'KG', criterion: '1.7', value: { a: 10, b: 10 } }, // 1
      ],
    };
    const { results, ok } = scoreDocument(doc);
    expect(ok).toBe(true);
    const kg = results.units.find((u) => u.code === 'KG');
    expect(kg?.score).toBeCloseTo(5.25, 12);
    expect(kg?.index).toBeCloseTo((5.25 / 7) * 100, 10);
  });

  test('garbage values: every rule issue carries unit and criterion', () => {
    const doc = {
      framework: framework(LEAVES),
      units: UNITS,
      assessments: [
        { unit: 'KG', criterion: '1.1', value: 'Khá' },
        { unit: 'KG', criterion: '1.2', value: '120%' },
        { unit: 'KG', criterion: '1.3', value: 'nhiều' },
        { unit: 'KG', criterion: '1.4', value: -2 },
        { unit: 'KG', criterion: '1.5', value: '31/02/2023' },
        { unit: 'KG', criterion: '1.6', value: 1.5 },
        { unit: 'KG', criterion: '1.7', value: { a: 1 } },
      ],
    };
    const { issues } = scoreDocument(doc);
    const ruleIssues = issues.filter((i) => i.code.startsWith('rule.'));
    expect(ruleIssues.map((i) => [i.criterion, i.code])).toEqual([
      ['1.1', 'rule.notAChoice'],
      ['1.2', 'rule.valueOutOfRange'],
      ['1.3', 'rule.notANumber'],
      ['1.4', 'rule.negativeCount'],
      ['1.5', 'rule.notADate'],
      ['1.6', 'rule.notAnInteger'],
      ['1.7', 'rule.formulaMissingVar'],
    ]);
    for (const i of ruleIssues) expect(i.unit).toBe('KG');
    expect(formatIssue(ruleIssues[0] as (typeof ruleIssues)[number], 'vi')).toBe('assessments.0 (đơn vị KG, tiêu chí 1.1): Giá trị "Khá" không thuộc Tốt, Đạt');
  });

  test('bad rule params are reported at framework validation with criterion and path', () => {
    const { issues } = validateFramework(
      framework([
        { code: '2.1', rule: { kind: 'formula', formula: 'a.constructor', variables: ['a'] } },
        { code: '2.2', rule: { kind: 'bands', bands: [{ from: 90, share: 1 }, { from: 80, to: 95, share: 0.5 }] } },
        { code: '2.3', rule: { kind: 'levels', levels: [{ label: 'Tốt', points: 3 }] } },
      ]),
    );
    const errors = issues.filter((i) => i.severity === 'error').map((i) => [i.criterion, i.code, i.path?.join('.')]);
    expect(errors).toEqual([
      ['2.1', 'rule.formulaSyntax', 'nodes.0.children.0.rule'],
      ['2.2', 'rule.bandsOverlap', 'nodes.0.children.1.rule'],
      ['2.3', 'rule.awardAboveMax', 'nodes.0.children.2.rule'],
    ]);
  });
});

describe('message catalogue', () => {
  const dir = __dirname;
  const codes = new Set<string>();
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/code: '(rule\.[A-Za-z]+)'/g)) if (m[1]) codes.add(m[1]);
  }
  test('codes were found in the sources', () => {
    expect(codes.size).toBeGreaterThan(20);
  });
  test.each([...codes].sort())('%s has vi and en wording', (code) => {
    const entry = (rulesMessages as Record<string, { vi: string; en: string } | undefined>)[code];
    expect(entry?.vi.length).toBeGreaterThan(0);
    expect(entry?.en.length).toBeGreaterThan(0);
  });
});
