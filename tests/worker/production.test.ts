// The Worker as deployed (APP_ENV=production), through its own entry point: Secure cookies, no dev routes.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Bindings } from '../../worker/env';
import { call } from './helpers';

// PUBLIC_URL as a production install sets it (the cron's emails need it).
const production: Partial<Bindings> = { APP_ENV: 'production', PUBLIC_URL: 'https://colloquy.example' };
const SLUG = 'cell-therapy-autoimmune-2026';

async function signInLink(email: string) {
  const asked = await call('/api/auth/sign-in', { method: 'POST', json: { email } });
  expect(asked.status).toBe(202);
  const row = await env.DB.prepare(
    `SELECT payload FROM emails WHERE kind = 'sign_in' AND "to" = ? ORDER BY created_at DESC LIMIT 1`,
  )
    .bind(email)
    .first<{ payload: string }>();
  const link = new URL(JSON.parse(row!.payload).link);
  return link.pathname + link.search;
}

describe('in production', () => {
  it('the session cookie is Secure, HttpOnly and SameSite=Lax, and the session works', async () => {
    const opened = await call(await signInLink('organiser@colloquy.test'), { redirect: 'manual' }, production);
    expect(opened.status).toBe(302);
    const cookie = opened.headers.get('set-cookie')!;
    expect(cookie.split(/;\s*/)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^colloquy_session=/), 'Secure', 'HttpOnly', 'SameSite=Lax']),
    );
    const me = await call('/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } }, production);
    expect(me.body.staff.email).toBe('organiser@colloquy.test');
    // The same request in development over plain http gets no Secure flag (a browser would drop the cookie):
    // so the flag above comes from APP_ENV, not from the test's URL.
    const dev = await call(await signInLink('desk@colloquy.test'), { redirect: 'manual' });
    expect(dev.headers.get('set-cookie')!.split(/;\s*/)).not.toContain('Secure');
  });

  it('the dev mailbox and the bench probes are 404 in the one error shape', async () => {
    const probes = [
      ['/api/dev/mailbox', {}],
      ['/api/dev/d1-round-trip', {}],
      ['/api/dev/d1-write-round-trip', { method: 'POST', json: {} }],
      ['/api/dev/d1-insert-round-trip', { method: 'POST', json: {} }],
    ] as const;
    for (const [path, init] of probes) {
      const res = await call(path, init, production);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 404, 'not_found']);
      // In development they answer, so the 404 above is production's doing.
      expect([path, (await call(path, init)).status]).toEqual([path, 200]);
    }
  });

  it("responses carry no D1 cost header (that is development's meter)", async () => {
    const res = await call(`/api/events/${SLUG}/agenda.ics`, {}, production);
    expect(res.status).toBe(200);
    expect(res.headers.get('server-timing')).toBeNull();
    expect((await call(`/api/events/${SLUG}/agenda.ics`)).headers.get('server-timing')).toMatch(/round_trips=1/);
  });
});
