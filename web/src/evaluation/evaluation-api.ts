// The attendee's evaluation calls through the ticket link, typed from the Worker's routes.
import { api, read, type Success } from '../api';
import { locale } from '../i18n';

const ticket = api.api.tickets[':code'];

export type Evaluation = Success<(typeof ticket)['evaluation']['$get']>;
export type Target = Evaluation['targets'][number];
export type Assessment = NonNullable<Evaluation['assessment']>;
export type Question = Assessment['questions'][number];
export type AttemptResult = Success<(typeof ticket)['assessment']['attempts']['$post']>;

export const loadEvaluation = (code: string) => read(ticket.evaluation.$get({ param: { code } }));

export const saveAnswer = (code: string, target: string, aspect: string, value: number | string) =>
  read(ticket.evaluation.answers.$put({ param: { code }, json: { target, aspect, value, locale: locale() } }));

export const saveDraft = (code: string, questionId: string, choices: number[]) =>
  read(ticket.assessment.draft.$put({ param: { code }, json: { questionId, choices, locale: locale() } }));

export const submitAttempt = (code: string, answers: Record<string, number[]>) =>
  read(ticket.assessment.attempts.$post({ param: { code }, json: { answers, locale: locale() } }));

/** Whether the attendee certificate's PDF is drawn yet (the queue renders it a moment after a pass). */
export async function certificateReady(code: string, number: string) {
  const { certificates } = await read(ticket.certificates.$get({ param: { code } }));
  return certificates.some((c) => c.number === number && c.ready);
}

export const certificateUrl = (code: string, number: string) =>
  `/api/tickets/${encodeURIComponent(code)}/certificate.pdf?number=${encodeURIComponent(number)}`;
