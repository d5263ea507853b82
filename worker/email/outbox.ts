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
import { randomToken, sha256 } from '../lib/random';
import { MANAGED_KINDS } from '../tickets/manage';
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
  constructor(private readonly db: Db) {}
  async preloadRegistrations(ids: string[]) {
    if (!ids.length) return;
    const rows = await this.db.select().from(registrations).where(inJson(registrations.id, ids));
    for (const r of rows) this.regs.set(r.id, r);
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

/** What the row will look like in the recipient's inbox. Attendee emails are rendered from current data. */
export async function renderOutboxRow(db: Db, row: EmailRow, cache = new RenderCache(db)): Promise<RenderedEmail> {
  if (ATTENDEE_KINDS.has(row.kind) && row.registrationId) {
    const reg = await cache.registration(row.registrationId);
    const event = reg && (await cache.event(reg.eventId));
    if (reg && event) {
      const { origin = '', manage } = JSON.parse(row.payload) as { origin?: string; manage?: string };
      const agenda = NO_AGENDA.has(row.kind) ? [] : await cache.agenda(event.id);
      const { qr, ...rendered } = renderAttendeeEmail(
        row.kind as AttendeeEmailKind,
        row.locale,
        event,
        reg,
        origin,
        agenda,
        manage,
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
      if (!NO_AGENDA.has(row.kind)) {
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
 * Gives each claimed attendee email without one a management token (promotions and reissues are queued by SQL,
 * which cannot hash): the token goes in the row's payload and its hash in manage_tokens before anything is sent,
 * so a retry sends the same link. Existing registrations get their first token this way.
 */
async function addManageTokens(d1: D1Database, rows: EmailRow[], now: number) {
  const statements = [];
  for (const row of rows) {
    if (!MANAGED_KINDS.has(row.kind) || !row.registrationId) continue;
    const payload = JSON.parse(row.payload) as { manage?: string };
    if (payload.manage) continue;
    const manage = randomToken();
    row.payload = JSON.stringify({ ...payload, manage });
    statements.push(
      sql`INSERT INTO manage_tokens (token_hash, registration_id, created_at) SELECT ${await sha256(manage)}, id, ${now} FROM registrations WHERE id = ${row.registrationId}`,
      sql`UPDATE emails SET payload = ${row.payload} WHERE id = ${row.id}`,
    );
  }
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
  subject: string;
  html: string;
  text: string;
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
      subject = o.value ->> 'subject', html = o.value ->> 'html', text = o.value ->> 'text',
      status = o.value ->> 'status', last_error = o.value ->> 'lastError', payload = coalesce(o.value ->> 'payload', emails.payload),
      provider_id = coalesce(o.value ->> 'providerId', emails.provider_id),
      sent_at = coalesce(o.value ->> 'sentAt', emails.sent_at),
      next_attempt_at = coalesce(o.value ->> 'nextAttemptAt', emails.next_attempt_at)
    FROM json_each(${json}) AS o
    WHERE emails.id = o.value ->> 'id'`;
}

type SendOutcome =
  | { ok: true; providerId: string }
  | { ok: false; retryAfterMs: number | null; permanent: boolean; error: string };

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
      from: env.RESEND_FROM || DEFAULT_FROM,
      to: [row.to],
      subject: email.subject,
      html: email.html,
      text: email.text,
      // Single sends only: Resend's batch endpoint carries no attachments, and confirmations need the inline QR.
      attachments: email.attachments.map((a) => ({
        filename: a.filename,
        content: a.content,
        path: a.path,
        contentType: a.contentType,
        contentId: a.contentId,
      })),
      tags: [{ name: 'kind', value: row.kind }],
    },
    { idempotencyKey: row.id, signal } as never,
  );
  if (result.data) return { ok: true, providerId: result.data.id };
  const status = (result.error as { statusCode?: number | null }).statusCode ?? null;
  const retryAfter = Number((result.headers as Record<string, string> | null)?.['retry-after']);
  // 429 and 5xx and no answer at all are worth retrying; other 4xx will fail the same way again.
  const permanent = status !== null && status >= 400 && status < 500 && status !== 429 && status !== 409;
  return {
    ok: false,
    permanent,
    retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
    error: `${status ?? 'network'}: ${result.error?.message ?? 'failed'}`,
  };
}

/** `column IN (…)` with the list as one JSON parameter: D1 allows only 100 bound parameters per statement. */
export const inJson = (column: Column, values: string[]) =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;

/**
 * Claims due rows in one statement: pending ones whose time has come, and 'sending' ones whose lease ran out
 * (a Worker died mid-send). The lease keeps a second sweep off them while this one works.
 */
async function claimDue(db: Db, now: number, limit: number, ids?: string[]) {
  return db
    .update(emails)
    .set({ status: 'sending', attempts: sql`${emails.attempts} + 1`, nextAttemptAt: now + LEASE_MS })
    .where(sql`${emails.id} IN (SELECT id FROM emails WHERE status IN ('pending', 'sending') AND next_attempt_at <= ${now}
      AND message_id IS NULL ${ids ? sql`AND ${inJson(emails.id, ids)}` : sql``}
      ORDER BY next_attempt_at LIMIT ${limit})`)
    .returning();
}

export async function deliverDue(
  env: Bindings,
  options: { now?: number; limit?: number; ids?: string[]; timeoutMs?: number } = {},
) {
  const db = dbFor(env.DB);
  const now = options.now ?? Date.now();
  const rows = await claimDue(db, now, options.limit ?? 50, options.ids);
  await addManageTokens(env.DB, rows, now);
  const cache = new RenderCache(db);
  await cache.preloadRegistrations(rows.map((r) => r.registrationId).filter((id): id is string => !!id));
  // Outcomes are recorded together at the end: one round trip however many emails the run handled.
  const outcomes: Outcome[] = [];
  let sent = 0;
  for (const row of rows) {
    const email = await renderOutboxRow(db, row, cache);
    const rendered = { id: row.id, subject: email.subject, html: email.html, text: email.text };
    if (!env.RESEND_API_KEY) {
      outcomes.push({ ...rendered, status: 'captured', sentAt: Date.now(), lastError: null });
      continue;
    }
    let outcome: SendOutcome;
    try {
      outcome = await sendThroughResend(env, row, email, options.timeoutMs ?? SEND_TIMEOUT_MS);
    } catch (e) {
      outcome = { ok: false, permanent: false, retryAfterMs: null, error: `exception: ${(e as Error).message}` };
    }
    if (outcome.ok) {
      sent++;
      outcomes.push({
        ...redactSecrets(row, rendered),
        status: 'sent',
        providerId: outcome.providerId,
        sentAt: Date.now(),
        lastError: null,
      });
    } else {
      const giveUp = outcome.permanent || row.attempts >= MAX_ATTEMPTS;
      outcomes.push({
        ...rendered,
        status: giveUp ? 'failed' : 'pending',
        lastError: outcome.error.slice(0, 500),
        nextAttemptAt: Date.now() + (outcome.retryAfterMs ?? backoffMs(row.attempts)),
      });
    }
  }
  // A Worker stopped before this line leaves rows 'sending'; their lease runs out and the Idempotency-Key
  // makes the next attempt return the first send instead of sending again.
  if (outcomes.length) await atomically(env.DB, outcomeStatements(outcomes));
  return { claimed: rows.length, sent };
}

type Ctx = { env: Bindings; executionCtx: { waitUntil(p: Promise<unknown>): void } };

/**
 * Sends the given rows soon, off the request's path: through the OUTBOX queue when there is one, else after
 * the response. Either way the cron sweep retries whatever this misses.
 */
export function deliverSoon(c: Ctx, ids?: string[]) {
  const work =
    c.env.OUTBOX && ids?.length
      ? c.env.OUTBOX.send({ emailIds: ids }).catch((e: Error) => {
          console.error('queue send failed', loggable(e));
          return deliverDue(c.env, { ids });
        })
      : deliverDue(c.env, { ids });
  try {
    c.executionCtx.waitUntil(work.catch((e: Error) => console.error('outbox delivery failed', loggable(e))));
  } catch {
    /* no execution context (e.g. called from a test): the promise still runs */
  }
}
