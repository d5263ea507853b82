// Organiser routes for registrations: list (search, filter, sort, pages), edit, cancel, promote, reissue, CSV.
import { sql, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../http/errors';
import { asciiText, validate } from '../http/validate';
import { isoOrNull } from '../lib/time';
import { newId, randomToken } from '../lib/random';
import { promoteFromWaitlist } from '../registration/statements';
import { requestLocale } from '../http/messages';
import { toCsv } from './csv';
import { publicOrigin } from '../http/origin';
import { CSV_HEADERS, deskText, roleText, statusText } from './csv-text';
import type { Question } from '../questions/model';
import {
  answerCells,
  answerFilterSql,
  answerHeaders,
  answersForStaff,
  eventQuestionsSql,
  questionsFromBatch,
} from '../questions/export';

export const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['confirmed', 'waitlisted', 'cancelled']).optional(),
  role: z.enum(['attendee', 'speaker', 'guest', 'staff']).optional(),
  checkedIn: z.enum(['true', 'false']).optional(),
  sort: z.enum(['created', '-created', 'name', '-name']).optional().default('created'),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
  pageSize: z.coerce.number().int().min(1).max(200).optional().default(50),
  /** With `answer`: only registrations whose answer to this question contains it. */
  question: z.string().max(40).optional(),
  answer: z.string().trim().max(200).optional(),
});

export const editInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    email: asciiText().max(254).pipe(z.email('Enter a valid email address.')),
    phone: asciiText()
      .max(40)
      .regex(/^[0-9+()\-\s]*$/, 'Use digits, spaces, + - ( ) only.'),
    affiliation: z.string().trim().max(200),
    jobTitle: z.string().trim().max(120),
    locale: z.enum(['zh-CN', 'en']),
    role: z.enum(['attendee', 'speaker', 'guest', 'staff']),
  })
  .partial();

/**
 * The CSV export: the whole file at once, or with `limit` one page of it (the first with the BOM and header,
 * then each `after` the cursor the previous page gave in X-Next-Cursor), so no request handles more rows than that.
 */
export const csvQuery = z.object({
  after: z
    .string()
    .max(200)
    .regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,150}$/, 'Use the cursor from the previous page.')
    .optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
  /** The organiser's language for headers, statuses, roles and desks; without it, Accept-Language. */
  lang: z.enum(['zh-CN', 'en']).optional(),
});

const parseCursor = (after: string) => {
  const dot = after.indexOf('.');
  return { createdAt: Number(after.slice(0, dot)), id: after.slice(dot + 1) };
};

type Row = {
  id: string;
  name: string;
  email: string;
  phone: string;
  affiliation: string;
  jobTitle: string;
  locale: string;
  status: string;
  role: string;
  createdAt: number;
  scannedAt: number | null;
  deskId: string | null;
  timezone: string;
  answers: string;
};

function filters(eventId: string, q: z.infer<typeof listQuery>, questions: Question[] = []): SQL {
  const parts: SQL[] = [sql`r.event_id = ${eventId}`];
  if (q.status) parts.push(sql`r.status = ${q.status}`);
  if (q.role) parts.push(sql`r.role = ${q.role}`);
  if (q.checkedIn === 'true') parts.push(sql`c.registration_id IS NOT NULL`);
  if (q.checkedIn === 'false') parts.push(sql`c.registration_id IS NULL`);
  const byAnswer = q.question && q.answer ? answerFilterSql(questions, q.question, q.answer) : null;
  if (byAnswer) parts.push(byAnswer);
  if (q.q && q.q.length >= 1) {
    const needle = q.q.toLowerCase();
    const hi = `${needle}\u{10FFFF}`;
    parts.push(
      sql`(lower(r.name) >= ${needle} AND lower(r.name) < ${hi} OR r.email_key >= ${needle} AND r.email_key < ${hi} OR r.phone >= ${needle} AND r.phone < ${hi} OR instr(lower(r.affiliation), ${needle}) > 0)`,
    );
  }
  return sql.join(parts, sql` AND `);
}

const ORDER: Record<string, SQL> = {
  created: sql`r.created_at, r.id`,
  '-created': sql`r.created_at DESC, r.id DESC`,
  name: sql`lower(r.name), r.id`,
  '-name': sql`lower(r.name) DESC, r.id DESC`,
};

const SELECT = sql`SELECT r.id, r.name, r.email, r.phone, r.affiliation, r.job_title AS jobTitle, r.locale, r.status, r.role, r.created_at AS createdAt,
  c.scanned_at AS scannedAt, c.desk_id AS deskId, e.timezone, r.answers
  FROM registrations r JOIN events e ON e.id = r.event_id LEFT JOIN checkins c ON c.registration_id = r.id`;

const present = (r: Row, questions: Question[] = []) => ({
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

export const attendeeRoutes = new Hono<AppEnv>()
  .get('/:slug/registrations', validate('query', listQuery), async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const q = c.req.valid('query');
    // Filtering by an answer needs the question's type: one more read, only then.
    const [first] = q.question ? await atomically(c.env.DB, [eventQuestionsSql(eventId)]) : [undefined];
    const where = filters(eventId, q, questionsFromBatch(first));
    const [rows, total, qs] = await atomically(c.env.DB, [
      sql`${SELECT} WHERE ${where} ORDER BY ${ORDER[q.sort]} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      sql`SELECT count(*) AS n FROM registrations r LEFT JOIN checkins c ON c.registration_id = r.id WHERE ${where}`,
      eventQuestionsSql(eventId),
    ]);
    const questions = questionsFromBatch(qs);
    return c.json(
      {
        registrations: (rows as Row[]).map((r) => present(r, questions)),
        questions,
        total: Number(total[0]?.n ?? 0),
        page: q.page,
        pageSize: q.pageSize,
      },
      200,
    );
  })
  .get('/:slug/registrations.csv', validate('query', csvQuery), async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const { after, limit, lang: asked } = c.req.valid('query');
    const lang = asked ?? requestLocale(c);
    const cursor = after ? parseCursor(after) : null;
    const page = limit !== undefined;
    // Pages walk registrations_event_created from the cursor: each costs its own rows, whatever the event's size.
    const [qs, rows, total] = (await atomically(c.env.DB, [
      eventQuestionsSql(eventId),
      sql`${SELECT} WHERE r.event_id = ${eventId} ${cursor ? sql`AND (r.created_at, r.id) > (${cursor.createdAt}, ${cursor.id})` : sql``}
          ORDER BY r.created_at, r.id ${page ? sql`LIMIT ${limit + 1}` : sql``}`,
      ...(page && !cursor ? [sql`SELECT count(*) AS n FROM registrations WHERE event_id = ${eventId}`] : []),
    ])) as [Record<string, unknown>[], Row[], { n: number }[] | undefined];
    const questions = questionsFromBatch(qs);
    const more = page && rows.length > limit;
    const shown = more ? rows.slice(0, limit) : rows;
    const csv = toCsv(
      cursor ? null : [...CSV_HEADERS[lang], ...answerHeaders(questions, lang)],
      shown
        .map((row) => ({ ...present(row), answers: answerCells(questions, row.answers, lang) }))
        .map((r) => [
          r.name,
          r.email,
          r.phone,
          r.affiliation,
          r.jobTitle,
          statusText(r.status, lang),
          roleText(r.role, lang),
          r.createdAt,
          r.checkedInAt,
          deskText(r.deskId, lang),
          r.status,
          r.role,
          ...r.answers,
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
  .patch('/:slug/registrations/:id', validate('json', editInput), async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const b = c.req.valid('json');
    const set: SQL[] = [sql`updated_at = ${Date.now()}`];
    const columns: Record<string, string> = {
      name: 'name',
      phone: 'phone',
      affiliation: 'affiliation',
      jobTitle: 'job_title',
      locale: 'locale',
      role: 'role',
    };
    for (const [k, col] of Object.entries(columns))
      if (b[k as keyof typeof b] !== undefined) set.push(sql`${sql.raw(col)} = ${b[k as keyof typeof b]}`);
    if (b.email !== undefined) set.push(sql`email = ${b.email}, email_key = ${b.email.toLowerCase()}`);
    try {
      const [updated] = await atomically(c.env.DB, [
        sql`UPDATE registrations SET ${sql.join(set, sql`, `)} WHERE id = ${id} AND event_id = ${eventId} RETURNING id`,
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
    const [[row], qs] = await atomically(c.env.DB, [sql`${SELECT} WHERE r.id = ${id}`, eventQuestionsSql(eventId)]);
    return c.json({ registration: present(row as Row, questionsFromBatch(qs)) }, 200);
  })
  .post('/:slug/registrations/:id/cancel', async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const origin = publicOrigin(c);
    const now = Date.now();
    const [cancelled] = await atomically(c.env.DB, [
      sql`UPDATE registrations SET status = 'cancelled', updated_at = ${now} WHERE id = ${id} AND event_id = ${eventId} AND status != 'cancelled' RETURNING id`,
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
  .post('/:slug/registrations/:id/promote', async (c) => {
    // The organiser's call: confirm a waitlisted person even if that goes over capacity.
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const [promoted] = await atomically(c.env.DB, [
      sql`UPDATE registrations SET status = 'confirmed', promoted_origin = ${publicOrigin(c)}, updated_at = ${Date.now()}
          WHERE id = ${id} AND event_id = ${eventId} AND status = 'waitlisted' RETURNING id`,
      auditEntry(eventId, staff.id, 'registration.promote', { id }),
    ]);
    if (!promoted.length) throw new ApiError(409, 'not_waitlisted', 'This registration is not on the waitlist.');
    deliverSoon(c);
    return c.json({}, 200);
  })
  .post('/:slug/registrations/:id/reissue', async (c) => {
    // A leaked ticket: a new code goes to the attendee, and the old one stops working at once.
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const code = randomToken();
    const now = Date.now();
    const [updated] = await atomically(c.env.DB, [
      sql`UPDATE registrations SET ticket_code = ${code}, updated_at = ${now} WHERE id = ${id} AND event_id = ${eventId} AND status != 'cancelled' RETURNING id`,
      sql`INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, created_at)
          SELECT ${newId('eml')}, event_id, id, 'reissued', email, locale, json_object('origin', ${publicOrigin(c)}), ${now}
          FROM registrations WHERE id = ${id} AND ticket_code = ${code} AND email != ''`,
      auditEntry(eventId, staff.id, 'registration.reissue', { id }),
    ]);
    if (!updated.length) throw notFound('No such active registration in this event.');
    deliverSoon(c);
    return c.json({ ticketCode: code }, 200);
  })
  .get('/:slug/dashboard', async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const [daily, byInstitution, byRole, arrivals] = await atomically(c.env.DB, [
      sql`SELECT date((created_at + ${offsetMs(timezone)}) / 1000, 'unixepoch') AS day, count(*) AS n FROM registrations WHERE event_id = ${eventId} AND role = 'attendee' GROUP BY day ORDER BY day`,
      sql`SELECT CASE WHEN trim(affiliation) = '' THEN '—' ELSE trim(affiliation) END AS institution, count(*) AS n FROM registrations
          WHERE event_id = ${eventId} AND status = 'confirmed' GROUP BY institution ORDER BY n DESC, institution LIMIT 12`,
      sql`SELECT r.role, r.status, count(*) AS n, count(c.registration_id) AS checkedIn FROM registrations r LEFT JOIN checkins c ON c.registration_id = r.id
          WHERE r.event_id = ${eventId} GROUP BY r.role, r.status`,
      sql`SELECT (scanned_at / 300000) * 300000 AS bucket, count(*) AS n FROM checkins WHERE event_id = ${eventId} GROUP BY bucket ORDER BY bucket`,
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
