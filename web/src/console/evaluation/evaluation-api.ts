// The console's evaluation calls: the form, the template or a copy, live results, comments, speaker reports, sending.
import type { InferRequestType } from 'hono/client';
import { api, read, type Success } from '../../api';

const ev = api.api.events[':slug'].evaluation;

export type FormAnswer = Success<(typeof ev)['$get']>;
export type EvalForm = InferRequestType<(typeof ev)['$put']>['json'];
export type EvalAssessment = NonNullable<EvalForm['assessment']>;
export type EvalQuestion = EvalAssessment['questions'][number];
export type Results = Success<(typeof ev)['results']['$get']>;
export type ResultTarget = Results['targets'][number];
export type Comments = Success<(typeof ev)['comments']['$get']>;
export type SpeakerRow = Success<(typeof ev)['speakers']['$get']>['speakers'][number];

export const getForm = (slug: string) => read(ev.$get({ param: { slug } }));
export const putForm = (slug: string, json: EvalForm) => read(ev.$put({ param: { slug }, json }));
export const copyForm = (slug: string, from: string | null) =>
  read(ev.copy.$post({ param: { slug }, json: from ? { from: 'event', slug: from } : { from: 'default' } }));
export const getResults = (slug: string) => read(ev.results.$get({ param: { slug } }));
export const getComments = (slug: string, query: { target?: string; q?: string; cursor?: number }) =>
  read(
    ev.comments.$get({
      param: { slug },
      query: {
        limit: '20',
        ...(query.target ? { target: query.target } : {}),
        ...(query.q ? { q: query.q } : {}),
        ...(query.cursor ? { cursor: String(query.cursor) } : {}),
      },
    }),
  );
export const getSpeakers = (slug: string) => read(ev.speakers.$get({ param: { slug } }));
export const sendToSpeakers = (slug: string) => read(ev.speakers.send.$post({ param: { slug } }));
export const csvUrl = (slug: string, lang: string) =>
  `/api/events/${encodeURIComponent(slug)}/evaluation/results.csv?lang=${encodeURIComponent(lang)}`;
