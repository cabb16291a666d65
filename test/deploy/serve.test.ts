/**
 * `parindex serve`: the built page served read-only — right MIME types and headers (the build's CSP),
 * nothing outside the folder whatever the path says, no listing, no writes; the command prints
 * where it listens, in Vietnamese, with the LAN address.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cacheControl, createPageServer, pageCsp, type PageServer } from '../../cli/serve';

const root = resolve(__dirname, '..', '..');
const CSP = "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; object-src 'none'";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path goes out as written (no normalisation of `..` as fetch would do). */
function get(port: number, path: string, method = 'GET'): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('parindex serve', () => {
  let tmp: string;
  let dir: string;
  let page: PageServer;
  let port: number;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'parindex-serve-'));
    dir = join(tmp, 'addin');
    mkdirSync(join(dir, 'chunks'), { recursive: true });
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'taskpane.html'), `<!doctype html><html><head><meta http-equiv=Content-Security-Policy content="${CSP}"></head><body>trang</body></html>`);
    writeFileSync(join(dir, 'taskpane.0123abcd.js'), 'console.log(1)');
    writeFileSync(join(dir, 'chunks', 'engine.89abcdef.js'), 'export {}');
    writeFileSync(join(dir, 'sw.js'), 'self.x = 1');
    writeFileSync(join(dir, 'manifest.webmanifest'), '{}');
    writeFileSync(join(dir, 'manifest.xml'), '<OfficeApp/>');
    writeFileSync(join(dir, 'assets', 'icon-32.png'), Buffer.from([137, 80, 78, 71]));
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    writeFileSync(join(tmp, 'secret.txt'), 'outside');
    symlinkSync(join(tmp, 'secret.txt'), join(dir, 'link.txt'));
    page = createPageServer(dir);
    await new Promise<void>((r) => page.server.listen(0, '127.0.0.1', () => r()));
    port = (page.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((r) => page.server.close(() => r()));
    rmSync(tmp, { recursive: true, force: true });
  });

  test('serves the page at / and its files with their MIME types, the build\'s CSP and cache headers', async () => {
    expect(page.csp).toBe(CSP);
    const home = await get(port, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('trang');
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['content-security-policy']).toBe(CSP);
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect(home.headers['referrer-policy']).toBe('no-referrer');
    expect(home.headers['cache-control']).toBe('no-cache');
    const cases: [string, string, string][] = [
      ['/taskpane.html?view=compute', 'text/html; charset=utf-8', 'no-cache'],
      ['/taskpane.0123abcd.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/chunks/engine.89abcdef.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8', 'no-cache'],
      ['/manifest.xml', 'application/xml; charset=utf-8', 'no-cache'],
      ['/assets/icon-32.png', 'image/png', 'no-cache'],
    ];
    for (const [path, type, cache] of cases) {
      const r = await get(port, path);
      expect([path, r.status, r.headers['content-type'], r.headers['cache-control']]).toEqual([path, 200, type, cache]);
    }
  });

  test('nothing outside the folder, no dot files, no links out, no listing', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/chunks/..%2f..%2fsecret.txt',
      '/chunks/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/' + encodeURIComponent(join(tmp, 'secret.txt')),
      '//' + join(tmp, 'secret.txt').slice(1),
      '/link.txt',
      '/.env',
      '/chunks/',
      '/chunks',
      '/taskpane.html%00.png',
      '/%E0%A4%A',
      '/nope.js',
    ]) {
      const r = await get(port, path);
      expect([path, r.status]).toEqual([path, 404]);
      expect(r.body).not.toContain('outside');
      expect(r.body).not.toContain('SECRET');
    }
  });

  test('read-only: only GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const r = await get(port, '/taskpane.html', method);
      expect([method, r.status, r.headers['allow']]).toEqual([method, 405, 'GET, HEAD']);
    }
    const head = await get(port, '/taskpane.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  test('helpers: the CSP of a built page, cache rules', () => {
    expect(pageCsp(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`)).toBe(CSP);
    expect(pageCsp('<html></html>')).toBeUndefined();
    expect(cacheControl('chunks/691.1cb33807.js')).toMatch(/immutable/);
    expect(cacheControl('taskpane.html')).toBe('no-cache');
    expect(cacheControl('webview-check.js')).toBe('no-cache');
  });

  test('the command prints where it listens (Vietnamese, LAN URL), serves, stops on Ctrl+C; a bad port is a usage error', async () => {
    const cli = join(root, 'bin', 'parindex.cjs');
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--dir', dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => (out += c));
    try {
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no address printed: ${out}`)), 60_000);
        child.stdout.on('data', () => {
          if (out.includes('Ctrl+C')) {
            clearTimeout(timer);
            done();
          }
        });
        child.on('exit', (code) => fail(new Error(`exited ${code}: ${out}`)));
      });
      expect(out).toContain('Đang phục vụ trang chấm điểm (chỉ đọc)');
      expect(out).toMatch(/Địa chỉ lắng nghe: 0\.0\.0\.0:\d+/);
      expect(out).toMatch(/(Trong mạng nội bộ \(LAN\), mở trên máy khác: http:\/\/\d+\.\d+\.\d+\.\d+:\d+\/|Máy này chưa có địa chỉ mạng nội bộ)/);
      const bound = Number(/localhost:(\d+)\//.exec(out)?.[1]);
      const r = await get(bound, '/');
      expect(r.status).toBe(200);
      expect(r.headers['content-security-policy']).toBe(CSP);
    } finally {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
    const { main } = await import('../../cli/main');
    const err: string[] = [];
    const io = { stdout: () => undefined, stderr: (s: string) => void err.push(s), isTTY: false };
    expect(await main(['serve', '--port', '99999'], io)).toBe(2);
    expect(await main(['serve', '--port', 'tám'], io)).toBe(2);
    expect(err.join('')).toContain('--port');
    expect(await main(['serve', '--dir', join(tmp, 'none')], io)).toBe(1);
    expect(err.join('')).toContain('npm run build');
  }, 120_000);
});
