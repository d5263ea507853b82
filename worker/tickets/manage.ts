// Management links: the emailed credential that cancels or erases a registration, apart from the badge's ticket code.
import { sql } from 'drizzle-orm';
import { type Bindings, isDevelopment } from '../env';
import { base64url } from '../lib/random';

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

/** True in SQL when this token hash manages the registration row `alias` (its first link's hash, or a later one's). */
export const managedBy = (tokenHash: string, alias = 'registrations') =>
  sql`(${sql.raw(alias)}.manage_hash = ${tokenHash} OR EXISTS (SELECT 1 FROM manage_tokens m WHERE m.token_hash = ${tokenHash} AND m.registration_id = ${sql.raw(alias)}.id))`;

/**
 * The secret a new registration's management token is derived from: LINK_SECRET (a Worker secret), or in
 * development a fixed one. A derived token needs no row and no copy in the outbox: the confirmation, queued by a
 * trigger in the registration's own statement, carries only its origin, and the queue consumer derives the same
 * token again to write the link. Without the secret, tokens are random and the consumer gives the email a token of
 * its own (a manage_tokens row), as for any email queued by SQL.
 */
export const linkSecret = (env: Bindings) =>
  env.LINK_SECRET || (isDevelopment(env) ? 'colloquy development link secret (never deployed)' : null);

const hmacKeys = new Map<string, Promise<CryptoKey>>();

/** A registration's management token from the link secret: HMAC-SHA-256 of its id, 128 bits, 22 characters. */
export async function derivedManageToken(secret: string, registrationId: string): Promise<string> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    hmacKeys.set(secret, key);
  }
  const mac = await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(`manage:${registrationId}`));
  return base64url(new Uint8Array(mac, 0, 16));
}
