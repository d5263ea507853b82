// The site's own origin for links in emails, QR codes and redirects: PUBLIC_URL when set, never a forged Host.
import type { Bindings } from '../env';

type Ctx = { env: Bindings; req: { url: string } };

/** PUBLIC_URL's origin, or (in development, where it may be unset) the request's own. */
export function publicOrigin(c: Ctx): string {
  const configured = c.env.PUBLIC_URL?.trim();
  return configured ? new URL(configured).origin : new URL(c.req.url).origin;
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
