import * as path from 'node:path';
import type { Command } from './types';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io';
import { formatIssue, t } from '../../engine';
import { runDemo } from '../../files/demo/run';
import { demoSummary } from '../../files/demo/summary';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'parindex demo [--out <dir>]',
  summary: {
    vi: 'Chạy thử trọn một kỳ đánh giá với dữ liệu mẫu quận Thanh Xuân 2023: biểu mẫu → điền → nhập → tính điểm',
    en: 'Run a whole assessment round on the Thanh Xuân 2023 sample: templates → filling → import → scoring',
  },
  async run(args, io) {
    const lang = args.lang;
    if (args.positional.length > 0) {
      io.stderr(t('cli.usage', { usage: this.usage }, lang) + '\n');
      return EXIT_USAGE;
    }
    const out = typeof args.flags['out'] === 'string' ? args.flags['out'] : path.join('out', 'demo');
    const started = Date.now();
    const r = await runDemo(out, {
      lang,
      onStep: (s) => {
        const text = `[${s.step}/${s.total}] ${s.label[lang]}…`;
        if (io.isTTY && io.progress) io.progress(text);
        else io.stderr(text + '\n');
      },
    });
    if (io.isTTY) io.progress?.('');
    if (r.writeFailed) {
      for (const i of r.writeFailed) io.stderr(formatIssue(i, lang) + '\n');
      return EXIT_INPUT;
    }
    const ms = Date.now() - started;
    if (r.results) io.stdout(demoSummary(r.results, lang, { ...(r.sipas ? { sipas: r.sipas } : {}), status: r.status }));
    const importIssues = r.issues.filter((i) => i.severity === 'error').length;
    const vi = lang === 'vi';
    io.stdout(
      '\n' +
        (vi
          ? `Lỗi phát hiện khi nhận biểu mẫu (dữ liệu mẫu cố ý có sai sót): ${importIssues}. Xem trang "Kiểm tra dữ liệu" và "Nhật ký nhập".\n`
          : `Errors caught while importing (the sample contains deliberate mistakes): ${importIssues}. See the "Kiểm tra dữ liệu" and import log sheets.\n`) +
        (vi ? 'Đã ghi:\n' : 'Written:\n') +
        `  ${r.files.masterBlank}\n  ${path.join(out, 'templates')}${path.sep} (${r.files.templates.length})\n  ${path.join(out, 'filled')}${path.sep} (${r.files.filled.length})\n  ${r.files.master}\n  ${r.files.results}\n` +
        (vi ? `Thời gian: ${(ms / 1000).toFixed(1).replace('.', ',')} giây\n` : `Time: ${(ms / 1000).toFixed(1)} s\n`),
    );
    return EXIT_OK;
  },
};
