// Reliability: capacity and check-in under concurrency, races between cancellations and capacity changes,
// migrations upgrading a database with data in it, privacy duties, entropy and logs.
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeEvent, person, statusCounts } from './fixtures';
import { call, signIn } from './helpers';

let org: string;
let desk: string;
beforeAll(async () => {
  org = await signIn('organiser@colloquy.test');
  desk = await signIn('desk@colloquy.test');
});
afterEach(() => vi.restoreAllMocks());

const register = (slug: string, i: string | number) => call(`/api/events/${slug}/registrations`, { method: 'POST', json: person(i) });

async function organise(eventId: string) {
  await env.DB.prepare(`INSERT INTO staff_roles (staff_id, event_id, role) VALUES ('stf_demo_organiser', ?, 'organiser'), ('stf_demo_desk', ?, 'desk')`).bind(eventId, eventId).run().catch(() => {});
  const { clearSessionCache } = await import('../../worker/auth/session');
  clearSessionCache();
}

describe('concurrency', () => {
  it('500 concurrent registrations for 100 seats: exactly 100 confirmed and 400 waitlisted', async () => {
    const { id, slug } = await makeEvent(100);
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => register(slug, `c500-${i}`)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(await statusCounts(id)).toEqual({ confirmed: 100, waitlisted: 400 });
    expect(results.filter((r) => r.body.registration.status === 'confirmed')).toHaveLength(100);
  }, 60_000);

  it('cancellations racing with registrations and capacity changes never oversell and never lose a waitlisted person', async () => {
    const { id, slug } = await makeEvent(30);
    await organise(id);
    const first = await Promise.all(Array.from({ length: 60 }, (_, i) => register(slug, `race-${i}`)));
    const codes = first.map((r) => r.body.registration.ticketCode as string);
    const ops: Promise<unknown>[] = [];
    const tokens = first.map((r) => new URL(r.body.registration.manageUrl).searchParams.get('m'));
    for (let i = 0; i < 20; i++) ops.push(call(`/api/tickets/${codes[i]}/cancel`, { method: 'POST', json: { token: tokens[i] } }));
    for (let i = 0; i < 40; i++) ops.push(register(slug, `race-late-${i}`));
    for (const capacity of [25, 40, 35, 50, 20]) ops.push(call(`/api/events/${slug}`, { method: 'PATCH', headers: { cookie: org }, json: { capacity } }));
    await Promise.all(ops);
    const [{ capacity }] = (await env.DB.prepare(`SELECT capacity FROM events WHERE id = ?`).bind(id).all<{ capacity: number }>()).results as [{ capacity: number }];
    const counts = await statusCounts(id);
    // Lowering capacity never un-confirms anyone, so the bound is the largest capacity the event had.
    expect(counts.confirmed).toBeLessThanOrEqual(50);
    expect(counts.cancelled).toBe(20);
    expect((counts.confirmed ?? 0) + (counts.waitlisted ?? 0) + counts.cancelled).toBe(100);
    // Settle: with the final capacity, nobody waits while a seat is free.
    await call(`/api/events/${slug}`, { method: 'PATCH', headers: { cookie: org }, json: { capacity } });
    const settled = await statusCounts(id);
    expect(settled.confirmed).toBeLessThanOrEqual(50);
    if ((settled.waitlisted ?? 0) > 0) expect(settled.confirmed).toBeGreaterThanOrEqual(capacity);
    expect((settled.confirmed ?? 0) + (settled.waitlisted ?? 0)).toBe(80);
  }, 60_000);

  it('one ticket scanned at four desks at once is checked in once', async () => {
    const r = (await register('cell-therapy-autoimmune-2026', 'four-desks')).body.registration;
    const scans = await Promise.all([1, 2, 3, 4].map((d) => call('/api/events/cell-therapy-autoimmune-2026/checkins', { method: 'POST', headers: { cookie: desk }, json: { code: r.ticketCode, deviceId: `dev-${d}`, clientId: `four-${d}`, deskId: `Desk ${d}` } })));
    expect(scans.filter((s) => s.body.result === 'checked_in')).toHaveLength(1);
    expect(scans.filter((s) => s.body.result === 'already_checked_in')).toHaveLength(3);
  });
});

describe('migrations', () => {
  it('upgrading a database made by every earlier migration keeps its data', async () => {
    const all = env.TEST_MIGRATIONS;
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (let k = 1; k < all.length; k++) {
      const db = env.MIGRATION_DB;
      // Start empty each round.
      let tables = (await db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'`).all<{ name: string }>()).results.map((t) => t.name);
      // Children before parents: a table whose drop fails on a reference is tried again in the next pass.
      for (let pass = 0; tables.length && pass < 20; pass++) {
        const left: string[] = [];
        for (const t of tables) await db.prepare(`DROP TABLE IF EXISTS "${t}"`).run().catch(() => left.push(t));
        tables = left;
      }
      await applyD1Migrations(db, all.slice(0, k));
      await db.batch([
        db.prepare(`INSERT INTO events (id, slug, title_zh, title_en, venue_zh, venue_en, timezone, starts_at, ends_at, capacity, status) VALUES ('e1', 'kept', '保留', 'Kept', '院', 'Hosp', 'Asia/Shanghai', 1, 2, 5, 'published')`),
        db.prepare(`INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, status, role) VALUES ('r1', 'e1', 'code-kept-000000000000', '张三', 'z@example.org', 'z@example.org', 'confirmed', 'attendee')`),
        db.prepare(`INSERT INTO checkins (registration_id, event_id, client_id, scanned_at) VALUES ('r1', 'e1', 'c1', 123)`),
        db.prepare(`INSERT INTO emails (id, event_id, registration_id, kind, "to") VALUES ('m1', 'e1', 'r1', 'confirmation', 'z@example.org')`),
      ]);
      await applyD1Migrations(db, all);
      const row = await db.prepare(`SELECT r.name, r.status, c.scanned_at AS at, (SELECT count(*) FROM emails) AS mails FROM registrations r JOIN checkins c ON c.registration_id = r.id WHERE r.id = 'r1'`).first();
      expect(row, `after upgrading from ${all[k - 1]!.name}`).toEqual({ name: '张三', status: 'confirmed', at: 123, mails: 1 });
    }
  });
});

describe('privacy', () => {
  it('registration requires explicit consent, and records when it was given', async () => {
    const { slug, id } = await makeEvent(5);
    const without = await call(`/api/events/${slug}/registrations`, { method: 'POST', json: { ...person('noconsent'), consent: undefined } });
    expect(without.status).toBe(400);
    expect(without.body.error.fields.consent).toBeDefined();
    await register(slug, 'consent');
    const row = await env.DB.prepare(`SELECT consent_at FROM registrations WHERE event_id = ?`).bind(id).first<{ consent_at: number }>();
    expect(row!.consent_at).toBeGreaterThan(Date.now() - 60_000);
  });

  it('an organiser purges personal data after the retention period; counts stay', async () => {
    const { id, slug } = await makeEvent(5);
    await organise(id);
    for (let i = 0; i < 3; i++) await register(slug, `purge-${i}`);
    const early = await call(`/api/events/${slug}/purge`, { method: 'POST', headers: { cookie: org }, json: { confirm: slug } });
    expect([early.status, early.body.error.code]).toEqual([409, 'retention_not_over']);
    await env.DB.prepare(`UPDATE events SET ends_at = ? WHERE id = ?`).bind(Date.now() - 31 * 86_400_000, id).run();
    expect((await call(`/api/events/${slug}/purge`, { method: 'POST', headers: { cookie: org }, json: { confirm: 'wrong' } })).status).toBe(400);
    const res = await call(`/api/events/${slug}/purge`, { method: 'POST', headers: { cookie: org }, json: { confirm: slug } });
    expect(res.body.purged).toBe(3);
    const dump = JSON.stringify((await env.DB.prepare(`SELECT * FROM registrations WHERE event_id = ?`).bind(id).all()).results)
      + JSON.stringify((await env.DB.prepare(`SELECT * FROM emails WHERE event_id = ?`).bind(id).all()).results);
    expect(dump).not.toMatch(/参会者|attendeepurge|138 0000|协和/);
    expect(await statusCounts(id)).toEqual({ confirmed: 3 });
  });
});

describe('tickets and logs', () => {
  it('ticket codes carry at least 128 bits: 22 base64url characters, all distinct', async () => {
    const { slug } = await makeEvent(300);
    const codes = (await Promise.all(Array.from({ length: 200 }, (_, i) => register(slug, `ent-${i}`)))).map((r) => r.body.registration.ticketCode as string);
    expect(new Set(codes).size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^[A-Za-z0-9_-]{22}$/); // 22 × 6 = 132 bits from 16 random bytes
    // Every character position varies: nothing fixed or sequential.
    for (let i = 0; i < 21; i++) expect(new Set(codes.map((c) => c[i])).size).toBeGreaterThan(20);
  }, 60_000);

  it('no personal data reaches the logs, even when a request fails', async () => {
    const lines: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, level).mockImplementation((...a: unknown[]) => { lines.push(a.map(String).join(' ')); });
    const { slug } = await makeEvent(1);
    await call(`/api/events/${slug}/registrations`, { method: 'POST', json: person('log', { name: '隐私测试姓名', phone: '13911112222' }) });
    await call(`/api/events/${slug}/registrations`, { method: 'POST', json: person('log', { name: '隐私测试姓名', phone: '13911112222' }) });
    await call(`/api/events/${slug}/registrations`, { method: 'POST', json: { name: '隐私测试姓名', email: 'not-an-email-13911112222' } });
    await call('/api/auth/sign-in', { method: 'POST', json: { email: 'privacy.check@example.org' } });
    expect(lines.join('\n')).not.toMatch(/隐私测试姓名|13911112222|attendeelog|privacy\.check/);
  });
});
