// Keeps the app shell (index.html and every built asset) on the device, so the desk opens again without a network.
// Registered as /sw.js?v=<build>: each build gets its own cache, and the previous build's cache goes once this one is in.
const VERSION = new URL(self.location.href).searchParams.get('v') || 'dev';
const PREFIX = 'colloquy-shell-';
const CACHE = PREFIX + VERSION;
const SHELL = '/';
/** Venue Wi-Fi often connects but carries nothing; after this long the cached page is better than a spinner. */
const NAVIGATION_TIMEOUT_MS = 4000;

/** Every file the build wrote, from Vite's manifest: entries, lazy chunks, their CSS and assets (the QR worker). */
async function shellFiles() {
  const manifest = await (await fetch('/.vite/manifest.json', { cache: 'no-store' })).json();
  const files = new Set([SHELL]);
  for (const chunk of Object.values(manifest)) {
    for (const file of [chunk.file, ...(chunk.css || []), ...(chunk.assets || [])]) if (file) files.add('/' + file);
  }
  return [...files];
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll((await shellFiles()).map((url) => new Request(url, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

/** Network first, so a deploy shows at once; the cached shell when the network fails (every route is the same SPA page). */
async function navigate(request) {
  try {
    return await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
  } catch (error) {
    const cached = await caches.match(SHELL, { cacheName: CACHE }) || await caches.match(SHELL);
    if (cached) return cached;
    throw error;
  }
}

/** Hashed file names never change content, so the cache answers first. */
async function asset(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => {});
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // The API is never cached: stale tickets or sessions would be wrong, and the desk keeps its own offline data.
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') event.respondWith(navigate(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
});
