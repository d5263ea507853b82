// The dev mailbox: with no RESEND_API_KEY the outbox is the mailbox. Exists only when APP_ENV is development.
import { desc } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { emails } from '../../schema';
import { newCertificateNumber } from '../certificates/number';
import { RenderCache, renderOutboxRow } from '../email/outbox';
import { type AppEnv, isDevelopment } from '../env';
import { ApiError, notFound } from '../http/errors';
import { newId, randomToken } from '../lib/random';
import { cachedQuestions } from '../questions/cache';
import { readQuestions } from '../questions/register';
import { emailKey } from '../registration/input';
import { registrationBatch } from '../registration/statements';
import { rule } from '../http/contract';
import { linkSecret } from '../tickets/manage';
import { originOf } from '../http/origin';

/** The write and insert probes' tables, each made once per isolate (a failed attempt is tried again next time). */
const probeTables = new Map<string, Promise<unknown>>();
function probeTable(d1: D1Database, name: string, statements: string[]) {
  let made = probeTables.get(name);
  if (!made) {
    made = d1.batch(statements.map((s) => d1.prepare(s))).catch((e: unknown) => {
      probeTables.delete(name);
      throw e;
    });
    probeTables.set(name, made);
  }
  return made;
}

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
      'One D1 write that changes one row (a counter in a table only development has), for the bench (development only).',
  }),
  d1InsertRoundTrip: rule({
    access: 'dev',
    tag: 'dev',
    summary:
      'One D1 insert of a new row with a random key and one index, the shape of a sign-in at an agenda item, for the bench (development only).',
  }),
  registrationRowWrite: rule({
    access: 'dev',
    tag: 'dev',
    summary:
      "One registration's row changed (its updated_at moved on by 1 ms), found by ticket code as a scan finds it: a check-in's write without the check-in, for the bench (development only).",
    json: z.object({ code: z.string().min(1).max(100) }),
  }),
  registrationStatements: rule({
    access: 'dev',
    tag: 'dev',
    summary:
      "A registration's own D1 batch and nothing else (no validation, hashing, rate limit or queue), for the bench (development only).",
    json: z.object({
      slug: z.string().min(1).max(200),
      name: z.string().min(1).max(200),
      email: z.string().min(3).max(320),
      phone: z.string().max(40).default(''),
      affiliation: z.string().max(300).default(''),
      locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
    }),
  }),
  mailbox: rule({ access: 'dev', tag: 'dev', summary: 'The dev mailbox (development only).' }),
  certificateSample: rule({
    access: 'dev',
    tag: 'dev',
    summary:
      "A demo credit certificate's PDF, with the posted PNG (base64) as its seal, for the bench's CPU and size figures (development only).",
    json: z.object({ sealPng: z.base64().max(2_000_000).optional() }),
  }),
};

/** The demo seminar's certificate for 张晓林, as the certificate queue would render it. */
const sampleCertificate = (origin: string) => {
  const number = newCertificateNumber();
  const at = (hm: string, day = '2026-12-12') => Date.parse(`${day}T${hm}:00+08:00`);
  return {
    kind: 'credit' as const,
    number,
    verifyUrl: `${origin}/verify/${number}`,
    holderName: '张晓林',
    holderAffiliation: '解放军总医院第一医学中心 风湿免疫科',
    eventTitleZh: '细胞治疗治疗自身免疫性疾病学术交流会',
    eventTitleEn: 'Cell therapy for autoimmune diseases',
    dates: { startsAt: at('14:00'), endsAt: at('17:20'), timezone: 'Asia/Shanghai' },
    projectNumber: '2026-04-07-112（国）',
    projectLevel: 'national' as const,
    creditClass: 'I' as const,
    credits: 1,
    organiserName: '北京陆道培医院风湿免疫科',
    issuedAt: at('18:00', '2026-12-13'),
  };
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
  // The same for a write: one row of one small table changed (a counter, one hot page), the floor under every route
  // that writes. It must change the row: SQLite writes no page for a row rewritten with its own bytes (an UPDATE
  // that sets a column to itself commits nothing to the WAL), so such a "write" measures an empty transaction.
  .post('/d1-write-round-trip', rules.d1WriteRoundTrip, async (c) => {
    await probeTable(c.env.DB, 'dev_write_probe', [
      'CREATE TABLE IF NOT EXISTS dev_write_probe (id INTEGER PRIMARY KEY NOT NULL, n INTEGER NOT NULL)',
      'INSERT OR IGNORE INTO dev_write_probe (id, n) VALUES (1, 0)',
    ]);
    const [result] = await c.env.DB.batch([c.env.DB.prepare('UPDATE dev_write_probe SET n = n + 1 WHERE id = 1')]);
    return c.json({ written: result?.meta.rows_written ?? 0 }, 200);
  })
  // The write above changes the same hot row every time. A check-in changes the row of whichever ticket is scanned,
  // one of thousands: this is a change of such a row alone (its updated_at moved on by 1 ms), so the bench can tell
  // the check-in's statement and route from where its row lies.
  .post('/registration-row-write', rules.registrationRowWrite, async (c) => {
    const [result] = await c.env.DB.batch([
      c.env.DB.prepare('UPDATE registrations SET updated_at = updated_at + 1 WHERE ticket_code = ?1').bind(
        c.req.valid('json').code,
      ),
    ]);
    return c.json({ written: result?.meta.rows_written ?? 0 }, 200);
  })
  // The write reference changes one hot row in place. A route that must add a row inserts it at a
  // random place in a key and an index: this is that insert alone, two b-tree entries as a sign-in at an item writes,
  // into a table only development has (made on first use), so the bench can tell a route's own cost from the insert's.
  .post('/d1-insert-round-trip', rules.d1InsertRoundTrip, async (c) => {
    await probeTable(c.env.DB, 'dev_insert_probe', [
      'CREATE TABLE IF NOT EXISTS dev_insert_probe (id TEXT PRIMARY KEY NOT NULL, event_id TEXT NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID',
      'CREATE INDEX IF NOT EXISTS dev_insert_probe_event_at ON dev_insert_probe (event_id, at)',
    ]);
    const [result] = await c.env.DB.batch([
      c.env.DB.prepare('INSERT INTO dev_insert_probe (id, event_id, at) VALUES (?, ?, ?)').bind(
        crypto.randomUUID(),
        'evt',
        Date.now(),
      ),
    ]);
    return c.json({ written: result?.meta.rows_written ?? 0 }, 200);
  })
  // The registration route's statement (the row and, by its trigger, its outbox email) bound as it binds it, with no
  // route around it: what its own SQL costs, so the bench can tell that from the route's code. Answers none: an event
  // with questions of its own refuses the insert (the revision is the isolate's copy, read once).
  .post('/registration-statements', rules.registrationStatements, async (c) => {
    const input = c.req.valid('json');
    const now = Date.now();
    const rev = (cachedQuestions(input.slug) ?? (await readQuestions(c.env.DB, input.slug)))?.rev ?? -1;
    const id = newId('reg');
    const [inserted] = await c.env.DB.batch<{ status: string }>([
      ...registrationBatch(c.env.DB, {
        id,
        ticketCode: randomToken(),
        name: input.name,
        email: input.email,
        emailKey: emailKey(input.email),
        phone: input.phone,
        affiliation: input.affiliation,
        jobTitle: '',
        locale: input.locale,
        answers: '{}',
        questionsRev: rev,
        manageHash: randomToken(),
        slug: input.slug,
        invitationHash: '',
        now,
        origin: originOf(c.req.url),
      }),
    ]);
    const status = inserted?.results[0]?.status;
    if (!status)
      throw new ApiError(
        409,
        'conflict',
        'Nothing was inserted: no open event with this address, or this email is registered.',
      );
    return c.json({ status }, 200);
  })
  // For `npm run bench`: one certificate rendered on the request, to measure its CPU and size (the queue does this).
  .post('/certificate-sample', rules.certificateSample, async (c) => {
    // Imported when used: pdf-lib and fontkit are 1.8 MB of source that no other route needs evaluated.
    const { loadCertificateFont, renderCertificate } = await import('../certificates/pdf');
    const font = await loadCertificateFont(c.env);
    const { sealPng } = c.req.valid('json');
    const seal = sealPng
      ? { bytes: Uint8Array.from(atob(sealPng), (ch) => ch.charCodeAt(0)), type: 'image/png' as const }
      : undefined;
    const pdf = await renderCertificate(sampleCertificate(originOf(c.req.url)), { font, seal });
    return new Response(pdf, { headers: { 'content-type': 'application/pdf' } });
  })
  .get('/mailbox', rules.mailbox, async (c) => {
    const rows = await c.var.db.select().from(emails).orderBy(desc(emails.createdAt)).limit(200);
    const cache = new RenderCache(c.var.db, linkSecret(c.env));
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
