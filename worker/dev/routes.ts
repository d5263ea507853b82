// The dev mailbox: with no RESEND_API_KEY the outbox is the mailbox. Exists only when APP_ENV is development.
import { desc } from 'drizzle-orm';
import { Hono } from 'hono';
import { emails } from '../../schema';
import { RenderCache, renderOutboxRow } from '../email/outbox';
import { type AppEnv, isDevelopment } from '../env';
import { notFound } from '../http/errors';

export const devRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (!isDevelopment(c.env)) throw notFound('There is nothing at this address.');
    await next();
  })
  // For `npm run bench`: the cost of one D1 round trip and nothing else, the floor under every route that reads or writes.
  .get('/d1-round-trip', async (c) => {
    const [result] = await c.env.DB.batch<{ one: number }>([c.env.DB.prepare('SELECT 1 AS one')]);
    return c.json({ one: Number(result?.results[0]?.one) }, 200);
  })
  // The same for a write: one row rewritten with its own value (nothing changes), the floor under every route that writes.
  .post('/d1-write-round-trip', async (c) => {
    const [result] = await c.env.DB.batch([
      c.env.DB.prepare('UPDATE events SET capacity = capacity WHERE id = (SELECT min(id) FROM events)'),
    ]);
    return c.json({ written: result?.meta.rows_written ?? 0 }, 200);
  })
  .get('/mailbox', async (c) => {
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
