// The attendee's evaluation through the ticket link: read it, save each answer as it is given, and take the assessment.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { attendanceReport, type RegRow, type ScanRow, type SessionRow, type TeachingRow } from '../attendance/report';
import { attendeeCertificates } from '../certificates/issue';
import { queueRendering } from '../certificates/render';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { rule } from '../http/contract';
import { ApiError, notFound } from '../http/errors';
import { publicOrigin } from '../http/origin';
import { isoOrNull } from '../lib/time';
import type { CmeSettings } from '../cme/settings';
import { answerInput, attemptInput, draftInput } from './input';
import {
  type AgendaRow,
  type AnswerRow,
  type AttemptRow,
  accessOf,
  agendaOf,
  answerWrite,
  CODE,
  DRAFT_TARGET,
  headOf,
  ledgerOf,
  NO_TICKET,
  requireOpen,
  type TeacherRow,
  type TicketHead,
  ticketReads,
} from './reads';
import { checkAnswer, checkAnswerShape, checkChoices, publicQuestions, scoreAttempt, targetsOf } from './rules';

const NO_ASSESSMENT = 'This event has no assessment.';
const NO_TRIES = 'You have used all your tries at this assessment.';
const ALREADY_PASSED = 'You have already passed this assessment.';

const rules = {
  evaluation: rule({
    access: 'ticket',
    tag: 'evaluation',
    summary:
      "The ticket holder's evaluation: whether it is open, what to rate, the answers saved so far, the assessment (without its answers) and the certificate.",
  }),
  answer: rule({
    access: 'ticket',
    tag: 'evaluation',
    summary:
      'Save one answer (a rating 1–5 on content, delivery, relevance or overall, or a comment); saving again replaces it.',
    json: answerInput,
  }),
  draft: rule({
    access: 'ticket',
    tag: 'evaluation',
    summary: "Save one assessment question's choices while answering, before the attempt is submitted.",
    json: draftInput,
  }),
  attempt: rule({
    access: 'ticket',
    tag: 'evaluation',
    summary:
      'Submit an assessment attempt, scored on the server; passing when the CME rule requires it issues the certificate at once.',
    json: attemptInput,
  }),
};

async function readTicket(d1: D1Database, code: string) {
  if (!CODE.test(code)) throw notFound(NO_TICKET);
  const [head, agenda, teachers, answers, attempts, certs] = await atomically(d1, ticketReads(code));
  const h = headOf(head);
  return {
    h,
    agenda: agenda as AgendaRow[],
    teachers: teachers as TeacherRow[],
    answers: answers as AnswerRow[],
    attempts: attempts as AttemptRow[],
    certificate: (certs[0] as { number: string; status: string } | undefined) ?? null,
  };
}

/** The ticket, its evaluation's access (open, or an error) and the assessment to answer (404 when there is none). */
async function openAssessment(d1: D1Database, code: string) {
  const t = await readTicket(d1, code);
  const a = accessOf(t.h, Date.now());
  requireOpen(a);
  const q = a.form?.assessment;
  if (!q) throw notFound(NO_ASSESSMENT);
  return { t, a, q };
}

const certificateOut = (c: { number: string; status: string } | null) =>
  c ? { number: c.number, status: c.status as 'pending' | 'ready' | 'failed' } : null;

/**
 * After a pass: the attendee's certificate at once, when the rule requires the assessment, the organiser has already
 * issued the attendee certificates, and the rest of the rule (presence, or an override) is met. Idempotent through
 * the one-live-certificate-per-registration index.
 */
async function certificateAfterPass(
  env: AppEnv['Bindings'],
  h: TicketHead,
  cme: CmeSettings,
  origin: string,
): Promise<{ number: string; status: string } | null> {
  const [sessions, scans, teaching] = await atomically(env.DB, [
    agendaOf(h.eventId),
    ledgerOf(h.eventId, h.id),
    sql`SELECT sp.session_id AS sessionId, sp.person_id AS personId, sp.role, p.name_zh AS nameZh, p.name_en AS nameEn
        FROM session_people sp JOIN people p ON p.id = sp.person_id
        WHERE p.event_id = ${h.eventId} AND sp.person_id = ${h.personId ?? ''}`,
  ]);
  const reg: RegRow = { ...h, assessmentPassed: 1 };
  const report = attendanceReport(
    cme,
    sessions as SessionRow[],
    [reg],
    scans as ScanRow[],
    teaching as TeachingRow[],
    h.locale,
  );
  const rows = attendeeCertificates(h.eventId, cme, report);
  if (!rows.length) return null;
  const now = Date.now();
  const [inserted, live] = await atomically(env.DB, [
    sql`INSERT INTO certificates (id, event_id, registration_id, person_id, kind, number, holder_name, holder_affiliation,
          credits, detail, r2_key, issued_at, staff_id)
        SELECT j.value ->> 'id', ${h.eventId}, j.value ->> 'registrationId', NULL, j.value ->> 'kind', j.value ->> 'number',
          j.value ->> 'holderName', j.value ->> 'holderAffiliation', j.value ->> 'credits', j.value ->> 'detail',
          j.value ->> 'r2Key', ${now}, NULL
        FROM json_each(${JSON.stringify(rows)}) j WHERE true
        ON CONFLICT DO NOTHING RETURNING id`,
    sql`SELECT number, status FROM certificates WHERE registration_id = ${h.id} AND kind != 'teaching' AND status != 'revoked'`,
    sql`INSERT INTO audit (event_id, staff_id, action, detail, created_at)
        SELECT ${h.eventId}, NULL, 'certificate.after_assessment', ${JSON.stringify({ registrationId: h.id })}, ${now}
        WHERE EXISTS (SELECT 1 FROM certificates WHERE id = ${rows[0]!.id})`,
  ]);
  if (inserted.length) await queueRendering(env, [String(inserted[0]!.id)], origin);
  return (live[0] as { number: string; status: string } | undefined) ?? null;
}

export const evaluationTicketRoutes = new Hono<AppEnv>()
  .get('/:code/evaluation', rules.evaluation, async (c) => {
    const t = await readTicket(c.env.DB, c.req.param('code'));
    const a = accessOf(t.h, Date.now());
    const targets = a.form ? targetsOf(t.agenda, t.teachers, t.h) : [];
    const answers: Record<string, Record<string, number | string>> = {};
    const draft: Record<string, number[]> = {};
    for (const r of t.answers) {
      if (r.target === DRAFT_TARGET) {
        draft[r.aspect] = JSON.parse(r.text ?? '[]') as number[];
        continue;
      }
      answers[r.target] ??= {};
      answers[r.target]![r.aspect] = r.aspect === 'comment' ? (r.text ?? '') : (r.score ?? 0);
    }
    const q = a.form?.assessment ?? null;
    const passed = t.attempts.some((x) => !!x.passed);
    c.header('cache-control', 'no-store');
    return c.json(
      {
        state: a.state,
        opensAt: isoOrNull(a.opensAt, t.h.timezone),
        closesAt: isoOrNull(a.closesAt, t.h.timezone),
        targets: targets.map(({ key, kind, titleZh, titleEn, itemTitleZh, itemTitleEn, role, aspects }) => ({
          key,
          kind,
          titleZh,
          titleEn,
          itemTitleZh: itemTitleZh ?? null,
          itemTitleEn: itemTitleEn ?? null,
          role: role ?? null,
          aspects: aspects as string[],
        })),
        answers,
        assessment: q
          ? {
              required: a.cme?.assessmentRequired === true,
              passPercent: q.passPercent,
              maxTries: q.maxTries,
              triesLeft: passed ? 0 : Math.max(0, q.maxTries - t.attempts.length),
              passed,
              questions: publicQuestions(q),
              draft,
              attempts: t.attempts.map((x) => ({
                at: isoOrNull(x.at, t.h.timezone),
                scorePercent: x.scorePercent,
                passed: !!x.passed,
              })),
            }
          : null,
        certificate: certificateOut(t.certificate),
      },
      200,
    );
  })
  .put('/:code/evaluation/answers', rules.answer, async (c) => {
    const b = c.req.valid('json');
    const code = c.req.param('code');
    if (!CODE.test(code)) throw notFound(NO_TICKET);
    const checked = checkAnswerShape(b);
    const now = Date.now();
    // One round trip: the reads, and the write that goes in only when the checks below pass on those same rows.
    const [head, agenda, teachers] = await atomically(c.env.DB, [
      ...ticketReads(code),
      answerWrite(code, checked, now),
    ]);
    const h = headOf(head);
    requireOpen(accessOf(h, now));
    checkAnswer(targetsOf(agenda as AgendaRow[], teachers as TeacherRow[], h), b);
    return c.json({ saved: true as const, at: isoOrNull(now, h.timezone)! }, 200);
  })
  .put('/:code/assessment/draft', rules.draft, async (c) => {
    const b = c.req.valid('json');
    const { t, q } = await openAssessment(c.env.DB, c.req.param('code'));
    checkChoices(q, { [b.questionId]: b.choices });
    await atomically(c.env.DB, [
      sql`INSERT INTO evaluation_answers (event_id, registration_id, target, aspect, score, text, at)
          VALUES (${t.h.eventId}, ${t.h.id}, ${DRAFT_TARGET}, ${b.questionId}, NULL, ${JSON.stringify(b.choices)}, ${Date.now()})
          ON CONFLICT DO UPDATE SET text = excluded.text, at = excluded.at`,
    ]);
    return c.json({ saved: true as const }, 200);
  })
  .post('/:code/assessment/attempts', rules.attempt, async (c) => {
    const b = c.req.valid('json');
    const { t, a, q } = await openAssessment(c.env.DB, c.req.param('code'));
    checkChoices(q, b.answers);
    const s = scoreAttempt(q, b.answers);
    const { eventId, id } = t.h;
    const now = Date.now();
    // One batch: the attempt goes in only while tries are left and none has passed, numbered from the rows already
    // there, so two attempts racing from one registration can never take more tries than allowed.
    const [inserted, after, , issued] = await atomically(c.env.DB, [
      sql`INSERT INTO assessment_attempts (event_id, registration_id, n, score_percent, passed, missed, at)
          SELECT ${eventId}, ${id}, t.n + 1, ${s.scorePercent}, ${s.passed ? 1 : 0}, ${JSON.stringify(s.missed)}, ${now}
          FROM (SELECT count(*) AS n, coalesce(max(passed), 0) AS won FROM assessment_attempts
                WHERE event_id = ${eventId} AND registration_id = ${id}) t
          WHERE t.n < ${q.maxTries} AND t.won = 0
          RETURNING n`,
      sql`SELECT count(*) AS n, coalesce(max(passed), 0) AS won FROM assessment_attempts
          WHERE event_id = ${eventId} AND registration_id = ${id}`,
      // A submitted attempt ends the draft.
      sql`DELETE FROM evaluation_answers WHERE event_id = ${eventId} AND registration_id = ${id} AND target = ${DRAFT_TARGET}
          AND EXISTS (SELECT 1 FROM assessment_attempts WHERE event_id = ${eventId} AND registration_id = ${id} AND at = ${now})`,
      // Whether the organiser has issued certificates (any certificate, else the audit's record of issuing): a pass
      // after that issues this person's at once. Read only for a pass, so a failed try costs no audit scan.
      sql`SELECT CASE WHEN ${s.passed ? 'pass' : ''} = 'pass' THEN
            EXISTS (SELECT 1 FROM certificates WHERE event_id = ${eventId})
            OR EXISTS (SELECT 1 FROM audit WHERE event_id = ${eventId} AND action = 'certificates.issue') ELSE 0 END AS issued`,
    ]);
    const state = after[0] as { n: number; won: number };
    if (!inserted.length) {
      if (state.won) throw new ApiError(409, 'already_passed', ALREADY_PASSED);
      throw new ApiError(409, 'no_tries_left', NO_TRIES);
    }
    let certificate = t.certificate;
    if (s.passed && a.cme?.assessmentRequired && issued[0]?.issued && !certificate)
      certificate = await certificateAfterPass(c.env, t.h, a.cme, publicOrigin(c));
    return c.json(
      {
        scorePercent: s.scorePercent,
        passed: s.passed,
        triesLeft: s.passed ? 0 : Math.max(0, q.maxTries - Number(state.n)),
        certificate: certificateOut(certificate),
      },
      200,
    );
  });
