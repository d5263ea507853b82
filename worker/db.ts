// One way to talk to D1: drizzle on c.var.db, set once per request.
import { fillPlaceholders, type Placeholder, SQL, sql } from 'drizzle-orm';
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

/** A value in a statement, or the placeholder for it in a statement rendered once (see compiled). */
export type Bindable<T> = T | Placeholder;

/** Each value of V as its named placeholder (`p.name` is `sql.placeholder('name')`), to write a statement for compiled(). */
export const placeholders = <V extends Record<string, unknown>>() =>
  new Proxy({}, { get: (_, name) => sql.placeholder(String(name)) }) as { [K in keyof V]: Placeholder };

/**
 * A statement rendered to text once, for the hot paths (a check-in, a sign-in at an item, a registration): drizzle
 * builds and renders an `sql` statement on every call, about a sixth of a check-in's Worker CPU here
 * (bench/desk-writes.mjs). Write it as usual, with `sql.placeholder(name)` where the values go; each call then only
 * binds them.
 */
export function compiled<V extends Record<string, unknown>>(statement: SQL) {
  const q = dialect.sqlToQuery(statement);
  return (d1: D1Database, values: V) => d1.prepare(q.sql).bind(...fillPlaceholders(q.params, values));
}

/** A query-builder statement (select, insert, update, delete): drizzle prepares it and maps its rows. */
type Built = PromiseLike<unknown> & { toSQL(): { sql: string; params: unknown[] } };
type Statement = SQL | Built;
/** drizzle's own batch uses this (marked internal): the built query, and the mapping `await` would apply. */
type Prepared = { getQuery(): { sql: string; params: unknown[] }; mapResult(r: unknown, fromBatch: boolean): unknown };

/** Raw `sql` gives D1's rows as they come; a builder statement gives what awaiting it would (typed, mapped). */
type Result<S> = S extends SQL ? Record<string, any>[] : Awaited<S>;

/**
 * Runs statements as one D1 batch: one round trip, applied atomically, in order.
 * (drizzle's own db.batch cannot take raw `sql` statements with parameters.) Builder rows are mapped by column
 * position from D1's row objects, as drizzle's batch does: a builder select must not return two columns of one name.
 */
export async function atomically<const T extends readonly Statement[]>(d1: D1Database, statements: T) {
  const built: (Prepared | null)[] = [];
  const prepared = statements.map((s) => {
    const p = s instanceof SQL ? null : (s as unknown as { _prepare(): Prepared })._prepare();
    built.push(p);
    const q = p ? p.getQuery() : dialect.sqlToQuery(s as SQL);
    return d1.prepare(q.sql).bind(...q.params);
  });
  const results = await d1.batch<Record<string, unknown>>(prepared);
  return results.map((r, i) => {
    const p = built[i];
    return p ? p.mapResult(r, true) : r.results;
  }) as { -readonly [K in keyof T]: Result<T[K]> };
}
