// Confirmation emails and the outbox: content, languages, escaping, QR PNG, ICS, dev mailbox and Resend faults.
import { env } from 'cloudflare:workers';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../../worker/app';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import { deliverDue, outcomeStatements } from '../../worker/email/outbox';
import { installResendDouble } from '../fakes/resend';
import { makeEvent, person } from './fixtures';
import { call, cancelTicket } from './helpers';
import { UPCOMING_SLUG } from '../../schema/seed/demo';

afterEach(() => vi.restoreAllMocks());

// The queue is replaced by a recorder, so delivery happens only when a test drives it.
const queue = { send: async () => {}, sendBatch: async () => {} };
const register = (slug: string, body: unknown) =>
  call(`/api/events/${slug}/registrations`, { method: 'POST', json: body }, { OUTBOX: queue as never });
const mailbox = async () =>
  (await call('/api/dev/mailbox')).body.emails as {
    to: string;
    kind: string;
    subject: string;
    html: string;
    text: string;
    attachments: { filename: string; contentId: string | null; path: string | null }[];
  }[];
const withKey = { ...env, RESEND_API_KEY: 're_test_key_123' };

describe('the confirmation email', () => {
  it("is in the attendee's language, with the time in Beijing, the venue, ticket and cancel links, and an .ics", async () => {
    const { body } = await register(UPCOMING_SLUG, person('mail-zh'));
    // The upcoming edition's day (four weeks after the seed ran), as each language writes it.
    const [y, m, d] = (await call(`/api/events/${UPCOMING_SLUG}`)).body.event.startsAt
      .slice(0, 10)
      .split('-')
      .map(Number);
    const monthEn = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    const zh = (await mailbox()).find((m) => m.to === 'attendeemail-zh@example.org')!;
    expect(zh.kind).toBe('confirmation');
    expect(zh.subject).toBe('报名成功：细胞治疗治疗自身免疫性疾病学术交流会（第二期）');
    // Chinese text takes full-width colons and brackets, English half-width ones.
    expect(zh.text).toContain(`\n时间：${y}年${m}月${d}日 14:00–17:20（北京时间）\n地点：`);
    expect(zh.text).toContain('北京陆道培医院');
    // Who to ask, under the venue, as the organiser wrote it for this language.
    expect(zh.text).toContain('\n联系：风湿免疫科会务组 王老师 · meeting@ludaopei.example\n');
    expect(zh.html).toMatch(/>联系<\/th><td[^>]*>风湿免疫科会务组 王老师 · meeting@ludaopei.example<\/td>/);
    expect(zh.text).toContain(body.registration.manageUrl);
    expect(zh.html).toContain(`${body.registration.manageUrl}#cancel`);
    expect(zh.attachments.map((a) => a.filename)).toEqual(['ticket-qr.png', 'agenda.ics']);
    // The person's day: every agenda item with its local times and room, in the email's language.
    expect(zh.text).toContain('会议日程');
    expect(zh.text).toContain('会议日程：\n  14:00–14:15  风湿免疫科病房开科仪式暨开幕致辞（学术报告厅）');
    expect(zh.text).toContain(`查看参会票：${body.registration.manageUrl}`);
    expect(zh.html).toContain('茶歇');
    expect(zh.text).toContain('闭幕与开科祝贺');

    await register(UPCOMING_SLUG, person('mail-en', { locale: 'en' }));
    const en = (await mailbox()).find((m) => m.to === 'attendeemail-en@example.org')!;
    expect(en.subject).toBe('You are registered: Cell therapy for autoimmune diseases: second session');
    expect(en.text).toContain(`\nWhen: ${d} ${monthEn} ${y}, 14:00–17:20 (Beijing time)\nWhere: `);
    expect(en.text).toContain('Your day:\n');
    expect(en.text).toContain('\nContact: Ms Wang, meeting office, Dept. of Rheumatology · meeting@ludaopei.example\n');
    expect(en.text).toMatch(/ \(Lecture Hall\)\n/);
    expect(en.text).toContain('Tea break');
    expect(en.html).toContain('Panel discussion: the future of cell therapy');
    expect(en.html).not.toContain('茶歇');
  });

  it('shows the QR as an inline PNG attachment (cid:), which mail clients that block remote images still show', async () => {
    const { body } = await register(UPCOMING_SLUG, person('qr'));
    const mail = (await mailbox()).find((m) => m.to === 'attendeeqr@example.org')!;
    expect(/<img src="([^"]+)"/.exec(mail.html)![1]).toBe('cid:ticket-qr');
    const inline = mail.attachments.find((a) => a.contentId === 'ticket-qr')!;
    expect(inline.filename).toBe('ticket-qr.png');
    const src = inline.path!;
    expect(src).toBe(`http://localhost:8787/api/tickets/${body.registration.ticketCode}/qr.png`);
    expect(mail.html).not.toMatch(/data:|<svg/);
    const png = await call(src.replace('http://localhost:8787', ''));
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    // tests/e2e/ticket-qr.test.ts decodes this PNG with pngjs and jsQR, which need Node.
  });

  it('escapes every user string', async () => {
    await register(UPCOMING_SLUG, person('xss', { name: '<img src=x onerror=alert(1)>"&' }));
    const mail = (await mailbox()).find((m) => m.to === 'attendeexss@example.org')!;
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;');
  });

  it('waitlisted people get a waitlist email and no QR', async () => {
    const { slug } = await makeEvent(0);
    await register(slug, person('wl'));
    const mail = (await mailbox()).find((m) => m.to === 'attendeewl@example.org')!;
    expect(mail.kind).toBe('waitlisted');
    expect(mail.subject).toContain('已加入候补');
    expect(mail.html).not.toContain('qr.png');
    expect(mail.html).not.toContain('cid:');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['agenda.ics']);
  });

  it('keeps its labels and clock times on one line at phone width (no 时/间 stacked one character per line)', async () => {
    await register(UPCOMING_SLUG, person('narrow'));
    const mail = (await mailbox()).find((m) => m.to === 'attendeenarrow@example.org')!;
    const labels = [...mail.html.matchAll(/<th[^>]*style="([^"]*)"[^>]*>(时间|地点)<\/th>/g)];
    expect(labels.map((m) => m[2])).toEqual(['时间', '地点']);
    for (const m of labels) expect(m[1]).toContain('white-space:nowrap');
    expect(mail.html).toMatch(/<td style="[^"]*white-space:nowrap[^"]*">14:00–14:15<\/td>/);
    // tests/e2e/email-render.test.ts measures the rendered email at 390 px in Chromium.
  });
});

describe('the outbox queue', () => {
  const statusOf = async (registrationId: string) =>
    (
      await env.DB.prepare(`SELECT status FROM emails WHERE registration_id = ?`)
        .bind(registrationId)
        .first<{ status: string }>()
    )?.status;

  it('takes registrations that come in together as one message of up to 20 confirmations, each confirmation once', async () => {
    const sent: { emailIds: string[] }[] = [];
    const recorder = { send: async (body: { emailIds: string[] }) => void sent.push(body) };
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        call(
          `/api/events/${UPCOMING_SLUG}/registrations`,
          { method: 'POST', json: person(`gather-${i}`) },
          { OUTBOX: recorder as never },
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(25).fill(201));
    const ids = results.map((r) => r.body.registration.id as string);
    const { results: rows } = await env.DB.prepare(
      `SELECT id FROM emails WHERE kind = 'confirmation' AND registration_id IN (${ids.map(() => '?').join(',')})`,
    )
      .bind(...ids)
      .all<{ id: string }>();
    const queued = sent.flatMap((m) => m.emailIds);
    expect(queued.toSorted()).toEqual(rows.map((r) => r.id).toSorted());
    expect(queued).toHaveLength(25);
    // Gathered: fewer queue messages than registrations, none over 20 ids (the consumer claims every id of up to 100 messages).
    expect(sent.length).toBeLessThan(25);
    expect(Math.max(...sent.map((m) => m.emailIds.length))).toBeLessThanOrEqual(20);
  });

  it('sends a lone registration on its own, and falls back to sending at once when the queue refuses', async () => {
    const sent: { emailIds: string[] }[] = [];
    const recorder = { send: async (body: { emailIds: string[] }) => void sent.push(body) };
    const alone = await call(
      `/api/events/${UPCOMING_SLUG}/registrations`,
      { method: 'POST', json: person('gather-alone') },
      { OUTBOX: recorder as never },
    );
    expect(alone.status).toBe(201);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.emailIds).toHaveLength(1);
    // The queue has it: the email waits in the outbox for the consumer.
    expect(await statusOf(alone.body.registration.id)).toBe('pending');
    const broken = {
      send: async () => {
        throw new Error('queue unavailable');
      },
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const refused = await call(
      `/api/events/${UPCOMING_SLUG}/registrations`,
      { method: 'POST', json: person('gather-refused') },
      { OUTBOX: broken as never },
    );
    expect(refused.status).toBe(201);
    // Sent at once instead (with no Resend key, into the dev mailbox): nothing waits for a queue that never took it.
    expect(await statusOf(refused.body.registration.id)).toBe('captured');
  });
});

describe('the contact line', () => {
  it('is left out when the event has none, and an English email falls back to the Chinese one, escaped', async () => {
    const { id, slug } = await makeEvent(5);
    await register(slug, person('contact-none', { locale: 'en' }));
    const none = (await mailbox()).find((m) => m.to === 'attendeecontact-none@example.org')!;
    expect(none.text).not.toContain('Contact');
    expect(none.html).not.toContain('Contact');
    await env.DB.prepare(`UPDATE events SET contact_zh = '李老师 <b>010-1234 5678</b>' WHERE id = ?`).bind(id).run();
    await register(slug, person('contact-zh-only', { locale: 'en' }));
    const en = (await mailbox()).find((m) => m.to === 'attendeecontact-zh-only@example.org')!;
    expect(en.text).toContain('\nContact: 李老师 <b>010-1234 5678</b>\n');
    expect(en.html).toContain('李老师 &lt;b&gt;010-1234 5678&lt;/b&gt;');
  });
});

describe('the cancellation email', () => {
  it('links to the event page to register again and says to contact the organiser if it was not you, in both languages', async () => {
    const { slug } = await makeEvent(5);
    for (const [who, locale] of [
      ['cancel-zh', 'zh-CN'],
      ['cancel-en', 'en'],
    ] as const)
      expect((await cancelTicket((await register(slug, person(who, { locale }))).body.registration)).status).toBe(200);
    const inbox = await mailbox();
    const cancelled = (to: string) => inbox.find((m) => m.to === to && m.kind === 'cancelled')!;
    const eventPage = `http://localhost:8787/e/${slug}#register`;
    const zh = cancelled('attendeecancel-zh@example.org');
    expect(zh.text).toContain('您的报名已取消。如仍想参会，可在会议页面重新报名。');
    expect(zh.html).toContain(`<a href="${eventPage}"`);
    expect(zh.html).toMatch(/>重新报名<\/a>/);
    expect(zh.text).toContain(`重新报名：${eventPage}\n如果您并未取消报名，请联系主办方。`);
    expect(zh.text).not.toContain('请忽略');
    const en = cancelled('attendeecancel-en@example.org');
    expect(en.html).toMatch(new RegExp(`<a href="${eventPage}"[^>]*>Register again</a>`));
    expect(en.text).toContain(`Register again: ${eventPage}`);
    expect(en.text).toContain('If you did not cancel, contact the organiser.');
    expect(en.text).not.toContain('ignore this email');
  });
});

describe('the agenda calendar', () => {
  it('parses with ical.js: one VEVENT per agenda item, stable UIDs, correct UTC times', async () => {
    const res = await call('/api/events/cell-therapy-autoimmune-2026/agenda.ics?lang=en');
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const agenda = (await call('/api/events/cell-therapy-autoimmune-2026')).body.event.sessions;
    expect(events).toHaveLength(agenda.length);
    expect(events[0]!.uid).toBe('ses_demo_opening@colloquy');
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-01-22T06:00:00.000Z');
    expect(events.find((e) => e.summary.startsWith('Panel discussion'))!.location).toBe(
      'Beijing Lu Daopei Hospital · Lecture Hall',
    );
    // Who to ask, on every item, in the calendar's language.
    expect(events.map((e) => e.component.getFirstPropertyValue('contact'))).toEqual(
      agenda.map(() => 'Ms Wang, meeting office, Dept. of Rheumatology · meeting@ludaopei.example'),
    );
    const again = await call('/api/events/cell-therapy-autoimmune-2026/agenda.ics?lang=en');
    expect(again.body).toBe(res.body);
  });
});

describe('the dev mailbox and the bench probe', () => {
  it('do not exist in a deployed Worker', async () => {
    const json = { 'content-type': 'application/json' };
    const probes: [string, RequestInit][] = [
      ['/api/dev/mailbox', {}],
      ['/api/dev/d1-round-trip', {}],
      ['/api/dev/d1-write-round-trip', { method: 'POST' }],
      ['/api/dev/d1-insert-round-trip', { method: 'POST' }],
      ['/api/dev/registration-statements', { method: 'POST', headers: json, body: '{}' }],
      ['/api/dev/registration-row-write', { method: 'POST', headers: json, body: '{"code":"x"}' }],
    ];
    for (const [path, init] of probes) {
      const res = await app.request(path, init, { ...env, APP_ENV: 'production' });
      expect([path, res.status]).toEqual([path, 404]);
    }
  });

  it('the insert probe adds one row with its index entry in one D1 round trip, a new row each call', async () => {
    // The first call in an isolate also makes the probe's table.
    expect((await call('/api/dev/d1-insert-round-trip', { method: 'POST' })).body).toEqual({ written: 2 });
    const res = await call('/api/dev/d1-insert-round-trip', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ written: 2 });
    expect(res.headers.get('server-timing')).toMatch(/round_trips=1 rows_read=\d+ rows_written=2"/);
    const rows = await env.DB.prepare('SELECT count(DISTINCT id) AS n FROM dev_insert_probe').first<{ n: number }>();
    expect(rows?.n).toBe(2);
  });

  it("the write probe changes one row of its own table in one D1 round trip, and no event's", async () => {
    await makeEvent(10);
    const events = () => env.DB.prepare('SELECT * FROM events ORDER BY id').all();
    const before = await events();
    // The first call in an isolate may also make the probe's table; every call after is one round trip.
    expect((await call('/api/dev/d1-write-round-trip', { method: 'POST' })).body).toEqual({ written: 1 });
    const counter = () => env.DB.prepare('SELECT n FROM dev_write_probe WHERE id = 1').first<{ n: number }>();
    const n = (await counter())!.n;
    const res = await call('/api/dev/d1-write-round-trip', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ written: 1 });
    expect(res.headers.get('server-timing')).toMatch(/round_trips=1 rows_read=\d+ rows_written=1"/);
    // It really changes the row (a row rewritten with its own value makes SQLite write no page at all).
    expect((await counter())!.n).toBe(n + 1);
    expect((await events()).results).toEqual(before.results);
  });

  it('the registration statements probe writes a registration and its confirmation as the route does, in one round trip', async () => {
    const { id: eventId, slug } = await makeEvent(1);
    const body = {
      slug,
      name: '语句一',
      email: 'Probe.One@Example.org',
      phone: '13800000001',
      affiliation: '北京协和医院',
    };
    const res = await call('/api/dev/registration-statements', { method: 'POST', json: body });
    expect([res.status, res.body]).toEqual([200, { status: 'confirmed' }]);
    // 10 rows in one statement, as the registration writes; the isolate's first call also reads the questions once.
    expect(res.headers.get('server-timing')).toMatch(/rows_written=10", d1w;desc="10"/);
    const row = await env.DB.prepare(
      `SELECT r.name, r.email_key AS emailKey, r.status, e.kind, e."to", e.status AS emailStatus
         FROM registrations r JOIN emails e ON e.registration_id = r.id WHERE r.event_id = ?`,
    )
      .bind(eventId)
      .all();
    expect(row.results).toEqual([
      {
        name: '语句一',
        emailKey: 'probe.one@example.org',
        status: 'confirmed',
        kind: 'confirmation',
        to: 'Probe.One@Example.org',
        emailStatus: 'pending',
      },
    ]);
    // The seat was the last: the next is waitlisted, and the same address again inserts nothing and says so.
    const next = await call('/api/dev/registration-statements', {
      method: 'POST',
      json: { ...body, email: 'two@example.org' },
    });
    expect(next.body).toEqual({ status: 'waitlisted' });
    expect(next.headers.get('server-timing')).toMatch(/round_trips=1 rows_read=\d+ rows_written=9"/);
    const again = await call('/api/dev/registration-statements', { method: 'POST', json: body });
    expect([again.status, again.body.error?.code]).toEqual([409, 'conflict']);
  });

  it("the registration row probe changes a ticket's row (its updated_at, by 1 ms) and nothing else", async () => {
    const { slug } = await makeEvent(5);
    const { body } = await register(slug, person('row-probe'));
    const code = body.registration.ticketCode as string;
    const read = () => env.DB.prepare('SELECT * FROM registrations WHERE ticket_code = ?').bind(code).first();
    const before = await read();
    const res = await call('/api/dev/registration-row-write', { method: 'POST', json: { code } });
    expect([res.status, res.body]).toEqual([200, { written: 1 }]);
    expect(res.headers.get('server-timing')).toMatch(/round_trips=1 rows_read=\d+ rows_written=1"/);
    expect(await read()).toEqual({ ...before, updated_at: Number(before!.updated_at) + 1 });
    // A code nobody holds writes nothing, and a missing code is the usual 400.
    expect((await call('/api/dev/registration-row-write', { method: 'POST', json: { code: 'nobody' } })).body).toEqual({
      written: 0,
    });
    expect((await call('/api/dev/registration-row-write', { method: 'POST', json: {} })).status).toBe(400);
  });

  it('the probe costs exactly one D1 round trip in development', async () => {
    const res = await call('/api/dev/d1-round-trip');
    expect(res.body).toEqual({ one: 1 });
    expect(res.headers.get('server-timing')).toMatch(/round_trips=1 rows_read=\d+ rows_written=0/);
  });
});

async function resetOutbox(eventId: string) {
  await env.DB.prepare(
    `UPDATE emails SET status = 'pending', attempts = 0, next_attempt_at = 0, provider_id = NULL WHERE event_id = ?`,
  )
    .bind(eventId)
    .run();
}

const idsOf = async (eventId: string) =>
  (await env.DB.prepare(`SELECT id FROM emails WHERE event_id = ?`).bind(eventId).all<{ id: string }>()).results.map(
    (r) => r.id,
  );

async function drain(eventId: string, rounds = 40) {
  const ids = await idsOf(eventId);
  for (let i = 1; i <= rounds; i++) {
    await deliverDue(withKey, { now: Date.now() + i * 2 * 3_600_000, timeoutMs: 50, limit: 100, ids });
    const left = await env.DB.prepare(
      `SELECT count(*) n FROM emails WHERE event_id = ? AND status IN ('pending', 'sending')`,
    )
      .bind(eventId)
      .first<{ n: number }>();
    if (!left!.n) return i;
  }
  return rounds;
}

describe('sending through Resend', () => {
  it("sends each email once with the outbox id as Idempotency-Key, every request matching Resend's OpenAPI", async () => {
    const resend = installResendDouble();
    const { id, slug } = await makeEvent(10);
    for (let i = 0; i < 3; i++) await register(slug, person(`send${i}`));
    await resetOutbox(id);
    await drain(id);
    const rows = (
      await env.DB.prepare(`SELECT id, status, attempts, provider_id FROM emails WHERE event_id = ?`).bind(id).all()
    ).results as any[];
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(resend.violations).toEqual([]);
    expect(resend.deliveries.map((d) => d.idempotencyKey).sort()).toEqual(rows.map((r) => r.id).sort());
    const sent = resend.deliveredTo('attendeesend0@example.org')[0]!.body;
    expect(sent).toMatchObject({
      subject: '报名成功：测试会议',
      attachments: [
        {
          filename: 'ticket-qr.png',
          content_id: 'ticket-qr',
          content_type: 'image/png',
          path: expect.stringMatching(/^http:\/\/localhost:8787\/api\/tickets\/[\w-]+\/qr\.png$/),
        },
        { filename: 'agenda.ics' },
      ],
    });
    expect(sent.html).toContain('<img src="cid:ticket-qr"');
    // Confirmations go through the single-send endpoint: Resend's batch endpoint drops attachments.
    expect(resend.calls.every((call) => call.path === '/emails')).toBe(true);
  });

  it('after 500s, 429s with retry-after, timeouts and lost responses, every email is sent exactly once', async () => {
    const resend = installResendDouble();
    resend.failNext(500, 429, 'timeout', 'lost-response', 503);
    resend.randomFaultRate = 0.3;
    const { id, slug } = await makeEvent(40);
    for (let i = 0; i < 20; i++) await register(slug, person(`fault${i}`));
    await resetOutbox(id);
    await drain(id);
    const rows = (
      await env.DB.prepare(`SELECT id, status, attempts, last_error FROM emails WHERE event_id = ?`).bind(id).all()
    ).results as any[];
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(resend.calls.some((c) => c.status === 429)).toBe(true);
    expect(resend.calls.some((c) => c.status === 'timeout')).toBe(true);
    for (const r of rows) expect(resend.deliveries.filter((d) => d.idempotencyKey === r.id)).toHaveLength(1);
    expect(resend.deliveries).toHaveLength(20);
    expect(resend.violations).toEqual([]);
  });

  it('a 429 is retried no sooner than retry-after, and the error is recorded', async () => {
    const resend = installResendDouble();
    resend.failNext(429);
    const { id, slug } = await makeEvent(5);
    await register(slug, person('ra'));
    await resetOutbox(id);
    const before = Date.now();
    await deliverDue(withKey, { now: before + 1, timeoutMs: 50, ids: await idsOf(id) });
    const row = await env.DB.prepare(
      `SELECT status, attempts, next_attempt_at, last_error FROM emails WHERE event_id = ?`,
    )
      .bind(id)
      .first<any>();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toContain('429');
    expect(row.next_attempt_at).toBeGreaterThanOrEqual(before + 1000);
  });

  it('a Worker that died mid-send loses nothing: the expired lease is picked up and sent once', async () => {
    const resend = installResendDouble();
    const { id, slug } = await makeEvent(5);
    await register(slug, person('crash'));
    // As left by a Worker that claimed the row and stopped before recording the result.
    await env.DB.prepare(`UPDATE emails SET status = 'sending', attempts = 1, next_attempt_at = ? WHERE event_id = ?`)
      .bind(Date.now() + 60_000, id)
      .run();
    const ids = await idsOf(id);
    await deliverDue(withKey, { now: Date.now(), ids });
    expect(resend.deliveries).toHaveLength(0); // the lease still holds
    await deliverDue(withKey, { now: Date.now() + 61_000, ids });
    expect(resend.deliveredTo('attendeecrash@example.org')).toHaveLength(1);
    expect((await env.DB.prepare(`SELECT status FROM emails WHERE event_id = ?`).bind(id).first<any>()).status).toBe(
      'sent',
    );
  });

  it('the double itself rejects a request that breaks the contract', async () => {
    const resend = installResendDouble();
    const res = await fetch('https://api.resend.com/emails', {
      method: 'POST',
      headers: { authorization: 'Bearer re_x', 'content-type': 'application/json' },
      body: JSON.stringify({ to: 'a@b.c' }),
    });
    expect(res.status).toBe(422);
    expect(resend.violations.join()).toMatch(/from|subject/);
  });
});

describe('the cron sweep', () => {
  it("delivers a backlog larger than one statement's parameter limit (200 rows) in one run", async () => {
    // Earlier tests' rows still due (a 429's retry, say) would take some of the run's 200: send them first.
    await deliverDue(env, { limit: 1000, now: Date.now() + 86_400_000 });
    const { id, slug } = await makeEvent(300);
    const stmts = [];
    for (let i = 0; i < 210; i++)
      stmts.push(
        env.DB.prepare(
          `INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, status, role) VALUES (?, ?, ?, 'x', ?, ?, 'confirmed', 'attendee')`,
        ).bind(`reg_sw${i}`, id, `sweepcode${i}xxxxxxxxxx`, `sw${i}@example.org`, `sw${i}@example.org`),
      );
    for (let i = 0; i < 210; i++)
      stmts.push(
        env.DB.prepare(
          `INSERT INTO emails (id, event_id, registration_id, kind, "to", payload) VALUES (?, ?, ?, 'confirmation', ?, '{"origin":"http://localhost:8787"}')`,
        ).bind(`eml_sw${String(i).padStart(3, '0')}`, id, `reg_sw${i}`, `sw${i}@example.org`),
      );
    await env.DB.batch(stmts);
    const result = await deliverDue(env, { limit: 200 });
    expect(result.claimed).toBe(200);
    const rows = await env.DB.prepare(`SELECT status, count(*) n FROM emails WHERE event_id = ? GROUP BY status`)
      .bind(id)
      .all<{ status: string; n: number }>();
    const by = Object.fromEntries(rows.results.map((r) => [r.status, r.n]));
    // Everything claimed was delivered (here: captured, as no Resend key is set); nothing is stuck mid-send.
    expect(by.sending).toBeUndefined();
    // Exactly the run's limit went out; the rest wait for the next run.
    expect(by).toEqual({ captured: 200, pending: 10 });
    expect((await call(`/api/events/${slug}`)).status).toBe(200);
  });

  it('records a run whose bodies add up to megabytes, each body whole (outcomes split over statements)', async () => {
    const { id } = await makeEvent(10);
    // Stored-body rows (as reminders are): 12 × ~120 KB of HTML, more than one D1 value may hold.
    const ids = Array.from({ length: 12 }, (_, i) => `eml_big${String(i).padStart(2, '0')}`);
    const html = (i: number) => `<p>${String(i)}${'会议议程 agenda '.repeat(8_000)}</p>`;
    await env.DB.batch(
      ids.map((eid, i) =>
        env.DB.prepare(
          `INSERT INTO emails (id, event_id, kind, "to", subject, html, text) VALUES (?, ?, 'reminder', ?, ?, ?, 'text')`,
        ).bind(eid, id, `big${i}@example.org`, `Reminder ${i}`, html(i)),
      ),
    );
    const result = await deliverDue(env, { ids, limit: 50 });
    expect(result.claimed).toBe(12);
    const rows = (
      await env.DB.prepare(
        `SELECT id, status, subject, length(html) AS len, html FROM emails WHERE event_id = ? ORDER BY id`,
      )
        .bind(id)
        .all<{ id: string; status: string; subject: string; len: number; html: string }>()
    ).results;
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => 'captured'));
    rows.forEach((r, i) => {
      expect(r.subject).toBe(`Reminder ${i}`);
      expect(r.html).toBe(html(i));
    });
    // The local D1 takes any size; a deployed one refuses a value over 2 MB. Each statement's JSON stays under it.
    const statements = outcomeStatements(
      rows.map((r) => ({
        id: r.id,
        subject: r.subject,
        html: r.html,
        text: 'text',
        status: 'captured' as const,
        lastError: null,
      })),
    );
    const values = statements.map(
      (st) =>
        new SQLiteAsyncDialect()
          .sqlToQuery(st)
          .params.find((p) => typeof p === 'string' && p.startsWith('[')) as string,
    );
    expect(values.length).toBeGreaterThan(1);
    for (const v of values) expect(new TextEncoder().encode(v).length).toBeLessThan(2_000_000);
    expect(values.flatMap((v) => JSON.parse(v).map((o: { id: string }) => o.id))).toEqual(ids);
  });
});
