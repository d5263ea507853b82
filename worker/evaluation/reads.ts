// The evaluation's reads, as statements for one D1 batch: a ticket's state, the agenda, an event's results.
import { type SQL, sql } from 'drizzle-orm';
import type { CmeSettings } from '../cme/settings';
import { ApiError, notFound } from '../http/errors';
import type { Locale } from '../http/messages';
import { formInput, type Form } from './input';
import { type AgendaRow, DRAFT_TARGET, RATED_ROLES, type TeacherRow, type WindowState, windowOf } from './rules';

/**
 * The comments there are to show: the privacy purge empties their text but keeps the rows, so the counts of who
 * answered stay as they were.
 */
export const SHOWN_COMMENTS = sql`aspect = 'comment' AND text IS NOT NULL`;

export const CODE = /^[A-Za-z0-9_-]{16,64}$/;
export const NO_TICKET = 'No ticket has this code.';

/** Every point of the event ('' and each item), so a registration's scans are found by the ledger's key. */
export const pointsOf = (eventId: SQL | string) =>
  sql`(SELECT '' UNION ALL SELECT id FROM sessions WHERE event_id = ${eventId})`;

export type TicketHead = {
  id: string;
  eventId: string;
  status: string;
  locale: Locale;
  name: string;
  affiliation: string;
  jobTitle: string;
  role: string;
  personId: string | null;
  answers: string | null;
  ticketCode: string;
  titleZh: string;
  titleEn: string;
  endsAt: number;
  timezone: string;
  form: string | null;
  cme: string | null;
  overrideEligible: number | null;
  overrideReason: string | null;
  attended: number;
  signedOutAt: number | null;
};

/** Whether registration r signed in anywhere (the ledger's key, seeked point by point). */
const attendedSql = sql`EXISTS (SELECT 1 FROM attendance_scans s WHERE s.event_id = r.event_id
  AND s.point IN ${pointsOf(sql`r.event_id`)} AND s.registration_id = r.id AND s.direction = 'in')`;

/** Registration r's first sign-out (not the automatic close) of the event or an accredited item (c: its CME rule). */
const signedOutSql = sql`(SELECT min(s.scanned_at) FROM attendance_scans s WHERE s.event_id = r.event_id
  AND s.registration_id = r.id AND s.direction = 'out' AND s.source != 'auto'
  AND s.point IN (SELECT '' UNION ALL SELECT value FROM json_each(coalesce(c.settings, '{}'), '$.accreditedSessionIds')
                  UNION ALL SELECT id FROM sessions WHERE event_id = r.event_id AND c.settings IS NULL))`;

/** The registration behind a ticket code, its event, form and CME rule, and what the ledger says about it. */
export const ticketHead = (code: string) =>
  sql`SELECT r.id, r.event_id AS eventId, r.status, r.locale, r.name, r.affiliation, r.job_title AS jobTitle, r.role,
        r.person_id AS personId, r.answers, r.ticket_code AS ticketCode, e.title_zh AS titleZh, e.title_en AS titleEn,
        e.ends_at AS endsAt, e.timezone, f.settings AS form, c.settings AS cme,
        o.eligible AS overrideEligible, o.reason AS overrideReason, ${attendedSql} AS attended, ${signedOutSql} AS signedOutAt
      FROM registrations r JOIN events e ON e.id = r.event_id
        LEFT JOIN evaluation_forms f ON f.event_id = r.event_id LEFT JOIN cme_projects c ON c.event_id = r.event_id
        LEFT JOIN attendance_overrides o ON o.registration_id = r.id
      WHERE r.ticket_code = ${code}`;

/**
 * The answer's write, in the same batch as the reads: it goes in only when accessOf() and checkAnswer() would allow it
 * (confirmed, in the audience, the window open at `now`, a target the agenda gives), so a request is one round trip
 * and the route's checks, made on the same rows afterwards, answer with the reason when nothing was written.
 */
export function answerWrite(
  code: string,
  a: { target: string; aspect: string; score: number | null; text: string | null },
  now: number,
) {
  const allowed = sql`FROM registrations r JOIN events e ON e.id = r.event_id JOIN evaluation_forms f ON f.event_id = r.event_id
      LEFT JOIN cme_projects c ON c.event_id = r.event_id
    WHERE r.ticket_code = ${code} AND r.status = 'confirmed'
      AND (json_extract(f.settings, '$.audience') = 'everyone' OR ${attendedSql})
      AND ${now} <= e.ends_at + json_extract(f.settings, '$.closesAfterDays') * 86400000
      AND (${now} >= e.ends_at OR (json_extract(f.settings, '$.opensOn') = 'sign_out' AND ${now} >= ${signedOutSql}))
      AND (${a.target} = 'event' OR ${a.target} IN (
        SELECT 'item:' || sp.session_id FROM session_people sp JOIN people p ON p.id = sp.person_id
          WHERE p.event_id = r.event_id AND sp.role IN (SELECT value FROM json_each(${JSON.stringify(RATED_ROLES)}))
        UNION ALL SELECT 'person:' || sp.person_id || '@' || sp.session_id FROM session_people sp JOIN people p ON p.id = sp.person_id
          WHERE p.event_id = r.event_id AND sp.role IN (SELECT value FROM json_each(${JSON.stringify(RATED_ROLES)}))))`;
  // An emptied comment removes its row rather than keeping an empty one.
  if (a.aspect === 'comment' && a.text === null)
    return sql`DELETE FROM evaluation_answers WHERE (event_id, registration_id) IN (SELECT r.event_id, r.id ${allowed})
      AND target = ${a.target} AND aspect = 'comment'`;
  return sql`INSERT INTO evaluation_answers (event_id, registration_id, target, aspect, score, text, at)
    SELECT r.event_id, r.id, ${a.target}, ${a.aspect}, ${a.score}, ${a.text}, ${now} ${allowed}
    ON CONFLICT DO UPDATE SET score = excluded.score, text = excluded.text, at = excluded.at`;
}

export const eventOfCode = (code: string) => sql`(SELECT event_id FROM registrations WHERE ticket_code = ${code})`;
export const regOfCode = (code: string) => sql`(SELECT id FROM registrations WHERE ticket_code = ${code})`;

/** One registration's attendance scans, as the report reads them (the key, seeked point by point). */
export const ledgerOf = (eventId: SQL | string, registrationId: SQL | string) =>
  sql`SELECT registration_id AS registrationId, point, direction, scanned_at AS scannedAt, desk_id AS deskId,
        device_id AS deviceId, client_id AS clientId, source
      FROM attendance_scans WHERE event_id = ${eventId} AND point IN ${pointsOf(eventId)} AND registration_id = ${registrationId}`;

export const agendaOf = (eventId: SQL | string) =>
  sql`SELECT id, kind, title_zh AS titleZh, title_en AS titleEn, starts_at AS startsAt, ends_at AS endsAt
      FROM sessions WHERE event_id = ${eventId} ORDER BY starts_at, position`;

export const teachersOf = (eventId: SQL | string) =>
  sql`SELECT sp.session_id AS sessionId, sp.person_id AS personId, sp.role, p.name_zh AS nameZh, p.name_en AS nameEn
      FROM session_people sp JOIN people p ON p.id = sp.person_id
      WHERE p.event_id = ${eventId} AND sp.role IN (SELECT value FROM json_each(${JSON.stringify(RATED_ROLES)}))`;

/** The ticket's state in one batch: head, agenda, teachers, own answers, attempts and attendee certificate. */
export const ticketReads = (code: string) =>
  [
    ticketHead(code),
    agendaOf(eventOfCode(code)),
    teachersOf(eventOfCode(code)),
    sql`SELECT target, aspect, score, text, at FROM evaluation_answers
        WHERE event_id = ${eventOfCode(code)} AND registration_id = ${regOfCode(code)}`,
    sql`SELECT n, score_percent AS scorePercent, passed, at FROM assessment_attempts
        WHERE event_id = ${eventOfCode(code)} AND registration_id = ${regOfCode(code)} ORDER BY n`,
    sql`SELECT number, status FROM certificates WHERE registration_id = ${regOfCode(code)} AND kind != 'teaching'
        AND status != 'revoked'`,
  ] as const;

export type AnswerRow = { target: string; aspect: string; score: number | null; text: string | null; at: number };
export type AttemptRow = { n: number; scorePercent: number; passed: number; at: number };

export const parseForm = (json: string | null): Form | null => (json ? formInput.parse(JSON.parse(json)) : null);
export const parseCme = (json: string | null): CmeSettings | null => (json ? (JSON.parse(json) as CmeSettings) : null);

export type Access = {
  state: WindowState | 'none' | 'not_eligible';
  opensAt: number | null;
  closesAt: number | null;
  form: Form | null;
  cme: CmeSettings | null;
};

/** Whether this registration may answer now, and from when until when. */
export function accessOf(h: TicketHead, now: number): Access {
  const form = parseForm(h.form);
  const cme = parseCme(h.cme);
  if (!form) return { state: 'none', opensAt: null, closesAt: null, form, cme };
  const w = windowOf(form, h.endsAt, h.signedOutAt, now);
  const inAudience = form.audience === 'everyone' || !!h.attended;
  // Before the window opens, a confirmed ticket that has not attended yet may still come: not yet, rather than not
  // eligible. A cancelled ticket is never in.
  const state =
    h.status !== 'confirmed' ? 'not_eligible' : inAudience || w.state === 'not_yet' ? w.state : 'not_eligible';
  return { state, opensAt: w.opensAt, closesAt: w.closesAt, form, cme };
}

export const CLOSED = 'The evaluation is closed.';
export const NOT_YET = 'The evaluation opens after you sign out of an accredited session, or when the event ends.';
export const NOT_ELIGIBLE = 'Only people who attended, with a registration still valid, can answer this evaluation.';
export const NO_EVALUATION = 'This event has no evaluation.';

/** Refuses a write when the window is not open for this registration. */
export function requireOpen(a: Access) {
  if (a.state === 'open') return;
  if (a.state === 'none') throw notFound(NO_EVALUATION);
  if (a.state === 'not_eligible') throw new ApiError(403, 'not_eligible', NOT_ELIGIBLE);
  if (a.state === 'not_yet') throw new ApiError(409, 'evaluation_not_open', NOT_YET);
  throw new ApiError(409, 'evaluation_closed', CLOSED);
}

export function headOf(rows: Record<string, unknown>[]): TicketHead {
  const h = rows[0] as TicketHead | undefined;
  if (!h) throw notFound(NO_TICKET);
  return h;
}

export { DRAFT_TARGET };
export type { AgendaRow, TeacherRow };
