// An attendee's own ticket: read it, show its QR, cancel it (promoting the waitlist), delete personal data.
import { and, eq, ne, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { checkins, emails, events, registrations } from '../../schema';
import { deliverSoon } from '../email/outbox';
import { atomically } from '../db';
import type { AppEnv, Db } from '../env';
import { forgetEvent } from '../events/cache';
import { presentEventSummary } from '../events/present';
import { notFound } from '../http/errors';
import { isoOrNull } from '../lib/time';
import { newId, randomToken } from '../lib/random';
import { promoteFromWaitlist } from '../registration/statements';
import { qrPng, qrSvg } from './qr';

const CODE = /^[A-Za-z0-9_-]{16,64}$/;

async function findTicket(db: Db, code: string) {
  if (!CODE.test(code)) return null;
  const [row] = await db
    .select({ reg: registrations, event: events, checkedInAt: checkins.scannedAt })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(checkins, eq(checkins.registrationId, registrations.id))
    .where(eq(registrations.ticketCode, code));
  return row ?? null;
}

function presentTicket(row: NonNullable<Awaited<ReturnType<typeof findTicket>>>) {
  return {
    code: row.reg.ticketCode,
    status: row.reg.status,
    role: row.reg.role,
    name: row.reg.name,
    checkedInAt: isoOrNull(row.checkedInAt, row.event.timezone),
    event: presentEventSummary(row.event),
  };
}

export const ticketUrl = (origin: string, code: string) => `${origin}/t/${code}`;

export const ticketRoutes = new Hono<AppEnv>()
  .get('/:code', async (c) => {
    const row = await findTicket(c.var.db, c.req.param('code'));
    if (!row) throw notFound('No ticket has this code.');
    c.header('cache-control', 'no-store');
    return c.json({ ticket: presentTicket(row) }, 200);
  })
  .get('/:code/qr.svg', async (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code)) throw notFound('No ticket has this code.');
    return new Response(qrSvg(ticketUrl(new URL(c.req.url).origin, code)), { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' } });
  })
  .get('/:code/qr.png', async (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code)) throw notFound('No ticket has this code.');
    const png = await qrPng(ticketUrl(new URL(c.req.url).origin, code));
    return new Response(png, { headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' } });
  })
  .post('/:code/cancel', async (c) => {
    const db = c.var.db;
    const code = c.req.param('code');
    if (!CODE.test(code)) throw notFound('No ticket has this code.');
    const now = Date.now();
    const origin = new URL(c.req.url).origin;
    const emailId = newId('eml');
    const eventOf = sql`(SELECT event_id FROM registrations WHERE ticket_code = ${code})`;
    // Cancel, tell the attendee, and hand the freed seat to the earliest waitlisted person, all in one batch.
    const [cancelled] = await atomically(c.env.DB, [
      db.update(registrations).set({ status: 'cancelled', updatedAt: now })
        .where(and(eq(registrations.ticketCode, code), ne(registrations.status, 'cancelled'))).returning({ id: registrations.id }),
      sql`INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, created_at)
        SELECT ${emailId}, event_id, id, 'cancelled', email, locale, json_object('origin', ${origin}), ${now}
        FROM registrations WHERE ticket_code = ${code} AND updated_at = ${now} AND status = 'cancelled'`,
      promoteFromWaitlist(eventOf, origin, now),
    ]);
    const row = await findTicket(db, code);
    if (!row) throw notFound('No ticket has this code.');
    if (cancelled.length) {
      deliverSoon(c);
      await forgetEvent(origin, row.event.slug);
    }
    return c.json({ ticket: presentTicket(row) }, 200);
  })
  .post('/:code/delete', async (c) => {
    // The attendee's right to erasure: personal data goes, the (anonymous) row stays so counts stay true.
    const db = c.var.db;
    const code = c.req.param('code');
    const row = await findTicket(db, code);
    if (!row) throw notFound('No ticket has this code.');
    const now = Date.now();
    const id = row.reg.id;
    await atomically(c.env.DB, [
      db.update(registrations).set({
        name: '', email: `erased+${id}@invalid`, emailKey: `erased:${id}`, phone: '', affiliation: '', jobTitle: '',
        ticketCode: `erased-${randomToken()}`, status: 'cancelled', updatedAt: now, consentAt: null,
      }).where(eq(registrations.id, id)),
      db.delete(emails).where(eq(emails.registrationId, id)),
      promoteFromWaitlist(row.event.id, new URL(c.req.url).origin, now),
    ]);
    deliverSoon(c);
    await forgetEvent(new URL(c.req.url).origin, row.event.slug);
    return c.json({}, 200);
  });
