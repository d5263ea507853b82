// The offline desk: snapshot deltas, syncing queued scans (earliest wins, replays change nothing),
// the shared-badge flag, device pairing and badge data.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ticketHash } from '../../worker/checkin/offline';
import { fromRow, type SnapshotRow } from '../../worker/checkin/snapshot-rows';
import { person } from './fixtures';
import { call, signIn } from './helpers';
import { UPCOMING_SLUG } from '../../schema/seed/demo';

const SLUG = UPCOMING_SLUG;
let desk: string;
let org: string;
beforeAll(async () => {
  desk = await signIn('desk@colloquy.test');
  org = await signIn('organiser@colloquy.test');
});
const register = async (i: string) =>
  (await call(`/api/events/${SLUG}/registrations`, { method: 'POST', json: person(i) })).body.registration;
const snapshot = (since = 0, after = '') =>
  call(`/api/events/${SLUG}/checkins/snapshot?since=${since}&after=${after}`, { headers: { cookie: desk } });
const sync = (deviceId: string, deskId: string, scans: unknown[]) =>
  call(`/api/events/${SLUG}/checkins/batch`, {
    method: 'POST',
    headers: { cookie: desk },
    json: { deviceId, deskId, scans },
  });

describe('snapshots', () => {
  it('hold hashed codes, never the codes, and then only what changed', async () => {
    const a = await register('snap-a');
    const full = await snapshot();
    expect(full.status).toBe(200);
    const mine = full.body.tickets.find((t: any) => t.id === a.id);
    expect(mine).toMatchObject({
      hash: await ticketHash(a.ticketCode),
      name: '参会者 snap-a',
      status: 'confirmed',
      checkedInAt: null,
    });
    expect(JSON.stringify(full.body)).not.toContain(a.ticketCode);
    expect(full.body.next).toBeNull();

    await new Promise((r) => setTimeout(r, 10));
    const cursor = Date.now();
    // The cursor is exclusive and workerd's clock moves only on I/O: let it move past the cursor before b.
    await new Promise((r) => setTimeout(r, 10));
    const b = await register('snap-b');
    await call(`/api/events/${SLUG}/checkins`, {
      method: 'POST',
      headers: { cookie: desk },
      json: { code: a.ticketCode, deviceId: 'd1', clientId: 'snap-scan' },
    });
    const delta = await snapshot(cursor);
    expect(delta.body.tickets.map((t: any) => t.id).sort()).toEqual([a.id, b.id].sort());
    expect(delta.body.tickets.find((t: any) => t.id === a.id)!.checkedInAt).toMatch(/\+08:00$/);
    expect(delta.body.cursor).toBeLessThanOrEqual(Date.now());
  });
});

describe('the compact snapshot (v=2) the desk pulls', () => {
  it('holds the same tickets as rows with 12-character hashes, and no codes', async () => {
    const a = await register('compact-a');
    const [objects, compact] = await Promise.all([
      snapshot(),
      call(`/api/events/${SLUG}/checkins/snapshot?since=0&v=2`, { headers: { cookie: desk } }),
    ]);
    expect(compact.status).toBe(200);
    expect(compact.body.v).toBe(2);
    expect(compact.body.tickets).toEqual([]);
    const decoded = (compact.body.rows as SnapshotRow[]).map(fromRow);
    expect(decoded).toEqual(objects.body.tickets.map((t: any) => ({ ...t, hash: t.hash.slice(0, 12) })));
    const mine = decoded.find((t) => t.id === a.id)!;
    expect(mine).toMatchObject({ name: '参会者 compact-a', status: 'confirmed', checkedInAt: null });
    expect(mine.hash).toBe((await ticketHash(a.ticketCode)).slice(0, 12));
    expect(JSON.stringify(compact.body)).not.toContain(a.ticketCode);
    // Smaller on the wire: the keys are not repeated, the hashes are shorter.
    expect(JSON.stringify(compact.body).length).toBeLessThan(0.75 * JSON.stringify(objects.body).length);
  });
});

describe('syncing offline scans', () => {
  it('keeps the earliest scan, and replaying the batch changes nothing', async () => {
    const r = await register('sync-1');
    const later = await sync('tablet-1', 'Desk 1', [
      { clientId: 'off-1', code: r.ticketUrl, scannedAt: '2026-01-22T13:40:00+08:00', localResult: 'checked_in' },
    ]);
    expect(later.body.results[0]).toMatchObject({ result: 'checked_in', checkedInAt: '2026-01-22T13:40:00+08:00' });
    const earlier = await sync('tablet-2', 'Desk 2', [
      { clientId: 'off-2', code: r.ticketCode, scannedAt: '2026-01-22T13:35:00+08:00', localResult: 'checked_in' },
    ]);
    expect(earlier.body.results[0]).toMatchObject({
      result: 'checked_in',
      checkedInAt: '2026-01-22T13:35:00+08:00',
      deskId: 'Desk 2',
    });
    const before = await env.DB.prepare(`SELECT * FROM checkins WHERE registration_id = ?`).bind(r.id).first();
    const replay = await sync('tablet-1', 'Desk 1', [
      { clientId: 'off-1', code: r.ticketUrl, scannedAt: '2026-01-22T13:40:00+08:00', localResult: 'checked_in' },
    ]);
    expect(replay.body.results[0]).toMatchObject({
      result: 'already_checked_in',
      checkedInAt: '2026-01-22T13:35:00+08:00',
      deskId: 'Desk 2',
    });
    const again = await sync('tablet-2', 'Desk 2', [
      { clientId: 'off-2', code: r.ticketCode, scannedAt: '2026-01-22T13:35:00+08:00', localResult: 'checked_in' },
    ]);
    expect(again.body.results[0].result).toBe('checked_in');
    expect(await env.DB.prepare(`SELECT * FROM checkins WHERE registration_id = ?`).bind(r.id).first()).toEqual(before);
    expect(
      (await env.DB.prepare(`SELECT count(*) n FROM checkins WHERE registration_id = ?`).bind(r.id).first<any>()).n,
    ).toBe(1);
  });

  it('flags a ticket admitted at two desks while offline as a possible shared badge, once', async () => {
    const r = await register('shared');
    await sync('tablet-3', 'Desk 3', [
      { clientId: 'sh-1', code: r.ticketCode, scannedAt: '2026-01-22T13:50:00+08:00', localResult: 'checked_in' },
    ]);
    await sync('tablet-4', 'Desk 4', [
      { clientId: 'sh-2', code: r.ticketCode, scannedAt: '2026-01-22T13:52:00+08:00', localResult: 'checked_in' },
    ]);
    await sync('tablet-4', 'Desk 4', [
      { clientId: 'sh-2', code: r.ticketCode, scannedAt: '2026-01-22T13:52:00+08:00', localResult: 'checked_in' },
    ]);
    const { body } = await call(`/api/events/${SLUG}/checkins/conflicts`, { headers: { cookie: org } });
    const mine = body.conflicts.filter((c: any) => c.registrationId === r.id);
    expect(mine).toEqual([
      expect.objectContaining({
        name: '参会者 shared',
        keptDeskId: 'Desk 3',
        otherDeskId: 'Desk 4',
        keptAt: '2026-01-22T13:50:00+08:00',
      }),
    ]);
    // A desk that showed "already checked in" offline let nobody in: no flag.
    const s = await register('not-shared');
    await sync('tablet-3', 'Desk 3', [
      { clientId: 'ns-1', code: s.ticketCode, scannedAt: '2026-01-22T13:50:00+08:00', localResult: 'checked_in' },
    ]);
    await sync('tablet-4', 'Desk 4', [
      {
        clientId: 'ns-2',
        code: s.ticketCode,
        scannedAt: '2026-01-22T13:55:00+08:00',
        localResult: 'already_checked_in',
      },
    ]);
    expect(
      (await call(`/api/events/${SLUG}/checkins/conflicts`, { headers: { cookie: org } })).body.conflicts.filter(
        (c: any) => c.registrationId === s.id,
      ),
    ).toEqual([]);
    expect((await call(`/api/events/${SLUG}/checkins/conflicts`, { headers: { cookie: desk } })).status).toBe(403);
  });

  it('times a scan from a desk whose clock runs ahead when it arrives', async () => {
    const r = await register('future');
    // The scan happened no earlier than this (times are shown to the second, so compare whole seconds).
    const scanned = Math.floor(Date.now() / 1000) * 1000;
    const res = await sync('tablet-5', 'Desk 5', [
      { clientId: 'fut', code: r.ticketCode, scannedAt: '2030-01-01T00:00:00+08:00' },
    ]);
    const at = Date.parse(res.body.results[0]!.checkedInAt!);
    expect(at).toBeGreaterThanOrEqual(scanned);
    expect(at).toBeLessThanOrEqual(Date.now());
  });
});

describe('pairing a phone as a desk', () => {
  it('signs a device in as desk for one event, a bounded number of times, until revoked', async () => {
    const created = await call(`/api/events/${SLUG}/pairings`, {
      method: 'POST',
      headers: { cookie: org },
      json: { label: 'Side door', maxUses: 2, ttlMinutes: 60 },
    });
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/\/pair#[A-Za-z0-9_-]{22}$/);
    const token = created.body.token;
    const pair = () => call('/api/auth/pair', { method: 'POST', json: { token } });
    const first = await pair();
    expect(first.body).toMatchObject({ eventSlug: SLUG, deviceName: 'Side door #1' });
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const me = await call('/api/auth/me', { headers: { cookie } });
    expect(me.body.staff.roles).toEqual([expect.objectContaining({ eventSlug: SLUG, role: 'desk' })]);
    expect((await call(`/api/events/${SLUG}/stats`, { headers: { cookie } })).status).toBe(200);
    expect((await call(`/api/events/${SLUG}/registrations`, { headers: { cookie } })).status).toBe(403);
    expect((await pair()).status).toBe(200);
    const third = await pair();
    expect([third.status, third.body.error.code]).toEqual([410, 'pairing_unavailable']);
    const revoked = await call(`/api/events/${SLUG}/pairings/${created.body.pairing.id}`, {
      method: 'DELETE',
      headers: { cookie: org },
    });
    expect(revoked.body.revokedDevices).toBe(2);
    expect((await call('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('an expired code pairs nothing', async () => {
    const created = await call(`/api/events/${SLUG}/pairings`, {
      method: 'POST',
      headers: { cookie: org },
      json: { ttlMinutes: 5 },
    });
    await env.DB.prepare(`UPDATE pairings SET expires_at = ? WHERE id = ?`)
      .bind(Date.now() - 1, created.body.pairing.id)
      .run();
    expect((await call('/api/auth/pair', { method: 'POST', json: { token: created.body.token } })).status).toBe(410);
  });
});

describe('badges', () => {
  it('lists speakers and guests first, with the ticket URL for the QR', async () => {
    const { body } = await call(`/api/events/${SLUG}/badges`, { headers: { cookie: desk } });
    expect(body.badges.slice(0, 4).map((b: any) => b.role)).toEqual(['speaker', 'guest', 'guest', 'guest']);
    expect(body.badges[0]).toMatchObject({
      name: '金京玉',
      ticketUrl: expect.stringMatching(/\/t\/demo-next-jin-badge-/),
    });
    const one = await call(`/api/events/${SLUG}/badges?ids=reg_per_next_li`, { headers: { cookie: desk } });
    expect(one.body.badges.map((b: any) => b.name)).toEqual(['李艳']);
  });

  it('takes ids with spaces, one role, an empty role as no filter, and refuses an unknown role by name', async () => {
    const get = (q: string) => call(`/api/events/${SLUG}/badges?${q}`, { headers: { cookie: desk } });
    const two = await get('ids=reg_per_next_li%2C%20%2C%20reg_per_next_jin');
    expect(two.body.badges.map((b: any) => b.id).sort()).toEqual(['reg_per_next_jin', 'reg_per_next_li']);
    const speakers = await get('role=speaker');
    expect(speakers.body.badges.length).toBeGreaterThan(0);
    expect(new Set(speakers.body.badges.map((b: any) => b.role))).toEqual(new Set(['speaker']));
    expect((await get('role=')).body.badges.length).toBe((await get('')).body.badges.length);
    const unknown = await call(`/api/events/${SLUG}/badges?role=chair`, {
      headers: { cookie: desk, 'accept-language': 'zh-CN' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({ role: '未知的身份。' });
  });
});
