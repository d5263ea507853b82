// Delivers the email outbox: renders each due row, sends it through Resend (or captures it in the dev
// mailbox when no API key is set), and records status, attempts and the last error. Safe to run anywhere,
// any number of times: a row is claimed with a lease, and Resend's Idempotency-Key is the row id.
import { asc, type Column, eq, sql } from 'drizzle-orm';
import { Resend } from 'resend';
import { emails, events, registrations, sessions } from '../../schema';
import { atomically, dbFor } from '../db';
import { loggable } from '../http/errors';
import type { Bindings, Db } from '../env';
import { eventAgendaIcs } from '../events/ics';
import { type Clock, configuredRps, Pacer, realClock } from './pace';
import { randomToken, sha256 } from '../lib/random';
import { derivedManageToken, linkSecret, MANAGED_KINDS } from '../tickets/manage';
import { renderAttendeeEmail, renderSignInEmail, type AttendeeEmailKind } from './templates';
import { renderInvitationEmail } from './invitation';
import { renderCertificateEmail } from './certificate';

type EmailRow = typeof emails.$inferSelect;
/** An attached file: its bytes (base64), or an address Resend fetches them from; `contentId` makes it an inline image. */
export type Attachment = { filename: string; contentType: string; content?: string; path?: string; contentId?: string };
export type RenderedEmail = { subject: string; html: string; text: string; attachments: Attachment[] };

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 8;
const SEND_TIMEOUT_MS = 10_000;
const ATTENDEE_KINDS = new Set([...MANAGED_KINDS, 'cancelled', 'rejected']);
/** The registration's own emails, which carry its first management link; a reissued ticket gets a new link. */
const OWN_TOKEN_KINDS = new Set(['confirmation', 'waitlisted', 'pending', 'promoted', 'approved']);
/** Emails that end a registration carry no agenda. */
const NO_AGENDA = new Set(['cancelled', 'rejected']);

export const DEFAULT_FROM = 'Colloquy <events@colloquy.test>';

function toBase64(text: string) {
  const bytes = new TextEncoder().encode(text);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Registrations, events, agendas and their .ics read or built once per delivery run, however many emails it renders. */
export class RenderCache {
  private events = new Map<string, Promise<typeof events.$inferSelect | undefined>>();
  private agendas = new Map<string, Promise<(typeof sessions.$inferSelect)[]>>();
  private icsFiles = new Map<string, Promise<string>>();
  private regs = new Map<string, typeof registrations.$inferSelect>();
  private tokens = new Map<string, Promise<string | null>>();
  /** `secret`: the link secret (linkSecret), to derive registrations' own management tokens again. */
  constructor(
    private readonly db: Db,
    private readonly secret: string | null = null,
  ) {}
  async preloadRegistrations(ids: string[]) {
    if (!ids.length) return;
    const rows = await this.db.select().from(registrations).where(inJson(registrations.id, ids));
    for (const r of rows) this.regs.set(r.id, r);
  }
  /**
   * The registration's own management token, derived again from the link secret, for one of its own emails: when
   * the hash on its row is this token's (a registration made with the secret, not a reissue). Never stored.
   */
  ownToken(kind: string, reg: typeof registrations.$inferSelect) {
    const secret = this.secret;
    if (!secret || !reg.manageHash || !OWN_TOKEN_KINDS.has(kind)) return Promise.resolve(null);
    if (!this.tokens.has(reg.id))
      this.tokens.set(
        reg.id,
        derivedManageToken(secret, reg.id).then(async (token) =>
          (await sha256(token)) === reg.manageHash ? token : null,
        ),
      );
    return this.tokens.get(reg.id)!;
  }
  async registration(id: string) {
    return this.regs.get(id) ?? (await this.db.select().from(registrations).where(eq(registrations.id, id)).get());
  }
  event(id: string) {
    // Promise.resolve runs drizzle's query once: the builder itself is a thenable that queries again on every await.
    if (!this.events.has(id))
      this.events.set(id, Promise.resolve(this.db.select().from(events).where(eq(events.id, id)).get()));
    return this.events.get(id)!;
  }
  agenda(id: string) {
    if (!this.agendas.has(id))
      this.agendas.set(
        id,
        Promise.resolve(
          this.db.select().from(sessions).where(eq(sessions.eventId, id)).orderBy(asc(sessions.startsAt)),
        ),
      );
    return this.agendas.get(id)!;
  }
  /** The agenda attachment, base64: the same for every attendee of an event in one language. */
  ics(event: typeof events.$inferSelect, locale: 'zh-CN' | 'en') {
    const key = `${event.id}|${locale}`;
    if (!this.icsFiles.has(key))
      this.icsFiles.set(
        key,
        this.agenda(event.id).then((items) => toBase64(eventAgendaIcs(event, items, locale, Date.now()))),
      );
    return this.icsFiles.get(key)!;
  }
}

/**
 * What the row will look like in the recipient's inbox. Attendee emails are rendered from current data; `linked`
 * renders them for a Resend batch (no attachments: the QR as the hosted PNG, the agenda as a link to its .ics).
 */
export async function renderOutboxRow(
  db: Db,
  row: EmailRow,
  cache = new RenderCache(db),
  linked = false,
): Promise<RenderedEmail> {
  if (ATTENDEE_KINDS.has(row.kind) && row.registrationId) {
    const reg = await cache.registration(row.registrationId);
    const event = reg && (await cache.event(reg.eventId));
    if (reg && event) {
      const { origin = '', manage = (await cache.ownToken(row.kind, reg)) ?? undefined } = JSON.parse(row.payload) as {
        origin?: string;
        manage?: string;
      };
      const agenda = NO_AGENDA.has(row.kind) ? [] : await cache.agenda(event.id);
      const calendarUrl = linked
        ? `${origin}/api/events/${event.slug}/agenda.ics${row.locale === 'en' ? '?lang=en' : ''}`
        : undefined;
      const { qr, ...rendered } = renderAttendeeEmail(
        row.kind as AttendeeEmailKind,
        row.locale,
        event,
        reg,
        origin,
        agenda,
        manage,
        calendarUrl,
      );
      const attachments: Attachment[] = [];
      // Resend fetches the hosted PNG and embeds it, so the Worker spends no CPU drawing a QR per email.
      if (qr)
        attachments.push({
          filename: 'ticket-qr.png',
          path: qr.url,
          contentType: 'image/png',
          contentId: qr.contentId,
        });
      if (!NO_AGENDA.has(row.kind) && !linked) {
        attachments.push({
          filename: 'agenda.ics',
          content: await cache.ics(event, row.locale),
          contentType: 'text/calendar; charset=utf-8',
        });
      }
      return { ...rendered, attachments };
    }
  }
  if (row.kind === 'invitation' && row.eventId) {
    const event = await cache.event(row.eventId);
    if (event) return { ...renderInvitationEmail(row.locale, event, JSON.parse(row.payload)), attachments: [] };
  }
  if (row.kind === 'certificate' && row.eventId) {
    const event = await cache.event(row.eventId);
    if (event) return { ...renderCertificateEmail(row.locale, event, JSON.parse(row.payload)), attachments: [] };
  }
  if (row.kind === 'sign_in') {
    const { link } = JSON.parse(row.payload) as { link: string };
    return { ...renderSignInEmail(row.locale, link), attachments: [] };
  }
  return { subject: row.subject ?? '', html: row.html ?? '', text: row.text ?? '', attachments: [] };
}

/**
 * Gives each claimed attendee email without one a management token. A registration's own token is derived again from
 * the link secret when its hash is the one on the row (a new registration's confirmation, queued by a trigger, and its
 * later promotion or approval): it goes in the row's payload in memory only, for the rendering, and no row is written.
 * Otherwise (no secret, a secret changed since, a reissue, a registration from before derived tokens) a new token
 * goes in the payload and its hash in manage_tokens before anything is sent, so a retry sends the same link. Rows in
 * `changed` (a batch key added) have their payload written in the same round trip.
 */
async function addManageTokens(
  d1: D1Database,
  rows: EmailRow[],
  now: number,
  cache: RenderCache,
  changed = new Set<EmailRow>(),
) {
  const statements = [];
  const derived: [EmailRow, string][] = [];
  for (const row of rows) {
    if (!MANAGED_KINDS.has(row.kind) || !row.registrationId) continue;
    const payload = JSON.parse(row.payload) as { manage?: string };
    if (payload.manage) continue;
    const reg = await cache.registration(row.registrationId);
    const own = reg && (await cache.ownToken(row.kind, reg));
    if (own) {
      derived.push([row, own]);
      continue;
    }
    const manage = randomToken();
    row.payload = JSON.stringify({ ...payload, manage });
    changed.add(row);
    statements.push(
      sql`INSERT INTO manage_tokens (token_hash, registration_id, created_at) SELECT ${await sha256(manage)}, id, ${now} FROM registrations WHERE id = ${row.registrationId}`,
    );
  }
  if (changed.size) {
    const json = JSON.stringify([...changed].map((r) => ({ i: r.id, p: r.payload })));
    statements.push(
      sql`UPDATE emails SET payload = o.value ->> 'p' FROM json_each(${json}) AS o WHERE emails.id = o.value ->> 'i'`,
    );
  }
  // After the payloads to write were taken: a derived token is never stored (and is redacted from what was sent).
  for (const [row, manage] of derived) row.payload = JSON.stringify({ ...JSON.parse(row.payload), manage });
  if (statements.length) await atomically(d1, statements);
}

/**
 * Once an email has left through Resend, the outbox keeps no working sign-in or management link: the record
 * stays readable, the secret goes. (The dev mailbox is the inbox itself, so captured rows keep theirs.)
 */
export function redactSecrets<T extends { html: string; text: string }>(
  row: Pick<EmailRow, 'payload'>,
  m: T,
): T & { payload: string } {
  const payload = JSON.parse(row.payload) as { link?: string; manage?: string; invite?: string; portal?: string };
  const secrets = [
    payload.manage,
    payload.invite,
    payload.portal,
    payload.link ? new URL(payload.link).searchParams.get('token') : null,
  ].filter((s): s is string => !!s);
  const redact = (text: string) => secrets.reduce((t, secret) => t.replaceAll(secret, 'REDACTED'), text);
  return { ...m, html: redact(m.html), text: redact(m.text), payload: redact(row.payload) };
}

/** Exponential backoff with a cap: 30 s, 1 min, 2 min … 1 h. */
export const backoffMs = (attempts: number) => Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));

/** A row's new columns after a delivery attempt; a column left out keeps its value. */
export type Outcome = {
  id: string;
  subject?: string;
  html?: string;
  text?: string;
  /** Put back without a call to Resend (the run ran out of budget or was told to wait): the claim's attempt is undone. */
  untried?: boolean;
  status: 'captured' | 'sent' | 'pending' | 'failed';
  lastError: string | null;
  providerId?: string;
  sentAt?: number;
  nextAttemptAt?: number;
  payload?: string;
};

/** D1 takes a value of up to 2 MB: a statement's JSON stays under 300,000 UTF-16 units (at most 900 KB of UTF-8). */
const MAX_OUTCOME_JSON = 300_000;

/** Records many rows' outcomes in few statements (each a JSON array of outcomes) rather than one UPDATE each. */
export function outcomeStatements(outcomes: Outcome[]) {
  const statements = [];
  let part: string[] = [];
  let size = 0;
  for (const o of outcomes) {
    const json = JSON.stringify(o);
    if (part.length && size + json.length > MAX_OUTCOME_JSON) {
      statements.push(recordOutcomes(`[${part.join(',')}]`));
      part = [];
      size = 0;
    }
    part.push(json);
    size += json.length + 1;
  }
  statements.push(recordOutcomes(`[${part.join(',')}]`));
  return statements;
}

function recordOutcomes(json: string) {
  return sql`
    UPDATE emails SET
      subject = coalesce(o.value ->> 'subject', emails.subject), html = coalesce(o.value ->> 'html', emails.html),
      text = coalesce(o.value ->> 'text', emails.text), attempts = emails.attempts - coalesce(o.value ->> 'untried', 0),
      status = o.value ->> 'status', last_error = o.value ->> 'lastError', payload = coalesce(o.value ->> 'payload', emails.payload),
      provider_id = coalesce(o.value ->> 'providerId', emails.provider_id),
      sent_at = coalesce(o.value ->> 'sentAt', emails.sent_at),
      next_attempt_at = coalesce(o.value ->> 'nextAttemptAt', emails.next_attempt_at)
    FROM json_each(${json}) AS o
    WHERE emails.id = o.value ->> 'id'`;
}

type ResendHeaders = Record<string, string> | null;
type SendOutcome =
  | { ok: true; providerIds: string[]; headers: ResendHeaders }
  | {
      ok: false;
      retryAfterMs: number | null;
      permanent: boolean;
      error: string;
      status: number | null;
      headers: ResendHeaders;
    };

/** The SDK's answer, as either the provider's ids or what went wrong. */
function outcomeOf(
  result: { data: unknown; error: unknown; headers?: unknown },
  ids: (data: never) => string[],
): SendOutcome {
  const headers = (result.headers as ResendHeaders) ?? null;
  if (result.data) return { ok: true, providerIds: ids(result.data as never), headers };
  const error = result.error as { statusCode?: number | null; message?: string } | null;
  const status = error?.statusCode ?? null;
  const retryAfter = Number(headers?.['retry-after']);
  // 429 and 5xx and no answer at all are worth retrying; other 4xx will fail the same way again.
  const permanent = status !== null && status >= 400 && status < 500 && status !== 429 && status !== 409;
  return {
    ok: false,
    permanent,
    status,
    headers,
    retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
    error: `${status ?? 'network'}: ${error?.message ?? 'failed'}`,
  };
}

const sendable = (env: Bindings, row: EmailRow, email: RenderedEmail) => ({
  from: env.RESEND_FROM || DEFAULT_FROM,
  to: [row.to],
  subject: email.subject,
  html: email.html,
  text: email.text,
  tags: [{ name: 'kind', value: row.kind }],
});

async function sendThroughResend(
  env: Bindings,
  row: EmailRow,
  email: RenderedEmail,
  timeoutMs: number,
): Promise<SendOutcome> {
  const resend = new Resend(env.RESEND_API_KEY);
  const signal = AbortSignal.timeout(timeoutMs);
  const result = await resend.emails.send(
    {
      ...sendable(env, row, email),
      attachments: email.attachments.map((a) => ({
        filename: a.filename,
        content: a.content,
        path: a.path,
        contentType: a.contentType,
        contentId: a.contentId,
      })),
    },
    { idempotencyKey: row.id, signal } as never,
  );
  return outcomeOf(result, (data: { id: string }) => [data.id]);
}

/** Up to 100 emails in one call (no attachments: they were rendered with links instead). */
async function sendBatchThroughResend(
  env: Bindings,
  rows: EmailRow[],
  emails: RenderedEmail[],
  key: string,
  timeoutMs: number,
): Promise<SendOutcome> {
  const resend = new Resend(env.RESEND_API_KEY);
  const result = await resend.batch.send(
    rows.map((row, i) => sendable(env, row, emails[i]!)),
    { idempotencyKey: key, signal: AbortSignal.timeout(timeoutMs) } as never,
  );
  return outcomeOf(result, (data: { data: { id: string }[] }) => data.data.map((d) => d.id));
}

/** `column IN (…)` with the list as one JSON parameter: D1 allows only 100 bound parameters per statement. */
export const inJson = (column: Column, values: string[]) =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;

/**
 * Claims due rows in one statement: pending ones whose time has come, and 'sending' ones whose lease ran out
 * (a Worker died mid-send). The lease keeps a second sweep off them while this one works. A row that already went
 * out in a Resend batch brings its whole batch along (see `batchOf`).
 */
async function claimDue(db: Db, now: number, limit: number, ids?: string[]) {
  const due = sql`status IN ('pending', 'sending') AND next_attempt_at <= ${now} AND message_id IS NULL`;
  const claim = (which: ReturnType<typeof sql>) =>
    db
      .update(emails)
      .set({ status: 'sending', attempts: sql`${emails.attempts} + 1`, nextAttemptAt: now + LEASE_MS })
      .where(which)
      .returning();
  const rows = await claim(sql`${emails.id} IN (SELECT id FROM emails WHERE ${due}
      ${ids ? sql`AND ${inJson(emails.id, ids)}` : sql``}
      ORDER BY next_attempt_at LIMIT ${limit})`);
  const keys = [...new Set(rows.map(batchOf).filter((k): k is string => !!k))];
  if (!keys.length) return rows;
  // A batch is retried whole, with its own key: Resend then answers from its first send instead of sending again.
  const mates = await claim(
    sql`${emails.id} IN (SELECT id FROM emails WHERE ${due} AND payload ->> 'batch' IN (SELECT value FROM json_each(${JSON.stringify(keys)})))`,
  );
  return [...rows, ...mates];
}

/** The Idempotency-Key of the Resend batch a row was first sent in, if it was. */
const batchOf = (row: EmailRow) => (JSON.parse(row.payload) as { batch?: string }).batch ?? null;

/** Resend's batch endpoint takes up to 100 emails per call. */
export const BATCH_SIZE = 100;
/**
 * More single emails waiting in one run than 5 seconds of single sends at the configured pace (10 at 2 per second)
 * go out 100 per batch call, rendered with links instead of attachments; fewer keep the attached QR and .ics.
 */
export const batchThreshold = (rps: number) => Math.ceil(rps * 5);
/** A run sends for at most about 30 s (under the 60 s lease); the rest waits for the next run. */
const runBudget = (rps: number) => Math.max(1, Math.floor(rps * 30));

export type DeliveryResult = {
  claimed: number;
  sent: number;
  calls: number;
  /** Rows put back for later (budget spent, or Resend said to wait): when the next run should come. */
  retryAfterMs: number | null;
};

export async function deliverDue(
  env: Bindings,
  options: { now?: number; limit?: number; ids?: string[]; timeoutMs?: number; pacer?: Pacer; clock?: Clock } = {},
): Promise<DeliveryResult> {
  const db = dbFor(env.DB);
  const rps = configuredRps(env);
  const pacer = options.pacer ?? new Pacer(rps, options.clock ?? realClock);
  const clock = pacer.clock;
  const now = options.now ?? clock.now();
  const rows = await claimDue(db, now, options.limit ?? 50, options.ids);
  const result: DeliveryResult = { claimed: rows.length, sent: 0, calls: 0, retryAfterMs: null };
  if (!rows.length) return result;

  // Plan the calls: batches already tried keep their rows and key; the rest go singly or, when many wait, 100 a call.
  const chunks = new Map<string, EmailRow[]>();
  const single: EmailRow[] = [];
  for (const row of rows) {
    const key = batchOf(row);
    if (key) chunks.set(key, [...(chunks.get(key) ?? []), row]);
    else single.push(row);
  }
  const changed = new Set<EmailRow>();
  if (env.RESEND_API_KEY && single.length > batchThreshold(rps)) {
    single.sort((a, b) => (a.id < b.id ? -1 : 1));
    for (let i = 0; i < single.length; i += BATCH_SIZE) {
      const part = single.slice(i, i + BATCH_SIZE);
      const key = `outbox:${part[0]!.id}:${part.at(-1)!.id}:${part.length}`;
      // The key is stored before the call: whatever happens to the answer, a retry sends this same batch.
      for (const row of part) {
        row.payload = JSON.stringify({ ...JSON.parse(row.payload), batch: key });
        changed.add(row);
      }
      chunks.set(key, part);
    }
    single.length = 0;
  }
  const cache = new RenderCache(db, linkSecret(env));
  await cache.preloadRegistrations(rows.map((r) => r.registrationId).filter((id): id is string => !!id));
  await addManageTokens(env.DB, rows, now, cache, changed);

  // Outcomes are recorded together at the end: one round trip however many emails the run handled.
  const outcomes: Outcome[] = [];
  const budget = runBudget(rps);
  let stopped = false;
  /** Takes the next paced slot, unless the run is over budget or told to wait. */
  const slot = async () => {
    if (!stopped && result.calls < budget && (await pacer.take())) {
      result.calls++;
      return true;
    }
    stopped = true;
    return false;
  };
  let later: number | null = null;
  let soonest = Infinity;
  /** Back to pending, its attempt undone, all at one time (a batch's rows must come due together). */
  const putBack = (row: EmailRow) => {
    later ??= pacer.nextSlot();
    outcomes.push({ id: row.id, status: 'pending', lastError: row.lastError, untried: true, nextAttemptAt: later });
  };
  const failed = (row: EmailRow, outcome: Extract<SendOutcome, { ok: false }>, rendered: object, at: number) => {
    const giveUp = outcome.permanent || row.attempts >= MAX_ATTEMPTS;
    if (!giveUp) soonest = Math.min(soonest, at);
    outcomes.push({
      ...rendered,
      id: row.id,
      status: giveUp ? 'failed' : 'pending',
      lastError: outcome.error.slice(0, 500),
      nextAttemptAt: at,
    });
  };
  const attempt = async (send: () => Promise<SendOutcome>): Promise<SendOutcome> => {
    let outcome: SendOutcome;
    try {
      outcome = await send();
    } catch (e) {
      outcome = {
        ok: false,
        permanent: false,
        retryAfterMs: null,
        status: null,
        headers: null,
        error: `exception: ${(e as Error).message}`,
      };
    }
    pacer.observe(outcome.headers);
    // Told to slow down: this run stops; what it has not sent waits for the time Resend gave.
    if (!outcome.ok && outcome.status === 429) stopped = true;
    return outcome;
  };

  for (const row of single) {
    if (env.RESEND_API_KEY && !(await slot())) {
      putBack(row);
      continue;
    }
    const email = await renderOutboxRow(db, row, cache);
    const rendered = { id: row.id, subject: email.subject, html: email.html, text: email.text };
    if (!env.RESEND_API_KEY) {
      outcomes.push({ ...rendered, status: 'captured', sentAt: clock.now(), lastError: null });
      continue;
    }
    const outcome = await attempt(() => sendThroughResend(env, row, email, options.timeoutMs ?? SEND_TIMEOUT_MS));
    if (outcome.ok) {
      result.sent++;
      outcomes.push({
        ...redactSecrets(row, rendered),
        status: 'sent',
        providerId: outcome.providerIds[0],
        sentAt: clock.now(),
        lastError: null,
      });
    } else failed(row, outcome, rendered, clock.now() + (outcome.retryAfterMs ?? backoffMs(row.attempts)));
  }

  for (const [key, part] of chunks) {
    part.sort((a, b) => (a.id < b.id ? -1 : 1));
    if (env.RESEND_API_KEY && !(await slot())) {
      for (const row of part) putBack(row);
      continue;
    }
    const bodies: RenderedEmail[] = [];
    for (const row of part) bodies.push(await renderOutboxRow(db, row, cache, true));
    const rendered = part.map((row, i) => ({
      id: row.id,
      subject: bodies[i]!.subject,
      html: bodies[i]!.html,
      text: bodies[i]!.text,
    }));
    if (!env.RESEND_API_KEY) {
      for (const r of rendered) outcomes.push({ ...r, status: 'captured', sentAt: clock.now(), lastError: null });
      continue;
    }
    const outcome = await attempt(() =>
      sendBatchThroughResend(env, part, bodies, key, options.timeoutMs ?? SEND_TIMEOUT_MS),
    );
    // One time for the whole batch, so its rows come due (and are claimed) together.
    const at = clock.now() + (outcome.ok ? 0 : (outcome.retryAfterMs ?? backoffMs(part[0]!.attempts)));
    part.forEach((row, i) => {
      if (!outcome.ok) {
        failed(row, outcome, rendered[i]!, at);
        return;
      }
      result.sent++;
      outcomes.push({
        ...redactSecrets(row, rendered[i]!),
        status: 'sent',
        providerId: outcome.providerIds[i],
        sentAt: clock.now(),
        lastError: null,
      });
    });
  }
  // When to come back: the pace's next slot for what was put back, the retry time for what failed.
  if (stopped) soonest = Math.min(soonest, later ?? pacer.nextSlot());
  if (soonest < Infinity) result.retryAfterMs = Math.max(1000, soonest - clock.now());
  // A Worker stopped before this line leaves rows 'sending'; their lease runs out and the Idempotency-Key
  // makes the next attempt return the first send instead of sending again.
  if (outcomes.length) await atomically(env.DB, outcomeStatements(outcomes));
  return result;
}

type Ctx = { env: Bindings; executionCtx: { waitUntil(p: Promise<unknown>): void } };

/**
 * Confirmations that come in together go on the queue together: a registration's email id waits up to GATHER_MS
 * for others from the same isolate, and up to GATHER_MAX ids go in one queue message. The consumer merges a
 * batch's ids into one delivery run anyway (worker/email/consumer.ts: 100 messages, every id they name), so a burst
 * of registrations costs few queue sends (each a subrequest and a billed operation) for 20 ms more wait: at 450
 * registrations a second, about 9 come in each 20 ms, and go in one send (up to 5 ids a message made it two).
 * Keyed by the queue binding, so a request with another binding (a test's recorder) never joins another's batch.
 */
const GATHER_MS = 20;
const GATHER_MAX = 20;
const gathering = new WeakMap<Queue, string[]>();

function queueGathered(c: Ctx, queue: Queue, ids: string[]): Promise<unknown> | null {
  const open = gathering.get(queue);
  if (open && open.length + ids.length <= GATHER_MAX) {
    open.push(...ids);
    return null;
  }
  const batch = [...ids];
  gathering.set(queue, batch);
  return new Promise((ready) => setTimeout(ready, GATHER_MS)).then(() => {
    if (gathering.get(queue) === batch) gathering.delete(queue);
    return queue.send({ emailIds: batch }).catch((e: Error) => {
      console.error('queue send failed', loggable(e));
      return deliverDue(c.env, { ids: batch });
    });
  });
}

/**
 * Sends the given rows soon, off the request's path: through the OUTBOX queue when there is one (gathered with
 * others, see queueGathered), else after the response. Either way the cron sweep retries whatever this misses.
 */
export function deliverSoon(c: Ctx, ids?: string[]) {
  const work = c.env.OUTBOX && ids?.length ? queueGathered(c, c.env.OUTBOX, ids) : deliverDue(c.env, { ids });
  if (!work) return;
  try {
    c.executionCtx.waitUntil(work.catch((e: Error) => console.error('outbox delivery failed', loggable(e))));
  } catch {
    /* no execution context (e.g. called from a test): the promise still runs */
  }
}
