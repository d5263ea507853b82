// A bulk message's fan-out, in the outbox queue rather than in the send request: the first step counts the audience
// (the console's total), each step renders the next 1,000 recipients (by registration id) and inserts their outbox
// rows in one D1 batch, so the send request does the same work for 20,000 recipients as for 20. The message keeps
// what a step needs (fan_out) and when one last moved (fanned_at), so the cron restarts a fan-out whose job was lost.
import { eq, sql } from 'drizzle-orm';
import { events, messages } from '../../schema';
import { auditEntry } from '../audit/log';
import { atomically, dbFor } from '../db';
import { handedToQueue } from '../email/outbox-queue';
import type { Bindings } from '../env';
import { issuePortalLinks } from '../faculty/link';
import { newId } from '../lib/random';
import { type Audience, countRecipients, findRecipients, sessionsByPerson, valuesFor } from './recipients';
import { renderMessage } from './render';

/** What a step needs besides the message id: the site's origin and the chosen language. */
export type FanOut = { origin: string; locale?: 'zh-CN' | 'en' };

export const FAN_OUT_STEP = 1000;
/** A fan-out whose cursor has not moved for this long lost its queue job (a healthy step follows within seconds). */
export const FAN_OUT_STALL_MS = 10 * 60_000;

type Row = {
  id: string;
  eventId: string;
  registrationId: string;
  to: string;
  locale: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
};

/**
 * D1 allows 100 bound parameters per statement: 8 rows a statement. The unique (message, recipient) index makes a
 * step run twice (a retried queue message, the cron's restart racing a late job) insert nothing twice.
 */
export function insertRows(rows: Row[], now: number) {
  const per = 8;
  const out = [];
  for (let i = 0; i < rows.length; i += per) {
    const values = rows
      .slice(i, i + per)
      .map(
        (r) =>
          sql`(${r.id}, ${r.eventId}, ${r.registrationId}, 'message', ${r.to}, ${r.locale}, ${r.subject}, ${r.html}, ${r.text}, ${r.messageId}, ${now})`,
      );
    out.push(
      sql`INSERT OR IGNORE INTO emails (id, event_id, registration_id, kind, "to", locale, subject, html, text, message_id, created_at)
        VALUES ${sql.join(values, sql`, `)}`,
    );
  }
  return out;
}

/**
 * Writes the next step's outbox rows; `done` once every recipient has one (the message's count is then exact).
 * `fan` is the queue message's; else the message's own. Messages filed before 0020 (no fanned_at) are written
 * from their job's `fan` as before.
 */
export async function fanOutStep(
  env: Bindings,
  messageId: string,
  fan?: FanOut,
  options: { limit?: number; now?: number } = {},
) {
  const limit = options.limit ?? FAN_OUT_STEP;
  const now = options.now ?? Date.now();
  const db = dbFor(env.DB);
  const [message] = await db.select().from(messages).where(eq(messages.id, messageId));
  // Written to the end already (fan_out cleared): a late duplicate job writes nothing, not even newcomers.
  if (!message || (message.fanOut === null && message.fannedAt !== null)) return { written: 0, done: true };
  const params = fan ?? (message.fanOut ? (JSON.parse(message.fanOut) as FanOut) : null);
  if (!params) return { written: 0, done: true };
  const audience = JSON.parse(message.audience) as Audience;
  const [[event], [cursor], counted] = await Promise.all([
    db.select().from(events).where(eq(events.id, message.eventId)),
    // The unique (message, recipient) index answers this with one seek.
    db.all<{ after: string | null }>(
      sql`SELECT max(registration_id) AS after FROM emails WHERE message_id = ${messageId}`,
    ),
    // The first step counts the audience, so the console shows the total while the rows are being written.
    message.fanOut !== null && message.recipients === 0
      ? countRecipients(db, message.eventId, audience)
      : Promise.resolve(null),
  ]);
  if (!event) return { written: 0, done: true };
  const recipients = await findRecipients(db, event.id, audience, { after: cursor?.after ?? '', limit });
  const statements = [];
  if (counted !== null)
    statements.push(
      sql`UPDATE messages SET recipients = ${counted} WHERE id = ${messageId}`,
      auditEntry(event.id, message.staffId, 'message.send', {
        id: messageId,
        recipients: counted,
        subject: message.subject,
      }),
    );
  if (recipients.length) {
    const slots = await sessionsByPerson(db, event.id);
    // {{portal_url}}: each person on the programme gets a fresh personal link, written with their email.
    const portal = /\{\{\s*portal_url\s*\}\}/.test(message.subject + message.body)
      ? await issuePortalLinks(recipients, event.id, params.origin, now)
      : { urls: new Map<string, string>(), statements: [] };
    const rows = recipients.map((r) => ({
      id: newId('eml'),
      eventId: event.id,
      registrationId: r.id,
      to: r.email,
      locale: params.locale ?? r.locale,
      messageId,
      ...renderMessage(
        message.subject,
        message.body,
        valuesFor(r, event, slots, params.origin, params.locale, portal.urls),
      ),
    }));
    statements.push(...portal.statements, ...insertRows(rows, now));
  }
  const done = recipients.length < limit;
  // The audience as it stood when each step read it: the count shown becomes the rows actually written.
  statements.push(
    done
      ? sql`UPDATE messages SET fan_out = NULL, fanned_at = ${now},
          recipients = (SELECT count(*) FROM emails WHERE message_id = ${messageId}) WHERE id = ${messageId}`
      : // A message filed before 0020 carries its parameters only in the job: kept on the message from its first
        // step, so the next step (and the cron) can tell it is still being written.
        sql`UPDATE messages SET fanned_at = ${now}, fan_out = coalesce(fan_out, ${JSON.stringify(params)})
          WHERE id = ${messageId}`,
  );
  await atomically(env.DB, statements);
  return { written: recipients.length, done };
}

/**
 * The cron's safety net: a message still being written whose cursor has not moved for FAN_OUT_STALL_MS lost its
 * queue job (dropped after its retries). Each is claimed (fanned_at moves, so the next sweep leaves it alone for
 * as long again) and handed back to the queue, which resumes from the cursor; without a queue it is written here.
 */
export async function resumeStalledFanOuts(env: Bindings, now = Date.now()) {
  const stalled = await env.DB.prepare(
    `UPDATE messages SET fanned_at = ?1 WHERE id IN (
       SELECT id FROM messages WHERE fan_out IS NOT NULL AND coalesce(fanned_at, 0) < ?2 LIMIT 20)
     RETURNING id, fan_out`,
  )
    .bind(now, now - FAN_OUT_STALL_MS)
    .all<{ id: string; fan_out: string }>();
  for (const m of stalled.results) {
    const fanOut = JSON.parse(m.fan_out) as FanOut;
    if (await handedToQueue(env, { messageId: m.id, fanOut })) continue;
    while (!(await fanOutStep(env, m.id, fanOut, { now })).done);
  }
  return stalled.results.map((m) => m.id);
}
