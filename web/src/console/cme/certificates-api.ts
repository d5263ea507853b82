// The Certificates panel's calls: issue page by page, progress and the list, corrections, the seal and name.
import { api, read, type Success } from '../../api';

const events = api.api.events[':slug'];
const certs = events.certificates;

export type CertificateList = Success<(typeof certs)['$get']>;
export type CertificateRow = CertificateList['certificates'][number];

export const getCertificates = (slug: string, after = '', signal?: AbortSignal) =>
  read(certs.$get({ param: { slug }, query: after ? { after } : {} }, { init: { signal } }));

/**
 * Issues for the whole event: each request evaluates one page of registrations (within the CPU budget), and the
 * next request starts where it stopped. Safe to run again: only the newly eligible are added.
 */
export async function issueAll(slug: string, onPage: (issued: number) => void) {
  let after = '';
  let issued = 0;
  do {
    const page = await read(certs.$post({ param: { slug }, query: after ? { after } : {} }));
    issued += page.issued;
    onPage(issued);
    after = page.next ?? '';
  } while (after);
  return issued;
}

export const reissue = (slug: string, number: string) =>
  read(certs[':number'].reissue.$post({ param: { slug, number }, json: {} }));

export const revoke = (slug: string, number: string, reason: string) =>
  read(certs[':number'].revoke.$post({ param: { slug, number }, json: { reason } }));

export const setOrganiser = (slug: string, organiserName: string) =>
  read(certs.organiser.$put({ param: { slug }, json: { organiserName } }));

/** The seal route takes the image's raw bytes, as the photo route does. */
export const uploadSeal = (slug: string, file: Blob) =>
  read(certs.seal.$put({ param: { slug } }, { headers: { 'content-type': file.type }, init: { body: file } }));

export const removeSeal = (slug: string) => read(certs.seal.$delete({ param: { slug } }));

export const sealUrl = (slug: string) => `/api/events/${encodeURIComponent(slug)}/certificates/seal`;
export const pdfUrl = (slug: string, number: string) =>
  `/api/events/${encodeURIComponent(slug)}/certificates/${encodeURIComponent(number)}/certificate.pdf`;
export const SEAL_MAX_BYTES = 1024 * 1024;
