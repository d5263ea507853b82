// The approval routes the console calls: approve or reject many pending registrations at once.
import { api, read, type Success } from '../../api';

const registrations = api.api.events[':slug'].registrations;

export type Decision = 'approve' | 'reject';
/** What became of the registrations asked about: seats, waitlist, rejections, and those that were not pending. */
export type DecisionCounts = Success<(typeof registrations)['approve']['$post']>['counts'];

/** One request for up to 200 ids; the server decides them in one batch, earliest first. */
export async function decideMany(slug: string, decision: Decision, ids: string[]) {
  const route = decision === 'approve' ? registrations.approve : registrations.reject;
  return read(route.$post({ param: { slug }, json: { ids } }));
}
