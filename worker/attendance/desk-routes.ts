// The desk's view of attendance: the points it can scan for (agenda items) and the counters at one point.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { validate } from '../http/validate';
import { isoOrNull } from '../lib/time';

export const pointQuery = z.object({ sessionId: z.string().trim().max(100).optional().default('') });

export const attendanceDeskRoutes = new Hono<AppEnv>().get(
  '/:slug/attendance/desk',
  validate('query', pointQuery),
  async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), ['desk', 'organiser']);
    const point = c.req.valid('query').sessionId;
    // SQLite gives the bare `direction` of the row holding max(scanned_at): each person's latest scan at the point.
    const [items, counts] = await atomically(c.env.DB, [
      sql`SELECT id, kind, title_zh AS titleZh, title_en AS titleEn, starts_at AS startsAt, ends_at AS endsAt
          FROM sessions WHERE event_id = ${eventId} AND kind != 'break' ORDER BY starts_at, position`,
      sql`SELECT count(*) AS signedIn, coalesce(sum(direction = 'in'), 0) AS presentNow, coalesce(sum(direction = 'out'), 0) AS signedOut
          FROM (SELECT registration_id, direction, max(scanned_at) FROM attendance_scans
                WHERE event_id = ${eventId} AND point = ${point} GROUP BY registration_id)`,
    ]);
    const n = counts[0] ?? {};
    return c.json(
      {
        items: items.map((i) => ({
          id: String(i.id),
          kind: String(i.kind),
          title: { zh: String(i.titleZh), en: String(i.titleEn) },
          startsAt: isoOrNull(Number(i.startsAt), timezone),
          endsAt: isoOrNull(Number(i.endsAt), timezone),
        })),
        counts: {
          presentNow: Number(n.presentNow ?? 0),
          signedIn: Number(n.signedIn ?? 0),
          signedOut: Number(n.signedOut ?? 0),
        },
      },
      200,
    );
  },
);
