// A confirmation rush at Resend's pace, in simulated time: each email exactly once, never a 429 at the configured
// pace, 100 per batch call when many wait (the calendar then a link), single sends with attachments when few do.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../worker/index';
import { describe, expect, it } from 'vitest';
import { ResendDouble } from '../fakes/resend-double';
import type { OutboxBody } from '../../worker/email/consumer';
import type { Bindings } from '../../worker/env';
import { announcementRush, confirmationRush, driveOutbox, SimClock, SimQueue, seedConfirmations } from '../fakes/rush';
import { makeEvent, organisedEvent } from './fixtures';
import { call, signIn } from './helpers';

const at = (rps: string) => ({ ...env, RESEND_API_KEY: 're_test_key_123', RESEND_MAX_RPS: rps });

/**
 * An event with n registrations (confirmed, or with their emails not yet written) that the demo organiser runs and is
 * signed in to: the console's message list, and announcing to all attendees (202, the new message's id).
 */
async function organisedAudience(prefix: string, n: number, withEmails?: boolean) {
  const { id, slug } = await organisedEvent(n);
  await seedConfirmations(env.DB, id, prefix, n, withEmails);
  const org = await signIn('organiser@colloquy.test');
  const list = async () => (await call(`/api/events/${slug}/messages`, { headers: { cookie: org } })).body.messages[0]!;
  const announce = async (queued: Bindings) => {
    const res = await call(
      `/api/events/${slug}/messages`,
      {
        method: 'POST',
        headers: { cookie: org },
        json: { audience: { type: 'attendees' }, subject: 'Hi {{name}}', body: 'Hello {{name}}' },
      },
      queued,
    );
    expect(res.status).toBe(202);
    return res.body.message.id;
  };
  return { slug, org, list, announce };
}

describe('confirmations at Resend’s pace', () => {
  it('300 queued at once against a 2 requests/s limit: no 429, each email exactly once, 100 per call', async () => {
    const { id, slug } = await makeEvent(1000);
    const r = await confirmationRush(at('2'), { eventId: id, prefix: 'rush', count: 300, resendRps: 2 });
    expect(r.double.violations).toEqual([]);
    expect(r.status429).toBe(0);
    expect(r.rowsSent).toBe(300);
    expect({ exactlyOnce: r.exactlyOnce, duplicated: r.duplicated, missing: r.missing }).toEqual({
      exactlyOnce: 300,
      duplicated: 0,
      missing: 0,
    });
    expect(r.calls).toBeLessThanOrEqual(Math.ceil(300 / 100) + 2);
    expect(r.lastAcceptanceSeconds).toBeLessThanOrEqual(10);

    // What a batch-sent confirmation looks like: no attachments (Resend's batch has none), so the QR is the hosted
    // PNG and the agenda a link to the event's .ics, which works.
    const mail = r.double.deliveredTo('rush000007@example.org')[0]!.body as Record<string, string>;
    expect(mail.attachments).toBeUndefined();
    expect(mail.subject).toBe('报名成功：测试会议');
    expect(/<img src="([^"]+)"/.exec(mail.html)![1]).toBe(
      'http://localhost:8787/api/tickets/rushcode000007xxxxxxxxxxxx/qr.png',
    );
    const ics = `http://localhost:8787/api/events/${slug}/agenda.ics`;
    expect(mail.html).toContain(`<a href="${ics}">下载会议日程（.ics），导入日历</a>`);
    expect(mail.text).toContain(`下载会议日程（.ics），导入日历：${ics}`);
    const calendar = await call(ics.replace('http://localhost:8787', ''));
    expect([calendar.status, calendar.headers.get('content-type')]).toEqual([200, 'text/calendar; charset=utf-8']);
    expect(calendar.body).toContain('BEGIN:VEVENT');
  });

  it('gathered 20 to a message, 600 in 30 messages go in one consumer run: each exactly once, none left for the sweep', async () => {
    const { id } = await makeEvent(1000);
    const r = await confirmationRush(at('2'), {
      eventId: id,
      prefix: 'gathered',
      count: 600,
      resendRps: 2,
      idsPerMessage: 20,
    });
    expect(r.status429).toBe(0);
    expect({ exactlyOnce: r.exactlyOnce, duplicated: r.duplicated, missing: r.missing }).toEqual({
      exactlyOnce: 600,
      duplicated: 0,
      missing: 0,
    });
    // One run claims every id its 30 messages name (with a cap of 500 ids, as before, it took two).
    expect(r.consumerRuns).toBe(1);
    expect(r.calls).toBe(6);
    expect(r.lastAcceptanceSeconds).toBeLessThanOrEqual(10);
  });

  it('a few at a time go singly, with the QR and the .ics attached, and still at the pace', async () => {
    const { id } = await makeEvent(100);
    const r = await confirmationRush(at('2'), { eventId: id, prefix: 'few', count: 8, resendRps: 2 });
    expect(r.status429).toBe(0);
    expect(r.exactlyOnce).toBe(8);
    expect(r.singleCalls).toBe(8);
    const mail = r.double.deliveredTo('few000003@example.org')[0]!.body as { attachments: { filename: string }[] };
    expect(mail.attachments.map((a) => a.filename)).toEqual(['ticket-qr.png', 'agenda.ics']);
    // Eight calls at most two a second (with the 10 % margin) take about four seconds.
    expect(r.lastAcceptanceSeconds).toBeGreaterThanOrEqual(3.5);
  });

  it('configured above the team’s real limit, it slows down from the ratelimit headers before any 429', async () => {
    const { id } = await makeEvent(100);
    // 8 single sends (at 4/s, up to 20 waiting go singly), while Resend allows 2 a second.
    const r = await confirmationRush(at('4'), { eventId: id, prefix: 'adapt', count: 8, resendRps: 2 });
    expect(r.singleCalls).toBe(8);
    expect(r.status429).toBe(0);
    expect(r.exactlyOnce).toBe(8);
  });

  it('a batch whose answer was lost is sent again whole, with its key: nobody gets the email twice', async () => {
    const { id } = await makeEvent(1000);
    const double = new ResendDouble();
    double.failNext('lost-response', 500);
    const r = await confirmationRush(at('2'), { eventId: id, prefix: 'lost', count: 250, resendRps: 2, double });
    expect(r.status429).toBe(0);
    expect(r.duplicated).toBe(0);
    expect(r.exactlyOnce).toBe(250);
    expect(r.rowsSent).toBe(250);
    // The lost call went out (Resend sent its 100) and was retried under the same key, answered from the first send.
    const keys = double.deliveries.map((d) => d.idempotencyKey);
    expect(new Set(keys).size).toBe(3);
    expect(double.calls.filter((c) => c.path === '/emails/batch').length).toBeGreaterThanOrEqual(5);
    expect(double.violations).toEqual([]);
  });
});

describe('an announcement to a large audience', () => {
  it('is filed by the request, written and sent by the queue at the pace: progress moves to 100 %, each email once', async () => {
    const n = 2500;
    const { slug, org, list, announce } = await organisedAudience('ann', n);
    const r = await announcementRush(at('2'), {
      prefix: 'ann',
      resendRps: 2,
      send: async (queued) => {
        const messageId = await announce(queued);
        // Nothing is counted or rendered in the request: the queue counts the audience and writes the rows.
        const written = await env.DB.prepare(`SELECT count(*) n FROM emails WHERE message_id = ?`)
          .bind(messageId)
          .first<{ n: number }>();
        expect(written!.n).toBe(0);
        // Until the queue has counted, the console says so and keeps polling (something is waiting).
        expect(await list()).toMatchObject({ id: messageId, writing: true, recipients: 0, pending: 1 });
        return messageId;
      },
      progress: async (messageId) => {
        const m = await list();
        // The message's own page (the console's detail) says the same: waiting counts the unwritten rows too.
        const detail = await call(`/api/events/${slug}/messages/${messageId}`, { headers: { cookie: org } });
        const c = detail.body.message.counts as Record<string, number>;
        expect((c.pending ?? 0) + (c.sending ?? 0)).toBe(m.pending);
        return { sent: m.sent, pending: m.pending };
      },
    });
    expect(r.status429).toBe(0);
    expect(r.exactlyOnce).toBe(n);
    expect(r.duplicated).toBe(0);
    expect(r.calls).toBeLessThanOrEqual(Math.ceil(n / 100) + 2);
    // What the console's poll saw: sent only ever grows, something is waiting until the last run, then 100 %.
    const seen = r.progress as { sent: number; pending: number }[];
    const sent = seen.map((p) => p.sent);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(seen.slice(0, -1).every((p) => p.pending > 0)).toBe(true);
    expect(seen.filter((p) => p.sent > 0 && p.sent < n).length).toBeGreaterThan(2);
    expect(seen.at(-1)).toEqual({ sent: n, pending: 0 });
    expect(await list()).toMatchObject({ recipients: n, sent: n, failed: 0, pending: 0 });
  }, 60_000);
});

describe('a fan-out whose queue job was lost', () => {
  it('is finished by the cron from its cursor: each recipient exactly once, the console waiting meanwhile', async () => {
    const n = 2500;
    const { list, announce } = await organisedAudience('lostfan', n, false);
    let fanOutJobs = 0;
    let stalled: { recipients: number; sent: number; pending: number } | null = null;
    const r = await announcementRush(at('2'), {
      prefix: 'lostfan',
      resendRps: 2,
      // The job for the second step (after the first 1,000 rows) never reaches a consumer.
      lose: (body) => (body as OutboxBody).fanOut !== undefined && ++fanOutJobs === 2,
      send: announce,
      progress: async () => {
        const m = await list();
        if (m.sent === 1000) stalled = m;
        return m;
      },
    });
    expect(r.lostJobs).toBe(1);
    // While the fan-out stood still, the console showed the whole audience, a thousand sent, the rest waiting.
    expect(stalled).toMatchObject({ recipients: n, sent: 1000, pending: n - 1000 });
    expect({ exactlyOnce: r.exactlyOnce, duplicated: r.duplicated }).toEqual({ exactlyOnce: n, duplicated: 0 });
    expect(r.status429).toBe(0);
    // The rest went after the stall was noticed (10 minutes without a step), by a cron sweep.
    expect(r.lastAcceptanceSeconds).toBeGreaterThan(600);
    expect(r.lastAcceptanceSeconds).toBeLessThan(1200);
    const rows = await env.DB.prepare(
      `SELECT count(*) n, count(DISTINCT registration_id) d FROM emails WHERE message_id = ?`,
    )
      .bind(r.messageId)
      .first<{ n: number; d: number }>();
    expect(rows).toEqual({ n, d: n });
    expect(await list()).toMatchObject({ recipients: n, sent: n, failed: 0, pending: 0, writing: false });
  }, 60_000);
});

describe('the cron sweep', () => {
  it('goes through the outbox queue, so its sends keep the same pace', async () => {
    const { id } = await makeEvent(1000);
    await seedConfirmations(env.DB, id, 'cron', 150);
    const recorded: unknown[] = [];
    const recorder = { send: async (m: unknown) => void recorded.push(m), sendBatch: async () => {} };
    const double = new ResendDouble();
    const realFetch = globalThis.fetch;
    let direct = 0;
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (new URL(new Request(input, init).url).hostname === 'api.resend.com') direct++;
      return realFetch(input, init);
    };
    try {
      const ctx = createExecutionContext();
      await worker.scheduled!(
        { cron: '*/5 * * * *', scheduledTime: Date.now() } as never,
        { ...at('2'), OUTBOX: recorder } as never,
        ctx,
      );
      await waitOnExecutionContext(ctx);
    } finally {
      globalThis.fetch = realFetch;
    }
    // The cron itself called nobody: it asked the queue for a sweep.
    expect(direct).toBe(0);
    expect(recorded).toContainEqual({ sweep: true });
    const clock = new SimClock();
    const queue = new SimQueue(clock);
    for (const m of recorded) await queue.send(m);
    let sent = 0;
    await driveOutbox(
      at('2'),
      { clock, queue, double },
      {
        resendRps: 2,
        done: async () => {
          sent = Number(
            (
              await env.DB.prepare(`SELECT count(*) n FROM emails WHERE event_id = ? AND status = 'sent'`)
                .bind(id)
                .first<{ n: number }>()
            )?.n,
          );
          return sent === 150;
        },
      },
    );
    expect(sent).toBe(150);
    expect(double.calls.filter((c) => c.status === 429)).toEqual([]);
    const mine = double.deliveries.filter((d) => (d.body.to as string[])[0]!.startsWith('cron'));
    expect(new Set(mine.map((d) => (d.body.to as string[])[0])).size).toBe(150);
    expect(mine).toHaveLength(150);
  });
});
