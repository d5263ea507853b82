// The one error shape, { error: { code, message, fields? } }, and the handler that produces it.
import type { Context } from 'hono';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Not found') => new ApiError(404, 'not_found', what);

const codeForStatus: Record<number, string> = {
  400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed',
  409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited',
};

export function errorBody(code: string, message: string, fields?: FieldErrors) {
  return { error: fields ? { code, message, fields } : { code, message } };
}

export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.fields), err.status);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return c.json(errorBody(codeForStatus[status] ?? 'error', err.message || 'Request failed'), status);
  }
  console.error('unhandled', c.req.method, c.req.routePath, loggable(err));
  return c.json(errorBody('internal', 'Something went wrong on our side. Nothing was saved twice; please try again.'), 500);
}

/**
 * An error as it may be logged: its name and message only, so request bodies never reach the log. A failed
 * drizzle query's message lists the query's parameters (names, addresses, email bodies): the query and the
 * driver's own message stand in for it.
 */
export function loggable(err: unknown): string {
  if (err instanceof DrizzleQueryError) return `${err.name} ${err.query} (${loggable(err.cause)})`;
  if (err instanceof Error) return `${err.name} ${err.message}`;
  return typeof err;
}
