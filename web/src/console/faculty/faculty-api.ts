// The faculty board's calls to the API, typed from the Worker's routes.
import { api, read, type Success } from '../../api';

const faculty = api.api.events[':slug'].faculty;

export type Board = Success<(typeof faculty)['$get']>;
export type BoardPerson = Board['people'][number];

export const loadBoard = (slug: string, signal?: AbortSignal) =>
  read(faculty.$get({ param: { slug } }, { init: { signal } }));

export const saveSettings = (slug: string, json: Board['settings']) =>
  read(faculty.settings.$put({ param: { slug }, json }));

export const sendLink = (slug: string, personId: string) =>
  read(faculty[':personId'].link.$post({ param: { slug, personId } }));

export const decideChanges = (slug: string, personId: string, decision: 'approve' | 'reject') =>
  read(faculty[':personId'].changes.$post({ param: { slug, personId }, json: { decision } }));

export const revealBank = (slug: string, personId: string) =>
  read(faculty[':personId'].bank.$post({ param: { slug, personId } }));
