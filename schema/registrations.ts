// Registrations (one live one per person per event, each with an unguessable ticket code) and check-ins.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, sqliteView, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { events, people } from './events';

/** pending: awaiting the organiser's approval (no seat); rejected: the organiser said no (migration 0011). */
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'pending', 'rejected'] as const;
export const REGISTRATION_ROLES = ['attendee', 'speaker', 'guest', 'staff'] as const;
export const CHECKIN_SOURCES = ['scan', 'search', 'walk_in'] as const;

export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export type RegistrationRole = (typeof REGISTRATION_ROLES)[number];

/**
 * Hand-written triggers on this table (drizzle-kit cannot express them; see the migrations named):
 * - registrations_promoted_email (0001_outbox_triggers.sql): a registration moved from waitlisted to confirmed, by
 *   any code path, gets its 'promoted' outbox email in the same statement.
 * - registrations_seats_insert / _delete / _update (0004_seat_counter.sql): events.seats_taken always equals the
 *   event's confirmed attendees, so a seat check reads one row.
 */
export const registrations = sqliteTable(
  'registrations',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    ticketCode: text('ticket_code').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** Trimmed and lower-cased: the key for "one registration per email per event". */
    emailKey: text('email_key').notNull(),
    phone: text('phone').notNull().default(''),
    affiliation: text('affiliation').notNull().default(''),
    jobTitle: text('job_title').notNull().default(''),
    locale: text('locale', { enum: ['zh-CN', 'en'] })
      .notNull()
      .default('zh-CN'),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
    role: text('role', { enum: REGISTRATION_ROLES }).notNull().default('attendee'),
    personId: text('person_id').references(() => people.id, { onDelete: 'set null' }),
    consentAt: integer('consent_at'),
    /** Answers to the event's questions as one JSON object { questionId: value }, written with the registration. */
    answers: text('answers').notNull().default('{}'),
    /**
     * The site origin its emails link to: the registering request's (for the confirmation's trigger, migration 0024),
     * then the promoting request's, for the links in the promotion email.
     */
    promotedOrigin: text('promoted_origin'),
    createdAt: integer('created_at').notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
    updatedAt: integer('updated_at').notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
    /** The hash of the first management link's token (the confirmation's); later links' hashes are in manage_tokens. */
    manageHash: text('manage_hash'),
    // The check-in, on the row itself (migration 0022): the first scan rewrites this row in place and no index.
    /** When the person was first admitted (an offline sync may move it earlier); null until then. */
    checkedInAt: integer('checked_in_at'),
    checkinDeskId: text('checkin_desk_id'),
    checkinDeviceId: text('checkin_device_id'),
    /** The scan's id on the desk: a retried scan with the same id reads as the same admission. */
    checkinClientId: text('checkin_client_id'),
    checkinSource: text('checkin_source', { enum: CHECKIN_SOURCES }),
    checkinStaffId: text('checkin_staff_id'),
    checkinCreatedAt: integer('checkin_created_at'),
    /** When the check-in last changed (recorded, or moved earlier by a sync); desks pull changes since. */
    checkinChangedAt: integer('checkin_changed_at'),
  },
  (t) => [
    uniqueIndex('registrations_ticket_code').on(t.ticketCode),
    // One live registration per email per event: a cancelled one does not stop the person registering again.
    uniqueIndex('registrations_event_email').on(t.eventId, t.emailKey).where(sql`status != 'cancelled'`),
    index('registrations_event_status').on(t.eventId, t.status, t.role, t.createdAt),
    // Registration order: the console's default sort and the CSV export's pages walk it without sorting. It also
    // carries the search columns, so desk search reads this one index range and a registration writes no other.
    // (The search's expressions: worker/checkin/search.ts, spelled there exactly as here and in migration 0018.)
    index('registrations_event_created').on(
      t.eventId,
      t.createdAt,
      t.id,
      sql`lower(\`name\`)`,
      sql`lower(\`affiliation\`)`,
      sql.raw(
        "char(29) || replace(replace(replace(replace(replace(replace(replace(`phone`, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), char(9), ''), char(160), '') || char(28) || CASE WHEN `email` = '' OR substr(`email`, 1, 7) = 'erased+' THEN '' ELSE `email_key` END || char(31)",
      ),
    ),
  ],
);

/**
 * Check-ins as they were a table of their own, read-only (a view over the registrations' check-in columns, migration
 * 0022): one row per registration admitted. Writes go to the registration's row (worker/checkin/statements.ts).
 */
export const checkins = sqliteView('checkins', {
  registrationId: text('registration_id').notNull(),
  eventId: text('event_id').notNull(),
  deskId: text('desk_id').notNull(),
  deviceId: text('device_id').notNull(),
  clientId: text('client_id').notNull(),
  source: text('source', { enum: CHECKIN_SOURCES }).notNull(),
  scannedAt: integer('scanned_at').notNull(),
  staffId: text('staff_id'),
  createdAt: integer('created_at').notNull(),
  changedAt: integer('changed_at').notNull(),
}).existing();

/** One ticket admitted at two desks while they were offline: a possible shared badge, shown to organisers. */
export const checkinConflicts = sqliteTable(
  'checkin_conflicts',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    registrationId: text('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    keptClientId: text('kept_client_id').notNull(),
    keptDeskId: text('kept_desk_id').notNull(),
    keptAt: integer('kept_at').notNull(),
    otherClientId: text('other_client_id').notNull(),
    otherDeskId: text('other_desk_id').notNull(),
    otherAt: integer('other_at').notNull(),
    createdAt: integer('created_at').notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
  },
  (t) => [
    uniqueIndex('checkin_conflicts_pair').on(t.registrationId, t.otherClientId),
    index('checkin_conflicts_event').on(t.eventId, t.createdAt),
  ],
);

/** Hashes of the emailed links that may cancel or erase a registration (the badge's ticket code cannot). */
export const manageTokens = sqliteTable(
  'manage_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    registrationId: text('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('manage_tokens_registration').on(t.registrationId)],
);
