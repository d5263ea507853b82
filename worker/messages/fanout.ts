// A bulk message's fan-out, in the outbox queue rather than in the send request: each step renders the next 1,000
// recipients (by registration id) and inserts their outbox rows in one D1 batch, so the request stays within its
// CPU budget however large the audience, and the console's progress moves as rows are written and sent.
import { eq, sql } from 'drizzle-orm';
import { events, messages } from '../../schema';
import { atomically, dbFor } from '../db';
import type { Bindings } from '../env';
import { newId } from '../lib/random';
import { type Audience, findRecipients, sessionsByPerson, valuesFor } from './recipients';
import { renderMessage } from './render';
import { issuePortalLinks } from '../faculty/link';

/** What the send request hands the queue besides the message id: the site's origin and the chosen language. */
export type FanOut = { origin: string; locale?: 'zh-CN' | 'en' };

export const FAN_OUT_STEP = 1000;

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
 * D1 allows 100 bound parameters per statement: 8 rows a statement. Each statement inserts only while the message's
 * rows end before this chunk's last registration, so a step run twice (a retried queue message) inserts nothing twice.
 */
export function insertRows(rows: Row[], now: number) {
  const per = 8;
  const out = [];
  const last = rows.at(-1)?.registrationId ?? '';
  for (let i = 0; i < rows.length; i += per) {
    const values = rows
      .slice(i, i + per)
      .map(
        (r) =>
          sql`(${r.id}, ${r.eventId}, ${r.registrationId}, 'message', ${r.to}, ${r.locale}, ${r.subject}, ${r.html}, ${r.text}, ${r.messageId}, ${now})`,
      );
    out.push(
      sql`INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, subject, html, text, message_id, created_at)
        SELECT * FROM (VALUES ${sql.join(values, sql`, `)})
        WHERE (SELECT coalesce(max(registration_id), '') FROM emails WHERE message_id = ${rows[0]!.messageId}) < ${last}`,
    );
  }
  return out;
}

/** Writes the next step's outbox rows; `done` once every recipient has one (the message's count is then exact). */
export async function fanOutStep(env: Bindings, messageId: string, fan: FanOut, limit = FAN_OUT_STEP) {
  const db = dbFor(env.DB);
  const [message] = await db.select().from(messages).where(eq(messages.id, messageId));
  if (!message) return { written: 0, done: true };
  const [[event], [cursor]] = await Promise.all([
    db.select().from(events).where(eq(events.id, message.eventId)),
    db.all<{ after: string | null }>(
      sql`SELECT max(registration_id) AS after FROM emails WHERE message_id = ${messageId}`,
    ),
  ]);
  if (!event) return { written: 0, done: true };
  const recipients = await findRecipients(db, event.id, JSON.parse(message.audience) as Audience, {
    after: cursor?.after ?? '',
    limit,
  });
  if (recipients.length) {
    const slots = await sessionsByPerson(db, event.id);
    const now = Date.now();
    // {{portal_url}}: each person on the programme gets a fresh personal link, written with their email.
    const portal = /\{\{\s*portal_url\s*\}\}/.test(message.subject + message.body)
      ? await issuePortalLinks(recipients, event.id, fan.origin, now)
      : { urls: new Map<string, string>(), statements: [] };
    const rows = recipients.map((r) => ({
      id: newId('eml'),
      eventId: event.id,
      registrationId: r.id,
      to: r.email,
      locale: fan.locale ?? r.locale,
      messageId,
      ...renderMessage(message.subject, message.body, valuesFor(r, event, slots, fan.origin, fan.locale, portal.urls)),
    }));
    await atomically(env.DB, [...portal.statements, ...insertRows(rows, now)]);
  }
  const done = recipients.length < limit;
  // The audience as it stood when each step read it: the count shown becomes the rows actually written.
  if (done)
    await db
      .update(messages)
      .set({ recipients: sql`(SELECT count(*) FROM emails WHERE message_id = ${messageId})` })
      .where(eq(messages.id, messageId));
  return { written: recipients.length, done };
}
