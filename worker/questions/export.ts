// Answers where organisers read them: the console's list (masked) and filter, and the CSV's answer columns.
import { type SQL, sql } from 'drizzle-orm';
import { registrations } from '../../schema';
import { answerText } from './answer-text';
import { maskedAnswers, parseAnswers } from './answers';
import { type Question, parseQuestions } from './model';

type Locale = 'zh-CN' | 'en';

/** In the same batch as the rows: the event's questions, removed ones included. */
export const eventQuestionsSql = (eventId: string) => sql`SELECT questions FROM events WHERE id = ${eventId}`;
export const questionsFromBatch = (rows: Record<string, unknown>[] | undefined) =>
  parseQuestions((rows?.[0]?.questions as string | undefined) ?? '[]');

/** The list's answers: sensitive ones masked, for the console and the desk. */
export const answersForStaff = (questions: Question[], json: string | null | undefined) =>
  maskedAnswers(questions, parseAnswers(json));

/**
 * "Registrations whose answer to `id` contains `value`": any element of a multiple choice, case-insensitive for
 * text. Sensitive questions cannot be filtered on (a filter would read the masked value back letter by letter).
 */
export function answerFilterSql(questions: Question[], id: string, value: string): SQL | null {
  const q = questions.find((x) => x.id === id);
  if (!q || q.sensitive || !value) return null;
  const path = `$."${q.id}"`;
  if (q.type === 'yes_no') return sql`json_extract(${registrations.answers}, ${path}) = ${value === 'true' ? 1 : 0}`;
  if (q.type === 'single_choice' || q.type === 'multiple_choice')
    return sql`EXISTS (SELECT 1 FROM json_each(${registrations.answers}, ${path}) j WHERE j.value = ${value})`;
  return sql`instr(lower(CAST(json_extract(${registrations.answers}, ${path}) AS TEXT)), lower(${value})) > 0`;
}

const REMOVED: Record<Locale, string> = { 'zh-CN': '（已删除）', en: ' (removed)' };

/** One CSV header per question, in the organiser's language; a removed question's is marked removed. */
export const answerHeaders = (questions: Question[], lang: Locale) =>
  questions.map((q) => {
    const label = lang === 'zh-CN' ? q.label.zh || q.label.en : q.label.en || q.label.zh;
    return q.removed ? `${label}${REMOVED[lang]}` : label;
  });

/**
 * The answer cells of a page of rows, in the headers' order, sensitive ones masked: the questions are looked at
 * once for the page, and a registration with no answers gets empty cells without parsing anything.
 */
export function answerCellsFor(questions: Question[], lang: Locale): (json: string | null | undefined) => string[] {
  if (!questions.length) return () => [];
  const masks = questions.some((q) => q.sensitive);
  const none = questions.map(() => '');
  return (json) => {
    if (!json || json === '{}') return [...none];
    const answers = masks ? maskedAnswers(questions, parseAnswers(json)) : parseAnswers(json);
    return questions.map((q) => answerText(q, answers[q.id], lang));
  };
}

/**
 * The CME roster's answers (科室, 职称, CME card or identity-document number), as text in the roster's language: the
 * one reader that gets sensitive answers unmasked. Call it only from an organiser-only route (the roster export).
 */
export function rosterAnswers(
  questionsJson: string | null | undefined,
  answersJson: string | null | undefined,
  lang: Locale,
) {
  const questions = parseQuestions(questionsJson);
  const answers = parseAnswers(answersJson);
  return Object.fromEntries(questions.map((q) => [q.id, answerText(q, answers[q.id], lang)]));
}
