// The ledger's statements: record a sign-in or sign-out, read one registration's scans at a point, close out ended blocks.
import { sql } from 'drizzle-orm';
import { type Bindable, compiled, placeholders } from '../db';
import type { ScanInput, TicketRef } from '../checkin/statements';
import type { Direction, LedgerScan } from './ledger';
import type { RegistrationStatus } from '../../schema/registrations';

/** '' is the whole event; otherwise an agenda item's id. */
export type PointScan = Omit<ScanInput, 'source'> & {
  point: string;
  direction: Direction;
  source: 'scan' | 'search';
  id: string;
};

type Ref = { code: Bindable<string> } | { registrationId: Bindable<string> };

const match = (ref: Ref) => ('code' in ref ? sql`r.ticket_code = ${ref.code}` : sql`r.id = ${ref.registrationId}`);

/** The whole event (the entrance, point '') always exists; an item must be one of this event's. */
const pointExists = (eventId: Bindable<string>, point: Bindable<string>, entrance: boolean) =>
  entrance ? sql`1` : sql`EXISTS (SELECT 1 FROM sessions WHERE id = ${point} AND event_id = ${eventId})`;

/**
 * Appends the scan for a confirmed registration of this event, at an item of this event. A replayed clientId
 * adds nothing; repeats and order are settled when the scans are paired (ledger.ts), so offline batches need no rule.
 */
export function recordPointScan(
  ref: Ref,
  s: { [K in keyof PointScan]: Bindable<PointScan[K]> },
  entrance = s.point === '',
) {
  return sql`
    INSERT INTO attendance_scans (id, event_id, registration_id, point, direction, scanned_at, desk_id, device_id, client_id, source, staff_id)
    SELECT ${s.id}, r.event_id, r.id, ${s.point}, ${s.direction}, ${s.scannedAt}, ${s.deskId}, ${s.deviceId}, ${s.clientId}, ${s.source}, ${s.staffId}
    FROM registrations r WHERE ${match(ref)} AND r.event_id = ${s.eventId} AND r.status = 'confirmed' AND ${pointExists(s.eventId, s.point, entrance)}
    ON CONFLICT (event_id, client_id) DO NOTHING`;
}

export type LedgerRow = {
  id: string;
  eventId: string;
  status: RegistrationStatus;
  name: string;
  affiliation: string;
  role: string;
  pointOk: number;
  /** JSON: [[clientId, direction, scannedAt, deskId, deviceId, source], …] */
  scans: string;
};

export function readLedger(
  ref: Ref,
  eventId: Bindable<string>,
  point: Bindable<string>,
  pointOk = pointExists(eventId, point, point === ''),
) {
  return sql`
    SELECT r.id, r.event_id AS eventId, r.status, r.name, r.affiliation, r.role, ${pointOk} AS pointOk,
      (SELECT json_group_array(json_array(a.client_id, a.direction, a.scanned_at, a.desk_id, a.device_id, a.source))
       FROM attendance_scans a WHERE a.event_id = r.event_id AND a.point = ${point} AND a.registration_id = r.id) AS scans
    FROM registrations r WHERE ${match(ref)}`;
}

/**
 * The ledger read that directly follows recordPointScan in the same batch (a live scan). A recorded scan proves the
 * item exists, so the item is looked up again only when nothing was recorded (a replay, a ticket that cannot sign in,
 * an unknown item): a first sign-in reads one row fewer. changes() is the INSERT's count, as SQLite runs a batch's
 * statements one after another on one connection.
 */
export const readLedgerAfterRecord = (
  ref: Ref,
  eventId: Bindable<string>,
  point: Bindable<string>,
  entrance = point === '',
) =>
  readLedger(
    ref,
    eventId,
    point,
    entrance ? sql`1` : sql`CASE WHEN changes() > 0 THEN 1 ELSE ${pointExists(eventId, point, false)} END`,
  );

type LiveValues = Omit<PointScan, 'id'> & { id: string; ref: string };
const live = placeholders<LiveValues>();
const livePairs = new Map<string, ReturnType<typeof livePair>>();
/** A live scan's two statements, rendered once per kind of ticket reference and of point (see compiled()). */
function livePair(byCode: boolean, entrance: boolean) {
  const ref = byCode ? { code: live.ref } : { registrationId: live.ref };
  return [
    compiled<LiveValues>(recordPointScan(ref, live, entrance)),
    compiled<LiveValues>(readLedgerAfterRecord(ref, live.eventId, live.point, entrance)),
  ] as const;
}

/** A live scan at a point: record it, then read the ledger, as two bound statements of one batch. */
export function livePointScan(d1: D1Database, ref: TicketRef, s: PointScan) {
  const byCode = 'code' in ref;
  const key = `${byCode}:${s.point === ''}`;
  let pair = livePairs.get(key);
  if (!pair) livePairs.set(key, (pair = livePair(byCode, s.point === '')));
  const values = { ...s, ref: byCode ? ref.code : ref.registrationId };
  return [pair[0](d1, values), pair[1](d1, values)] as const;
}

export const ledgerScans = (json: string | null): LedgerScan[] =>
  (JSON.parse(json || '[]') as [string, Direction, number, string, string, LedgerScan['source']][]).map(
    ([clientId, direction, at, deskId, deviceId, source]) => ({ clientId, direction, at, deskId, deviceId, source }),
  );

/** Looks back this far for blocks that ended: a cron run missed for a day still closes them. */
const CLOSE_LOOKBACK_MS = 2 * 24 * 3600_000;

/**
 * Signs out, at the block's end, everyone still signed in at a block (or the whole event) that has ended, marked
 * automatic. Keyed by the open sign-in, so a second cron run adds nothing.
 */
export function closeEndedBlocks(now: number) {
  const since = now - CLOSE_LOOKBACK_MS;
  return sql`
    INSERT INTO attendance_scans (id, event_id, registration_id, point, direction, scanned_at, client_id, source)
    SELECT 'att_' || lower(hex(randomblob(10))), s.event_id, s.registration_id, s.point, 'out', p.ends_at, 'auto:' || s.id, 'auto'
    FROM (SELECT id AS point, event_id, ends_at FROM sessions WHERE ends_at <= ${now} AND ends_at > ${since}
          UNION ALL SELECT '', id, ends_at FROM events WHERE ends_at <= ${now} AND ends_at > ${since}) p
    JOIN attendance_scans s ON s.event_id = p.event_id AND s.point = p.point AND s.direction = 'in' AND s.scanned_at < p.ends_at
    WHERE NOT EXISTS (SELECT 1 FROM attendance_scans o WHERE o.event_id = s.event_id AND o.point = s.point AND o.registration_id = s.registration_id
                        AND (o.scanned_at > s.scanned_at OR (o.scanned_at = s.scanned_at AND o.direction = 'out')))
    ON CONFLICT (event_id, client_id) DO NOTHING`;
}
