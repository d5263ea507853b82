// What organisers and attendees send about registration questions: the organiser's list, the preset, the ticket's answers.
import { z } from 'zod';
import { QUESTION_TYPES } from './types';

const ID = /^[a-z][a-z0-9_]{0,39}$/;
const bilingual = (max: number) =>
  z.object({
    zh: z.string().trim().max(max, `At most ${max} characters.`),
    en: z.string().trim().max(max, `At most ${max} characters.`),
  });

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

/** POST /api/events/:slug/questions/clinical-preset: nothing to send. */
export const presetInput = z.object({}).strict();

/** POST /api/tickets/:code/answers/view: the management token from the emailed link. */
export const viewAnswersInput = z.object({ token: z.string().max(100).optional() }).strict();

/** PUT /api/tickets/:code/answers: the corrected answers (checked against the event's questions in the handler). */
export const editAnswersInput = z
  .object({
    token: z.string().max(100).optional(),
    answers: z.record(z.string().max(40), z.unknown()),
    sensitiveConsent: z.array(z.string().max(40)).max(50).optional(),
    locale: z.enum(['zh-CN', 'en']).optional(),
  })
  .strict();
