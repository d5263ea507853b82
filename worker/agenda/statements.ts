// The agenda's D1 statements that carry a rule: moving an item in one statement, and the reads behind the warnings.
import { eq, sql } from 'drizzle-orm';
import { events, people, sessionPeople, sessions } from '../../schema';
import type { Db } from '../env';

/**
 * Moves an item one place earlier or later in one UPDATE, so nobody ever sees half a move. It swaps with its neighbour
 * in the agenda's order (start, position, id): the pair keeps its span and its gap, each item keeps its length;
 * items that start together only swap places. The pair is read once (MATERIALIZED) before any row changes.
 */
export function moveSessionStatement(eventId: string, id: string, direction: 'earlier' | 'later') {
  const side =
    direction === 'earlier'
      ? sql`(n.starts_at, n.position, n.id) < (x.starts_at, x.position, x.id) ORDER BY n.starts_at DESC, n.position DESC, n.id DESC`
      : sql`(n.starts_at, n.position, n.id) > (x.starts_at, x.position, x.id) ORDER BY n.starts_at, n.position, n.id`;
  const ab = direction === 'earlier' ? sql`nb a, x b` : sql`x a, nb b`;
  return sql`
    WITH x AS MATERIALIZED (SELECT id, starts_at, ends_at, position FROM sessions WHERE id = ${id} AND event_id = ${eventId}),
    nb AS MATERIALIZED (SELECT n.id, n.starts_at, n.ends_at, n.position FROM sessions n, x WHERE n.event_id = ${eventId} AND n.id != x.id AND ${side} LIMIT 1),
    pair AS MATERIALIZED (SELECT a.id AS aid, a.starts_at AS a0, a.ends_at AS a1, a.position AS ap, b.id AS bid, b.starts_at AS b0, b.ends_at AS b1, b.position AS bp FROM ${ab}),
    moved (id, s, e, p) AS (
      SELECT bid, a0, a0 + (b1 - b0), min(ap, bp) FROM pair
      UNION ALL
      SELECT aid, CASE WHEN a0 = b0 THEN a0 ELSE a0 + (b1 - b0) + (b0 - a1) END,
        CASE WHEN a0 = b0 THEN a1 ELSE a0 + (b1 - b0) + (b0 - a1) + (a1 - a0) END,
        CASE WHEN ap = bp THEN ap + 1 ELSE max(ap, bp) END FROM pair)
    UPDATE sessions SET starts_at = moved.s, ends_at = moved.e, position = moved.p FROM moved WHERE sessions.id = moved.id
    RETURNING sessions.id AS id`;
}

/** The reads behind the warnings, put at the end of a write's batch so the answer costs no extra round trip. */
export const warningReads = (db: Db, eventId: string) =>
  [
    db
      .select({ startsAt: events.startsAt, endsAt: events.endsAt, timezone: events.timezone })
      .from(events)
      .where(eq(events.id, eventId)),
    db
      .select({
        id: sessions.id,
        titleZh: sessions.titleZh,
        titleEn: sessions.titleEn,
        roomZh: sessions.roomZh,
        roomEn: sessions.roomEn,
        startsAt: sessions.startsAt,
        endsAt: sessions.endsAt,
      })
      .from(sessions)
      .where(eq(sessions.eventId, eventId)),
    db
      .select({
        sessionId: sessionPeople.sessionId,
        personId: sessionPeople.personId,
        startsAt: sessions.startsAt,
        endsAt: sessions.endsAt,
      })
      .from(sessionPeople)
      .innerJoin(sessions, eq(sessions.id, sessionPeople.sessionId))
      .where(eq(sessions.eventId, eventId)),
    db
      .select({ id: people.id, nameZh: people.nameZh, nameEn: people.nameEn })
      .from(people)
      .where(eq(people.eventId, eventId)),
  ] as const;

/** What the four warning reads give, in order. */
export type WarningRows = {
  -readonly [K in keyof ReturnType<typeof warningReads>]: Awaited<ReturnType<typeof warningReads>[K]>;
};
