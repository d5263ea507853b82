// The staff API the desk and sign-in pages read: who is signed in, the event's counters, and the attendee search.
import { api, ApiFailure, readJson } from '../api';
import type { Locale } from '../i18n';
import type { Role } from './checkin';

export type StaffRole = { eventSlug: string; role: 'organiser' | 'desk' };
export type Staff = { email: string; name: string; roles: StaffRole[] };

export type Stats = {
  capacity: number;
  registered: number;
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  checkedIn: number;
  byRole: Record<'attendee' | 'speaker' | 'guest', { confirmed: number; checkedIn: number }>;
  arrivals: { at: string; count: number }[];
};

export type Attendee = {
  id: string;
  name: string;
  affiliation: string | null;
  role: Role;
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'pending' | 'rejected';
  phone: string | null;
  email: string | null;
  checkedInAt: string | null;
};

export type EventInfo = { slug: string; title: { zh: string; en: string }; timezone: string };

const ME_KEY = 'colloquy.desk.me';
const eventKey = (slug: string) => `colloquy.desk.event:${slug}`;

/** The last answers of the server, so a desk reloaded without a network still opens; every sync still needs a live session. */
function remember(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* not kept: the desk then needs the network to open */
  }
}
function recall<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}
function forget(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {
    /* nothing kept */
  }
}

/** The signed-in staff member, or null when there is no session (401). Offline, the last known one; else network failures throw. */
export async function getMe(): Promise<Staff | null> {
  try {
    const { staff } = await readJson<{ staff: Staff }>(await api.api.auth.me.$get());
    remember(ME_KEY, staff);
    return staff;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 401) {
      forget(ME_KEY);
      return null;
    }
    const known = e instanceof ApiFailure ? null : recall<Staff>(ME_KEY);
    if (known) return known;
    throw e;
  }
}

/** The emailed link comes in the reader's language and leads back to `next`. */
/** Asks for a sign-in link; true when one was already asked for this address in the last hour. */
export async function requestSignIn(email: string, locale: Locale, next: string): Promise<boolean> {
  const { recentlySent } = await readJson<{ recentlySent: boolean }>(
    await api.api.auth['sign-in'].$post({ json: { email, locale, next } }),
  );
  return recentlySent;
}

export async function signOut(): Promise<void> {
  forget(ME_KEY);
  await readJson<unknown>(
    await api.api.auth['sign-out'].$post({}, { headers: { 'content-type': 'application/json' }, init: { body: '{}' } }),
  );
}

/** The dev mailbox answers only in local development, so its presence says where we are. */
export async function hasDevMailbox(): Promise<boolean> {
  try {
    return (await api.api.dev.mailbox.$get(undefined, { init: { method: 'HEAD' } })).ok;
  } catch {
    return false;
  }
}

export async function getStats(slug: string): Promise<Stats> {
  return readJson<Stats>(await api.api.events[':slug'].stats.$get({ param: { slug } }));
}

export async function searchAttendees(slug: string, q: string, signal?: AbortSignal): Promise<Attendee[]> {
  const res = await api.api.events[':slug'].attendees.$get({ param: { slug }, query: { q } }, { init: { signal } });
  return (await readJson<{ attendees: Attendee[] }>(res)).attendees;
}

/** Title and time zone from the public event API; null when no published event has this slug. Offline, the last answer. */
export async function getEventInfo(slug: string): Promise<EventInfo | null> {
  try {
    const { event } = await readJson<{ event: EventInfo }>(await api.api.events[':slug'].$get({ param: { slug } }));
    const info = { slug: event.slug, title: event.title, timezone: event.timezone };
    remember(eventKey(slug), info);
    return info;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) return null;
    const known = e instanceof ApiFailure ? null : recall<EventInfo>(eventKey(slug));
    if (known) return known;
    throw e;
  }
}
