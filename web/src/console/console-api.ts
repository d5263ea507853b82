// The organiser API the console calls, through the typed client; every failure surfaces as an ApiFailure or a network TypeError.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, read, type Success } from '../api';
import { locale } from '../i18n';

// Who is signed in lives in the one staff module; the console reaches it through here.
export { getMe, hasDevMailbox, signOut, type Staff, type StaffRole } from '../staff/staff-api';

const events = api.api.events[':slug'];
export type ConsoleEvent = InferResponseType<(typeof api.api.console.events)[':slug']['$get'], 200>['event'];
export type ConsoleEventSummary = InferResponseType<typeof api.api.console.events.$get, 200>['events'][number];
export type Session = ConsoleEvent['sessions'][number];
export type Person = ConsoleEvent['people'][number];
export type Dashboard = InferResponseType<(typeof events)['dashboard']['$get'], 200>;
export type Stats = InferResponseType<(typeof events)['stats']['$get'], 200>;
export type RegistrationPage = InferResponseType<(typeof events)['registrations']['$get'], 200>;
export type Registration = RegistrationPage['registrations'][number];
export type AuditEntry = InferResponseType<(typeof events)['audit']['$get'], 200>['entries'][number];

export type EventCreate = InferRequestType<typeof api.api.events.$post>['json'];
export type EventPatch = InferRequestType<(typeof events)['$patch']>['json'];
export type SessionCreate = InferRequestType<(typeof events)['sessions']['$post']>['json'];
export type SessionPatch = InferRequestType<(typeof events)['sessions'][':id']['$patch']>['json'];
export type Assignment = InferRequestType<
  (typeof events)['sessions'][':id']['people']['$put']
>['json']['people'][number];
export type PersonCreate = InferRequestType<(typeof events)['people']['$post']>['json'];
export type PersonPatch = InferRequestType<(typeof events)['people'][':id']['$patch']>['json'];
export type RegistrationQuery = InferRequestType<(typeof events)['registrations']['$get']>['query'];
export type RegistrationPatch = InferRequestType<(typeof events)['registrations'][':id']['$patch']>['json'];
export type AgendaWarning = ConsoleEvent['warnings'][number];
export type OverlapWarning = Success<(typeof events)['sessions'][':id']['$patch']>['warnings'][number];
export type MoveResult = InferResponseType<(typeof events)['sessions'][':id']['move']['$post'], 200>;

export async function listEvents() {
  return (await read(api.api.console.events.$get())).events;
}

export async function getEvent(slug: string) {
  return (await read(api.api.console.events[':slug'].$get({ param: { slug } }))).event;
}

export async function createEvent(json: EventCreate) {
  return (await read(api.api.events.$post({ json }))).event;
}

export async function updateEvent(slug: string, json: EventPatch) {
  return (await read(events.$patch({ param: { slug }, json }))).event;
}

export async function createSession(slug: string, json: SessionCreate) {
  return read(events.sessions.$post({ param: { slug }, json }));
}

export async function updateSession(slug: string, id: string, json: SessionPatch) {
  return read(events.sessions[':id'].$patch({ param: { slug, id }, json }));
}

export async function deleteSession(slug: string, id: string) {
  await read(events.sessions[':id'].$delete({ param: { slug, id } }));
}

/** One atomic move on the server: the item swaps with its neighbour (times and place) in one statement. */
export async function moveSession(slug: string, id: string, direction: 'earlier' | 'later') {
  return read(events.sessions[':id'].move.$post({ param: { slug, id }, json: { direction } }));
}

export async function reorderSessions(slug: string, ids: string[]) {
  await read(events.sessions.reorder.$post({ param: { slug }, json: { ids } }));
}

export async function assignPeople(slug: string, id: string, people: Assignment[]) {
  return read(events.sessions[':id'].people.$put({ param: { slug, id }, json: { people } }));
}

export async function createPerson(slug: string, json: PersonCreate) {
  return (await read(events.people.$post({ param: { slug }, json }))).person;
}

export async function updatePerson(slug: string, id: string, json: PersonPatch) {
  await read(events.people[':id'].$patch({ param: { slug, id }, json }));
}

export async function deletePerson(slug: string, id: string) {
  await read(events.people[':id'].$delete({ param: { slug, id } }));
}

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** The photo route takes the image's raw bytes: the client sends them as the body in place of JSON. */
export async function uploadPhoto(slug: string, id: string, file: Blob) {
  const res = events.people[':id'].photo.$post(
    { param: { slug, id } },
    { headers: { 'content-type': file.type }, init: { body: file } },
  );
  return (await read(res)).photoUrl;
}

export async function listRegistrations(slug: string, query: RegistrationQuery, signal?: AbortSignal) {
  return read(events.registrations.$get({ param: { slug }, query }, { init: { signal } }));
}

export async function updateRegistration(slug: string, id: string, json: RegistrationPatch) {
  await read(events.registrations[':id'].$patch({ param: { slug, id }, json }));
}

export type RegistrationAction = 'cancel' | 'promote' | 'reissue';

export async function registrationAction(slug: string, id: string, action: RegistrationAction) {
  const route = events.registrations[':id'][action];
  await read(route.$post({ param: { slug, id } }));
}

export const csvUrl = (slug: string) => `/api/events/${encodeURIComponent(slug)}/registrations.csv`;

/**
 * Rows per CSV request, so each request's cost is bounded however large the event is. The bench's figure for one
 * page (about 15–18 ms) is the local workerd process, D1's SQLite included; the Worker's own JS for the rows is 3–4 ms.
 */
export const CSV_PAGE_ROWS = 250;

/**
 * The whole CSV, fetched a page at a time and appended in order (the first page carries the BOM and header).
 * `onProgress(rows, total)` after each page.
 */
export async function downloadCsv(
  slug: string,
  onProgress: (rows: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Blob> {
  // Bytes, not text(): decoding would drop the first page's BOM, which Excel needs to read the Chinese.
  const parts: ArrayBuffer[] = [];
  let after: string | null = null;
  let rows = 0;
  let total = 0;
  do {
    // In the organiser's language: headers, statuses, roles and desk names.
    const query = { limit: String(CSV_PAGE_ROWS), lang: locale(), ...(after ? { after } : {}) };
    const res = await events['registrations.csv'].$get({ param: { slug }, query }, { init: { signal } });
    if (!res.ok) await read(res); // throws the API's error
    if (!after) total = Number(res.headers.get('x-total-count') ?? 0);
    parts.push(await res.arrayBuffer());
    after = res.headers.get('x-next-cursor');
    rows = after ? Math.min(total, rows + CSV_PAGE_ROWS) : total;
    onProgress(rows, total);
  } while (after);
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

export async function getDashboard(slug: string) {
  return read(events.dashboard.$get({ param: { slug } }));
}

export async function getStats(slug: string) {
  return read(events.stats.$get({ param: { slug } }));
}

export async function getAudit(slug: string) {
  return (await read(events.audit.$get({ param: { slug } }))).entries;
}

export type MessageCompose = InferRequestType<(typeof events)['messages']['$post']>['json'];
export type Audience = MessageCompose['audience'];
export type MessagePreviewInput = InferRequestType<(typeof events)['messages']['preview']['$post']>['json'];
export type MessagePreview = InferResponseType<(typeof events)['messages']['preview']['$post'], 200>;
export type MessageTemplates = InferResponseType<(typeof events)['messages']['templates']['$get'], 200>['templates'];
export type MessageTemplate = MessageTemplates['en'][number];
export type MessageSummary = InferResponseType<(typeof events)['messages']['$get'], 200>['messages'][number];
export type MessageDetail = InferResponseType<(typeof events)['messages'][':id']['$get'], 200>;
export type Delivery = MessageDetail['deliveries'][number];

export async function getTemplates(slug: string) {
  return (await read(events.messages.templates.$get({ param: { slug } }))).templates;
}

export async function previewMessage(slug: string, json: MessagePreviewInput, signal?: AbortSignal) {
  return read(events.messages.preview.$post({ param: { slug }, json }, { init: { signal } }));
}

export async function testMessage(slug: string, json: MessagePreviewInput) {
  return read(events.messages.test.$post({ param: { slug }, json }));
}

export async function sendMessage(slug: string, json: MessageCompose) {
  return (await read(events.messages.$post({ param: { slug }, json }))).message;
}

export async function listMessages(slug: string) {
  return (await read(events.messages.$get({ param: { slug } }))).messages;
}

export async function getMessage(slug: string, id: string) {
  return read(events.messages[':id'].$get({ param: { slug, id } }));
}

export type PairingCreate = InferRequestType<(typeof events)['pairings']['$post']>['json'];
export type Pairing = InferResponseType<(typeof events)['pairings']['$get'], 200>['pairings'][number];
export type NewPairing = InferResponseType<(typeof events)['pairings']['$post'], 201>;
export type CheckinConflict = InferResponseType<
  (typeof events)['checkins']['conflicts']['$get'],
  200
>['conflicts'][number];

export async function createPairing(slug: string, json: PairingCreate) {
  return read(events.pairings.$post({ param: { slug }, json }));
}

export async function listPairings(slug: string) {
  return (await read(events.pairings.$get({ param: { slug } }))).pairings;
}

export async function revokePairing(slug: string, id: string) {
  return (await read(events.pairings[':id'].$delete({ param: { slug, id } }))).revokedDevices;
}

export async function getConflicts(slug: string) {
  return (await read(events.checkins.conflicts.$get({ param: { slug } }))).conflicts;
}

/** The badge sheets page (built by the desk side); ids narrow it to some registrations. */
export const badgesUrl = (slug: string, ids?: string[]) =>
  `/badges/${encodeURIComponent(slug)}${ids?.length ? `?ids=${ids.map(encodeURIComponent).join(',')}` : ''}`;
