// Token buckets in D1 (table rate_buckets): a burst allowed at once, then a steady rate; one statement per request.
import { sql } from 'drizzle-orm';

export type BucketRule = { perSecond: number; burst: number };

/**
 * Takes one token and returns the statement (to run in the caller's batch) and a condition that later statements of
 * the same batch can test, so a refused request reads nothing. Tokens refill at perSecond up to burst. A refused
 * request still spends its token down to a floor of -1: a flood stays refused, and once it stops a token is back
 * within 2 / perSecond seconds.
 * The row RETURNs tokens >= 0 exactly when this request was allowed.
 */
export function takeToken(key: string, now: number, rule: BucketRule) {
  const refilled = sql`min(${rule.burst}, rate_buckets.tokens + max(0, ${now} - rate_buckets.updated_at) * ${rule.perSecond / 1000})`;
  return {
    statement: sql`
      INSERT INTO rate_buckets (key, tokens, updated_at) VALUES (${key}, ${rule.burst - 1}, ${now})
      ON CONFLICT (key) DO UPDATE SET tokens = max(-1, ${refilled} - 1), updated_at = ${now}
      RETURNING tokens`,
    allowed: sql`(SELECT tokens FROM rate_buckets WHERE key = ${key}) >= 0`,
  };
}

/** Whole seconds until a refused caller has a token again. */
export const retryAfterSeconds = (tokens: number, rule: BucketRule) => Math.max(1, Math.ceil((1 - tokens) / rule.perSecond));
