// The day-before reminder: sent once per confirmed attendee, in their language, from the attendee template.
import { and, eq, lte, gt, sql } from 'drizzle-orm';
import { events } from '../../schema';
import { atomically, dbFor } from '../db';
import type { Bindings } from '../env';
import { zonedParts } from '../lib/time';
import { newId } from '../lib/random';
import { renderMessage } from './render';
import { sessionsByPerson, valuesFor, type Recipient } from './recipients';
import { TEMPLATES } from './templates';

/** Reminders go out from 09:00 local time on the day before the event until it starts. */
export function reminderWindowStart(startsAt: number, timezone: string) {
  const p = zonedParts(startsAt, timezone);
  const localMidnight =
    Date.UTC(p.year, p.month - 1, p.day) -
    (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(startsAt / 1000) * 1000);
  return localMidnight - 24 * 3_600_000 + 9 * 3_600_000;
}

export async function sendDueReminders(env: Bindings, now = Date.now(), origin = 'https://colloquy.example') {
  const db = dbFor(env.DB);
  const upcoming = await db
    .select()
    .from(events)
    .where(and(eq(events.status, 'published'), gt(events.startsAt, now), lte(events.startsAt, now + 48 * 3_600_000)));
  let queued = 0;
  for (const event of upcoming) {
    if (now < reminderWindowStart(event.startsAt, event.timezone)) continue;
    const recipients = await db.all<Recipient>(sql`
      SELECT r.id, r.email, r.name, r.locale, r.ticket_code AS ticketCode, r.affiliation, r.job_title AS jobTitle, NULL AS personId,
             NULL AS nameZh, NULL AS nameEn, NULL AS honorificZh, NULL AS honorificEn, NULL AS institutionZh, NULL AS institutionEn
      FROM registrations r
      WHERE r.event_id = ${event.id} AND r.role = 'attendee' AND r.status = 'confirmed' AND r.email != ''
        AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.registration_id = r.id AND e.kind = 'reminder')
      LIMIT 400`);
    if (!recipients.length) continue;
    const slots = await sessionsByPerson(db, event.id);
    const statements = recipients.map((r) => {
      const t = TEMPLATES[r.locale].find((x) => x.id === 'attendee_reminder')!;
      const m = renderMessage(t.subject, t.body, valuesFor(r, event, slots, origin));
      // The partial unique index (one reminder per registration) makes a concurrent run insert nothing.
      return sql`INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, subject, html, text, created_at)
        VALUES (${newId('eml')}, ${event.id}, ${r.id}, 'reminder', ${r.email}, ${r.locale}, ${m.subject}, ${m.html}, ${m.text}, ${now}) ON CONFLICT DO NOTHING`;
    });
    for (let i = 0; i < statements.length; i += 50) await atomically(env.DB, statements.slice(i, i + 50));
    queued += recipients.length;
  }
  return queued;
}
