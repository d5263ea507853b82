// The staff API the desk reads: the event's counters, the attendee search and the event's title; every type from the Worker's routes.
import { type Success, api, ApiFailure, read } from '../api';
import { recall, remember } from '../staff/staff-api';

const event = api.api.events[':slug'];
export type Stats = Success<(typeof event)['stats']['$get']>;
export type Attendee = Success<(typeof event)['attendees']['$get']>['attendees'][number];
type PublicEvent = Success<(typeof event)['$get']>['event'];
export type EventInfo = Pick<PublicEvent, 'slug' | 'title' | 'timezone'>;

const eventKey = (slug: string) => `colloquy.desk.event:${slug}`;

export async function getStats(slug: string): Promise<Stats> {
  return read(event.stats.$get({ param: { slug } }));
}

export async function searchAttendees(slug: string, q: string, signal?: AbortSignal): Promise<Attendee[]> {
  return (await read(event.attendees.$get({ param: { slug }, query: { q } }, { init: { signal } }))).attendees;
}

/** Title and time zone from the public event API; null when no published event has this slug. Offline, the last answer. */
export async function getEventInfo(slug: string): Promise<EventInfo | null> {
  try {
    const { event: found } = await read(event.$get({ param: { slug } }));
    const info: EventInfo = { slug: found.slug, title: found.title, timezone: found.timezone };
    remember(eventKey(slug), info);
    return info;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) return null;
    const known = e instanceof ApiFailure ? null : recall<EventInfo>(eventKey(slug));
    if (known) return known;
    throw e;
  }
}
