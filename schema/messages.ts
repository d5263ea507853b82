// Messages organisers send to speakers, guests and attendees; each recipient's email is an outbox row.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { events } from './events';

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** The audience as composed (JSON), e.g. {"type":"speakers"}. */
    audience: text('audience').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    recipients: integer('recipients').notNull(),
    staffId: text('staff_id'),
    /** While the queue is still writing its emails: what it needs to resume (JSON origin and language); NULL when done. */
    fanOut: text('fan_out'),
    /** When the fan-out last wrote a step (or the message was filed): the cron restarts one that stopped moving. */
    fannedAt: integer('fanned_at'),
    createdAt: integer('created_at').notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
  },
  (t) => [index('messages_event').on(t.eventId, t.createdAt)],
);

/** Webhook deliveries already processed, so a replayed event changes nothing. */
export const webhookEvents = sqliteTable('webhook_events', {
  id: text('id').primaryKey(),
  receivedAt: integer('received_at').notNull(),
});
