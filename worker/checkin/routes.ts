// Front-desk API: check in by scan or search, search attendees, register walk-ins, live counts.
import { sql } from 'drizzle-orm';
import { deskLines } from '../questions/desk';
import { Hono } from 'hono';
import { z } from 'zod';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE, requireEventRole } from '../auth/session';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { ApiError } from '../http/errors';
import { type Bucket, secondsToWait, takeMemoryToken } from '../http/rate-limit';
import { asciiText, validate } from '../http/validate';
import { isoInZone, isoOrNull } from '../lib/time';
import { newId, randomToken, sha256 } from '../lib/random';
import { checkinOutcome, ticketCodeFrom } from './outcome';
import { parseDeskQuery, maskEmail, maskPhone } from './search-rules';
import { searchStatement } from './search';
import { readTicketState, recordCheckin, type TicketStateRow, type ScanInput, type TicketRef } from './statements';

const DESK_ROLES = ['desk', 'organiser'] as const;

const scanFields = {
  deviceId: z.string().trim().min(1).max(100),
  clientId: z.string().trim().min(1).max(100),
  deskId: z.string().trim().max(60).optional().default(''),
};

export const checkinInput = z
  .object({
    code: z.string().trim().min(1).max(500).optional(),
    registrationId: z.string().trim().min(1).max(100).optional(),
    scannedAt: z.iso.datetime({ offset: true }).optional(),
    source: z.enum(['scan', 'search']).optional().default('scan'),
    ...scanFields,
  })
  .refine((v) => v.code || v.registrationId, {
    message: 'Give the scanned code or a registration id.',
    path: ['code'],
  });

export const walkInInput = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(120),
  email: asciiText().max(254).pipe(z.email('Enter a valid email address.')).optional().or(z.literal('')),
  phone: asciiText()
    .max(40)
    .regex(/^[0-9+()\-\s]*$/, 'Use digits, spaces, + - ( ) only.')
    .optional()
    .default(''),
  affiliation: z.string().trim().max(200).optional().default(''),
  jobTitle: z.string().trim().max(120).optional().default(''),
  locale: z.enum(['zh-CN', 'en']).optional().default('zh-CN'),
  ...scanFields,
});

const TOO_SHORT = 'Type at least 1 Chinese character or 2 letters or digits.';
export const searchQuery = z.object({ q: z.string().trim().min(1, TOO_SHORT).max(100) });

type SearchRow = {
  id: string;
  name: string;
  affiliation: string;
  role: string;
  status: string;
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

/** One round trip: record (or not) and read back. Shared by live scans, searches and walk-ins. */
export async function checkIn(d1: D1Database, ref: TicketRef, scan: ScanInput, timezone: string) {
  const [, rows] = await atomically(d1, [recordCheckin(ref, scan), readTicketState(ref)]);
  const row = rows[0] as TicketStateRow | undefined;
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
          details: deskLines(row.questions, row.answers),
        }
      : null,
    checkedInAt: visible ? isoOrNull(row.scannedAt, timezone) : null,
    deskId: visible ? row.deskId : null,
  };
}

export const checkinRoutes = new Hono<AppEnv>()
  .post('/:slug/checkins', validate('json', checkinInput), async (c) => {
    const { eventId, staff, timezone } = requireEventRole(c, c.req.param('slug'), DESK_ROLES);
    const body = c.req.valid('json');
    const ref: TicketRef = body.registrationId
      ? { registrationId: body.registrationId }
      : { code: ticketCodeFrom(body.code!) };
    // A live scan is timed by the server: desk clocks drift, and the first to arrive wins.
    const scan: ScanInput = {
      eventId,
      deskId: body.deskId,
      deviceId: body.deviceId,
      clientId: body.clientId,
      scannedAt: Date.now(),
      source: body.source,
      staffId: staff.id,
    };
    return c.json(await checkIn(c.env.DB, ref, scan, timezone), 200);
  })
  .get('/:slug/attendees', validate('query', searchQuery), async (c) => {
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
    const rows = await c.var.db.all<SearchRow>(searchStatement(eventId, query));
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
  .post('/:slug/walk-ins', validate('json', walkInInput), async (c) => {
    const { eventId, staff, timezone } = requireEventRole(c, c.req.param('slug'), DESK_ROLES);
    const body = c.req.valid('json');
    const id = newId('reg');
    const ticketCode = randomToken();
    const email = body.email || '';
    const now = Date.now();
    // A walk-in is in the room: confirmed whatever the capacity, and checked in in the same batch.
    const [inserted] = await atomically(c.env.DB, [
      sql`INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, phone, affiliation, job_title, locale, status, role, created_at, updated_at)
          VALUES (${id}, ${eventId}, ${ticketCode}, ${body.name}, ${email}, ${email ? email.toLowerCase() : `walk-in:${id}`}, ${body.phone}, ${body.affiliation}, ${body.jobTitle}, ${body.locale}, 'confirmed', 'attendee', ${now}, ${now})
          ON CONFLICT DO NOTHING RETURNING id`,
      recordCheckin(
        { registrationId: id },
        {
          eventId,
          deskId: body.deskId,
          deviceId: body.deviceId,
          clientId: body.clientId,
          scannedAt: now,
          source: 'walk_in',
          staffId: staff.id,
        },
      ),
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
        registration: { id, name: body.name, affiliation: body.affiliation, role: 'attendee' },
        ticketCode,
        checkedInAt: isoInZone(now, timezone),
      },
      201,
    );
  })
  .get('/:slug/stats', async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ['desk', 'organiser']);
    const [countRows, arrivals, ev] = await atomically(c.env.DB, [
      sql`
        SELECT r.status, r.role, count(*) AS n, count(c.registration_id) AS checkedIn
        FROM registrations r LEFT JOIN checkins c ON c.registration_id = r.id WHERE r.event_id = ${eventId} GROUP BY r.status, r.role`,
      sql`SELECT (scanned_at / 300000) * 300000 AS bucket, count(*) AS n FROM checkins WHERE event_id = ${eventId} GROUP BY bucket ORDER BY bucket`,
      sql`SELECT capacity, timezone FROM events WHERE id = ${eventId}`,
    ]);
    const counts = countRows as { status: string; role: string; n: number; checkedIn: number }[];
    const tz = ev[0]?.timezone ?? 'Asia/Shanghai';
    const sum = (f: (r: (typeof counts)[number]) => boolean, k: 'n' | 'checkedIn' = 'n') =>
      counts.filter(f).reduce((a, r) => a + Number(r[k]), 0);
    const byRole = Object.fromEntries(
      ['attendee', 'speaker', 'guest', 'staff'].map((role) => [
        role,
        {
          confirmed: sum((r) => r.role === role && r.status === 'confirmed'),
          checkedIn: sum((r) => r.role === role, 'checkedIn'),
        },
      ]),
    );
    return c.json(
      {
        capacity: ev[0]?.capacity ?? 0,
        registered: sum(() => true),
        confirmed: sum((r) => r.status === 'confirmed'),
        waitlisted: sum((r) => r.status === 'waitlisted'),
        cancelled: sum((r) => r.status === 'cancelled'),
        checkedIn: sum(() => true, 'checkedIn'),
        byRole,
        arrivals: arrivals.map((a) => ({ at: isoInZone(Number(a.bucket), tz), count: Number(a.n) })),
      },
      200,
    );
  });
