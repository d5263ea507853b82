// Registration's side of questions: the answers checked against the isolate's copy of the questions, and the
// SQL guard that lets the one INSERT through only while the event's questions are still that copy.
import { sql } from 'drizzle-orm';
import type { Bindable } from '../db';
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../http/errors';
import { requestLocale } from '../http/messages';
import { checkAnswers } from './answers';
import { cachedQuestions, rememberQuestions } from './cache';

type Given = { answers?: Record<string, unknown>; sensitiveConsent?: string[]; locale?: string };
export type CheckedAnswers = { rev: number; json: string };

/** The event's questions, read and kept as the isolate's copy (null: no such event). */
export async function readQuestions(d1: D1Database, slug: string) {
  const row = await d1
    .prepare(`SELECT questions, questions_rev AS rev FROM events WHERE slug = ?`)
    .bind(slug)
    .first<{ questions: string; rev: number }>();
  return row ? rememberQuestions(slug, row.rev, row.questions) : null;
}

/**
 * The answers as they will be stored, checked against the event's questions: the isolate's copy when it has one
 * (no extra read), else one read. Bad answers throw 400 `invalid` with `answers.<id>` fields in the request's
 * language; a copy that refuses is re-read once first, as another isolate may have changed the questions.
 */
export async function checkedAnswers(c: Context<AppEnv>, slug: string, input: Given, fresh = false) {
  let copy = fresh ? null : cachedQuestions(slug);
  const cached = !!copy;
  copy ??= await readQuestions(c.env.DB, slug);
  // No such event: the registration's own batch answers 404.
  if (!copy) return { rev: -1, json: '{}' };
  const locale = requestLocale(c, input.locale);
  const checked = checkAnswers(copy.questions, input.answers, input.sensitiveConsent, locale);
  if (Object.keys(checked.fields).length) {
    if (cached) return checkedAnswers(c, slug, input, true);
    throw new ApiError(400, 'invalid', 'Some fields need attention.', checked.fields, locale);
  }
  return { rev: copy.rev, json: JSON.stringify(checked.answers) };
}

/** In the INSERT … SELECT FROM events e: only while the questions are the ones the answers were checked against. */
export const questionsUnchangedSql = (rev: Bindable<number>) => sql`e.questions_rev = ${rev}`;

/** In the batch's event read: the revision, and the questions themselves only when the copy is stale. */
export const questionsRevSql = (rev: number) =>
  sql`questions_rev AS questionsRev, CASE WHEN questions_rev != ${rev} THEN questions END AS questionsJson`;

/** After a batch whose event row says the copy was stale: keep the fresh questions for the retry. */
export const refreshQuestions = (slug: string, rev: number, json: string | null) => rememberQuestions(slug, rev, json);
