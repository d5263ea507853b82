// Organiser routes for the agenda: add, edit, reorder and delete items, and assign people with roles.
import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { sessions } from '../../schema';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import type { AppEnv, Db } from '../env';
import { ApiError, notFound } from '../http/errors';
import { validate } from '../http/validate';
import { newId } from '../lib/random';
import { assignInput, createSessionInput, reorderInput, updateSessionInput } from './input';
import { overlapsFor, type Slot } from './overlaps';

const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

/** Warnings the organiser sees: a person booked on overlapping items. */
async function overlapWarnings(db: Db, eventId: string) {
  const slots = await db.all<Slot>(sql`
    SELECT sp.session_id AS sessionId, sp.person_id AS personId, s.starts_at AS startsAt, s.ends_at AS endsAt
    FROM session_people sp JOIN sessions s ON s.id = sp.session_id WHERE s.event_id = ${eventId}`);
  return overlapsFor(slots).map((o) => ({ code: 'person_overlap', ...o }));
}

export const agendaRoutes = new Hono<AppEnv>()
  .post('/:slug/sessions', validate('json', createSessionInput), async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const b = c.req.valid('json');
    const id = newId('ses');
    await atomically(c.env.DB, [
      c.var.db.insert(sessions).values({
        id, eventId, kind: b.kind, titleZh: b.titleZh, titleEn: b.titleEn, descriptionZh: b.descriptionZh ?? '', descriptionEn: b.descriptionEn ?? '',
        roomZh: b.roomZh ?? '', roomEn: b.roomEn ?? '', startsAt: Date.parse(b.startsAt), endsAt: Date.parse(b.endsAt),
        position: sql`(SELECT coalesce(max(position), -1) + 1 FROM sessions WHERE event_id = ${eventId})`,
      }),
      auditEntry(eventId, staff.id, 'session.create', { id, title: b.titleEn }),
    ]);
    return c.json({ session: { id }, warnings: await overlapWarnings(c.var.db, eventId) }, 201);
  })
  .patch('/:slug/sessions/:id', validate('json', updateSessionInput), async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const b = c.req.valid('json');
    const id = c.req.param('id');
    const [current] = await c.var.db.select().from(sessions).where(and(eq(sessions.id, id), eq(sessions.eventId, eventId)));
    if (!current) throw notFound('No such agenda item in this event.');
    const startsAt = ms(b.startsAt) ?? current.startsAt;
    const endsAt = ms(b.endsAt) ?? current.endsAt;
    if (endsAt <= startsAt) {
      throw new ApiError(400, 'invalid', 'The end must be after the start.', { endsAt: 'The end must be after the start.' });
    }
    await atomically(c.env.DB, [
      c.var.db.update(sessions).set({ ...b, startsAt, endsAt }).where(eq(sessions.id, id)),
      auditEntry(eventId, staff.id, 'session.update', { id, fields: Object.keys(b) }),
    ]);
    return c.json({ session: { id }, warnings: await overlapWarnings(c.var.db, eventId) }, 200);
  })
  .delete('/:slug/sessions/:id', async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const [gone] = await atomically(c.env.DB, [
      sql`DELETE FROM sessions WHERE id = ${id} AND event_id = ${eventId} RETURNING id`,
      auditEntry(eventId, staff.id, 'session.delete', { id }),
    ]);
    if (!gone.length) throw notFound('No such agenda item in this event.');
    return c.json({}, 200);
  })
  .post('/:slug/sessions/reorder', validate('json', reorderInput), async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const { ids } = c.req.valid('json');
    await atomically(c.env.DB, [
      ...ids.map((id, position) => sql`UPDATE sessions SET position = ${position} WHERE id = ${id} AND event_id = ${eventId}`),
      auditEntry(eventId, staff.id, 'session.reorder', { ids }),
    ]);
    return c.json({}, 200);
  })
  .put('/:slug/sessions/:id/people', validate('json', assignInput), async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const { people: assigned } = c.req.valid('json');
    const [found] = await c.var.db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.id, id), eq(sessions.eventId, eventId)));
    if (!found) throw notFound('No such agenda item in this event.');
    // Only people of this event can be assigned; unknown ids are ignored by the INSERT … SELECT.
    await atomically(c.env.DB, [
      sql`DELETE FROM session_people WHERE session_id = ${id}`,
      ...assigned.map((a) => sql`INSERT INTO session_people (session_id, person_id, role) SELECT ${id}, id, ${a.role} FROM people WHERE id = ${a.personId} AND event_id = ${eventId} ON CONFLICT DO UPDATE SET role = excluded.role`),
      auditEntry(eventId, staff.id, 'session.people', { id, people: assigned }),
    ]);
    return c.json({ warnings: await overlapWarnings(c.var.db, eventId) }, 200);
  });
