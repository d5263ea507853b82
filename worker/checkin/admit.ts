// The desk's one action for a cancelled or waitlisted ticket: admit the person at the door, by the event's seat rules.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import type { AppEnv } from '../env';
import { notFound } from '../http/errors';
import { isoOrNull } from '../lib/time';
import { newId, randomToken } from '../lib/random';
import type { CheckinResult } from './outcome';
import { recordCheckin, type ScanInput } from './statements';
import { DESK_ROLES, rule } from '../http/contract';
import { admitInput } from './input';
import type { RegistrationRole } from '../../schema/registrations';
import { originOf } from '../http/origin';

/** What the desk shows after the action: the check-in results, or no_seat when the seat rules kept the person out. */
export type AdmitResult = Exclude<CheckinResult, 'unknown_ticket' | 'wrong_event'> | 'no_seat';
/** What the action changed, if anything: moved off the waitlist, or a new registration in place of the cancelled one. */
export type Admitted = 'promoted' | 'registered_again' | null;

export type AdmitState = {
  /** The registration the desk acted on. */
  original: { status: 'confirmed' | 'waitlisted' | 'cancelled' | 'pending' | 'rejected' };
  /** The live registration of the same person (the same one unless it was cancelled), if there is one now. */
  live: { status: 'confirmed' | 'waitlisted' | 'pending' | 'rejected'; clientId: string | null } | null;
  promoted: boolean;
  registeredAgain: boolean;
};

/**
 * The rule, as a plain function. A tap that is retried (the same clientId) reads as the same admission, so a
 * double tap or a lost answer never says "already checked in" about the person just let in.
 */
export function admitOutcome(s: AdmitState, clientId: string): { result: AdmitResult; admitted: Admitted } {
  const admitted: Admitted = s.promoted ? 'promoted' : s.registeredAgain ? 'registered_again' : null;
  if (!s.live) return { result: 'cancelled', admitted: null };
  // Approval is the organiser's decision, made in the console: the door neither approves nor overrides it.
  if (s.live.status === 'pending' || s.live.status === 'rejected') return { result: s.live.status, admitted: null };
  if (s.live.clientId) return { result: s.live.clientId === clientId ? 'checked_in' : 'already_checked_in', admitted };
  return { result: s.live.status === 'waitlisted' ? 'no_seat' : 'checked_in', admitted };
}

/** The live registration of the person behind registration `id` (itself when live): one per email, by the partial unique index. */
const liveOf = (id: string, eventId: string) => sql`
  FROM registrations o JOIN registrations l ON l.event_id = o.event_id AND l.email_key = o.email_key AND l.status != 'cancelled'
  WHERE o.id = ${id} AND o.event_id = ${eventId}`;

/** Free seats follow the registration rule: confirmed attendees never pass capacity (events.seats_taken, migration 0004). */
const seatFree = (eventId: string) => sql`(SELECT seats_taken < capacity FROM events WHERE id = ${eventId})`;

type Row = {
  originalStatus: 'confirmed' | 'waitlisted' | 'cancelled' | 'pending' | 'rejected';
  id: string | null;
  status: 'confirmed' | 'waitlisted' | 'pending' | 'rejected' | null;
  name: string;
  affiliation: string;
  role: RegistrationRole;
  clientId: string | null;
  scannedAt: number | null;
  deskId: string | null;
  seatsLeft: number;
};

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  admit: rule({
    access: 'desk',
    tag: 'desk',
    summary:
      'Admit a cancelled or waitlisted person at the door: register again or promote, by the seat rules, and check in.',
    json: admitInput,
  }),
};

export const admitRoutes = new Hono<AppEnv>().post('/:slug/registrations/:id/admit', rules.admit, async (c) => {
  const { eventId, staff, timezone } = requireEventRole(c, c.req.param('slug'), DESK_ROLES);
  const id = c.req.param('id');
  const body = c.req.valid('json');
  const now = Date.now();
  const origin = originOf(c.req.url);
  const scan: ScanInput = {
    eventId,
    deskId: body.deskId,
    deviceId: body.deviceId,
    clientId: body.clientId,
    scannedAt: now,
    source: 'search',
    staffId: staff.id,
  };
  const againId = newId('reg');
  const againCode = randomToken();
  const emailId = newId('eml');

  // One round trip. Each step acts only in its own case (waitlisted, cancelled), so the batch needs no read first.
  const [promoted, inserted, , , , rows] = await atomically(c.env.DB, [
    // Waitlisted: a free seat is theirs (the trigger emails the ticket as for any promotion).
    sql`UPDATE registrations SET status = 'confirmed', promoted_origin = ${origin}, updated_at = ${now}
          WHERE id = ${id} AND event_id = ${eventId} AND status = 'waitlisted' AND role = 'attendee' AND ${seatFree(eventId)}
          RETURNING id`,
    // Cancelled: a new registration with a new code and the online seat rule (the waitlist comes first), unless
    // the person already registered again; an erased registration has nobody left to admit.
    sql`INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, phone, affiliation, job_title, locale, status, role, person_id, consent_at, created_at, updated_at)
          SELECT ${againId}, o.event_id, ${againCode}, o.name, o.email, o.email_key, o.phone, o.affiliation, o.job_title, o.locale,
            CASE WHEN o.role != 'attendee' OR (e.seats_taken < e.capacity
                   AND NOT EXISTS (SELECT 1 FROM registrations w WHERE w.event_id = e.id AND w.status = 'waitlisted' AND w.role = 'attendee'))
                 THEN 'confirmed' ELSE 'waitlisted' END,
            o.role, o.person_id, o.consent_at, ${now}, ${now}
          FROM registrations o JOIN events e ON e.id = o.event_id
          WHERE o.id = ${id} AND o.event_id = ${eventId} AND o.status = 'cancelled' AND o.email_key NOT LIKE 'erased:%'
          ON CONFLICT DO NOTHING RETURNING id`,
    // The new ticket goes to the person by email, as for any registration.
    sql`INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, created_at)
          SELECT ${emailId}, event_id, id, CASE status WHEN 'confirmed' THEN 'confirmation' ELSE 'waitlisted' END, email, locale, json_object('origin', ${origin}), ${now}
          FROM registrations WHERE id = ${againId} AND email != ''`,
    // The live registration (the new one, when just registered again) is checked in if confirmed.
    recordCheckin({ where: sql`id = (SELECT l.id ${liveOf(id, eventId)})` }, scan),
    auditEntry(eventId, staff.id, 'registration.admit', { id }),
    sql`SELECT o.status AS originalStatus, l.id, l.status, coalesce(l.name, o.name) AS name, coalesce(l.affiliation, o.affiliation) AS affiliation,
            coalesce(l.role, o.role) AS role, l.checkin_client_id AS clientId, l.checked_in_at AS scannedAt, l.checkin_desk_id AS deskId,
            (SELECT max(0, capacity - seats_taken) FROM events WHERE id = ${eventId}) AS seatsLeft
          FROM registrations o
            LEFT JOIN registrations l ON l.event_id = o.event_id AND l.email_key = o.email_key AND l.status != 'cancelled'
          WHERE o.id = ${id} AND o.event_id = ${eventId}`,
  ]);
  const row = rows[0] as Row | undefined;
  if (!row) throw notFound('No such registration in this event.');
  const { result, admitted } = admitOutcome(
    {
      original: { status: row.originalStatus },
      live: row.id && row.status ? { status: row.status, clientId: row.clientId } : null,
      promoted: promoted.length > 0,
      registeredAgain: inserted.length > 0,
    },
    body.clientId,
  );
  if (admitted) deliverSoon(c, admitted === 'registered_again' ? [emailId] : undefined);
  return c.json(
    {
      result,
      admitted,
      registration: { id: row.id ?? id, name: row.name, affiliation: row.affiliation, role: row.role },
      checkedInAt: isoOrNull(row.scannedAt, timezone),
      deskId: row.deskId,
      seatsLeft: Number(row.seatsLeft),
      // As for a walk-in, the desk may hand over the new ticket; the old code stays cancelled.
      ticketCode: admitted === 'registered_again' ? againCode : null,
    },
    200,
  );
});
