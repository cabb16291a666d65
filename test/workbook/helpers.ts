import type { RenderedSheet, SheetSnapshot, CellValue } from '../../engine/workbook/port';
import { a1, parseA1 } from '../../engine/workbook/a1';
import type { Framework } from '../../engine/model/framework';
import type { Unit } from '../../engine/model/unit';

/** What a port would read back from a rendered sheet: values, number formats of non-empty cells, hidden rows. */
export function toSnapshot(sheet: RenderedSheet): SheetSnapshot {
  const values: CellValue[][] = [];
  for (let r = 0; r < sheet.values.length; r++) values[r] = [...(sheet.values[r] ?? [])].map((v) => (v === undefined ? null : v));
  const formats: Record<string, string> = {};
  for (const s of sheet.styles ?? []) {
    if (!s.style.numFmt) continue;
    const [from, to] = s.range.split(':');
    const p = from ? parseA1(from) : undefined;
    const q = to ? parseA1(to) : p;
    if (!p || !q) continue;
    for (let r = p.row; r <= Math.min(q.row, values.length - 1); r++)
      for (let c = p.col; c <= q.col; c++) {
        const v = values[r]?.[c];
        if (v !== null && v !== undefined && s.style.numFmt !== 'General' && s.style.numFmt !== '@') formats[a1(r, c)] = s.style.numFmt;
      }
  }
  const snap: SheetSnapshot = { name: sheet.name, values, formats };
  if (sheet.hiddenRows) snap.hiddenRows = [...sheet.hiddenRows];
  if (sheet.merges && sheet.merges.length) snap.merged = [...sheet.merges];
  return snap;
}

/** A grid from rows of values, for hand-made sheets. */
export function grid(name: string, rows: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return { name, values: rows, ...extra };
}

/** A small framework: 2 areas, 4 leaves, max 10 in all. */
export const smallFramework: Framework = {
  id: 'test-2023',
  name: 'Bộ tiêu chí thử',
  year: 2023,
  total: 10,
  target: 90,
  grades: [
    { grade: 'A', min: 90 },
    { grade: 'B', min: 80 },
    { grade: 'C', min: 70 },
    { grade: 'D', min: 0 },
  ],
  nodes: [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành',
      lead: 'NV',
      children: [
        { code: '1.1', name: 'Ban hành kế hoạch CCHC', max: 2, rule: { kind: 'yesNo' }, appliesTo: ['ward'] },
        { code: '1.2', name: 'Sáng kiến cải cách', max: 3, rule: { kind: 'points' }, evidence: 'Quyết định công nhận' },
      ],
    },
    {
      code: '2',
      name: 'Thủ tục hành chính',
      lead: 'VP',
      children: [
        { code: '2.1', name: 'Xin lỗi khi trễ hạn', max: 4, rule: { kind: 'yesNo', no: 0.25 }, coordinators: ['NV', 'TP'] },
        { code: '2.2', name: 'Hài lòng của người dân', max: 1, channel: 'survey', rule: { kind: 'survey' }, source: 'II' },
      ],
    },
  ],
};

export const smallUnits: Unit[] = [
  { code: 'NV', name: 'Phòng Nội vụ', kind: 'office', scored: false },
  { code: 'VP', name: 'Văn phòng HĐND và UBND quận', kind: 'office', scored: false },
  { code: 'TP', name: 'Phòng Tư pháp', kind: 'office', scored: false },
  { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' },
  { code: 'HD', name: 'UBND phường Hạ Đình', kind: 'ward' },
];
