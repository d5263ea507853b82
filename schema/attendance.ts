// The attendance ledger (sign-in and sign-out scans per registration and point), the CME project and overrides.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { events } from './events';
import { registrations } from './registrations';

export const ATTENDANCE_DIRECTIONS = ['in', 'out'] as const;
/** auto: the cron closed an interval still open when its block ended. */
export const ATTENDANCE_SOURCES = ['scan', 'search', 'auto'] as const;

/**
 * Every sign-in and sign-out as scanned (append-only): intervals are paired from these in time order when read,
 * so offline batches may arrive in any order. point is '' for the whole event, else an agenda item's id.
 * WITHOUT ROWID (0016_attendance_scans_compact.sql): the key serves the ledger read, the desk counters and the
 * close-out, so an insert writes only the table and the clientId index.
 */
export const attendanceScans = sqliteTable(
  'attendance_scans',
  {
    /** Not a key: the close-out names its automatic sign-out after the sign-in's id. */
    id: text('id').notNull(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    registrationId: text('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    point: text('point').notNull(),
    direction: text('direction', { enum: ATTENDANCE_DIRECTIONS }).notNull(),
    scannedAt: integer('scanned_at').notNull(),
    deskId: text('desk_id').notNull().default(''),
    deviceId: text('device_id').notNull().default(''),
    clientId: text('client_id').notNull(),
    source: text('source', { enum: ATTENDANCE_SOURCES }).notNull().default('scan'),
    staffId: text('staff_id'),
    createdAt: integer('created_at').notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.point, t.registrationId, t.scannedAt, t.clientId] }),
    uniqueIndex('attendance_scans_client').on(t.eventId, t.clientId),
  ],
);

/** The event's CME project and credit rule, as the JSON worker/cme/settings.ts validates. */
export const cmeProjects = sqliteTable('cme_projects', {
  eventId: text('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  settings: text('settings').notNull(),
  updatedAt: integer('updated_at').notNull(),
  /** Printed on certificates as the issuer (0013_certificates.sql). */
  organiserName: text('organiser_name').notNull().default(''),
  /** The organiser's seal or signature image in FILES, and its type (image/png or image/jpeg). */
  sealKey: text('seal_key'),
  sealType: text('seal_type'),
});

/** An organiser's decision on one person's eligibility, with the reason (also written to the audit log). */
export const attendanceOverrides = sqliteTable(
  'attendance_overrides',
  {
    registrationId: text('registration_id')
      .primaryKey()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    eligible: integer('eligible', { mode: 'boolean' }).notNull(),
    reason: text('reason').notNull(),
    staffId: text('staff_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('attendance_overrides_event').on(t.eventId)],
);
