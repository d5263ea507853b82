// Organiser routes for events: list mine (drafts included), create, edit, and see the audit log.
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { audit, events, registrations, staff } from '../../schema';
import { auditEntry } from '../audit/log';
import { clearSessionCache, requireEventRole, requireStaff } from '../auth/session';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import type { AppEnv } from '../env';
import { ApiError } from '../http/errors';
import { newId } from '../lib/random';
import { promoteFromWaitlist } from '../registration/statements';
import { createEventInput, msOrNull, updateEventInput, windowErrors } from './input';
import { presentEvent } from './present';
import { findEventWithProgramme } from './queries';
import { agendaWarnings, hoursToHoldAll } from '../agenda/warnings';
import { isoInZone } from '../lib/time';
import { publicOrigin } from '../http/origin';
import { rule } from '../http/contract';

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  createEvent: rule({
    access: 'staff',
    tag: 'console',
    summary: 'Create an event (organisers).',
    json: createEventInput,
  }),
  editEvent: rule({
    access: 'organiser',
    tag: 'console',
    summary: 'Edit an event; a capacity raise promotes the waitlist.',
    json: updateEventInput,
  }),
  auditLog: rule({ access: 'organiser', tag: 'console', summary: 'Who changed what, and when.' }),
  myEvents: rule({ access: 'staff', tag: 'console', summary: 'The events I organise, drafts included.' }),
  myEvent: rule({ access: 'organiser', tag: 'console', summary: 'One event I organise, drafts included.' }),
};

/** Refuses a registration window that breaks windowErrors()' rules, naming the field (create and edit alike). */
function requireWindow(v: Parameters<typeof windowErrors>[0]) {
  const fields = windowErrors(v);
  const first = Object.values(fields)[0];
  if (first) throw new ApiError(400, 'invalid', first, fields);
}

export const eventAdminRoutes = new Hono<AppEnv>()
  .post('/', rules.createEvent, async (c) => {
    const who = requireStaff(c);
    if (!Object.values(who.roles).some((g) => g.role === 'organiser'))
      throw new ApiError(403, 'forbidden', 'Only organisers create events.');
    const b = c.req.valid('json');
    requireWindow({
      endsAt: Date.parse(b.endsAt),
      registrationOpensAt: msOrNull(b.registrationOpensAt) ?? null,
      registrationClosesAt: msOrNull(b.registrationClosesAt) ?? null,
    });
    const id = newId('evt');
    const [inserted] = await atomically(c.env.DB, [
      c.var.db
        .insert(events)
        .values({
          id,
          slug: b.slug,
          titleZh: b.titleZh,
          titleEn: b.titleEn,
          descriptionZh: b.descriptionZh ?? '',
          descriptionEn: b.descriptionEn ?? '',
          venueZh: b.venueZh,
          venueEn: b.venueEn,
          addressZh: b.addressZh ?? '',
          addressEn: b.addressEn ?? '',
          contactZh: b.contactZh ?? '',
          contactEn: b.contactEn ?? '',
          timezone: b.timezone,
          startsAt: Date.parse(b.startsAt),
          endsAt: Date.parse(b.endsAt),
          capacity: b.capacity,
          status: b.status ?? 'draft',
          registrationOpensAt: msOrNull(b.registrationOpensAt) ?? null,
          registrationClosesAt: msOrNull(b.registrationClosesAt) ?? null,
          registrationUntilEnd: b.registrationUntilEnd ?? false,
          registrationMode: b.registrationMode ?? 'open',
        })
        .onConflictDoNothing()
        .returning({ id: events.id }),
      // Raw INSERT … SELECT: the creator becomes its organiser only if the event was created (a taken slug inserts nothing).
      sql`INSERT INTO staff_roles (staff_id, event_id, role) SELECT ${who.id}, id, 'organiser' FROM events WHERE id = ${id} ON CONFLICT DO NOTHING`,
      auditEntry(id, who.id, 'event.create', { slug: b.slug }),
    ]);
    if (!inserted.length)
      throw new ApiError(409, 'slug_taken', 'Another event already uses this address.', {
        slug: 'Choose another address.',
      });
    clearSessionCache();
    return c.json({ event: { slug: b.slug, id } }, 201);
  })
  .patch('/:slug', rules.editEvent, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const b = c.req.valid('json');
    const db = c.var.db;
    const changes = {
      ...b,
      startsAt: msOrNull(b.startsAt) ?? undefined,
      endsAt: msOrNull(b.endsAt) ?? undefined,
      registrationOpensAt: msOrNull(b.registrationOpensAt),
      registrationClosesAt: msOrNull(b.registrationClosesAt),
      updatedAt: Date.now(),
    };
    const [current] = await db
      .select({
        startsAt: events.startsAt,
        endsAt: events.endsAt,
        registrationOpensAt: events.registrationOpensAt,
        registrationClosesAt: events.registrationClosesAt,
      })
      .from(events)
      .where(eq(events.id, eventId));
    if (!current) throw new ApiError(404, 'not_found', 'No event has this address.');
    if ((changes.endsAt ?? current.endsAt) <= (changes.startsAt ?? current.startsAt)) {
      throw new ApiError(400, 'invalid', 'The end must be after the start.', {
        endsAt: 'The end must be after the start.',
      });
    }
    requireWindow({
      endsAt: changes.endsAt ?? current.endsAt,
      registrationOpensAt:
        changes.registrationOpensAt === undefined ? current.registrationOpensAt : changes.registrationOpensAt,
      registrationClosesAt:
        changes.registrationClosesAt === undefined ? current.registrationClosesAt : changes.registrationClosesAt,
    });
    // The edit and any promotion it allows (a capacity raise) happen together; promoted people are emailed.
    await atomically(c.env.DB, [
      db.update(events).set(changes).where(eq(events.id, eventId)),
      promoteFromWaitlist(eventId, publicOrigin(c), Date.now()),
      auditEntry(eventId, staff.id, 'event.update', b),
    ]);
    if (b.timezone) clearSessionCache();
    deliverSoon(c);
    const found = await findEventWithProgramme(db, c.req.param('slug'), ['draft', 'published', 'closed']);
    return c.json({ event: presentEvent(found!.event, found!) }, 200);
  })
  .get('/:slug/audit', rules.auditLog, async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const rows = await c.var.db
      .select({
        id: audit.id,
        action: audit.action,
        detail: audit.detail,
        createdAt: audit.createdAt,
        email: staff.email,
      })
      .from(audit)
      .leftJoin(staff, eq(staff.id, audit.staffId))
      .where(eq(audit.eventId, eventId))
      .orderBy(desc(audit.createdAt), desc(audit.id))
      .limit(200);
    return c.json(
      {
        entries: rows.map((r) => ({
          id: r.id,
          action: r.action,
          detail: JSON.parse(r.detail),
          by: r.email,
          at: new Date(r.createdAt).toISOString(),
        })),
      },
      200,
    );
  });

/** The agenda editor's warnings for what is already saved, from the rows the page reads anyway (no extra D1 work). */
function agendaCheck(found: NonNullable<Awaited<ReturnType<typeof findEventWithProgramme>>>) {
  const { event, sessions: items, people, assignments } = found;
  const times = new Map(items.map((s) => [s.id, s]));
  const slots = assignments.flatMap((a) => {
    const s = times.get(a.sessionId);
    return s ? [{ sessionId: a.sessionId, personId: a.personId, startsAt: s.startsAt, endsAt: s.endsAt }] : [];
  });
  const hours = hoursToHoldAll(items, event);
  return {
    warnings: agendaWarnings(event, items, slots, people),
    extendTo: hours && {
      startsAt: isoInZone(hours.startsAt, event.timezone),
      endsAt: isoInZone(hours.endsAt, event.timezone),
    },
  };
}

/** The console's reads: the organiser's events, drafts included. */
export const consoleEventRoutes = new Hono<AppEnv>()
  .get('/events', rules.myEvents, async (c) => {
    const who = requireStaff(c);
    const slugs = Object.entries(who.roles)
      .filter(([, g]) => g.role === 'organiser')
      .map(([s]) => s);
    const out = [];
    for (const slug of slugs) {
      const found = await findEventWithProgramme(c.var.db, slug, ['draft', 'published', 'closed']);
      if (found) out.push(presentEvent(found.event, found));
    }
    // As on the public list: upcoming first, soonest first; then the ones that have ended, latest first.
    out.sort(
      (a, b) =>
        Number(a.ended) - Number(b.ended) || (a.ended ? -1 : 1) * (Date.parse(a.startsAt) - Date.parse(b.startsAt)),
    );
    return c.json({ events: out }, 200);
  })
  .get('/events/:slug', rules.myEvent, async (c) => {
    requireEventRole(c, c.req.param('slug'), ['organiser']);
    const found = await findEventWithProgramme(c.var.db, c.req.param('slug'), ['draft', 'published', 'closed']);
    if (!found) throw new ApiError(404, 'not_found', 'No event has this address.');
    // Organisers also see what the public page hides: each person's contact details and badge role.
    const badges = await c.var.db
      .select({ personId: registrations.personId, role: registrations.role })
      .from(registrations)
      .where(and(eq(registrations.eventId, found.event.id), isNotNull(registrations.personId)));
    const badgeRole = new Map(badges.map((b) => [b.personId, b.role]));
    const contacts = new Map(
      found.people.map((p) => [
        p.id,
        { email: p.email ?? '', phone: p.phone ?? '', badgeRole: badgeRole.get(p.id) ?? null },
      ]),
    );
    const event = presentEvent(found.event, found);
    const agenda = agendaCheck(found);
    return c.json(
      {
        event: {
          ...event,
          id: found.event.id,
          /** Seats confirmed attendees hold: the settings warn when the capacity is set below it. */
          seatsTaken: found.event.seatsTaken,
          people: event.people.map((p) => ({ ...p, ...contacts.get(p.id)! })),
          ...agenda,
        },
      },
      200,
    );
  });
