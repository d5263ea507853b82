// The desk's side of attendance: the points it can scan for (agenda items), the counters at one, and a live sign-in or sign-out.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { DESK_ROLES, rule } from '../http/contract';
import { isoOrNull } from '../lib/time';
import { liveScan } from '../checkin/statements';
import { pointQuery, pointScanInput } from './input';
import { pointOf, scanAtPoint } from './scan';

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  deskPoint: rule({
    access: 'desk',
    tag: 'desk',
    summary:
      'Agenda items the desk can sign people in and out of, and the counters at one (?sessionId=; none: the whole event).',
    query: pointQuery,
  }),
  scan: rule({
    access: 'desk',
    tag: 'desk',
    summary: 'Sign a ticket in or out at the whole event or one agenda item (sessionId), by scan or by search.',
    json: pointScanInput,
  }),
};

export const attendanceDeskRoutes = new Hono<AppEnv>()
  .get('/:slug/attendance/desk', rules.deskPoint, async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), DESK_ROLES);
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
  })
  .post('/:slug/attendance/scans', rules.scan, async (c) => {
    const { eventId, staff, timezone } = requireEventRole(c, c.req.param('slug'), DESK_ROLES);
    const body = c.req.valid('json');
    const { ref, scan } = liveScan(body, eventId, staff.id);
    return c.json(await scanAtPoint(c.env.DB, ref, scan, pointOf(body)!, timezone), 200);
  });
