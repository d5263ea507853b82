// The check-in statements: record the first scan on the registration's row, and read what the desk should see.
import { type SQL, sql } from 'drizzle-orm';
import { type Bindable, compiled, placeholders } from '../db';
import { deskAnswerColumnsOf } from '../questions/desk';
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
const match = (ref: TicketRef) => ('code' in ref ? sql`ticket_code = ${ref.code}` : sql`id = ${ref.registrationId}`);

/** The scan's values, or placeholders for them in a statement rendered once. */
type ScanValues = { [K in keyof Omit<ScanInput, 'eventId'>]: Bindable<ScanInput[K]> };

/** The scan as the registration's check-in columns (migration 0022), each value beside its column. */
function checkinValues(s: ScanValues) {
  return [
    [sql.raw('checked_in_at'), sql`${s.scannedAt}`],
    [sql.raw('checkin_desk_id'), sql`${s.deskId}`],
    [sql.raw('checkin_device_id'), sql`${s.deviceId}`],
    [sql.raw('checkin_client_id'), sql`${s.clientId}`],
    [sql.raw('checkin_source'), sql`${s.source}`],
    [sql.raw('checkin_staff_id'), sql`${s.staffId}`],
    [sql.raw('checkin_created_at'), sql`coalesce(checkin_created_at, ${changedNow})`],
    [sql.raw('checkin_changed_at'), changedNow],
  ] as const;
}

/** The scan admits: a confirmed registration of this event, not yet checked in. */
const admits = (eventId: Bindable<string>) =>
  sql`status = 'confirmed' AND event_id = ${eventId} AND checked_in_at IS NULL`;

/**
 * Records a check-in for a confirmed registration of this event, on its row. Live scans: the first to arrive wins.
 * Synced offline scans: the earliest scan time wins, since a desk may sync a scan made before one recorded.
 */
export function recordCheckin(
  ref: TicketRef | { where: SQL },
  s: ScanInput,
  rule: 'first_arrival' | 'earliest_scan' = 'first_arrival',
) {
  const set = sql.join(
    checkinValues(s).map(([col, v]) => sql`${col} = ${v}`),
    sql`, `,
  );
  const when =
    rule === 'first_arrival'
      ? admits(s.eventId)
      : sql`status = 'confirmed' AND event_id = ${s.eventId}
          AND (checked_in_at IS NULL OR (${s.scannedAt} < checked_in_at AND ${s.clientId} != checkin_client_id))`;
  return sql`UPDATE registrations SET ${set} WHERE ${'where' in ref ? ref.where : match(ref)} AND ${when}`;
}

/** The columns of a TicketStateRow, from the registrations row named `r`. */
const ticketStateColumns = (
  r: SQL,
) => sql`${r}.id, ${r}.event_id AS eventId, ${r}.status, ${r}.name, ${r}.affiliation, ${r}.role,
  ${r}.checkin_client_id AS clientId, ${r}.checked_in_at AS scannedAt, ${r}.checkin_desk_id AS deskId, ${deskAnswerColumnsOf(r)}`;

type LiveValues = Omit<ScanInput, 'source'> & { source: string; ref: string };
const live = placeholders<LiveValues>();

/**
 * A live scan in one statement: records the check-in as recordCheckin does (first arrival wins) and returns the
 * ticket's state after it, the row readTicketState reads. Each column is set to itself unless the scan admits, so
 * the ticket's row comes back whatever it holds (already in, another event's, not confirmed); no index is written.
 * Rendered once per key (ticket code or registration id).
 */
const liveCheckin = (key: 'ticket_code' | 'id') =>
  compiled<LiveValues>(sql`UPDATE registrations SET ${sql.join(
    checkinValues(live).map(([col, v]) => sql`${col} = CASE WHEN ${admits(live.eventId)} THEN ${v} ELSE ${col} END`),
    sql`, `,
  )}
    WHERE ${sql.raw(key)} = ${live.ref}
    RETURNING ${ticketStateColumns(sql.raw('registrations'))}`);
const liveByCode = liveCheckin('ticket_code');
const liveById = liveCheckin('id');

/** The live scan's statement, bound: see liveCheckin. */
export const checkInStatement = (d1: D1Database, ref: TicketRef, s: ScanInput) =>
  ('code' in ref ? liveByCode : liveById)(d1, { ...s, ref: 'code' in ref ? ref.code : ref.registrationId });

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
  return sql`SELECT ${ticketStateColumns(sql.raw('registrations'))} FROM registrations WHERE ${match(ref)}`;
}
