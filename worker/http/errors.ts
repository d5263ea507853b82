// The one error shape, { error: { code, message, fields? } }, and the handler that produces it.
import type { Context } from 'hono';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { chinese, type Locale, localise, requestLocale } from './messages';

export type FieldErrors = Record<string, string>;

/** Every `error.code` the API answers with; the web compares against these, so a renamed code breaks its build. */
export type ErrorCode =
  | 'already_passed'
  | 'already_registered'
  | 'bad_request'
  | 'bad_signature'
  | 'cannot_move'
  | 'conflict'
  | 'cross_origin'
  | 'email_taken'
  | 'error'
  | 'evaluation_closed'
  | 'evaluation_not_open'
  | 'forbidden'
  | 'hourly_limit'
  | 'internal'
  | 'invalid'
  | 'invalid_json'
  | 'invitation_email_mismatch'
  | 'invitation_registered'
  | 'invitation_required'
  | 'manage_link_needed'
  | 'method_not_allowed'
  | 'misconfigured'
  | 'no_recipients'
  | 'no_tries_left'
  | 'not_eligible'
  | 'not_found'
  | 'not_pending'
  | 'not_waitlisted'
  | 'pairing_unavailable'
  | 'payload_too_large'
  | 'rate_limited'
  | 'rating_out_of_range'
  | 'registration_closed'
  | 'retention_not_over'
  | 'slug_taken'
  | 'too_deep'
  | 'unauthorized'
  | 'unknown_question'
  | 'unknown_target'
  | 'unsupported_media_type';

/** The body of every error response. */
export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors } };

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** Set where the language is already known (the validator read the body's `locale`). */
    readonly locale?: Locale,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Not found') => new ApiError(404, 'not_found', what);

const codeForStatus: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function errorBody(code: ErrorCode, message: string, fields?: FieldErrors): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** The error response, its message in the request's language (fields come translated from the validator). */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  fields?: FieldErrors,
  locale?: Locale,
) {
  const lang = locale ?? requestLocale(c, bodyLocale(c));
  c.header('content-language', lang);
  c.header('vary', 'accept-language', { append: true });
  const shown =
    fields && lang === 'zh-CN'
      ? Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, chinese(v) ?? v]))
      : fields;
  return c.json(errorBody(code, localise(lang, code, message), shown), status);
}

/** The `locale` of a body the validator already read, so an attendee's later error speaks their language too. */
function bodyLocale(c: Context): unknown {
  try {
    return (c.req.valid('json' as never) as { locale?: unknown } | undefined)?.locale;
  } catch {
    return undefined;
  }
}

export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) return errorResponse(c, err.status, err.code, err.message, err.fields, err.locale);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return errorResponse(c, status, codeForStatus[status] ?? 'error', err.message || 'Request failed');
  }
  console.error('unhandled', c.req.method, c.req.routePath, loggable(err));
  return errorResponse(
    c,
    500,
    'internal',
    'Something went wrong on our side. Nothing was saved twice; please try again.',
  );
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
