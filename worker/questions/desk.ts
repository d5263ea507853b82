// The answers a desk shows on its result screen (the questions the organiser marked for the desk, e.g. 科室),
// as ready-to-read lines in both languages, sensitive ones masked. Also what badges print.
import { type SQL, sql } from 'drizzle-orm';
import { answerText } from './answer-text';
import { maskedAnswers, parseAnswers } from './answers';
import { activeQuestions, parseQuestions } from './model';

export type DeskLine = { id: string; label: { zh: string; en: string }; text: { zh: string; en: string } };

/**
 * Columns for a query over the registrations row named `r`: its answers and, only when it has some, its event's
 * questions (one more primary-key row), so a check-in without answers reads exactly the rows it read before
 * questions existed.
 */
export const deskAnswerColumnsOf = (r: SQL) => sql`${r}.answers AS answers,
  CASE WHEN ${r}.answers != '{}' THEN (SELECT questions FROM events qe WHERE qe.id = ${r}.event_id) END AS questions`;
export const deskAnswerColumns = deskAnswerColumnsOf(sql.raw('r'));

/** The desk lines for one registration, in the questions' order; questions not answered are left out. */
export function deskLines(
  questionsJson: string | null | undefined,
  answersJson: string | null | undefined,
): DeskLine[] {
  if (!questionsJson || questionsJson === '[]' || !answersJson || answersJson === '{}') return [];
  const questions = activeQuestions(parseQuestions(questionsJson)).filter((q) => q.desk);
  if (!questions.length) return [];
  const answers = maskedAnswers(questions, parseAnswers(answersJson));
  return questions
    .filter((q) => answers[q.id] !== undefined)
    .map((q) => ({
      id: q.id,
      label: { zh: q.label.zh || q.label.en, en: q.label.en || q.label.zh },
      text: { zh: answerText(q, answers[q.id], 'zh-CN'), en: answerText(q, answers[q.id], 'en') },
    }));
}

/** The desk lines as a registration's optional `details` (left out when there are none, as the admit answer has none). */
export function deskDetails(
  questionsJson: string | null | undefined,
  answersJson: string | null | undefined,
): { details?: DeskLine[] } {
  const lines = deskLines(questionsJson, answersJson);
  return lines.length ? { details: lines } : {};
}

/** The badge's department line: the answer to the clinical preset's `department` (科室), empty without one. */
export const badgeDepartmentSql = sql`coalesce(CAST(json_extract(answers, '$.department') AS TEXT), '')`;
