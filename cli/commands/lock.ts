import type { Command } from './types';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io';
import { formatIssue, t } from '../../engine';
import { isoDateOption } from '../args';
import { lockFile } from '../../files/periods';

const USAGE = 'parindex lock <master.xlsx> --round <round> --out <new-master.xlsx> [--by <name>] [--reopen --reason <text>] [--now yyyy-mm-ddThh:mm] [--lang en]';

/** Close a round (chốt điểm) or reopen it with a reason; both are logged (docs/periods.md). */
export const lockCommand: Command = {
  name: 'lock',
  usage: USAGE,
  summary: {
    vi: 'Chốt điểm một vòng (selfAssessment, appraisal1, explanation, appraisal2): sau đó nhập hoặc sửa số liệu của vòng bị từ chối; --reopen --reason "…" mở lại; ghi vào "Chốt điểm" và "Nhật ký nhập"',
    en: 'Close a round (selfAssessment, appraisal1, explanation, appraisal2): later imports and edits of it are refused; --reopen --reason "…" reopens it; logged in "Chốt điểm" and "Nhật ký nhập"',
  },
  async run(args, io) {
    const lang = args.lang;
    const master = args.positional[0];
    const out = args.flags['out'];
    const round = args.flags['round'];
    const reopen = args.flags['reopen'] === true;
    const reason = args.flags['reason'];
    const by = args.flags['by'];
    if (master === undefined || args.positional.length > 1 || typeof out !== 'string' || typeof round !== 'string' || (reopen && typeof reason !== 'string')) {
      io.stderr(t('cli.usage', { usage: USAGE }, lang) + '\n');
      return EXIT_USAGE;
    }
    let now: string | undefined;
    const nowFlag = args.flags['now'];
    if (typeof nowFlag === 'string') {
      const d = isoDateOption('now', nowFlag, true);
      if ('error' in d) {
        io.stderr(t(d.error.code, d.error.params, lang) + '\n');
        return EXIT_USAGE;
      }
      now = d.iso.length === 10 ? `${d.iso}T00:00` : d.iso;
    }
    const r = await lockFile(master, out, {
      lang,
      round,
      ...(typeof by === 'string' ? { by } : {}),
      ...(reopen ? { reopen } : {}),
      ...(typeof reason === 'string' ? { reason } : {}),
      ...(now ? { now } : {}),
    });
    for (const i of r.issues) io.stderr(formatIssue(i, lang) + '\n');
    if (!r.ok) return EXIT_INPUT;
    io.stdout((r.message ?? '') + '\n' + (lang === 'vi' ? `Đã ghi sổ tổng hợp mới: ${out}` : `New master written: ${out}`) + '\n');
    return EXIT_OK;
  },
};
