// Organiser routes for the agenda: add, edit, move, reorder and delete items, and assign people with roles; every
// change answers with the agenda's warnings (double bookings, items outside the event's hours), which never block it.
import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { sessionPeople, sessions } from '../../schema';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../http/errors';
import { newId } from '../lib/random';
import { isoInZone } from '../lib/time';
import { assignInput, createSessionInput, moveInput, reorderInput, updateSessionInput } from './input';
import { moveSessionStatement, type WarningRows, warningReads } from './statements';
import { agendaWarnings, hoursToHoldAll } from './warnings';
import { rule } from '../http/contract';

const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

/** The results of warningReads(), the last four of a batch. */
const lastFour = (results: readonly unknown[]) => results.slice(-4) as unknown as WarningRows;

/** The warnings part of an answer, from the last four results of a batch that ended with warningReads(). */
export function warningsAnswer(results: readonly unknown[]) {
  const [[event], items, slots, people] = lastFour(results);
  if (!event) return { warnings: [], extendTo: null };
  const hours = hoursToHoldAll(items, event);
  return {
    warnings: agendaWarnings(event, items, slots, people),
    /** The event hours that would hold every item: one PATCH of the event away ("extend the event"). */
    extendTo: hours && {
      startsAt: isoInZone(hours.startsAt, event.timezone),
      endsAt: isoInZone(hours.endsAt, event.timezone),
    },
  };
}

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  addSession: rule({ access: 'organiser', tag: 'agenda', summary: 'Add an agenda item.', json: createSessionInput }),
  editSession: rule({ access: 'organiser', tag: 'agenda', summary: 'Edit an agenda item.', json: updateSessionInput }),
  deleteSession: rule({ access: 'organiser', tag: 'agenda', summary: 'Delete an agenda item.' }),
  moveSession: rule({
    access: 'organiser',
    tag: 'agenda',
    summary:
      'Move an item one place earlier or later (swaps times with its neighbour, atomically); answers with warnings.',
    json: moveInput,
  }),
  reorderSessions: rule({ access: 'organiser', tag: 'agenda', summary: 'Reorder agenda items.', json: reorderInput }),
  assignPeople: rule({
    access: 'organiser',
    tag: 'agenda',
    summary: 'Set who is on an item, with roles; warns about overlaps.',
    json: assignInput,
  }),
};

export const agendaRoutes = new Hono<AppEnv>()
  .post('/:slug/sessions', rules.addSession, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const b = c.req.valid('json');
    const id = newId('ses');
    const done = await atomically(c.env.DB, [
      c.var.db.insert(sessions).values({
        id,
        eventId,
        kind: b.kind,
        titleZh: b.titleZh,
        titleEn: b.titleEn,
        descriptionZh: b.descriptionZh ?? '',
        descriptionEn: b.descriptionEn ?? '',
        roomZh: b.roomZh ?? '',
        roomEn: b.roomEn ?? '',
        startsAt: Date.parse(b.startsAt),
        endsAt: Date.parse(b.endsAt),
        position: sql`(SELECT coalesce(max(position), -1) + 1 FROM sessions WHERE event_id = ${eventId})`,
      }),
      auditEntry(eventId, staff.id, 'session.create', { id, title: b.titleEn }),
      ...warningReads(c.var.db, eventId),
    ]);
    return c.json({ session: { id }, ...warningsAnswer(done) }, 201);
  })
  .patch('/:slug/sessions/:id', rules.editSession, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const b = c.req.valid('json');
    const id = c.req.param('id');
    const [current] = await c.var.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.id, id), eq(sessions.eventId, eventId)));
    if (!current) throw notFound('No such agenda item in this event.');
    const startsAt = ms(b.startsAt) ?? current.startsAt;
    const endsAt = ms(b.endsAt) ?? current.endsAt;
    if (endsAt <= startsAt) {
      throw new ApiError(400, 'invalid', 'The end must be after the start.', {
        endsAt: 'The end must be after the start.',
      });
    }
    const done = await atomically(c.env.DB, [
      c.var.db
        .update(sessions)
        .set({ ...b, startsAt, endsAt })
        .where(eq(sessions.id, id)),
      auditEntry(eventId, staff.id, 'session.update', { id, fields: Object.keys(b) }),
      ...warningReads(c.var.db, eventId),
    ]);
    return c.json({ session: { id }, ...warningsAnswer(done) }, 200);
  })
  .post('/:slug/sessions/:id/move', rules.moveSession, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const { direction } = c.req.valid('json');
    // One batch, one round trip: the move (both items at once), its audit line only if something moved, the warnings.
    const done = await atomically(c.env.DB, [
      c.var.db
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.id, id), eq(sessions.eventId, eventId))),
      moveSessionStatement(eventId, id, direction),
      sql`INSERT INTO audit (event_id, staff_id, action, detail, created_at)
          SELECT ${eventId}, ${staff.id}, 'session.move', ${JSON.stringify({ id, direction })}, ${Date.now()} WHERE changes() > 0`,
      ...warningReads(c.var.db, eventId),
    ]);
    if (!done[0]!.length) throw notFound('No such agenda item in this event.');
    if (!done[1]!.length) {
      throw new ApiError(
        409,
        'cannot_move',
        direction === 'earlier'
          ? 'This item is already the first on the agenda.'
          : 'This item is already the last on the agenda.',
      );
    }
    const [[event], items] = lastFour(done);
    const tz = event!.timezone;
    const moved = (done[1] as { id: string }[])
      .map((m) => items.find((s) => s.id === m.id)!)
      .map((s) => ({ id: s.id, startsAt: isoInZone(s.startsAt, tz), endsAt: isoInZone(s.endsAt, tz) }));
    return c.json(
      {
        session: moved.find((m) => m.id === id)!,
        swappedWith: moved.find((m) => m.id !== id)!,
        ...warningsAnswer(done),
      },
      200,
    );
  })
  .delete('/:slug/sessions/:id', rules.deleteSession, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const [gone] = await atomically(c.env.DB, [
      c.var.db
        .delete(sessions)
        .where(and(eq(sessions.id, id), eq(sessions.eventId, eventId)))
        .returning({ id: sessions.id }),
      auditEntry(eventId, staff.id, 'session.delete', { id }),
    ]);
    if (!gone.length) throw notFound('No such agenda item in this event.');
    return c.json({}, 200);
  })
  .post('/:slug/sessions/reorder', rules.reorderSessions, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const { ids } = c.req.valid('json');
    await atomically(c.env.DB, [
      ...ids.map((id, position) =>
        c.var.db
          .update(sessions)
          .set({ position })
          .where(and(eq(sessions.id, id), eq(sessions.eventId, eventId))),
      ),
      auditEntry(eventId, staff.id, 'session.reorder', { ids }),
    ]);
    return c.json({}, 200);
  })
  .put('/:slug/sessions/:id/people', rules.assignPeople, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const { people: assigned } = c.req.valid('json');
    const [found] = await c.var.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.id, id), eq(sessions.eventId, eventId)));
    if (!found) throw notFound('No such agenda item in this event.');
    // Only people of this event can be assigned; unknown ids are ignored by the INSERT … SELECT.
    const done = await atomically(c.env.DB, [
      c.var.db.delete(sessionPeople).where(eq(sessionPeople.sessionId, id)),
      ...assigned.map(
        (a) =>
          sql`INSERT INTO session_people (session_id, person_id, role) SELECT ${id}, id, ${a.role} FROM people WHERE id = ${a.personId} AND event_id = ${eventId} ON CONFLICT DO UPDATE SET role = excluded.role`,
      ),
      auditEntry(eventId, staff.id, 'session.people', { id, people: assigned }),
      ...warningReads(c.var.db, eventId),
    ]);
    return c.json(warningsAnswer(done), 200);
  });
