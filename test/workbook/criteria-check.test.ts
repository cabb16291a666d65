/**
 * A master whose criteria sheet holds a negative maximum, a duplicate code, bad rule parameters
 * and more: `checkMaster` (what `parindex validate master.xlsx` runs) reports every problem of the
 * set in one run, each on its cell and named by the criterion's code, once, in Vietnamese by
 * default and in English on request.
 */
import { checkMaster } from '../../engine/app';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import type { CellValue, SheetSnapshot } from '../../engine/workbook/port';
import { formatIssue, type Lang } from '../../engine/i18n';
import type { Issue } from '../../engine/model/issue';
import { grid, smallFramework, smallUnits, toSnapshot } from './helpers';

const KEYS = ['code', 'parent', 'level', 'name', 'nameEn', 'max', 'channel', 'ruleKind', 'ruleParams'];
const HEADERS = ['Mã (STT)', 'Thuộc mục', 'Cấp', 'Tên lĩnh vực, tiêu chí', 'Tên tiếng Anh', 'Điểm tối đa', 'Kênh đánh giá', 'Quy tắc chấm', 'Tham số quy tắc (JSON)'];

/** Rows from row 5 on (columns A–I as KEYS), each with its mistake. */
const ROWS: CellValue[][] = [
  ['1', null, 1, 'Lĩnh vực 1', null, 6], // 5
  ['1.1', '1', 2, 'A', null, -1, null, 'yesNo', '{"yes": 2}'], // 6: negative maximum, and yes above 1
  ['1.2', '1', 2, 'B', null, 2, null, 'yesNo'], // 7
  ['1.1', '1', 2, 'C', null, 2, null, 'yesNo'], // 8: duplicate code
  ['1.4', '1', 2, 'D', null, 2, null, 'bands', '{"bands": [{"from": 0, "share": 1.5}]}'], // 9: share above 1
  ['2', null, 1, 'Lĩnh vực 2', null, 5], // 10
  ['2.1', '2', 2, 'E', null, 'hai', null, 'yesNo'], // 11: maximum in words
  ['2.2', '2', 2, 'F', null, 2, null, 'perItem', '{"per": 0.5'], // 12: parameters that are not JSON
  ['2.3', '2', 2, 'G', null, 2, null, 'nope'], // 13: unknown rule kind
  ['3', null, 1, 'Lĩnh vực 3', null, 3], // 14: children sum to 2
  ['3.1', '3', 2, 'H', null, 1, null, 'yesNo'], // 15
  ['3.2', '3', 2, 'I', null, 1, null, 'yesNo'], // 16
];

function brokenMaster(): SheetSnapshot[] {
  const base = renderMasterInputSheets({ framework: smallFramework, units: smallUnits, assessments: [] }).map(toSnapshot);
  const criteria = grid('Bộ tiêu chí', [['Bộ tiêu chí'], [], KEYS, HEADERS, ...ROWS]);
  return base.map((s) => (s.name === 'Bộ tiêu chí' ? criteria : s));
}

/** The issues about the criteria set (not the units' missing submissions). */
function criteriaIssues(lang: Lang): Issue[] {
  return checkMaster(brokenMaster(), { lang, file: 'm.xlsx' }).issues.filter((i) => i.sheet === 'Bộ tiêu chí' || (i.criterion !== undefined && !i.unit));
}

describe('a broken criteria sheet, checked as a master', () => {
  test('every problem in one run, on its cell, named by code, each once', () => {
    const issues = criteriaIssues('vi');
    expect(issues.map((i) => [i.code, i.cell, i.criterion])).toEqual([
      // the reader: the cells themselves
      ['workbook.duplicateCriterion', 'A8', '1.1'],
      ['workbook.badJson', 'I12', '2.2'],
      ['workbook.belowMinimum', 'F6', '1.1'],
      ['workbook.notANumber', 'F11', '2.1'],
      // the criteria checks: rules and sums (a refused maximum or rule is not "missing" again)
      ['rule.badParams', 'I6', '1.1'],
      ['rule.badParams', 'I9', '1.4'],
      ['rule.unknownKind', 'H13', '2.3'],
      ['framework.maxMismatch', 'F14', '3'],
      ['framework.totalMismatch', undefined, undefined],
    ]);
    expect(issues.every((i) => i.file === 'm.xlsx' && i.sheet === 'Bộ tiêu chí' && i.severity === 'error')).toBe(true);
  });

  test('in Vietnamese by default, in English on request; no tree position, no zod wording', () => {
    const vi = criteriaIssues('vi').map((i) => formatIssue(i, 'vi'));
    expect(vi).toEqual([
      "Tệp 'm.xlsx', trang 'Bộ tiêu chí'!A8 (tiêu chí 1.1): Mã tiêu chí \"1.1\" trùng với dòng 6",
      expect.stringMatching(/^Tệp 'm\.xlsx', trang 'Bộ tiêu chí'!I12 \(tiêu chí 2\.2\): .*\{"per": 0\.5$/),
      "Tệp 'm.xlsx', trang 'Bộ tiêu chí'!F6 (tiêu chí 1.1): Giá trị -1 nhỏ hơn mức tối thiểu 0",
      expect.stringMatching(/^Tệp 'm\.xlsx', trang 'Bộ tiêu chí'!F11 \(tiêu chí 2\.1\): .*"hai"/),
      "Tệp 'm.xlsx', trang 'Bộ tiêu chí'!I6 (tiêu chí 1.1): Tham số của quy tắc \"yesNo\" không hợp lệ tại yes: phải nhỏ hơn hoặc bằng 1",
      "Tệp 'm.xlsx', trang 'Bộ tiêu chí'!I9 (tiêu chí 1.4): Tham số của quy tắc \"bands\" không hợp lệ tại bands.0.share: phải nhỏ hơn hoặc bằng 1",
      expect.stringMatching(/^Tệp 'm\.xlsx', trang 'Bộ tiêu chí'!H13 \(tiêu chí 2\.3\): Loại quy tắc chấm "nope" không tồn tại/),
      "Tệp 'm.xlsx', trang 'Bộ tiêu chí'!F14 (tiêu chí 3): Điểm tối đa khai báo 3 khác tổng điểm tối đa của các tiêu chí con 2",
      "Tệp 'm.xlsx', trang 'Bộ tiêu chí': Tổng điểm tối đa của các lĩnh vực là 14, khác tổng điểm của bộ tiêu chí 10",
    ]);
    const en = criteriaIssues('en').map((i) => formatIssue(i, 'en'));
    expect(en[4]).toBe("File 'm.xlsx', sheet 'Bộ tiêu chí'!I6 (criterion 1.1): Bad parameters for rule \"yesNo\" at yes: must be at most 1");
    expect(en[8]).toBe("File 'm.xlsx', sheet 'Bộ tiêu chí': The areas' maxima sum to 14, not the framework total 10");
    for (const line of [...vi, ...en]) expect(line).not.toMatch(/nodes\.\d|children\.\d|framework\.nodes|Too small|Invalid input|expected number/);
  });
});
