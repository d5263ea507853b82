// Fixed windows (a minute unless told otherwise) counted in D1, for sign-in and registration limits.
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
