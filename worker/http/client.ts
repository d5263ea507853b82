// Who is calling: the client IP that Cloudflare (and wrangler dev) put on every request.
import type { Context } from 'hono';

export const clientIp = (c: Context) => c.req.header('cf-connecting-ip') ?? null;
