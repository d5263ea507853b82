// One check-in from the desk: the scan's identity (device, client id, time, desk) and submitScan(), the live path that the offline desk (offline.ts) wraps.
import type { ClientResponse } from 'hono/client';
import { type Answer, api, ApiFailure, read, type Success } from '../api';
import type { Locale } from '../i18n';

const desk = api.api.events[':slug'];
type ScanAnswer = Success<(typeof desk)['checkins']['$post']>;
type AdmitAnswer = Success<(typeof desk)['registrations'][':id']['admit']['$post']>;
/** POST /api/events/:slug/walk-ins. */
export type WalkInResponse = Success<(typeof desk)['walk-ins']['$post']>;

export type Role = NonNullable<ScanAnswer['registration']>['role'];
/** no_seat: the desk's admit action found every seat taken, so the person was not checked in. */
export type CheckinResult = ScanAnswer['result'] | AdmitAnswer['result'];

/** What the result screen shows: the server's answer to a scan or to the admit action, or the offline desk's own. */
export type CheckinResponse = Omit<ScanAnswer, 'result'> & {
  result: CheckinResult;
  /** Answered from the list saved on this device and queued, not by the server. */
  savedOffline?: boolean;
  /** A walk-in just registered: the result screen offers their badge. */
  walkIn?: boolean;
  /** After the admit action: what it changed (moved off the waitlist, or registered again with a new ticket). */
  admitted?: AdmitAnswer['admitted'];
};

/** Everything that identifies one scan; a retry resends the same object, so the server can tell it from a second scan by clientId. */
export type Scan = {
  slug: string;
  code?: string;
  registrationId?: string;
  deviceId: string;
  clientId: string;
  scannedAt: string;
  deskId: string;
  source: 'scan' | 'search';
};

export type WalkIn = {
  slug: string;
  name: string;
  email?: string;
  phone?: string;
  affiliation?: string;
  jobTitle?: string;
  /** The language of any email the walk-in gets later; the desk's own is the best guess. */
  locale?: Locale;
  deviceId: string;
  clientId: string;
  deskId: string;
};

/** What became of a request: an answer from the server, or why there is none. */
export type Outcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'offline' }
  | { kind: 'unauthorized' }
  | { kind: 'forbidden' }
  | { kind: 'failed'; error: ApiFailure };

const DEVICE_KEY = 'colloquy.desk.device';
const DESK_KEY = 'colloquy.desk.name';
export const DEFAULT_DESK = 'Desk 1';

/** randomUUID exists only in secure contexts; a desk tablet on plain http over the venue LAN still needs ids. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function stored(key: string, make: () => string): string {
  try {
    const v = localStorage.getItem(key);
    if (v) return v;
    const fresh = make();
    localStorage.setItem(key, fresh);
    return fresh;
  } catch {
    return make(); // storage blocked: still works, just not remembered
  }
}

let device: string | undefined;
/** Generated once per browser and kept, so the server can tell the desks' devices apart. */
export const deviceId = () => (device ??= stored(DEVICE_KEY, uuid));

export const savedDeskName = () => stored(DESK_KEY, () => DEFAULT_DESK);
export function saveDeskName(name: string) {
  try {
    localStorage.setItem(DESK_KEY, name);
  } catch {
    /* kept for this page only */
  }
}

export function newScan(
  slug: string,
  target: { code: string } | { registrationId: string },
  deskId: string,
  source: Scan['source'],
): Scan {
  return {
    slug,
    ...target,
    deviceId: deviceId(),
    clientId: uuid(),
    scannedAt: new Date().toISOString(),
    deskId,
    source,
  };
}

/** A QR holds the ticket URL (…/t/CODE); a hand scanner or a person may give either that or the bare code. */
export function ticketCode(text: string): string {
  const s = text.trim();
  const m = /\/t\/([^/?#\s]+)/.exec(s);
  if (m) {
    try {
      return decodeURIComponent(m[1]!);
    } catch {
      return m[1]!;
    }
  }
  return s;
}

/** Runs one request and sorts every ending into an Outcome; a fetch that throws (or times out) means the server was not reached. */
export async function attempt<R extends ClientResponse<unknown>>(send: () => Promise<R>): Promise<Outcome<Answer<R>>> {
  let res: R;
  try {
    res = await send();
  } catch {
    return { kind: 'offline' };
  }
  try {
    return { kind: 'ok', value: await read(res) };
  } catch (e) {
    const err = e instanceof ApiFailure ? e : new ApiFailure(res.status, 'network', String(e));
    if (err.status === 401) return { kind: 'unauthorized' };
    if (err.status === 403 && err.code !== 'cross_origin') return { kind: 'forbidden' };
    return { kind: 'failed', error: err };
  }
}

/**
 * Sends one scan. Never throws: every way it can end is an Outcome the page shows. With a timeout, a server that
 * does not answer in time counts as offline; the scan keeps its clientId, so if it did arrive, syncing it again changes nothing.
 */
export function submitScan(scan: Scan, timeoutMs?: number): Promise<Outcome<CheckinResponse>> {
  const { slug, ...body } = scan;
  const init = timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : undefined;
  return attempt(() => api.api.events[':slug'].checkins.$post({ param: { slug }, json: body }, { init }));
}

export function submitWalkIn(walkIn: WalkIn): Promise<Outcome<WalkInResponse>> {
  const { slug, ...body } = walkIn;
  return attempt(() => api.api.events[':slug']['walk-ins'].$post({ param: { slug }, json: body }));
}

/** The cancelled or waitlisted person at the door: register again or promote, by the seat rules, and check in. */
export function submitAdmit(
  slug: string,
  registrationId: string,
  scan: { deviceId: string; clientId: string; deskId: string },
): Promise<Outcome<CheckinResponse>> {
  return attempt(() =>
    api.api.events[':slug'].registrations[':id'].admit.$post({ param: { slug, id: registrationId }, json: scan }),
  );
}
