/*
 * Service worker of the standalone page (registered by addin/offline/register.ts, never inside
 * Office). A template: the build (OfflinePlugin in webpack.config.js) replaces the two markers with
 * the build's version and the list of its files — the app shell, the engine, the compute worker and
 * every lazy chunk, under their hashed names — and writes dist/addin/sw.js.
 *
 * Install: every listed file into the cache "parindex-<version>" (bypassing the HTTP cache).
 * Fetch: files of this app from that cache, else the network; the page itself (navigation) from the
 * cache too, so it opens with no network. A page opened by Office (?_host_Info=…) goes to the
 * network first. A new sw.js (new version) installs beside the running one and waits: the page says
 * "Có phiên bản mới" and, when the user agrees, posts SKIP_WAITING; the old caches are then deleted.
 * Nothing is sent anywhere: the worker only reads this app's own files.
 */
/* global self, caches */
const VERSION = '__PARINDEX_VERSION__';
const PRECACHE = /* __PARINDEX_PRECACHE__ */ [];
const CACHE = `parindex-${VERSION}`;
const SHELL = 'taskpane.html';

const scopeUrl = () => new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((path) => new Request(new URL(path, scopeUrl()).href, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('parindex-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'VERSION' && event.ports[0]) event.ports[0].postMessage({ version: VERSION });
});

const fromCache = (url) => caches.open(CACHE).then((cache) => cache.match(url, { ignoreSearch: true }));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = scopeUrl();
  // only this app's own files; Office.js from Microsoft's CDN and anything else go their usual way
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  if (request.mode === 'navigate') {
    const shell = new URL(path === '' || path === 'index.html' ? SHELL : path, scope).href;
    if (url.searchParams.has('_host_Info')) {
      event.respondWith(fetch(request).catch(() => fromCache(shell).then((r) => r || Response.error())));
      return;
    }
    event.respondWith(fromCache(shell).then((r) => r || fetch(request)));
    return;
  }
  event.respondWith(fromCache(url.href).then((r) => r || fetch(request)));
});
