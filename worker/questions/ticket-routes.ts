// The attendee's own answers, through the emailed management link: read them (sensitive ones masked) and correct
// them until registration closes.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { registrationState } from '../events/window';
import { rule } from '../http/contract';
import { ApiError, notFound } from '../http/errors';
import { requestLocale } from '../http/messages';
import { sha256 } from '../lib/random';
import { type Answers, checkAnswers, maskedAnswers, parseAnswers } from './answers';
import { editAnswersInput, viewAnswersInput } from './input';
import { activeQuestions, parseQuestions } from './model';

const CODE = /^[A-Za-z0-9_-]{16,64}$/;
const MANAGE_LINK_NEEDED =
  'Use the link from your confirmation email to cancel or delete your data. We can send it again to the address you registered with.';

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  viewAnswers: rule({
    access: 'ticket',
    tag: 'tickets',
    summary: "The attendee's answers (sensitive ones masked), with the ticket's management token.",
    json: viewAnswersInput,
  }),
  editAnswers: rule({
    access: 'ticket',
    tag: 'tickets',
    summary: 'Correct the answers until registration closes, with the management token.',
    json: editAnswersInput,
  }),
};

type Row = {
  id: string;
  answers: string;
  status: string;
  locale: 'zh-CN' | 'en';
  managed: number;
  questions: string;
  slug: string;
  eventStatus: 'draft' | 'published' | 'closed';
  startsAt: number;
  endsAt: number;
  registrationOpensAt: number | null;
  registrationClosesAt: number | null;
  registrationUntilEnd: number;
};

async function managedRow(d1: D1Database, code: string, token: string | undefined): Promise<Row> {
  if (!CODE.test(code)) throw notFound('No ticket has this code.');
  const hash = token ? await sha256(token) : '';
  const row = await d1
    .prepare(
      `SELECT r.id, r.answers, r.status, r.locale, e.questions, e.slug, e.status AS eventStatus, e.starts_at AS startsAt,
         e.ends_at AS endsAt, e.registration_opens_at AS registrationOpensAt, e.registration_closes_at AS registrationClosesAt,
         e.registration_until_end AS registrationUntilEnd,
         (r.manage_hash = ?1 OR EXISTS (SELECT 1 FROM manage_tokens m WHERE m.token_hash = ?1 AND m.registration_id = r.id)) AS managed
       FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.ticket_code = ?2`,
    )
    .bind(hash, code)
    .first<Row>();
  if (!row) throw notFound('No ticket has this code.');
  if (!row.managed) throw new ApiError(403, 'manage_link_needed', MANAGE_LINK_NEEDED);
  return row;
}

const editable = (r: Row, now = Date.now()) =>
  r.status !== 'cancelled' &&
  registrationState({ ...r, status: r.eventStatus, registrationUntilEnd: r.registrationUntilEnd === 1 }, now) ===
    'open';

function present(r: Row, answers: Answers) {
  const questions = parseQuestions(r.questions);
  return { questions: activeQuestions(questions), answers: maskedAnswers(questions, answers), editable: editable(r) };
}

export const ticketAnswerRoutes = new Hono<AppEnv>()
  .post('/:code/answers/view', rules.viewAnswers, async (c) => {
    const row = await managedRow(c.env.DB, c.req.param('code'), c.req.valid('json').token);
    c.header('cache-control', 'no-store');
    return c.json(present(row, parseAnswers(row.answers)), 200);
  })
  .put('/:code/answers', rules.editAnswers, async (c) => {
    const body = c.req.valid('json');
    const row = await managedRow(c.env.DB, c.req.param('code'), body.token);
    if (!editable(row)) throw new ApiError(409, 'registration_closed', 'Registration for this event is closed.');
    const questions = parseQuestions(row.questions);
    const old = parseAnswers(row.answers);
    // A sensitive answer comes back masked, so leaving it out keeps the stored one (its consent was given then).
    const given: Record<string, unknown> = { ...body.answers };
    const consents = [...(body.sensitiveConsent ?? [])];
    for (const q of activeQuestions(questions))
      if (
        q.sensitive &&
        q.id in old &&
        (given[q.id] === undefined || given[q.id] === maskedAnswers(questions, old)[q.id])
      ) {
        given[q.id] = old[q.id];
        consents.push(q.id);
      }
    const locale = requestLocale(c, body.locale ?? row.locale);
    const checked = checkAnswers(questions, given, consents, locale);
    if (Object.keys(checked.fields).length)
      throw new ApiError(400, 'invalid', 'Some fields need attention.', checked.fields, locale);
    // Answers to questions the organiser removed stay: the export still lists them, marked removed.
    const removedIds = new Set(questions.filter((q) => q.removed).map((q) => q.id));
    const next: Answers = Object.fromEntries(Object.entries(old).filter(([id]) => removedIds.has(id)));
    Object.assign(next, checked.answers);
    await atomically(c.env.DB, [
      sql`UPDATE registrations SET answers = ${JSON.stringify(next)}, updated_at = ${Date.now()} WHERE id = ${row.id}`,
    ]);
    return c.json(present(row, next), 200);
  });
