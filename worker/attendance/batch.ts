// Offline sync for sign-ins and sign-outs: the three statements per scan the batch route runs, and what they mean.
import type { ScanInput, TicketRef } from '../checkin/statements';
import { newId } from '../lib/random';
import type { Direction } from './ledger';
import { presentScan, sharedBadge } from './scan';
import { type LedgerRow, ledgerScans, readLedger, recordPointScan } from './statements';

/** Same shape as the entrance's [before, record, after], so the batch route indexes both alike. */
export function pointScanStatements(ref: TicketRef, scan: ScanInput, at: { point: string; direction: Direction }) {
  const source = scan.source === 'search' ? 'search' : 'scan';
  return [
    readLedger(ref, scan.eventId, at.point),
    recordPointScan(ref, { ...scan, ...at, source, id: newId('att') }),
    readLedger(ref, scan.eventId, at.point),
  ];
}

/** The desk's answer for one synced scan, and a shared badge when this desk let the person in and another did too. */
export function pointScanResult(
  after: LedgerRow | undefined,
  p: { point: string; direction: Direction; clientId: string; eventId: string; localResult?: string | undefined },
  now: number,
  timezone: string,
) {
  const answer = presentScan(after, p, now, timezone);
  let conflict: { reg: string; kept: [string, string, number]; other: [string, string, number] } | null = null;
  if (after && after.eventId === p.eventId && p.localResult === 'signed_in') {
    const scans = ledgerScans(after.scans);
    const other = sharedBadge(scans, p.clientId);
    const me = scans.find((s) => s.clientId === p.clientId);
    if (other && me) {
      const [kept, second] = other.at <= me.at ? [other, me] : [me, other];
      conflict = {
        reg: after.id,
        kept: [kept.clientId, kept.deskId, kept.at],
        other: [second.clientId, second.deskId, second.at],
      };
    }
  }
  return { answer, conflict };
}
