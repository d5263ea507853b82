// Rate limits: fixed windows kept in D1 (sign-in per minute and per hour, pairing) and token buckets in memory (registration per address, desk search per device).
import { sql } from 'drizzle-orm';

/** Counts a request; returns the statement, to run inside the caller's batch. */
export function countRequest(key: string, now: number, windowMs = 60_000) {
  const windowStart = now - (now % windowMs);
  return sql`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
      window_start = excluded.window_start
    RETURNING count`;
}

export const limitPerMinute = (env: { RATE_LIMIT_PER_MINUTE?: string }) => Number(env.RATE_LIMIT_PER_MINUTE || 30);

/**
 * Registrations from one network address: a token bucket, not a fixed window. A hospital's clinicians reach
 * the internet through one address, and a WeChat announcement sends a department to register within minutes.
 * The bucket holds `burst` registrations (REGISTRATION_BURST, 200) and refills one every 60 s / per-minute
 * (RATE_LIMIT_PER_MINUTE, 30). So 200 colleagues at once, then 30 more every minute, all get through, while a
 * script sending hundreds a minute gets about 230 in its first minute and then 30 a minute, each refusal a 429.
 * A fixed window wide enough for the burst (100+ a minute) would let that script keep its pace all day, and
 * Cloudflare's Rate Limiting binding has the same trade-off (a count per 10 or 60 s, kept per location, outside
 * the registration's D1 batch). No per-email limit is needed: a second registration with a live email creates
 * nothing, and its re-sent ticket goes out at most once per 10 minutes.
 */
export type Bucket = { key: string; burst: number; intervalMs: number };

export function registrationBucket(
  env: { RATE_LIMIT_PER_MINUTE?: string; REGISTRATION_BURST?: string },
  key: string,
): Bucket {
  const perMinute = limitPerMinute(env);
  // Raising the per-minute rate (browser tests, the bench) raises the burst with it, so one knob lifts the limit.
  const burst = Math.max(Number(env.REGISTRATION_BURST || 200), perMinute);
  return { key, burst, intervalMs: Math.max(1, Math.round(60_000 / perMinute)) };
}

/*
 * The bucket is one number per key: the time at which it is full again (refilled_at; at or before now when
 * full). The tokens taken are (refilled_at - now) / interval, so checking is one comparison and taking one is
 * an addition.
 */

/** The latest refilled_at at which a request at `now` may still take a token. */
export const latestAdmitted = (b: Bucket, now: number) => now + (b.burst - 1) * b.intervalMs;

/** The plain rule: may a request at `now` take a token? */
export const bucketAdmits = (b: Bucket, refilledAt: number, now: number) => refilledAt <= latestAdmitted(b, now);

/** Seconds until a refused request would be admitted, for Retry-After. */
export const secondsToWait = (b: Bucket, refilledAt: number, now: number) =>
  Math.max(1, Math.ceil((refilledAt - latestAdmitted(b, now)) / 1000));

/*
 * Both buckets (registration per address, desk search per device) live in the isolate's memory, not in D1: a row
 * per request cost a D1 write on each (the registration's was 1 of its rows written; issue 21), and a desk search
 * stays one pure read (issue 14 item 4). The limits slow a script from one address or one device; they are not a
 * defence against a distributed attack: a client that reaches a second isolate gets at most a second burst there
 * (Cloudflare keeps one address's requests on one location, where few isolates serve a small Worker). The
 * registration's own rules (one live registration per email, a re-sent ticket at most every 10 minutes) hold in D1
 * whatever the isolate. Full buckets carry no information, so the map drops them when it grows.
 */
const memoryBuckets = new Map<string, number>();
const MEMORY_BUCKET_KEYS = 10_000;

/** Takes a token from the in-memory bucket; returns null when taken, else the bucket's refilled_at (refused). */
export function takeMemoryToken(b: Bucket, now: number): number | null {
  const refilledAt = memoryBuckets.get(b.key) ?? 0;
  if (!bucketAdmits(b, refilledAt, now)) return refilledAt;
  if (memoryBuckets.size >= MEMORY_BUCKET_KEYS) {
    for (const [key, at] of memoryBuckets) if (at <= now) memoryBuckets.delete(key);
  }
  memoryBuckets.set(b.key, Math.max(refilledAt, now) + b.intervalMs);
  return null;
}
