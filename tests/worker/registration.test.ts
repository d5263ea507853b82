// Registration: validation, capacity under concurrency, duplicates, tickets, cancellation and the waitlist.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call } from './helpers';
import { makeEvent, person, statusCounts } from './fixtures';

const register = (slug: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/api/events/${slug}/registrations`, { method: 'POST', json: body, headers });

describe('registering for the demo seminar', () => {
  it('confirms, returns a ticket link of at most 60 characters, and lowers seats left', async () => {
    const { status, body } = await register('cell-therapy-autoimmune-2026', person('a1'));
    expect(status).toBe(201);
    expect(body.registration.status).toBe('confirmed');
    expect(body.registration.ticketCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.registration.ticketUrl).toBe(`http://localhost:8787/t/${body.registration.ticketCode}`);
    expect(body.registration.ticketUrl.length).toBeLessThanOrEqual(60);
    const ev = await call('/api/events/cell-therapy-autoimmune-2026');
    expect(ev.body.event.seatsLeft).toBe(199);
    const ticket = await call(`/api/tickets/${body.registration.ticketCode}`);
    expect(ticket.body.ticket).toMatchObject({ status: 'confirmed', name: '参会者 a1', role: 'attendee', checkedInAt: null, event: { slug: 'cell-therapy-autoimmune-2026' } });
  });

  it('explains every invalid field at once', async () => {
    const { status, body } = await register('cell-therapy-autoimmune-2026', { name: '  ', email: 'not-an-email', phone: 'call me', consent: false });
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid');
    expect(Object.keys(body.error.fields).sort()).toEqual(['consent', 'email', 'name', 'phone']);
  });

  it('refuses bodies over 64 KB with 413, other content types with 415 and broken JSON with 400', async () => {
    const big = await register('cell-therapy-autoimmune-2026', person('big', { affiliation: 'x'.repeat(70_000) }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const form = await call('/api/events/cell-therapy-autoimmune-2026/registrations', { method: 'POST', body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const broken = await call('/api/events/cell-therapy-autoimmune-2026/registrations', { method: 'POST', body: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
  });

  it('answers 404 for an unknown event and 409 registration_closed outside the window or when closed', async () => {
    expect((await register('no-such-event', person('x'))).status).toBe(404);
    const closed = await makeEvent(10, { status: 'closed' });
    const r1 = await register(closed.slug, person('x'));
    expect([r1.status, r1.body.error.code]).toEqual([409, 'registration_closed']);
    const notYet = await makeEvent(10, { opensAt: Date.now() + 86_400_000 });
    expect((await register(notYet.slug, person('x'))).body.error.code).toBe('registration_closed');
    const over = await makeEvent(10, { closesAt: Date.now() - 1000 });
    expect((await register(over.slug, person('x'))).body.error.code).toBe('registration_closed');
    const draft = await makeEvent(10, { status: 'draft' });
    expect((await register(draft.slug, person('x'))).status).toBe(404);
  });
});

describe('capacity', () => {
  it('N+40 concurrent registrations for N seats confirm exactly N and waitlist the rest', async () => {
    const N = 25;
    const { id, slug } = await makeEvent(N);
    const results = await Promise.all(Array.from({ length: N + 40 }, (_, i) => register(slug, person(`cap${i}`))));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(results.filter((r) => r.body.registration.status === 'confirmed')).toHaveLength(N);
    expect(await statusCounts(id)).toEqual({ confirmed: N, waitlisted: 40 });
    expect((await call(`/api/events/${slug}`)).body.event.seatsLeft).toBe(0);
  });
});

describe('the same person twice', () => {
  it('12 concurrent attempts with three spellings of one email create one registration and reveal no ticket', async () => {
    const { id, slug } = await makeEvent(50);
    const spellings = ['dr.wang@example.org', ' Dr.Wang@Example.org', 'DR.WANG@EXAMPLE.ORG '];
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => register(slug, person(`dup${i}`, { email: spellings[i % 3] }))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(11);
    for (const r of refused) {
      expect(r.body.error.code).toBe('already_registered');
      expect(JSON.stringify(r.body)).not.toMatch(/ticketCode|ticketUrl|\/t\/|[A-Za-z0-9_-]{22}/);
    }
    expect(await statusCounts(id)).toEqual({ confirmed: 1 });
    // The confirmation, and one re-send of the ticket to the address (not eleven).
    const { results: mails } = await env.DB.prepare(`SELECT kind FROM emails WHERE event_id = ? ORDER BY kind`).bind(id).all<{ kind: string }>();
    expect(mails.map((m) => m.kind)).toEqual(['confirmation', 'resend']);
  });
});

describe('cancelling a ticket', () => {
  it('promotes exactly one waitlisted person, the earliest, and emails them', async () => {
    const { id, slug } = await makeEvent(2);
    const codes: string[] = [];
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { registration } = (await register(slug, person(`can${i}`))).body;
      codes.push(registration.ticketCode);
      tokens.push(new URL(registration.manageUrl).searchParams.get('m')!);
    }
    expect(await statusCounts(id)).toEqual({ confirmed: 2, waitlisted: 3 });
    const res = await call(`/api/tickets/${codes[0]}/cancel`, { method: 'POST', json: { token: tokens[0] } });
    expect(res.status).toBe(200);
    expect(res.body.ticket.status).toBe('cancelled');
    expect(await statusCounts(id)).toEqual({ confirmed: 2, waitlisted: 2, cancelled: 1 });
    expect((await call(`/api/tickets/${codes[2]}`)).body.ticket.status).toBe('confirmed');
    expect((await call(`/api/tickets/${codes[3]}`)).body.ticket.status).toBe('waitlisted');
    const promoted = await env.DB.prepare(`SELECT "to" FROM emails WHERE event_id = ? AND kind = 'promoted'`).bind(id).all<{ to: string }>();
    expect(promoted.results.map((r) => r.to)).toEqual(['attendeecan2@example.org']);
    // Cancelling twice changes nothing more.
    await call(`/api/tickets/${codes[0]}/cancel`, { method: 'POST', json: { token: tokens[0] } });
    expect(await statusCounts(id)).toEqual({ confirmed: 2, waitlisted: 2, cancelled: 1 });
  });

  it('unknown ticket codes answer 404', async () => {
    expect((await call('/api/tickets/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await call('/api/tickets/AAAAAAAAAAAAAAAAAAAAAA/cancel', { method: 'POST', json: {} })).status).toBe(404);
    expect((await call('/api/tickets/<script>')).status).toBe(404);
  });

  it('an attendee can delete their personal data; the seat is freed and the old link stops working', async () => {
    const { id, slug } = await makeEvent(5);
    const { ticketCode: code, manageUrl } = (await register(slug, person('erase'))).body.registration;
    expect((await call(`/api/tickets/${code}/delete`, { method: 'POST', json: { token: new URL(manageUrl).searchParams.get('m') } })).status).toBe(200);
    expect((await call(`/api/tickets/${code}`)).status).toBe(404);
    const row = await env.DB.prepare(`SELECT name, email, phone, affiliation FROM registrations WHERE event_id = ?`).bind(id).first();
    expect(JSON.stringify(row)).not.toMatch(/attendeeerase|参会者|138|协和/);
    expect((await call(`/api/events/${slug}`)).body.event.seatsLeft).toBe(5);
  });
});

describe('cross-origin writes', () => {
  it('are refused with 403 so another site cannot register or cancel on a visitor\'s behalf', async () => {
    const res = await register('cell-therapy-autoimmune-2026', person('csrf'), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('cross_origin');
  });
});

describe('rate limit', () => {
  it('allows 30 registrations a minute from one address, then answers 429', async () => {
    const { slug } = await makeEvent(100);
    const results = [];
    for (let i = 0; i < 32; i++) results.push(await register(slug, person(`rl${i}`), { 'cf-connecting-ip': '203.0.113.9' }));
    expect(results.slice(0, 30).every((r) => r.status === 201)).toBe(true);
    expect(results[30]!.status).toBe(429);
    expect(results[30]!.body.error.code).toBe('rate_limited');
    expect((await register(slug, person('other-ip'), { 'cf-connecting-ip': '203.0.113.10' })).status).toBe(201);
  });
});
