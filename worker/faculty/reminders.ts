// The cron's faculty reminders: on each day the organiser chose, one email per person listing what they still owe.
import { sql } from 'drizzle-orm';
import { atomically, dbFor } from '../db';
import type { Bindings } from '../env';
import { reminderEmail } from './emails';
import { MISSING_ITEMS, type MissingItem } from './input';
import { newLink, portalUrl } from './link';
import { localDay, missingSql, onProgrammeSql } from './rules';
import { newId } from '../lib/random';

type Due = {
  personId: string;
  eventId: string;
  email: string;
  nameZh: string;
  nameEn: string;
  titleZh: string;
  titleEn: string;
  timezone: string;
  reminderDays: string;
} & Record<`m_${MissingItem}`, number>;

/**
 * Sends today's reminders for every event whose organiser chose today (in the event's zone). The reminder row's
 * primary key (person, day) makes each person's reminder once per day, however often the cron runs; the email and
 * the link are written only when this run's row went in.
 */
export async function sendFacultyReminders(env: Bindings, now = Date.now(), origin = 'https://colloquy.example') {
  const db = dbFor(env.DB);
  const missing = MISSING_ITEMS.map((m) => sql`${missingSql(m, sql`p.id`)} AS ${sql.raw(`m_${m}`)}`);
  const due = await db.all<Due>(sql`
    SELECT p.id AS personId, p.event_id AS eventId, p.email, p.name_zh AS nameZh, p.name_en AS nameEn,
      e.title_zh AS titleZh, e.title_en AS titleEn, e.timezone, fs.reminder_days AS reminderDays, ${sql.join(missing, sql`, `)}
    FROM faculty_settings fs JOIN events e ON e.id = fs.event_id JOIN people p ON p.event_id = e.id
    WHERE fs.reminder_days != '[]' AND e.ends_at > ${now} AND e.status != 'closed'
      AND coalesce(p.email, '') != '' AND ${onProgrammeSql(sql`p.id`)}
    LIMIT 2000`);
  let queued = 0;
  for (const p of due) {
    const day = localDay(now, p.timezone);
    if (!(JSON.parse(p.reminderDays) as string[]).includes(day)) continue;
    const items = MISSING_ITEMS.filter((m) => p[`m_${m}`] === 1);
    if (!items.length) continue;
    const link = await newLink(p.personId, p.eventId, now);
    const url = portalUrl(origin, link.token);
    const m = reminderEmail(p, p, items, url, link.token);
    const mine = sql`EXISTS (SELECT 1 FROM faculty_reminders WHERE person_id = ${p.personId} AND day = ${day} AND created_at = ${now})`;
    const [inserted] = await atomically(env.DB, [
      sql`INSERT INTO faculty_reminders (person_id, day, items, created_at) VALUES (${p.personId}, ${day}, ${JSON.stringify(items)}, ${now})
        ON CONFLICT DO NOTHING RETURNING person_id`,
      sql`INSERT INTO faculty_links (token_hash, person_id, event_id, created_at)
        SELECT ${link.hash}, ${p.personId}, ${p.eventId}, ${now} WHERE ${mine}`,
      sql`INSERT INTO emails (id, event_id, kind, "to", locale, payload, subject, html, text, created_at)
        SELECT ${newId('eml')}, ${p.eventId}, 'faculty_reminder', ${p.email}, 'zh-CN', ${m.payload}, ${m.subject}, ${m.html}, ${m.text}, ${now} WHERE ${mine}`,
      sql`INSERT INTO audit (event_id, staff_id, action, detail, created_at)
        SELECT ${p.eventId}, NULL, 'faculty.reminder', ${JSON.stringify({ personId: p.personId, day, items })}, ${now} WHERE ${mine}`,
    ]);
    if (inserted.length) queued++;
  }
  return queued;
}
