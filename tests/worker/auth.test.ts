// Passwordless staff sign-in: the link, the session cookie, sign-out, expiry and rate limits.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, ORIGIN, signIn } from './helpers';

const latestLink = async (email: string) => {
  const row = await env.DB.prepare(
    `SELECT payload FROM emails WHERE kind = 'sign_in' AND "to" = ? ORDER BY created_at DESC LIMIT 1`,
  )
    .bind(email)
    .first<{ payload: string }>();
  return row ? new URL(JSON.parse(row.payload).link) : null;
};

describe('staff sign-in', () => {
  it('always answers 202, and only staff get a link', async () => {
    const staff = await call('/api/auth/sign-in', { method: 'POST', json: { email: 'Desk@Colloquy.test' } });
    const stranger = await call('/api/auth/sign-in', { method: 'POST', json: { email: 'stranger@example.org' } });
    expect([staff.status, stranger.status]).toEqual([202, 202]);
    expect(staff.body).toEqual(stranger.body);
    expect(await latestLink('desk@colloquy.test')).not.toBeNull();
    expect(await latestLink('stranger@example.org')).toBeNull();
  });

  it('the emailed link sets an HttpOnly, SameSite=Lax session cookie and /me shows the roles', async () => {
    await call('/api/auth/sign-in', { method: 'POST', json: { email: 'organiser@colloquy.test', next: '/console' } });
    const link = (await latestLink('organiser@colloquy.test'))!;
    const opened = await call(link.pathname + link.search, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe('/console');
    const cookie = opened.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await call('/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(me.body.staff).toEqual({
      email: 'organiser@colloquy.test',
      name: 'Demo organiser',
      roles: expect.arrayContaining([
        expect.objectContaining({ eventSlug: 'cell-therapy-autoimmune-2026', role: 'organiser' }),
        expect.objectContaining({ eventSlug: 'cell-therapy-autoimmune-next', role: 'organiser' }),
      ]),
    });
    expect(me.body.staff.roles).toHaveLength(2);
    // Each event by its name and day, for the desk's list of events (not by its address).
    const seminar = me.body.staff.roles.find(
      (r: { eventSlug: string }) => r.eventSlug === 'cell-therapy-autoimmune-2026',
    );
    expect(seminar).toEqual({
      eventSlug: 'cell-therapy-autoimmune-2026',
      role: 'organiser',
      title: { zh: '细胞治疗治疗自身免疫性疾病学术交流会', en: 'Cell therapy for autoimmune diseases' },
      startsAt: '2026-01-22T14:00:00+08:00',
      timezone: 'Asia/Shanghai',
    });
    // The link works once.
    const again = await call(link.pathname + link.search, { redirect: 'manual' });
    expect(again.headers.get('location')).toMatch(/^\/sign-in\?error=link_expired/);
  });

  it('a link older than 15 minutes does not sign in', async () => {
    await call('/api/auth/sign-in', { method: 'POST', json: { email: 'desk@colloquy.test' } });
    const link = (await latestLink('desk@colloquy.test'))!;
    await env.DB.prepare(`UPDATE sign_in_tokens SET expires_at = ? WHERE used_at IS NULL`)
      .bind(Date.now() - 1)
      .run();
    const opened = await call(link.pathname + link.search, { redirect: 'manual' });
    expect(opened.headers.get('set-cookie')).toBeNull();
    expect(opened.headers.get('location')).toMatch(/link_expired/);
  });

  it('lists the next event first, so /desk and the console open the edition still to come, not the one that has ended', async () => {
    const cookie = await signIn('desk@colloquy.test');
    const me = await call('/api/auth/me', { headers: { cookie } });
    expect(me.body.staff.roles.map((r: { eventSlug: string }) => r.eventSlug).slice(0, 2)).toEqual([
      'cell-therapy-autoimmune-next',
      'cell-therapy-autoimmune-2026',
    ]);
  });

  it('never redirects off-site, even from a link whose next was tampered with', async () => {
    await call('/api/auth/sign-in', {
      method: 'POST',
      json: { email: 'desk@colloquy.test', next: '//evil.example/x' },
    });
    expect((await latestLink('desk@colloquy.test'))!.searchParams.get('next')).toBe('/desk');

    // Where a browser would go: Location resolved against the page, as the WHATWG URL parser does (it drops
    // tabs and newlines, and reads a backslash as a slash).
    const lands = (location: string | null) => new URL(location!, ORIGIN).origin;
    const tampered = [
      '//evil.example/x',
      '/\\evil.example/x',
      'https://evil.example/x',
      '/\t/evil.example/x',
      '/\n/evil.example',
      '\\/evil.example',
    ];
    const lots = { SIGN_IN_PER_EMAIL_PER_MINUTE: '100' };
    for (const next of tampered) {
      await call('/api/auth/sign-in', { method: 'POST', json: { email: 'organiser@colloquy.test' } }, lots);
      const link = (await latestLink('organiser@colloquy.test'))!;
      link.searchParams.set('next', next);
      const opened = await call(link.pathname + link.search, { redirect: 'manual' });
      // Refused before the link is spent: no session and no redirect anywhere.
      expect(
        [opened.status, opened.headers.get('set-cookie'), opened.headers.get('location')],
        JSON.stringify(next),
      ).toEqual([400, null, null]);
      // The same link, untampered, still signs in, and its redirect stays on the site.
      link.searchParams.set('next', '/desk');
      const good = await call(link.pathname + link.search, { redirect: 'manual' });
      expect(good.headers.get('set-cookie'), JSON.stringify(next)).toMatch(/colloquy_session=/);
      expect([good.status, lands(good.headers.get('location'))], JSON.stringify(next)).toEqual([302, ORIGIN]);
    }
    // A tampered next that stays on the site is honoured.
    await call('/api/auth/sign-in', { method: 'POST', json: { email: 'organiser@colloquy.test' } }, lots);
    const link = (await latestLink('organiser@colloquy.test'))!;
    link.searchParams.set('next', '/console/cell-therapy-autoimmune-2026/registrations?q=chen');
    expect((await call(link.pathname + link.search, { redirect: 'manual' })).headers.get('location')).toBe(
      '/console/cell-therapy-autoimmune-2026/registrations?q=chen',
    );
  });

  it('/me is 401 without a session, and sign-out revokes the session', async () => {
    expect((await call('/api/auth/me')).status).toBe(401);
    const cookie = await signIn('desk@colloquy.test');
    expect((await call('/api/auth/me', { headers: { cookie } })).status).toBe(200);
    expect((await call('/api/auth/sign-out', { method: 'POST', json: {}, headers: { cookie } })).status).toBe(200);
    expect((await call('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('sessions expire', async () => {
    const cookie = await signIn('desk@colloquy.test');
    await env.DB.prepare(`UPDATE staff_sessions SET expires_at = ?`)
      .bind(Date.now() - 1)
      .run();
    const { clearSessionCache } = await import('../../worker/auth/session');
    clearSessionCache();
    expect((await call('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('is rate-limited per email address', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await call('/api/auth/sign-in', { method: 'POST', json: { email: 'flood@example.org' } })).status);
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses.at(-1)).toBe(429);
  });

  it('OWNER_EMAIL becomes the first organiser of every event', async () => {
    const bindings = { OWNER_EMAIL: 'chief@hospital.example' };
    await call('/api/auth/sign-in', { method: 'POST', json: { email: 'chief@hospital.example' } }, bindings);
    const link = (await latestLink('chief@hospital.example'))!;
    const opened = await call(link.pathname + link.search, { redirect: 'manual' });
    const me = await call('/api/auth/me', { headers: { cookie: opened.headers.get('set-cookie')!.split(';')[0]! } });
    expect(me.body.staff.roles).toContainEqual(
      expect.objectContaining({ eventSlug: 'cell-therapy-autoimmune-2026', role: 'organiser' }),
    );
  });
});
