// The attendance ledger through the API: sign-in and sign-out at the whole event and at one agenda item, replays,
// forgotten sign-outs, the automatic close-out, offline batches out of order and the shared-badge flag.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { UPCOMING_EVENT_ID, UPCOMING_SLUG } from '../../schema/seed/demo';
import { closeOutEndedBlocks } from '../../worker/attendance/close-out';
import { person } from './fixtures';
import { call, signIn } from './helpers';

const SLUG = UPCOMING_SLUG;
const PANEL = 'ses_next_panel';
let desk: string;
let org: string;
beforeAll(async () => {
  desk = await signIn('desk@colloquy.test');
  org = await signIn('organiser@colloquy.test');
});

let n = 0;
const register = async (i: string) =>
  (await call(`/api/events/${SLUG}/registrations`, { method: 'POST', json: person(i) })).body.registration as {
    id: string;
    ticketCode: string;
  };
const scan = (code: string, extra: Record<string, unknown> = {}) =>
  call(`/api/events/${SLUG}/attendance/scans`, {
    method: 'POST',
    headers: { cookie: desk },
    json: { code, deviceId: 'dev-1', clientId: `att-${++n}`, deskId: 'Desk 1', ...extra },
  });
const sync = (deviceId: string, deskId: string, scans: unknown[]) =>
  call(`/api/events/${SLUG}/checkins/batch`, {
    method: 'POST',
    headers: { cookie: desk },
    json: { deviceId, deskId, scans },
  });
/** Whole seconds, as an offline desk sends them, from one instant so intervals come out in whole minutes. */
const NOW = Math.floor(Date.now() / 1000) * 1000;
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const ledger = async (regId: string) =>
  (
    await env.DB.prepare(
      `SELECT point, direction, source, desk_id AS deskId FROM attendance_scans WHERE registration_id = ? ORDER BY scanned_at`,
    )
      .bind(regId)
      .all()
  ).results;

describe('signing in and out at the panel', () => {
  it('in, out, in, out: signed in, signed out with the time inside, re-entering opens a new interval', async () => {
    const reg = await register('att-1');
    const a = await scan(reg.ticketCode, { sessionId: PANEL, direction: 'in' });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      result: 'signed_in',
      point: { sessionId: PANEL, direction: 'in' },
      registration: { name: '参会者 att-1' },
      deskId: 'Desk 1',
      again: false,
      signedIn: true,
    });
    expect(a.body.at).toMatch(/\+08:00$/);
    const b = await scan(reg.ticketCode, { sessionId: PANEL, direction: 'out', deskId: 'Desk 2' });
    expect(b.body).toMatchObject({ result: 'signed_out', deskId: 'Desk 2', intervalMinutes: 0, signedIn: false });
    const c = await scan(reg.ticketCode, { sessionId: PANEL });
    expect(c.body).toMatchObject({ result: 'signed_in', again: true });
    const d = await scan(reg.ticketCode, { sessionId: PANEL, direction: 'out' });
    expect(d.body.result).toBe('signed_out');
    expect((await ledger(reg.id)).map((r: any) => r.direction)).toEqual(['in', 'out', 'in', 'out']);
  });

  it('a second sign-out says already signed out, with the first time and desk', async () => {
    const reg = await register('att-2');
    await scan(reg.ticketCode, { direction: 'in' });
    const out = await scan(reg.ticketCode, { direction: 'out', deskId: 'Desk 3' });
    const again = await scan(reg.ticketCode, { direction: 'out', deskId: 'Desk 4' });
    expect(again.body).toMatchObject({ result: 'already_signed_out', deskId: 'Desk 3', at: out.body.at });
  });

  it('a forgotten sign-in: the sign-out is recorded and flagged, not refused', async () => {
    const reg = await register('att-3');
    const res = await scan(reg.ticketCode, { sessionId: PANEL, direction: 'out' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ result: 'not_signed_in', flagged: true });
    expect(await ledger(reg.id)).toEqual([{ point: PANEL, direction: 'out', source: 'scan', deskId: 'Desk 1' }]);
  });

  it('replaying a clientId records nothing new and gives the same answer', async () => {
    const reg = await register('att-4');
    const a = await scan(reg.ticketCode, { sessionId: PANEL, clientId: 'att-replay' });
    const b = await scan(reg.ticketCode, { sessionId: PANEL, clientId: 'att-replay' });
    expect([a.body.result, b.body.result]).toEqual(['signed_in', 'signed_in']);
    expect(b.body.at).toBe(a.body.at);
    expect(await ledger(reg.id)).toHaveLength(1);
  });

  it('a double scan while inside says already signed in at the first time; the entrance check-in is untouched', async () => {
    const reg = await register('att-5');
    const first = await scan(reg.ticketCode, { sessionId: PANEL });
    const second = await scan(reg.ticketCode, { sessionId: PANEL, deskId: 'Desk 2' });
    expect(second.body).toMatchObject({ result: 'already_signed_in', at: first.body.at, deskId: 'Desk 1' });
    const entrance = await call(`/api/events/${SLUG}/checkins`, {
      method: 'POST',
      headers: { cookie: desk },
      json: { code: reg.ticketCode, deviceId: 'dev-1', clientId: `att-${++n}`, deskId: 'Desk 1' },
    });
    expect(entrance.body.result).toBe('checked_in');
  });

  it('cancelled tickets, unknown codes and items of another event are refused in words', async () => {
    const reg = await register('att-6');
    const cancelled = await env.DB.prepare(`UPDATE registrations SET status = 'cancelled' WHERE id = ?`)
      .bind(reg.id)
      .run();
    expect(cancelled.success).toBe(true);
    expect((await scan(reg.ticketCode, { sessionId: PANEL })).body.result).toBe('cancelled');
    expect((await scan('no-such-ticket', { direction: 'out' })).body.result).toBe('unknown_ticket');
    const live = await register('att-6b');
    const other = await scan(live.ticketCode, { sessionId: 'ses_demo_panel' });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
    const zh = await call(`/api/events/${SLUG}/attendance/scans`, {
      method: 'POST',
      headers: { cookie: desk, 'accept-language': 'zh-CN' },
      json: { code: live.ticketCode, deviceId: 'd', clientId: 'zh-1', sessionId: 'ses_demo_panel' },
    });
    expect(zh.body.error.message).toBe('此日程不属于本会议。');
    const bad = await scan(live.ticketCode, { direction: 'sideways' });
    expect(bad.status).toBe(400);
  });
});

describe('registrations without a seat', () => {
  it('a ticket awaiting approval, or refused, signs in nowhere and says why', async () => {
    for (const status of ['pending', 'rejected'] as const) {
      const reg = await register(`att-${status}`);
      await env.DB.prepare('UPDATE registrations SET status = ? WHERE id = ?').bind(status, reg.id).run();
      const res = await scan(reg.ticketCode, { sessionId: PANEL });
      expect(res.body.result).toBe(status);
      expect(await ledger(reg.id)).toEqual([]);
    }
  });
});

describe('closing out at the end of a block', () => {
  it('signs out at its end whoever is still signed in, marked automatic, once', async () => {
    const end = NOW - 30 * 60_000;
    const block = `ses_next_ended_${crypto.randomUUID().slice(0, 6)}`;
    await env.DB.prepare(
      `INSERT INTO sessions (id, event_id, kind, title_zh, title_en, starts_at, ends_at) VALUES (?, ?, 'talk', '已结束', 'Ended', ?, ?)`,
    )
      .bind(block, UPCOMING_EVENT_ID, end - 60 * 60_000, end)
      .run();
    const stayed = await register('att-close-1');
    const left = await register('att-close-2');
    await sync('dev-9', 'Desk 9', [
      { clientId: 'close-a', code: stayed.ticketCode, scannedAt: ago(80), sessionId: block },
      { clientId: 'close-b', code: left.ticketCode, scannedAt: ago(80), sessionId: block },
      { clientId: 'close-c', code: left.ticketCode, scannedAt: ago(40), sessionId: block, direction: 'out' },
    ]);
    await closeOutEndedBlocks(env.DB, Date.now());
    await closeOutEndedBlocks(env.DB, Date.now());
    expect((await ledger(stayed.id)).map((r: any) => `${r.direction}:${r.source}`)).toEqual(['in:scan', 'out:auto']);
    expect((await ledger(left.id)).map((r: any) => `${r.direction}:${r.source}`)).toEqual(['in:scan', 'out:scan']);
    const late = await scan(stayed.ticketCode, { sessionId: block, direction: 'out' });
    expect(late.body).toMatchObject({ result: 'already_signed_out', automatic: true });
    expect(Date.parse(late.body.at!)).toBe(end);
  });
});

describe('offline batches', () => {
  it('out of order: the sign-out synced before the sign-in still pairs into one interval with its minutes', async () => {
    const reg = await register('att-off-1');
    const outFirst = await sync('dev-5', 'Desk 5', [
      {
        clientId: 'off-out',
        code: reg.ticketCode,
        scannedAt: ago(10),
        sessionId: PANEL,
        direction: 'out',
        localResult: 'signed_out',
      },
    ]);
    expect(outFirst.body.results[0].result).toBe('not_signed_in');
    const inLater = await sync('dev-6', 'Desk 6', [
      { clientId: 'off-in', code: reg.ticketCode, scannedAt: ago(55), sessionId: PANEL, localResult: 'signed_in' },
    ]);
    expect(inLater.body.results[0]).toMatchObject({ result: 'signed_in', signedIn: false, minutesInside: 45 });
    // The replayed batch changes nothing.
    const replay = await sync('dev-5', 'Desk 5', [
      {
        clientId: 'off-out',
        code: reg.ticketCode,
        scannedAt: ago(10),
        sessionId: PANEL,
        direction: 'out',
        localResult: 'signed_out',
      },
    ]);
    expect(replay.body.results[0]).toMatchObject({ result: 'signed_out', intervalMinutes: 45 });
    expect(await ledger(reg.id)).toHaveLength(2);
  });

  it('two desks signing one badge in while offline: the earliest wins and the shared badge is flagged', async () => {
    const reg = await register('att-off-2');
    await sync('dev-7', 'Desk 7', [
      { clientId: 'sh-a', code: reg.ticketCode, scannedAt: ago(20), localResult: 'signed_in', direction: 'in' },
    ]);
    const b = await sync('dev-8', 'Desk 8', [
      { clientId: 'sh-b', code: reg.ticketCode, scannedAt: ago(25), localResult: 'signed_in', direction: 'in' },
    ]);
    expect(b.body.results[0]).toMatchObject({ result: 'signed_in', deskId: 'Desk 8' });
    const conflicts = await call(`/api/events/${SLUG}/checkins/conflicts`, { headers: { cookie: org } });
    const mine = conflicts.body.conflicts.filter((k: any) => k.registrationId === reg.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ keptDeskId: 'Desk 8', otherDeskId: 'Desk 7' });
  });
});

describe('the desk counters at a point', () => {
  it('count present now, signed in and signed out, and list the agenda items', async () => {
    const block = `ses_next_count_${crypto.randomUUID().slice(0, 6)}`;
    await env.DB.prepare(
      `INSERT INTO sessions (id, event_id, kind, title_zh, title_en, starts_at, ends_at) VALUES (?, ?, 'talk', '计数', 'Counted', ?, ?)`,
    )
      .bind(block, UPCOMING_EVENT_ID, Date.now() + 3_600_000, Date.now() + 7_200_000)
      .run();
    const a = await register('att-count-a');
    const b = await register('att-count-b');
    await scan(a.ticketCode, { sessionId: block });
    await scan(b.ticketCode, { sessionId: block });
    await scan(b.ticketCode, { sessionId: block, direction: 'out' });
    const res = await call(`/api/events/${SLUG}/attendance/desk?sessionId=${block}`, { headers: { cookie: desk } });
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ presentNow: 1, signedIn: 2, signedOut: 1 });
    expect(res.body.items.map((i: any) => i.id)).toContain(block);
  });
});
