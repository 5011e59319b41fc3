// Service worker: after the first visit the app (page, wasm, DuckDB-wasm, fonts) is served from the
// Cache Storage, so it loads and works with the network off. Only our own files are cached; nothing a
// user drops ever passes through here (files are read locally, never fetched).
// The version and the file list below are filled in by scripts/build.sh.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `sdw-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('sdw-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;   // never touch anything else
  // caches.match, not caches.open: after "Tout oublier" (Cache Storage emptied) a fetch must not create
  // an empty cache again.
  event.respondWith(caches.match(req, { ignoreSearch: true, cacheName: CACHE }).then((hit) => hit || fetch(req)));
});
