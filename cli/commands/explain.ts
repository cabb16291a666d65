import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from './types';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io';
import { toJson } from '../json';
import { explainForDocument, explainForMaster, explanationLines, formatIssue, hasErrors, issue, t, type ExplainOptions, type ExplainResult, type Issue } from '../../engine';
import { openRoundFile } from '../../files/scoreWorkbook';
import { readJsonFile } from '../../files/node';

const USAGE = 'parindex explain <master.xlsx|input.json> --unit <code> --criterion <code> [--json] [--lang en]';

async function explain(input: string, options: ExplainOptions): Promise<ExplainResult | { issues: Issue[]; notFound: false }> {
  if (/\.xlsx$/i.test(input)) {
    const opened = await openRoundFile(input);
    if (!opened.port) return { issues: opened.issues, notFound: false };
    return explainForMaster(opened.snapshots, { ...options, file: opened.label });
  }
  if (!fs.existsSync(input)) return { issues: [issue('input.fileMissing', { file: input })], notFound: false };
  const read = await readJsonFile(input, path.basename(input));
  if (read.issues.length > 0) return { issues: read.issues, notFound: false };
  return explainForDocument(read.raw, { ...options, file: path.basename(input) });
}

/**
 * `parindex explain`: how one unit's score on one criterion came about — the round that set it,
 * the rule and its parameters, the declared value with its source (file, sheet, cell, import
 * time), the survey index used, points lost and recoverable. `--json`: the same as data.
 */
export const explainCommand: Command = {
  name: 'explain',
  usage: USAGE,
  summary: {
    vi: 'Giải thích một điểm số: vòng chấm quyết định, quy tắc và tham số, số liệu kê khai cùng nguồn (tệp, trang, ô, thời điểm nhập), chỉ số khảo sát, điểm bị trừ và có thể khắc phục',
    en: 'How one score came about: the deciding round, the rule and its parameters, the declared value with its source (file, sheet, cell, import time), the survey index, points lost and recoverable',
  },
  async run(args, io) {
    const lang = args.lang;
    const input = args.positional[0];
    const unit = args.flags['unit'];
    const criterion = args.flags['criterion'];
    if (input === undefined || args.positional.length > 1 || typeof unit !== 'string' || typeof criterion !== 'string') {
      io.stderr(t('cli.usage', { usage: USAGE }, lang) + '\n');
      return EXIT_USAGE;
    }
    const r = await explain(input, { lang, unit: unit.trim(), criterion: criterion.trim() });
    const label = path.basename(input);
    if (r.notFound) {
      for (const i of r.issues) io.stderr(formatIssue(i.file ? i : { ...i, file: label }, lang) + '\n');
      io.stderr(t('cli.usage', { usage: USAGE }, lang) + '\n');
      return EXIT_USAGE;
    }
    const e = 'explanation' in r ? r.explanation : undefined;
    if (e) {
      if (args.flags['json'] === true) io.stdout(toJson(e) + '\n');
      else io.stdout(explanationLines(e, lang).join('\n') + '\n');
    }
    // the round's errors (any unit) make the input unusable for a final score: listed, exit 1
    const errors = r.issues.filter((i) => i.severity === 'error');
    for (const i of errors) io.stderr(formatIssue(i.file ? i : { ...i, file: label }, lang) + '\n');
    return e && !hasErrors(r.issues) ? EXIT_OK : EXIT_INPUT;
  },
};
