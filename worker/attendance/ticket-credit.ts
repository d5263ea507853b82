// One attendee's CME credit as their ticket page shows it after the event: eligible or not, the credits, and why in
// words. The same rule and report as the organiser's list (worker/attendance/report.ts), read for one registration.
import { sql } from 'drizzle-orm';
import type { CmeSettings } from '../cme/settings';
import {
  agendaOf,
  eventOfCode,
  ledgerOf,
  regOfCode,
  teachersOf,
  ticketHead,
  type TicketHead,
} from '../evaluation/reads';
import { hasEnded } from '../events/window';
import type { Locale } from '../http/messages';
import { attendanceReport, type ScanRow, type SessionRow, type TeachingRow } from './report';

/** What the credit needs, as statements for the caller's batch (one round trip with its own reads). */
export const ticketCreditReads = (code: string) =>
  [
    ticketHead(code),
    agendaOf(eventOfCode(code)),
    ledgerOf(eventOfCode(code), regOfCode(code)),
    teachersOf(eventOfCode(code)),
    sql`SELECT max(passed) AS passed FROM assessment_attempts WHERE event_id = ${eventOfCode(code)} AND registration_id = ${regOfCode(code)}`,
  ] as const;

export type TicketCredit = {
  eligible: boolean;
  credits: number;
  /** Why, in words, when the rule decided; empty when the organiser's override did (its note stays with them). */
  reason: string;
  decidedByOrganiser: boolean;
};

/**
 * The credit of an attendee whose event has a CME project and has ended; null otherwise (before the end a partial
 * day would read as a refusal, and speakers' and guests' teaching certificates speak for them).
 */
export function ticketCredit(
  [head, agenda, scans, teachers, attempts]: readonly unknown[][],
  locale: Locale,
  now: number,
): TicketCredit | null {
  const h = head[0] as TicketHead | undefined;
  if (!h?.cme || h.status !== 'confirmed' || h.role !== 'attendee' || !hasEnded(h, now)) return null;
  const passed = (attempts[0] as { passed: number | null } | undefined)?.passed ?? null;
  const [p] = attendanceReport(
    JSON.parse(h.cme) as CmeSettings,
    agenda as SessionRow[],
    [{ ...h, assessmentPassed: passed }],
    scans as ScanRow[],
    teachers as TeachingRow[],
    locale,
  );
  if (!p) return null;
  return {
    eligible: p.eligible,
    credits: p.credits,
    reason: p.override ? '' : p.reason,
    decidedByOrganiser: !!p.override,
  };
}
