// Front-desk check-in: every result, every role, concurrency, idempotency, search, walk-ins and counts.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, person } from './fixtures';
import { call, signIn } from './helpers';
import { UPCOMING_EVENT_ID, UPCOMING_SLUG } from '../../schema/seed/demo';

// The desk works on the upcoming edition: the demo seminar itself has ended and takes no registrations.
const SLUG = UPCOMING_SLUG;
let desk: string;
let organiser: string;
beforeAll(async () => {
  desk = await signIn('desk@colloquy.test');
  organiser = await signIn('organiser@colloquy.test');
});

let n = 0;
const scan = (code: string, cookie = desk, extra: Record<string, unknown> = {}) =>
  call(`/api/events/${SLUG}/checkins`, {
    method: 'POST',
    headers: { cookie },
    json: {
      code,
      deviceId: 'dev-1',
      clientId: `c-${++n}`,
      deskId: 'Desk 1',
      scannedAt: new Date().toISOString(),
      ...extra,
    },
  });
const registerDemo = async (i: string) =>
  (await call(`/api/events/${SLUG}/registrations`, { method: 'POST', json: person(i) })).body.registration as {
    id: string;
    ticketCode: string;
    ticketUrl: string;
    manageUrl: string;
    status: string;
  };

describe('scanning a ticket', () => {
  it("welcomes a confirmed attendee by name, from the QR's URL or the bare code", async () => {
    const reg = await registerDemo('ci1');
    const res = await scan(reg.ticketUrl);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      result: 'checked_in',
      registration: { name: '参会者 ci1', affiliation: '北京协和医院', role: 'attendee' },
      deskId: 'Desk 1',
    });
    expect(res.body.checkedInAt).toMatch(/\+08:00$/);
    const ticket = await call(`/api/tickets/${reg.ticketCode}`);
    expect(ticket.body.ticket.checkedInAt).toBe(res.body.checkedInAt);
  });

  it('a second scan from another desk says already checked in, with the first time and desk', async () => {
    const reg = await registerDemo('ci2');
    const first = await scan(reg.ticketCode);
    const second = await scan(reg.ticketCode, desk, { deskId: 'Desk 2', deviceId: 'dev-2' });
    expect(second.body).toMatchObject({
      result: 'already_checked_in',
      checkedInAt: first.body.checkedInAt,
      deskId: 'Desk 1',
    });
  });

  it('repeating a clientId (a retried request) changes nothing and still says checked in', async () => {
    const reg = await registerDemo('ci3');
    const a = await scan(reg.ticketCode, desk, { clientId: 'retry-me' });
    const b = await scan(reg.ticketCode, desk, { clientId: 'retry-me' });
    expect([a.body.result, b.body.result]).toEqual(['checked_in', 'checked_in']);
    expect(b.body.checkedInAt).toBe(a.body.checkedInAt);
    const count = await env.DB.prepare(`SELECT count(*) n FROM checkins WHERE registration_id = ?`)
      .bind(reg.id)
      .first<{ n: number }>();
    expect(count!.n).toBe(1);
  });

  it('twenty simultaneous scans of one ticket from four desks give exactly one checked_in', async () => {
    const reg = await registerDemo('ci4');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        scan(reg.ticketCode, desk, { deskId: `Desk ${(i % 4) + 1}`, deviceId: `dev-${i % 4}` }),
      ),
    );
    const counts: Record<string, number> = {};
    for (const r of results) counts[r.body.result] = (counts[r.body.result] ?? 0) + 1;
    expect(counts).toEqual({ checked_in: 1, already_checked_in: 19 });
  });

  it('says cancelled, waitlisted, unknown or wrong event, and checks none of them in', async () => {
    const cancelled = await registerDemo('ci5');
    await call(`/api/tickets/${cancelled.ticketCode}/cancel`, {
      method: 'POST',
      json: { token: new URL(cancelled.manageUrl).searchParams.get('m') },
    });
    expect((await scan(cancelled.ticketCode)).body).toMatchObject({
      result: 'cancelled',
      registration: { name: '参会者 ci5' },
    });

    const { slug: fullSlug } = await makeEvent(0);
    const wl = (await call(`/api/events/${fullSlug}/registrations`, { method: 'POST', json: person('ci6') })).body
      .registration;
    expect((await scan(wl.ticketCode)).body).toMatchObject({ result: 'wrong_event', registration: null });

    await env.DB.prepare(`UPDATE registrations SET event_id = ? WHERE id = ?`).bind(UPCOMING_EVENT_ID, wl.id).run();
    expect((await scan(wl.ticketCode)).body).toMatchObject({ result: 'waitlisted' });
    expect((await scan('http://localhost:8787/t/NoSuchTicketCode12345')).body).toEqual({
      result: 'unknown_ticket',
      registration: null,
      checkedInAt: null,
      deskId: null,
    });
    const checked = await env.DB.prepare(`SELECT count(*) n FROM checkins WHERE registration_id IN (?, ?)`)
      .bind(cancelled.id, wl.id)
      .first<{ n: number }>();
    expect(checked!.n).toBe(0);
    // Leave no waitlisted attendee behind in the demo event (later registrations would queue behind them).
    await env.DB.prepare(`UPDATE registrations SET status = 'cancelled' WHERE id = ?`).bind(wl.id).run();
  });

  it('speaker and panel-guest badges check in with their roles, and take no seat', async () => {
    const before = (await call(`/api/events/${SLUG}`)).body.event.seatsLeft;
    expect((await scan('demo-next-jin-badge-7Kq2xVw9')).body).toMatchObject({
      result: 'checked_in',
      registration: { name: '金京玉', role: 'speaker' },
    });
    expect((await scan('demo-next-zhang-badge-7Kq2xVw9')).body).toMatchObject({
      result: 'checked_in',
      registration: { name: '张江林', role: 'guest' },
    });
    expect((await call(`/api/events/${SLUG}`)).body.event.seatsLeft).toBe(before);
  });

  it('needs a session (401) for this event (403), and organisers may scan too', async () => {
    expect(
      (
        await call(`/api/events/${SLUG}/checkins`, {
          method: 'POST',
          json: { code: 'x', deviceId: 'd', clientId: 'c' },
        })
      ).status,
    ).toBe(401);
    const { slug } = await makeEvent(5);
    const other = await call(`/api/events/${slug}/checkins`, {
      method: 'POST',
      headers: { cookie: desk },
      json: { code: 'x', deviceId: 'd', clientId: 'c' },
    });
    expect(other.status).toBe(403);
    const reg = await registerDemo('ci7');
    expect((await scan(reg.ticketCode, organiser)).body.result).toBe('checked_in');
  });

  it('explains a malformed scan with 400', async () => {
    const res = await call(`/api/events/${SLUG}/checkins`, {
      method: 'POST',
      headers: { cookie: desk },
      json: { deviceId: 'd' },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields!)).toEqual(expect.arrayContaining(['clientId']));
  });
});

describe('searching at the desk', () => {
  it("finds people by name, whole email or phone's last 4 digits, masks contact details, and needs 2 letters", async () => {
    await call(`/api/events/${SLUG}/registrations`, {
      method: 'POST',
      json: person('s1', { name: 'Zhao Lei', email: 'zhao.lei@example.org', phone: '13912345678' }),
    });
    const byName = await call(`/api/events/${SLUG}/attendees?q=zhao`, { headers: { cookie: desk } });
    expect(byName.body.attendees.map((a: any) => a.name)).toEqual(['Zhao Lei']);
    expect(byName.body.attendees[0].phone).toBe('••••\u00a05678');
    expect(byName.body.attendees[0].email).not.toContain('zhao.lei');
    expect(
      (await call(`/api/events/${SLUG}/attendees?q=zhao.lei@example.org`, { headers: { cookie: desk } })).body
        .attendees,
    ).toHaveLength(1);
    expect(
      (await call(`/api/events/${SLUG}/attendees?q=5678`, { headers: { cookie: desk } })).body.attendees,
    ).toHaveLength(1);
    expect(
      (await call(`/api/events/${SLUG}/attendees?q=金京`, { headers: { cookie: desk } })).body.attendees[0].role,
    ).toBe('speaker');
    const short = await call(`/api/events/${SLUG}/attendees?q=z`, { headers: { cookie: desk } });
    expect(short.status).toBe(400);
    expect((await call(`/api/events/${SLUG}/attendees?q=zhao`)).status).toBe(401);
  });

  it('checks in a found person by registration id', async () => {
    const reg = await registerDemo('s2');
    const res = await call(`/api/events/${SLUG}/checkins`, {
      method: 'POST',
      headers: { cookie: desk },
      json: { registrationId: reg.id, source: 'search', deviceId: 'd', clientId: 'search-1', deskId: 'Desk 3' },
    });
    expect(res.body).toMatchObject({ result: 'checked_in', registration: { name: '参会者 s2' }, deskId: 'Desk 3' });
  });
});

describe('walk-ins', () => {
  it('registers and checks in at once; a known email is refused with a hint to search', async () => {
    const res = await call(`/api/events/${SLUG}/walk-ins`, {
      method: 'POST',
      headers: { cookie: desk },
      json: { name: '临时参会者', affiliation: '北京大学人民医院', deviceId: 'd', clientId: 'w1', deskId: 'Desk 1' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ result: 'checked_in', registration: { name: '临时参会者', role: 'attendee' } });
    expect((await scan(res.body.ticketCode)).body.result).toBe('already_checked_in');
    await registerDemo('w2');
    const dup = await call(`/api/events/${SLUG}/walk-ins`, {
      method: 'POST',
      headers: { cookie: desk },
      json: { name: 'x', email: 'ATTENDEEw2@example.org', deviceId: 'd', clientId: 'w2' },
    });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'already_registered']);
  });
});

describe('live counts', () => {
  it('counts registrations and check-ins by role, and arrivals per 5 minutes', async () => {
    await registerDemo('stats-1');
    const { body } = await call(`/api/events/${SLUG}/stats`, { headers: { cookie: desk } });
    const fromDb = await env.DB.prepare(`SELECT count(*) n FROM checkins WHERE event_id = ?`)
      .bind(UPCOMING_EVENT_ID)
      .first<{ n: number }>();
    expect(body.checkedIn).toBe(fromDb!.n);
    const unarrived = await env.DB.prepare(
      `SELECT count(*) n FROM registrations r WHERE event_id = ? AND status = 'confirmed'
         AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.registration_id = r.id)`,
    )
      .bind(UPCOMING_EVENT_ID)
      .first<{ n: number }>();
    expect(body.notCheckedIn).toBe(unarrived!.n);
    expect(body.notCheckedIn).toBeGreaterThanOrEqual(1);
    expect(body.checkedIn).toBeGreaterThan(0);
    expect(body.capacity).toBe(200);
    expect(body.byRole.speaker.confirmed).toBe(1);
    expect(body.byRole.guest.confirmed).toBe(3);
    expect(body.arrivals.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(body.checkedIn);
    expect(body.arrivals[0].at).toMatch(/:[0-5][05]:00\+08:00$/);
  });
});
