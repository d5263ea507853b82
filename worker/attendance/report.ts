// Attendance per registration for the organiser and the CME roster: plain functions over rows read in one batch.
import { evaluate, type Item, lecturerCredits, attendeeCredits, projectCredits, type Reason } from '../cme/credits';
import { reasonsText } from '../cme/reasons';
import type { CmeSettings } from '../cme/settings';
import type { Locale } from '../http/messages';
import { type Interval, type LedgerScan, pairScans } from './ledger';

export type RegRow = {
  id: string;
  name: string;
  affiliation: string;
  jobTitle: string;
  role: string;
  personId: string | null;
  overrideEligible: number | null;
  overrideReason: string | null;
  /** The registration questions' answers (JSON), read only for the roster's clinician columns. */
  answers: string | null;
  /**
   * 1 when the registration passed the assessment (worker/evaluation), needed when the rule requires it; 0 when it
   * took it and has not passed; null when it has not taken it.
   */
  assessmentPassed?: number | null;
};
export type ScanRow = {
  registrationId: string;
  point: string;
  direction: 'in' | 'out';
  scannedAt: number;
  deskId: string;
  deviceId: string;
  clientId: string;
  source: LedgerScan['source'];
};
export type SessionRow = Item & { kind: string };
export type TeachingRow = { sessionId: string; personId: string; role: string; nameZh: string; nameEn: string };

/** Roles on the agenda that earn lecturer credit: speakers, panel guests and moderators (not the host). */
export const TEACHING_ROLES = ['speaker', 'panelist', 'moderator'] as const;

export type PersonAttendance = {
  id: string;
  name: string;
  affiliation: string;
  role: string;
  items: { id: string; minutes: number; of: number }[];
  minutes: number;
  of: number;
  needed: number;
  /** What the rule says, before any override. */
  computedEligible: boolean;
  eligible: boolean;
  reasons: Reason[];
  reason: string;
  override: { eligible: boolean; reason: string } | null;
  credits: number;
  lecturerCredits: number;
  /** First sign-in and last sign-out anywhere, for the roster. */
  firstIn: number | null;
  lastOut: number | null;
};

function byRegistration(scans: readonly ScanRow[]) {
  const out = new Map<string, Map<string, LedgerScan[]>>();
  for (const s of scans) {
    let points = out.get(s.registrationId);
    if (!points) out.set(s.registrationId, (points = new Map()));
    let list = points.get(s.point);
    if (!list) points.set(s.point, (list = []));
    list.push({
      clientId: s.clientId,
      direction: s.direction,
      at: s.scannedAt,
      deskId: s.deskId,
      deviceId: s.deviceId,
      source: s.source,
    });
  }
  return out;
}

export function lecturers(s: CmeSettings, sessions: readonly SessionRow[], teaching: readonly TeachingRow[]) {
  const accredited = new Map(sessions.filter((x) => s.accreditedSessionIds.includes(x.id)).map((x) => [x.id, x]));
  const people = new Map<
    string,
    { personId: string; nameZh: string; nameEn: string; items: { id: string; role: string }[] }
  >();
  for (const t of teaching) {
    if (!accredited.has(t.sessionId) || !(TEACHING_ROLES as readonly string[]).includes(t.role)) continue;
    let p = people.get(t.personId);
    if (!p) people.set(t.personId, (p = { personId: t.personId, nameZh: t.nameZh, nameEn: t.nameEn, items: [] }));
    p.items.push({ id: t.sessionId, role: t.role });
  }
  return [...people.values()].map((p) => ({
    ...p,
    ...lecturerCredits(
      s,
      p.items.map((i) => accredited.get(i.id)!),
    ),
  }));
}

/** 考核合格: when the rule requires the assessment, presence alone is not enough; the reason says what is missing. */
function passedIfRequired(s: CmeSettings, r: RegRow, e: ReturnType<typeof evaluate>): ReturnType<typeof evaluate> {
  if (!s.assessmentRequired || r.assessmentPassed) return e;
  const taken = r.assessmentPassed === 0;
  const reasons: Reason[] = [...e.reasons, { code: taken ? 'assessment_not_passed' : 'assessment_not_taken' }];
  return { ...e, eligible: false, credits: 0, reasons };
}

/** Everyone on this page, evaluated by the rule, with overrides applied and reasons in the organiser's language. */
export function attendanceReport(
  s: CmeSettings,
  sessions: readonly SessionRow[],
  regs: readonly RegRow[],
  scans: readonly ScanRow[],
  teaching: readonly TeachingRow[],
  locale: Locale,
): PersonAttendance[] {
  const items = sessions.filter((x) => s.accreditedSessionIds.includes(x.id));
  const titles = new Map(sessions.map((x) => [x.id, x]));
  const ledgers = byRegistration(scans);
  const taught = new Map(lecturers(s, sessions, teaching).map((l) => [l.personId, l.credits]));
  return regs.map((r) => {
    const points = ledgers.get(r.id) ?? new Map<string, LedgerScan[]>();
    const byPoint = new Map<string, Interval[]>();
    let firstIn: number | null = null;
    let lastOut: number | null = null;
    for (const [point, list] of points) {
      const { intervals } = pairScans(list);
      byPoint.set(point, intervals);
      for (const i of intervals) {
        if (i.in && (firstIn === null || i.in.at < firstIn)) firstIn = i.in.at;
        if (i.out && (lastOut === null || i.out.at > lastOut)) lastOut = i.out.at;
      }
    }
    const e = passedIfRequired(s, r, evaluate(s, items, byPoint));
    const override =
      r.overrideEligible === null ? null : { eligible: !!r.overrideEligible, reason: r.overrideReason ?? '' };
    const eligible = override ? override.eligible : e.eligible;
    // Attendee and lecturer credits share the project's cap.
    const { attendee: credits, lecturer } = projectCredits(
      s.cap,
      eligible ? (e.eligible ? e.credits : attendeeCredits(s, e.of)) : 0,
      r.personId ? (taught.get(r.personId) ?? 0) : 0,
    );
    return {
      id: r.id,
      name: r.name,
      affiliation: r.affiliation,
      role: r.role,
      items: e.items,
      minutes: e.minutes,
      of: e.of,
      needed: e.needed,
      computedEligible: e.eligible,
      eligible,
      reasons: e.reasons,
      reason: reasonsText(e.reasons, locale, titles),
      override,
      credits,
      lecturerCredits: lecturer,
      firstIn,
      lastOut,
    };
  });
}
