import * as path from 'node:path';
import type { Command } from './types';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io';
import { formatIssue, t } from '../../engine';
import { hasErrors, issue, type Issue } from '../../engine';
import { validateMasterFile } from '../../files/scoreWorkbook';

/** Messages of this command live in the workbook catalogue (validate.* keys). */
export const validateCommand: Command = {
  name: 'validate',
  usage: 'parindex validate <file.xlsx>',
  summary: {
    vi: 'Kiểm tra sổ tổng hợp (master) hoặc biểu mẫu đã điền; liệt kê mọi lỗi theo tệp, trang, ô, đơn vị, tiêu chí',
    en: 'Check a master workbook or a filled template; lists every issue by file, sheet, cell, unit, criterion',
  },
  async run(args, io) {
    const lang = args.lang;
    const file = args.positional[0];
    if (!file || args.positional.length > 1) {
      io.stderr(t('cli.usage', { usage: this.usage }, lang) + '\n');
      return EXIT_USAGE;
    }
    const label = path.basename(file);
    let issues: Issue[];
    let kind: 'master' | 'template' | 'unknown';
    let summary = '';
    const master = await validateMasterFile(file, lang);
    if (master.kind === 'master') {
      issues = master.issues;
      kind = 'master';
      summary = t('validate.masterSummary', { units: master.units ?? 0, criteria: master.criteria ?? 0, rows: master.rows ?? 0 }, lang);
    } else if (master.kind === 'unreadable') {
      issues = master.issues;
      kind = 'unknown';
    } else {
      // Not a master: perhaps a filled template (checked by the template importer).
      const mod = await import('../../files/import/import');
      const r = await mod.validateTemplateFile(file, lang);
      issues = r.kind === 'unknown' ? [issue('workbook.notMaster', {}, { file: label })] : r.issues;
      kind = r.kind === 'unknown' ? 'unknown' : 'template';
    }
    for (const i of issues) io.stderr(formatIssue(i, lang) + '\n');
    const errors = issues.filter((i) => i.severity === 'error').length;
    const warnings = issues.filter((i) => i.severity === 'warning').length;
    if (kind === 'unknown') return EXIT_INPUT;
    const what = kind === 'master' ? t('validate.kindMaster', {}, lang) : t('validate.kindTemplate', {}, lang);
    if (hasErrors(issues)) {
      io.stdout(t('validate.invalid', { file: label, what, errors, warnings }, lang) + '\n');
      return EXIT_INPUT;
    }
    io.stdout(t('validate.valid', { file: label, what, warnings }, lang) + (summary ? ' ' + summary : '') + '\n');
    return EXIT_OK;
  },
};
