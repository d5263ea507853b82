// When an event takes registrations: the rule as a plain function, and the same rule as SQL for the atomic insert.
import { sql } from 'drizzle-orm';
import type { Bindable } from '../db';

export type WindowFields = {
  status: 'draft' | 'published' | 'closed';
  startsAt: number;
  endsAt: number;
  registrationOpensAt: number | null;
  registrationClosesAt: number | null;
  registrationUntilEnd: boolean;
};

export const hasEnded = (e: Pick<WindowFields, 'endsAt'>, now: number) => now >= e.endsAt;

/**
 * The moment registration closes: the organiser's own closing time if set, otherwise the start (or the end,
 * when they keep it open during the event); never after the end, since nobody can attend an event that is over.
 */
export const effectiveClose = (e: Omit<WindowFields, 'status' | 'registrationOpensAt'>) =>
  Math.min(e.registrationClosesAt ?? (e.registrationUntilEnd ? e.endsAt : e.startsAt), e.endsAt);

export type RegistrationState = 'draft' | 'not_open' | 'open' | 'closed' | 'ended';

export function registrationState(e: WindowFields, now: number): RegistrationState {
  if (e.status === 'draft') return 'draft';
  if (hasEnded(e, now)) return 'ended';
  if (e.status === 'closed' || now >= effectiveClose(e)) return 'closed';
  if (e.registrationOpensAt !== null && now < e.registrationOpensAt) return 'not_open';
  return 'open';
}

export const isRegistrationOpen = (e: WindowFields, now: number) => registrationState(e, now) === 'open';

/** registrationState's 'open', for an events row aliased `e` inside a statement (kept beside it so the two agree). */
export const openForRegistrationSql = (now: Bindable<number>) => sql`e.status = 'published'
  AND (e.registration_opens_at IS NULL OR e.registration_opens_at <= ${now})
  AND ${now} < min(coalesce(e.registration_closes_at, CASE WHEN e.registration_until_end = 1 THEN e.ends_at ELSE e.starts_at END), e.ends_at)`;
