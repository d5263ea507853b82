// A confirmation rush in simulated time: N confirmations queued at once, the outbox queue run as wrangler.toml sets
// it (one consumer at a time, batches of up to 100 after at most 2 s, the cron's sweep every 5 minutes) against the
// Resend double enforcing a rate limit. Shared by tests/worker/rush.test.ts (workerd) and bench/rush.mjs (Node).
import { consumeOutbox, type OutboxBody } from '../../worker/email/consumer';
import type { Clock } from '../../worker/email/pace';
import type { Bindings } from '../../worker/env';
import { ResendDouble } from './resend-double';

/**
 * Simulated time: it moves only when the code waits (the pacer's sleeps, the queue's batch timeout, the network
 * latency below), so rendering and D1 work take none of it. The figures are the pace's, not the machine's.
 */
export class SimClock implements Clock {
  constructor(public t = Date.now()) {}
  now() {
    return this.t;
  }
  async sleep(ms: number) {
    this.t += Math.max(0, ms);
  }
}

type Queued = { id: number; body: unknown; visibleAt: number; attempts: number };
export type SimMessage = { body: unknown; ack(): void; retry(options?: { delaySeconds?: number }): void };

/** The outbox queue with the consumer settings of wrangler.toml, in simulated time. */
export class SimQueue {
  private queued: Queued[] = [];
  private seq = 0;
  runs = 0;
  dead = 0;
  constructor(
    private readonly clock: SimClock,
    private readonly maxBatch = 100,
    private readonly maxWaitMs = 2000,
    private readonly maxRetries = 10,
  ) {}
  async send(body: unknown) {
    this.queued.push({ id: ++this.seq, body, visibleAt: this.clock.now(), attempts: 0 });
  }
  async sendBatch(messages: { body: unknown }[]) {
    for (const m of messages) await this.send(m.body);
  }
  get size() {
    return this.queued.length;
  }
  /** One consumer run (max_concurrency = 1: the next starts when this one ends), or false when nothing is queued. */
  async runOnce(consume: (messages: SimMessage[]) => Promise<unknown>) {
    if (!this.queued.length) return false;
    const now = this.clock.now();
    const visible = this.queued.filter((m) => m.visibleAt <= now).sort((a, b) => a.visibleAt - b.visibleAt);
    if (!visible.length) {
      this.clock.t = Math.min(...this.queued.map((m) => m.visibleAt));
      return true;
    }
    // A batch leaves when it is full or when its oldest message has waited max_batch_timeout.
    if (visible.length < this.maxBatch && now < visible[0]!.visibleAt + this.maxWaitMs) {
      const arrivals = this.queued.filter((m) => m.visibleAt > now).map((m) => m.visibleAt);
      this.clock.t = Math.min(visible[0]!.visibleAt + this.maxWaitMs, ...arrivals);
      return true;
    }
    const batch = visible.slice(0, this.maxBatch);
    const verdicts = new Map<number, number | null>();
    const messages = batch.map((m) => ({
      body: m.body,
      ack: () => verdicts.set(m.id, null),
      retry: (o?: { delaySeconds?: number }) => verdicts.set(m.id, (o?.delaySeconds ?? 0) * 1000),
    }));
    this.runs++;
    await consume(messages);
    for (const m of batch) {
      const delay = verdicts.get(m.id);
      // A run that returns without a verdict acknowledges the message, as Cloudflare does.
      if (delay === undefined || delay === null || ++m.attempts > this.maxRetries) {
        if (delay !== undefined && delay !== null) this.dead++;
        this.queued.splice(this.queued.indexOf(m), 1);
      } else m.visibleAt = this.clock.now() + delay;
    }
    return true;
  }
}

export type RushFigures = {
  confirmations: number;
  calls: number;
  batchCalls: number;
  singleCalls: number;
  status429: number;
  /** Emails Resend accepted (a retried call answered from its Idempotency-Key adds none). */
  deliveries: number;
  /** Recipients who got the email exactly once, more than once, and not at all. */
  exactlyOnce: number;
  duplicated: number;
  missing: number;
  /** Simulated seconds from the moment all were queued to Resend's last acceptance. */
  lastAcceptanceSeconds: number;
  consumerRuns: number;
  rowsSent: number;
};

/** Registrations and their confirmation rows, as the registration route leaves them, for `count` people. */
export async function seedConfirmations(db: D1Database, eventId: string, prefix: string, count: number) {
  const ids: string[] = [];
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(6, '0');
    const email = `${prefix}${n}@example.org`;
    statements.push(
      db
        .prepare(
          `INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, status, role) VALUES (?, ?, ?, ?, ?, ?, 'confirmed', 'attendee')`,
        )
        .bind(`reg_${prefix}${n}`, eventId, `${prefix}code${n}xxxxxxxxxxxx`, `Guest ${n}`, email, email),
      db
        .prepare(
          `INSERT INTO emails (id, event_id, registration_id, kind, "to", payload) VALUES (?, ?, ?, 'confirmation', ?, '{"origin":"http://localhost:8787"}')`,
        )
        .bind(`eml_${prefix}${n}`, eventId, `reg_${prefix}${n}`, email),
    );
    ids.push(`eml_${prefix}${n}`);
  }
  for (let i = 0; i < statements.length; i += 400) await db.batch(statements.slice(i, i + 400));
  return ids;
}

/**
 * Queues one message per confirmation at once (as `count` registrations would), then runs the queue, with the cron's
 * sweep every 5 minutes, until every row is sent or `limitSeconds` of simulated time pass.
 */
export async function confirmationRush(
  env: Bindings,
  o: {
    eventId: string;
    prefix: string;
    count: number;
    /** Resend's real limit (the double enforces it); the outbox paces to env.RESEND_MAX_RPS. */
    resendRps: number;
    latencyMs?: number;
    limitSeconds?: number;
    double?: ResendDouble;
    clock?: SimClock;
  },
): Promise<RushFigures & { double: ResendDouble }> {
  const clock = o.clock ?? new SimClock();
  const double = o.double ?? new ResendDouble();
  double.rateLimit = { rps: o.resendRps, now: () => clock.now() };
  const ids = await seedConfirmations(env.DB, o.eventId, o.prefix, o.count);
  const queue = new SimQueue(clock);
  const latency = o.latencyMs ?? 100;
  const realFetch = globalThis.fetch;
  const start = clock.now();
  let lastAcceptance = start;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (new URL(request.url).hostname !== 'api.resend.com') return realFetch(input, init);
    // Half the round trip there, half back: Resend sees the call arrive, and the sender the answer, later.
    await clock.sleep(latency / 2);
    const before = double.deliveries.length;
    const response = await double.handle(request);
    if (response.status === 200 && double.deliveries.length > before) lastAcceptance = clock.now();
    await clock.sleep(latency / 2);
    return response;
  };
  const sent = async () =>
    Number(
      (
        await env.DB.prepare(
          `SELECT count(*) n FROM emails WHERE id IN (SELECT value FROM json_each(?)) AND status = 'sent'`,
        )
          .bind(JSON.stringify(ids))
          .first<{ n: number }>()
      )?.n ?? 0,
    );
  try {
    for (const id of ids) await queue.send({ emailIds: [id] } satisfies OutboxBody);
    const limit = start + (o.limitSeconds ?? 3600) * 1000;
    let nextCron = start + 300_000;
    const consume = (messages: SimMessage[]) => consumeOutbox(messages, { ...env, OUTBOX: queue as never }, clock);
    while (clock.now() < limit) {
      if (clock.now() >= nextCron) {
        await queue.send({ sweep: true } satisfies OutboxBody);
        nextCron += 300_000;
      }
      if (await queue.runOnce(consume)) continue;
      if ((await sent()) === ids.length) break;
      clock.t = nextCron;
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  const perAddress = new Map<string, number>();
  for (const d of double.deliveries) {
    const to = (d.body.to as string[])[0]!;
    perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
  }
  const mine = [...perAddress].filter(([to]) => to.startsWith(o.prefix));
  return {
    double,
    confirmations: o.count,
    calls: double.calls.length,
    batchCalls: double.calls.filter((c) => c.path === '/emails/batch').length,
    singleCalls: double.calls.filter((c) => c.path === '/emails').length,
    status429: double.calls.filter((c) => c.status === 429).length,
    deliveries: double.deliveries.length,
    exactlyOnce: mine.filter(([, n]) => n === 1).length,
    duplicated: mine.filter(([, n]) => n > 1).length,
    missing: o.count - mine.length,
    lastAcceptanceSeconds: Math.round((lastAcceptance - start) / 100) / 10,
    consumerRuns: queue.runs,
    rowsSent: await sent(),
  };
}
