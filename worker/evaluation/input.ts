// What organisers send to set up the evaluation and assessment, and what attendees send while answering.
import { z } from 'zod';

export const ASPECTS = ['content', 'delivery', 'relevance'] as const;
export type Aspect = (typeof ASPECTS)[number];
/** Every aspect an answer may name: the three ratings, the event's overall rating, and the free comment. */
export const ANSWER_ASPECTS = [...ASPECTS, 'overall', 'comment'] as const;
export type AnswerAspect = (typeof ANSWER_ASPECTS)[number];
export const COMMENT_MAX = 2000;

const option = z.object({
  zh: z.string().trim().min(1, 'Fill this in.').max(300),
  en: z.string().trim().min(1, 'Fill this in.').max(300),
});

export const questionInput = z
  .object({
    /** Stable across edits, so drafts and the "most missed" figures keep pointing at the same question. */
    id: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use letters, digits, - or _ for the question id.'),
    kind: z.enum(['single', 'multiple']),
    promptZh: z.string().trim().min(1, 'Fill this in.').max(1000),
    promptEn: z.string().trim().min(1, 'Fill this in.').max(1000),
    options: z.array(option).min(2, 'Give at least two options.').max(10),
    /** Indexes of the correct options: never sent to an attendee. */
    correct: z.array(z.number().int().min(0).max(9)).min(1, 'Mark the correct option.').max(10),
  })
  .superRefine((q, ctx) => {
    if (q.correct.some((i) => i >= q.options.length))
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'Mark one of the options as correct.' });
    if (q.kind === 'single' && new Set(q.correct).size !== 1)
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'A single-choice question has one correct option.' });
  });
export type Question = z.output<typeof questionInput>;

export const assessmentInput = z
  .object({
    /** Exactly this share of correct answers passes. */
    passPercent: z.number().int().min(0).max(100).default(80),
    maxTries: z.number().int().min(1).max(10).default(3),
    questions: z.array(questionInput).min(1, 'Add at least one question.').max(50),
  })
  .superRefine((a, ctx) => {
    const ids = a.questions.map((q) => q.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'Each question needs its own id.' });
  });
export type Assessment = z.output<typeof assessmentInput>;

export const formInput = z.object({
  /** sign_out: a registration may answer once it has signed out of an accredited item (or the event ended). */
  opensOn: z.enum(['sign_out', 'event_end']).default('sign_out'),
  closesAfterDays: z.number().int().min(0).max(90).default(7),
  /** attended: only registrations with a sign-in in the attendance ledger; everyone: every confirmed registration. */
  audience: z.enum(['attended', 'everyone']).default('attended'),
  assessment: assessmentInput.nullable().default(null),
});
export type Form = z.output<typeof formInput>;

export const copyInput = z.union([
  z.object({ from: z.literal('default') }),
  z.object({ from: z.literal('event'), slug: z.string().trim().min(1).max(100) }),
]);

/** One answer, saved as the attendee goes: a rating 1–5, or the comment's text (checked in worker/evaluation/rules.ts). */
export const answerInput = z.object({
  target: z.string().trim().min(1).max(200),
  aspect: z.string().trim().min(1).max(40),
  value: z.union([z.number(), z.string().max(COMMENT_MAX, `Use at most ${COMMENT_MAX} characters.`)]),
  locale: z.enum(['zh-CN', 'en']).optional(),
});

const choices = z.array(z.number().int().min(0).max(9)).max(10);

export const draftInput = z.object({
  questionId: z.string().trim().min(1).max(40),
  choices,
  locale: z.enum(['zh-CN', 'en']).optional(),
});

export const attemptInput = z.object({
  answers: z.record(z.string().max(40), choices),
  locale: z.enum(['zh-CN', 'en']).optional(),
});

export const commentsQuery = z.object({
  target: z.string().trim().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.coerce.number().int().min(0).optional().default(0),
  limit: z.coerce.number().int().min(1).max(200).optional().default(50),
});

export const csvQuery = z.object({ lang: z.enum(['zh-CN', 'en']).optional() });
