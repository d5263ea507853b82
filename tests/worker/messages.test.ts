// Messages to speakers, guests and attendees: placeholders, escaping, audiences, batching, faults, webhooks, reminders.
import { createMessageBatch, createExecutionContext, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import worker from '../../worker/index';
import type { OutboxBody } from '../../worker/email/consumer';
import { deliverBulk } from '../../worker/messages/bulk';
import { fanOutStep } from '../../worker/messages/fanout';
import { renderMessage, unknownPlaceholders } from '../../worker/messages/render';
import { reminderWindowStart, sendDueReminders } from '../../worker/messages/reminders';
import { installResendDouble } from '../fakes/resend';
import { beijingIso, makeEvent, organisedEvent, person } from './fixtures';
import { call, cancelTicket, signIn } from './helpers';

const SLUG = 'cell-therapy-autoimmune-2026';
let org: string;
const sentToQueue: unknown[] = [];
const queue = {
  send: async (m: unknown) => {
    sentToQueue.push(m);
  },
  sendBatch: async () => {},
};
beforeAll(async () => {
  org = await signIn('organiser@colloquy.test');
});
afterEach(() => vi.restoreAllMocks());

// The queue is replaced by a recorder, so each test drives delivery itself; the recipients' emails are written by
// the queue's fan-out steps, run here as the consumer would.
const compose = async (json: unknown, slug = SLUG) => {
  const res = await call(
    `/api/events/${slug}/messages`,
    { method: 'POST', headers: { cookie: org }, json },
    { OUTBOX: queue as never },
  );
  for (const m of sentToQueue as OutboxBody[])
    if (m.messageId && m.fanOut) while (!(await fanOutStep(env, m.messageId, m.fanOut)).done);
  return res;
};
const withKey = { ...env, RESEND_API_KEY: 're_test_key_123' };
/** The total the console shows for a message, once the queue has counted its audience. */
const recipientsOf = async (id: string, slug = SLUG) =>
  (await call(`/api/events/${slug}/messages/${id}`, { headers: { cookie: org } })).body.message.recipients;

describe('placeholders', () => {
  const values = {
    name: '<b>Li</b>',
    title: 'Director',
    institution: 'A & B',
    event: 'Seminar',
    venue: 'Hall',
    contact: '王老师 010-5670 1234',
    ticket_url: 'https://x/t/abc',
    sessions: [{ when: '1月22日 14:15–15:00', title: 'Talk <1>', role: '主讲', room: 'Hall' }],
    locale: 'zh-CN' as const,
  };

  it('renders Markdown per recipient with every value escaped, in HTML and text', () => {
    const m = renderMessage(
      'Hello {{name}}',
      'Dear **{{title}} {{name}}** of {{institution}}\n\n{{sessions}}\n\n<script>alert(1)</script>',
      values,
    );
    expect(m.subject).toBe('Hello <b>Li</b>');
    expect(m.html).toContain('<strong>Director &lt;b&gt;Li&lt;/b&gt;</strong>');
    expect(m.html).toContain('A &amp; B');
    expect(m.html).toContain('<li><strong>1月22日 14:15–15:00</strong> Talk &lt;1&gt;<em>（主讲，Hall）</em></li>');
    expect(m.html).not.toContain('<script>');
    expect(m.text).toContain('- 1月22日 14:15–15:00 Talk <1>（主讲，Hall）');
    const en = renderMessage('Hi', '{{sessions}}', { ...values, locale: 'en' });
    expect(en.text).toBe('Seminar\n\n- 1月22日 14:15–15:00 Talk <1> (主讲, Hall)\n\nSent by Colloquy.');
  });

  it('makes a bare URL a link that wraps, and keeps a link the organiser wrote one link, in the card of the system emails', () => {
    const long = { ...values, ticket_url: 'https://colloquy.example/t/8d3f9a2c71b4e6f0a5d2c9e8b7f1a3d4c6e8f0a2b4' };
    const m = renderMessage(
      'Hi',
      'Your badge: {{ticket_url}}\n\n[Open your badge]({{ticket_url}}) [{{ticket_url}}]({{ticket_url}}) ![{{ticket_url}}](https://x/i.png)\n\nSee https://example.org/programme',
      long,
    );
    const url = long.ticket_url;
    const style = 'style="word-break:break-word;overflow-wrap:anywhere"';
    expect(m.html).toContain(`<p>Your badge: <a ${style} href="${url}">${url}</a></p>`);
    expect(m.html).toContain(`<a ${style} href="${url}">Open your badge</a>`);
    expect(m.html).toContain(`<a ${style} href="${url}">${url}</a> <img src="https://x/i.png" alt="${url}">`);
    expect(m.html).toContain(`<a ${style} href="https://example.org/programme">https://example.org/programme</a>`);
    expect(m.html).not.toMatch(/<a [^>]*>[^<]*<a /);
    expect(m.text).toBe(
      `Seminar\n\nYour badge: ${url}\n\n[Open your badge](${url}) [${url}](${url}) ![${url}](https://x/i.png)\n\nSee https://example.org/programme\n\n此邮件由 Colloquy 发送。`,
    );
    // The event's title above, the footer below, in the email's language.
    expect(m.html).toContain('<h1 style="font-size:20px;margin:0 0 12px">Seminar</h1>');
    expect(m.html).toContain('>此邮件由 Colloquy 发送。</p>');
    expect(renderMessage('Hi', 'x', { ...values, locale: 'en' }).html).toContain('>Sent by Colloquy.</p>');
    // Not a link: an empty {{portal_url}}, or one that is not a web address.
    expect(renderMessage('Hi', 'Page: {{portal_url}}.', { ...values, portal_url: '' }).html).toContain(
      '<p>Page: .</p>',
    );
    const odd = renderMessage('Hi', 'Page: {{portal_url}}', { ...values, portal_url: 'javascript:alert(1)"<b>' }).html;
    expect(odd).toContain('<p>Page: javascript:alert(1)&quot;&lt;b&gt;</p>');
  });

  it('finds unknown placeholders', () => {
    expect(unknownPlaceholders('Hi {{name}} {{ nmae }} {{sessions}} {{foo}}')).toEqual(['nmae', 'foo']);
  });

  it('refuses an unknown placeholder at compose time', async () => {
    const res = await compose({ audience: { type: 'speakers' }, subject: 'Hi', body: 'Dear {{nmae}}' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields!.body).toContain('{{nmae}}');
    const inSubject = await compose({ audience: { type: 'speakers' }, subject: 'Hi {{nmae}}', body: 'Dear {{name}}' });
    expect(Object.keys(inSubject.body.error.fields!)).toEqual(['subject']);
  });
});

describe('sending', () => {
  const filed = async () => (await env.DB.prepare('SELECT count(*) AS n FROM messages').first<{ n: number }>())!.n;

  it('refuses an audience with nobody in it, and files nothing', async () => {
    const before = await filed();
    const queued = sentToQueue.length;
    const nobody = await compose({
      audience: { type: 'ids', ids: ['reg_nobody'] },
      subject: 'Hi',
      body: 'Dear {{name}}',
    });
    expect(nobody.status).toBe(409);
    expect(nobody.body.error.code).toBe('no_recipients');
    expect(nobody.body.error.message).toBe('This audience has nobody with an email address.');
    const zh = await call(
      `/api/events/${SLUG}/messages`,
      {
        method: 'POST',
        headers: { cookie: org, 'accept-language': 'zh-CN' },
        json: { audience: { type: 'attendees', status: 'rejected' }, subject: 'Hi', body: 'x' },
      },
      { OUTBOX: queue as never },
    );
    expect(zh.status).toBe(409);
    expect(zh.body.error.message).toBe('该收件人范围内没有人留有邮箱。');
    expect(await filed()).toBe(before);
    expect(sentToQueue.length).toBe(queued);
  });

  it('files the message and hands it to the queue when someone is in the audience', async () => {
    const before = await filed();
    const res = await compose({ audience: { type: 'speakers' }, subject: 'Hi', body: 'Dear {{name}}' });
    expect(res.status).toBe(202);
    expect(await filed()).toBe(before + 1);
    expect(sentToQueue).toContainEqual(expect.objectContaining({ messageId: res.body.message.id }));
    expect(await recipientsOf(res.body.message.id)).toBeGreaterThan(0);
  });
});

describe('audiences', () => {
  it("the demo's four people get four personalised emails with their own sessions", async () => {
    const res = await compose({
      audience: { type: 'people' },
      subject: '{{event}}：会务安排',
      body: '尊敬的{{name}}{{title}}：\n\n{{sessions}}\n\n{{ticket_url}}',
      locale: 'zh-CN',
    });
    expect(res.status).toBe(202);
    expect(await recipientsOf(res.body.message.id)).toBe(4);
    const rows = (
      await env.DB.prepare(`SELECT "to", html, text FROM emails WHERE message_id = ? ORDER BY "to"`)
        .bind(res.body.message.id)
        .all<any>()
    ).results;
    expect(rows.map((r) => r.to)).toEqual([
      'jin.jingyu@example.org',
      'li.yan@example.org',
      'yang.chunhua@example.org',
      'zhang.jianglin@example.org',
    ]);
    const jin = rows[0];
    expect(jin.text).toContain('尊敬的金京玉主任');
    expect(jin.text).toContain('1月22日 14:15–15:00 细胞治疗在自身免疫性疾病中的突破');
    expect(jin.text).toContain('（主讲，学术报告厅）');
    expect(jin.text).toContain('（主持人，学术报告厅）');
    const li = rows[1];
    expect(li.text).toContain('尊敬的李艳主任');
    expect(li.text).toContain('专家讨论');
    expect(li.text).not.toContain('病例分享');
    expect(li.text).toMatch(/\/t\/demo-li-badge-/);
    // The bare {{ticket_url}} is a link in the HTML.
    expect(li.html).toMatch(/<a style="[^"]*" href="(http[^"]*\/t\/demo-li-badge-[^"]*)">\1<\/a>/);
    expect(sentToQueue).toContainEqual(expect.objectContaining({ messageId: res.body.message.id }));
  });

  it('speakers, guests, attendees by status and check-in, and a list of ids each get the right people', async () => {
    const { slug } = await organisedEvent(2);
    const regs = [];
    for (let i = 0; i < 3; i++)
      regs.push(
        (await call(`/api/events/${slug}/registrations`, { method: 'POST', json: person(`aud${i}`) })).body
          .registration,
      );
    await call(`/api/events/${slug}/checkins`, {
      method: 'POST',
      headers: { cookie: org },
      json: { code: regs[0].ticketCode, deviceId: 'd', clientId: 'a' },
    });
    const preview = (audience: unknown) =>
      call(`/api/events/${slug}/messages/preview`, {
        method: 'POST',
        headers: { cookie: org },
        json: { audience, subject: 'x', body: 'Hi {{name}}' },
      });
    expect((await preview({ type: 'attendees' })).body.count).toBe(2);
    expect(
      (await preview({ type: 'attendees', status: 'waitlisted' })).body.recipients.map((r: any) => r.email),
    ).toEqual(['attendeeaud2@example.org']);
    expect((await preview({ type: 'attendees', checkedIn: true })).body.recipients.map((r: any) => r.email)).toEqual([
      'attendeeaud0@example.org',
    ]);
    expect((await preview({ type: 'attendees', checkedIn: false })).body.count).toBe(1);
    expect((await preview({ type: 'ids', ids: [regs[1].id, 'reg_elsewhere'] })).body.count).toBe(1);
    expect((await preview({ type: 'speakers' })).body.count).toBe(0);
    const demo = (audience: unknown) =>
      call(`/api/events/${SLUG}/messages/preview`, {
        method: 'POST',
        headers: { cookie: org },
        json: { audience, subject: 'x', body: 'Hi {{name}}' },
      });
    expect((await demo({ type: 'speakers' })).body.recipients.map((r: any) => r.email)).toEqual([
      'jin.jingyu@example.org',
    ]);
    expect((await demo({ type: 'guests' })).body.count).toBe(3);
    const p = (await demo({ type: 'guests' })).body.preview;
    expect(p!.html).toContain('Hi ');
  });

  it("fills {{contact}} with the event's contact for attendees, in the recipient's language", async () => {
    const res = await call(`/api/events/${SLUG}/messages/preview`, {
      method: 'POST',
      headers: { cookie: org },
      json: { audience: { type: 'speakers' }, subject: '日程确认', body: '如有疑问，请联系：{{contact}}' },
    });
    expect(res.status).toBe(200);
    expect(res.body.preview?.text).toContain('如有疑问，请联系：风湿免疫科会务组 王老师 · meeting@ludaopei.example');
    expect(res.body.preview?.html).toContain('<p>如有疑问，请联系：风湿免疫科会务组 王老师 · ');
  });

  it('one copy per address: a cancelled-then-registered-again person is reached through the live ticket, once', async () => {
    const { slug } = await organisedEvent(10);
    const register = async (who: string) => {
      const res = await call(`/api/events/${slug}/registrations`, { method: 'POST', json: person(who) });
      expect(res.status).toBe(201);
      return res.body.registration;
    };
    const cancel = async (r: { ticketCode: string; manageUrl: string }) =>
      expect((await cancelTicket(r)).status).toBe(200);
    // X cancelled and registered again; Y cancelled; Z cancelled twice, with a registration in between.
    const x1 = await register('x');
    await cancel(x1);
    const x2 = await register('x');
    const y = await register('y');
    await cancel(y);
    const z1 = await register('z');
    await cancel(z1);
    const z2 = await register('z');
    await cancel(z2);
    const preview = async (audience: unknown) => {
      const res = await call(`/api/events/${slug}/messages/preview`, {
        method: 'POST',
        headers: { cookie: org },
        json: { audience, subject: 'x', body: 'Hi {{name}} {{ticket_url}}' },
      });
      expect(res.status).toBe(200);
      return res.body as { count: number; recipients: { id: string; email: string }[]; preview: { html: string } };
    };

    // Picking both of X's rows, or only the cancelled one, reaches X once, through the live ticket.
    for (const ids of [[x1.id, x2.id], [x1.id]]) {
      const p = await preview({ type: 'ids', ids });
      expect(p.count).toBe(1);
      expect(p.recipients).toEqual([expect.objectContaining({ id: x2.id, email: 'attendeex@example.org' })]);
      expect(p.preview.html).toContain(`/t/${x2.ticketCode}`);
    }
    // Both of Z's cancelled rows picked: one copy, through the later one.
    const zBoth = await preview({ type: 'ids', ids: [z1.id, z2.id, y.id] });
    expect(zBoth.count).toBe(2);
    expect(zBoth.recipients.map((r) => r.id).sort()).toEqual([y.id, z2.id].sort());
    // "Cancelled" means cancelled and not back: X is not in it, Z is in it once.
    const cancelled = await preview({ type: 'attendees', status: 'cancelled' });
    expect(cancelled.count).toBe(2);
    expect(cancelled.recipients.map((r) => r.email).sort()).toEqual(['attendeey@example.org', 'attendeez@example.org']);

    // Sent: X's address gets one email, for the live registration.
    sentToQueue.length = 0;
    const sent = await compose(
      { audience: { type: 'ids', ids: [x1.id, x2.id] }, subject: 'Parking', body: 'Ticket: {{ticket_url}}' },
      slug,
    );
    expect(sent.status).toBe(202);
    const { results } = await env.DB.prepare(`SELECT "to", registration_id AS reg FROM emails WHERE message_id = ?`)
      .bind(sent.body.message.id)
      .all<{ to: string; reg: string }>();
    expect(results).toEqual([{ to: 'attendeex@example.org', reg: x2.id }]);
    expect(await recipientsOf(sent.body.message.id, slug)).toBe(1);
  });

  it("test-sends one rendering to the organiser, marked as a test in the console's language", async () => {
    const testSend = async (lang: string) => {
      const res = await call(`/api/events/${SLUG}/messages/test`, {
        method: 'POST',
        headers: { cookie: org, 'accept-language': lang },
        json: { audience: { type: 'speakers' }, subject: 'Hello {{name}}', body: 'Dear {{name}}' },
      });
      expect(res.status).toBe(202);
      return (
        await env.DB.prepare(
          `SELECT subject FROM emails WHERE "to" = 'organiser@colloquy.test' AND kind = 'message' ORDER BY created_at DESC`,
        ).first<any>()
      ).subject;
    };
    expect(await testSend('zh-CN')).toBe('【测试】Hello 金京玉');
    expect(await testSend('en')).toBe('[Test] Hello 金京玉');
  });
});

async function bigAudience(n: number) {
  const { id, slug } = await organisedEvent(n);
  const stmts = [];
  for (let i = 0; i < n; i++) {
    stmts.push(
      env.DB.prepare(
        `INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, status, role) VALUES (?, ?, ?, ?, ?, ?, 'confirmed', 'attendee')`,
      ).bind(
        `reg_${id}_${i}`,
        id,
        `code${id}${i}`.slice(-40),
        `Attendee ${i}`,
        `a${i}@example.org`,
        `a${i}@example.org`,
      ),
    );
  }
  for (let i = 0; i < stmts.length; i += 200) await env.DB.batch(stmts.slice(i, i + 200));
  return slug;
}

/** Files a message to every attendee with a queue that runs nothing, so the test steps its fan-out itself. */
async function fileWithoutQueue(slug: string): Promise<string> {
  const filed = await call(
    `/api/events/${slug}/messages`,
    {
      method: 'POST',
      headers: { cookie: org },
      json: { audience: { type: 'attendees' }, subject: 'Hi', body: 'Hi' },
    },
    { OUTBOX: { send: async () => {}, sendBatch: async () => {} } as never },
  );
  return filed.body.message.id;
}

describe('bulk sending', () => {
  it('a fan-out step run twice at once (a retried job racing the cron’s restart) writes each email once', async () => {
    const slug = await bigAudience(30);
    const id = await fileWithoutQueue(slug);
    // Both read the same cursor and render the same first 20.
    await Promise.all([fanOutStep(env, id, undefined, { limit: 20 }), fanOutStep(env, id, undefined, { limit: 20 })]);
    while (!(await fanOutStep(env, id, undefined, { limit: 20 })).done);
    const rows = await env.DB.prepare(
      `SELECT count(*) n, count(DISTINCT registration_id) d FROM emails WHERE message_id = ?`,
    )
      .bind(id)
      .first<{ n: number; d: number }>();
    expect(rows).toEqual({ n: 30, d: 30 });
    expect(await recipientsOf(id, slug)).toBe(30);
  });

  it('a message filed before migration 0020 (its parameters only in the job) is written to the end, step by step', async () => {
    const slug = await bigAudience(45);
    const id = await fileWithoutQueue(slug);
    // As an older Worker filed it: no fan_out on the message; the queue job carries the origin.
    await env.DB.prepare(`UPDATE messages SET fan_out = NULL, fanned_at = NULL WHERE id = ?`).bind(id).run();
    const job = { origin: 'http://localhost:8787' };
    let steps = 0;
    while (!(await fanOutStep(env, id, job, { limit: 20 })).done) steps++;
    expect(steps).toBe(2);
    const rows = await env.DB.prepare(`SELECT count(DISTINCT registration_id) d FROM emails WHERE message_id = ?`)
      .bind(id)
      .first<{ d: number }>();
    expect(rows!.d).toBe(45);
    expect(await recipientsOf(id, slug)).toBe(45);
    // Finished: a late duplicate job writes nothing.
    expect(await fanOutStep(env, id, job, { limit: 20 })).toEqual({ written: 0, done: true });
  });

  it('1,000 recipients take 10 Resend batch calls of at most 100, each request matching the contract', async () => {
    const resend = installResendDouble();
    const slug = await bigAudience(1000);
    const res = await compose(
      { audience: { type: 'attendees' }, subject: 'Reminder for {{name}}', body: 'See you, {{name}}.' },
      slug,
    );
    expect(await recipientsOf(res.body.message.id, slug)).toBe(1000);
    const result = await deliverBulk(withKey, res.body.message.id, { timeoutMs: 200 });
    expect(result).toMatchObject({ sent: 1000, remaining: 0 });
    const batchCalls = resend.calls.filter((c) => c.path === '/emails/batch');
    expect(batchCalls.map((c) => c.emails)).toEqual(Array(10).fill(100));
    expect(resend.violations).toEqual([]);
    expect(new Set(resend.deliveries.map((d) => d.body.to as unknown as string[]).map((t) => t[0])).size).toBe(1000);
    const status = await call(`/api/events/${slug}/messages/${res.body.message.id}`, { headers: { cookie: org } });
    expect(status.body.message.counts).toEqual({ sent: 1000 });
    expect(status.body.deliveries[0].name).toMatch(/^Attendee \d+$/);
    // The console's list of sent messages shows the same progress.
    const list = await call(`/api/events/${slug}/messages`, { headers: { cookie: org } });
    expect(list.body.messages).toEqual([
      expect.objectContaining({ id: res.body.message.id, recipients: 1000, sent: 1000, failed: 0, pending: 0 }),
    ]);
  });

  it('with 30% of calls failing (500, 429, timeouts, lost responses) every email is still sent exactly once', async () => {
    const resend = installResendDouble();
    resend.randomFaultRate = 0.3;
    resend.failNext(429, 'lost-response');
    const slug = await bigAudience(450);
    const res = await compose(
      { audience: { type: 'attendees' }, subject: 'Hi {{name}}', body: 'Hello {{name}}' },
      slug,
    );
    let rounds = 0;
    for (let r = 0; r < 60; r++) {
      rounds++;
      const out = await deliverBulk(withKey, res.body.message.id, { now: Date.now() + r * 7_200_000, timeoutMs: 50 });
      if (out.remaining === 0) break;
    }
    const perAddress = new Map<string, number>();
    for (const d of resend.deliveries) {
      const to = (d.body.to as string[])[0]!;
      perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    }
    expect(perAddress.size).toBe(450);
    const sizes = resend.calls.filter((c) => c.path === '/emails/batch').map((c) => c.emails);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    expect(resend.calls.some((c) => c.status === 429)).toBe(true);
    expect(resend.violations).toEqual([]);
    expect(rounds).toBeGreaterThan(1);
  });

  it("the queue consumer sends a message and asks to come back after a 429's retry-after", async () => {
    const resend = installResendDouble();
    const slug = await bigAudience(150);
    const res = await compose({ audience: { type: 'attendees' }, subject: 'Hi', body: 'Hello {{name}}' }, slug);
    resend.failNext('ok', 429);
    const before = Date.now();
    const batch = createMessageBatch('colloquy-outbox', [
      { id: 'q1', timestamp: new Date(), attempts: 1, body: { messageId: res.body.message.id } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue!(batch as never, withKey as never, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(['q1']);
    expect(resend.deliveries).toHaveLength(100);
    const waiting = await env.DB.prepare(
      `SELECT count(*) n, min(next_attempt_at) at FROM emails WHERE message_id = ? AND status = 'pending'`,
    )
      .bind(res.body.message.id)
      .first<any>();
    expect(waiting.n).toBe(50);
    expect(waiting.at).toBeGreaterThanOrEqual(before + 1000); // retry-after: 1 s
  });
});

describe('delivery webhooks', () => {
  const secret = 'whsec_' + btoa('colloquy-webhook-secret-0123456789');
  const sign = (id: string, payload: string, at = new Date()) => new Webhook(secret).sign(id, at, payload);
  const post = (headers: Record<string, string>, body: string) =>
    call(
      '/api/webhooks/resend',
      { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } },
      { RESEND_WEBHOOK_SECRET: secret },
    );

  it('records delivered and bounced per recipient, refuses unsigned, tampered, stale and replayed events', async () => {
    await env.DB.prepare(
      `INSERT INTO emails (id, kind, "to", status, provider_id) VALUES ('eml_wh', 'message', 'x@example.org', 'sent', 'prov_123')`,
    ).run();
    const payload = JSON.stringify({
      type: 'email.bounced',
      created_at: new Date().toISOString(),
      data: { email_id: 'prov_123' },
    });
    const at = new Date();
    const headers = {
      'svix-id': 'msg_1',
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': sign('msg_1', payload, at),
    };
    expect((await post({}, payload)).status).toBe(401);
    expect((await post(headers, payload.replace('bounced', 'delivered'))).status).toBe(401);
    const old = new Date(Date.now() - 10 * 60_000);
    expect(
      (
        await post(
          {
            'svix-id': 'msg_old',
            'svix-timestamp': String(Math.floor(old.getTime() / 1000)),
            'svix-signature': sign('msg_old', payload, old),
          },
          payload,
        )
      ).status,
    ).toBe(401);
    const ok = await post(headers, payload);
    expect(ok.status).toBe(200);
    expect(
      (await env.DB.prepare(`SELECT delivery_status FROM emails WHERE id = 'eml_wh'`).first<any>()).delivery_status,
    ).toBe('bounced');
    await env.DB.prepare(`UPDATE emails SET delivery_status = 'delivered' WHERE id = 'eml_wh'`).run();
    const replay = await post(headers, payload);
    expect(replay.body).toEqual({ ok: true, duplicate: true });
    expect(
      (await env.DB.prepare(`SELECT delivery_status FROM emails WHERE id = 'eml_wh'`).first<any>()).delivery_status,
    ).toBe('delivered');
  });
});

describe('reminders', () => {
  it('go the day before, once per confirmed attendee, in their language', async () => {
    const startsAt = Date.parse(beijingIso(30, '09:00'));
    const { id, slug } = await makeEvent(10, { startsAt });
    // 09:00 in Beijing the day before.
    const dayBefore = startsAt - 86_400_000;
    expect(reminderWindowStart(startsAt, 'Asia/Shanghai')).toBe(dayBefore);
    await call(`/api/events/${slug}/registrations`, { method: 'POST', json: person('rem-zh') });
    await call(`/api/events/${slug}/registrations`, { method: 'POST', json: person('rem-en', { locale: 'en' }) });
    const tooEarly = await sendDueReminders(env, dayBefore - 30 * 60_000);
    expect(tooEarly).toBe(0);
    await sendDueReminders(env, dayBefore + 3_600_000);
    await sendDueReminders(env, dayBefore + 2 * 3_600_000);
    const rows = (
      await env.DB.prepare(`SELECT "to", subject FROM emails WHERE event_id = ? AND kind = 'reminder' ORDER BY "to"`)
        .bind(id)
        .all<any>()
    ).results;
    expect(rows).toEqual([
      { to: 'attendeerem-en@example.org', subject: 'See you tomorrow: Test meeting' },
      { to: 'attendeerem-zh@example.org', subject: '明天见：测试会议' },
    ]);
  });
});
