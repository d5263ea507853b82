// An attendee's own ticket: read it, show its QR, cancel it (promoting the waitlist), delete personal data.
import { and, eq, ne, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { emails, events, manageTokens, registrations } from '../../schema';
import { deliverSoon } from '../email/outbox';
import { atomically } from '../db';
import type { AppEnv, Db } from '../env';
import { forgetEvent } from '../events/cache';
import { presentEventSummary } from '../events/present';
import { hasEnded } from '../events/window';
import { ApiError, notFound } from '../http/errors';
import { originOf, publicOrigin } from '../http/origin';
import { isoOrNull } from '../lib/time';
import { newId, randomToken, sha256 } from '../lib/random';
import { promoteFromWaitlist } from '../registration/statements';
import { managedBy, manageTokenForEmail } from './manage';
import { qrPng, qrSvg } from './qr';
import { rule } from '../http/contract';
import { manageInput, sendLinkInput } from './input';

const CODE = /^[A-Za-z0-9_-]{16,64}$/;

/** The ticket with this code; `managed` says whether the token hash given manages it. */
async function findTicket(db: Db, code: string, tokenHash = '') {
  if (!CODE.test(code)) return null;
  const [row] = await db
    .select({
      reg: registrations,
      event: events,
      checkedInAt: registrations.checkedInAt,
      managed: sql<number>`${managedBy(tokenHash)}`,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
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

const MANAGE_LINK_NEEDED =
  'Use the link from your confirmation email to cancel or delete your data. We can send it again to the address you registered with.';

const EVENT_ENDED = 'This event has ended, so the registration can no longer be cancelled.';

/** The ticket, if `token` manages it: 404 for an unknown code, 403 for a code without its emailed link. */
async function managedTicket(db: Db, code: string, token: string | undefined) {
  const row = await findTicket(db, code, token ? await sha256(token) : '');
  if (!row) throw notFound('No ticket has this code.');
  if (!row.managed) throw new ApiError(403, 'manage_link_needed', MANAGE_LINK_NEEDED);
  return row;
}

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  showTicket: rule({ access: 'ticket', tag: 'tickets', summary: 'A ticket.' }),
  qrSvg: rule({ access: 'ticket', tag: 'tickets', summary: 'The ticket QR as SVG.' }),
  qrPng: rule({ access: 'ticket', tag: 'tickets', summary: 'The ticket QR as PNG (for emails).' }),
  cancelMine: rule({
    access: 'ticket',
    tag: 'tickets',
    summary: 'Cancel my registration (needs the management token from the emailed link).',
    json: manageInput,
  }),
  deleteMine: rule({
    access: 'ticket',
    tag: 'tickets',
    summary: 'Delete my personal data (needs the management token from the emailed link).',
    json: manageInput,
  }),
  sendLink: rule({
    access: 'ticket',
    tag: 'tickets',
    summary: 'Email the management link to the registered address (at most once per 10 minutes).',
    json: sendLinkInput,
  }),
};

export const ticketRoutes = new Hono<AppEnv>()
  .get('/:code', rules.showTicket, async (c) => {
    const row = await findTicket(c.var.db, c.req.param('code'));
    if (!row) throw notFound('No ticket has this code.');
    c.header('cache-control', 'no-store');
    return c.json({ ticket: presentTicket(row) }, 200);
  })
  .get('/:code/qr.svg', rules.qrSvg, async (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code)) throw notFound('No ticket has this code.');
    return new Response(qrSvg(ticketUrl(publicOrigin(c), code)), {
      headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' },
    });
  })
  .get('/:code/qr.png', rules.qrPng, async (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code)) throw notFound('No ticket has this code.');
    const png = await qrPng(ticketUrl(publicOrigin(c), code));
    return new Response(png, { headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' } });
  })
  .post('/:code/cancel', rules.cancelMine, async (c) => {
    const db = c.var.db;
    const code = c.req.param('code');
    if (!CODE.test(code)) throw notFound('No ticket has this code.');
    const { token } = c.req.valid('json');
    const tokenHash = token ? await sha256(token) : '';
    const now = Date.now();
    const origin = publicOrigin(c);
    const emailId = newId('eml');
    const eventOf = sql`(SELECT event_id FROM registrations WHERE ticket_code = ${code})`;
    // Cancel, tell the attendee, and hand the freed seat to the earliest waitlisted person, all in one batch.
    const [cancelled] = await atomically(c.env.DB, [
      db
        .update(registrations)
        .set({ status: 'cancelled', updatedAt: now })
        .where(
          and(
            eq(registrations.ticketCode, code),
            ne(registrations.status, 'cancelled'),
            managedBy(tokenHash),
            // After the event there is no seat to give back, and cancelling would take an attendee off the CME roster.
            sql`(SELECT ends_at FROM events WHERE id = ${registrations.eventId}) > ${now}`,
          ),
        )
        .returning({ id: registrations.id }),
      sql`INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, created_at)
        SELECT ${emailId}, event_id, id, 'cancelled', email, locale, json_object('origin', ${origin}), ${now}
        FROM registrations WHERE ticket_code = ${code} AND updated_at = ${now} AND status = 'cancelled'`,
      promoteFromWaitlist(eventOf, origin, now),
    ]);
    const row = await findTicket(db, code, tokenHash);
    if (!row) throw notFound('No ticket has this code.');
    if (!row.managed) throw new ApiError(403, 'manage_link_needed', MANAGE_LINK_NEEDED);
    if (!cancelled.length && row.reg.status !== 'cancelled' && hasEnded(row.event, now))
      throw new ApiError(409, 'conflict', EVENT_ENDED);
    if (cancelled.length) {
      deliverSoon(c);
      await forgetEvent(originOf(c.req.url), row.event.slug);
    }
    return c.json({ ticket: presentTicket(row) }, 200);
  })
  .post('/:code/delete', rules.deleteMine, async (c) => {
    // The attendee's right to erasure: personal data goes, the (anonymous) row stays so counts stay true.
    const db = c.var.db;
    const row = await managedTicket(db, c.req.param('code'), c.req.valid('json').token);
    const now = Date.now();
    const id = row.reg.id;
    await atomically(c.env.DB, [
      // A speaker's or guest's contact details go from the programme's people row too; the public programme entry
      // (name, title, institution, bio, photo) stays until an organiser removes it (see README). Unlinking the
      // badge keeps a later edit of that person from copying the name back.
      sql`UPDATE people SET email = NULL, phone = NULL WHERE id = (SELECT person_id FROM registrations WHERE id = ${id})`,
      db
        .update(registrations)
        .set({
          name: '',
          email: `erased+${id}@invalid`,
          emailKey: `erased:${id}`,
          phone: '',
          affiliation: '',
          jobTitle: '',
          answers: '{}',
          ticketCode: `erased-${randomToken()}`,
          status: 'cancelled',
          updatedAt: now,
          consentAt: null,
          personId: null,
        })
        .where(eq(registrations.id, id)),
      db.delete(emails).where(eq(emails.registrationId, id)),
      db.delete(manageTokens).where(eq(manageTokens.registrationId, id)),
      promoteFromWaitlist(row.event.id, publicOrigin(c), now),
    ]);
    deliverSoon(c);
    await forgetEvent(originOf(c.req.url), row.event.slug);
    return c.json({}, 200);
  })
  .post('/:code/send-link', rules.sendLink, async (c) => {
    // Whoever holds the code may ask; the link goes only to the registered address, at most once per 10 minutes.
    const code = c.req.param('code');
    if (!CODE.test(code)) throw notFound('No ticket has this code.');
    const now = Date.now();
    const emailId = newId('eml');
    const manage = randomToken();
    const [, , found] = await atomically(c.env.DB, [
      sql`INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, created_at)
        SELECT ${emailId}, r.event_id, r.id, 'manage_link', r.email, r.locale, json_object('origin', ${publicOrigin(c)}, 'manage', ${manage}), ${now}
        FROM registrations r WHERE r.ticket_code = ${code}
          AND NOT EXISTS (SELECT 1 FROM emails m WHERE m.registration_id = r.id AND m.kind = 'manage_link' AND m.created_at > ${now - 10 * 60_000})`,
      manageTokenForEmail(emailId, await sha256(manage), now),
      sql`SELECT (SELECT count(*) FROM emails WHERE id = ${emailId}) AS sent, (SELECT count(*) FROM registrations WHERE ticket_code = ${code}) AS found`,
    ]);
    const counts = found[0] as { sent: number; found: number } | undefined;
    if (!counts?.found) throw notFound('No ticket has this code.');
    if (counts.sent) deliverSoon(c, [emailId]);
    return c.json({ sent: counts.sent > 0 }, 202);
  });
