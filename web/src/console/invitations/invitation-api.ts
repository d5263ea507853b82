// The invitation routes the console calls: invite a list, and read who was invited and what they answered.
import type { InferRequestType } from 'hono/client';
import { api, read, type Success } from '../../api';

const invitations = api.api.events[':slug'].invitations;

export type InviteInput = InferRequestType<(typeof invitations)['$post']>['json'];
export type InviteAnswer = Success<(typeof invitations)['$post']>;
export type InvitationList = Success<(typeof invitations)['$get']>;

export async function listInvitations(slug: string, signal?: AbortSignal) {
  return read(invitations.$get({ param: { slug } }, { init: { signal } }));
}

export async function invite(slug: string, json: InviteInput) {
  return read(invitations.$post({ param: { slug }, json }));
}
