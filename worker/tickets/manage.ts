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

/** Stores a token's hash for the registration the given outbox row is addressed to; nothing if no such row was queued. */
export const manageTokenForEmail = (emailId: string, tokenHash: string, now: number) => sql`
  INSERT INTO manage_tokens (token_hash, registration_id, created_at)
  SELECT ${tokenHash}, registration_id, ${now} FROM emails WHERE id = ${emailId} AND registration_id IS NOT NULL`;

/** True in SQL when this token hash manages the registration row `r`. */
export const managedBy = (tokenHash: string) =>
  sql`EXISTS (SELECT 1 FROM manage_tokens m WHERE m.token_hash = ${tokenHash} AND m.registration_id = registrations.id)`;
