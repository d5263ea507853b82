// Front-desk API: check in by scan or search, search attendees, register walk-ins, live counts.
import { sql } from 'drizzle-orm';
import { deskDetails } from '../questions/desk';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE, requireEventRole } from '../auth/session';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { ApiError } from '../http/errors';
import { type Bucket, secondsToWait, takeMemoryToken } from '../http/rate-limit';
import { isoInZone, isoOrNull } from '../lib/time';
import { newId, randomToken, sha256 } from '../lib/random';
import { checkinOutcome } from './outcome';
import { parseDeskQuery, maskEmail, maskPhone } from './search-rules';
import { rankFound, searchStatement } from './search';
import { checkInStatement, liveScan, type TicketStateRow, type ScanInput, type TicketRef } from './statements';
import { REGISTRATION_ROLES, type RegistrationRole, type RegistrationStatus } from '../../schema/registrations';
import { DESK_ROLES, rule } from '../http/contract';
import { checkinInput, searchQuery, TOO_SHORT, walkInInput } from './input';

type SearchRow = {
  id: string;
  name: string;
  affiliation: string;
  role: RegistrationRole;
  status: RegistrationStatus;
  phone: string;
  email: string;
  scannedAt: number | null;
};

/** Generous for a desk (a burst of 30, then 3 searches a second), far too slow to walk through every name or number. */
function searchBucket(env: object, key: string): Bucket {
  // Optional vars (not in wrangler.toml): the bench raises them to measure search rather than the limit.
  const { SEARCH_PER_SECOND, SEARCH_BURST } = env as { SEARCH_PER_SECOND?: string; SEARCH_BURST?: string };
  return {
    key,
    burst: Number(SEARCH_BURST || 30),
    intervalMs: Math.max(1, Math.round(1000 / Number(SEARCH_PER_SECOND || 3))),
  };
}

/** One statement: record (or not) and read back. Shared by live scans and searches. */
export async function checkIn(d1: D1Database, ref: TicketRef, scan: ScanInput, timezone: string) {
  const [answer] = await d1.batch<TicketStateRow>([checkInStatement(d1, ref, scan)]);
  const row = answer?.results[0];
  const result = checkinOutcome(
    row
      ? {
          eventId: row.eventId,
          status: row.status,
          checkin: row.clientId
            ? { clientId: row.clientId, scannedAt: row.scannedAt!, deskId: row.deskId ?? '' }
            : null,
        }
      : null,
    scan.eventId,
    scan.clientId,
  );
  const visible = row && result !== 'wrong_event';
  return {
    result,
    registration: visible
      ? {
          id: row.id,
          name: row.name,
          affiliation: row.affiliation,
          role: row.role,
          ...deskDetails(row.questions, row.answers),
        }
      : null,
    checkedInAt: visible ? isoOrNull(row.scannedAt, timezone) : null,
    deskId: visible ? row.deskId : null,
  };
}

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  checkIn: rule({
    access: 'desk',
    tag: 'desk',
    summary: 'Check in a ticket by scan or by search.',
    json: checkinInput,
  }),
  searchAttendees: rule({
    access: 'desk',
    tag: 'desk',
    summary:
      'Search attendees by any part of the name or institution (1 CJK character or 2 letters), a whole email, or a whole phone number or its last 4 digits; rate-limited per device (429 rate_limited).',
    query: searchQuery,
  }),
  walkIn: rule({ access: 'desk', tag: 'desk', summary: 'Register and check in a walk-in.', json: walkInInput }),
  liveStats: rule({ access: 'desk', tag: 'desk', summary: 'Live counts and arrivals per 5 minutes.' }),
};

export const checkinRoutes = new Hono<AppEnv>()
  .post('/:slug/checkins', rules.checkIn, async (c) => {
    const { eventId, staff, timezone } = requireEventRole(c, c.req.param('slug'), DESK_ROLES);
    const body = c.req.valid('json');
    const { ref, scan } = liveScan(body, eventId, staff.id);
    return c.json(await checkIn(c.env.DB, ref, scan, timezone), 200);
  })
  .get('/:slug/attendees', rules.searchAttendees, async (c) => {
    const { eventId, staff, timezone } = requireEventRole(c, c.req.param('slug'), DESK_ROLES);
    const query = parseDeskQuery(c.req.valid('query').q);
    if (!query) throw new ApiError(400, 'invalid', TOO_SHORT, { q: TOO_SHORT });
    // Per device: each signed-in browser or paired phone has its own session cookie.
    const device = (await sha256(getCookie(c, SESSION_COOKIE) ?? staff.id)).slice(0, 32);
    const bucket = searchBucket(c.env, `desk-search:${device}`);
    const refused = takeMemoryToken(bucket, Date.now());
    if (refused !== null) {
      c.header('retry-after', String(secondsToWait(bucket, refused, Date.now())));
      throw new ApiError(
        429,
        'rate_limited',
        'Too many searches from this device. Wait a few seconds, then search again.',
      );
    }
    const rows = rankFound(await c.var.db.all<SearchRow & { exact: number }>(searchStatement(eventId, query)), query);
    return c.json(
      {
        attendees: rows.map((r) => ({
          id: r.id,
          name: r.name,
          affiliation: r.affiliation,
          role: r.role,
          status: r.status,
          phone: maskPhone(r.phone),
          email: maskEmail(r.email),
          checkedInAt: isoOrNull(r.scannedAt, timezone),
        })),
      },
      200,
    );
  })
  .post('/:slug/walk-ins', rules.walkIn, async (c) => {
    const { eventId, staff, timezone } = requireEventRole(c, c.req.param('slug'), DESK_ROLES);
    const body = c.req.valid('json');
    const id = newId('reg');
    const ticketCode = randomToken();
    const email = body.email || '';
    const now = Date.now();
    // A walk-in is in the room: confirmed whatever the capacity, and checked in by the same insert.
    const [inserted] = await atomically(c.env.DB, [
      sql`INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, phone, affiliation, job_title, locale, status, role, created_at, updated_at,
            checked_in_at, checkin_desk_id, checkin_device_id, checkin_client_id, checkin_source, checkin_staff_id, checkin_created_at, checkin_changed_at)
          VALUES (${id}, ${eventId}, ${ticketCode}, ${body.name}, ${email}, ${email ? email.toLowerCase() : `walk-in:${id}`}, ${body.phone}, ${body.affiliation}, ${body.jobTitle}, ${body.locale}, 'confirmed', 'attendee', ${now}, ${now},
            ${now}, ${body.deskId}, ${body.deviceId}, ${body.clientId}, 'walk_in', ${staff.id}, ${now}, ${now})
          ON CONFLICT DO NOTHING RETURNING id`,
    ]);
    if (!inserted.length)
      throw new ApiError(
        409,
        'already_registered',
        'This email is already registered: search for the person and check them in.',
      );
    return c.json(
      {
        result: 'checked_in' as const,
        registration: { id, name: body.name, affiliation: body.affiliation, role: 'attendee' as const },
        ticketCode,
        checkedInAt: isoInZone(now, timezone),
      },
      201,
    );
  })
  .get('/:slug/stats', rules.liveStats, async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), DESK_ROLES);
    const [countRows, arrivals, ev] = await atomically(c.env.DB, [
      sql`
        SELECT r.status, r.role, count(*) AS n, count(r.checked_in_at) AS checkedIn
        FROM registrations r WHERE r.event_id = ${eventId} GROUP BY r.status, r.role`,
      sql`SELECT (checked_in_at / 300000) * 300000 AS bucket, count(*) AS n FROM registrations WHERE event_id = ${eventId} AND checked_in_at IS NOT NULL GROUP BY bucket ORDER BY bucket`,
      sql`SELECT capacity FROM events WHERE id = ${eventId}`,
    ]);
    const counts = countRows as { status: RegistrationStatus; role: RegistrationRole; n: number; checkedIn: number }[];
    const sum = (f: (r: (typeof counts)[number]) => boolean, k: 'n' | 'checkedIn' = 'n') =>
      counts.filter(f).reduce((a, r) => a + Number(r[k]), 0);
    const byRole = Object.fromEntries(
      REGISTRATION_ROLES.map((role) => [
        role,
        {
          confirmed: sum((r) => r.role === role && r.status === 'confirmed'),
          checkedIn: sum((r) => r.role === role, 'checkedIn'),
        },
      ]),
    ) as Record<RegistrationRole, { confirmed: number; checkedIn: number }>;
    return c.json(
      {
        capacity: ev[0]?.capacity ?? 0,
        registered: sum(() => true),
        confirmed: sum((r) => r.status === 'confirmed'),
        waitlisted: sum((r) => r.status === 'waitlisted'),
        cancelled: sum((r) => r.status === 'cancelled'),
        checkedIn: sum(() => true, 'checkedIn'),
        /** Confirmed and never checked in: after the day, the no-shows. */
        notCheckedIn: sum((r) => r.status === 'confirmed') - sum((r) => r.status === 'confirmed', 'checkedIn'),
        byRole,
        arrivals: arrivals.map((a) => ({ at: isoInZone(Number(a.bucket), timezone), count: Number(a.n) })),
      },
      200,
    );
  });
