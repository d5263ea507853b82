// A short edge cache for the public event JSON: repeat views cost no D1 reads, and any write to the event
// clears it here at once (other locations catch up within the TTL).
import type { Context, Next } from 'hono';
import type { AppEnv } from '../env';
import { originOf } from '../http/origin';

/**
 * The promise to the public page: seats left at most 5 s stale. A copy is kept 4 s, so the time to compute it and
 * the Cache API's whole-second expiry still land inside the promise (kept 5 s, the bench saw copies 5.1 s old).
 */
export const EVENT_STALE_SECONDS = 5;
export const EVENT_CACHE_SECONDS = 4;
const PUBLIC_PATHS = (slug: string) => [`/api/events/${slug}`, '/api/events'];

const cacheAvailable = () => typeof caches !== 'undefined' && 'default' in caches;

/** The isolate's own copy, checked before the Cache API: a hot event page costs no I/O at all. */
const memory = new Map<string, { body: string; headers: [string, string][]; until: number }>();

export async function cachedResponse(c: Context<AppEnv>, compute: () => Promise<Response>): Promise<Response> {
  if (!cacheAvailable() || c.req.header('cookie')?.includes('colloquy_session')) return compute();
  const url = new URL(c.req.path, c.req.url).toString();
  const inMemory = memory.get(url);
  if (inMemory && inMemory.until > Date.now()) return new Response(inMemory.body, { headers: inMemory.headers });
  const key = new Request(url, { method: 'GET' });
  const hit = await caches.default.match(key);
  // A cached response's headers are immutable; later middleware (ETag) needs to add to them.
  if (hit) return new Response(hit.body, hit);
  const fresh = await compute();
  if (fresh.status === 200) {
    const body = await fresh.text();
    const headers = new Headers(fresh.headers);
    headers.set('cache-control', `public, max-age=${EVENT_CACHE_SECONDS}`);
    // The ETag is computed once here and kept with the copy, so hono/etag does not hash the body on every hit.
    headers.set('etag', await etagOf(body));
    if (memory.size > 200) memory.clear();
    memory.set(url, { body, headers: [...headers], until: Date.now() + EVENT_CACHE_SECONDS * 1000 });
    c.executionCtx.waitUntil(caches.default.put(key, new Response(body, { headers })));
    return new Response(body, { status: 200, headers });
  }
  return fresh;
}

function forgetInIsolate(origin: string, slug: string) {
  for (const p of PUBLIC_PATHS(slug)) memory.delete(origin + p);
}

/** The same strong ETag hono/etag would compute: the SHA-1 of the body, in hex, quoted. */
async function etagOf(body: string) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(body)));
  return `"${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}"`;
}

export async function forgetEvent(origin: string, slug: string) {
  forgetInIsolate(origin, slug);
  if (!cacheAvailable()) return;
  await Promise.all(PUBLIC_PATHS(slug).map((p) => caches.default.delete(new Request(origin + p))));
}

/** Writes that never change what the public page shows (who is in the room, or at an item; messages, desk pairings). */
const PRIVATE_WRITES = /^\/api\/events\/[^/]+\/(checkins(\/batch)?|attendance\/scans|messages(\/.*)?|pairings(\/.*)?)$/;
const REGISTRATION = /^\/api\/events\/[^/]+\/registrations$/;

/**
 * After a successful write under /api/events/:slug that the public page shows, the cached public view of that
 * event is dropped. A registration, the write that comes in bursts, changes only the seats left: it drops this
 * isolate's copy and lets the Cache API copy run out (at most EVENT_CACHE_SECONDS), since two Cache API
 * deletes per registration cost more than the registration's own D1 work.
 */
export async function forgetAfterWrites(c: Context<AppEnv>, next: Next) {
  await next();
  if (c.req.method === 'GET' || c.res.status >= 400 || PRIVATE_WRITES.test(c.req.path)) return;
  const raw = /^\/api\/events\/([^/]+)/.exec(c.req.path)?.[1];
  if (!raw) return;
  const [origin, slug] = [originOf(c.req.url), decodeURIComponentSafe(raw)];
  if (c.req.method === 'POST' && REGISTRATION.test(c.req.path)) forgetInIsolate(origin, slug);
  else await forgetEvent(origin, slug);
}

function decodeURIComponentSafe(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
