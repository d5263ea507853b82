// The atomic D1 statements behind registration, cancellation and promotion from the waitlist.
import { sql } from 'drizzle-orm';
import { type Bindable, compiled, placeholders } from '../db';
import { openForRegistrationSql } from '../events/window';
import { invitedSql } from '../invitations/rules';
import { questionsUnchangedSql } from '../questions/register';
import { newId } from '../lib/random';

/**
 * Seats are taken by confirmed attendees only; speakers, guests and staff have badges but no seat. The count
 * lives in events.seats_taken, kept by triggers (migration 0004) on every insert, update and delete.
 */
export const takenSeatsSql = (eventIdExpr: ReturnType<typeof sql>) =>
  sql`(SELECT seats_taken FROM events t WHERE t.id = ${eventIdExpr})`;

export type NewRegistration = {
  id: string;
  ticketCode: string;
  name: string;
  email: string;
  emailKey: string;
  phone: string;
  affiliation: string;
  jobTitle: string;
  locale: 'zh-CN' | 'en';
  /** The answers as JSON, checked against the questions at revision `questionsRev` (worker/questions/register.ts). */
  answers: string;
  questionsRev: number;
  /** The SHA-256 of the management link's token in the confirmation: on the row, so no manage_tokens row is written. */
  manageHash: string;
};

/** A registration as it is written: the row, the event's slug, the invitation link's hash ('' without one), and time. */
export type RegistrationValues = NewRegistration & {
  slug: string;
  invitationHash: string;
  now: number;
  /** The origin its emails link to: on the row (promoted_origin), where the confirmation's trigger reads it. */
  origin: string;
};

type Bound = { [K in keyof RegistrationValues]: Bindable<RegistrationValues[K]> };

/**
 * Confirms or waitlists in one INSERT … SELECT: D1 runs each statement alone, so the seat count and the
 * insert cannot interleave with another registration. The unique index on (event, email) over live
 * registrations makes a duplicate insert nothing, while a cancelled registration leaves the way open for a
 * new one (new ticket code, the same seat rule). An approval event's registration waits, seatless, as pending;
 * an invitation event's needs the invitation link of this very address; and the event's questions must still be
 * the ones the answers were checked against. The row's email (confirmation, waitlist or pending notice) is queued by
 * the `registrations_confirmation_email` trigger (migration 0024), in this same statement.
 */
export function insertRegistration(r: Bound) {
  return sql`
    INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, phone, affiliation, job_title, locale, answers, manage_hash, promoted_origin, status, role, consent_at, created_at, updated_at)
    SELECT ${r.id}, e.id, ${r.ticketCode}, ${r.name}, ${r.email}, ${r.emailKey}, ${r.phone}, ${r.affiliation}, ${r.jobTitle}, ${r.locale}, ${r.answers}, ${r.manageHash}, ${r.origin},
      CASE WHEN e.registration_mode = 'approval' THEN 'pending'
           WHEN e.seats_taken < e.capacity
             AND NOT EXISTS (SELECT 1 FROM registrations w WHERE w.event_id = e.id AND w.status = 'waitlisted' AND w.role = 'attendee')
           THEN 'confirmed' ELSE 'waitlisted' END,
      'attendee', ${r.now}, ${r.now}, ${r.now}
    FROM events e
    WHERE e.slug = ${r.slug} AND ${openForRegistrationSql(r.now)} AND ${invitedSql(r.invitationHash, r.emailKey)}
      AND ${questionsUnchangedSql(r.questionsRev)}
    ON CONFLICT DO NOTHING
    RETURNING id, status`;
}

const register = compiled<RegistrationValues>(insertRegistration(placeholders<RegistrationValues>()));

/**
 * A registration's one round trip, rendered once (see compiled): one statement, the row (its status returned) and,
 * through the trigger, its email. The email's id is the registration's with `eml_` for `reg_` (emailIdOf).
 */
export const registrationBatch = (d1: D1Database, r: RegistrationValues) => [register(d1, r)] as const;

/** The outbox id of a registration's first email, as the trigger writes it. */
export const emailIdOf = (registrationId: string) => newId('eml', registrationId.slice('reg_'.length));

/**
 * An address already registered asks again: its ticket goes out again to that address (never to the caller), at
 * most once per 10 minutes. Cancelled registrations of the same address are never re-sent: their tickets no longer
 * admit anyone. The management link's hash rides in the payload and is stored in manage_tokens by the
 * `emails_resend_manage_token` trigger (migration 0021).
 */
export function queueResend(slug: string, emailId: string, key: string, locale: string, payload: string, now: number) {
  return sql`
    INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, created_at)
    SELECT ${emailId}, r.event_id, r.id, 'resend', r.email, ${locale}, ${payload}, ${now}
    FROM registrations r JOIN events e ON e.id = r.event_id
    WHERE e.slug = ${slug} AND r.email_key = ${key} AND r.status != 'cancelled'
      AND NOT EXISTS (
        SELECT 1 FROM emails m WHERE m.registration_id = r.id AND m.kind = 'resend' AND m.created_at > ${now - 10 * 60_000})
    RETURNING id`;
}

/**
 * Fills free seats from the waitlist, earliest first, in one statement. Used after a cancellation and after
 * a capacity change; the promotion emails are queued by the `registrations_promoted_email` trigger.
 */
export function promoteFromWaitlist(eventId: ReturnType<typeof sql> | string, origin: string, now: number) {
  const ev = typeof eventId === 'string' ? sql`${eventId}` : eventId;
  return sql`
    UPDATE registrations SET status = 'confirmed', updated_at = ${now}, promoted_origin = ${origin}
    WHERE id IN (
      SELECT w.id FROM registrations w
      WHERE w.event_id = ${ev} AND w.status = 'waitlisted' AND w.role = 'attendee'
        AND (SELECT ends_at FROM events WHERE id = ${ev}) > ${now}
      ORDER BY w.created_at, w.id
      LIMIT coalesce(max(0, (SELECT capacity FROM events WHERE id = ${ev}) - ${takenSeatsSql(ev)}), 0))`;
}
