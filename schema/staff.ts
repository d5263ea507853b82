// Staff accounts, their per-event roles, sign-in links and sessions, and the audit log.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { events } from './events';

export const STAFF_ROLES = ['organiser', 'desk'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const staff = sqliteTable(
  'staff',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    /** The install's owner (OWNER_EMAIL) organises every event. */
    isOwner: integer('is_owner', { mode: 'boolean' }).notNull().default(false),
    /** A desk device signed in by scanning a pairing code, rather than a person. */
    pairingId: text('pairing_id'),
    createdAt: integer('created_at').notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
  },
  (t) => [uniqueIndex('staff_email').on(t.email)],
);

export const staffRoles = sqliteTable(
  'staff_roles',
  {
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.eventId] })],
);

/** One-time sign-in links; only a hash of the token is stored. */
export const signInTokens = sqliteTable('sign_in_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  staffId: text('staff_id')
    .notNull()
    .references(() => staff.id, { onDelete: 'cascade' }),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
});

export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    createdAt: integer('created_at').notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
  },
  (t) => [index('staff_sessions_staff').on(t.staffId)],
);

export const audit = sqliteTable(
  'audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: text('event_id'),
    staffId: text('staff_id'),
    action: text('action').notNull(),
    detail: text('detail').notNull().default('{}'),
    createdAt: integer('created_at').notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
  },
  (t) => [index('audit_event').on(t.eventId, t.createdAt)],
);

/** Pairing codes an organiser shows as a QR: a desk session for one event, limited in time and uses, revocable. */
export const pairings = sqliteTable(
  'pairings',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    label: text('label').notNull().default(''),
    maxUses: integer('max_uses').notNull(),
    uses: integer('uses').notNull().default(0),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
  },
  (t) => [uniqueIndex('pairings_token').on(t.tokenHash), index('pairings_event').on(t.eventId)],
);

/** Fixed-window counters for the sign-in and pairing limits. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
});

/** Token buckets for the registration limit: when each key's bucket is full again (worker/http/rate-limit.ts). */
export const rateBuckets = sqliteTable('rate_buckets', {
  key: text('key').primaryKey(),
  refilledAt: integer('refilled_at').notNull(),
});
