// The typed API client: routes and response types come from the Worker through Hono's hc<AppType> (its types; the
// calls run through api-client.ts).
import type { ClientResponse, hc, InferResponseType, parseResponse } from 'hono/client';
import type { AppType } from '../../worker/app';
import type { ErrorBody, ErrorCode } from '../../worker/http/errors';
import { apiClient } from './api-client';
import { locale } from './i18n';

/** Every call says the app's language (not the browser's), so the API's errors come back in the words on screen. */
export const api = apiClient<ReturnType<typeof hc<AppType>>>({ headers: () => ({ 'accept-language': locale() }) });

export type PublicEvent = InferResponseType<(typeof api.api.events)[':slug']['$get'], 200>['event'];

/** What a page can be told went wrong: one of the API's codes, or 'network' when no API answer came back. */
export type FailureCode = ErrorCode | 'network';

/** The API's one error shape, surfaced to pages as a thrown ApiFailure. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: FailureCode,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The body a route answers with when it succeeds (any 2xx), as the Worker's handlers type it: the same type as hono's parseResponse. */
export type Answer<R extends ClientResponse<unknown>> = Awaited<ReturnType<typeof parseResponse<R>>>;
/** The same, named by the client method: `Success<typeof api.api.auth.me.$get>`. */
export type Success<F extends (...args: any[]) => Promise<ClientResponse<unknown>>> = Answer<Awaited<ReturnType<F>>>;

/**
 * The body of a call through `api`, typed from the route; any other status throws an ApiFailure with the API's code.
 * A fetch that fails (offline, aborted) throws its own error, so pages can tell "no answer" from "the answer is no".
 */
export async function read<R extends ClientResponse<unknown>>(response: R | Promise<R>): Promise<Answer<R>> {
  const res = await response;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* empty or not JSON */
  }
  if (!res.ok) {
    const error = (body as Partial<ErrorBody> | null)?.error;
    throw new ApiFailure(res.status, error?.code ?? 'network', error?.message ?? `HTTP ${res.status}`, error?.fields);
  }
  // The one place a body meets its type: the route's own, inferred through hc<AppType>, never one written here.
  return body as Answer<R>;
}

/** GET /api/tickets/:code, and the answer to cancelling one. */
export type Ticket = InferResponseType<(typeof api.api.tickets)[':code']['$get'], 200>['ticket'];
