// Shapes events, agenda items and people for the public API: camelCase, bilingual, times in the event's zone.
import type { events, people, sessionPeople, sessions } from '../../schema';
import { isoInZone, isoOrNull } from '../lib/time';
import { parseQuestions, publicQuestions } from '../questions/model';
import { effectiveClose, hasEnded, registrationState } from './window';

export type Localized = { zh: string; en: string };
type EventRow = typeof events.$inferSelect;
type SessionRow = typeof sessions.$inferSelect;
type PersonRow = typeof people.$inferSelect;
type AssignmentRow = typeof sessionPeople.$inferSelect;

const loc = (zh: string, en: string): Localized => ({ zh, en });

export function presentEventSummary(e: EventRow, now = Date.now()) {
  const state = registrationState(e, now);
  return {
    slug: e.slug,
    title: loc(e.titleZh, e.titleEn),
    description: loc(e.descriptionZh, e.descriptionEn),
    venue: loc(e.venueZh, e.venueEn),
    address: loc(e.addressZh, e.addressEn),
    /** Who attendees may ask about the event; either language may be empty. */
    contact: loc(e.contactZh, e.contactEn),
    timezone: e.timezone,
    startsAt: isoInZone(e.startsAt, e.timezone),
    endsAt: isoInZone(e.endsAt, e.timezone),
    status: e.status,
    capacity: e.capacity,
    seatsLeft: Math.max(0, e.capacity - e.seatsTaken),
    registrationOpensAt: isoOrNull(e.registrationOpensAt, e.timezone),
    registrationClosesAt: isoOrNull(e.registrationClosesAt, e.timezone),
    registrationUntilEnd: e.registrationUntilEnd,
    /** open, approval (each registration waits for the organiser) or invitation (only invited addresses). */
    registrationMode: e.registrationMode,
    /** When registration actually closes (the start, the end, or the organiser's time), for "registration closes at …". */
    registrationClosesBy: isoInZone(effectiveClose(e), e.timezone),
    registrationOpen: state === 'open',
    /** open, not_open (yet), closed, ended (the page says "This event has ended"), draft. */
    registrationState: state,
    ended: hasEnded(e, now),
  };
}

export function presentPerson(p: PersonRow) {
  return {
    id: p.id,
    name: loc(p.nameZh, p.nameEn),
    honorific: loc(p.honorificZh, p.honorificEn),
    institution: loc(p.institutionZh, p.institutionEn),
    bio: loc(p.bioZh, p.bioEn),
    photoUrl: p.photoUrl,
  };
}

/** A signed disclosure as the public agenda shows it: nothing to disclose, or the relationships (issue 18). */
export type PublicDisclosure = {
  nothing: boolean;
  items: { company: string; relationship: string; status: string }[];
  offLabel: string;
};

export function presentEvent(
  e: EventRow,
  rows: {
    sessions: SessionRow[];
    people: PersonRow[];
    assignments: AssignmentRow[];
    disclosures?: { personId: string; disclosure: string | null }[];
  },
) {
  const disclosureOf = new Map(
    (rows.disclosures ?? []).flatMap((d) =>
      d.disclosure ? [[d.personId, JSON.parse(d.disclosure) as PublicDisclosure] as const] : [],
    ),
  );
  const personById = new Map(rows.people.map((p) => [p.id, p]));
  return {
    ...presentEventSummary(e),
    questions: publicQuestions(parseQuestions(e.questions)),
    sessions: rows.sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: loc(s.titleZh, s.titleEn),
      description: loc(s.descriptionZh, s.descriptionEn),
      room: loc(s.roomZh, s.roomEn),
      startsAt: isoInZone(s.startsAt, e.timezone),
      endsAt: isoInZone(s.endsAt, e.timezone),
      people: rows.assignments
        .filter((a) => a.sessionId === s.id && personById.has(a.personId))
        .map((a) => ({
          ...presentPerson(personById.get(a.personId)!),
          role: a.role,
          disclosure: disclosureOf.get(a.personId) ?? null,
        })),
    })),
    people: rows.people.map((p) => ({
      ...presentPerson(p),
      roles: [...new Set(rows.assignments.filter((a) => a.personId === p.id).map((a) => a.role))],
    })),
  };
}

export type PublicEvent = ReturnType<typeof presentEvent>;
export type PublicEventSummary = ReturnType<typeof presentEventSummary>;
