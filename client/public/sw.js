/*
 * Normspace offline service worker: a reload without a network still opens the app (documents
 * themselves come from IndexedDB). Pages: network first, falling back to the cached app shell.
 * Built assets (content-hashed, immutable): cache first. The API and the sync socket: never cached.
 */
const CACHE = 'normspace-shell-v1';
const SHELL = '/';

/** The asset URLs an index.html refers to. */
function assetsOf(html) {
  return new Set([...html.matchAll(/(?:src|href)="(\/(?:assets\/[^"]+|favicon\.svg))"/g)].map((match) => match[1]));
}

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`app shell answered ${response.status}`);
  const assets = assetsOf(await response.clone().text());
  await cache.put(SHELL, response);
  await cache.addAll([...assets]);
}

/** After a new version of the app: forget the assets the new shell no longer uses. */
async function storeShell(cache, response) {
  const keep = assetsOf(await response.clone().text());
  await cache.put(SHELL, response);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/') && !keep.has(path)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirstPage(event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    // Every app path answers with the same index.html: keep the newest as the shell.
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      event.waitUntil(storeShell(cache, response.clone()));
    }
    return response;
  } catch (error) {
    const shell = await cache.match(SHELL);
    if (shell) return shell;
    throw error;
  }
}

async function cacheFirstAsset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstPage(event));
  } else if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg') {
    event.respondWith(cacheFirstAsset(request));
  }
});
