// Who is signed in, for the console, the desk, the badges and the sign-in page: one module, the types from the Worker's routes.
import { type Success, api, ApiFailure, read } from '../api';
import type { Locale } from '../i18n';

export type Staff = Success<typeof api.api.auth.me.$get>['staff'];
export type StaffRole = Staff['roles'][number];

const ME_KEY = 'colloquy.desk.me';

/** The last answers of the server, so a desk reloaded without a network still opens; every sync still needs a live session. */
export function remember(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* not kept: the desk then needs the network to open */
  }
}
export function recall<T>(key: string): T | null {
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

/**
 * The signed-in staff member, or null when there is no session (401); other failures throw. With `lastKnownOffline`
 * (the desk, the badges, the sign-in page), a network failure gives the last staff member this browser saw instead.
 */
export async function getMe({ lastKnownOffline = false } = {}): Promise<Staff | null> {
  try {
    const { staff } = await read(api.api.auth.me.$get());
    remember(ME_KEY, staff);
    return staff;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 401) {
      forget(ME_KEY);
      return null;
    }
    const known = lastKnownOffline && !(e instanceof ApiFailure) ? recall<Staff>(ME_KEY) : null;
    if (known) return known;
    throw e;
  }
}

/** Asks for a sign-in link, emailed in the reader's language and leading back to `next`; true when one was already asked for this address in the last hour. */
export async function requestSignIn(email: string, locale: Locale, next: string): Promise<boolean> {
  const { recentlySent } = await read(api.api.auth['sign-in'].$post({ json: { email, locale, next } }));
  return recentlySent;
}

export async function signOut(): Promise<void> {
  forget(ME_KEY);
  await read(
    api.api.auth['sign-out'].$post({}, { headers: { 'content-type': 'application/json' }, init: { body: '{}' } }),
  );
}

/** The dev mailbox answers only in local development, so its presence says where we are. HEAD costs no rendering. */
export async function hasDevMailbox(): Promise<boolean> {
  try {
    return (await api.api.dev.mailbox.$get(undefined, { init: { method: 'HEAD' } })).ok;
  } catch {
    return false;
  }
}
