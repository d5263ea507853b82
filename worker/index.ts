// The Worker's entry point: HTTP through Hono, plus the cron sweep.
import { app } from './app';
import { closeOutEndedBlocks } from './attendance/close-out';
import { consumeOutbox, sweepOutbox } from './email/consumer';
import { sendDueReminders } from './messages/reminders';
import { sendFacultyReminders } from './faculty/reminders';
import { sendEvaluationInvitations } from './evaluation/emails';
import { meteredD1, serverTiming } from './dev/d1-meter';
import { type Bindings, isDevelopment } from './env';
import { configProblem } from './http/origin';
import { sweepStaleUploads } from './people/files';
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
        await sendEvaluationInvitations(env, Date.now(), env.PUBLIC_URL || undefined);
        await sweepOutbox(env);
        await closeOutEndedBlocks(env.DB, Date.now());
        await sweepStaleUploads(env, Date.now());
      })(),
    );
  },
  async queue(batch, env, _ctx) {
    if (batch.queue === CERTIFICATE_QUEUE) return consumeCertificateBatch(batch, env);
    // The outbox queue: confirmations, bulk messages and the cron's sweep, paced to Resend (worker/email/consumer.ts).
    // The bench pauses it, so the registration route is measured without the confirmations' work in the same
    // process (in production they run in other invocations; bench/rush.mjs measures the consumer apart).
    if (batch.queue === 'colloquy-outbox' && !(isDevelopment(env) && env.OUTBOX_PAUSED === 'true'))
      await consumeOutbox(batch.messages, env);
  },
} satisfies ExportedHandler<Bindings>;
