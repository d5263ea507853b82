// Registration: validation, capacity under concurrency, duplicates, tickets, cancellation and the waitlist.
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, cancelTicket, eraseTicket, signIn } from './helpers';
import { UPCOMING_SLUG } from '../../schema/seed/demo';
import { giveStaffRoles, makeEvent, person, statusCounts } from './fixtures';

const register = (slug: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/api/events/${slug}/registrations`, { method: 'POST', json: body, headers });

describe('registering for the demo seminar', () => {
  it('confirms, returns a ticket link of at most 60 characters, and lowers seats left', async () => {
    const { status, body } = await register(UPCOMING_SLUG, person('a1'));
    expect(status).toBe(201);
    expect(body.registration.status).toBe('confirmed');
    expect(body.registration.ticketCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.registration.ticketUrl).toBe(`http://localhost:8787/t/${body.registration.ticketCode}`);
    expect(body.registration.ticketUrl.length).toBeLessThanOrEqual(60);
    const ev = await call(`/api/events/${UPCOMING_SLUG}`);
    expect(ev.body.event.seatsLeft).toBe(199);
    const ticket = await call(`/api/tickets/${body.registration.ticketCode}`);
    expect(ticket.body.ticket).toMatchObject({
      status: 'confirmed',
      name: '参会者 a1',
      role: 'attendee',
      checkedInAt: null,
      event: { slug: UPCOMING_SLUG },
    });
  });

  it('explains every invalid field at once', async () => {
    const { status, body } = await register(UPCOMING_SLUG, {
      name: '  ',
      email: 'not-an-email',
      phone: 'call me',
      consent: false,
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid');
    expect(Object.keys(body.error.fields!).sort()).toEqual(['consent', 'email', 'name', 'phone']);
  });

  it('refuses bodies over 64 KB with 413, other content types with 415 and broken JSON with 400', async () => {
    const big = await register(UPCOMING_SLUG, person('big', { affiliation: 'x'.repeat(70_000) }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const form = await call(`/api/events/${UPCOMING_SLUG}/registrations`, {
      method: 'POST',
      body: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const broken = await call(`/api/events/${UPCOMING_SLUG}/registrations`, {
      method: 'POST',
      body: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
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
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => register(slug, person(`dup${i}`, { email: spellings[i % 3] }))),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(11);
    for (const r of refused) {
      expect(r.body.error.code).toBe('already_registered');
      expect(JSON.stringify(r.body)).not.toMatch(/ticketCode|ticketUrl|\/t\/|[A-Za-z0-9_-]{22}/);
    }
    expect(await statusCounts(id)).toEqual({ confirmed: 1 });
    // The confirmation, and one re-send of the ticket to the address (not eleven).
    const { results: mails } = await env.DB.prepare(`SELECT kind FROM emails WHERE event_id = ? ORDER BY kind`)
      .bind(id)
      .all<{ kind: string }>();
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
    const promoted = await env.DB.prepare(`SELECT "to" FROM emails WHERE event_id = ? AND kind = 'promoted'`)
      .bind(id)
      .all<{ to: string }>();
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
    expect(
      (
        await call(`/api/tickets/${code}/delete`, {
          method: 'POST',
          json: { token: new URL(manageUrl).searchParams.get('m') },
        })
      ).status,
    ).toBe(200);
    expect((await call(`/api/tickets/${code}`)).status).toBe(404);
    const row = await env.DB.prepare(`SELECT name, email, phone, affiliation FROM registrations WHERE event_id = ?`)
      .bind(id)
      .first();
    expect(JSON.stringify(row)).not.toMatch(/attendeeerase|参会者|138|协和/);
    expect((await call(`/api/events/${slug}`)).body.event.seatsLeft).toBe(5);
  });

  it('after the event has ended: cancelling is refused in the attendee’s language, and nobody is promoted', async () => {
    const { id, slug } = await makeEvent(1);
    const first = (await register(slug, person('over1'))).body.registration;
    const second = (await register(slug, person('over2'))).body.registration;
    expect(await statusCounts(id)).toEqual({ confirmed: 1, waitlisted: 1 });
    // The day comes and goes.
    const ended = Date.now() - 3_600_000;
    await env.DB.prepare(`UPDATE events SET starts_at = ?, ends_at = ? WHERE id = ?`)
      .bind(ended - 3 * 3_600_000, ended, id)
      .run();
    const token = new URL(first.manageUrl).searchParams.get('m');
    const zh = await call(`/api/tickets/${first.ticketCode}/cancel`, {
      method: 'POST',
      json: { token },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.status).toBe(409);
    expect(zh.body.error.message).toBe('本会议已结束，报名无法再取消。');
    const en = await cancelTicket(first);
    expect(en.body.error.message).toBe('This event has ended, so the registration can no longer be cancelled.');
    expect((await call(`/api/tickets/${first.ticketCode}`)).body.ticket.status).toBe('confirmed');
    // Deleting one's data still works after the event, and frees no seat for a day that is over.
    expect((await eraseTicket(first)).status).toBe(200);
    expect((await call(`/api/tickets/${second.ticketCode}`)).body.ticket.status).toBe('waitlisted');
    const promoted = await env.DB.prepare(`SELECT count(*) AS n FROM emails WHERE event_id = ? AND kind = 'promoted'`)
      .bind(id)
      .first<{ n: number }>();
    expect(promoted!.n).toBe(0);
  });
});

describe('registering again after cancelling', () => {
  const mailsFor = async (eventId: string) =>
    (
      await env.DB.prepare(
        `SELECT m.kind, m."to", r.ticket_code AS code FROM emails m JOIN registrations r ON r.id = m.registration_id WHERE m.event_id = ? ORDER BY m.created_at`,
      )
        .bind(eventId)
        .all<{ kind: string; to: string; code: string }>()
    ).results;

  it('someone who cancelled can register again and gets a new ticket by email; the old ticket stays cancelled', async () => {
    const { id, slug } = await makeEvent(10);
    const first = (await register(slug, person('again'))).body.registration;
    expect((await cancelTicket(first)).status).toBe(200);

    const again = await register(slug, person('again', { email: ' AttendeeAgain@Example.org ' }));
    expect(again.status).toBe(201);
    expect(again.body.registration.status).toBe('confirmed');
    expect(again.body.registration.ticketCode).not.toBe(first.ticketCode);
    expect((await call(`/api/tickets/${again.body.registration.ticketCode}`)).body.ticket.status).toBe('confirmed');
    expect((await call(`/api/tickets/${first.ticketCode}`)).body.ticket.status).toBe('cancelled');
    expect(await statusCounts(id)).toEqual({ confirmed: 1, cancelled: 1 });
    // The cancellation notice for the old ticket, then a confirmation carrying the new one.
    expect(await mailsFor(id)).toEqual([
      { kind: 'confirmation', to: 'attendeeagain@example.org', code: first.ticketCode },
      { kind: 'cancelled', to: 'attendeeagain@example.org', code: first.ticketCode },
      { kind: 'confirmation', to: 'AttendeeAgain@Example.org', code: again.body.registration.ticketCode },
    ]);
    // What arrives in the dev mailbox links to the new ticket, not the cancelled one.
    const inbox = (await call('/api/dev/mailbox')).body.emails as { to: string; kind: string; text: string }[];
    const confirmation = inbox.find((m) => m.to === 'AttendeeAgain@Example.org' && m.kind === 'confirmation')!;
    expect(confirmation.text).toContain(`/t/${again.body.registration.ticketCode}`);
    expect(confirmation.text).not.toContain(first.ticketCode);
  });

  it('follows the seat rule: with the seat given to the waitlist meanwhile, the new registration is waitlisted', async () => {
    const { id, slug } = await makeEvent(1);
    const a = (await register(slug, person('seatA'))).body.registration;
    const b = (await register(slug, person('seatB'))).body.registration;
    expect(b.status).toBe('waitlisted');
    await cancelTicket(a);
    expect((await call(`/api/tickets/${b.ticketCode}`)).body.ticket.status).toBe('confirmed');
    const again = await register(slug, person('seatA'));
    expect([again.status, again.body.registration.status]).toEqual([201, 'waitlisted']);
    expect(await statusCounts(id)).toEqual({ confirmed: 1, waitlisted: 1, cancelled: 1 });
    const mail = await env.DB.prepare(`SELECT kind FROM emails WHERE registration_id = ?`)
      .bind(again.body.registration.id)
      .all<{ kind: string }>();
    expect(mail.results.map((m) => m.kind)).toEqual(['waitlisted']);
  });

  it('the duplicate rule still holds for the new live registration: ten tries at once make one, and the ticket re-sent is the new one', async () => {
    const { id, slug } = await makeEvent(10);
    const first = (await register(slug, person('twice'))).body.registration;
    await cancelTicket(first);
    const tries = await Promise.all(Array.from({ length: 10 }, () => register(slug, person('twice'))));
    expect(tries.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = tries.filter((r) => r.status === 409);
    expect(refused).toHaveLength(9);
    for (const r of refused) {
      expect(r.body.error.code).toBe('already_registered');
      expect(JSON.stringify(r.body)).not.toMatch(/ticketCode|ticketUrl|\/t\/|[A-Za-z0-9_-]{22}/);
    }
    expect(await statusCounts(id)).toEqual({ confirmed: 1, cancelled: 1 });
    const live = tries.find((r) => r.status === 201)!.body.registration.ticketCode;
    const resent = (await mailsFor(id)).filter((m) => m.kind === 'resend');
    expect(resent.map((m) => m.code)).toEqual([live]);
  });

  it('an organiser may give a registration the email of a cancelled one, but not of a live one', async () => {
    const { id, slug } = await makeEvent(10);
    await giveStaffRoles(id, { desk: true });
    const org = await signIn('organiser@colloquy.test');
    const gone = (await register(slug, person('goneE'))).body.registration;
    await cancelTicket(gone);
    const live = (await register(slug, person('liveE'))).body.registration;
    const other = (await register(slug, person('otherE'))).body.registration;
    const edit = (regId: string, email: string) =>
      call(`/api/events/${slug}/registrations/${regId}`, {
        method: 'PATCH',
        json: { email },
        headers: { cookie: org },
      });
    expect((await edit(other.id, 'attendeegoneE@example.org')).status).toBe(200);
    const taken = await edit(other.id, 'attendeeliveE@example.org');
    expect([taken.status, taken.body.error.code]).toEqual([409, 'email_taken']);
    expect(live.status).toBe('confirmed');
  });

  it('a speaker added with the email of a cancelled attendee gets a fresh badge; the cancelled ticket stays cancelled', async () => {
    const { id, slug } = await makeEvent(10);
    await giveStaffRoles(id, { desk: true });
    const org = await signIn('organiser@colloquy.test');
    const gone = (await register(slug, person('spk'))).body.registration;
    await cancelTicket(gone);
    const added = await call(`/api/events/${slug}/people`, {
      method: 'POST',
      headers: { cookie: org },
      json: { nameZh: '王教授', nameEn: 'Prof. Wang', email: 'attendeespk@example.org', badgeRole: 'speaker' },
    });
    expect(added.status).toBe(201);
    expect((await call(`/api/tickets/${gone.ticketCode}`)).body.ticket.status).toBe('cancelled');
    const rows = await env.DB.prepare(`SELECT status, role FROM registrations WHERE event_id = ? ORDER BY created_at`)
      .bind(id)
      .all();
    expect(rows.results).toEqual([
      { status: 'cancelled', role: 'attendee' },
      { status: 'confirmed', role: 'speaker' },
    ]);
  });
});

describe('cross-origin writes', () => {
  it("are refused with 403 so another site cannot register or cancel on a visitor's behalf", async () => {
    const res = await register(UPCOMING_SLUG, person('csrf'), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('cross_origin');
  });
});

describe('rate limit: one network address', () => {
  // Time is simulated (only Date is faked): minutes of registrations run in a moment.
  afterEach(() => {
    vi.useRealTimers();
  });
  const start = Date.parse('2026-11-30T02:00:00Z');
  const from = (ip: string) => ({ 'cf-connecting-ip': ip });
  // Hundreds of registrations: their emails wait in the outbox (a queue that takes them and does nothing), so the
  // test times the limit, not the rendering of hundreds of QR codes.
  const quiet = { OUTBOX: { send: async () => {} } as unknown as Queue };
  const enrol = (slug: string, who: string, ip: string) =>
    call(`/api/events/${slug}/registrations`, { method: 'POST', json: person(who), headers: from(ip) }, quiet);

  /** Sends `count` registrations from one address, `together` at a time, the k-th group at the simulated time at(k). */
  async function send(
    slug: string,
    ip: string,
    prefix: string,
    count: number,
    together: number,
    at: (group: number) => number,
  ) {
    const results: { status: number; headers: Headers; body: any }[] = [];
    for (let g = 0; g * together < count; g++) {
      vi.setSystemTime(at(g));
      const n = Math.min(together, count - g * together);
      results.push(
        ...(await Promise.all(Array.from({ length: n }, (_, k) => enrol(slug, `${prefix}${g * together + k}`, ip)))),
      );
    }
    return results;
  }

  it('a hospital behind one address: 200 colleagues in 10 minutes, 100 of them in the first 2, all get their tickets', {
    timeout: 30_000,
  }, async () => {
    const { id, slug } = await makeEvent(300);
    vi.useFakeTimers({ toFake: ['Date'] });
    // Right after the WeChat announcement 5 every 6 s for two minutes, then 5 every 24 s for eight.
    const results = await send(
      slug,
      '198.51.100.20',
      'hosp',
      200,
      5,
      (g) => start + (g < 20 ? g * 6_000 : 120_000 + (g - 20) * 24_000),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(200);
    expect(await statusCounts(id)).toEqual({ confirmed: 200 });
  });

  it('the same 200 all at the same moment get through too, exactly up to the burst, and no further', {
    timeout: 30_000,
  }, async () => {
    const { id, slug } = await makeEvent(300);
    vi.useFakeTimers({ toFake: ['Date'] });
    const results = await send(slug, '198.51.100.21', 'wave', 210, 210, () => start);
    expect(results.filter((r) => r.status === 201)).toHaveLength(200);
    expect(results.filter((r) => r.status === 429)).toHaveLength(10);
    expect(await statusCounts(id)).toEqual({ confirmed: 200 });
  });

  it('a script sending 500 a minute from one address is slowed to about 30 a minute with 429 rate_limited', {
    timeout: 30_000,
  }, async () => {
    const { slug } = await makeEvent(2000);
    vi.useFakeTimers({ toFake: ['Date'] });
    // 10 every 1.2 s for a minute.
    const first = await send(slug, '203.0.113.9', 'bot', 500, 10, (g) => start + g * 1_200);
    const accepted = first.filter((r) => r.status === 201).length;
    // The burst of 200, plus one token every 2 s of the minute.
    expect(accepted).toBeGreaterThanOrEqual(200);
    expect(accepted).toBeLessThanOrEqual(230);
    const refused = first.filter((r) => r.status !== 201);
    expect(refused.length).toBeGreaterThanOrEqual(270);
    for (const r of refused) {
      expect([r.status, r.body.error.code]).toEqual([429, 'rate_limited']);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    // Keeping up the pace for 12 more seconds gains it 6 more at most.
    const next = await send(slug, '203.0.113.9', 'bot-next', 100, 10, (g) => start + 60_000 + g * 1_200);
    expect(next.filter((r) => r.status === 201).length).toBeLessThanOrEqual(7);
    // Someone on another network registers meanwhile.
    expect((await enrol(slug, 'other-ip', '203.0.113.10')).status).toBe(201);
  });
});
