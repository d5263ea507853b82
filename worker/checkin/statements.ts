// The check-in statements: insert the first scan, then read what the desk should see, in one round trip.
import { sql } from 'drizzle-orm';
import { deskAnswerColumns } from '../questions/desk';
import { ticketCodeFrom } from './outcome';
import type { RegistrationRole, RegistrationStatus } from '../../schema/registrations';

export type ScanInput = {
  eventId: string;
  deskId: string;
  deviceId: string;
  clientId: string;
  scannedAt: number;
  source: 'scan' | 'search' | 'walk_in';
  staffId: string | null;
};

const changedNow = sql`CAST(unixepoch('subsec') * 1000 AS INTEGER)`;

/** Which registration: by ticket code (scan) or by id (search). */
export type TicketRef = { code: string } | { registrationId: string };

/**
 * A live scan from the desk (entrance check-in or a point's sign-in/out): which ticket, and the scan as recorded.
 * Timed by the server: desk clocks drift, and the first to arrive wins.
 */
export function liveScan(
  body: {
    registrationId?: string | undefined;
    code?: string | undefined;
    deskId: string;
    deviceId: string;
    clientId: string;
    source: ScanInput['source'];
  },
  eventId: string,
  staffId: string,
): { ref: TicketRef; scan: ScanInput } {
  return {
    ref: body.registrationId ? { registrationId: body.registrationId } : { code: ticketCodeFrom(body.code!) },
    scan: {
      eventId,
      deskId: body.deskId,
      deviceId: body.deviceId,
      clientId: body.clientId,
      scannedAt: Date.now(),
      source: body.source,
      staffId,
    },
  };
}
const match = (ref: TicketRef) =>
  'code' in ref ? sql`r.ticket_code = ${ref.code}` : sql`r.id = ${ref.registrationId}`;

/**
 * Records a check-in for a confirmed registration of this event. Live scans: the first to arrive wins.
 * Synced offline scans: the earliest scan time wins, since a desk may sync a scan made before one recorded.
 */
export function recordCheckin(ref: TicketRef, s: ScanInput, rule: 'first_arrival' | 'earliest_scan' = 'first_arrival') {
  if (rule === 'first_arrival') {
    return sql`
    INSERT INTO checkins (registration_id, event_id, desk_id, device_id, client_id, source, scanned_at, staff_id, changed_at)
    SELECT r.id, r.event_id, ${s.deskId}, ${s.deviceId}, ${s.clientId}, ${s.source}, ${s.scannedAt}, ${s.staffId}, ${changedNow}
    FROM registrations r WHERE ${match(ref)} AND r.event_id = ${s.eventId} AND r.status = 'confirmed'
    ON CONFLICT (registration_id) DO NOTHING`;
  }
  return sql`
    INSERT INTO checkins (registration_id, event_id, desk_id, device_id, client_id, source, scanned_at, staff_id, changed_at)
    SELECT r.id, r.event_id, ${s.deskId}, ${s.deviceId}, ${s.clientId}, ${s.source}, ${s.scannedAt}, ${s.staffId}, ${changedNow}
    FROM registrations r WHERE ${match(ref)} AND r.event_id = ${s.eventId} AND r.status = 'confirmed'
    ON CONFLICT (registration_id) DO UPDATE SET
      scanned_at = excluded.scanned_at, desk_id = excluded.desk_id, device_id = excluded.device_id,
      client_id = excluded.client_id, source = excluded.source, staff_id = excluded.staff_id, changed_at = excluded.changed_at
    WHERE excluded.scanned_at < checkins.scanned_at AND excluded.client_id != checkins.client_id`;
}

/** The row readTicketState returns: the registration and its first check-in, if any. */
export type TicketStateRow = {
  id: string;
  eventId: string;
  status: RegistrationStatus;
  name: string;
  affiliation: string;
  role: RegistrationRole;
  clientId: string | null;
  scannedAt: number | null;
  deskId: string | null;
  answers: string;
  questions: string | null;
};

export function readTicketState(ref: TicketRef) {
  return sql`
    SELECT r.id, r.event_id AS eventId, r.status, r.name, r.affiliation, r.role,
           c.client_id AS clientId, c.scanned_at AS scannedAt, c.desk_id AS deskId, ${deskAnswerColumns}
    FROM registrations r LEFT JOIN checkins c ON c.registration_id = r.id
    WHERE ${match(ref)}`;
}
