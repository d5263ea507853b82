// Issue 22: what an independent probe found, each closed and kept closed.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sameSitePath } from '../../worker/auth/next-path';
import { call } from './helpers';

const latestSignIn = async (email: string) => {
  const row = await env.DB.prepare(`SELECT payload FROM emails WHERE kind = 'sign_in' AND "to" = ? ORDER BY created_at DESC LIMIT 1`).bind(email).first<{ payload: string }>();
  return row ? new URL(JSON.parse(row.payload).link) : null;
};

describe('where sign-in lands (1: open redirect)', () => {
  it('accepts paths on this site and nothing that a browser would read as another site', () => {
    expect(sameSitePath(undefined)).toBe('/desk');
    expect(sameSitePath('/console?tab=people#x')).toBe('/console?tab=people#x');
    for (const bad of ['/\t/evil.example/landing', '/\n/evil.example', '/\r\n/evil.example', '//evil.example', '/\\evil.example', '/\\\\evil.example',
      'https://evil.example/', 'javascript:alert(1)', '\t//evil.example', '/x\u0000', ' //evil.example']) {
      expect(sameSitePath(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('refuses a sign-in request whose next hides another site behind a TAB, with 400 and no email', async () => {
    const res = await call('/api/auth/sign-in', { method: 'POST', json: { email: 'desk@colloquy.test', next: '/\t/evil.example/landing' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid');
    const link = await latestSignIn('desk@colloquy.test');
    expect(link?.searchParams.get('next') ?? null).not.toBe('/\t/evil.example/landing');
  });

  it('answers 400 to a link whose next was tampered with (TAB, CR/LF), and leaves the link usable', async () => {
    await call('/api/auth/sign-in', { method: 'POST', json: { email: 'organiser@colloquy.test', next: '/console' } });
    const link = (await latestSignIn('organiser@colloquy.test'))!;
    const token = link.searchParams.get('token')!;
    for (const next of ['/\t/evil.example/landing', '/x\r\nSet-Cookie: a=b', '/\\evil.example']) {
      const res = await call(`/api/auth/verify?token=${token}&next=${encodeURIComponent(next)}`, { redirect: 'manual' });
      expect(res.status, JSON.stringify(next)).toBe(400);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const opened = await call(link.pathname + link.search, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe('/console');
    expect(opened.headers.get('set-cookie')).toMatch(/HttpOnly/);
  });
});
