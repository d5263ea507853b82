// Certificates: credit, attendance and teaching certificates with their public numbers and their PDFs in R2.
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { events, people } from './events';
import { registrations } from './registrations';

/** credit: 学分证书 (Ⅰ类 projects); attendance: 参会证明 (Ⅱ类); teaching: 授课证明 for speakers, moderators, panel guests. */
export const CERTIFICATE_KINDS = ['credit', 'attendance', 'teaching'] as const;
export const CERTIFICATE_STATUSES = ['pending', 'ready', 'failed', 'revoked'] as const;
export type CertificateKindName = (typeof CERTIFICATE_KINDS)[number];
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/**
 * One row per certificate issued. A correction revokes the row and issues a new one (replaced_by names it), so a
 * number once printed always verifies to what it was. The PDF lives in FILES under r2_key (128 random bits).
 */
export const certificates = sqliteTable(
  'certificates',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** The attendee's registration; for a teaching certificate, the lecturer's own registration if they have one. */
    registrationId: text('registration_id').references(() => registrations.id, { onDelete: 'set null' }),
    /** The agenda person, for teaching certificates. */
    personId: text('person_id').references(() => people.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: CERTIFICATE_KINDS }).notNull(),
    number: text('number').notNull(),
    holderName: text('holder_name').notNull(),
    holderAffiliation: text('holder_affiliation').notNull().default(''),
    credits: real('credits').notNull().default(0),
    /** Frozen at issue (JSON): the taught items of a teaching certificate. */
    detail: text('detail').notNull().default('{}'),
    status: text('status', { enum: CERTIFICATE_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The number of the certificate that replaced this revoked one. */
    replacedBy: text('replaced_by'),
    r2Key: text('r2_key').notNull(),
    issuedAt: integer('issued_at').notNull(),
    renderedAt: integer('rendered_at'),
    revokedAt: integer('revoked_at'),
    revokeReason: text('revoke_reason'),
    emailSentAt: integer('email_sent_at'),
    staffId: text('staff_id'),
  },
  (t) => [
    uniqueIndex('certificates_number').on(t.number),
    /** Issuing again adds only the newly eligible: one live attendee certificate per registration. */
    uniqueIndex('certificates_one_attendee')
      .on(t.registrationId)
      .where(sql`kind != 'teaching' AND status != 'revoked'`),
    uniqueIndex('certificates_one_teaching')
      .on(t.eventId, t.personId)
      .where(sql`kind = 'teaching' AND status != 'revoked'`),
    index('certificates_event').on(t.eventId, t.status, t.id),
    index('certificates_registration').on(t.registrationId),
  ],
);
