// Faculty portal links: one per person and event at a time of asking, only the hash kept, resolved on every portal call.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../env';
import { notFound } from '../http/errors';
import { randomToken, sha256 } from '../lib/random';

/** Who a portal link opens: one person on one event's programme, nothing else. */
export type Faculty = {
  personId: string;
  eventId: string;
  slug: string;
  timezone: string;
  nameZh: string;
  nameEn: string;
  email: string | null;
};

const TOKEN = /^[A-Za-z0-9_-]{22}$/;

/**
 * The person and event a portal token opens, or a 404 for a wrong, revoked or malformed one (the same answer for
 * each, so a caller learns nothing). Used by the 'faculty' access of every /api/portal/:token route.
 */
export async function facultyFromToken(db: Db, token: string): Promise<Faculty> {
  const found = TOKEN.test(token)
    ? await db.get<Faculty>(sql`
        SELECT p.id AS personId, e.id AS eventId, e.slug, e.timezone, p.name_zh AS nameZh, p.name_en AS nameEn, p.email
        FROM faculty_links l JOIN people p ON p.id = l.person_id JOIN events e ON e.id = l.event_id AND e.id = p.event_id
        WHERE l.token_hash = ${await sha256(token)} AND l.revoked_at IS NULL`)
    : undefined;
  if (!found) throw notFound('This portal link is not valid any more. Ask for a new one with your email address.');
  return found;
}

export const portalUrl = (origin: string, token: string) => `${origin}/portal/${token}`;

/** A new link for a person: the token (for the email only) and the statement that stores its hash. */
export async function newLink(
  personId: string,
  eventId: string,
  now: number,
): Promise<{ token: string; hash: string; insert: SQL }> {
  const token = randomToken();
  const hash = await sha256(token);
  return {
    token,
    hash,
    insert: sql`INSERT INTO faculty_links (token_hash, person_id, event_id, created_at) VALUES (${hash}, ${personId}, ${eventId}, ${now})`,
  };
}

/** Renewing revokes every earlier link of the person: a forwarded or leaked one stops working. */
export const revokeLinks = (personId: string, now: number) =>
  sql`UPDATE faculty_links SET revoked_at = ${now} WHERE person_id = ${personId} AND revoked_at IS NULL`;

/**
 * Fresh portal links for message recipients who are on the programme (a message with {{portal_url}}): the hashes
 * of earlier links cannot be mailed again, so each send issues new ones (earlier ones keep working until renewed).
 */
export async function issuePortalLinks(
  recipients: { id: string; personId: string | null }[],
  eventId: string,
  origin: string,
  now: number,
): Promise<{ urls: Map<string, string>; statements: SQL[] }> {
  const urls = new Map<string, string>();
  const rows: { hash: string; personId: string }[] = [];
  for (const r of recipients) {
    if (!r.personId) continue;
    const token = randomToken();
    urls.set(r.id, portalUrl(origin, token));
    rows.push({ hash: await sha256(token), personId: r.personId });
  }
  if (!rows.length) return { urls, statements: [] };
  return {
    urls,
    statements: [
      sql`INSERT INTO faculty_links (token_hash, person_id, event_id, created_at)
        SELECT j.value ->> 'hash', j.value ->> 'personId', ${eventId}, ${now} FROM json_each(${JSON.stringify(rows)}) j`,
    ],
  };
}
