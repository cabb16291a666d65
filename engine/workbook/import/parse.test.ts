import type { Framework } from '../../model/framework';
import type { Unit } from '../../model/unit';
import type { CellValue, RenderedSheet, SheetSnapshot } from '../port';
import { renderTemplate } from '../template/render';
import { columnIndex } from '../template/layout';
import { parseFilledTemplate, type FilledWorkbook } from './parse';
import { mergeAssessments, completeness } from './merge';

const units: Unit[] = [{ code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' }];
const fw: Framework = {
  id: 'f',
  name: 'F',
  version: 'v1',
  nodes: [
    {
      code: '1',
      name: 'Lĩnh vực',
      children: [
        { code: '1.1', name: 'Có/Không', max: 1, rule: { kind: 'yesNo' } },
        { code: '1.2', name: 'Tỷ lệ', max: 1, rule: { kind: 'proportional' } },
        { code: '1.3', name: 'Ngày', max: 0.5, rule: { kind: 'timeliness', deadline: '2023-07-20', late: 0.5 } },
        { code: '1.4', name: 'Vi phạm', max: 1, rule: { kind: 'deduction', per: 0.25 } },
        { code: '1.5', name: 'Công thức', max: 1, rule: { kind: 'formula', formula: 'min(dungHan / tong * max, max)', variables: ['dungHan', 'tong'] } },
      ],
    },
  ],
};
// rows: group 1 → 6, 1.1 → 7, 1.2 → 8, 1.3 → 9, 1.4 → 10, 1.5 → 11; D value, G evidence, I self, J explanation
const ROW: Record<string, number> = { '1.1': 7, '1.2': 8, '1.3': 9, '1.4': 10, '1.5': 11 };
const COL = { value: columnIndex('value'), evidence: columnIndex('evidence'), self: columnIndex('self'), explanation: columnIndex('explanation') } as const;

function snapshotOf(s: RenderedSheet): SheetSnapshot {
  return { name: s.name, values: s.values.map((r) => [...r]), state: s.state ?? 'visible', protected: Boolean(s.protection), ...(s.hiddenRows ? { hiddenRows: [...s.hiddenRows] } : {}), ...(s.merges ? { merged: [...s.merges] } : {}) };
}

function filled(edit: (self: SheetSnapshot) => void): FilledWorkbook {
  const t = renderTemplate(fw, units[0] as Unit, { units });
  const snaps = t.sheets.map(snapshotOf);
  const self = snaps[1];
  if (self) edit(self);
  return { file: 'KG.xlsx', sheets: snaps.map((s) => ({ name: s.name, state: s.state ?? 'visible' })), snapshots: snaps };
}

function set(s: SheetSnapshot, code: string, col: keyof typeof COL, v: CellValue): void {
  const line = s.values[(ROW[code] ?? 0) - 1];
  if (line) line[COL[col]] = v;
}

describe('parseFilledTemplate', () => {
  test('reads every input type into assessments', () => {
    const wb = filled((s) => {
      set(s, '1.1', 'value', 'co'); // folded to the list's "Có"
      set(s, '1.1', 'self', '0,75');
      set(s, '1.2', 'value', 0.875); // % formatted cell: read as 87.5
      s.formats = { D8: '0.0%' };
      set(s, '1.3', 'value', '25/07/2023');
      set(s, '1.4', 'value', 2);
      set(s, '1.5', 'value', 'dungHan = 18; tong = 20');
      set(s, '1.5', 'evidence', 'Báo cáo 5/BC');
    });
    const r = parseFilledTemplate(wb, { framework: fw, units });
    expect(r.issues).toEqual([]);
    expect(r.status).toBe('ok');
    expect(r.assessments).toEqual([
      { unit: 'KG', criterion: '1.1', value: 'Có', self: 0.75 },
      { unit: 'KG', criterion: '1.2', value: 87.5 },
      { unit: 'KG', criterion: '1.3', value: '2023-07-25' },
      { unit: 'KG', criterion: '1.4', value: 2 },
      { unit: 'KG', criterion: '1.5', value: { dungHan: 18, tong: 20 }, evidence: 'Báo cáo 5/BC' },
    ]);
    expect([r.answered, r.applicable]).toEqual([5, 5]);
  });

  test('dates as serial numbers and "not applicable" for numeric criteria', () => {
    const wb = filled((s) => {
      set(s, '1.3', 'value', 45132); // Excel serial of 2023-07-25
      set(s, '1.4', 'explanation', 'Không áp dụng: phường không có cơ sở');
      set(s, '1.1', 'value', 'Không áp dụng');
    });
    const r = parseFilledTemplate(wb, { framework: fw, units });
    expect(r.assessments).toEqual([
      { unit: 'KG', criterion: '1.1', value: 'Không áp dụng', notApplicable: true },
      { unit: 'KG', criterion: '1.3', value: '2023-07-25' },
      { unit: 'KG', criterion: '1.4', explanation: 'Không áp dụng: phường không có cơ sở', notApplicable: true },
    ]);
  });

  test('every problem is reported at once, located; nothing imported without acceptValidRows', () => {
    const wb = filled((s) => {
      set(s, '1.1', 'value', 'Có');
      set(s, '1.1', 'self', 1.1);
      set(s, '1.2', 'value', 'nhiều');
      set(s, '1.4', 'value', 1.5); // counts are whole numbers
      set(s, '1.5', 'value', 'x = 1');
      set(s, '1.3', 'value', '2023-07-15');
    });
    const r = parseFilledTemplate(wb, { framework: fw, units });
    expect(r.issues.map((i) => [i.code, i.cell, i.criterion])).toEqual([
      ['template.scoreAboveMax', 'I7', '1.1'],
      ['template.notANumber', 'D8', '1.2'],
      ['template.notACountOr', 'D10', '1.4'], // a count of violations: a whole number or "Không vi phạm"
      ['template.badVars', 'D11', '1.5'],
    ]);
    expect(r.status).toBe('rejected');
    expect(r.assessments).toEqual([]);
    const loose = parseFilledTemplate(wb, { framework: fw, units }, { acceptValidRows: true });
    expect(loose.status).toBe('partial');
    expect(loose.assessments).toEqual([{ unit: 'KG', criterion: '1.3', value: '2023-07-15' }]);
    expect(loose.rejectedRows).toBe(4);
  });

  test('without a master the file is checked against its own metadata', () => {
    const wb = filled((s) => set(s, '1.1', 'self', 0.3));
    const r = parseFilledTemplate(wb, {});
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['template.scoreStep', 'I7']]);
  });

  test('a criteria set changed without a new version is caught', () => {
    const changed: Framework = { ...fw, nodes: [{ ...(fw.nodes[0] as Framework['nodes'][number]), children: fw.nodes[0]?.children?.map((c) => (c.code === '1.2' ? { ...c, max: 2 } : c)) }] };
    const r = parseFilledTemplate(filled(() => undefined), { framework: changed, units });
    // the first row that differs is the group (its maximum is the sum: 4.5 → 5.5), then the leaf itself
    expect(r.issues.map((i) => [i.code, i.criterion])).toEqual([
      ['template.frameworkChanged', '1'],
      ['template.staleRow', '1.2'],
    ]);
  });
});

describe('mergeAssessments and completeness', () => {
  test('unit fields replaced, appraisal kept, every change logged', () => {
    const existing = [{ unit: 'KG', criterion: '1.1', value: 'Không', self: 0, appraisal: [0], reason: 'thiếu kế hoạch' }];
    const rows = [{ unit: 'KG', criterion: '1.1', row: 7, cells: {}, assessment: { unit: 'KG', criterion: '1.1', value: 'Có', self: 1 } }];
    const { assessments, log } = mergeAssessments(existing, rows, { file: 'KG.xlsx', by: 'KG', time: '2023-12-01T08:00' });
    expect(assessments).toEqual([{ unit: 'KG', criterion: '1.1', value: 'Có', self: 1, appraisal: [0], reason: 'thiếu kế hoạch' }]);
    expect(log.map((l) => [l.field, l.old, l.new])).toEqual([
      ['value', 'Không', 'Có'],
      ['self', 0, 1],
    ]);
  });
  test('answered ÷ applicable per unit', () => {
    const c = completeness(fw, units, [
      { unit: 'KG', criterion: '1.1', value: 'Có' },
      { unit: 'KG', criterion: '1.2', evidence: 'only evidence' },
      { unit: 'KG', criterion: '1.4', notApplicable: true },
    ]);
    // 1.1 and 1.4 count as answered, 1.2 (evidence only) does not: 2 of 5
    expect(c.get('KG')).toEqual({ applicable: 5, answered: 2 });
  });
});

test('a blank template returned as is gives one warning and imports nothing', () => {
  const r = parseFilledTemplate(filled(() => undefined), { framework: fw, units });
  expect(r.issues.map((i) => [i.code, i.severity, i.params?.['count']])).toEqual([['template.nothingAnswered', 'warning', 5]]);
  expect(r.status).toBe('ok');
  expect(r.assessments).toEqual([]);
});

test('the sign-off block is read by its labels, also after rows moved', () => {
  // table rows 6–11, total row 12, blank row 13, sign-off rows 14 (prepared by), 15 (head), 16 (signed on); entries in column D
  const wb = filled((s) => {
    set(s, '1.1', 'value', 'Có');
    const at = (r: number): CellValue[] => s.values[r - 1] ?? [];
    at(14)[3] = 'Nguyễn Thị Lan';
    at(16)[3] = '28/11/2023';
  });
  expect(parseFilledTemplate(wb, { framework: fw, units }).signOff).toEqual({ preparer: 'Nguyễn Thị Lan', signedOn: '2023-11-28' });
  const moved = filled((s) => {
    (s.values[14 - 1] ?? [])[3] = 'Nguyễn Thị Lan';
    (s.values[16 - 1] ?? [])[3] = 'hôm qua';
    s.values.splice(8 - 1, 1); // row of 1.2 deleted: the block moves up one row
  });
  const r = parseFilledTemplate(moved, { framework: fw, units });
  expect(r.signOff).toEqual({ preparer: 'Nguyễn Thị Lan' });
  expect(r.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([
    ['template.notADate', 'D15', 'warning'],
    ['template.rowDeleted', 'A8', 'error'],
  ]);
});
