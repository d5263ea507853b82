// Management links: the emailed credential that cancels or erases a registration, apart from the badge's ticket code.
import { sql } from 'drizzle-orm';

/** Attendee emails that carry the ticket, and with it the link that manages the registration. */
export const MANAGED_KINDS = new Set([
  'confirmation',
  'waitlisted',
  'promoted',
  'resend',
  'reissued',
  'manage_link',
  'pending',
  'approved',
]);

/** The ticket page with the management token: the one link that may cancel or erase. */
export const manageUrl = (origin: string, code: string, token: string) =>
  `${origin}/t/${code}?m=${encodeURIComponent(token)}`;

/**
 * Stores a token's hash for the registration the given outbox row is addressed to; nothing if no such row was queued,
 * nor for `created`, a registration just inserted with the hash on its own row (manage_hash: no extra rows written).
 */
export const manageTokenForEmail = (emailId: string, tokenHash: string, now: number, created?: string) => sql`
  INSERT INTO manage_tokens (token_hash, registration_id, created_at)
  SELECT ${tokenHash}, registration_id, ${now} FROM emails WHERE id = ${emailId} AND registration_id IS NOT NULL
    ${created ? sql`AND registration_id != ${created}` : sql``}`;

/** True in SQL when this token hash manages the registration row `alias` (its first link's hash, or a later one's). */
export const managedBy = (tokenHash: string, alias = 'registrations') =>
  sql`(${sql.raw(alias)}.manage_hash = ${tokenHash} OR EXISTS (SELECT 1 FROM manage_tokens m WHERE m.token_hash = ${tokenHash} AND m.registration_id = ${sql.raw(alias)}.id))`;
