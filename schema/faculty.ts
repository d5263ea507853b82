// The faculty portal: personal links, answers to each invitation, profile changes, disclosures, consents and logistics.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { events, people, sessions } from './events';

export const RELATIONSHIP_TYPES = [
  'consultant',
  'speakers_bureau',
  'research_funding',
  'stock',
  'employee',
  'other',
] as const;
export const FACULTY_ANSWERS = ['confirmed', 'declined'] as const;

/** A person's portal links: only the hash of each is kept; renewing revokes every earlier one. */
export const facultyLinks = sqliteTable(
  'faculty_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('faculty_links_person').on(t.personId, t.createdAt)],
);

/** A person's answer to one invitation (a session they are on); no row yet means not answered. */
export const facultyResponses = sqliteTable(
  'faculty_responses',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    status: text('status', { enum: FACULTY_ANSWERS }).notNull(),
    note: text('note').notNull().default(''),
    respondedAt: integer('responded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('faculty_responses_person').on(t.personId)],
);

/** What a person gave through the portal; one row per person, written on their first save. */
export const facultyProfiles = sqliteTable(
  'faculty_profiles',
  {
    personId: text('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** Profile changes awaiting the organiser's approval (JSON), when the event asks for approval. */
    pending: text('pending'),
    pendingAt: integer('pending_at'),
    /** { nothing, items: [{ company, relationship, status }], offLabel } (JSON); shown publicly once signed. */
    disclosure: text('disclosure'),
    disclosureSignedName: text('disclosure_signed_name'),
    disclosureSignedAt: integer('disclosure_signed_at'),
    consentRecording: integer('consent_recording', { mode: 'boolean' }),
    consentSlides: integer('consent_slides', { mode: 'boolean' }),
    consentAt: integer('consent_at'),
    /** Arrival, departure, hotel, dietary needs, payee and bank name (JSON); the account number sits apart. */
    logistics: text('logistics'),
    /** Sensitive: never answered whole except by the organiser's audited reveal. */
    bankAccount: text('bank_account'),
    logisticsAt: integer('logistics_at'),
    /** Materials uploaded, kept by the materials feature (slides upload) for the board. */
    slides: integer('slides').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('faculty_profiles_event').on(t.eventId)],
);

/** The organiser's portal settings for an event; no row means the defaults. */
export const facultySettings = sqliteTable('faculty_settings', {
  eventId: text('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  approveChanges: integer('approve_changes', { mode: 'boolean' }).notNull().default(true),
  /** Local calendar days (YYYY-MM-DD, event time zone) on which the cron reminds people of what is missing (JSON). */
  reminderDays: text('reminder_days').notNull().default('[]'),
});

/** One reminder per person per reminder day, whatever the cron's schedule: the primary key makes a rerun a no-op. */
export const facultyReminders = sqliteTable(
  'faculty_reminders',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    items: text('items').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.day] })],
);
