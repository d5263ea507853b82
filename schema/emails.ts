// The email outbox: every email is a row, written in the same batch as the change that causes it.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const EMAIL_KINDS = [
  'confirmation',
  'waitlisted',
  'promoted',
  'resend',
  'reissued',
  'cancelled',
  'manage_link',
  'sign_in',
  'message',
  'reminder',
  'pending',
  'approved',
  'rejected',
  'invitation',
  'certificate',
  'faculty_link',
  'faculty_reminder',
  'evaluation',
] as const;
export const EMAIL_STATUSES = ['pending', 'sending', 'sent', 'captured', 'failed'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * Also written by the registrations_promoted_email trigger (0001_outbox_triggers.sql, noted on registrations).
 * A WITHOUT ROWID table since migration 0018 (drizzle cannot say so): no second B-tree for the text id.
 */
export const emails = sqliteTable(
  'emails',
  {
    /** Also the Resend Idempotency-Key, so a retry never sends twice. */
    id: text('id').primaryKey(),
    eventId: text('event_id'),
    registrationId: text('registration_id'),
    kind: text('kind', { enum: EMAIL_KINDS }).notNull(),
    to: text('to').notNull(),
    locale: text('locale', { enum: ['zh-CN', 'en'] })
      .notNull()
      .default('zh-CN'),
    /** Kind-specific inputs for rendering (JSON), e.g. the sign-in link. */
    payload: text('payload').notNull().default('{}'),
    subject: text('subject'),
    html: text('html'),
    text: text('text'),
    status: text('status', { enum: EMAIL_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    lastError: text('last_error'),
    providerId: text('provider_id'),
    /** The bulk message this email belongs to, if any. */
    messageId: text('message_id'),
    /** What Resend's webhooks last said: delivered, bounced, complained or delayed. */
    deliveryStatus: text('delivery_status'),
    deliveryAt: integer('delivery_at'),
    createdAt: integer('created_at').notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
    sentAt: integer('sent_at'),
  },
  (t) => [
    index('emails_due').on(t.status, t.nextAttemptAt),
    // Partial: a confirmation (no message, not yet sent) writes no entry in them (migration 0018).
    index('emails_message').on(t.messageId, t.status).where(sql`message_id IS NOT NULL`),
    /** One email per recipient of a message, however often its fan-out runs; also the fan-out's cursor. */
    uniqueIndex('emails_message_recipient').on(t.messageId, t.registrationId).where(sql`message_id IS NOT NULL`),
    index('emails_provider').on(t.providerId).where(sql`provider_id IS NOT NULL`),
    index('emails_registration').on(t.registrationId, t.kind),
    /** The day-before reminder goes once per registration, however often the cron runs. */
    uniqueIndex('emails_one_reminder').on(t.registrationId).where(sql`kind = 'reminder'`),
  ],
);
