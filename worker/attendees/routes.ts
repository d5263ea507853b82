// Organiser routes for registrations: list (search, filter, sort, pages), edit, cancel, promote, reissue, CSV.
import { and, asc, count, desc, eq, gte, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { z } from 'zod';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import { events, registrations } from '../../schema';
import type { AppEnv, Db } from '../env';
import { ApiError, notFound } from '../http/errors';
import { isoOrNull } from '../lib/time';
import { newId, randomToken } from '../lib/random';
import { promoteFromWaitlist } from '../registration/statements';
import { requestLocale } from '../http/messages';
import { toCsv } from './csv';
import { publicOrigin } from '../http/origin';
import { CSV_HEADERS, deskText, roleText, statusText } from './csv-text';
import { rule } from '../http/contract';
import { csvQuery, editInput, listQuery } from './input';
import type { Question } from '../questions/model';
import {
  answerCellsFor,
  answerFilterSql,
  answerHeaders,
  answersForStaff,
  eventQuestionsSql,
  questionsFromBatch,
} from '../questions/export';

const parseCursor = (after: string) => {
  const dot = after.indexOf('.');
  return { createdAt: Number(after.slice(0, dot)), id: after.slice(dot + 1) };
};

/** Each answer's search and filters, on registrations (their check-in is on the row). */
function filters(eventId: string, q: z.infer<typeof listQuery>, questions: Question[] = []) {
  const needle = q.q?.toLowerCase();
  const hi = `${needle}\u{10FFFF}`;
  const name = sql`lower(${registrations.name})`;
  return and(
    eq(registrations.eventId, eventId),
    q.status && eq(registrations.status, q.status),
    q.role && eq(registrations.role, q.role),
    q.checkedIn === 'true' ? isNotNull(registrations.checkedInAt) : undefined,
    q.checkedIn === 'false' ? isNull(registrations.checkedInAt) : undefined,
    (q.question && q.answer && answerFilterSql(questions, q.question, q.answer)) || undefined,
    // Prefixes of name, email and phone walk their indexes; the institution matches anywhere.
    needle
      ? or(
          and(gte(name, needle), lt(name, hi)),
          and(gte(registrations.emailKey, needle), lt(registrations.emailKey, hi)),
          and(gte(registrations.phone, needle), lt(registrations.phone, hi)),
          sql`instr(lower(${registrations.affiliation}), ${needle}) > 0`,
        )
      : undefined,
  );
}

const ORDER = {
  created: [asc(registrations.createdAt), asc(registrations.id)],
  '-created': [desc(registrations.createdAt), desc(registrations.id)],
  name: [asc(sql`lower(${registrations.name})`), asc(registrations.id)],
  '-name': [desc(sql`lower(${registrations.name})`), desc(registrations.id)],
};

/** A registration's columns as the console lists and exports it, with its check-in. */
const attendeeColumns = {
  id: registrations.id,
  name: registrations.name,
  email: registrations.email,
  phone: registrations.phone,
  affiliation: registrations.affiliation,
  jobTitle: registrations.jobTitle,
  locale: registrations.locale,
  status: registrations.status,
  role: registrations.role,
  createdAt: registrations.createdAt,
  scannedAt: registrations.checkedInAt,
  deskId: registrations.checkinDeskId,
  answers: registrations.answers,
};

/** The list's rows, each with its event's timezone (for local times). */
const selectAttendees = (db: Db) =>
  db
    .select({ ...attendeeColumns, timezone: events.timezone })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .$dynamic();

/** The CSV's rows: one event's, so its zone comes once with the staff member's role rather than on every row. */
const selectCsvRows = (db: Db) => db.select(attendeeColumns).from(registrations).$dynamic();

const present = (r: Awaited<ReturnType<typeof selectAttendees>>[number], questions: Question[] = []) => ({
  id: r.id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  affiliation: r.affiliation,
  jobTitle: r.jobTitle,
  locale: r.locale,
  status: r.status,
  role: r.role,
  createdAt: isoOrNull(r.createdAt, r.timezone),
  checkedInAt: isoOrNull(r.scannedAt, r.timezone),
  deskId: r.deskId,
  answers: answersForStaff(questions, r.answers),
});

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  listRegistrations: rule({
    access: 'organiser',
    tag: 'registrations',
    summary: 'Search, filter, sort and page registrations.',
    query: listQuery,
  }),
  exportCsv: rule({
    access: 'organiser',
    tag: 'registrations',
    summary: 'All registrations as Excel-friendly CSV; with `limit`, one page of it (next: `after` = X-Next-Cursor).',
    query: csvQuery,
  }),
  editRegistration: rule({
    access: 'organiser',
    tag: 'registrations',
    summary: 'Edit a registration.',
    json: editInput,
  }),
  cancelRegistration: rule({
    access: 'organiser',
    tag: 'registrations',
    summary: 'Cancel a registration (promotes the waitlist).',
  }),
  promoteRegistration: rule({
    access: 'organiser',
    tag: 'registrations',
    summary: 'Move a registration off the waitlist.',
  }),
  reissueTicket: rule({
    access: 'organiser',
    tag: 'registrations',
    summary: 'Issue a new ticket code; the old one stops working.',
  }),
  dashboard: rule({
    access: 'organiser',
    tag: 'registrations',
    summary: 'Registrations and arrivals over time, by institution and role.',
  }),
};

export const attendeeRoutes = new Hono<AppEnv>()
  .get('/:slug/registrations', rules.listRegistrations, async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const q = c.req.valid('query');
    // Filtering by an answer needs the question's type: one more read, only then.
    const [first] = q.question ? await atomically(c.env.DB, [eventQuestionsSql(eventId)]) : [undefined];
    const where = filters(eventId, q, questionsFromBatch(first));
    const db = c.var.db;
    const [rows, total, qs] = await atomically(c.env.DB, [
      selectAttendees(db)
        .where(where)
        .orderBy(...ORDER[q.sort])
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db.select({ n: count() }).from(registrations).where(where),
      eventQuestionsSql(eventId),
    ]);
    const questions = questionsFromBatch(qs);
    return c.json(
      {
        registrations: rows.map((r) => present(r, questions)),
        questions,
        total: total[0]?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      },
      200,
    );
  })
  .get('/:slug/registrations.csv', rules.exportCsv, async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const { after, limit, lang: asked } = c.req.valid('query');
    const lang = asked ?? requestLocale(c);
    const cursor = after ? parseCursor(after) : null;
    const page = limit !== undefined;
    // Pages walk registrations_event_created from the cursor: each costs its own rows, whatever the event's size.
    const db = c.var.db;
    const walk = selectCsvRows(db)
      .where(
        and(
          eq(registrations.eventId, eventId),
          cursor
            ? sql`(${registrations.createdAt}, ${registrations.id}) > (${cursor.createdAt}, ${cursor.id})`
            : undefined,
        ),
      )
      .orderBy(...ORDER.created);
    const [qs, rows, total] = await atomically(c.env.DB, [
      eventQuestionsSql(eventId),
      page ? walk.limit(limit + 1) : walk,
      ...(page && !cursor
        ? [db.select({ n: count() }).from(registrations).where(eq(registrations.eventId, eventId))]
        : []),
    ]);
    const questions = questionsFromBatch(qs);
    const more = page && rows.length > limit;
    const shown = more ? rows.slice(0, limit) : rows;
    const cellsOf = answerCellsFor(questions, lang);
    const csv = toCsv(
      cursor ? null : [...CSV_HEADERS[lang], ...answerHeaders(questions, lang)],
      shown.map((r) => [
        r.name,
        r.email,
        r.phone,
        r.affiliation,
        r.jobTitle,
        statusText(r.status, lang),
        roleText(r.role, lang),
        isoOrNull(r.createdAt, timezone),
        isoOrNull(r.scannedAt, timezone),
        deskText(r.deskId, lang),
        r.status,
        r.role,
        ...cellsOf(r.answers),
      ]),
    );
    const headers = new Headers({
      'content-language': lang,
      vary: 'accept-language',
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${c.req.param('slug')}-registrations.csv"`,
      'cache-control': 'no-store',
    });
    if (more) {
      const last = shown[shown.length - 1]!;
      const next = `${last.createdAt}.${last.id}`;
      headers.set('x-next-cursor', next);
      headers.set(
        'link',
        `<${new URL(c.req.path, c.req.url).pathname}?after=${encodeURIComponent(next)}&limit=${limit}&lang=${lang}>; rel="next"`,
      );
    }
    if (total) headers.set('x-total-count', String(total[0]?.n ?? 0));
    return new Response(csv, { headers });
  })
  .patch('/:slug/registrations/:id', rules.editRegistration, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const b = c.req.valid('json');
    const db = c.var.db;
    const { email, ...fields } = b;
    const set = {
      ...fields,
      ...(email !== undefined && { email, emailKey: email.toLowerCase() }),
      updatedAt: Date.now(),
    };
    try {
      const [updated] = await atomically(c.env.DB, [
        db
          .update(registrations)
          .set(set)
          .where(and(eq(registrations.id, id), eq(registrations.eventId, eventId)))
          .returning({ id: registrations.id }),
        auditEntry(eventId, staff.id, 'registration.update', { id, fields: Object.keys(b) }),
      ]);
      if (!updated.length) throw notFound('No such registration in this event.');
    } catch (e) {
      if (e instanceof Error && /UNIQUE/i.test(e.message))
        throw new ApiError(409, 'email_taken', 'Another registration of this event uses this email.', {
          email: 'Already registered.',
        });
      throw e;
    }
    const [[row], qs] = await atomically(c.env.DB, [
      selectAttendees(db).where(eq(registrations.id, id)),
      eventQuestionsSql(eventId),
    ]);
    return c.json({ registration: present(row!, questionsFromBatch(qs)) }, 200);
  })
  .post('/:slug/registrations/:id/cancel', rules.cancelRegistration, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const origin = publicOrigin(c);
    const now = Date.now();
    const db = c.var.db;
    const mine = and(eq(registrations.id, id), eq(registrations.eventId, eventId));
    const [cancelled] = await atomically(c.env.DB, [
      db
        .update(registrations)
        .set({ status: 'cancelled', updatedAt: now })
        .where(and(mine, ne(registrations.status, 'cancelled')))
        .returning({ id: registrations.id }),
      // Raw INSERT … SELECT: the email exists only if this very batch cancelled the registration (its updated_at).
      sql`INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, created_at)
          SELECT ${newId('eml')}, event_id, id, 'cancelled', email, locale, json_object('origin', ${origin}), ${now}
          FROM registrations WHERE id = ${id} AND event_id = ${eventId} AND status = 'cancelled' AND updated_at = ${now} AND email != ''`,
      promoteFromWaitlist(eventId, origin, now),
      auditEntry(eventId, staff.id, 'registration.cancel', { id }),
    ]);
    if (!cancelled.length) throw notFound('No such active registration in this event.');
    deliverSoon(c);
    return c.json({}, 200);
  })
  .post('/:slug/registrations/:id/promote', rules.promoteRegistration, async (c) => {
    // The organiser's call: confirm a waitlisted person even if that goes over capacity.
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    // The promotion email is written by the registrations_promoted_email trigger (schema/registrations.ts).
    const [promoted] = await atomically(c.env.DB, [
      c.var.db
        .update(registrations)
        .set({ status: 'confirmed', promotedOrigin: publicOrigin(c), updatedAt: Date.now() })
        .where(
          and(eq(registrations.id, id), eq(registrations.eventId, eventId), eq(registrations.status, 'waitlisted')),
        )
        .returning({ id: registrations.id }),
      auditEntry(eventId, staff.id, 'registration.promote', { id }),
    ]);
    if (!promoted.length) throw new ApiError(409, 'not_waitlisted', 'This registration is not on the waitlist.');
    deliverSoon(c);
    return c.json({}, 200);
  })
  .post('/:slug/registrations/:id/reissue', rules.reissueTicket, async (c) => {
    // A leaked ticket: a new code goes to the attendee, and the old one stops working at once.
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const code = randomToken();
    const now = Date.now();
    const [updated] = await atomically(c.env.DB, [
      c.var.db
        .update(registrations)
        .set({ ticketCode: code, updatedAt: now })
        .where(and(eq(registrations.id, id), eq(registrations.eventId, eventId), ne(registrations.status, 'cancelled')))
        .returning({ id: registrations.id }),
      // Raw INSERT … SELECT: the email goes only if the new code was written (an active registration of this event).
      sql`INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, created_at)
          SELECT ${newId('eml')}, event_id, id, 'reissued', email, locale, json_object('origin', ${publicOrigin(c)}), ${now}
          FROM registrations WHERE id = ${id} AND ticket_code = ${code} AND email != ''`,
      auditEntry(eventId, staff.id, 'registration.reissue', { id }),
    ]);
    if (!updated.length) throw notFound('No such active registration in this event.');
    deliverSoon(c);
    return c.json({ ticketCode: code }, 200);
  })
  .get('/:slug/dashboard', rules.dashboard, async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    // Raw SQL: reports grouped by expressions (local day, institution, 5-minute bucket) read best as SQL.
    const [daily, byInstitution, byRole, arrivals] = await atomically(c.env.DB, [
      sql`SELECT date((created_at + ${offsetMs(timezone)}) / 1000, 'unixepoch') AS day, count(*) AS n FROM registrations WHERE event_id = ${eventId} AND role = 'attendee' GROUP BY day ORDER BY day`,
      sql`SELECT CASE WHEN trim(affiliation) = '' THEN '—' ELSE trim(affiliation) END AS institution, count(*) AS n FROM registrations
          WHERE event_id = ${eventId} AND status = 'confirmed' GROUP BY institution ORDER BY n DESC, institution LIMIT 12`,
      sql`SELECT r.role, r.status, count(*) AS n, count(r.checked_in_at) AS checkedIn FROM registrations r
          WHERE r.event_id = ${eventId} GROUP BY r.role, r.status`,
      sql`SELECT (checked_in_at / 300000) * 300000 AS bucket, count(*) AS n FROM registrations WHERE event_id = ${eventId} AND checked_in_at IS NOT NULL GROUP BY bucket ORDER BY bucket`,
    ]);
    const confirmed = byRole.filter((r) => r.status === 'confirmed').reduce((a, r) => a + Number(r.n), 0);
    const checkedIn = byRole.reduce((a, r) => a + Number(r.checkedIn), 0);
    return c.json(
      {
        registrationsPerDay: daily.map((d) => ({ day: String(d.day), count: Number(d.n) })),
        byInstitution: byInstitution.map((d) => ({ institution: String(d.institution), count: Number(d.n) })),
        byRole: byRole.map((r) => ({
          role: String(r.role),
          status: String(r.status),
          count: Number(r.n),
          checkedIn: Number(r.checkedIn),
        })),
        arrivals: arrivals.map((a) => ({ at: isoOrNull(Number(a.bucket), timezone)!, count: Number(a.n) })),
        confirmed,
        checkedIn,
        checkinRate: confirmed ? Math.round((checkedIn / confirmed) * 1000) / 1000 : 0,
      },
      200,
    );
  });

/** The zone's current UTC offset, to group registration times by local day. */
function offsetMs(timeZone: string) {
  const iso = isoOrNull(Date.now(), timeZone)!;
  const m = /([+-])(\d\d):(\d\d)$/.exec(iso);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}
