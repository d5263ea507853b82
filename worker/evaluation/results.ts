// An event's evaluation results: D1 groups the answers (the Worker gets at most targets × aspects × 5 rows), then
// plain functions make the averages, distributions, pass rate and per-speaker reports.
import { sql } from 'drizzle-orm';
import { atomically } from '../db';
import {
  agendaOf,
  type AgendaRow,
  DRAFT_TARGET,
  parseForm,
  SHOWN_COMMENTS,
  type TeacherRow,
  teachersOf,
} from './reads';
import { type GroupRow, speakerReport, tallies, targetResults, targetsOf } from './rules';

type Head = {
  titleZh: string;
  titleEn: string;
  form: string | null;
  confirmed: number;
  attended: number;
  responded: number;
};

/** One batch: the form, how many may answer and did, the agenda, the grouped ratings and the assessment figures. */
export async function readResults(d1: D1Database, eventId: string, with_: { respondents?: boolean } = {}) {
  const [head, agenda, teachers, groups, attempts, missed, people] = await atomically(d1, [
    sql`SELECT e.title_zh AS titleZh, e.title_en AS titleEn, f.settings AS form,
          (SELECT count(*) FROM registrations WHERE event_id = e.id AND status = 'confirmed') AS confirmed,
          (SELECT count(*) FROM registrations WHERE event_id = e.id AND status = 'confirmed' AND id IN
            (SELECT registration_id FROM attendance_scans WHERE event_id = ${eventId} AND direction = 'in')) AS attended,
          (SELECT count(DISTINCT registration_id) FROM evaluation_answers WHERE event_id = ${eventId} AND target != ${DRAFT_TARGET}) AS responded
        FROM events e LEFT JOIN evaluation_forms f ON f.event_id = e.id WHERE e.id = ${eventId}`,
    agendaOf(eventId),
    teachersOf(eventId),
    // One row per target and aspect with its five counts: grouping by score too made SQLite sort twice as long.
    sql`SELECT target, aspect, sum(score = 1) AS s1, sum(score = 2) AS s2, sum(score = 3) AS s3, sum(score = 4) AS s4,
          sum(score = 5) AS s5 FROM evaluation_answers
        WHERE event_id = ${eventId} AND score IS NOT NULL GROUP BY target, aspect`,
    sql`SELECT count(DISTINCT registration_id) AS attempted, count(DISTINCT CASE WHEN passed = 1 THEN registration_id END) AS passed,
          count(*) AS attempts FROM assessment_attempts WHERE event_id = ${eventId}`,
    sql`SELECT j.value AS id, count(*) AS n FROM assessment_attempts a, json_each(a.missed) j
        WHERE a.event_id = ${eventId} GROUP BY j.value`,
    // Respondents per rated person (distinct registrations over all their items): decides whether comments show.
    // Only the speaker reports need it; the dashboard skips the extra pass over the answers.
    sql`SELECT substr(target, 8, instr(target, '@') - 8) AS personId, count(DISTINCT registration_id) AS n
        FROM evaluation_answers WHERE event_id = ${eventId} AND target >= 'person:' AND target < 'person;'
          AND ${with_.respondents ? 1 : 0} GROUP BY 1`,
  ]);
  const h = head[0] as Head | undefined;
  const form = parseForm(h?.form ?? null);
  const targets = targetsOf(agenda as AgendaRow[], teachers as TeacherRow[], h ?? { titleZh: '', titleEn: '' });
  return {
    form,
    head: h,
    targets,
    teachers: teachers as TeacherRow[],
    tallies: tallies(groups as GroupRow[]),
    attempts: attempts[0] as { attempted: number; passed: number; attempts: number },
    missed: new Map(missed.map((m) => [String(m.id), Number(m.n)])),
    respondents: new Map(people.map((p) => [String(p.personId), Number(p.n)])),
  };
}

export type Results = Awaited<ReturnType<typeof readResults>>;

const rate = (n: number, of: number) => (of ? Math.round((n * 1000) / of) / 10 : 0);

/** The dashboard: response rate, overall, per target, and the assessment's pass rate and most missed questions. */
export function resultsBody(r: Results) {
  const eligible = r.form?.audience === 'everyone' ? Number(r.head?.confirmed ?? 0) : Number(r.head?.attended ?? 0);
  const responded = Number(r.head?.responded ?? 0);
  const overall = r.tallies.get('event')?.get('overall') ?? { avg: null, n: 0, dist: [0, 0, 0, 0, 0] };
  const q = r.form?.assessment ?? null;
  const attempts = Number(r.attempts.attempts);
  return {
    configured: !!r.form,
    eligible,
    responded,
    responseRate: rate(responded, eligible),
    overall,
    targets: targetResults(r.targets, r.tallies),
    assessment: q
      ? {
          attempted: Number(r.attempts.attempted),
          passed: Number(r.attempts.passed),
          passRate: rate(Number(r.attempts.passed), Number(r.attempts.attempted)),
          attempts,
          questions: q.questions
            .map((x) => ({
              id: x.id,
              promptZh: x.promptZh,
              promptEn: x.promptEn,
              missedRate: rate(r.missed.get(x.id) ?? 0, attempts),
            }))
            .sort((a, b) => b.missedRate - a.missedRate),
        }
      : null,
  };
}

/** The people rated in this evaluation, once each. */
export function ratedPeople(r: Results) {
  const seen = new Map<string, { personId: string; nameZh: string; nameEn: string }>();
  for (const t of r.teachers)
    if (!seen.has(t.personId) && r.targets.some((x) => x.personId === t.personId))
      seen.set(t.personId, { personId: t.personId, nameZh: t.nameZh, nameEn: t.nameEn });
  return [...seen.values()];
}

/** The comments on one person's targets, for their report (read only when the report may show them). */
export const personComments = (eventId: string, personId: string) =>
  sql`SELECT target, text FROM evaluation_answers WHERE event_id = ${eventId} AND ${SHOWN_COMMENTS}
      AND target >= ${`person:${personId}@`} AND target < ${`person:${personId}A`} ORDER BY at`;

export function reportFor(r: Results, personId: string, comments: readonly { target: string; text: string }[]) {
  return speakerReport(personId, r.targets, r.tallies, r.respondents.get(personId) ?? 0, comments);
}
