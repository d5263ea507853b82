// Data retention (PIPL / GDPR): after an event and its retention period, an organiser purges its personal
// data. Registrations, check-ins and emails stay as anonymous rows, so every count stays true.
import { eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { events } from '../../schema';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { ApiError } from '../http/errors';
import { rule } from '../http/contract';
import { purgeInput } from './input';

export const retentionDays = (env: { RETENTION_DAYS?: string }) => Number(env.RETENTION_DAYS || 30);

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  purge: rule({
    access: 'organiser',
    tag: 'privacy',
    summary: "Erase the event's personal data after the retention period; counts stay.",
    json: purgeInput,
  }),
};

export const privacyRoutes = new Hono<AppEnv>().post('/:slug/purge', rules.purge, async (c) => {
  const slug = c.req.param('slug');
  const { eventId, staff } = requireEventRole(c, slug, ['organiser']);
  if (c.req.valid('json').confirm !== slug)
    throw new ApiError(400, 'invalid', 'Type the event address to confirm.', {
      confirm: 'Type the event address to confirm.',
    });
  const [event] = await c.var.db.select({ endsAt: events.endsAt }).from(events).where(eq(events.id, eventId));
  const days = retentionDays(c.env);
  const allowedFrom = (event?.endsAt ?? Infinity) + days * 86_400_000;
  if (Date.now() < allowedFrom) {
    throw new ApiError(
      409,
      'retention_not_over',
      `Personal data can be purged ${days} days after the event ends (from ${new Date(allowedFrom).toISOString().slice(0, 10)}).`,
    );
  }
  const [purged] = await atomically(c.env.DB, [
    sql`UPDATE registrations SET name = '', email = 'erased+' || id || '@invalid', email_key = 'erased:' || id, phone = '', affiliation = '', job_title = '',
            answers = '{}', consent_at = NULL, updated_at = ${Date.now()} WHERE event_id = ${eventId} AND role = 'attendee' AND email NOT LIKE 'erased+%' RETURNING id`,
    sql`UPDATE emails SET "to" = 'erased@invalid', subject = NULL, html = NULL, text = NULL, payload = '{}' WHERE event_id = ${eventId}`,
    sql`UPDATE registrations SET checkin_device_id = '', checkin_staff_id = NULL
          WHERE event_id = ${eventId} AND checked_in_at IS NOT NULL AND (checkin_device_id != '' OR checkin_staff_id IS NOT NULL)`,
    // Evaluation comments are free text and can name anyone; the scores are kept, as counts are.
    sql`DELETE FROM evaluation_answers WHERE event_id = ${eventId} AND target = '~draft'`,
    sql`UPDATE evaluation_answers SET text = NULL WHERE event_id = ${eventId} AND text IS NOT NULL`,
    auditEntry(eventId, staff.id, 'privacy.purge', {}),
  ]);
  return c.json({ purged: purged.length }, 200);
});
