// Organiser API for CME: the project and credit rule, attendance per registration, eligibility overrides, the roster CSV.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { toCsv } from '../attendees/csv';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../http/errors';
import { requestLocale } from '../http/messages';
import { ORGANISER_ROLES, rule } from '../http/contract';
import { isoOrNull } from '../lib/time';
import { cmeInput } from '../cme/input';
import { agendaOf } from '../evaluation/reads';
import { CME_PRESETS, type CmeSettings } from '../cme/settings';
import { attendanceQuery, overrideInput } from './input';
import {
  attendanceReport,
  lecturers,
  type RegRow,
  type ScanRow,
  type SessionRow,
  TEACHING_ROLES,
  type TeachingRow,
} from './report';
import { ROSTER_HEADERS, levelText, rosterRow } from './roster';

export const NOT_SET = 'Set up the CME project first.';

export const settingsOf = (rows: Record<string, unknown>[]): CmeSettings | null =>
  rows[0] ? (JSON.parse(String(rows[0].settings)) as CmeSettings) : null;

/** The page's registrations (confirmed only: nobody else can sign in), its scans and the agenda's teachers, in one batch. */
export function pageReads(eventId: string, after: string, limit: number) {
  const page = sql`SELECT id FROM registrations WHERE event_id = ${eventId} AND status = 'confirmed' AND id > ${after} ORDER BY id LIMIT ${limit + 1}`;
  return [
    sql`SELECT settings, (SELECT questions FROM events WHERE id = ${eventId}) AS questions FROM cme_projects WHERE event_id = ${eventId}`,
    agendaOf(eventId),
    sql`SELECT r.id, r.name, r.affiliation, r.job_title AS jobTitle, r.role, r.person_id AS personId, r.answers,
          o.eligible AS overrideEligible, o.reason AS overrideReason,
          (SELECT max(a.passed) FROM assessment_attempts a WHERE a.event_id = r.event_id AND a.registration_id = r.id) AS assessmentPassed
        FROM registrations r LEFT JOIN attendance_overrides o ON o.registration_id = r.id
        WHERE r.event_id = ${eventId} AND r.status = 'confirmed' AND r.id > ${after} ORDER BY r.id LIMIT ${limit + 1}`,
    sql`SELECT registration_id AS registrationId, point, direction, scanned_at AS scannedAt, desk_id AS deskId,
          device_id AS deviceId, client_id AS clientId, source
        FROM attendance_scans WHERE event_id = ${eventId} AND registration_id IN (${page})`,
    sql`SELECT sp.session_id AS sessionId, sp.person_id AS personId, sp.role, p.name_zh AS nameZh, p.name_en AS nameEn
        FROM session_people sp JOIN people p ON p.id = sp.person_id
        WHERE p.event_id = ${eventId} AND sp.role IN (SELECT value FROM json_each(${JSON.stringify(TEACHING_ROLES)}))`,
  ] as const;
}

async function readPage(d1: D1Database, eventId: string, after: string, limit: number) {
  const [cme, sessions, regs, scans, teaching, certs] = await atomically(d1, [
    ...pageReads(eventId, after, limit),
    // The roster's 证书编号: each live certificate of the page's people (an attendee's, and a lecturer's own).
    sql`SELECT registration_id AS registrationId, group_concat(number, ' / ') AS numbers FROM certificates
        WHERE event_id = ${eventId} AND status != 'revoked' AND registration_id IN (SELECT id FROM registrations
          WHERE event_id = ${eventId} AND status = 'confirmed' AND id > ${after} ORDER BY id LIMIT ${limit + 1})
        GROUP BY registration_id`,
  ] as const);
  const settings = settingsOf(cme);
  if (!settings) throw new ApiError(409, 'conflict', NOT_SET);
  const more = regs.length > limit;
  return {
    settings,
    questionsJson: (cme[0]?.questions as string | null | undefined) ?? null,
    sessions: sessions as SessionRow[],
    regs: (more ? regs.slice(0, limit) : regs) as RegRow[],
    scans: scans as ScanRow[],
    teaching: teaching as TeachingRow[],
    certificates: new Map(certs.map((r) => [String(r.registrationId), String(r.numbers)])),
    next: more ? String(regs[limit - 1]!.id) : null,
  };
}

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  getCme: rule({
    access: 'organiser',
    tag: 'cme',
    summary: "The event's CME project and credit rule, the national and provincial presets, and the agenda.",
  }),
  putCme: rule({
    access: 'organiser',
    tag: 'cme',
    summary: 'Set the CME project: number, level, credit class, accredited items, credit and presence rules.',
    json: cmeInput,
  }),
  attendance: rule({
    access: 'organiser',
    tag: 'cme',
    summary: 'Minutes present per accredited item, eligibility with reasons, credits; paged by ?after=&limit=.',
    query: attendanceQuery,
  }),
  roster: rule({
    access: 'organiser',
    tag: 'cme',
    summary: 'The roster for the CME office (Chinese headers with ?lang=zh-CN); paged like the attendance.',
    query: attendanceQuery,
  }),
  override: rule({
    access: 'organiser',
    tag: 'cme',
    summary: "Override a person's eligibility, with a reason (audited).",
    json: overrideInput,
  }),
  removeOverride: rule({
    access: 'organiser',
    tag: 'cme',
    summary: 'Remove an override: the rule decides again (audited).',
  }),
};

export const attendanceRoutes = new Hono<AppEnv>()
  .get('/:slug/cme', rules.getCme, async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const [cme, sessions] = await atomically(c.env.DB, [
      sql`SELECT settings FROM cme_projects WHERE event_id = ${eventId}`,
      agendaOf(eventId),
    ]);
    return c.json(
      {
        cme: settingsOf(cme),
        presets: CME_PRESETS,
        sessions: (sessions as SessionRow[]).map((s) => ({
          ...s,
          startsAt: isoOrNull(s.startsAt, timezone),
          endsAt: isoOrNull(s.endsAt, timezone),
        })),
      },
      200,
    );
  })
  .put('/:slug/cme', rules.putCme, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const body = c.req.valid('json');
    const ids = [...new Set(body.accreditedSessionIds)];
    // The items must be this event's: checked inside the write, so a second read is not needed.
    const [written] = await atomically(c.env.DB, [
      sql`INSERT INTO cme_projects (event_id, settings, updated_at)
          SELECT ${eventId}, ${JSON.stringify({ ...body, accreditedSessionIds: ids })}, ${Date.now()}
          WHERE (SELECT count(*) FROM sessions WHERE event_id = ${eventId} AND id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))) = ${ids.length}
          ON CONFLICT (event_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at
          RETURNING settings`,
    ]);
    if (!written.length) {
      const msg = 'Choose agenda items of this event.';
      throw new ApiError(400, 'invalid', msg, { accreditedSessionIds: msg });
    }
    await atomically(c.env.DB, [auditEntry(eventId, staff.id, 'cme.update', { level: body.level, items: ids.length })]);
    return c.json({ cme: settingsOf(written) }, 200);
  })
  .get('/:slug/attendance', rules.attendance, async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const q = c.req.valid('query');
    const locale = q.lang ?? requestLocale(c);
    const p = await readPage(c.env.DB, eventId, q.after, q.limit);
    const people = attendanceReport(p.settings, p.sessions, p.regs, p.scans, p.teaching, locale);
    return c.json(
      {
        cme: p.settings,
        items: p.sessions
          .filter((s) => p.settings.accreditedSessionIds.includes(s.id))
          .map((s) => ({
            id: s.id,
            titleZh: s.titleZh,
            titleEn: s.titleEn,
            minutes: Math.floor((s.endsAt - s.startsAt) / 60_000),
          })),
        registrations: people.map((r) => ({
          ...r,
          firstIn: isoOrNull(r.firstIn, timezone),
          lastOut: isoOrNull(r.lastOut, timezone),
        })),
        // The agenda's teachers, whether or not they registered (first page only: the list is short and whole).
        lecturers: q.after ? [] : lecturers(p.settings, p.sessions, p.teaching),
        next: p.next,
      },
      200,
    );
  })
  .put('/:slug/attendance/:id/override', rules.override, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const id = c.req.param('id');
    const b = c.req.valid('json');
    const now = Date.now();
    const [rows] = await atomically(c.env.DB, [
      sql`INSERT INTO attendance_overrides (registration_id, event_id, eligible, reason, staff_id, created_at)
          SELECT id, event_id, ${b.eligible ? 1 : 0}, ${b.reason}, ${staff.id}, ${now} FROM registrations WHERE id = ${id} AND event_id = ${eventId}
          ON CONFLICT (registration_id) DO UPDATE SET eligible = excluded.eligible, reason = excluded.reason, staff_id = excluded.staff_id, created_at = excluded.created_at
          RETURNING registration_id`,
      sql`INSERT INTO audit (event_id, staff_id, action, detail, created_at)
          SELECT ${eventId}, ${staff.id}, 'attendance.override', ${JSON.stringify({ id, eligible: b.eligible, reason: b.reason })}, ${now}
          WHERE EXISTS (SELECT 1 FROM registrations WHERE id = ${id} AND event_id = ${eventId})`,
    ]);
    if (!rows.length) throw notFound('No such registration in this event.');
    return c.json({ override: { registrationId: id, eligible: b.eligible, reason: b.reason } }, 200);
  })
  .delete('/:slug/attendance/:id/override', rules.removeOverride, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const id = c.req.param('id');
    const [rows] = await atomically(c.env.DB, [
      sql`DELETE FROM attendance_overrides WHERE registration_id = ${id} AND event_id = ${eventId} RETURNING registration_id`,
      sql`INSERT INTO audit (event_id, staff_id, action, detail, created_at)
          SELECT ${eventId}, ${staff.id}, 'attendance.override_removed', ${JSON.stringify({ id })}, ${Date.now()}
          WHERE EXISTS (SELECT 1 FROM attendance_overrides WHERE registration_id = ${id} AND event_id = ${eventId})`,
    ]);
    if (!rows.length) throw notFound('This person has no override.');
    return c.json({ override: null }, 200);
  })
  .get('/:slug/attendance.csv', rules.roster, async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const q = c.req.valid('query');
    const lang = q.lang ?? requestLocale(c);
    const p = await readPage(c.env.DB, eventId, q.after, q.limit);
    const people = attendanceReport(p.settings, p.sessions, p.regs, p.scans, p.teaching, lang);
    const regs = new Map(p.regs.map((r) => [r.id, r]));
    const csv = toCsv(
      q.after ? null : ROSTER_HEADERS[lang],
      people.map((a) =>
        rosterRow(a, regs.get(a.id)!, p.settings, p.questionsJson, timezone, lang, p.certificates.get(a.id) ?? ''),
      ),
    );
    const headers = new Headers({
      'content-language': lang,
      vary: 'accept-language',
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${c.req.param('slug')}-cme-roster.csv"`,
      'cache-control': 'no-store',
      'x-cme-level': levelText(p.settings.level, 'en'),
    });
    if (p.next) headers.set('x-next-cursor', p.next);
    return new Response(csv, { headers });
  });
