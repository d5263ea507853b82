// The Worker's entry point: HTTP through Hono, plus the cron sweep.
import { app } from './app';
import { closeOutEndedBlocks } from './attendance/close-out';
import { deliverDue } from './email/outbox';
import { deliverBulk, sweepBulk } from './messages/bulk';
import { sendDueReminders } from './messages/reminders';
import { sendFacultyReminders } from './faculty/reminders';
import { meteredD1, serverTiming } from './dev/d1-meter';
import { type Bindings, isDevelopment } from './env';
import { configProblem } from './http/origin';
import { CERTIFICATE_QUEUE, consumeCertificateBatch } from './certificates/render';

export type { AppType } from './app';

export default {
  async fetch(request, env, ctx) {
    if (!isDevelopment(env)) return app.fetch(request, env, ctx);
    const { db, meter } = meteredD1(env.DB);
    const response = await app.fetch(request, { ...env, DB: db }, ctx);
    try {
      response.headers.append('server-timing', serverTiming(meter));
      return response;
    } catch {
      // Headers of a response from fetch() or the cache are immutable: copy it.
      const metered = new Response(response.body, response);
      metered.headers.append('server-timing', serverTiming(meter));
      return metered;
    }
  },
  async scheduled(_controller, env, ctx) {
    const problem = configProblem(env);
    if (problem) return console.error('configuration error, cron skipped:', problem);
    ctx.waitUntil(
      (async () => {
        await sendDueReminders(env, Date.now(), env.PUBLIC_URL || undefined);
        await sendFacultyReminders(env, Date.now(), env.PUBLIC_URL || undefined);
        await deliverDue(env, { limit: 200 });
        await sweepBulk(env);
        await closeOutEndedBlocks(env.DB, Date.now());
      })(),
    );
  },
  async queue(batch, env, _ctx) {
    if (batch.queue === CERTIFICATE_QUEUE) return consumeCertificateBatch(batch, env);
    // Single emails (confirmations, sign-in links) of the whole batch go in one delivery run; a failure is
    // rescheduled in the outbox row itself, and the cron sweep picks it up then.
    const single = batch.messages.filter((m) => (m.body as { emailIds?: string[] }).emailIds);
    if (single.length) {
      await deliverDue(env, { ids: single.flatMap((m) => (m.body as { emailIds: string[] }).emailIds), limit: 500 });
      for (const m of single) m.ack();
    }
    for (const message of batch.messages) {
      const body = message.body as { messageId?: string; emailIds?: string[] };
      if (body.emailIds) continue;
      const result = await deliverBulk(env, body.messageId!);
      // Honour Resend's retry-after: the queue brings the message back when it is time.
      if (result.remaining > 0)
        message.retry({ delaySeconds: Math.max(1, Math.ceil((result.retryAfterMs ?? 5_000) / 1000)) });
      else message.ack();
    }
  },
} satisfies ExportedHandler<Bindings>;
