/**
 * One count of the errors to fix after an import, for the CLI's header and the pane's summary:
 * the located errors, not the summary lines that restate them.
 */
import { errorsToFix, issue } from '../../engine';

test('two located errors and the "file rejected" line that follows from them count as 2', () => {
  const issues = [
    issue('template.notANumber', { value: 'abc' }, { file: 'pc.xlsx', sheet: 'Tự đánh giá', cell: 'D8', unit: 'PC', criterion: '1.2' }),
    issue('template.scoreAboveMax', { value: 5, max: 3 }, { file: 'pc.xlsx', sheet: 'Tự đánh giá', cell: 'I9', unit: 'PC', criterion: '1.3' }),
    issue('import.rejected', { count: 2 }, { file: 'pc.xlsx', unit: 'PC' }),
    issue('import.late', { unit: 'PC' }, { file: 'pc.xlsx', unit: 'PC' }, 'warning'),
  ];
  expect(issues.filter((i) => i.severity === 'error')).toHaveLength(3);
  expect(errorsToFix(issues)).toBe(2);
  expect(errorsToFix([])).toBe(0);
});
