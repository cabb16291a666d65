import * as path from 'node:path';
import type { Command } from './types';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io';
import { formatIssue, t, validateFramework, parseScoringDocument } from '../../engine';
import { hasErrors, issue, type Issue, type Lang } from '../../engine';
import { validateMasterFile } from '../../files/scoreWorkbook';
import { readJsonFile } from '../../files/node';
import { validateAgainst } from '../../files/periods';

type Checked = { kind: 'framework' | 'document' | 'master' | 'template'; issues: Issue[]; summary: string } | { kind: 'unknown'; issues: Issue[] };

/**
 * A JSON file: a criteria set on its own (it has `nodes`) or a scoring document (criteria set
 * inside, or a built-in one named by id). Every problem of the set, in one run.
 */
async function checkJson(file: string, label: string, lang: Lang): Promise<Checked> {
  const read = await readJsonFile(file, label);
  if (read.raw === undefined) return { kind: 'unknown', issues: read.issues };
  const raw = read.raw;
  const located = (issues: readonly Issue[]): Issue[] => issues.map((i) => (i.file ? i : { ...i, file: label }));
  const isRecord = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  if (isRecord && 'nodes' in raw && !('framework' in raw)) {
    const v = validateFramework(raw);
    const c = v.compiled;
    return { kind: 'framework', issues: located(v.issues), summary: c ? t('validate.frameworkSummary', { areas: c.nodes.length, criteria: c.leaves.length }, lang) : '' };
  }
  const p = parseScoringDocument(raw);
  const doc = p.doc;
  const summary = doc && p.compiled ? t('validate.documentSummary', { units: doc.units.length, criteria: p.compiled.leaves.length, rows: doc.assessments.length }, lang) : '';
  return { kind: 'document', issues: located(p.issues), summary };
}

async function checkWorkbook(file: string, label: string, lang: Lang): Promise<Checked> {
  const master = await validateMasterFile(file, lang);
  if (master.kind === 'master')
    return { kind: 'master', issues: master.issues, summary: t('validate.masterSummary', { units: master.units ?? 0, criteria: master.criteria ?? 0, rows: master.rows ?? 0 }, lang) };
  if (master.kind === 'unreadable') return { kind: 'unknown', issues: master.issues };
  // Not a master: perhaps a filled template (checked by the template importer).
  const mod = await import('../../files/import/import');
  const r = await mod.validateTemplateFile(file, lang);
  if (r.kind === 'unknown') return { kind: 'unknown', issues: [issue('workbook.notMaster', {}, { file: label })] };
  return { kind: 'template', issues: r.issues, summary: '' };
}

const KIND_WORDS = {
  master: 'validate.kindMaster',
  template: 'validate.kindTemplate',
  framework: 'validate.kindFramework',
  document: 'validate.kindDocument',
} as const;

/** Messages of this command live in the workbook catalogue (validate.* keys). */
export const validateCommand: Command = {
  name: 'validate',
  usage: 'parindex validate <file.xlsx|file.json> [--against <master.xlsx>]',
  summary: {
    vi: 'Kiểm tra sổ tổng hợp (master), biểu mẫu đã điền, bộ tiêu chí hoặc tài liệu chấm điểm (.json); liệt kê mọi lỗi theo tệp, trang, ô, đơn vị, tiêu chí',
    en: 'Check a master workbook, a filled template, a criteria set or a scoring document (.json); lists every issue by file, sheet, cell, unit, criterion',
  },
  async run(args, io) {
    const lang = args.lang;
    const file = args.positional[0];
    if (!file || args.positional.length > 1) {
      io.stderr(t('cli.usage', { usage: this.usage }, lang) + '\n');
      return EXIT_USAGE;
    }
    const label = path.basename(file);
    const against = args.flags['against'];
    if (typeof against === 'string') {
      // a published result against its master (docs/periods.md): the input hash on "Tổng hợp"
      const r = await validateAgainst(file, against, lang);
      for (const i of r.issues) io.stderr(formatIssue(i, lang) + '\n');
      if (r.message) io.stdout(r.message + '\n');
      return r.ok ? EXIT_OK : EXIT_INPUT;
    }
    const checked = /\.json$/i.test(file) ? await checkJson(file, label, lang) : await checkWorkbook(file, label, lang);
    const issues = checked.issues;
    for (const i of issues) io.stderr(formatIssue(i, lang) + '\n');
    if (checked.kind === 'unknown') return EXIT_INPUT;
    const errors = issues.filter((i) => i.severity === 'error').length;
    const warnings = issues.filter((i) => i.severity === 'warning').length;
    const what = t(KIND_WORDS[checked.kind], {}, lang);
    if (hasErrors(issues)) {
      io.stdout(t('validate.invalid', { file: label, what, errors, warnings }, lang) + '\n');
      return EXIT_INPUT;
    }
    io.stdout(t('validate.valid', { file: label, what, warnings }, lang) + (checked.summary ? ' ' + checked.summary : '') + '\n');
    return EXIT_OK;
  },
};
