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
  /** Messages lost on the way in (a job dropped after its retries, as far as the consumer can tell). */
  lost = 0;
  /** Which sent messages to lose, for the cron's safety net to make up for. */
  lose: ((body: unknown) => boolean) | null = null;
  constructor(
    private readonly clock: SimClock,
    private readonly maxBatch = 100,
    private readonly maxWaitMs = 2000,
    private readonly maxRetries = 10,
  ) {}
  async send(body: unknown, options?: { delaySeconds?: number }) {
    if (this.lose?.(body)) {
      this.lost++;
      return;
    }
    const visibleAt = this.clock.now() + (options?.delaySeconds ?? 0) * 1000;
    this.queued.push({ id: ++this.seq, body, visibleAt, attempts: 0 });
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
export async function seedConfirmations(
  db: D1Database,
  eventId: string,
  prefix: string,
  count: number,
  withEmails = true,
) {
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
    );
    if (withEmails)
      statements.push(
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

/** Calls, 429s and the last acceptance of a run of the outbox against the double. */
export type Drive = {
  clock: SimClock;
  queue: SimQueue;
  double: ResendDouble;
  start: number;
  lastAcceptance: number;
  /** CPU the consumer's own runs took in this process (Node only: D1's SQLite runs elsewhere), for the bench. */
  consumerCpuMs: number;
};

/**
 * Runs the outbox queue (and the cron's sweep every 5 minutes) against the double, which enforces `resendRps`, until
 * `done()` or `limitSeconds` of simulated time; `afterRun` sees the state after each consumer run (the console's poll).
 */
export async function driveOutbox(
  env: Bindings,
  d: Omit<Drive, 'start' | 'lastAcceptance' | 'consumerCpuMs'>,
  o: {
    resendRps: number;
    latencyMs?: number;
    limitSeconds?: number;
    done: () => Promise<boolean>;
    afterRun?: () => Promise<void>;
    before?: (env: Bindings) => Promise<void>;
    /** The D1 the consumer sees (the bench passes a metered one, so seeding and polling are not counted). */
    consumerDb?: D1Database;
  },
): Promise<Drive> {
  const { clock, queue, double } = d;
  double.rateLimit = { rps: o.resendRps, now: () => clock.now() };
  const latency = o.latencyMs ?? 100;
  const realFetch = globalThis.fetch;
  const drive: Drive = { ...d, start: clock.now(), lastAcceptance: clock.now(), consumerCpuMs: 0 };
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (new URL(request.url).hostname !== 'api.resend.com') return realFetch(input, init);
    // Half the round trip there, half back: Resend sees the call arrive, and the sender the answer, later.
    await clock.sleep(latency / 2);
    const before = double.deliveries.length;
    const response = await double.handle(request);
    if (response.status === 200 && double.deliveries.length > before) drive.lastAcceptance = clock.now();
    await clock.sleep(latency / 2);
    return response;
  };
  const withQueue = { ...env, OUTBOX: queue as never };
  const consumerEnv = o.consumerDb ? { ...withQueue, DB: o.consumerDb } : withQueue;
  // Node's process CPU (the bench); workerd's process has cpuUsage but throws, so the tests there count nothing.
  const cpuUsage = (since?: { user: number; system: number }) => {
    try {
      return (
        globalThis as { process?: { cpuUsage?: (p?: unknown) => { user: number; system: number } } }
      ).process?.cpuUsage?.(since);
    } catch {
      return undefined;
    }
  };
  try {
    await o.before?.(withQueue);
    const limit = drive.start + (o.limitSeconds ?? 3600) * 1000;
    let nextCron = drive.start + 300_000;
    const consume = async (messages: SimMessage[]) => {
      const started = cpuUsage();
      try {
        return await consumeOutbox(messages, consumerEnv, clock);
      } finally {
        const used = started && cpuUsage(started);
        if (used) drive.consumerCpuMs += (used.user + used.system) / 1000;
      }
    };
    while (clock.now() < limit) {
      if (clock.now() >= nextCron) {
        await queue.send({ sweep: true } satisfies OutboxBody);
        nextCron += 300_000;
      }
      if (await queue.runOnce(consume)) {
        await o.afterRun?.();
        continue;
      }
      if (await o.done()) break;
      clock.t = nextCron;
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  return drive;
}

const seconds = (d: Drive) => Math.round((d.lastAcceptance - d.start) / 100) / 10;

/** How many emails each recipient got, among those whose address starts with `prefix`. */
function perRecipient(double: ResendDouble, prefix: string) {
  const counts = new Map<string, number>();
  for (const d of double.deliveries) {
    const to = (d.body.to as string[])[0]!;
    if (to.startsWith(prefix)) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return [...counts.values()];
}

/**
 * Queues one message per confirmation at once (as `count` registrations would; `idsPerMessage` as registrations one
 * isolate gathered), then runs the queue, with the cron's sweep every 5 minutes, until every row is sent or
 * `limitSeconds` of simulated time pass.
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
    consumerDb?: D1Database;
    idsPerMessage?: number;
  },
): Promise<RushFigures & { double: ResendDouble; consumerCpuMs: number }> {
  const clock = new SimClock();
  const double = o.double ?? new ResendDouble();
  const queue = new SimQueue(clock);
  const ids = await seedConfirmations(env.DB, o.eventId, o.prefix, o.count);
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
  const per = o.idsPerMessage ?? 1;
  for (let i = 0; i < ids.length; i += per) await queue.send({ emailIds: ids.slice(i, i + per) } satisfies OutboxBody);
  const drive = await driveOutbox(
    env,
    { clock, queue, double },
    { ...o, done: async () => (await sent()) === ids.length },
  );
  const counts = perRecipient(double, o.prefix);
  return {
    double,
    confirmations: o.count,
    calls: double.calls.length,
    batchCalls: double.calls.filter((c) => c.path === '/emails/batch').length,
    singleCalls: double.calls.filter((c) => c.path === '/emails').length,
    status429: double.calls.filter((c) => c.status === 429).length,
    deliveries: double.deliveries.length,
    exactlyOnce: counts.filter((n) => n === 1).length,
    duplicated: counts.filter((n) => n > 1).length,
    missing: o.count - counts.length,
    lastAcceptanceSeconds: seconds(drive),
    consumerRuns: queue.runs,
    rowsSent: await sent(),
    consumerCpuMs: drive.consumerCpuMs,
  };
}

/**
 * An announcement in simulated time: `send(env)` files the message as the send route does (its env's OUTBOX is the
 * simulated queue); the queue then writes and sends every recipient's email. `progress()` is read after each run.
 */
export async function announcementRush(
  env: Bindings,
  o: {
    send: (env: Bindings) => Promise<string>;
    prefix: string;
    resendRps: number;
    limitSeconds?: number;
    progress?: (messageId: string) => Promise<unknown>;
    lose?: (body: unknown) => boolean;
  },
) {
  const clock = new SimClock();
  const double = new ResendDouble();
  const queue = new SimQueue(clock);
  queue.lose = o.lose ?? null;
  let messageId = '';
  const progress: unknown[] = [];
  const unsent = async () =>
    Number(
      (
        await env.DB.prepare(
          `SELECT m.recipients - (SELECT count(*) FROM emails e WHERE e.message_id = m.id AND e.status IN ('sent', 'captured', 'failed')) n FROM messages m WHERE m.id = ?`,
        )
          .bind(messageId)
          .first<{ n: number }>()
      )?.n ?? 1,
    );
  const drive = await driveOutbox(
    env,
    { clock, queue, double },
    {
      ...o,
      before: async (withQueue) => {
        messageId = await o.send(withQueue);
      },
      done: async () => (await unsent()) === 0,
      afterRun: async () => {
        if (o.progress) progress.push(await o.progress(messageId));
      },
    },
  );
  const counts = perRecipient(double, o.prefix);
  return {
    double,
    messageId,
    progress,
    calls: double.calls.length,
    status429: double.calls.filter((c) => c.status === 429).length,
    deliveries: double.deliveries.length,
    exactlyOnce: counts.filter((n) => n === 1).length,
    duplicated: counts.filter((n) => n > 1).length,
    lastAcceptanceSeconds: seconds(drive),
    consumerRuns: queue.runs,
    lostJobs: queue.lost,
  };
}

/** A published event of its own, for an audience of exactly the people seeded into it. */
export async function seedEvent(db: D1Database, id: string) {
  const startsAt = Date.now() + 30 * 86_400_000;
  await db
    .prepare(
      `INSERT INTO events (id, slug, title_zh, title_en, venue_zh, venue_en, timezone, starts_at, ends_at, capacity, status)
       VALUES (?, ?, '全国大会', 'National congress', '会议中心', 'Congress centre', 'Asia/Shanghai', ?, ?, 100000, 'published')`,
    )
    .bind(id, id.replaceAll('_', '-'), startsAt, startsAt + 8 * 3_600_000)
    .run();
}

/** Files a message as the send route does (the route's own CPU is measured against the running Worker). */
export async function fileMessage(env: Bindings, eventId: string, messageId: string, recipients: number) {
  const fanOut = { origin: 'https://colloquy.example' };
  await env.DB.prepare(
    `INSERT INTO messages (id, event_id, audience, subject, body, recipients, staff_id, created_at, fan_out) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  )
    .bind(
      messageId,
      eventId,
      JSON.stringify({ type: 'attendees' }),
      '{{event}}：大会通知 / Notice',
      '{{name}}，您好：\n\n大会日程已更新，请查看 {{ticket_url}}。',
      recipients,
      Date.now(),
      JSON.stringify(fanOut),
    )
    .run();
  // Filed as the send route files it: the message keeps what the queue needs (fan_out), and one job starts it.
  await env.OUTBOX.send({ messageId, fanOut } satisfies OutboxBody);
  return messageId;
}
