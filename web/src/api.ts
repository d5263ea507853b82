// The typed API client: routes and response types come from the Worker through Hono's hc<AppType>.
import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../worker/app';
import { locale } from './i18n';

/** Every call says the app's language (not the browser's), so the API's errors come back in the words on screen. */
export const api = hc<AppType>('/', { headers: () => ({ 'accept-language': locale() }) });

export type PublicEvent = InferResponseType<(typeof api.api.events)[':slug']['$get'], 200>['event'];

/** The API's one error shape, surfaced to pages as a thrown ApiFailure. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export async function readJson<T>(res: { ok: boolean; status: number; json(): Promise<unknown> }): Promise<T> {
  let body: any = null;
  try {
    body = await res.json();
  } catch {
    /* empty or not JSON */
  }
  if (!res.ok)
    throw new ApiFailure(
      res.status,
      body?.error?.code ?? 'network',
      body?.error?.message ?? `HTTP ${res.status}`,
      body?.error?.fields,
    );
  return body as T;
}

/** POST /api/events/:slug/registrations → 201. */
export type RegistrationResult = InferResponseType<(typeof api.api.events)[':slug']['registrations']['$post'], 201>;

/** GET /api/tickets/:code, and the answer to cancelling one. */
export type Ticket = InferResponseType<(typeof api.api.tickets)[':code']['$get'], 200>['ticket'];
