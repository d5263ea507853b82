// The desk's action on a cancelled or waitlisted ticket: register again or admit from the waitlist, by the seat rules.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, person, statusCounts } from './fixtures';
import { call, cancelTicket, signIn } from './helpers';

let desk: string;
beforeAll(async () => {
  desk = await signIn('desk@colloquy.test');
});

/** A fresh event with the demo desk on its staff (sessions cache roles, so the cache is cleared). */
async function deskEvent(capacity: number) {
  const ev = await makeEvent(capacity);
  await env.DB.prepare(`INSERT INTO staff_roles (staff_id, event_id, role) VALUES ('stf_demo_desk', ?, 'desk')`)
    .bind(ev.id)
    .run();
  const { clearSessionCache } = await import('../../worker/auth/session');
  clearSessionCache();
  return ev;
}

const register = async (slug: string, who: string) =>
  (await call(`/api/events/${slug}/registrations`, { method: 'POST', json: person(who) })).body.registration as {
    id: string;
    ticketCode: string;
    manageUrl: string;
    status: string;
  };
let n = 0;
const scan = (slug: string, code: string) =>
  call(`/api/events/${slug}/checkins`, {
    method: 'POST',
    headers: { cookie: desk },
    json: { code, deviceId: 'dev-1', clientId: `scan-${++n}`, deskId: 'Desk 1' },
  });
const admit = (slug: string, id: string, clientId = `admit-${++n}`, deskId = 'Desk 1') =>
  call(`/api/events/${slug}/registrations/${id}/admit`, {
    method: 'POST',
    headers: { cookie: desk },
    json: { deviceId: 'dev-1', clientId, deskId },
  });
const checkedIn = async (eventId: string) =>
  (
    await env.DB.prepare(
      `SELECT r.ticket_code AS code FROM checkins c JOIN registrations r ON r.id = c.registration_id WHERE c.event_id = ?`,
    )
      .bind(eventId)
      .all<{ code: string }>()
  ).results.map((r) => r.code);

describe('a cancelled ticket at the desk: register again and check in', () => {
  it('with a seat free, the person gets a new ticket by email and is checked in; the old ticket still says cancelled', async () => {
    const { id, slug } = await deskEvent(5);
    const old = await register(slug, 'door1');
    await cancelTicket(old);
    const scanned = await scan(slug, old.ticketCode);
    expect(scanned.body).toMatchObject({ result: 'cancelled', registration: { id: old.id, name: '参会者 door1' } });

    const res = await admit(slug, old.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      result: 'checked_in',
      admitted: 'registered_again',
      registration: { name: '参会者 door1' },
      deskId: 'Desk 1',
    });
    expect(res.body.registration.id).not.toBe(old.id);
    expect(res.body.checkedInAt).toMatch(/\+08:00$/);
    expect(await statusCounts(id)).toEqual({ confirmed: 1, cancelled: 1 });

    const fresh = await env.DB.prepare(`SELECT ticket_code AS code FROM registrations WHERE id = ?`)
      .bind(res.body.registration.id)
      .first<{ code: string }>();
    expect(res.body.ticketCode).toBe(fresh!.code);
    expect(await checkedIn(id)).toEqual([fresh!.code]);
    expect((await scan(slug, old.ticketCode)).body.result).toBe('cancelled');
    expect((await call(`/api/tickets/${old.ticketCode}`)).body.ticket.status).toBe('cancelled');
    expect((await scan(slug, fresh!.code)).body).toMatchObject({ result: 'already_checked_in', deskId: 'Desk 1' });
    const inbox = (await call('/api/dev/mailbox')).body.emails as { to: string; kind: string; text: string }[];
    const mail = inbox.find(
      (m) => m.to === 'attendeedoor1@example.org' && m.kind === 'confirmation' && m.text.includes(fresh!.code),
    );
    expect(mail).toBeDefined();
  });

  it('with every seat taken, the person goes on the waitlist with a new ticket and is not checked in', async () => {
    const { id, slug } = await deskEvent(1);
    const old = await register(slug, 'door2');
    await cancelTicket(old);
    await register(slug, 'door2-seat');
    const res = await admit(slug, old.id);
    expect(res.body).toMatchObject({
      result: 'no_seat',
      admitted: 'registered_again',
      checkedInAt: null,
      seatsLeft: 0,
    });
    expect(await statusCounts(id)).toEqual({ confirmed: 1, waitlisted: 1, cancelled: 1 });
    expect(await checkedIn(id)).toEqual([]);
    const mail = await env.DB.prepare(`SELECT kind FROM emails WHERE registration_id = ?`)
      .bind(res.body.registration.id)
      .all<{ kind: string }>();
    expect(mail.results.map((m) => m.kind)).toEqual(['waitlisted']);
  });

  it('someone who already registered again online is checked in with that registration; nothing new is made', async () => {
    const { id, slug } = await deskEvent(5);
    const old = await register(slug, 'door3');
    await cancelTicket(old);
    const again = await register(slug, 'door3');
    const res = await admit(slug, old.id);
    expect(res.body).toMatchObject({ result: 'checked_in', admitted: null, registration: { id: again.id } });
    expect(await statusCounts(id)).toEqual({ confirmed: 1, cancelled: 1 });
    expect(await checkedIn(id)).toEqual([again.ticketCode]);
  });

  it('a double tap (the same request twice) admits once and says checked in both times', async () => {
    const { id, slug } = await deskEvent(5);
    const old = await register(slug, 'door4');
    await cancelTicket(old);
    const [a, b] = await Promise.all([admit(slug, old.id, 'tap-1'), admit(slug, old.id, 'tap-1')]);
    expect([a.body.result, b.body.result]).toEqual(['checked_in', 'checked_in']);
    expect(await statusCounts(id)).toEqual({ confirmed: 1, cancelled: 1 });
    expect(await checkedIn(id)).toHaveLength(1);
  });
});

describe('a waitlisted ticket at the desk: admit from the waitlist', () => {
  it('with a seat free, moves the person off the waitlist and checks them in, in one go', async () => {
    const { id, slug } = await deskEvent(1);
    await register(slug, 'wait1-seat');
    const waiting = await register(slug, 'wait1');
    expect(waiting.status).toBe('waitlisted');
    expect((await scan(slug, waiting.ticketCode)).body).toMatchObject({
      result: 'waitlisted',
      registration: { id: waiting.id },
    });
    // A seat the waitlist has not taken yet: the organiser added one a moment ago.
    await env.DB.prepare(`UPDATE events SET capacity = 2 WHERE id = ?`).bind(id).run();
    const res = await admit(slug, waiting.id);
    expect(res.body).toMatchObject({
      result: 'checked_in',
      admitted: 'promoted',
      registration: { id: waiting.id, name: '参会者 wait1' },
      seatsLeft: 0,
    });
    expect(await statusCounts(id)).toEqual({ confirmed: 2 });
    expect(await checkedIn(id)).toEqual([waiting.ticketCode]);
    const promoted = await env.DB.prepare(`SELECT "to" FROM emails WHERE registration_id = ? AND kind = 'promoted'`)
      .bind(waiting.id)
      .all();
    expect(promoted.results).toHaveLength(1);
  });

  it('with no seat free, says so, and the person stays on the waitlist, not checked in', async () => {
    const { id, slug } = await deskEvent(1);
    await register(slug, 'wait2-seat');
    const waiting = await register(slug, 'wait2');
    const res = await admit(slug, waiting.id);
    expect(res.body).toMatchObject({
      result: 'no_seat',
      admitted: null,
      registration: { id: waiting.id },
      checkedInAt: null,
      seatsLeft: 0,
    });
    expect(await statusCounts(id)).toEqual({ confirmed: 1, waitlisted: 1 });
    expect(await checkedIn(id)).toEqual([]);
  });

  it('two desks admitting two waitlisted people for the last seat: one gets it, the other is told there is no seat', async () => {
    const { id, slug } = await deskEvent(1);
    await register(slug, 'wait3-seat');
    const a = await register(slug, 'wait3a');
    const b = await register(slug, 'wait3b');
    await env.DB.prepare(`UPDATE events SET capacity = 2 WHERE id = ?`).bind(id).run();
    const results = await Promise.all([admit(slug, a.id, 'x-1', 'Desk 1'), admit(slug, b.id, 'x-2', 'Desk 2')]);
    expect(results.map((r) => r.body.result).sort()).toEqual(['checked_in', 'no_seat']);
    expect(await statusCounts(id)).toEqual({ confirmed: 2, waitlisted: 1 });
  });

  it('answers 404 for a registration of another event, and 401 without a desk session', async () => {
    const { slug } = await deskEvent(1);
    const other = await deskEvent(1);
    const elsewhere = await register(other.slug, 'wait4');
    expect((await admit(slug, elsewhere.id)).status).toBe(404);
    const anon = await call(`/api/events/${slug}/registrations/${elsewhere.id}/admit`, {
      method: 'POST',
      json: { deviceId: 'd', clientId: 'c' },
    });
    expect(anon.status).toBe(401);
  });
});
