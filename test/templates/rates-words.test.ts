/**
 * Rate and date cells of a filled template take what the rules take: a rate as a fraction of
 * counts ("18/20") or above 100% (completion rates), and the words a timeliness rule knows
 * instead of a date ("Chưa thực hiện"). Garbage and negatives stay located errors.
 */
import type { Framework } from '../../engine/model/framework';
import type { Unit } from '../../engine/model/unit';
import type { Assessment } from '../../engine/model/assessment';
import type { CellValue, RenderedSheet, SheetSnapshot } from '../../engine/workbook/port';
import { renderTemplate } from '../../engine/workbook/template/render';
import { FOOTER } from '../../engine/workbook/template/layout';
import { parseFilledTemplate, type FilledWorkbook } from '../../engine/workbook/import/parse';
import { getRuleKind } from '../../engine/rules/registry';
import type { RuleOutcome } from '../../engine/rules/types';
import { formatIssue } from '../../engine/i18n';

const units: Unit[] = [{ code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' }];
const RULES = {
  '1.1': { kind: 'proportional' },
  '1.2': { kind: 'proportional', fullAt: 90 },
  '1.3': { kind: 'timeliness', deadline: '2023-07-20', late: 0.5 },
  '1.4': { kind: 'bands', bands: [{ from: 90, share: 1 }, { from: 50, to: 90, share: 0.5 }, { to: 50, share: 0 }] },
  '1.5': { kind: 'timeliness', deadline: '2023-07-20', late: 0.5 },
} as const;
const MAX: Record<keyof typeof RULES, number> = { '1.1': 1, '1.2': 1, '1.3': 0.5, '1.4': 2, '1.5': 0.5 };
const CODES = Object.keys(RULES) as (keyof typeof RULES)[];
const fw: Framework = {
  id: 'f',
  name: 'F',
  version: 'v1',
  nodes: [{ code: '1', name: 'Lĩnh vực', children: CODES.map((code) => ({ code, name: `Tiêu chí ${code}`, max: MAX[code], rule: { ...RULES[code] } })) }],
};
// rows: group 1 → 6, 1.1 → 7 … 1.5 → 11; column D (index 3) is the declared value
const ROW: Record<string, number> = { '1.1': 7, '1.2': 8, '1.3': 9, '1.4': 10, '1.5': 11 };
const VALUE_COL = 3;

function snapshotOf(s: RenderedSheet): SheetSnapshot {
  return { name: s.name, values: s.values.map((r) => [...r]), state: s.state ?? 'visible', protected: Boolean(s.protection) };
}

function filled(values: Partial<Record<keyof typeof RULES, CellValue>>, edit?: (self: SheetSnapshot) => void): FilledWorkbook {
  const t = renderTemplate(fw, units[0] as Unit, { units });
  const snaps = t.sheets.map(snapshotOf);
  const self = snaps[1] as SheetSnapshot;
  for (const [code, v] of Object.entries(values)) {
    const line = self.values[(ROW[code] ?? 0) - 1];
    if (line) line[VALUE_COL] = v ?? null;
  }
  edit?.(self);
  return { file: 'KG.xlsx', sheets: snaps.map((s) => ({ name: s.name, state: s.state ?? 'visible' })), snapshots: snaps };
}

/** What the criterion's own rule makes of an imported assessment. */
function outcomeOf(a: Assessment): RuleOutcome {
  const code = a.criterion as keyof typeof RULES;
  const { kind, ...params } = RULES[code];
  const c = getRuleKind(kind)?.compile(params, MAX[code]);
  if (!c?.ok) throw new Error(`rule ${code} does not compile`);
  return c.rule.score({ value: a.value });
}
const pointsOf = (a: Assessment): number => outcomeOf(a).points;

describe('rates as the rules read them', () => {
  test('"18/20", "105%", a %-formatted 1.05 and words in a timeliness date cell import and score as the rules say', () => {
    const wb = filled({ '1.1': '18/20', '1.2': '105%', '1.3': 'chưa thực hiện', '1.4': 1.05, '1.5': 'Quá hạn' }, (s) => {
      s.formats = { D10: '0%' };
    });
    const r = parseFilledTemplate(wb, { framework: fw, units });
    expect(r.issues).toEqual([]);
    expect(r.status).toBe('ok');
    expect(r.assessments).toEqual([
      { unit: 'KG', criterion: '1.1', value: 90 }, // 18 / 20 = 90%
      { unit: 'KG', criterion: '1.2', value: 105 },
      { unit: 'KG', criterion: '1.3', value: 'Chưa thực hiện' }, // the rule's own spelling
      { unit: 'KG', criterion: '1.4', value: 105 }, // 1.05 in a % cell
      { unit: 'KG', criterion: '1.5', value: 'Quá hạn' },
    ]);
    // 1.1: 90% × 1 = 0.9; 1.2: 105% ≥ fullAt 90% → full 1 (capped); 1.3: not done → 0;
    // 1.5: late without a date → late share 0.5 × 0.5 = 0.25
    expect(r.assessments.filter((a) => a.criterion !== '1.4').map(pointsOf)).toEqual([0.9, 1, 0, 0.25]);
    // 1.4 is a rate band (0–100%): 105% is a scoring problem of the rule, not an import error
    const a14 = r.assessments.find((a) => a.criterion === '1.4') as Assessment;
    expect(outcomeOf(a14)).toMatchObject({ missing: true, issues: [{ code: 'rule.valueOutOfRange', params: { value: 105, max: 100 } }] });
  });

  test('a band rate "18/20" falls in its band; a date in a timeliness cell still works', () => {
    const r = parseFilledTemplate(filled({ '1.4': '18/20', '1.5': '25/07/2023', '1.3': 'Đúng hạn' }), { framework: fw, units });
    expect(r.issues).toEqual([]);
    const by = new Map(r.assessments.map((a) => [a.criterion, a]));
    expect(by.get('1.4')?.value).toBe(90);
    expect(by.get('1.5')?.value).toBe('2023-07-25');
    // 1.4: 90% in [90, ∞) → share 1 × 2 = 2; 1.5: 5 days late → 0.5 × 0.5 = 0.25; 1.3: on time → 0.5
    expect(['1.4', '1.5', '1.3'].map((c) => pointsOf(by.get(c) as Assessment))).toEqual([2, 0.25, 0.5]);
  });

  test('other wordings the timeliness rule reads ("Quá hạn 5 ngày", "Hoàn thành đúng hạn") are kept as written', () => {
    const r = parseFilledTemplate(filled({ '1.3': 'Quá hạn 5 ngày', '1.5': 'Hoàn thành đúng hạn' }), { framework: fw, units });
    expect(r.issues).toEqual([]);
    expect(r.assessments.map((a) => [a.criterion, a.value])).toEqual([
      ['1.3', 'Quá hạn 5 ngày'],
      ['1.5', 'Hoàn thành đúng hạn'],
    ]);
    // 5 days late → late share 0.5 × 0.5 = 0.25; on time → 0.5
    expect(r.assessments.map(pointsOf)).toEqual([0.25, 0.5]);
  });

  test('"abc", "-5", "18/0" in rate cells and an unknown word in a timeliness cell are located errors', () => {
    const r = parseFilledTemplate(filled({ '1.1': 'abc', '1.2': '-5', '1.4': '18/0', '1.3': 'hôm qua' }), { framework: fw, units });
    expect(r.status).toBe('rejected');
    expect(r.issues.map((i) => [i.code, i.sheet, i.cell, i.criterion, i.unit, i.params?.['value']])).toEqual([
      ['template.notANumber', 'Tự đánh giá', 'D7', '1.1', 'KG', 'abc'],
      ['template.outOfRange', 'Tự đánh giá', 'D8', '1.2', 'KG', -5],
      ['template.notADateOrWord', 'Tự đánh giá', 'D9', '1.3', 'KG', 'hôm qua'],
      ['template.notANumber', 'Tự đánh giá', 'D10', '1.4', 'KG', '18/0'],
    ]);
    const word = r.issues.find((i) => i.code === 'template.notADateOrWord');
    expect(formatIssue(word!, 'vi')).toBe(
      "Tệp 'KG.xlsx', trang 'Tự đánh giá'!D9 (đơn vị KG, tiêu chí 1.3): Giá trị \"hôm qua\" không phải ngày (dd/mm/yyyy) và không thuộc Đúng hạn, Quá hạn, Chưa thực hiện; hãy nhập ngày hoặc một trong các cụm từ đó",
    );
    expect(formatIssue(word!, 'en')).toContain('is neither a date (dd/mm/yyyy) nor one of Đúng hạn, Quá hạn, Chưa thực hiện');
  });

  test('a negative rate in a %-formatted cell is refused too (-0.05 → -5%)', () => {
    const r = parseFilledTemplate(filled({ '1.1': -0.05 }, (s) => (s.formats = { D7: '0.0%' })), { framework: fw, units });
    expect(r.issues.map((i) => [i.code, i.cell, i.params?.['value']])).toEqual([['template.outOfRange', 'D7', -5]]);
  });
});

describe('the template lets the words through', () => {
  test('a timeliness date cell has no date validation (it would stop "Chưa thực hiện") but keeps the date format', () => {
    const t = renderTemplate(fw, units[0] as Unit, { units });
    const self = t.sheets[1] as RenderedSheet;
    // a prompt that names the words, no check
    expect((self.validations ?? []).filter((v) => v.range === 'D9' || v.range === 'D11').map((v) => v.type)).toEqual(['any', 'any']);
    expect((self.validations ?? []).find((v) => v.range === 'D9')?.prompt).toContain('Chưa thực hiện');
    expect(self.styles).toContainEqual({ range: 'D9', style: { numFmt: 'dd/mm/yyyy' } });
  });
});

test('a date-signed cell holding a serial far outside Excel\'s calendar is a warning, not a crash', () => {
  const label = FOOTER.find((f) => f.key === 'signedOn')?.vi;
  for (const serial of [-99974431, 1e12, 0]) {
    const wb = filled({}, (s) => {
      const line = s.values.find((l) => l[1] === label);
      if (!line) throw new Error('no signed-on row');
      line[VALUE_COL] = serial;
    });
    const r = parseFilledTemplate(wb, { framework: fw, units });
    expect(r.issues.map((i) => [i.code, i.severity])).toContainEqual(['template.notADate', 'warning']);
    expect(r.signOff?.signedOn).toBeUndefined();
  }
});
