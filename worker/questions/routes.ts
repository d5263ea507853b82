// Organiser routes for an event's registration questions: replace the ordered list, or add the clinical preset.
import { sql } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { ORGANISER_ROLES, rule } from '../http/contract';
import { ApiError } from '../http/errors';
import { requestLocale } from '../http/messages';
import { forgetQuestions } from './cache';
import { activeQuestions, checkQuestions, parseQuestions, type Question, replaceQuestions } from './model';
import { presetInput, questionsInput } from './input';
import { ANSWER_ZH, EDITOR_ZH } from './words';
import { withClinicalPreset } from './preset';

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  replaceQuestions: rule({
    access: 'organiser',
    tag: 'questions',
    summary: 'Replace the ordered list of registration questions; removed ones keep their answers.',
    json: questionsInput,
  }),
  clinicalPreset: rule({
    access: 'organiser',
    tag: 'questions',
    summary: 'Add the clinical meeting questions (department, title, practice category, CME card number).',
    json: presetInput,
  }),
};

/**
 * Writes the new list only if nobody changed it since it was read (the revision), in one statement with its audit
 * row; answers already given stay as they are, and a removed question stays in the list, marked removed.
 */
async function saveQuestions(
  c: Context<AppEnv>,
  slug: string,
  change: (old: Question[]) => Question[],
  action: string,
) {
  const { eventId, staff } = requireEventRole(c, slug, ORGANISER_ROLES);
  const d1 = c.env.DB;
  const row = await d1
    .prepare(`SELECT questions, questions_rev AS rev FROM events WHERE id = ?`)
    .bind(eventId)
    .first<{ questions: string; rev: number }>();
  const next = change(parseQuestions(row?.questions));
  const [updated] = await atomically(d1, [
    sql`UPDATE events SET questions = ${JSON.stringify(next)}, questions_rev = questions_rev + 1, updated_at = ${Date.now()}
        WHERE id = ${eventId} AND questions_rev = ${row?.rev ?? 0} RETURNING id`,
    auditEntry(eventId, staff.id, action, { ids: activeQuestions(next).map((q) => q.id) }),
  ]);
  if (!updated.length)
    throw new ApiError(409, 'conflict', 'Someone else changed the questions just now. Reload and try again.');
  forgetQuestions(slug);
  return activeQuestions(next);
}

export const questionRoutes = new Hono<AppEnv>()
  .put('/:slug/questions', rules.replaceQuestions, async (c) => {
    const slug = c.req.param('slug');
    requireEventRole(c, slug, ORGANISER_ROLES);
    const { questions } = c.req.valid('json');
    const fields = checkQuestions(questions);
    if (Object.keys(fields).length) {
      const locale = requestLocale(c);
      // The questions' own words (the Worker's dictionary may word the same English otherwise, e.g. the evaluation's).
      const say = (en: string) => (locale === 'zh-CN' ? (EDITOR_ZH[en] ?? ANSWER_ZH[en] ?? en) : en);
      const shown = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, say(v)]));
      throw new ApiError(400, 'invalid', 'Some fields need attention.', shown, locale);
    }
    const saved = await saveQuestions(c, slug, (old) => replaceQuestions(old, questions), 'questions.update');
    return c.json({ questions: saved }, 200);
  })
  .post('/:slug/questions/clinical-preset', rules.clinicalPreset, async (c) => {
    const slug = c.req.param('slug');
    const saved = await saveQuestions(
      c,
      slug,
      (old) => replaceQuestions(old, withClinicalPreset(old)),
      'questions.clinical_preset',
    );
    return c.json({ questions: saved }, 200);
  });
