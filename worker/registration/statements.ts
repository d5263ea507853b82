// The atomic D1 statements behind registration, cancellation and promotion from the waitlist.
import { sql } from 'drizzle-orm';
import { openForRegistrationSql } from '../events/window';
import { invitedSql } from '../invitations/rules';
import { questionsUnchangedSql } from '../questions/register';

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
  answers?: string;
  questionsRev?: number;
  /** The SHA-256 of the management link's token in the confirmation: on the row, so no manage_tokens row is written. */
  manageHash?: string;
};

/**
 * Confirms or waitlists in one INSERT … SELECT: D1 runs each statement alone, so the seat count and the
 * insert cannot interleave with another registration. The unique index on (event, email) over live
 * registrations makes a duplicate insert nothing, while a cancelled registration leaves the way open for a
 * new one (new ticket code, the same seat rule). An approval event's registration waits, seatless, as pending;
 * an invitation event's needs the invitation link of this very address.
 */
export function insertRegistration(
  slug: string,
  r: NewRegistration,
  now: number,
  invitationHash: string | null = null,
) {
  return sql`
    INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, phone, affiliation, job_title, locale, answers, manage_hash, status, role, consent_at, created_at, updated_at)
    SELECT ${r.id}, e.id, ${r.ticketCode}, ${r.name}, ${r.email}, ${r.emailKey}, ${r.phone}, ${r.affiliation}, ${r.jobTitle}, ${r.locale}, ${r.answers ?? '{}'}, ${r.manageHash ?? null},
      CASE WHEN e.registration_mode = 'approval' THEN 'pending'
           WHEN e.seats_taken < e.capacity
             AND NOT EXISTS (SELECT 1 FROM registrations w WHERE w.event_id = e.id AND w.status = 'waitlisted' AND w.role = 'attendee')
           THEN 'confirmed' ELSE 'waitlisted' END,
      'attendee', ${now}, ${now}, ${now}
    FROM events e
    WHERE e.slug = ${slug} AND ${openForRegistrationSql(now)} AND ${invitedSql(invitationHash, r.emailKey)}
      ${r.questionsRev === undefined ? sql`` : sql`AND ${questionsUnchangedSql(r.questionsRev)}`}
    ON CONFLICT DO NOTHING
    RETURNING id, status`;
}

/**
 * Queues the email for the live registration with this email key: the confirmation (or waitlist notice) when
 * it was just created, otherwise a re-send of the ticket to the same address, at most once per 10 minutes.
 * Cancelled registrations of the same address are never re-sent: their tickets no longer admit anyone.
 * The management link's hash rides in the payload: a re-send's is stored in manage_tokens by the
 * `emails_resend_manage_token` trigger (migration 0021), a new registration's is already on its row.
 */
export function queueRegistrationEmail(
  slug: string,
  emailId: string,
  newId: string,
  key: string,
  locale: string,
  origin: string,
  now: number,
  manage: string,
  manageHash: string,
) {
  return sql`
    INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, created_at)
    SELECT ${emailId}, r.event_id, r.id,
      CASE WHEN r.id = ${newId} THEN (CASE r.status WHEN 'confirmed' THEN 'confirmation' WHEN 'pending' THEN 'pending' ELSE 'waitlisted' END) ELSE 'resend' END,
      r.email, CASE WHEN r.id = ${newId} THEN r.locale ELSE ${locale} END, json_object('origin', ${origin}, 'manage', ${manage}, 'manageHash', ${manageHash}), ${now}
    FROM registrations r JOIN events e ON e.id = r.event_id
    WHERE e.slug = ${slug} AND r.email_key = ${key} AND r.status != 'cancelled'
      AND (r.id = ${newId} OR NOT EXISTS (
        SELECT 1 FROM emails m WHERE m.registration_id = r.id AND m.kind = 'resend' AND m.created_at > ${now - 10 * 60_000}))`;
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
