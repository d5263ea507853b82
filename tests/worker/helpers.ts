// Calls the real Worker the way a browser would, waits for its after-response work, and reads JSON back.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { Bindings } from '../../worker/env';
import worker from '../../worker/index';

export const ORIGIN = 'http://localhost:8787';

export async function call(
  path: string,
  init: RequestInit & { json?: unknown } = {},
  bindings: Partial<Bindings> = {},
) {
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
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body };
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
