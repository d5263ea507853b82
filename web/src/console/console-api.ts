// The organiser API the console calls, through the typed client; every failure surfaces as an ApiFailure or a network TypeError.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, ApiFailure, readJson } from '../api';
import { locale } from '../i18n';

export type StaffRole = { eventSlug: string; role: 'organiser' | 'desk' };
export type Staff = { email: string; name: string; roles: StaffRole[] };

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
export type OverlapWarning = { code: string; sessionIds: string[] };
export type MoveResult = InferResponseType<(typeof events)['sessions'][':id']['move']['$post'], 200>;

/** The signed-in staff member, or null without a session (401); a network failure throws. */
export async function getMe(): Promise<Staff | null> {
  try {
    return (await readJson<{ staff: Staff }>(await api.api.auth.me.$get())).staff;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 401) return null;
    throw e;
  }
}

export async function signOut(): Promise<void> {
  await readJson<unknown>(
    await api.api.auth['sign-out'].$post({}, { headers: { 'content-type': 'application/json' }, init: { body: '{}' } }),
  );
}

export async function listEvents() {
  return (await readJson<{ events: ConsoleEventSummary[] }>(await api.api.console.events.$get())).events;
}

export async function getEvent(slug: string) {
  return (await readJson<{ event: ConsoleEvent }>(await api.api.console.events[':slug'].$get({ param: { slug } })))
    .event;
}

export async function createEvent(json: EventCreate) {
  return (await readJson<{ event: { slug: string; id: string } }>(await api.api.events.$post({ json }))).event;
}

export async function updateEvent(slug: string, json: EventPatch) {
  return (await readJson<{ event: unknown }>(await events.$patch({ param: { slug }, json }))).event;
}

export async function createSession(slug: string, json: SessionCreate) {
  return readJson<{ session: { id: string }; warnings: OverlapWarning[] }>(
    await events.sessions.$post({ param: { slug }, json }),
  );
}

export async function updateSession(slug: string, id: string, json: SessionPatch) {
  return readJson<{ warnings: OverlapWarning[] }>(await events.sessions[':id'].$patch({ param: { slug, id }, json }));
}

export async function deleteSession(slug: string, id: string) {
  await readJson<unknown>(await events.sessions[':id'].$delete({ param: { slug, id } }));
}

/** One atomic move on the server: the item swaps with its neighbour (times and place) in one statement. */
export async function moveSession(slug: string, id: string, direction: 'earlier' | 'later') {
  return readJson<MoveResult>(await events.sessions[':id'].move.$post({ param: { slug, id }, json: { direction } }));
}

export async function reorderSessions(slug: string, ids: string[]) {
  await readJson<unknown>(await events.sessions.reorder.$post({ param: { slug }, json: { ids } }));
}

export async function assignPeople(slug: string, id: string, people: Assignment[]) {
  return readJson<{ warnings: OverlapWarning[] }>(
    await events.sessions[':id'].people.$put({ param: { slug, id }, json: { people } }),
  );
}

export async function createPerson(slug: string, json: PersonCreate) {
  return (await readJson<{ person: { id: string } }>(await events.people.$post({ param: { slug }, json }))).person;
}

export async function updatePerson(slug: string, id: string, json: PersonPatch) {
  await readJson<unknown>(await events.people[':id'].$patch({ param: { slug, id }, json }));
}

export async function deletePerson(slug: string, id: string) {
  await readJson<unknown>(await events.people[':id'].$delete({ param: { slug, id } }));
}

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** The photo route takes the image's raw bytes, so it goes through fetch rather than the JSON client. */
export async function uploadPhoto(slug: string, id: string, file: Blob) {
  const res = await fetch(`/api/events/${encodeURIComponent(slug)}/people/${encodeURIComponent(id)}/photo`, {
    method: 'POST',
    body: file,
    credentials: 'same-origin',
    headers: { 'content-type': file.type },
  });
  return (await readJson<{ photoUrl: string }>(res)).photoUrl;
}

export async function listRegistrations(slug: string, query: RegistrationQuery, signal?: AbortSignal) {
  return readJson<RegistrationPage>(await events.registrations.$get({ param: { slug }, query }, { init: { signal } }));
}

export async function updateRegistration(slug: string, id: string, json: RegistrationPatch) {
  await readJson<unknown>(await events.registrations[':id'].$patch({ param: { slug, id }, json }));
}

export type RegistrationAction = 'cancel' | 'promote' | 'reissue';

export async function registrationAction(slug: string, id: string, action: RegistrationAction) {
  const route = events.registrations[':id'][action];
  await readJson<unknown>(await route.$post({ param: { slug, id } }));
}

export const csvUrl = (slug: string) => `/api/events/${encodeURIComponent(slug)}/registrations.csv`;

/** Rows per CSV request: each request stays well inside the free plan's 10 ms of CPU however large the event is (see the bench). */
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
    const res: Response = await fetch(
      `${csvUrl(slug)}?limit=${CSV_PAGE_ROWS}&lang=${locale()}${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      { signal, credentials: 'same-origin' },
    );
    if (!res.ok) await readJson<unknown>(res); // throws the API's error
    if (!after) total = Number(res.headers.get('x-total-count') ?? 0);
    parts.push(await res.arrayBuffer());
    after = res.headers.get('x-next-cursor');
    rows = after ? Math.min(total, rows + CSV_PAGE_ROWS) : total;
    onProgress(rows, total);
  } while (after);
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

export async function getDashboard(slug: string) {
  return readJson<Dashboard>(await events.dashboard.$get({ param: { slug } }));
}

export async function getStats(slug: string) {
  return readJson<Stats>(await events.stats.$get({ param: { slug } }));
}

export async function getAudit(slug: string) {
  return (await readJson<{ entries: AuditEntry[] }>(await events.audit.$get({ param: { slug } }))).entries;
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
  return (await readJson<{ templates: MessageTemplates }>(await events.messages.templates.$get({ param: { slug } })))
    .templates;
}

export async function previewMessage(slug: string, json: MessagePreviewInput, signal?: AbortSignal) {
  return readJson<MessagePreview>(await events.messages.preview.$post({ param: { slug }, json }, { init: { signal } }));
}

export async function testMessage(slug: string, json: MessagePreviewInput) {
  return readJson<{ sentTo: string }>(await events.messages.test.$post({ param: { slug }, json }));
}

export async function sendMessage(slug: string, json: MessageCompose) {
  return (
    await readJson<{ message: { id: string; recipients: number } }>(
      await events.messages.$post({ param: { slug }, json }),
    )
  ).message;
}

export async function listMessages(slug: string) {
  return (await readJson<{ messages: MessageSummary[] }>(await events.messages.$get({ param: { slug } }))).messages;
}

export async function getMessage(slug: string, id: string) {
  return readJson<MessageDetail>(await events.messages[':id'].$get({ param: { slug, id } }));
}

/** Whether this server keeps emails in the development mailbox (local development only; HEAD costs no rendering). */
export async function hasDevMailbox(): Promise<boolean> {
  try {
    return (await api.api.dev.mailbox.$get(undefined, { init: { method: 'HEAD' } })).ok;
  } catch {
    return false;
  }
}

export type PairingCreate = InferRequestType<(typeof events)['pairings']['$post']>['json'];
export type Pairing = InferResponseType<(typeof events)['pairings']['$get'], 200>['pairings'][number];
export type NewPairing = InferResponseType<(typeof events)['pairings']['$post'], 201>;
export type CheckinConflict = InferResponseType<
  (typeof events)['checkins']['conflicts']['$get'],
  200
>['conflicts'][number];

export async function createPairing(slug: string, json: PairingCreate) {
  return readJson<NewPairing>(await events.pairings.$post({ param: { slug }, json }));
}

export async function listPairings(slug: string) {
  return (await readJson<{ pairings: Pairing[] }>(await events.pairings.$get({ param: { slug } }))).pairings;
}

export async function revokePairing(slug: string, id: string) {
  return (await readJson<{ revokedDevices: number }>(await events.pairings[':id'].$delete({ param: { slug, id } })))
    .revokedDevices;
}

export async function getConflicts(slug: string) {
  return (await readJson<{ conflicts: CheckinConflict[] }>(await events.checkins.conflicts.$get({ param: { slug } })))
    .conflicts;
}

/** The badge sheets page (built by the desk side); ids narrow it to some registrations. */
export const badgesUrl = (slug: string, ids?: string[]) =>
  `/badges/${encodeURIComponent(slug)}${ids?.length ? `?ids=${ids.map(encodeURIComponent).join(',')}` : ''}`;
