// Who gets which certificate: plain functions over the attendance report and the agenda's lecturers.
import type { CertificateKindName } from '../../schema/certificates';
import type { CmeSettings } from '../cme/settings';
import type { PersonAttendance } from '../attendance/report';
import { newId, randomToken } from '../lib/random';
import { newCertificateNumber } from './number';

export type NewCertificate = {
  id: string;
  registrationId: string | null;
  personId: string | null;
  kind: CertificateKindName;
  number: string;
  holderName: string;
  holderAffiliation: string;
  credits: number;
  detail: string;
  r2Key: string;
};

/** Ⅰ类 projects grant credit (学分证书); Ⅱ类 ones are proven by attendance (参会证明). */
export const attendeeKind = (s: Pick<CmeSettings, 'creditClass'>): CertificateKindName =>
  s.creditClass === 'I' ? 'credit' : 'attendance';

/** The PDF's key: nobody can list or guess it, and every read goes through a route that checks access. */
export const certificateKey = (eventId: string) => `certificates/${eventId}/${randomToken()}.pdf`;

export function newCertificate(eventId: string, c: Omit<NewCertificate, 'id' | 'number' | 'r2Key'>): NewCertificate {
  return { ...c, id: newId('crt'), number: newCertificateNumber(), r2Key: certificateKey(eventId) };
}

/** An attendee certificate for each eligible person of a page (an override counts as the rule's word). */
export function attendeeCertificates(eventId: string, s: CmeSettings, people: readonly PersonAttendance[]) {
  return people
    .filter((p) => p.eligible)
    .map((p) =>
      newCertificate(eventId, {
        registrationId: p.id,
        personId: null,
        kind: attendeeKind(s),
        holderName: p.name,
        holderAffiliation: p.affiliation,
        credits: p.credits,
        detail: '{}',
      }),
    );
}

export type Lecturer = {
  personId: string;
  items: { id: string; role: string }[];
  minutes: number;
  credits: number;
};
export type PersonRow = {
  id: string;
  nameZh: string;
  nameEn: string;
  institutionZh: string;
  institutionEn: string;
  registrationId: string | null;
};
export type TaughtItem = { id: string; titleZh: string; titleEn: string; startsAt: number; endsAt: number };

/** A teaching certificate (授课证明) for each speaker, moderator and panel guest of an accredited item. */
export function teachingCertificates(
  eventId: string,
  lecturers: readonly Lecturer[],
  people: readonly PersonRow[],
  sessions: readonly TaughtItem[],
) {
  const byId = new Map(people.map((p) => [p.id, p]));
  const items = new Map(sessions.map((s) => [s.id, s]));
  return lecturers.flatMap((l) => {
    const p = byId.get(l.personId);
    if (!p) return [];
    const taught = l.items
      .map((i) => items.get(i.id))
      .filter((i): i is TaughtItem => !!i)
      .map(({ titleZh, titleEn, startsAt, endsAt }) => ({ titleZh, titleEn, startsAt, endsAt }));
    return [
      newCertificate(eventId, {
        registrationId: p.registrationId,
        personId: p.id,
        kind: 'teaching',
        holderName: p.nameZh || p.nameEn,
        holderAffiliation: p.institutionZh || p.institutionEn,
        credits: l.credits,
        detail: JSON.stringify({ taught, minutes: l.minutes, nameEn: p.nameEn }),
      }),
    ];
  });
}
