// A sign-in or sign-out at a point (the whole event or one agenda item): one D1 round trip, and what the desk shows.
import type { ScanInput, TicketRef } from '../checkin/statements';
import { notFound } from '../http/errors';
import { isoOrNull } from '../lib/time';
import { newId } from '../lib/random';
import { type AttendanceResult, type Direction, type LedgerScan, pairScans, scanOutcome } from './ledger';
import { type LedgerRow, ledgerScans, livePointScan } from './statements';

export type PointRequest = { sessionId?: string | undefined; direction?: Direction | undefined };

/** The point a check-in names: none (the entrance, as before), else the item or, without one, the whole event. */
export const pointOf = (b: PointRequest): { point: string; direction: Direction } | null =>
  b.sessionId || b.direction ? { point: b.sessionId ?? '', direction: b.direction ?? 'in' } : null;

/** Statuses the desk must see before anything else, as for the entrance check-in. */
function statusResult(row: LedgerRow | undefined, eventId: string): AttendanceResult | null {
  if (!row) return 'unknown_ticket';
  if (row.eventId !== eventId) return 'wrong_event';
  if (row.status === 'cancelled') return 'cancelled';
  if (row.status === 'waitlisted') return 'waitlisted';
  // Approval mode: a registration still awaiting approval, or refused, has no seat and signs nothing.
  if (row.status === 'pending') return 'pending';
  if (row.status === 'rejected') return 'rejected';
  return null;
}

/** The answer for one scan: the same for a live scan and for one scan of an offline batch. */
export function presentScan(
  row: LedgerRow | undefined,
  p: { point: string; direction: Direction; clientId: string; eventId: string },
  now: number,
  timezone: string,
) {
  const point = { sessionId: p.point || null, direction: p.direction };
  const status = statusResult(row, p.eventId);
  if (status || !row) {
    const visible = row && status !== 'wrong_event';
    return {
      result: status ?? ('unknown_ticket' as AttendanceResult),
      point,
      registration: visible ? { id: row.id, name: row.name, affiliation: row.affiliation, role: row.role } : null,
      at: null,
      deskId: null,
      automatic: false,
      again: false,
      minutesInside: 0,
      intervalMinutes: null,
      signedIn: false,
      flagged: false,
    };
  }
  const scans = ledgerScans(row.scans);
  const o = scanOutcome(scans, p.clientId, now);
  return {
    result: o.result,
    point,
    registration: { id: row.id, name: row.name, affiliation: row.affiliation, role: row.role },
    at: o.shown ? isoOrNull(o.shown.at, timezone) : null,
    deskId: o.shown?.deskId ?? null,
    /** The shown sign-out was made by the close-out at the block's end. */
    automatic: o.shown?.source === 'auto',
    again: o.again,
    minutesInside: o.minutesInside,
    intervalMinutes: o.intervalMinutes,
    signedIn: o.signedIn,
    /** A sign-out with no sign-in: recorded, and shown to organisers. */
    flagged: o.result === 'not_signed_in',
  };
}

/** A live scan at a point. Timed by the server, as the entrance check-in. */
export async function scanAtPoint(
  d1: D1Database,
  ref: TicketRef,
  scan: ScanInput,
  at: { point: string; direction: Direction },
  timezone: string,
) {
  const source = scan.source === 'search' ? 'search' : 'scan';
  const [, read] = await d1.batch<LedgerRow>([...livePointScan(d1, ref, { ...scan, ...at, source, id: newId('att') })]);
  const row = read?.results[0];
  if (row && row.eventId === scan.eventId && !Number(row.pointOk))
    throw notFound('This agenda item is not part of this event.');
  return presentScan(row, { ...at, clientId: scan.clientId, eventId: scan.eventId }, scan.scannedAt, timezone);
}

/**
 * Two desks letting one badge in while offline: a sign-in this desk accepted, inside an interval that another
 * device's sign-in also opened. Returns that other scan, for the shared-badge list.
 */
export function sharedBadge(scans: readonly LedgerScan[], clientId: string): LedgerScan | null {
  const me = scans.find((s) => s.clientId === clientId);
  if (me?.direction !== 'in') return null;
  const { intervals } = pairScans(scans);
  const within = intervals.find((i) => i.in && i.in.at <= me.at && (!i.out || me.at <= i.out.at));
  if (!within) return null;
  const end = within.out?.at ?? Number.POSITIVE_INFINITY;
  return (
    scans.find(
      (s) =>
        s.direction === 'in' &&
        s.deviceId !== me.deviceId &&
        s.at >= within.in!.at &&
        s.at <= end &&
        s.clientId !== clientId,
    ) ?? null
  );
}
