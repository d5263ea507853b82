// Events and their programme: agenda items, the people on them, and who plays which role.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const EVENT_STATUSES = ['draft', 'published', 'closed'] as const;
export const SESSION_KINDS = ['talk', 'panel', 'ceremony', 'break'] as const;
export const SESSION_ROLES = ['speaker', 'panelist', 'moderator', 'host'] as const;
/** open: anyone registers; approval: each registration waits for an organiser; invitation: only invited addresses. */
export const REGISTRATION_MODES = ['open', 'approval', 'invitation'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

const now = sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`;

export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionZh: text('description_zh').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    venueZh: text('venue_zh').notNull(),
    venueEn: text('venue_en').notNull(),
    addressZh: text('address_zh').notNull().default(''),
    addressEn: text('address_en').notNull().default(''),
    /** Who attendees may ask (a name, a phone, an email), free text in each language (migration 0023). */
    contactZh: text('contact_zh').notNull().default(''),
    contactEn: text('contact_en').notNull().default(''),
    timezone: text('timezone').notNull(),
    /** UTC epoch milliseconds, as every time in the database. */
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    /**
     * Confirmed attendees, kept by the registrations_seats_insert/_delete/_update triggers (0004_seat_counter.sql,
     * noted on registrations) so seat checks read one row, not the whole list. The Worker never writes it.
     */
    seatsTaken: integer('seats_taken').notNull().default(0),
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('draft'),
    registrationOpensAt: integer('registration_opens_at'),
    registrationClosesAt: integer('registration_closes_at'),
    /** Without a closing time, registration closes when the event starts; true keeps it open until the end. */
    registrationUntilEnd: integer('registration_until_end', { mode: 'boolean' }).notNull().default(false),
    registrationMode: text('registration_mode', { enum: REGISTRATION_MODES }).notNull().default('open'),
    /** The registration questions as one JSON list (worker/questions/model.ts), removed ones kept and marked. */
    questions: text('questions').notNull().default('[]'),
    /** Bumped on every change of `questions`: registration inserts only against the revision it validated with. */
    questionsRev: integer('questions_rev').notNull().default(0),
    createdAt: integer('created_at').notNull().default(now),
    updatedAt: integer('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('events_slug_unique').on(t.slug)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SESSION_KINDS }).notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionZh: text('description_zh').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    roomZh: text('room_zh').notNull().default(''),
    roomEn: text('room_en').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('sessions_event_start').on(t.eventId, t.startsAt, t.position)],
);

export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    honorificZh: text('honorific_zh').notNull().default(''),
    honorificEn: text('honorific_en').notNull().default(''),
    institutionZh: text('institution_zh').notNull().default(''),
    institutionEn: text('institution_en').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    bioZh: text('bio_zh').notNull().default(''),
    bioEn: text('bio_en').notNull().default(''),
    photoUrl: text('photo_url'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('people_event').on(t.eventId, t.position)],
);

export const sessionPeople = sqliteTable(
  'session_people',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: SESSION_ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('session_people_person').on(t.personId)],
);
