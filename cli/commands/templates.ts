import * as path from 'node:path';
import type { Command } from './types';
import type { ParsedArgs } from '../args';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, type CliIO } from '../io';
import { formatIssue, t } from '../../engine';
import { hasErrors } from '../../engine';
import { writeTemplates, type WriteTemplatesOptions } from '../../files/templates';
import { parseQuarter, quarterKey } from '../../engine';

const USAGE = 'parindex templates <master.xlsx> --out <dir> [--unit <code>] [--deadline yyyy-mm-dd] [--round <label>] [--quarter=2023-Q4] [--now yyyy-mm-ddThh:mm] [--force] [--lang en]';

export const templatesCommand: Command = {
  name: 'templates',
  usage: USAGE,
  summary: {
    vi: 'Lập biểu mẫu tự đánh giá (.xlsx) cho từng đơn vị từ sổ tổng hợp: ô nhập mở khoá, danh sách chọn, giới hạn điểm, trang hướng dẫn',
    en: 'Make one self-assessment template (.xlsx) per unit from the master: unlocked input cells, dropdowns, score limits, instructions',
  },
  async run(args: ParsedArgs, io: CliIO): Promise<number> {
    const lang = args.lang;
    const master = args.positional[0];
    const out = args.flags['out'];
    if (master === undefined || args.positional.length > 1 || typeof out !== 'string') {
      io.stderr(t('cli.usage', { usage: USAGE }, lang) + '\n');
      return EXIT_USAGE;
    }
    const opts: WriteTemplatesOptions = { lang };
    const unit = args.flags['unit'];
    if (typeof unit === 'string') opts.units = unit.split(',').map((s) => s.trim()).filter(Boolean);
    // --deadline and --now are checked as calendar dates before any command runs (cli/main.ts)
    const deadline = args.flags['deadline'];
    if (typeof deadline === 'string') opts.deadline = deadline;
    const round = args.flags['round'];
    if (typeof round === 'string') opts.round = round;
    const quarter = args.flags['quarter'];
    if (typeof quarter === 'string') {
      const q = parseQuarter(quarter);
      if (!q) {
        io.stderr(t('cli.badQuarter', { value: quarter }, lang) + '\n' + t('cli.usage', { usage: USAGE }, lang) + '\n');
        return EXIT_USAGE;
      }
      opts.quarter = quarterKey(q);
    }
    const now = args.flags['now'];
    if (typeof now === 'string') opts.now = now;
    if (args.flags['force'] === true) opts.force = true;
    const { files, issues } = await writeTemplates(master, out, opts);
    for (const i of issues) io.stderr(formatIssue(i, lang) + '\n');
    if (hasErrors(issues)) return EXIT_INPUT;
    for (const f of files) io.stdout(f + '\n');
    io.stdout(t('templates.written', { count: files.length, dir: path.resolve(out) }, lang) + '\n');
    return EXIT_OK;
  },
};
