/**
 * The standalone page, offline and installable: registers the service worker (sw.js, written by the
 * build from ./sw.js with the build's file list), links the web app manifest, says that nothing the
 * user opens leaves the machine, and shows "Có phiên bản mới" when a newer version has been
 * downloaded, reloading into it when the user agrees. Inside Office it does nothing: the pane is
 * Excel's, its files come from the add-in's server as Office loads them.
 */

export type OfflineLang = 'vi' | 'en';

const WORDS = {
  privacy: {
    vi: 'Mọi tệp bạn mở chỉ được đọc và tính trên máy này: không có gì được gửi đi.',
    en: 'Everything you open is read and computed on this machine: nothing is sent anywhere.',
  },
  offlineReady: {
    vi: 'Trang đã được lưu trên máy: vẫn dùng được khi mất mạng.',
    en: 'This page is stored on this machine: it keeps working without a network.',
  },
  update: {
    vi: 'Có phiên bản mới của trang.',
    en: 'A new version of this page is available.',
  },
  reload: { vi: 'Tải lại để dùng', en: 'Reload to use it' },
} as const;

export interface OfflineOptions {
  /** true on the standalone page only (not opened by Office, no Excel host) */
  standalone: boolean;
  lang: OfflineLang;
  /** the service worker's file, relative to the page (default "sw.js") */
  script?: string;
}

function addHeadOnce(tag: 'link' | 'meta', attrs: Record<string, string>): void {
  const key = tag === 'link' ? `link[rel="${attrs['rel'] ?? ''}"]` : `meta[name="${attrs['name'] ?? ''}"]`;
  if (document.head.querySelector(key)) return;
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.head.appendChild(el);
}

/** The line under the page: nothing leaves the machine (and, once cached, that it works offline). */
function footer(lang: OfflineLang): HTMLElement {
  const existing = document.querySelector<HTMLElement>('[data-testid="privacy-note"]');
  if (existing) return existing;
  const p = document.createElement('p');
  p.setAttribute('data-testid', 'privacy-note');
  p.style.cssText = 'margin:8px 16px 16px;font-size:12px;color:#555;';
  p.textContent = `🔒 ${WORDS.privacy[lang]}`;
  document.body.appendChild(p);
  return p;
}

function showOfflineReady(note: HTMLElement, lang: OfflineLang): void {
  if (note.querySelector('[data-testid="offline-ready"]')) return;
  const span = document.createElement('span');
  span.setAttribute('data-testid', 'offline-ready');
  span.textContent = ` ${WORDS.offlineReady[lang]}`;
  note.appendChild(span);
}

/** The notice of a new version, with the button that switches to it. */
function showUpdate(lang: OfflineLang, onReload: () => void): void {
  if (document.querySelector('[data-testid="update-notice"]')) return;
  const bar = document.createElement('div');
  bar.setAttribute('role', 'status');
  bar.setAttribute('data-testid', 'update-notice');
  bar.style.cssText =
    'position:fixed;left:8px;right:8px;bottom:8px;z-index:1000;display:flex;gap:8px;align-items:center;flex-wrap:wrap;padding:8px 12px;background:#fff4ce;border:1px solid #c19c00;border-radius:4px;font-size:14px;';
  const text = document.createElement('span');
  text.textContent = WORDS.update[lang];
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('data-testid', 'update-reload');
  button.textContent = WORDS.reload[lang];
  button.addEventListener('click', onReload);
  bar.append(text, button);
  document.body.appendChild(bar);
}

/**
 * Start the offline layer of the standalone page; returns at once (registration runs in the
 * background; a failure only means no offline copy, never a broken page).
 */
export function startOffline(options: OfflineOptions): void {
  if (!options.standalone || typeof document === 'undefined') return;
  const { lang } = options;
  addHeadOnce('link', { rel: 'manifest', href: 'manifest.webmanifest' });
  addHeadOnce('meta', { name: 'theme-color', content: '#1F6E43' });
  const note = footer(lang);
  // service workers need a secure context: https, or http://localhost (not http://<LAN address>)
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const sw = navigator.serviceWorker;
  let reloading = false;
  sw.addEventListener('controllerchange', () => {
    if (reloading) window.location.reload();
  });
  sw.register(options.script ?? 'sw.js').then(
    (reg) => {
      const offer = (): void =>
        showUpdate(lang, () => {
          reloading = true;
          if (reg.waiting) reg.waiting.postMessage({ type: 'SKIP_WAITING' });
          else window.location.reload();
        });
      // a newer version already downloaded and waiting while this (older) one runs
      if (reg.waiting && sw.controller) offer();
      reg.addEventListener('updatefound', () => {
        const next = reg.installing;
        next?.addEventListener('statechange', () => {
          if (next.state === 'installed' && sw.controller) offer();
        });
      });
      void sw.ready.then(() => showOfflineReady(note, lang));
    },
    () => undefined, // no offline copy (blocked by the browser or a policy): the page works online as before
  );
}
