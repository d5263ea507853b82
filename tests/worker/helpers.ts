// Calls the real Worker the way a browser would, and reads JSON back.
import { exports } from 'cloudflare:workers';

export const ORIGIN = 'http://localhost:8787';

export async function call(path: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) {
    headers.set('content-type', 'application/json');
    if (!headers.has('origin')) headers.set('origin', ORIGIN);
  }
  const res = await exports.default.fetch(new Request(ORIGIN + path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body }));
  const text = await res.text();
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, body };
}
