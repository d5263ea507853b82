// Deciding a sign-in or sign-out at a desk that may be offline: the server when it answers in time, the saved list when it does not.
import type { Outcome, Scan } from './checkin';
import type { OfflineStore, SavedTicket } from './offline-store';
import { type Point, type PointResponse, type PointShown, submitPointScan } from './point';
import { ticketHash } from './ticket-hash';

/** As for the entrance: venue Wi-Fi often connects but carries nothing. */
const LIVE_TIMEOUT_MS = 3000;
/** Answers after which the person's last scan at the point is this one's direction. */
const RECORDED: readonly string[] = [
  'signed_in',
  'already_signed_in',
  'signed_out',
  'already_signed_out',
  'not_signed_in',
];

export type PointOutcome = Outcome<PointShown> | { kind: 'not_saved' };

function answer(
  ticket: SavedTicket,
  result: PointResponse['result'],
  at: NonNullable<Point>,
  scan: Scan,
  queued: boolean,
) {
  const moved = result === 'signed_in' || result === 'signed_out';
  const value: PointShown = {
    result,
    point: { sessionId: at.sessionId || null, direction: at.direction },
    registration: { id: ticket.id, name: ticket.name, affiliation: ticket.affiliation, role: ticket.role },
    at: moved ? scan.scannedAt : null,
    deskId: moved ? scan.deskId : null,
    automatic: false,
    again: false,
    // The minutes need every desk's scans: the server counts them once this one syncs.
    minutesInside: 0,
    intervalMinutes: null,
    signedIn: result === 'signed_in' || result === 'already_signed_in',
    flagged: false,
    savedOffline: queued,
  };
  return { kind: 'ok' as const, value };
}

export async function checkPointScan(
  scan: Scan,
  at: NonNullable<Point>,
  s: OfflineStore | null,
  desk: {
    reachable: () => boolean;
    reached: (live: Outcome<PointResponse>) => void;
    fallingBack: (timedOut: boolean) => void;
    queued: () => void;
  },
): Promise<PointOutcome> {
  const asking = navigator.onLine && desk.reachable();
  if (asking) {
    const live = await submitPointScan(scan, at, LIVE_TIMEOUT_MS);
    if (live.kind !== 'offline') {
      desk.reached(live);
      if (s && live.kind === 'ok' && live.value.registration && RECORDED.includes(live.value.result))
        void s.rememberPoint(live.value.registration.id, at).catch(() => {});
      return live;
    }
  }
  desk.fallingBack(asking);
  if (!s) return { kind: 'offline' };
  try {
    const by = scan.registrationId ? { id: scan.registrationId } : { hash: await ticketHash(scan.code ?? '') };
    const local = await s.admitAtPoint(
      by,
      {
        clientId: scan.clientId,
        code: scan.code,
        registrationId: scan.registrationId,
        scannedAt: scan.scannedAt,
        deskId: scan.deskId,
      },
      at,
    );
    if (local.kind === 'not_saved') return local;
    if (local.queued) desk.queued();
    return answer(local.ticket, local.result, at, scan, local.queued);
  } catch {
    return { kind: 'offline' };
  }
}
