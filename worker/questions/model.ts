// Registration questions: their shape, the organiser's input for them, and how a new list replaces the old one.
import { z } from 'zod';
import { activeQuestions, compilePattern, type Question, type QuestionType } from './types';
import { QUESTION_TYPES } from './types';

export * from './types';

const ID = /^[a-z][a-z0-9_]{0,39}$/;
const bilingual = (max: number) =>
  z.object({
    zh: z.string().trim().max(max, `At most ${max} characters.`),
    en: z.string().trim().max(max, `At most ${max} characters.`),
  });

const CHOICE_TYPES: ReadonlySet<QuestionType> = new Set(['single_choice', 'multiple_choice']);

const questionInput = z.object({
  id: z.string().regex(ID, 'Use lower-case letters, digits and _ (start with a letter).'),
  type: z.enum(QUESTION_TYPES),
  label: bilingual(200).refine((l) => l.zh || l.en, 'Write the question in Chinese or English.'),
  help: bilingual(500).optional(),
  required: z.boolean().optional().default(false),
  options: z
    .array(
      z.object({
        value: z.string().trim().min(1, 'Give each choice a value.').max(100, 'At most 100 characters.'),
        label: bilingual(200),
      }),
    )
    .max(100, 'At most 100 choices.')
    .optional(),
  pattern: z.string().max(200, 'At most 200 characters.').optional(),
  showIf: z
    .object({
      questionId: z.string().regex(ID, 'Use lower-case letters, digits and _ (start with a letter).'),
      equals: z.union([z.string().max(100), z.number(), z.boolean()]),
    })
    .optional(),
  sensitive: z.boolean().optional(),
  desk: z.boolean().optional(),
});

/** PUT /api/events/:slug/questions: the whole ordered list. Cross-question rules are checked in `checkQuestions`. */
export const questionsInput = z.object({ questions: z.array(questionInput).max(50, 'At most 50 questions.') });
export type QuestionsInput = z.infer<typeof questionsInput>;

/** Field errors for rules that span the list: unique ids, choices for choice types, a valid pattern, showIf targets. */
export function checkQuestions(list: QuestionsInput['questions']): Record<string, string> {
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  list.forEach((q, i) => {
    const at = `questions.${i}`;
    if (seen.has(q.id)) fields[`${at}.id`] = 'Each question needs its own id.';
    if (CHOICE_TYPES.has(q.type)) {
      const values = (q.options ?? []).map((o) => o.value);
      if (!values.length) fields[`${at}.options`] = 'Give at least one choice.';
      else if (new Set(values).size !== values.length) fields[`${at}.options`] = 'Each choice needs its own value.';
    }
    if (q.type === 'pattern') {
      if (!q.pattern) fields[`${at}.pattern`] = 'Give the pattern the answer must match.';
      else if (!compilePattern(q.pattern)) fields[`${at}.pattern`] = 'This is not a valid regular expression.';
    }
    if (q.showIf) {
      // Only an earlier question can decide: no cycles, and the form reads top to bottom.
      if (!seen.has(q.showIf.questionId)) fields[`${at}.showIf`] = 'Show this only after the question it depends on.';
    }
    seen.add(q.id);
  });
  return fields;
}

/** The organiser's new list, followed by the old questions it no longer has (marked removed, so answers keep a label). */
export function replaceQuestions(old: Question[], next: QuestionsInput['questions']): Question[] {
  const ids = new Set(next.map((q) => q.id));
  const kept: Question[] = next.map((q) => {
    const out: Question = { id: q.id, type: q.type, label: q.label, required: q.required };
    if (q.help && (q.help.zh || q.help.en)) out.help = q.help;
    if (CHOICE_TYPES.has(q.type) && q.options) out.options = q.options;
    if (q.type === 'pattern' && q.pattern) out.pattern = q.pattern;
    if (q.showIf) out.showIf = q.showIf;
    if (q.sensitive) out.sensitive = true;
    if (q.desk) out.desk = true;
    return out;
  });
  const removed = old.filter((q) => !ids.has(q.id)).map((q) => ({ ...q, removed: true }));
  return [...kept, ...removed];
}

/** The questions as the public event page needs them (removed ones left out). */
export const publicQuestions = (all: Question[]) => activeQuestions(all);
