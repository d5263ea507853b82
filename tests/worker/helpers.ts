// Calls the real Worker the way a browser would, waits for its after-response work, and reads JSON back.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { Bindings } from '../../worker/env';
import type { ErrorBody } from '../../worker/http/errors';
import worker from '../../worker/index';
import type { RouteOf, RouteSuccess } from './route-types';

export const ORIGIN = 'http://localhost:8787';

/**
 * What call() gives back for a path and method: a JSON route's success body as its handler types it, with the one
 * error shape beside it (a response has one or the other; the test's status assertion says which); a route that
 * answers text or a raw Response gives its text; a path no route serves gives the error shape (the Worker's 404).
 * A path built at run time (typed string) is unknown: the test says what it expects.
 */
export type Body<P extends string, M extends string> = string extends P
  ? unknown
  : [RouteOf<P>] extends [never]
    ? ErrorBody
    : [RouteSuccess<P, M>] extends [never]
      ? string & ErrorBody
      : Answer<RouteSuccess<P, M>>;
type Answer<E> = E extends { outputFormat: 'json'; output: infer O } ? O & ErrorBody : string & ErrorBody;

export async function call<P extends string, M extends string = 'GET'>(
  path: P,
  init: Omit<RequestInit, 'method'> & { method?: M; json?: unknown } = {},
  bindings: Partial<Bindings> = {},
): Promise<{ status: number; headers: Headers; body: Body<P, M> }> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) {
    headers.set('content-type', 'application/json');
    if (!headers.has('origin')) headers.set('origin', ORIGIN);
  }
  const ctx = createExecutionContext();
  const request = new Request(ORIGIN + path, {
    ...rest,
    headers,
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  const res = await worker.fetch(request as never, { ...env, ...bindings }, ctx);
  // Emails are sent after the response (waitUntil); a test sees the state once that work is done.
  await waitOnExecutionContext(ctx);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  // The body meets its type here, once: the route's own, found from the path (route-types.ts).
  return { status: res.status, headers: res.headers, body: body as Body<P, M> };
}

/** Signs a staff member in the way a person does: ask for a link, open it from the email. Returns the Cookie header. */
export async function signIn(email: string): Promise<string> {
  const asked = await call('/api/auth/sign-in', { method: 'POST', json: { email } });
  if (asked.status !== 202) throw new Error(`sign-in answered ${asked.status}`);
  const row = await env.DB.prepare(
    `SELECT payload FROM emails WHERE kind = 'sign_in' AND "to" = ? ORDER BY created_at DESC LIMIT 1`,
  )
    .bind(email.toLowerCase())
    .first<{ payload: string }>();
  const link = new URL(JSON.parse(row!.payload).link);
  const opened = await call(link.pathname + link.search, { redirect: 'manual' });
  const cookie = opened.headers.get('set-cookie');
  if (opened.status !== 302 || !cookie) throw new Error(`verify answered ${opened.status}`);
  return cookie.split(';')[0]!;
}

type Manageable = { ticketCode: string; manageUrl: string };
const manageToken = (r: Manageable) => new URL(r.manageUrl).searchParams.get('m');

/** Cancels as the attendee does: with the token from the management link in their email, not the badge's code. */
export const cancelTicket = (r: Manageable) =>
  call(`/api/tickets/${r.ticketCode}/cancel`, { method: 'POST', json: { token: manageToken(r) } });

/** "Delete my data", with the emailed management link's token. */
export const eraseTicket = (r: Manageable) =>
  call(`/api/tickets/${r.ticketCode}/delete`, { method: 'POST', json: { token: manageToken(r) } });
