import type { Command } from './types';
import type { ParsedArgs } from '../args';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, type CliIO } from '../io';
import { errorsToFix, formatIssue, formatPercent, t, type Lang } from '../../engine';
import { hasErrors } from '../../engine';
import { importFilled, type ImportResult } from '../../files/import';

const USAGE = 'parindex import <master.xlsx> <filled.xlsx…> --out <new-master.xlsx> [--accept-valid-rows] [--now yyyy-mm-ddThh:mm] [--lang en]';

const STATUS: Record<Lang, Record<string, string>> = {
  vi: { ok: 'đã nhập', partial: 'nhập một phần', rejected: 'bị từ chối', missing: 'chưa nộp', earlier: 'đã nhập lần trước' },
  en: { ok: 'imported', partial: 'partly imported', rejected: 'rejected', missing: 'missing', earlier: 'imported earlier' },
};

/** Issues that sum up others (one per file or per import), not problems to fix of their own. */

function summary(res: ImportResult, lang: Lang): string {
  const vi = lang === 'vi';
  const lines = res.units.map((u) => {
    const pct = u.applicable > 0 ? formatPercent((u.answered / u.applicable) * 100, lang, 0) : '—';
    const late = u.timeliness === 'late' ? (vi ? ', quá hạn' : ', late') : '';
    return `  ${u.unit.padEnd(6)} ${(STATUS[lang][u.status] ?? u.status).padEnd(18)} ${u.answered}/${u.applicable} (${pct})${late}${u.file ? '  ' + u.file : ''}`;
  });
  const submitted = res.units.filter((u) => u.status !== 'missing').length;
  const late = res.units.filter((u) => u.timeliness === 'late').length;
  const errs = errorsToFix(res.issues);
  const head = vi
    ? `${submitted}/${res.units.length} đơn vị đã nộp · ${late} quá hạn · ${errs} lỗi cần sửa · ${res.log.length} ô thay đổi`
    : `${submitted}/${res.units.length} units submitted · ${late} late · ${errs} errors to fix · ${res.log.length} cells changed`;
  return [head, ...lines].join('\n') + '\n' + (res.outPath ? (vi ? `Đã ghi sổ tổng hợp mới: ${res.outPath}` : `New master written: ${res.outPath}`) + '\n' : '');
}

export const importCommand: Command = {
  name: 'import',
  usage: USAGE,
  summary: {
    vi: 'Kiểm tra các biểu mẫu đã điền và nhập vào sổ tổng hợp mới (tình hình nộp, nhật ký thay đổi); báo mọi lỗi theo tệp, trang, ô, tiêu chí',
    en: 'Check filled templates and bring them into a new master (submission status, change log); every problem located by file, sheet, cell, criterion',
  },
  async run(args: ParsedArgs, io: CliIO): Promise<number> {
    const lang = args.lang;
    const [master, ...filled] = args.positional;
    const out = args.flags['out'];
    if (master === undefined || filled.length === 0 || typeof out !== 'string') {
      io.stderr(t('cli.usage', { usage: USAGE }, lang) + '\n');
      return EXIT_USAGE;
    }
    const now = args.flags['now'];
    const res = await importFilled(master, filled, out, {
      lang,
      acceptValidRows: args.flags['accept-valid-rows'] === true,
      ...(typeof now === 'string' ? { now } : {}),
    });
    for (const i of res.issues) io.stderr(formatIssue(i, lang) + '\n');
    if (res.status !== 'failed') io.stdout(summary(res, lang));
    return hasErrors(res.issues) || res.status === 'failed' ? EXIT_INPUT : EXIT_OK;
  },
};
