// Reads of events and their programme; each read is one D1 round trip (a batch).
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { events, facultyProfiles, people, sessionPeople, sessions } from '../../schema';
import type { Db } from '../env';

/** Upcoming (and running) events first, soonest first; then the ones that have ended, latest first. */
export async function listPublishedEvents(db: Db, now = Date.now()) {
  return db
    .select({ event: events })
    .from(events)
    .where(eq(events.status, 'published'))
    .orderBy(
      sql`${events.endsAt} <= ${now}`,
      sql`CASE WHEN ${events.endsAt} <= ${now} THEN -${events.startsAt} ELSE ${events.startsAt} END`,
    );
}

export async function findEventWithProgramme(
  db: Db,
  slug: string,
  visibleStatuses: ReadonlyArray<'draft' | 'published' | 'closed'>,
) {
  const eventId = sql`(SELECT ${events.id} FROM ${events} WHERE ${events.slug} = ${slug})`;
  const [found, sessionRows, peopleRows, assignmentRows, disclosureRows] = await db.batch([
    db
      .select({ event: events })
      .from(events)
      .where(and(eq(events.slug, slug), inArray(events.status, [...visibleStatuses]))),
    db
      .select()
      .from(sessions)
      .where(eq(sessions.eventId, eventId))
      .orderBy(asc(sessions.startsAt), asc(sessions.position)),
    db.select().from(people).where(eq(people.eventId, eventId)).orderBy(asc(people.position)),
    db
      .select({ sessionId: sessionPeople.sessionId, personId: sessionPeople.personId, role: sessionPeople.role })
      .from(sessionPeople)
      .innerJoin(sessions, eq(sessions.id, sessionPeople.sessionId))
      .where(eq(sessions.eventId, eventId)),
    // Signed disclosures only: the public agenda shows them beside the talk (issue 18).
    db
      .select({ personId: facultyProfiles.personId, disclosure: facultyProfiles.disclosure })
      .from(facultyProfiles)
      .where(and(eq(facultyProfiles.eventId, eventId), isNotNull(facultyProfiles.disclosureSignedAt))),
  ]);
  const row = found[0];
  if (!row) return null;
  return {
    event: row.event,
    sessions: sessionRows,
    people: peopleRows,
    assignments: assignmentRows,
    disclosures: disclosureRows,
  };
}
