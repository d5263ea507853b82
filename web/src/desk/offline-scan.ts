// Deciding a scan at a desk that may be offline: the server when it answers in time, the saved list when it does not.
import { type CheckinResponse, type Outcome, type Scan, submitScan } from './checkin';
import type { OfflineStore, SavedTicket } from './offline-store';
import { ticketHash } from './ticket-hash';

/** How long a scan waits for the server before the saved list answers: venue Wi-Fi often connects but carries nothing. */
const LIVE_TIMEOUT_MS = 3000;

export type ScanOutcome = Outcome<CheckinResponse> | { kind: 'not_saved' };

function answer(ticket: SavedTicket, result: CheckinResponse['result'], savedOffline: boolean): ScanOutcome {
  return {
    kind: 'ok',
    value: {
      result,
      registration: {
        id: ticket.id,
        name: ticket.name,
        affiliation: ticket.affiliation,
        role: ticket.role,
        details: ticket.details,
      },
      checkedInAt: result === 'checked_in' || result === 'already_checked_in' ? ticket.checkedInAt : null,
      deskId: ticket.deskId,
      savedOffline,
    },
  };
}

/** Online, the server decides as always; offline (or when it does not answer in time), the saved list decides at once. */
export async function checkScan(
  scan: Scan,
  s: OfflineStore | null,
  desk: {
    /** The server was reachable last time anyone asked. */
    reachable: () => boolean;
    /** Notes what the server answered (including that it could not be reached). */
    reached: (live: Outcome<CheckinResponse>) => void;
    /** The saved list is about to answer; `timedOut` when the server was asked and did not answer in time. */
    fallingBack: (timedOut: boolean) => void;
    /** A scan was let in here and waits to be synced. */
    queued: () => void;
  },
): Promise<ScanOutcome> {
  const by = scan.registrationId ? { id: scan.registrationId } : { hash: await ticketHash(scan.code ?? '') };
  try {
    // Someone let in here offline is not on the server yet: only this device knows they are already in.
    const mine = s ? await s.ticket(by) : undefined;
    if (mine?.pending) return answer(mine, 'already_checked_in', false);
  } catch {
    /* unreadable store: ask the server */
  }

  const asking = navigator.onLine && desk.reachable();
  if (asking) {
    const live = await submitScan(scan, LIVE_TIMEOUT_MS);
    if (live.kind !== 'offline') {
      desk.reached(live);
      if (s && live.kind === 'ok' && live.value.registration?.id)
        void s.remember(live.value.registration.id, live.value.checkedInAt, live.value.deskId).catch(() => {});
      return live;
    }
  }
  desk.fallingBack(asking);
  if (!s) return { kind: 'offline' };
  try {
    const local = await s.admit(by, {
      clientId: scan.clientId,
      code: scan.code,
      registrationId: scan.registrationId,
      scannedAt: scan.scannedAt,
      deskId: scan.deskId,
    });
    if (local.kind === 'not_saved') return local;
    if (local.queued) desk.queued();
    return answer(local.ticket, local.result, local.queued);
  } catch {
    return { kind: 'offline' };
  }
}
