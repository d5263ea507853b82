// The dev mailbox: with no RESEND_API_KEY the outbox is the mailbox. Exists only when APP_ENV is development.
import { desc } from 'drizzle-orm';
import { Hono } from 'hono';
import { emails } from '../../schema';
import { RenderCache, renderOutboxRow } from '../email/outbox';
import { type AppEnv, isDevelopment } from '../env';
import { notFound } from '../http/errors';
import { rule } from '../http/contract';

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  d1RoundTrip: rule({
    access: 'dev',
    tag: 'dev',
    summary: 'One D1 round trip and nothing else, for the bench (development only).',
  }),
  d1WriteRoundTrip: rule({
    access: 'dev',
    tag: 'dev',
    summary:
      'One D1 write that changes nothing (a row rewritten with its own value), for the bench (development only).',
  }),
  mailbox: rule({ access: 'dev', tag: 'dev', summary: 'The dev mailbox (development only).' }),
};

export const devRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (!isDevelopment(c.env)) throw notFound('There is nothing at this address.');
    await next();
  })
  // For `npm run bench`: the cost of one D1 round trip and nothing else, the floor under every route that reads or writes.
  .get('/d1-round-trip', rules.d1RoundTrip, async (c) => {
    const [result] = await c.env.DB.batch<{ one: number }>([c.env.DB.prepare('SELECT 1 AS one')]);
    return c.json({ one: Number(result?.results[0]?.one) }, 200);
  })
  // The same for a write: one row rewritten with its own value (nothing changes), the floor under every route that writes.
  .post('/d1-write-round-trip', rules.d1WriteRoundTrip, async (c) => {
    const [result] = await c.env.DB.batch([
      c.env.DB.prepare('UPDATE events SET capacity = capacity WHERE id = (SELECT min(id) FROM events)'),
    ]);
    return c.json({ written: result?.meta.rows_written ?? 0 }, 200);
  })
  .get('/mailbox', rules.mailbox, async (c) => {
    const rows = await c.var.db.select().from(emails).orderBy(desc(emails.createdAt)).limit(200);
    const cache = new RenderCache(c.var.db);
    const out = await Promise.all(
      rows.map(async (row) => {
        const m = await renderOutboxRow(c.var.db, row, cache);
        return {
          id: row.id,
          to: row.to,
          kind: row.kind,
          status: row.status,
          subject: m.subject,
          html: m.html,
          text: m.text,
          attachments: m.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            contentId: a.contentId ?? null,
            path: a.path ?? null,
          })),
          createdAt: new Date(row.createdAt).toISOString(),
        };
      }),
    );
    return c.json({ emails: out }, 200);
  });
