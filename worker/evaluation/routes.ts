// Organiser API for the evaluation: the form and assessment, a template or another event's copy, results, comments,
// the CSV, per-speaker reports and sending them.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import type { AppEnv } from '../env';
import { issuePortalLinks } from '../faculty/link';
import { ORGANISER_ROLES, rule } from '../http/contract';
import { ApiError, notFound } from '../http/errors';
import { requestLocale } from '../http/messages';
import { publicOrigin } from '../http/origin';
import { isoOrNull } from '../lib/time';
import { newId } from '../lib/random';
import { resultsCsv } from './csv';
import { speakerEmail } from './emails';
import { commentsQuery, copyInput, csvQuery, type Form, formInput } from './input';
import {
  agendaOf,
  type AgendaRow,
  DRAFT_TARGET,
  parseForm,
  SHOWN_COMMENTS,
  type TeacherRow,
  teachersOf,
} from './reads';
import { personComments, ratedPeople, readResults, reportFor, resultsBody } from './results';
import { averagesOf, targetsOf } from './rules';
import { DEFAULT_FORM } from './template';

const NO_SOURCE = 'You do not organise an event with this address.';
const NO_SOURCE_FORM = 'That event has no evaluation to copy.';
const NOBODY_RATED = 'No speaker with an email address has been rated yet.';

const rules = {
  form: rule({
    access: 'organiser',
    tag: 'evaluation',
    summary:
      'The evaluation and assessment as set (null until set), the default template and the targets the agenda gives.',
  }),
  putForm: rule({
    access: 'organiser',
    tag: 'evaluation',
    summary: 'Set the window, who may answer, and the assessment (questions with their correct options).',
    json: formInput,
  }),
  copy: rule({
    access: 'organiser',
    tag: 'evaluation',
    summary: "Start from the default template or copy another event's evaluation and assessment (one you organise).",
    json: copyInput,
  }),
  results: rule({
    access: 'organiser',
    tag: 'evaluation',
    summary:
      'Live results: response rate, overall and per item and speaker averages with 1–5 distributions, pass rate and the most missed questions.',
  }),
  comments: rule({
    access: 'organiser',
    tag: 'evaluation',
    summary: 'The comments, newest first, filtered by target or text, paged by ?cursor= (never with names).',
    query: commentsQuery,
  }),
  csv: rule({
    access: 'organiser',
    tag: 'evaluation',
    summary:
      'The results as CSV (Chinese headers with ?lang=zh-CN): ratings per target and aspect, the assessment, the 2,000 newest comments.',
    query: csvQuery,
  }),
  speakers: rule({
    access: 'organiser',
    tag: 'evaluation',
    summary: 'Per-speaker anonymous reports: responses, averages, and whether comments show (at least 3 responses).',
  }),
  sendSpeakers: rule({
    access: 'organiser',
    tag: 'evaluation',
    summary: 'Email each rated speaker their report summary and portal link, as one message through the outbox (202).',
  }),
};

type FormHead = { titleZh: string; titleEn: string; settings: string | null; required: number | null };

function formBody(form: Form | null, head: FormHead | undefined, agenda: AgendaRow[], teachers: TeacherRow[]) {
  return {
    form,
    /** The CME rule requires the assessment: without one here, nobody can become eligible (the console warns). */
    assessmentRequired: !!head?.required,
    template: DEFAULT_FORM,
    targets: targetsOf(agenda, teachers, head ?? { titleZh: '', titleEn: '' }).map((t) => ({
      key: t.key,
      kind: t.kind,
      titleZh: t.titleZh,
      titleEn: t.titleEn,
      itemTitleZh: t.itemTitleZh ?? null,
      itemTitleEn: t.itemTitleEn ?? null,
      role: t.role ?? null,
    })),
  };
}

const formReads = (eventId: string) =>
  [
    sql`SELECT e.title_zh AS titleZh, e.title_en AS titleEn, f.settings,
          json_extract(c.settings, '$.assessmentRequired') AS required
        FROM events e LEFT JOIN evaluation_forms f ON f.event_id = e.id LEFT JOIN cme_projects c ON c.event_id = e.id
        WHERE e.id = ${eventId}`,
    agendaOf(eventId),
    teachersOf(eventId),
  ] as const;

const saveForm = (eventId: string, form: Form, now: number) =>
  sql`INSERT INTO evaluation_forms (event_id, settings, updated_at) VALUES (${eventId}, ${JSON.stringify(form)}, ${now})
      ON CONFLICT (event_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`;

export const evaluationRoutes = new Hono<AppEnv>()
  .get('/:slug/evaluation', rules.form, async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const [head, agenda, teachers] = await atomically(c.env.DB, formReads(eventId));
    const h = head[0] as FormHead | undefined;
    return c.json(formBody(parseForm(h?.settings ?? null), h, agenda as AgendaRow[], teachers as TeacherRow[]), 200);
  })
  .put('/:slug/evaluation', rules.putForm, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const form = c.req.valid('json');
    const now = Date.now();
    const [, , head, agenda, teachers] = await atomically(c.env.DB, [
      saveForm(eventId, form, now),
      auditEntry(eventId, staff.id, 'evaluation.update', {
        audience: form.audience,
        questions: form.assessment?.questions.length ?? 0,
      }),
      ...formReads(eventId),
    ]);
    return c.json(formBody(form, head[0] as FormHead, agenda as AgendaRow[], teachers as TeacherRow[]), 200);
  })
  .post('/:slug/evaluation/copy', rules.copy, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const b = c.req.valid('json');
    let form: Form = DEFAULT_FORM;
    if (b.from === 'event') {
      const grant = c.var.staff?.roles[b.slug];
      if (grant?.role !== 'organiser') throw new ApiError(404, 'not_found', NO_SOURCE, { slug: NO_SOURCE });
      const [rows] = await atomically(c.env.DB, [
        sql`SELECT settings FROM evaluation_forms WHERE event_id = ${grant.eventId}`,
      ]);
      const copied = parseForm((rows[0]?.settings as string | undefined) ?? null);
      if (!copied) throw new ApiError(404, 'not_found', NO_SOURCE_FORM, { slug: NO_SOURCE_FORM });
      form = copied;
    }
    const now = Date.now();
    const [, , head, agenda, teachers] = await atomically(c.env.DB, [
      saveForm(eventId, form, now),
      auditEntry(eventId, staff.id, 'evaluation.copy', { from: b.from === 'event' ? b.slug : 'default' }),
      ...formReads(eventId),
    ]);
    return c.json(formBody(form, head[0] as FormHead, agenda as AgendaRow[], teachers as TeacherRow[]), 200);
  })
  .get('/:slug/evaluation/results', rules.results, async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const r = await readResults(c.env.DB, eventId);
    c.header('cache-control', 'no-store');
    return c.json(resultsBody(r), 200);
  })
  .get('/:slug/evaluation/comments', rules.comments, async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const q = c.req.valid('query');
    const like = q.q ? `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
    const [rows, agenda, teachers, head] = await atomically(c.env.DB, [
      sql`SELECT target, text, at FROM evaluation_answers
          WHERE event_id = ${eventId} AND ${SHOWN_COMMENTS} AND target != ${DRAFT_TARGET}
            ${q.target ? sql`AND target = ${q.target}` : sql``}
            ${like ? sql`AND text LIKE ${like} ESCAPE '\\'` : sql``}
          ORDER BY at DESC, target LIMIT ${q.limit + 1} OFFSET ${q.cursor}`,
      agendaOf(eventId),
      teachersOf(eventId),
      sql`SELECT title_zh AS titleZh, title_en AS titleEn FROM events WHERE id = ${eventId}`,
    ]);
    const targets = new Map(
      targetsOf(
        agenda as AgendaRow[],
        teachers as TeacherRow[],
        (head[0] as FormHead) ?? { titleZh: '', titleEn: '' },
      ).map((t) => [t.key, t]),
    );
    const more = rows.length > q.limit;
    return c.json(
      {
        comments: rows.slice(0, q.limit).map((r) => {
          const t = targets.get(String(r.target));
          return {
            target: String(r.target),
            titleZh: t?.titleZh ?? '',
            titleEn: t?.titleEn ?? '',
            itemTitleZh: t?.itemTitleZh ?? null,
            itemTitleEn: t?.itemTitleEn ?? null,
            text: String(r.text ?? ''),
            at: isoOrNull(Number(r.at), timezone),
          };
        }),
        next: more ? q.cursor + q.limit : null,
      },
      200,
    );
  })
  .get('/:slug/evaluation/results.csv', rules.csv, async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const lang = c.req.valid('query').lang ?? requestLocale(c);
    const r = await readResults(c.env.DB, eventId);
    const [comments] = await atomically(c.env.DB, [
      sql`SELECT target, text FROM evaluation_answers WHERE event_id = ${eventId} AND ${SHOWN_COMMENTS}
          AND target != ${DRAFT_TARGET} ORDER BY at DESC LIMIT 2000`,
    ]);
    const csv = resultsCsv(r, comments as { target: string; text: string }[], lang);
    return new Response(csv, {
      headers: {
        'content-language': lang,
        vary: 'accept-language',
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${c.req.param('slug')}-evaluation.csv"`,
        'cache-control': 'no-store',
      },
    });
  })
  .get('/:slug/evaluation/speakers', rules.speakers, async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const r = await readResults(c.env.DB, eventId, { respondents: true });
    return c.json(
      {
        speakers: ratedPeople(r).map((p) => {
          const report = reportFor(r, p.personId, []);
          return { ...p, n: report.n, averages: averagesOf(report), commentsShown: report.commentsShown };
        }),
      },
      200,
    );
  })
  .post('/:slug/evaluation/speakers/send', rules.sendSpeakers, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const r = await readResults(c.env.DB, eventId, { respondents: true });
    const [withEmail] = await atomically(c.env.DB, [
      sql`SELECT id, email FROM people WHERE event_id = ${eventId} AND coalesce(email, '') != ''`,
    ]);
    const emails = new Map(withEmail.map((p) => [String(p.id), String(p.email)]));
    const chosen = ratedPeople(r).filter((p) => emails.has(p.personId) && (r.respondents.get(p.personId) ?? 0) > 0);
    if (!chosen.length) throw new ApiError(409, 'no_recipients', NOBODY_RATED);
    const now = Date.now();
    const origin = publicOrigin(c);
    const portal = await issuePortalLinks(
      chosen.map((p) => ({ id: p.personId, personId: p.personId })),
      eventId,
      origin,
      now,
    );
    const event = r.head ?? { titleZh: '', titleEn: '' };
    const messageId = newId('msg');
    const ids: string[] = [];
    const rows = chosen.map((p) => {
      const report = reportFor(r, p.personId, []);
      const m = speakerEmail(p, event, report.n, averagesOf(report), portal.urls.get(p.personId) ?? '');
      const id = newId('eml');
      ids.push(id);
      return sql`INSERT INTO emails (id, event_id, kind, "to", locale, payload, subject, html, text, message_id, created_at)
        VALUES (${id}, ${eventId}, 'message', ${emails.get(p.personId)!}, 'zh-CN', ${JSON.stringify({ personId: p.personId })},
          ${m.subject}, ${m.html}, ${m.text}, ${messageId}, ${now})`;
    });
    await atomically(c.env.DB, [
      sql`INSERT INTO messages (id, event_id, audience, subject, body, recipients, staff_id, created_at)
          VALUES (${messageId}, ${eventId}, ${JSON.stringify({ type: 'evaluation_speakers' })},
            ${'听众评价 · Your feedback'}, ${'听众评价汇总（匿名）与讲者个人页面链接 · Anonymous audience feedback summary, with the speaker page link'}, ${rows.length}, ${staff.id}, ${now})`,
      ...portal.statements,
      ...rows,
      auditEntry(eventId, staff.id, 'evaluation.speakers_sent', { messageId, recipients: rows.length }),
    ]);
    deliverSoon(c, ids);
    return c.json({ message: { id: messageId, recipients: rows.length } }, 202);
  });

/** The portal's feedback: the link holder's own anonymous report (comments only from 3 responses). */
export const evaluationPortalRoutes = new Hono<AppEnv>().get(
  '/:token/feedback',
  rule({
    access: 'faculty',
    tag: 'faculty portal',
    summary:
      'Your anonymous feedback from the evaluation: per item averages and distributions; comments from 3 responses.',
  }),
  async (c) => {
    const f = c.var.faculty!;
    const r = await readResults(c.env.DB, f.eventId, { respondents: true });
    const n = r.respondents.get(f.personId) ?? 0;
    const [comments] =
      n >= 3 ? await atomically(c.env.DB, [personComments(f.eventId, f.personId)]) : [[] as Record<string, unknown>[]];
    const report = reportFor(r, f.personId, comments as { target: string; text: string }[]);
    if (!r.form) throw notFound('This event has no evaluation.');
    return c.json(report, 200);
  },
);
