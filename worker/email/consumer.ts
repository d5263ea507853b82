// The outbox queue's consumer: confirmations, bulk messages and the cron's sweep, all paced by one Pacer per run.
// wrangler.toml runs one consumer at a time (max_concurrency = 1), so the pace holds across every invocation.
import type { Bindings } from '../env';
import { deliverBulk, sweepBulk } from '../messages/bulk';
import { type FanOut, fanOutStep, resumeStalledFanOuts } from '../messages/fanout';
import { deliverDue } from './outbox';
import { handedToQueue } from './outbox-queue';
import { type Clock, configuredRps, Pacer, realClock } from './pace';

/** What a message on the outbox queue asks for. */
export type OutboxBody = { emailIds?: string[]; messageId?: string; fanOut?: FanOut; sweep?: true };
type OutboxMessage = { body: unknown; ack(): void; retry(options?: { delaySeconds?: number }): void };

const seconds = (ms: number | null | undefined, fallback: number) => Math.max(1, Math.ceil((ms ?? fallback) / 1000));

export async function consumeOutbox(messages: readonly OutboxMessage[], env: Bindings, clock: Clock = realClock) {
  const pacer = new Pacer(configuredRps(env), clock);
  const bodyOf = (m: OutboxMessage) => m.body as OutboxBody;
  // Single emails (confirmations, sign-in links) of the whole batch go in one delivery run: many of them go 100
  // per Resend call. Every id the batch names is claimed (up to 100 messages of up to 20 gathered confirmations:
  // worker/email/outbox.ts). What the run could not send yet (its budget spent, or Resend said to wait) comes back later.
  const single = messages.filter((m) => bodyOf(m).emailIds);
  if (single.length) {
    const ids = single.flatMap((m) => bodyOf(m).emailIds!);
    const result = await deliverDue(env, { ids, limit: ids.length, pacer });
    for (const m of single)
      if (result.retryAfterMs) m.retry({ delaySeconds: seconds(result.retryAfterMs, 1000) });
      else m.ack();
  }
  for (const m of messages) {
    const body = bodyOf(m);
    if (body.sweep) {
      // The cron's sweep runs here rather than in the cron, so its calls share this run's pace.
      await deliverDue(env, { limit: 1000, pacer });
      await sweepBulk(env, pacer);
      // A fan-out whose queue job was lost (dropped after its retries) goes back on the queue from its cursor.
      await resumeStalledFanOuts(env, clock.now());
      m.ack();
    } else if (body.messageId) {
      // A message still being written: one step of rows, then send what is there.
      const fan = body.fanOut && (await fanOutStep(env, body.messageId, body.fanOut, { now: clock.now() }));
      const result = await deliverBulk(env, body.messageId, { pacer });
      if (fan && !fan.done) {
        // The next step comes as a new message: a retry would count against max_retries, and 20,000 take 20 steps.
        if (await handedToQueue(env, body)) m.ack();
        else m.retry({ delaySeconds: 1 });
      } else if (result.remaining > 0) m.retry({ delaySeconds: seconds(result.retryAfterMs, 5_000) });
      // Honour Resend's retry-after (above): the queue brings the message back when it is time.
      else m.ack();
    }
  }
  // The next run (one at a time) starts no sooner than this one's next slot.
  await pacer.settle();
  return pacer.calls;
}

/** The cron's part: through the queue when there is one (so it keeps the pace), else right here. */
export async function sweepOutbox(env: Bindings) {
  if (await handedToQueue(env, { sweep: true })) return;
  const pacer = new Pacer(configuredRps(env));
  await resumeStalledFanOuts(env);
  await deliverDue(env, { limit: 200, pacer });
  await sweepBulk(env, pacer);
}
