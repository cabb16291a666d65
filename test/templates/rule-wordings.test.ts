/**
 * A filled template takes what the rules take. For every rule kind, every input wording
 * docs/rules.md documents, typed into the template's "Số liệu kê khai" cell:
 *  - the import brings it in without an error (with the master, and from the file alone);
 *  - the imported value scores exactly as the engine scores the documented value;
 *  - the cell's own Excel check (dropdown, number, date) lets it through, so a unit can type it.
 */
import type { Framework, FrameworkNode } from '../../engine/model/framework';
import type { Unit } from '../../engine/model/unit';
import type { AssessedValue } from '../../engine/model/assessment';
import type { CellValue, RenderedSheet, SheetSnapshot, Validation } from '../../engine/workbook/port';
import { renderTemplate } from '../../engine/workbook/template/render';
import { parseFilledTemplate, type FilledWorkbook } from '../../engine/workbook/import/parse';
import { compileRule } from '../../engine/rules/testkit';
import { ruleKinds } from '../../engine/rules/registry';
import { cellDate, parseNumber } from '../../engine/workbook/cells';
import { formatIssue } from '../../engine/i18n';

type Rule = { kind: string } & Record<string, unknown>;

interface Wording {
  /** What the unit types (a number when Excel stores a number). */
  typed: CellValue;
  /** The value as docs/rules.md writes it for the engine (default: `typed`). */
  documented?: AssessedValue;
  /**
   * Why Excel's own check of the cell refuses it although the rule and the import take it
   * (the dropdown stays more useful; a pasted or generated value still imports).
   */
  notInExcel?: string;
}

interface Case {
  name: string;
  rule: Rule;
  max: number;
  wordings: Wording[];
}

const DIACRITICS = 'the dropdown matches the labels as written; the import also reads them without diacritics';

const CASES: Case[] = [
  { name: 'yesNo', rule: { kind: 'yesNo' }, max: 1, wordings: [{ typed: 'Có' }, { typed: 'Không' }, { typed: 'có' }, { typed: 'co', notInExcel: DIACRITICS }] },
  {
    name: 'levels (with an alias)',
    rule: {
      kind: 'levels',
      levels: [
        { label: 'Hoàn thành xuất sắc', share: 1, aliases: ['HTXS'] },
        { label: 'Hoàn thành tốt', share: 0.75 },
        { label: 'Hoàn thành', share: 0.5 },
        { label: 'Không hoàn thành', share: 0 },
      ],
    },
    max: 1,
    wordings: [{ typed: 'Hoàn thành xuất sắc' }, { typed: 'Hoàn thành tốt' }, { typed: 'HTXS' }, { typed: 'hoan thanh tot', notInExcel: DIACRITICS }],
  },
  {
    name: 'bands (rate)',
    rule: { kind: 'bands', bands: [{ from: 100, share: 1 }, { from: 90, to: 100, points: 0.5 }, { to: 90, points: 0 }] },
    max: 1,
    wordings: [{ typed: 95 }, { typed: '95%' }, { typed: '87,5%' }, { typed: '87,5' }, { typed: '18/20' }, { typed: '100' }],
  },
  {
    name: 'bands (number of days)',
    rule: { kind: 'bands', scale: 'number', unit: 'ngày', bands: [{ to: 5, toInclusive: true, share: 1 }, { from: 5, fromInclusive: false, to: 15, share: 0.5 }, { from: 15, share: 0 }] },
    max: 1,
    wordings: [{ typed: 3 }, { typed: 12.5 }, { typed: 30 }],
  },
  {
    name: 'bands (growth, open below)',
    rule: { kind: 'bands', scale: 'number', unit: '%', bands: [{ to: 0, share: 0 }, { from: 0, to: 10, share: 0.5 }, { from: 10, share: 1 }] },
    max: 1,
    wordings: [{ typed: -2.5 }, { typed: '-2,5' }, { typed: 12 }],
  },
  {
    name: 'proportional (fullAt 90)',
    rule: { kind: 'proportional', fullAt: 90 },
    max: 1,
    wordings: [{ typed: 85 }, { typed: '85%' }, { typed: '87,5%' }, { typed: '18/20' }, { typed: '105%' }, { typed: 105 }],
  },
  { name: 'proportional (inverse)', rule: { kind: 'proportional', inverse: true, fullAt: 5 }, max: 1, wordings: [{ typed: 20 }, { typed: '20%' }, { typed: '1/20' }] },
  {
    name: 'deduction (count)',
    rule: { kind: 'deduction', per: 0.25 },
    max: 1,
    wordings: [{ typed: 3 }, { typed: '3' }, { typed: 0 }, { typed: 'Không vi phạm' }, { typed: 'không vi phạm' }],
  },
  { name: 'deduction (count, zeroAt)', rule: { kind: 'deduction', per: 0.25, zeroAt: 3 }, max: 1, wordings: [{ typed: 5 }, { typed: 'Không vi phạm' }] },
  {
    name: 'deduction (severities)',
    rule: { kind: 'deduction', severities: [{ label: 'Vi phạm nhẹ', share: 0.5, aliases: ['nhẹ'] }, { label: 'Vi phạm nghiêm trọng', share: 1 }] },
    max: 1,
    wordings: [
      { typed: 'Không vi phạm' },
      { typed: 'Vi phạm nhẹ' },
      { typed: 'nhẹ' },
      { typed: 'Vi phạm nghiêm trọng' },
      { typed: 'Vi phạm nhẹ = 2', documented: { 'Vi phạm nhẹ': 2 }, notInExcel: 'counts per severity are not a dropdown item' },
    ],
  },
  {
    name: 'timeliness (deadline)',
    rule: { kind: 'timeliness', deadline: '2023-07-20', late: 0.5 },
    max: 1,
    wordings: [
      { typed: '20/07/2023' },
      { typed: '2023-07-20' },
      { typed: '20-07-2023' },
      { typed: '20.07.2023' },
      { typed: 'ngày 20 tháng 7 năm 2023' },
      { typed: '20-Jul-2023' },
      { typed: '25/07/2023' },
      { typed: 45132 }, // a date cell: Excel stores the serial of 2023-07-25
      { typed: 'Đúng hạn' },
      { typed: 'Quá hạn' },
      { typed: 'Quá hạn 5 ngày' },
      { typed: 'Chưa thực hiện' },
    ],
  },
  {
    name: 'timeliness (schedule)',
    rule: { kind: 'timeliness', deadline: '2023-07-20', schedule: [{ upTo: 5, share: 0.75 }, { upTo: 10, share: 0.5 }] },
    max: 1,
    wordings: [{ typed: '25/07/2023' }, { typed: '30/07/2023' }, { typed: 'Quá hạn 8 ngày' }, { typed: 'Quá hạn' }],
  },
  {
    name: 'timeliness (no deadline: a dropdown)',
    rule: { kind: 'timeliness', late: 0.5, schedule: [{ upTo: 5, share: 0.75 }] },
    max: 1,
    wordings: [{ typed: 'Đúng hạn' }, { typed: 'Quá hạn' }, { typed: 'Chưa thực hiện' }, { typed: 'Quá hạn 3 ngày', notInExcel: 'the number of days late is not a dropdown item' }],
  },
  {
    name: 'survey (answers, declared on the form)',
    rule: { kind: 'survey', answers: [{ label: 'A', share: 1 }, { label: 'B', share: 0.6 }, { label: 'C', share: 0.2 }, { label: 'D', share: 0 }] },
    max: 2,
    wordings: [{ typed: 'A = 30; B = 10; C = 5; D = 0', documented: { A: 30, B: 10, C: 5, D: 0 } }, { typed: 'B' }],
  },
  {
    name: 'perItem (per, due)',
    rule: { kind: 'perItem', per: 0.25, due: 4, item: 'báo cáo' },
    max: 1,
    wordings: [
      { typed: 3 },
      { typed: '3' },
      { typed: '4/4' },
      { typed: '2/4' },
      { typed: '3/4' },
      { typed: 5 }, // more than due: the rule warns and caps
      { typed: 'Đúng hạn = 3; Quá hạn = 1; Phải thực hiện = 4', documented: { 'Đúng hạn': 3, 'Quá hạn': 1, 'Phải thực hiện': 4 } },
      { typed: 'onTime = 3; late = 1; due = 4', documented: { onTime: 3, late: 1, due: 4 } },
    ],
  },
  { name: 'perItem (per only)', rule: { kind: 'perItem', per: 0.25 }, max: 1, wordings: [{ typed: 3 }, { typed: '2/4' }] },
  {
    name: 'perItem (due from the value)',
    rule: { kind: 'perItem', latePer: 0.1 },
    max: 1,
    wordings: [
      { typed: 'onTime = 3; late = 1; due = 4', documented: { onTime: 3, late: 1, due: 4 } },
      { typed: 'Đúng hạn = 3; Phải thực hiện = 4', documented: { 'Đúng hạn': 3, 'Phải thực hiện': 4 } },
      { typed: '3/4' },
    ],
  },
  {
    name: 'formula (one variable)',
    rule: { kind: 'formula', formula: 'if(tyLe >= 90, max, tyLe / 90 * max)', variables: [{ name: 'tyLe', label: 'tỷ lệ hồ sơ đúng hạn (%)' }] },
    max: 1,
    wordings: [{ typed: 'tyLe = 85', documented: { tyLe: 85 } }, { typed: 85 }, { typed: '85' }],
  },
  {
    name: 'formula (two variables)',
    rule: { kind: 'formula', formula: 'min(dungHan / tong * max, max)', variables: ['dungHan', 'tong'] },
    max: 1,
    wordings: [{ typed: 'dungHan = 18; tong = 20', documented: { dungHan: 18, tong: 20 } }, { typed: 'dungHan=18;tong=20', documented: { dungHan: 18, tong: 20 } }],
  },
];

const units: Unit[] = [{ code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' }];
const VALUE_COL = 3; // column D

function frameworkOf(c: Case): Framework {
  const leaf: FrameworkNode = { code: '1.1', name: c.name, max: c.max, rule: c.rule };
  return { id: 'f', name: 'F', version: 'v1', nodes: [{ code: '1', name: 'Lĩnh vực', children: [leaf] }] };
}

function snapshotOf(s: RenderedSheet): SheetSnapshot {
  return { name: s.name, values: s.values.map((r) => [...r]), state: s.state ?? 'visible', protected: Boolean(s.protection) };
}

/** The template of one leaf (row 7), its value cell D7 filled with `typed`. */
function filled(c: Case, typed: CellValue): { wb: FilledWorkbook; self: RenderedSheet } {
  const t = renderTemplate(frameworkOf(c), units[0] as Unit, { units });
  const snaps = t.sheets.map(snapshotOf);
  const self = snaps.find((s) => s.name === 'Tự đánh giá') as SheetSnapshot;
  (self.values[6] as CellValue[])[VALUE_COL] = typed;
  return { wb: { file: 'KG.xlsx', sheets: snaps.map((s) => ({ name: s.name, state: s.state ?? 'visible' })), snapshots: snaps }, self: t.sheets.find((s) => s.name === 'Tự đánh giá') as RenderedSheet };
}

/** Would Excel's check of the cell let the unit type this? (Excel parses numbers and dates as typed.) */
function excelTakes(v: Validation | undefined, typed: CellValue): boolean {
  if (!v) return true;
  const text = typeof typed === 'string' ? typed : String(typed);
  switch (v.type) {
    case 'list':
      return v.values.some((x) => x.toLowerCase() === text.toLowerCase());
    case 'decimal':
    case 'whole': {
      const n = typeof typed === 'number' ? typed : parseNumber(text);
      return n !== undefined && n >= v.min && n <= v.max && (v.type === 'decimal' || Number.isInteger(n));
    }
    case 'date':
      return cellDate(typed) !== undefined;
    case 'any':
      return true; // a prompt only, no check
    case 'custom':
      return true; // value cells carry no formula check (the self-score's step check is one)
  }
}

describe.each(CASES)('$name', (c) => {
  const compiled = compileRule(c.rule, c.max);

  test.each(c.wordings.map((w) => [String(w.typed), w] as const))('"%s" imports and scores as the engine scores it', (_, w) => {
    const documented = w.documented ?? w.typed;
    const expected = compiled.score({ value: documented });
    expect(expected.missing).toBe(false); // a documented wording the rule reads
    const { wb, self } = filled(c, w.typed);
    for (const ctx of [{ framework: frameworkOf(c), units }, {}]) {
      const r = parseFilledTemplate(wb, ctx);
      expect(r.issues.filter((i) => i.severity === 'error').map((i) => formatIssue(i))).toEqual([]);
      const a = r.assessments.find((x) => x.criterion === '1.1');
      expect(a?.value).toBeDefined();
      const got = compiled.score({ value: a?.value });
      expect({ points: got.points, missing: got.missing }).toEqual({ points: expected.points, missing: false });
    }
    const check = (self.validations ?? []).find((v) => v.range === 'D7');
    if (w.notInExcel === undefined) expect(excelTakes(check, w.typed)).toBe(true);
    else expect(excelTakes(check, w.typed)).toBe(false); // documented in docs/templates.md
  });

  test('"Không áp dụng" imports as not applicable', () => {
    const r = parseFilledTemplate(filled(c, 'Không áp dụng').wb, { framework: frameworkOf(c), units });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.assessments).toEqual([{ unit: 'KG', criterion: '1.1', value: 'Không áp dụng', notApplicable: true }]);
  });
});

test('every rule kind with a declared value is covered', () => {
  const covered = new Set(CASES.map((c) => c.rule.kind));
  // points: the self-score column is the input (test below); survey without answers: no declared value
  expect(Object.keys(ruleKinds).filter((k) => !covered.has(k))).toEqual(['points']);
});

test('points: the self-score is the input, "0,75" and 0.75 alike', () => {
  const c: Case = { name: 'points', rule: { kind: 'points' }, max: 1, wordings: [] };
  const rule = compileRule(c.rule, c.max);
  for (const typed of ['0,75', 0.75, '0.75']) {
    const { wb, self } = filled(c, null);
    ((wb.snapshots[1] as SheetSnapshot).values[6] as CellValue[])[8] = typed; // column I
    const r = parseFilledTemplate(wb, { framework: frameworkOf(c), units });
    expect(r.issues).toEqual([]);
    expect(rule.score({ value: undefined, self: r.assessments[0]?.self }).points).toBe(0.75);
    // the self-score's check: a number from 0 to the maximum, a multiple of 0,25 (a formula)
    expect((self.validations ?? []).find((v) => v.range === 'I7')).toMatchObject({ type: 'custom', formula: 'AND(ISNUMBER(I7),I7>=0,I7<=1,ABS(I7*4-ROUND(I7*4,0))<0.000001)' });
  }
});

describe('the value cell keeps what is typed', () => {
  test.each([
    ['perItem (per, due)', '4/4'],
    ['deduction (count)', 'Không vi phạm'],
    ['proportional (fullAt 90)', '18/20'],
  ])('%s: no Excel check that refuses "%s" (a prompt only), text format so Excel does not turn it into a date', (name, typed) => {
    const c = CASES.find((x) => x.name === name) as Case;
    const { self } = filled(c, typed);
    expect((self.validations ?? []).filter((v) => v.range === 'D7').map((v) => v.type)).toEqual(['any']);
    expect((self.validations ?? []).find((v) => v.range === 'D7')?.prompt).toContain(typed === '4/4' ? '3/4' : typed);
    expect(self.styles).toContainEqual({ range: 'D7', style: { numFmt: '@' } });
  });

  test('levels: the dropdown lists the aliases after the labels', () => {
    const c = CASES.find((x) => x.rule.kind === 'levels') as Case;
    expect((filled(c, null).self.validations ?? []).find((v) => v.range === 'D7')).toMatchObject({
      type: 'list',
      values: ['Hoàn thành xuất sắc', 'Hoàn thành tốt', 'Hoàn thành', 'Không hoàn thành', 'HTXS'],
    });
  });

  test('a choice typed another way is stored in the list\'s spelling when it scores the same', () => {
    const c = CASES.find((x) => x.rule.kind === 'levels') as Case;
    const r = parseFilledTemplate(filled(c, 'htxs').wb, { framework: frameworkOf(c), units });
    expect(r.assessments[0]?.value).toBe('Hoàn thành xuất sắc');
    const yn = CASES.find((x) => x.rule.kind === 'yesNo') as Case;
    expect(parseFilledTemplate(filled(yn, 'yes').wb, { framework: frameworkOf(yn), units }).assessments[0]?.value).toBe('Có');
  });
});

describe('what the rules refuse stays a located error, with advice that fits the cell', () => {
  const perItem = CASES.find((x) => x.name === 'perItem (per, due)') as Case;
  const deduction = CASES.find((x) => x.name === 'deduction (count)') as Case;
  const bandsDays = CASES.find((x) => x.name === 'bands (number of days)') as Case;
  const rate = CASES.find((x) => x.name === 'proportional (fullAt 90)') as Case;
  const issuesOf = (c: Case, typed: CellValue, lang: 'vi' | 'en' = 'vi'): string[] =>
    parseFilledTemplate(filled(c, typed).wb, { framework: frameworkOf(c), units }).issues.map((i) => formatIssue(i, lang));
  const at = "Tệp 'KG.xlsx', trang 'Tự đánh giá'!D7 (đơn vị KG, tiêu chí 1.1): ";

  test('a count: a whole number (and the other form the rule takes), never a score step', () => {
    expect(issuesOf(perItem, 'ba')).toEqual([`${at}Giá trị "ba" không phải số đếm; hãy nhập số nguyên không âm (0, 1, 2, …), ví dụ 3, hoặc ghi "3/4"`]);
    expect(issuesOf(perItem, '2,5')).toEqual([`${at}Giá trị "2,5" không phải số đếm; hãy nhập số nguyên không âm (0, 1, 2, …), ví dụ 3, hoặc ghi "3/4"`]);
    expect(issuesOf(perItem, 'ba', 'en')[0]).toContain('is not a count; enter a whole number (0, 1, 2, …), e.g. 3, or write "3/4"');
    expect(issuesOf(deduction, 'nhiều')).toEqual([`${at}Giá trị "nhiều" không phải số đếm; hãy nhập số nguyên không âm (0, 1, 2, …), ví dụ 3, hoặc ghi "Không vi phạm"`]);
    expect(issuesOf(deduction, -1)).toEqual([`${at}Giá trị -1 nằm ngoài khoảng cho phép [0; ∞]`]);
    for (const m of [...issuesOf(perItem, 'ba'), ...issuesOf(deduction, 'x')]) expect(m).not.toContain('0,75');
  });

  test('a number, a rate: an example of the field', () => {
    expect(issuesOf(bandsDays, 'mười')).toEqual([`${at}Ô số có nội dung chữ "mười"; hãy nhập số, ví dụ 2,5`]);
    expect(issuesOf(rate, 'cao')).toEqual([`${at}Ô số có nội dung chữ "cao"; hãy nhập số, ví dụ 87,5`]);
  });

  test('"5/4" of 4 due is read (more than due: the rule warns); "x/4" and "-1/4" are not', () => {
    expect(issuesOf(perItem, '5/4')).toEqual([]);
    expect(issuesOf(perItem, 'x/4')).toHaveLength(1);
    expect(issuesOf(perItem, '-1/4')).toHaveLength(1);
  });
});
