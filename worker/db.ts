// One way to talk to D1: drizzle on c.var.db, set once per request.
import { drizzle } from 'drizzle-orm/d1';
import { createMiddleware } from 'hono/factory';
import * as schema from '../schema';
import type { AppEnv } from './env';

export const dbFor = (d1: D1Database) => drizzle(d1, { schema });

export const withDb = createMiddleware<AppEnv>(async (c, next) => {
  c.set('db', dbFor(c.env.DB));
  await next();
});
