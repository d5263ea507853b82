// The CME tab's calls: the project and its rule, attendance pages, overrides and the roster, typed from the routes.
import { api, read, type Success } from '../../api';
import { locale } from '../../i18n';

const events = api.api.events[':slug'];

export type CmeAnswer = Success<(typeof events)['cme']['$get']>;
/** The project and credit rule as the organiser edits it (the saved one, or a preset with the agenda's items). */
export type CmeRule = NonNullable<CmeAnswer['cme']>;
export type CmeItem = CmeAnswer['sessions'][number];
export type AttendanceRow = Success<(typeof events)['attendance']['$get']>['registrations'][number];

export const getCme = (slug: string) => read(events.cme.$get({ param: { slug } }));

export const putCme = (slug: string, rule: CmeRule) => read(events.cme.$put({ param: { slug }, json: rule }));

/** One page of attendance, or null while the project is not set up (409). */
export async function getAttendance(slug: string, after: string) {
  const res = await events.attendance.$get({ param: { slug }, query: { lang: locale(), ...(after ? { after } : {}) } });
  const status: number = res.status;
  if (status === 409) return null;
  return read(res);
}

/** eligible null removes the override: the rule decides again. */
export function setOverride(slug: string, id: string, eligible: boolean | null, reason: string) {
  const route = events.attendance[':id'].override;
  return eligible === null
    ? read(route.$delete({ param: { slug, id } }))
    : read(route.$put({ param: { slug, id }, json: { eligible, reason } }));
}

/** The roster comes in pages (each within the CPU budget); the browser joins them into one file with one BOM. */
export async function downloadRoster(slug: string): Promise<Blob> {
  let after = '';
  let text = '';
  do {
    const res = await events['attendance.csv'].$get({
      param: { slug },
      query: { lang: 'zh-CN', limit: '200', ...(after ? { after } : {}) },
    });
    if (!res.ok) await read(res); // throws the API's error
    text += (await res.text()).replace(/^\uFEFF/, '');
    after = res.headers.get('x-next-cursor') ?? '';
  } while (after);
  return new Blob([`\uFEFF${text}`], { type: 'text/csv' });
}
