// POST /api/events/:slug/registrations: confirm or waitlist in one atomic batch, and queue the email.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import type { AppEnv } from '../env';
import { isRegistrationOpen } from '../events/present';
import { clientIp } from '../http/client';
import { ApiError, notFound } from '../http/errors';
import { validate } from '../http/validate';
import { newId, randomToken, sha256 } from '../lib/random';
import { manageTokenForEmail, manageUrl } from '../tickets/manage';
import { emailKey, registrationInput } from './input';
import { insertRegistration, queueRegistrationEmail, type RateGuard } from './statements';
import { countRequest, limitPerMinute } from '../http/rate-limit';
import { publicOrigin } from '../http/origin';

export const registrationRoutes = new Hono<AppEnv>()
  .post('/:slug/registrations', validate('json', registrationInput), async (c) => {
    const slug = c.req.param('slug');
    const input = c.req.valid('json');
    const now = Date.now();
    const origin = publicOrigin(c);
    const ip = clientIp(c);
    // Per-IP limit; requests with no client IP (local tools, tests) are not counted.
    const rate: RateGuard = ip ? { key: `register:${ip}`, limit: limitPerMinute(c.env) } : null;
    const id = newId('reg');
    const ticketCode = randomToken();
    const key = emailKey(input.email);
    const emailId = newId('eml');
    // The management link goes in the email (a new registration's or the re-sent one's); only its hash is kept.
    const manage = randomToken();

    // One round trip: count the request, read the event, insert (or not), queue the email.
    const [found, inserted] = await atomically(c.env.DB, [
      sql`SELECT status, registration_opens_at AS opensAt, registration_closes_at AS closesAt,
            ${rate ? sql`coalesce((SELECT count FROM rate_limits WHERE key = ${rate.key}), 0)` : sql`0`} AS requests
          FROM events WHERE slug = ${slug}`,
      insertRegistration(slug, { id, ticketCode, name: input.name, email: input.email, emailKey: key, phone: input.phone, affiliation: input.affiliation, jobTitle: input.jobTitle, locale: input.locale }, now, rate),
      queueRegistrationEmail(slug, emailId, id, key, input.locale, origin, now, manage),
      manageTokenForEmail(emailId, await sha256(manage), now),
      ...(rate ? [countRequest(rate.key, now)] : []),
    ]);

    const event = found[0] as { status: 'draft' | 'published' | 'closed'; opensAt: number | null; closesAt: number | null; requests: number } | undefined;
    if (!event || event.status === 'draft') throw notFound('No published event has this address.');
    if (rate && event.requests >= rate.limit && !inserted[0]) throw new ApiError(429, 'rate_limited', 'Too many registrations from this network. Wait a minute and try again.');
    if (!isRegistrationOpen({ status: event.status, registrationOpensAt: event.opensAt, registrationClosesAt: event.closesAt }, now)) {
      throw new ApiError(409, 'registration_closed', 'Registration for this event is closed.');
    }
    deliverSoon(c, [emailId]);
    const created = inserted[0] as { id: string; status: 'confirmed' | 'waitlisted' } | undefined;
    // Reveal nothing about the existing ticket: it goes only to the address's owner, by email.
    if (!created) throw new ApiError(409, 'already_registered', 'This email address is already registered. We have sent the ticket to it again.');
    return c.json({ registration: { id, status: created.status, ticketCode, ticketUrl: `${origin}/t/${ticketCode}`, manageUrl: manageUrl(origin, ticketCode, manage) } }, 201);
  });
