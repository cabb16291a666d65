import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { Framework } from '../../engine/model/framework';
import type { Unit } from '../../engine/model/unit';
import { renderTemplate } from '../../engine/workbook/template/render';
import { SELF_CHECK_SHEET } from '../../engine/workbook/template/selfCheck';
import { buildTemplateWorkbook, fillTemplate } from '../../files/templates';
import { tmpDir } from '../templates/helpers';
import { HAS_OPENPYXL, HAS_SOFFICE, convert, missingTool, readValues } from '../templates/libreoffice';

/**
 * "Tự kiểm tra" in a unit template: the appraisal-risk checks as formulas over "Tự đánh giá",
 * recalculated by LibreOffice on a filled form. Hand-made rows:
 *   1.1 yes/no, "Không", self 1, evidence 15/KH-UBND → self above the provisional 0: 1 at risk
 *   1.2 points (max 2), self 2, no evidence → full points without evidence: 2
 *   1.3 yes/no, "Có", self 1, evidence "đã thực hiện" → no number, date or link: 1
 *   1.4 yes/no, "Có", self 1, evidence 12/BC-UBND, last year 0,5 → above last year: 0,5
 *   1.5 yes/no, "Có", self 1, evidence 20/KH-UBND ngày 01/3/2023 → clean: 0
 * Total 4,5.
 */
const framework = {
  id: 'sc',
  name: 'Tự kiểm tra',
  year: 2023,
  total: 6,
  nodes: [
    {
      code: '1',
      name: 'Chỉ đạo',
      children: [
        { code: '1.1', name: 'Kế hoạch CCHC', max: 1, rule: { kind: 'yesNo' } },
        { code: '1.2', name: 'Báo cáo', max: 2, rule: { kind: 'points' } },
        { code: '1.3', name: 'Kiểm tra', max: 1, rule: { kind: 'yesNo' } },
        { code: '1.4', name: 'Tuyên truyền', max: 1, rule: { kind: 'yesNo' } },
        { code: '1.5', name: 'Sáng kiến', max: 1, rule: { kind: 'yesNo' } },
      ],
    },
  ],
} as unknown as Framework;
const unit = { code: 'KG', name: 'UBND phường Kim Giang', kind: 'ward' } as Unit;

describe('template sheet "Tự kiểm tra"', () => {
  test('one row per answerable criterion, formulas over the form, locked, after the form', () => {
    const t = renderTemplate(framework, unit, { units: [unit], previousPoints: { '1.4': 0.5 } });
    expect(t.sheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Tự đánh giá', SELF_CHECK_SHEET, '_meta']);
    const s = t.sheets[2];
    expect(s?.values.slice(5).map((r) => r[0])).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(s?.values[8]?.[5]).toBe(0.5);
    expect(s?.formulas?.['H4']).toBe('SUM(H6:H10)');
    // the marker in a hidden row, printed with the form's page footer
    expect(s?.hiddenRows).toEqual([1]);
    expect(s?.markerCell).toBe('A1');
    expect(s?.page?.footer?.center).toContain('Trang');
    expect(s?.protection?.password).toBeDefined();
  });

  if (!HAS_SOFFICE) missingTool('soffice (LibreOffice)');
  if (!HAS_OPENPYXL) missingTool('openpyxl (/usr/bin/python3)');
  (HAS_SOFFICE && HAS_OPENPYXL ? test : test.skip)(
    'LibreOffice computes the risks as the unit fills the form',
    async () => {
      const dir = await tmpDir('self-check');
      const { bytes: blank } = await buildTemplateWorkbook(framework, unit, { units: [unit], deadline: '2023-11-30', generatedAt: '2023-11-01T08:00', previousPoints: { '1.4': 0.5 } });
      const { bytes, skipped } = await fillTemplate(blank, [
        { criterion: '1.1', value: 'Không', self: 1, evidence: 'Kế hoạch 15/KH-UBND' },
        { criterion: '1.2', self: 2 },
        { criterion: '1.3', value: 'Có', self: 1, evidence: 'đã thực hiện' },
        { criterion: '1.4', value: 'Có', self: 1, evidence: 'Báo cáo 12/BC-UBND' },
        { criterion: '1.5', value: 'Có', self: 1, evidence: 'Kế hoạch 20/KH-UBND ngày 01/3/2023' },
      ]);
      expect(skipped).toEqual([]);
      const file = path.join(dir, 'tu-danh-gia-KG.xlsx');
      await fsp.writeFile(file, bytes);
      const recalculated = await convert(file, 'xlsx', path.join(dir, 'lo'), path.join(dir, 'profile'));
      const values = readValues(recalculated, SELF_CHECK_SHEET, 'H');
      const byCode = new Map(values.filter((r) => typeof r[0] === 'string' && /^1\.\d$/.test(r[0])).map((r) => [r[0], r]));
      expect(['1.1', '1.2', '1.3', '1.4', '1.5'].map((c) => Number(byCode.get(c)?.[7] ?? NaN))).toEqual([1, 2, 1, 0.5, 0]);
      expect(String(byCode.get('1.1')?.[6])).toContain('tự chấm cao hơn điểm tính theo số liệu kê khai');
      expect(String(byCode.get('1.2')?.[6])).toContain('tự chấm tối đa nhưng chưa ghi tài liệu kiểm chứng');
      expect(String(byCode.get('1.3')?.[6])).toContain('tài liệu kiểm chứng chưa có số, ký hiệu, ngày văn bản');
      expect(String(byCode.get('1.4')?.[6])).toContain('cao hơn điểm thẩm định năm trước');
      expect(byCode.get('1.5')?.[6] ?? '').toBe('');
      // self-scores and provisional points copied from the form
      expect(byCode.get('1.1')?.slice(3, 5)).toEqual([1, 0]);
      expect(Number(values[3]?.[7])).toBeCloseTo(4.5, 9);
    },
    300_000,
  );
});
