// Organiser messages: templates, per-recipient preview, test-send, bulk send through the queue, delivery status.
import { and, desc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { z } from 'zod';
import { emails, events, messages, registrations } from '../../schema';
import { requireEventRole } from '../auth/session';
import { deliverSoon } from '../email/outbox';
import type { AppEnv, Bindings, Db } from '../env';
import { ApiError, loggable, notFound } from '../http/errors';
import { newId } from '../lib/random';
import { deliverBulk } from './bulk';
import { atomically } from '../db';
import { countRecipients, fileMessageIfAnyone, findRecipients, sessionsByPerson, valuesFor } from './recipients';
import { type FanOut, fanOutStep } from './fanout';
import { handedToQueue } from '../email/outbox-queue';
import { configuredRps, Pacer } from '../email/pace';
import { unknownAnswerPlaceholders } from '../questions/placeholders';
import { answerPlaceholders, renderMessage, unknownPlaceholders } from './render';
import { TEMPLATES } from './templates';
import { publicOrigin } from '../http/origin';
import { requestLocale } from '../http/messages';
import { rule } from '../http/contract';
import { composeInput, previewInput } from './input';

/** Marks a test send in the organiser's (the console's) language. */
const TEST_PREFIX = { 'zh-CN': '【测试】', en: '[Test] ' } as const;

/** Refuses unknown built-in placeholders, before anything is read. */
function checkPlaceholders(b: Pick<z.infer<typeof composeInput>, 'subject' | 'body'>) {
  const fields: Record<string, string> = {};
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownPlaceholders(b[field]);
    if (unknown.length) {
      fields[field] =
        `Unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(', ')}. Use {{name}}, {{title}}, {{institution}}, {{event}}, {{venue}}, {{ticket_url}}, {{portal_url}} or {{sessions}}.`;
    }
  }
  if (Object.keys(fields).length) throw new ApiError(400, 'invalid', Object.values(fields)[0]!, fields);
}

/** Refuses {{answer.<id>}} placeholders naming a question this event does not have. */
function checkAnswerPlaceholders(questionsJson: string, b: Pick<z.infer<typeof composeInput>, 'subject' | 'body'>) {
  const unknownAnswers = unknownAnswerPlaceholders(questionsJson, b.subject, b.body);
  if (unknownAnswers) throw new ApiError(400, 'invalid', unknownAnswers.message, unknownAnswers.fields);
}

/** Refuses unknown placeholders (built-in and answer ones); the event, when the message may go. */
async function validated(
  c: { var: { db: Db } },
  eventId: string,
  b: Pick<z.infer<typeof composeInput>, 'subject' | 'body'>,
) {
  checkPlaceholders(b);
  const [event] = await c.var.db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw notFound('No such event.');
  checkAnswerPlaceholders(event.questions, b);
  return event;
}

const PREVIEW_LIST = 500;

async function prepare(
  c: { env: Bindings; var: { db: Db }; req: { url: string } },
  eventId: string,
  b: z.infer<typeof composeInput>,
) {
  const event = await validated(c, eventId, b);
  // The first PREVIEW_LIST (the console's picker shows no more) and the count, not the whole audience: a congress's
  // 20,000 would otherwise be read into the Worker on every preview.
  const [recipients, count, slots] = await Promise.all([
    findRecipients(c.var.db, eventId, b.audience, undefined, PREVIEW_LIST),
    countRecipients(c.var.db, eventId, b.audience),
    sessionsByPerson(c.var.db, eventId),
  ]);
  const origin = publicOrigin(c);
  const render = (r: (typeof recipients)[number], portalUrls?: Map<string, string>) =>
    renderMessage(b.subject, b.body, valuesFor(r, event, slots, origin, b.locale, portalUrls));
  return { recipients, count, render, origin };
}

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  templates: rule({ access: 'organiser', tag: 'messages', summary: 'Ready message templates in both languages.' }),
  previewMessage: rule({
    access: 'organiser',
    tag: 'messages',
    summary: "Count recipients and render one recipient's email.",
    json: previewInput,
  }),
  testMessage: rule({
    access: 'organiser',
    tag: 'messages',
    summary: 'Send one rendering to myself.',
    json: previewInput,
  }),
  sendMessage: rule({
    access: 'organiser',
    tag: 'messages',
    summary: 'Send a message to an audience (202; sent in batches of 100).',
    json: composeInput,
  }),
  listMessages: rule({ access: 'organiser', tag: 'messages', summary: 'Messages sent, with progress.' }),
  messageStatus: rule({ access: 'organiser', tag: 'messages', summary: 'Per-recipient delivery status of a message.' }),
};

export const messageRoutes = new Hono<AppEnv>()
  .get('/:slug/messages/templates', rules.templates, (c) => c.json({ templates: TEMPLATES }, 200))
  .post('/:slug/messages/preview', rules.previewMessage, async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const b = c.req.valid('json');
    const { recipients, count, render } = await prepare(c, eventId, b);
    const chosen = recipients.find((r) => r.id === b.recipientId) ?? recipients[0];
    return c.json(
      {
        count,
        recipients: recipients.map((r) => ({ id: r.id, name: r.name, email: r.email })),
        preview: chosen ? { recipientId: chosen.id, to: chosen.email, ...render(chosen) } : null,
      },
      200,
    );
  })
  .post('/:slug/messages/test', rules.testMessage, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const b = c.req.valid('json');
    const { recipients, render } = await prepare(c, eventId, b);
    const chosen = recipients.find((r) => r.id === b.recipientId) ?? recipients[0];
    if (!chosen) throw new ApiError(409, 'no_recipients', 'This audience has nobody with an email address.');
    const m = render(chosen);
    const id = newId('eml');
    // Filed under the recipient it was rendered for, so erasing that registration erases this copy too.
    await c.var.db.insert(emails).values({
      id,
      eventId,
      registrationId: chosen.id,
      kind: 'message',
      to: staff.email,
      locale: b.locale ?? chosen.locale,
      subject: `${TEST_PREFIX[requestLocale(c)]}${m.subject}`,
      html: m.html,
      text: m.text,
      createdAt: Date.now(),
    });
    deliverSoon(c, [id]);
    return c.json({ sentTo: staff.email }, 202);
  })
  .post('/:slug/messages', rules.sendMessage, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const b = c.req.valid('json');
    // The request only checks the placeholders and files the message if someone is in the audience: the queue
    // counts the audience, renders and writes each recipient's email (worker/messages/fanout.ts), so 20,000
    // recipients cost this request no more than 20. The fan-out writes the audit entry with the count.
    checkPlaceholders(b);
    // The event's questions are read only when the message names an answer; most messages need one round trip here.
    if (answerPlaceholders(b.subject).length || answerPlaceholders(b.body).length) {
      const [event] = await c.var.db.select({ questions: events.questions }).from(events).where(eq(events.id, eventId));
      if (!event) throw notFound('No such event.');
      checkAnswerPlaceholders(event.questions, b);
    }
    const id = newId('msg');
    const fanOut: FanOut = { origin: publicOrigin(c), locale: b.locale };
    const [filed] = await atomically(c.env.DB, [
      fileMessageIfAnyone({
        id,
        eventId,
        audience: b.audience,
        subject: b.subject,
        body: b.body,
        staffId: staff.id,
        fanOut: JSON.stringify(fanOut),
        now: Date.now(),
      }),
    ]);
    if (!filed.length) throw new ApiError(409, 'no_recipients', 'This audience has nobody with an email address.');
    await enqueueBulk(c, id, fanOut);
    return c.json({ message: { id } }, 202);
  })
  .get('/:slug/messages', rules.listMessages, async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    // Written out: in a one-table select drizzle leaves column names unqualified, and inside this subquery an
    // unqualified "id" would be the email's, not the message's (every count came out 0).
    const counted = (statuses: (typeof emails.$inferSelect)['status'][]) =>
      sql<number>`(SELECT count(*) FROM emails e WHERE e.message_id = messages.id AND e.status IN (${sql.join(
        statuses.map((s) => sql`${s}`),
        sql`, `,
      )}))`;
    const rows = await c.var.db
      .select({
        id: messages.id,
        subject: messages.subject,
        recipients: messages.recipients,
        createdAt: messages.createdAt,
        writing: sql<boolean>`${messages.fanOut} IS NOT NULL`,
        sent: counted(['sent', 'captured']),
        failed: counted(['failed']),
        pending: counted(['pending', 'sending']),
      })
      .from(messages)
      .where(eq(messages.eventId, eventId))
      .orderBy(desc(messages.createdAt))
      .limit(100);
    return c.json(
      {
        messages: rows.map((r) => ({
          ...r,
          writing: Boolean(r.writing),
          // Rows the queue has not written (or counted) yet are waiting too, so the console polls until the end.
          pending: waitingFor(r.pending, r.recipients - r.sent - r.failed, Boolean(r.writing)),
          createdAt: new Date(r.createdAt).toISOString(),
        })),
      },
      200,
    );
  })
  .get('/:slug/messages/:id', rules.messageStatus, async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const [message] = await c.var.db
      .select()
      .from(messages)
      .where(and(eq(messages.id, id), eq(messages.eventId, eventId)));
    if (!message) throw notFound('No such message.');
    const rows = await c.var.db
      .select({
        id: emails.id,
        to: emails.to,
        status: emails.status,
        deliveryStatus: emails.deliveryStatus,
        attempts: emails.attempts,
        lastError: emails.lastError,
        sentAt: emails.sentAt,
        registrationId: emails.registrationId,
        name: registrations.name,
      })
      .from(emails)
      .leftJoin(registrations, eq(registrations.id, emails.registrationId))
      .where(eq(emails.messageId, id))
      .orderBy(desc(emails.sentAt), emails.to);
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.deliveryStatus ?? r.status] = (counts[r.deliveryStatus ?? r.status] ?? 0) + 1;
    // Recipients whose email the queue has not written yet are waiting too (the console polls while any wait).
    const writing = message.fanOut !== null;
    const waiting = (counts.pending ?? 0) + (counts.sending ?? 0);
    const unwritten = waitingFor(waiting, waiting + message.recipients - rows.length, writing) - waiting;
    if (unwritten > 0) counts.pending = (counts.pending ?? 0) + unwritten;
    return c.json(
      {
        message: {
          id: message.id,
          subject: message.subject,
          body: message.body,
          audience: JSON.parse(message.audience),
          recipients: message.recipients,
          writing,
          createdAt: new Date(message.createdAt).toISOString(),
          counts,
        },
        deliveries: rows.map((r) => ({ ...r, sentAt: r.sentAt ? new Date(r.sentAt).toISOString() : null })),
      },
      200,
    );
  });

/** What a message still has waiting: its unsent rows, the rows not written yet, and at least one while counting. */
const waitingFor = (unsent: number, unwritten: number, writing: boolean) =>
  Math.max(unsent, unwritten, writing ? 1 : 0);

/** Hands the message to the queue; without one (or if it refuses), writes and sends it after the response. */
async function enqueueBulk(
  c: { env: Bindings; executionCtx: { waitUntil(p: Promise<unknown>): void } },
  messageId: string,
  fanOut: FanOut,
) {
  if (await handedToQueue(c.env, { messageId, fanOut })) return;
  const work = (async () => {
    while (!(await fanOutStep(c.env, messageId, fanOut)).done);
    await deliverBulk(c.env, messageId, { maxCalls: 10_000, pacer: new Pacer(configuredRps(c.env)) });
  })().catch((e: unknown) => console.error('bulk delivery failed', loggable(e)));
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    /* no execution context */
  }
}
