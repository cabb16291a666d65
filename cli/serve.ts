/**
 * The built page (dist/addin) served read-only over the office's network, for machines without
 * Node or Internet (`parindex serve`). Only GET and HEAD; only regular files inside the folder (no
 * listing, no dot files, no way out of it by `..`, encoded slashes or links); the page's own Content
 * Security Policy (read from the built taskpane.html, the one the build wrote) as a header too, with
 * the other headers a static page needs; no-cache for the page, the service worker and manifests,
 * a year for files whose name carries their content hash.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { extname, resolve, sep } from 'node:path';

/** Content types of the files a build holds. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.zip': 'application/zip',
};

/** The page's page: what `/` opens. */
export const PAGE = 'taskpane.html';

/** The policy a built page carries in its `<meta http-equiv="Content-Security-Policy">`, if any. */
export function pageCsp(html: string): string | undefined {
  const meta = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html)?.[0];
  if (!meta) return undefined;
  const m = /\bcontent=(?:"([^"]*)"|'([^']*)')/i.exec(meta);
  const v = (m?.[1] ?? m?.[2])?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return v?.trim() || undefined;
}

/** Cache-Control for a served path: long for hashed names, revalidate for everything else. */
export function cacheControl(path: string): string {
  return /\.[0-9a-f]{8,}\.(js|css|png|svg|woff2)$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * The file a request path names inside `root` (a real path), or undefined when it names none: outside
 * the folder, a dot file, a NUL, a directory, a link leading out.
 */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const rel = path === '/' || path === '' ? PAGE : path.replace(/^\/+/, '');
  if (rel.split('/').some((seg) => seg.startsWith('.'))) return undefined;
  const file = resolve(root, rel);
  if (!file.startsWith(root + sep)) return undefined;
  if (!existsSync(file)) return undefined;
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return undefined;
  }
  if (!real.startsWith(root + sep) || !statSync(real).isFile()) return undefined;
  return real;
}

export interface PageServer {
  server: Server;
  /** the folder served (real path) */
  root: string;
  csp: string | undefined;
}

/** A read-only server of `dir` (a built page: it must hold taskpane.html). */
export function createPageServer(dir: string): PageServer {
  const root = realpathSync(resolve(dir));
  const csp = pageCsp(readFileSync(resolve(root, PAGE), 'utf8'));
  const security: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    ...(csp ? { 'Content-Security-Policy': csp } : {}),
  };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const send = (status: number, text: string, extra: Record<string, string> = {}): void => {
      res.writeHead(status, { ...security, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'Chỉ đọc (read-only): GET, HEAD\n', { Allow: 'GET, HEAD' });
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      send(400, 'Bad request\n');
      return;
    }
    const file = resolveInside(root, pathname);
    if (!file) {
      send(404, 'Không có tệp này (not found)\n');
      return;
    }
    const size = statSync(file).size;
    const rel = file.slice(root.length + 1).split(sep).join('/');
    res.writeHead(200, {
      ...security,
      'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(size),
      'Cache-Control': cacheControl(rel),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };
  return { server: createServer(handle), root, csp };
}

/** The addresses other machines of the office reach this one at (IPv4, not loopback). */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return out;
}
