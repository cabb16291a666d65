import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from './types';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE } from '../io';
import { t } from '../../engine';
import { createPageServer, lanAddresses, PAGE } from '../serve';

const USAGE = 'parindex serve [--port 8080] [--host <address>] [--dir <dist/addin>] [--lang en]';

/** Where the built page is: --dir, else dist/addin beside the bundled CLI, in the repository, or here. */
function pageDir(flag: string | boolean | undefined): string | undefined {
  if (typeof flag === 'string') return resolve(flag);
  const candidates = [join(__dirname, 'addin'), join(__dirname, '..', '..', 'dist', 'addin'), join(process.cwd(), 'dist', 'addin')];
  return candidates.find((d) => existsSync(join(d, PAGE)));
}

/** Serve the built standalone page read-only on the office's network (docs/deploy.md). */
export const serveCommand: Command = {
  name: 'serve',
  usage: USAGE,
  summary: {
    vi: 'Phục vụ trang chấm điểm đã dựng (dist/addin, `npm run build`) trong mạng nội bộ cho các máy không có Internet hay Node: chỉ đọc, đúng kiểu MIME, chính sách bảo mật (CSP) của bản dựng; in địa chỉ LAN; Ctrl+C để dừng',
    en: 'Serve the built page (dist/addin, `npm run build`) on the office network for machines without Internet or Node: read-only, right MIME types, the build\'s CSP; prints the LAN address; Ctrl+C stops',
  },
  async run(args, io) {
    const lang = args.lang;
    const vi = lang === 'vi';
    const portFlag = args.flags['port'] ?? '8080';
    const port = typeof portFlag === 'string' && /^\d{1,5}$/.test(portFlag.trim()) ? Number(portFlag.trim()) : NaN;
    if (args.positional.length > 0 || !(port >= 0 && port <= 65535)) {
      io.stderr(t('cli.badOption', { option: `--port ${String(portFlag)} (0–65535)` }, lang) + '\n' + t('cli.usage', { usage: USAGE }, lang) + '\n');
      return EXIT_USAGE;
    }
    const hostFlag = args.flags['host'];
    const host = typeof hostFlag === 'string' ? hostFlag.trim() : '0.0.0.0';
    const dir = pageDir(args.flags['dir']);
    if (!dir || !existsSync(join(dir, PAGE))) {
      io.stderr(
        (vi
          ? `Không thấy trang đã dựng (${dir ? join(dir, PAGE) : 'dist/addin/' + PAGE}): hãy chạy \`npm run build\` hoặc chép thư mục dist/addin vào máy này và chỉ nó bằng --dir`
          : `No built page found (${dir ? join(dir, PAGE) : 'dist/addin/' + PAGE}): run \`npm run build\`, or copy dist/addin here and point --dir at it`) + '\n',
      );
      return EXIT_INPUT;
    }
    const { server, root } = createPageServer(dir);
    const listening = await new Promise<Error | undefined>((done) => {
      server.once('error', (e) => done(e));
      server.listen(port, host, () => done(undefined));
    });
    if (listening) {
      const code = (listening as NodeJS.ErrnoException).code ?? listening.message;
      io.stderr((vi ? `Không mở được cổng ${port} trên ${host}: ${code}` : `Cannot listen on ${host}:${port}: ${code}`) + (code === 'EADDRINUSE' ? (vi ? ' (cổng đang được dùng, thử --port khác)' : ' (port in use, try another --port)') : '') + '\n');
      return EXIT_INPUT;
    }
    const address = server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    const everywhere = host === '0.0.0.0' || host === '::';
    const lan = everywhere ? lanAddresses() : host === '127.0.0.1' || host === 'localhost' || host === '::1' ? [] : [host];
    const lines = vi
      ? [
          `Đang phục vụ trang chấm điểm (chỉ đọc) từ thư mục ${root}`,
          `Địa chỉ lắng nghe: ${host}:${bound}`,
          `Trên máy này: http://localhost:${bound}/`,
          ...(lan.length > 0 ? lan.map((a) => `Trong mạng nội bộ (LAN), mở trên máy khác: http://${a}:${bound}/`) : [everywhere ? 'Máy này chưa có địa chỉ mạng nội bộ (LAN).' : 'Chỉ máy này mở được (--host 0.0.0.0 để mở cho mạng nội bộ).']),
          'Tệp người dùng mở chỉ được xử lý trong trình duyệt của họ, không gửi về máy chủ này.',
          'Nhấn Ctrl+C để dừng.',
        ]
      : [
          `Serving the scoring page (read-only) from ${root}`,
          `Listening on ${host}:${bound}`,
          `On this machine: http://localhost:${bound}/`,
          ...(lan.length > 0 ? lan.map((a) => `On the office network (LAN), open on another machine: http://${a}:${bound}/`) : [everywhere ? 'This machine has no LAN address yet.' : 'Only this machine can open it (--host 0.0.0.0 for the LAN).']),
          'Files users open are processed in their browser, never sent to this server.',
          'Press Ctrl+C to stop.',
        ];
    io.stdout(lines.join('\n') + '\n');
    await new Promise<void>((done) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server.close(() => done());
        server.closeAllConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    io.stdout((vi ? 'Đã dừng.' : 'Stopped.') + '\n');
    return EXIT_OK;
  },
};
