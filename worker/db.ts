// One way to talk to D1: drizzle on c.var.db, set once per request.
import { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';

/** Plain drizzle, no relational-query schema: building that config cost more per request than the rest of a trivial route. */
export const dbFor = (d1: D1Database) => drizzle(d1);

export const withDb = createMiddleware<AppEnv>(async (c, next) => {
  c.set('db', dbFor(c.env.DB));
  await next();
});

const dialect = new SQLiteAsyncDialect();
type Statement = SQL | { toSQL(): { sql: string; params: unknown[] } };

/**
 * Runs drizzle-built statements as one D1 batch: one round trip, applied atomically, in order.
 * (drizzle's own db.batch cannot take raw `sql` statements with parameters.)
 */
export async function atomically<T extends readonly Statement[]>(d1: D1Database, statements: T) {
  const prepared = statements.map((s) => {
    const q = s instanceof SQL ? dialect.sqlToQuery(s) : s.toSQL();
    return d1.prepare(q.sql).bind(...q.params);
  });
  const results = await d1.batch<Record<string, unknown>>(prepared);
  return results.map((r) => r.results) as { [K in keyof T]: Record<string, any>[] };
}
