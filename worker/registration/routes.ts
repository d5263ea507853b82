// POST /api/events/:slug/registrations: confirm or waitlist in one atomic batch, and queue the email.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import type { AppEnv } from '../env';
import { registrationState, type WindowFields } from '../events/window';
import { clientIp } from '../http/client';
import { ApiError, notFound } from '../http/errors';
import { validate } from '../http/validate';
import { newId, randomToken } from '../lib/random';
import { emailKey, registrationInput } from './input';
import { insertRegistration, queueRegistrationEmail, type RateGuard } from './statements';
import { countRequest, limitPerMinute } from '../http/rate-limit';

export const registrationRoutes = new Hono<AppEnv>()
  .post('/:slug/registrations', validate('json', registrationInput), async (c) => {
    const slug = c.req.param('slug');
    const input = c.req.valid('json');
    const now = Date.now();
    const origin = new URL(c.req.url).origin;
    const ip = clientIp(c);
    // Per-IP limit; requests with no client IP (local tools, tests) are not counted.
    const rate: RateGuard = ip ? { key: `register:${ip}`, limit: limitPerMinute(c.env) } : null;
    const id = newId('reg');
    const ticketCode = randomToken();
    const key = emailKey(input.email);
    const emailId = newId('eml');

    // One round trip: count the request, read the event, insert (or not), queue the email.
    const [found, inserted] = await atomically(c.env.DB, [
      sql`SELECT status, starts_at AS startsAt, ends_at AS endsAt, registration_opens_at AS registrationOpensAt,
            registration_closes_at AS registrationClosesAt, registration_until_end AS registrationUntilEnd,
            ${rate ? sql`coalesce((SELECT count FROM rate_limits WHERE key = ${rate.key}), 0)` : sql`0`} AS requests
          FROM events WHERE slug = ${slug}`,
      insertRegistration(slug, { id, ticketCode, name: input.name, email: input.email, emailKey: key, phone: input.phone, affiliation: input.affiliation, jobTitle: input.jobTitle, locale: input.locale }, now, rate),
      queueRegistrationEmail(slug, emailId, id, key, input.locale, origin, now),
      ...(rate ? [countRequest(rate.key, now)] : []),
    ]);

    const event = found[0] as (Omit<WindowFields, 'registrationUntilEnd'> & { registrationUntilEnd: number; requests: number }) | undefined;
    if (!event || event.status === 'draft') throw notFound('No published event has this address.');
    if (rate && event.requests >= rate.limit && !inserted[0]) throw new ApiError(429, 'rate_limited', 'Too many registrations from this network. Wait a minute and try again.');
    const state = registrationState({ ...event, registrationUntilEnd: event.registrationUntilEnd === 1 }, now);
    if (state === 'ended') throw new ApiError(409, 'registration_closed', 'This event has ended.');
    if (state !== 'open') throw new ApiError(409, 'registration_closed', 'Registration for this event is closed.');
    deliverSoon(c, [emailId]);
    const created = inserted[0] as { id: string; status: 'confirmed' | 'waitlisted' } | undefined;
    // Reveal nothing about the existing ticket: it goes only to the address's owner, by email.
    if (!created) throw new ApiError(409, 'already_registered', 'This email address is already registered. We have sent the ticket to it again.');
    return c.json({ registration: { id, status: created.status, ticketCode, ticketUrl: `${origin}/t/${ticketCode}` } }, 201);
  });
