// Request guards for every API write: same origin (CSRF), JSON only, size and depth limits.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ApiError } from './errors';
import { originOf } from './origin';

export const MAX_BODY_BYTES = 64 * 1024;
const MAX_JSON_DEPTH = 16;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v && typeof v === 'object') {
      if (d > limit) return true;
      for (const child of Object.values(v)) stack.push([child, d + 1]);
    }
  }
  return false;
}

/** Webhooks come from other origins by design and check their own signatures. */
const isWebhook = (path: string) => path.startsWith('/api/webhooks/');
/** Photo, seal and material uploads send a file's bytes, size-checked (and, for materials, streamed) by their route. */
const isUpload = (path: string) =>
  path.endsWith('/photo') || path.endsWith('/certificates/seal') || path.endsWith('/materials/file');

export const writeGuards = createMiddleware<AppEnv>(async (c, next) => {
  if (!WRITE_METHODS.has(c.req.method) || isWebhook(c.req.path)) return next();

  // A browser always sends Origin on cross-origin writes; Sec-Fetch-Site tells the same when present.
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  if ((origin && origin !== originOf(c.req.url)) || site === 'cross-site') {
    throw new ApiError(403, 'cross_origin', 'Cross-origin requests may not change data.');
  }

  if (isUpload(c.req.path)) return next();

  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new ApiError(413, 'payload_too_large', 'The request body is larger than 64 KB.');
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const text = await c.req.text();
  // A UTF-16 code unit is at most 3 UTF-8 bytes: only a long text needs encoding to know its size.
  if (text.length * 3 > MAX_BODY_BYTES && new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) {
    throw new ApiError(413, 'payload_too_large', 'The request body is larger than 64 KB.');
  }
  if (text.length === 0 && type === '') return next();
  if (type !== 'application/json')
    throw new ApiError(415, 'unsupported_media_type', 'Send JSON with content-type: application/json.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (depthExceeds(parsed, MAX_JSON_DEPTH)) throw new ApiError(400, 'too_deep', 'The JSON is nested too deeply.');
  await next();
});
