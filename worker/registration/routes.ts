// POST /api/events/:slug/registrations: confirm, waitlist or hold for approval in one atomic batch, and queue the email.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import type { AppEnv } from '../env';
import { registrationState, type WindowFields } from '../events/window';
import { clientIp } from '../http/client';
import { ApiError, notFound } from '../http/errors';
import { newId, randomTokens, sha256 } from '../lib/random';
import { derivedManageToken, linkSecret, manageUrl } from '../tickets/manage';
import { emailKey, registrationInput } from './input';
import { emailIdOf, queueResend, registrationBatch } from './statements';
import { registrationBucket, secondsToWait, takeMemoryToken } from '../http/rate-limit';
import { publicOrigin } from '../http/origin';
import { checkedAnswers, questionsRevSql, refreshQuestions } from '../questions/register';
import { rule } from '../http/contract';
import { invitationRefusal, invitedKeySql } from '../invitations/rules';

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  register: rule({
    access: 'public',
    tag: 'registration',
    summary:
      'Register (confirmed or waitlisted; pending in an approval event; an invitation-only event needs `invitation`, the token from the link).',
    json: registrationInput,
  }),
};

export const registrationRoutes = new Hono<AppEnv>().post('/:slug/registrations', rules.register, async (c) => {
  const slug = c.req.param('slug');
  const input = c.req.valid('json');
  const now = Date.now();
  const origin = publicOrigin(c);
  const ip = clientIp(c);
  // A token bucket per network address, in the isolate's memory (a D1 row cost a write per registration; see
  // rate-limit.ts); requests with no client IP (local tools, tests) are not counted.
  const rate = ip ? registrationBucket(c.env, `register:${ip}`) : null;
  const limited = rate ? takeMemoryToken(rate, now) : null;
  if (rate && limited !== null) {
    c.header('retry-after', String(secondsToWait(rate, limited, now)));
    throw new ApiError(429, 'rate_limited', 'Too many registrations from this network. Wait a minute and try again.');
  }
  const key = emailKey(input.email);
  const invitationHash = input.invitation ? await sha256(input.invitation) : null;
  let answers = await checkedAnswers(c, slug, input);

  // The common case is one round trip of one statement: the registration (its status returned) and, by its trigger,
  // its email. Whatever inserts no registration (an unknown or closed event, an address already registered, a missing
  // invitation, a form changed since this isolate read it) is explained by a second read of the event.
  const secret = linkSecret(c.env);
  const attempt = async () => {
    // The management link goes in the response and, derived again by the queue consumer, in the email; only its
    // hash is kept. Without the link secret the token is random, and the consumer gives the email one of its own.
    const [regToken, ticketCode, random] = randomTokens(secret ? 2 : 3) as [string, string, string?];
    const id = newId('reg', regToken);
    const manage = secret ? await derivedManageToken(secret, id) : random!;
    const manageHash = await sha256(manage);
    const [inserted] = await c.env.DB.batch<{ id: string; status: 'confirmed' | 'waitlisted' | 'pending' }>([
      ...registrationBatch(c.env.DB, {
        id,
        ticketCode,
        name: input.name,
        email: input.email,
        emailKey: key,
        phone: input.phone,
        affiliation: input.affiliation,
        jobTitle: input.jobTitle,
        locale: input.locale,
        answers: answers.json,
        questionsRev: answers.rev,
        manageHash,
        slug,
        invitationHash: invitationHash ?? '',
        now,
        origin,
      }),
    ]);
    return { id, ticketCode, manage, created: inserted?.results[0] };
  };
  const readEvent = async () => {
    const [found] = await atomically(c.env.DB, [
      sql`SELECT status, starts_at AS startsAt, ends_at AS endsAt, registration_opens_at AS registrationOpensAt,
            registration_closes_at AS registrationClosesAt, registration_until_end AS registrationUntilEnd,
            ${questionsRevSql(answers.rev)},
            registration_mode AS registrationMode, ${invitedKeySql(sql`events.id`, invitationHash)} AS invitedKey
          FROM events WHERE slug = ${slug}`,
    ]);
    return found[0] as
      | (Omit<WindowFields, 'registrationUntilEnd'> & {
          registrationUntilEnd: number;
          registrationMode: string;
          invitedKey: string | null;
          questionsRev: number;
          questionsJson: string | null;
        })
      | undefined;
  };
  let run = await attempt();
  let event = run.created ? undefined : await readEvent();
  if (event && event.questionsRev !== answers.rev) {
    // Another isolate changed the questions: check the answers against the new ones and try once more.
    refreshQuestions(slug, event.questionsRev, event.questionsJson);
    answers = await checkedAnswers(c, slug, input);
    run = await attempt();
    event = run.created ? undefined : await readEvent();
    if (event && event.questionsRev !== answers.rev)
      throw new ApiError(409, 'conflict', 'The registration form just changed. Check your answers and send again.');
  }
  if (!run.created) {
    if (!event || event.status === 'draft') throw notFound('No published event has this address.');
    const state = registrationState({ ...event, registrationUntilEnd: event.registrationUntilEnd === 1 }, now);
    if (state === 'ended') throw new ApiError(409, 'registration_closed', 'This event has ended.');
    if (state !== 'open') throw new ApiError(409, 'registration_closed', 'Registration for this event is closed.');
    const refused = invitationRefusal(event.registrationMode, event.invitedKey, key);
    if (refused) throw refused;
    // The address is registered already: its ticket goes to it again, with a management link of its own (its hash
    // goes to manage_tokens through the `emails_resend_manage_token` trigger).
    const [emailToken, resendManage] = randomTokens(2) as [string, string];
    const emailId = newId('eml', emailToken);
    const payload = JSON.stringify({ origin, manage: resendManage, manageHash: await sha256(resendManage) });
    const [resent] = await atomically(c.env.DB, [queueResend(slug, emailId, key, input.locale, payload, now)]);
    if (resent.length) deliverSoon(c, [emailId]);
    // Reveal nothing about the existing ticket: it goes only to the address's owner, by email.
    throw new ApiError(
      409,
      'already_registered',
      'This email address is already registered. We have sent the ticket to it again.',
    );
  }
  const { id, ticketCode, manage, created } = run;
  deliverSoon(c, [emailIdOf(id)]);
  return c.json(
    {
      registration: {
        id,
        status: created.status,
        ticketCode,
        ticketUrl: `${origin}/t/${ticketCode}`,
        manageUrl: manageUrl(origin, ticketCode, manage),
      },
    },
    201,
  );
});
