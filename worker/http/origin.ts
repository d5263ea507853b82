// The site's own origin for links in emails, QR codes and redirects: PUBLIC_URL when set, never a forged Host.
import type { Bindings } from '../env';

type Ctx = { env: Bindings; req: { url: string } };

const origins = new Map<string, string>();

/**
 * A URL's origin, remembered: a write asks for its request's origin up to three times (the same-origin guard, the
 * links it emails, the cache it clears), and hot routes repeat their URLs. At most 256 are kept: URLs carrying
 * ticket codes come and go.
 */
export function originOf(url: string): string {
  let origin = origins.get(url);
  if (origin === undefined) {
    origin = new URL(url).origin;
    if (origins.size >= 256) origins.clear();
    origins.set(url, origin);
  }
  return origin;
}

/** PUBLIC_URL's origin, or (in development, where it may be unset) the request's own. */
export function publicOrigin(c: Ctx): string {
  const configured = c.env.PUBLIC_URL?.trim();
  return originOf(configured || c.req.url);
}

/** Why this Worker must not serve, or null: production needs PUBLIC_URL, a valid http(s) URL. */
export function configProblem(env: Bindings): string | null {
  if (env.APP_ENV === 'development') return null;
  const url = env.PUBLIC_URL?.trim();
  if (!url) return 'PUBLIC_URL is not set: production builds every emailed link from it.';
  try {
    if (!/^https?:$/.test(new URL(url).protocol)) return 'PUBLIC_URL must be an http(s) URL.';
  } catch {
    return 'PUBLIC_URL is not a valid URL.';
  }
  return null;
}
