// Invitations to an invitation-only event: one per address per event, each with its own link (only the hash is kept).
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { events } from './events';

export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** Trimmed and lower-cased, as registrations.email_key: the link registers this address only. */
    emailKey: text('email_key').notNull(),
    tokenHash: text('token_hash').notNull(),
    locale: text('locale', { enum: ['zh-CN', 'en'] })
      .notNull()
      .default('zh-CN'),
    declinedAt: integer('declined_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('invitations_event_email').on(t.eventId, t.emailKey),
    uniqueIndex('invitations_token').on(t.tokenHash),
  ],
);
