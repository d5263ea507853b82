// The evaluation's rules as plain functions: targets from the agenda, the window, answer checks, scoring, results.
import { ApiError } from '../http/errors';
import type { Locale } from '../http/messages';
import { ASPECTS, type AnswerAspect, type Assessment, COMMENT_MAX, type Form } from './input';

/** Roles rated by attendees: the people who teach an item (not the host). */
export const RATED_ROLES = ['speaker', 'panelist', 'moderator'] as const;
export const DRAFT_TARGET = '~draft';
const DAY = 86_400_000;

export type AgendaRow = { id: string; kind: string; titleZh: string; titleEn: string; startsAt: number };
export type TeacherRow = { sessionId: string; personId: string; role: string; nameZh: string; nameEn: string };

export type Target = {
  key: string;
  kind: 'item' | 'person' | 'event';
  titleZh: string;
  titleEn: string;
  itemTitleZh?: string;
  itemTitleEn?: string;
  role?: string;
  personId?: string;
  itemId?: string;
  aspects: AnswerAspect[];
};

const RATED = [...ASPECTS, 'comment'] as AnswerAspect[];

/**
 * What attendees rate, derived from the agenda: each item with speakers, each of its speakers, panel guests and
 * moderators (once per item: `person:<personId>@<itemId>`), and the event as a whole.
 */
export function targetsOf(
  sessions: readonly AgendaRow[],
  teachers: readonly TeacherRow[],
  event: { titleZh: string; titleEn: string },
): Target[] {
  const out: Target[] = [];
  const bySession = new Map<string, TeacherRow[]>();
  for (const t of teachers) {
    if (!(RATED_ROLES as readonly string[]).includes(t.role)) continue;
    let list = bySession.get(t.sessionId);
    if (!list) bySession.set(t.sessionId, (list = []));
    list.push(t);
  }
  const order = { moderator: 0, speaker: 1, panelist: 2 } as Record<string, number>;
  for (const s of [...sessions].sort((a, b) => a.startsAt - b.startsAt)) {
    const people = bySession.get(s.id);
    if (!people?.length) continue;
    out.push({
      key: `item:${s.id}`,
      kind: 'item',
      titleZh: s.titleZh,
      titleEn: s.titleEn,
      itemId: s.id,
      aspects: RATED,
    });
    for (const p of [...people].sort((a, b) => (order[a.role] ?? 9) - (order[b.role] ?? 9))) {
      out.push({
        key: `person:${p.personId}@${s.id}`,
        kind: 'person',
        titleZh: p.nameZh,
        titleEn: p.nameEn || p.nameZh,
        itemTitleZh: s.titleZh,
        itemTitleEn: s.titleEn,
        role: p.role,
        personId: p.personId,
        itemId: s.id,
        aspects: RATED,
      });
    }
  }
  out.push({
    key: 'event',
    kind: 'event',
    titleZh: event.titleZh,
    titleEn: event.titleEn,
    aspects: ['overall', 'comment'],
  });
  return out;
}

export type WindowState = 'open' | 'not_yet' | 'closed';

/**
 * When one registration may answer: from its first sign-out of an accredited item (opensOn 'sign_out') or the event's
 * end, whichever comes first, until closesAfterDays after the end.
 */
export function windowOf(
  form: Pick<Form, 'opensOn' | 'closesAfterDays'>,
  eventEndsAt: number,
  signedOutAt: number | null,
  now: number,
): { state: WindowState; opensAt: number; closesAt: number } {
  const opensAt =
    form.opensOn === 'sign_out' && signedOutAt !== null ? Math.min(signedOutAt, eventEndsAt) : eventEndsAt;
  const closesAt = eventEndsAt + form.closesAfterDays * DAY;
  const state = now < opensAt ? 'not_yet' : now > closesAt ? 'closed' : 'open';
  return { state, opensAt, closesAt };
}

export type CheckedAnswer = { target: string; aspect: AnswerAspect; score: number | null; text: string | null };

/** What a key names, from its form alone: the event, an item, or a person on an item. */
const kindOfKey = (key: string): Target['kind'] | null =>
  key === 'event' ? 'event' : /^item:[^@]+$/.test(key) ? 'item' : /^person:[^@]+@[^@]+$/.test(key) ? 'person' : null;

/**
 * The answer's form before anything is read: a key of a known kind, one of that kind's aspects, a whole rating 1–5 or
 * a comment's text. Whether the agenda has that target is checked by checkAnswer (and by the write itself).
 */
export function checkAnswerShape(a: { target: string; aspect: string; value: number | string }): CheckedAnswer {
  const kind = kindOfKey(a.target);
  const shape: Target = {
    key: a.target,
    kind: kind ?? 'item',
    titleZh: '',
    titleEn: '',
    aspects: kind === 'event' ? ['overall', 'comment'] : RATED,
  };
  return checkAnswer(kind ? [shape] : [], a);
}

/** One answer against the event's targets: a known target and aspect, a whole rating 1–5, a comment of text. */
export function checkAnswer(
  targets: readonly Target[],
  a: { target: string; aspect: string; value: number | string },
): CheckedAnswer {
  const target = targets.find((t) => t.key === a.target);
  if (!target) {
    const msg = 'There is no such item or person to rate in this evaluation.';
    throw new ApiError(422, 'unknown_target', msg, { target: msg });
  }
  const aspect = target.aspects.find((x) => x === a.aspect);
  if (!aspect) {
    const msg = 'This cannot be rated on that aspect.';
    throw new ApiError(422, 'unknown_target', msg, { aspect: msg });
  }
  if (aspect === 'comment') {
    if (typeof a.value !== 'string') {
      const msg = 'Write the comment as text.';
      throw new ApiError(400, 'invalid', msg, { value: msg });
    }
    const text = a.value.trim().slice(0, COMMENT_MAX);
    return { target: target.key, aspect, score: null, text: text || null };
  }
  if (typeof a.value !== 'number' || !Number.isInteger(a.value) || a.value < 1 || a.value > 5) {
    const msg = 'Rate from 1 to 5.';
    throw new ApiError(422, 'rating_out_of_range', msg, { value: msg });
  }
  return { target: target.key, aspect, score: a.value, text: null };
}

/** The assessment without what would give the answers away. */
export const publicQuestions = (a: Assessment) =>
  a.questions.map(({ id, kind, promptZh, promptEn, options }) => ({ id, kind, promptZh, promptEn, options }));

/** Checks an attempt's choices against the questions (every key known, every choice an option). */
export function checkChoices(a: Assessment, answers: Record<string, number[]>) {
  const fields: Record<string, string> = {};
  const byId = new Map(a.questions.map((q) => [q.id, q]));
  for (const [id, choices] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) fields[`answers.${id}`] = 'There is no such question in this assessment.';
    else if (choices.some((i) => i >= q.options.length)) fields[`answers.${id}`] = 'Choose one of the given options.';
    else if (q.kind === 'single' && choices.length > 1) fields[`answers.${id}`] = 'Choose one option.';
  }
  const first = Object.values(fields)[0];
  if (first) throw new ApiError(422, 'unknown_question', first, fields);
}

/**
 * Scores an attempt: a question counts when exactly its correct options were chosen (unanswered counts as wrong).
 * Compared in whole numbers, so exactly passPercent passes.
 */
export function scoreAttempt(a: Assessment, answers: Record<string, number[]>) {
  const missed: string[] = [];
  for (const q of a.questions) {
    const chosen = [...new Set(answers[q.id] ?? [])].sort();
    const right = [...new Set(q.correct)].sort();
    if (chosen.length !== right.length || chosen.some((c, i) => c !== right[i])) missed.push(q.id);
  }
  const total = a.questions.length;
  const correct = total - missed.length;
  return {
    scorePercent: total ? Math.floor((correct * 100) / total) : 0,
    passed: total > 0 && correct * 100 >= a.passPercent * total,
    missed,
  };
}

export type Tally = { avg: number | null; n: number; dist: [number, number, number, number, number] };
/** A target and aspect with how many rated it 1, 2, 3, 4 and 5. */
export type GroupRow = { target: string; aspect: string; s1: number; s2: number; s3: number; s4: number; s5: number };

const emptyTally = (): Tally => ({ avg: null, n: 0, dist: [0, 0, 0, 0, 0] });
const finish = (t: Tally) => {
  const sum = t.dist.reduce((s, n, i) => s + n * (i + 1), 0);
  t.avg = t.n ? Math.round((sum / t.n) * 100) / 100 : null;
  return t;
};

/** Averages and 1–5 distributions per target and aspect, from rows already grouped by the database. */
export function tallies(rows: readonly GroupRow[]) {
  const out = new Map<string, Map<string, Tally>>();
  for (const r of rows) {
    let t = out.get(r.target);
    if (!t) out.set(r.target, (t = new Map()));
    let a = t.get(r.aspect);
    if (!a) t.set(r.aspect, (a = emptyTally()));
    const counts = [r.s1, r.s2, r.s3, r.s4, r.s5].map(Number);
    for (let k = 0; k < 5; k++) a.dist[k]! += counts[k]!;
    a.n += counts.reduce((s, n) => s + n, 0);
  }
  for (const t of out.values()) for (const a of t.values()) finish(a);
  return out;
}

/** Results per target: n is the most answers any aspect got (a person may skip one aspect). */
export function targetResults(targets: readonly Target[], t: ReturnType<typeof tallies>) {
  return targets
    .filter((x) => x.kind !== 'event')
    .map((x) => {
      const own = t.get(x.key);
      const aspects = Object.fromEntries(ASPECTS.map((a) => [a, own?.get(a) ?? emptyTally()])) as Record<
        (typeof ASPECTS)[number],
        Tally
      >;
      return {
        key: x.key,
        kind: x.kind as 'item' | 'person',
        titleZh: x.titleZh,
        titleEn: x.titleEn,
        itemTitleZh: x.itemTitleZh ?? null,
        itemTitleEn: x.itemTitleEn ?? null,
        role: x.role ?? null,
        n: Math.max(0, ...ASPECTS.map((a) => aspects[a].n)),
        aspects,
      };
    });
}

/** Below this many responses for a person, their report shows no comments: a few comments could name the writer. */
export const COMMENTS_FROM = 3;

export type SpeakerRow = { personId: string; nameZh: string; nameEn: string };

/**
 * A speaker's anonymous report: per item they taught, the averages and distributions; comments only when at least
 * COMMENTS_FROM distinct registrations rated them. Never a name or a registration.
 */
export function speakerReport(
  personId: string,
  targets: readonly Target[],
  t: ReturnType<typeof tallies>,
  respondents: number,
  comments: readonly { target: string; text: string }[],
) {
  const mine = targets.filter((x) => x.kind === 'person' && x.personId === personId);
  const shown = respondents >= COMMENTS_FROM;
  return {
    n: respondents,
    commentsShown: shown,
    items: mine.map((x) => ({
      itemTitleZh: x.itemTitleZh ?? '',
      itemTitleEn: x.itemTitleEn ?? '',
      role: x.role ?? '',
      aspects: Object.fromEntries(ASPECTS.map((a) => [a, t.get(x.key)?.get(a) ?? emptyTally()])) as Record<
        (typeof ASPECTS)[number],
        Tally
      >,
      comments: shown ? comments.filter((c) => c.target === x.key).map((c) => c.text) : null,
    })),
  };
}

/** Whole-person averages across their items, for the organiser's list and the email summary. */
export function averagesOf(report: ReturnType<typeof speakerReport>) {
  return Object.fromEntries(
    ASPECTS.map((a) => {
      const all = emptyTally();
      for (const i of report.items) {
        const x = i.aspects[a];
        all.n += x.n;
        for (let k = 0; k < 5; k++) all.dist[k]! += x.dist[k]!;
      }
      return [a, finish(all).avg];
    }),
  ) as Record<(typeof ASPECTS)[number], number | null>;
}

export const ASPECT_WORDS: Record<AnswerAspect, Record<Locale, string>> = {
  content: { 'zh-CN': '内容', en: 'Content' },
  delivery: { 'zh-CN': '表达', en: 'Delivery' },
  relevance: { 'zh-CN': '实用性', en: 'Relevance' },
  overall: { 'zh-CN': '总体评价', en: 'Overall' },
  comment: { 'zh-CN': '意见', en: 'Comment' },
};
