// {{answer.<questionId>}} in messages: each recipient's answers as text, and a check that the ids exist.
import { answerPlaceholders } from '../messages/render';
import { answerText } from './answer-text';
import { maskedAnswers, parseAnswers } from './answers';
import { parseQuestions } from './model';

/** The recipient's answers as text in their language; sensitive answers never go into an email unmasked. */
export function answerTexts(questionsJson: string | undefined, answersJson: string, locale: 'zh-CN' | 'en') {
  if (!questionsJson || answersJson === '{}') return {};
  const questions = parseQuestions(questionsJson);
  const answers = maskedAnswers(questions, parseAnswers(answersJson));
  return Object.fromEntries(questions.map((q) => [q.id, answerText(q, answers[q.id], locale)]));
}

/** A compose error when the subject or body names a question this event does not have. */
export function unknownAnswerPlaceholders(questionsJson: string, subject: string, body: string) {
  const ids = new Set(parseQuestions(questionsJson).map((q) => q.id));
  const fields: Record<string, string> = {};
  for (const [field, text] of [
    ['subject', subject],
    ['body', body],
  ] as const) {
    const unknown = answerPlaceholders(text).filter((id) => !ids.has(id));
    if (unknown.length)
      fields[field] =
        `Unknown placeholder ${unknown.map((u) => `{{answer.${u}}}`).join(', ')}. Use {{answer.<id>}} with ${ids.size ? [...ids].join(', ') : 'a question of this event'}.`;
  }
  return Object.keys(fields).length ? { message: Object.values(fields)[0]!, fields } : null;
}
