// The synthetic CME event both CPU benches evaluate: 8 accredited 45-minute items under the national rule, and
// `count` attendees (bench/attendance.ts: the report; bench/certificates.ts: issuing).
import type { RegRow, SessionRow } from '../worker/attendance/report';
import { CME_PRESETS, type CmeSettings } from '../worker/cme/settings';

export const ITEMS = 8;
const T0 = Date.UTC(2026, 11, 12, 0, 30);

export const sessions: SessionRow[] = Array.from({ length: ITEMS }, (_, i) => ({
  id: `ses_${i}`,
  kind: 'talk',
  titleZh: `报告 ${i}`,
  titleEn: `Talk ${i}`,
  startsAt: T0 + i * 50 * 60_000,
  endsAt: T0 + (i * 50 + 45) * 60_000,
}));

export const settings: CmeSettings = {
  ...CME_PRESETS.national,
  projectName: 'bench',
  projectNumber: '2026-00-00-000',
  accreditedSessionIds: sessions.map((s) => s.id),
};

export const registrations = (count: number): RegRow[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `reg_${String(i).padStart(5, '0')}`,
    name: `参会者 ${i}`,
    affiliation: '北京协和医院',
    jobTitle: '主治医师',
    role: 'attendee',
    personId: null,
    overrideEligible: null,
    overrideReason: null,
    answers: null,
  }));
