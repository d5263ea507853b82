// The portal's calls to the API, typed from the Worker's routes.
import type { InferRequestType } from 'hono/client';
import { api, read, type Success } from '../api';

const portal = api.api.portal[':token'];

export type Portal = Success<typeof portal.$get>;
export type PortalSession = Portal['sessions'][number];
export type ProfileInput = InferRequestType<typeof portal.profile.$put>['json'];
export type DisclosureInput = InferRequestType<typeof portal.disclosure.$put>['json'];
export type ConsentInput = InferRequestType<typeof portal.consent.$put>['json'];
export type LogisticsInput = InferRequestType<typeof portal.logistics.$put>['json'];

export const loadPortal = (token: string) => read(portal.$get({ param: { token } }));

export const respond = (token: string, sessionId: string, json: { status: 'confirmed' | 'declined'; note?: string }) =>
  read(portal.sessions[':sessionId'].response.$post({ param: { token, sessionId }, json }));

export const saveProfile = (token: string, json: ProfileInput) => read(portal.profile.$put({ param: { token }, json }));
export const saveDisclosure = (token: string, json: DisclosureInput) =>
  read(portal.disclosure.$put({ param: { token }, json }));
export const saveConsent = (token: string, json: ConsentInput) => read(portal.consent.$put({ param: { token }, json }));
export const saveLogistics = (token: string, json: LogisticsInput) =>
  read(portal.logistics.$put({ param: { token }, json }));

/** The photo route takes the image's raw bytes as the body, like the organiser's upload. */
export const uploadPortalPhoto = (token: string, file: Blob) =>
  read(portal.photo.$post({ param: { token } }, { headers: { 'content-type': file.type }, init: { body: file } }));

export const renewLink = (email: string) => read(api.api.portal.renew.$post({ json: { email } }));
