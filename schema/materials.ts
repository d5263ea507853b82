// Faculty materials: slides (PDF, PPTX) stored in R2 under unguessable keys, and video links, each with who may read it.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { events, people, sessions } from './events';

export const MATERIAL_KINDS = ['pdf', 'pptx', 'video_link'] as const;
/** public_after_event: anyone, once the session (or the event) has ended; attendees: ticket holders; organisers: the console only. */
export const MATERIAL_VISIBILITIES = ['public_after_event', 'attendees', 'organisers'] as const;
/** uploading: the row exists while the bytes stream to R2; only ready rows are ever listed or served. */
export const MATERIAL_STATUSES = ['uploading', 'ready'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export type MaterialVisibility = (typeof MATERIAL_VISIBILITIES)[number];

export const materials = sqliteTable(
  'materials',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The talk it belongs to; without one it is published after the event's end. */
    sessionId: text('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: MATERIAL_KINDS }).notNull(),
    title: text('title').notNull(),
    /** The uploader's file name, shown and offered on download only; never part of the key. */
    filename: text('filename').notNull().default(''),
    /** Decided from the bytes, not from the name or the client's header. */
    contentType: text('content_type').notNull().default(''),
    bytes: integer('bytes').notNull().default(0),
    /** 128 random bits: nothing about the event, person or name can lead to it. Null for a video link. */
    r2Key: text('r2_key'),
    /** A video link's http(s) address. */
    url: text('url'),
    visibility: text('visibility', { enum: MATERIAL_VISIBILITIES }).notNull().default('organisers'),
    status: text('status', { enum: MATERIAL_STATUSES }).notNull().default('uploading'),
    /** 'staff:<id>' or 'person:<id>' (a portal upload), for the audit trail and the list. */
    uploadedBy: text('uploaded_by').notNull().default(''),
    createdAt: integer('created_at').notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
  },
  (t) => [
    index('materials_person').on(t.personId, t.createdAt),
    index('materials_event').on(t.eventId, t.status, t.visibility),
    uniqueIndex('materials_r2_key').on(t.r2Key),
  ],
);
