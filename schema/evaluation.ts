// Evaluation after the sessions: the event's form, the answers per registration and the assessment attempts.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { events } from './events';
import { registrations } from './registrations';

/** The event's evaluation and assessment as one JSON object (worker/evaluation/input.ts validates it). */
export const evaluationForms = sqliteTable('evaluation_forms', {
  eventId: text('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  settings: text('settings').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * One row per registration, target and aspect (WITHOUT ROWID, 0017_evaluation.sql): saving an answer again replaces
 * its row, so one evaluation per registration holds by the key. target '~draft' keeps the assessment in progress.
 */
export const evaluationAnswers = sqliteTable(
  'evaluation_answers',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    registrationId: text('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    target: text('target').notNull(),
    aspect: text('aspect').notNull(),
    /** A rating 1–5; null for a comment or a draft. */
    score: integer('score'),
    text: text('text'),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.registrationId, t.target, t.aspect] })],
);

/** Each scored attempt; n counts from 1, so the key itself caps the tries a racing pair can take. */
export const assessmentAttempts = sqliteTable(
  'assessment_attempts',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    registrationId: text('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    n: integer('n').notNull(),
    scorePercent: integer('score_percent').notNull(),
    passed: integer('passed', { mode: 'boolean' }).notNull(),
    /** The ids of the questions answered wrong (JSON), for "most often missed". */
    missed: text('missed').notNull().default('[]'),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.registrationId, t.n] })],
);
