import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from './types';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io';
import { formatIssue, issue, localIso, reportForDocument, reportForMaster, reportQuarter, t, type Issue, type ReportRound, type ReportRoundOptions } from '../../engine';
import { openRoundFile } from '../../files/scoreWorkbook';
import { readJsonFile, samePath, writeFailedIssue, writeFileAtomically } from '../../files/node';
import { reportDocx } from '../../files/report/docx';

const USAGE = 'parindex report <master.xlsx|input.json> --out <file.docx> [--quarter yyyy-Qn] [--now yyyy-mm-dd] [--lang en]';

/** Score the input (no workbook is written) and build the report as data. */
async function build(input: string, options: ReportRoundOptions): Promise<ReportRound | { issues: Issue[] }> {
  if (/\.xlsx$/i.test(input)) {
    const opened = await openRoundFile(input);
    if (!opened.port) return { issues: opened.issues };
    return reportForMaster(opened.snapshots, { ...options, file: opened.label });
  }
  if (!fs.existsSync(input)) return { issues: [issue('input.fileMissing', { file: input })] };
  const read = await readJsonFile(input, path.basename(input));
  if (read.issues.length > 0) return { issues: read.issues };
  return reportForDocument(read.raw, { ...options, file: path.basename(input) });
}

/**
 * `parindex report`: the official report (Decree 30/2020/NĐ-CP) as .docx — yearly, or quarterly
 * with `--quarter` (plan status as at the quarter's end unless `--now` says otherwise). The
 * report's date is `--now`, else today. Nothing is written when the input has errors.
 */
export const reportCommand: Command = {
  name: 'report',
  usage: USAGE,
  summary: {
    vi: 'Báo cáo gửi cấp trên theo thể thức Nghị định 30/2020/NĐ-CP (.docx): kết quả, điểm bị trừ, SIPAS, Kế hoạch, đề xuất, kèm biểu đồ',
    en: 'The official report in the Decree 30/2020 format (.docx): results, points lost, SIPAS, plan, proposals, with charts',
  },
  async run(args, io) {
    const lang = args.lang;
    const input = args.positional[0];
    const out = args.flags['out'];
    const usage = (): number => {
      io.stderr(t('cli.usage', { usage: USAGE }, lang) + '\n');
      return EXIT_USAGE;
    };
    if (input === undefined || args.positional.length > 1 || typeof out !== 'string') return usage();
    if (!/\.docx$/i.test(out)) {
      io.stderr(t('report.outDocx', { file: out }, lang) + '\n');
      return usage();
    }
    const quarterFlag = args.flags['quarter'];
    const quarter = typeof quarterFlag === 'string' ? reportQuarter(quarterFlag.trim()) : undefined;
    if (typeof quarterFlag === 'string' && quarter === undefined) {
      io.stderr(t('cli.badQuarter', { value: quarterFlag }, lang) + '\n');
      return usage();
    }
    const now = typeof args.flags['now'] === 'string' ? args.flags['now'].slice(0, 10) : undefined;
    if (fs.existsSync(out) && samePath(input, out)) {
      io.stderr(formatIssue(issue('cli.sameFile', { file: out }, { file: path.basename(out) }), lang) + '\n');
      return EXIT_INPUT;
    }
    const built = await build(input, { lang, ...(quarter ? { quarter } : {}), ...(now ? { asOf: now } : {}), date: now ?? localIso(new Date()).slice(0, 10) });
    for (const i of built.issues) io.stderr(formatIssue(i.file ? i : { ...i, file: path.basename(input) }, lang) + '\n');
    if (!('report' in built) || !built.report) return EXIT_INPUT;
    try {
      await writeFileAtomically(out, await reportDocx(built.report));
    } catch (e) {
      io.stderr(formatIssue(writeFailedIssue(e, out), lang) + '\n');
      return EXIT_INPUT;
    }
    io.stderr(t('report.written', { file: out }, lang) + '\n');
    return EXIT_OK;
  },
};
