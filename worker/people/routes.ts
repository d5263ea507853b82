// Organiser routes for people: speakers, panel guests and moderators, each with a badge registration and a photo.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { materials, people, registrations } from '../../schema';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { presentPerson } from '../events/present';
import { ApiError, notFound } from '../http/errors';
import { newId, randomToken } from '../lib/random';
import { prunePhotos } from './files';
import { createPersonInput, imageType, PHOTO_MAX_BYTES, updatePersonInput } from './input';
import { rule } from '../http/contract';

type PersonRow = typeof people.$inferSelect;

/**
 * Every person gets a badge registration (speaker or guest) that takes no seat; a live registration with the same
 * email is upgraded. The conflict target names the partial unique index (live rows only), so a cancelled one is left alone.
 */
function badgeFor(
  eventId: string,
  p: Pick<PersonRow, 'id' | 'nameZh' | 'institutionZh' | 'honorificZh' | 'email' | 'phone'>,
  role: 'speaker' | 'guest',
) {
  const email = p.email ?? '';
  // Raw SQL: one statement decides between a new badge and upgrading the live registration (the rule above).
  return sql`
    INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, phone, affiliation, job_title, locale, status, role, person_id)
    VALUES (${`reg_${p.id}`}, ${eventId}, ${randomToken()}, ${p.nameZh}, ${email}, ${email ? email.toLowerCase() : `person:${p.id}`}, ${p.phone ?? ''}, ${p.institutionZh}, ${p.honorificZh}, 'zh-CN', 'confirmed', ${role}, ${p.id})
    ON CONFLICT (event_id, email_key) WHERE status != 'cancelled' DO UPDATE SET role = excluded.role, person_id = excluded.person_id, status = 'confirmed',
      name = excluded.name, affiliation = excluded.affiliation, updated_at = ${Date.now()}`;
}

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  addPerson: rule({
    access: 'organiser',
    tag: 'people',
    summary: 'Add a speaker, panel guest or moderator (with a badge).',
    json: createPersonInput,
  }),
  editPerson: rule({ access: 'organiser', tag: 'people', summary: 'Edit a person.', json: updatePersonInput }),
  removePerson: rule({ access: 'organiser', tag: 'people', summary: 'Remove a person.' }),
  uploadPhoto: rule({
    access: 'organiser',
    tag: 'people',
    summary: 'Upload a photo (JPEG, PNG or WebP, at most 2 MB; raw bytes).',
  }),
  showPhoto: rule({ access: 'public', tag: 'people', summary: "A person's photo." }),
};

export const peopleRoutes = new Hono<AppEnv>()
  .post('/:slug/people', rules.addPerson, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const b = c.req.valid('json');
    const id = newId('per');
    const row = {
      id,
      eventId,
      nameZh: b.nameZh,
      nameEn: b.nameEn,
      honorificZh: b.honorificZh ?? '',
      honorificEn: b.honorificEn ?? '',
      institutionZh: b.institutionZh ?? '',
      institutionEn: b.institutionEn ?? '',
      email: b.email || null,
      phone: b.phone || null,
      bioZh: b.bioZh ?? '',
      bioEn: b.bioEn ?? '',
      position: Date.now() % 1_000_000_000,
    };
    await atomically(c.env.DB, [
      c.var.db.insert(people).values(row),
      badgeFor(eventId, row, b.badgeRole ?? 'guest'),
      auditEntry(eventId, staff.id, 'person.create', { id, name: b.nameEn }),
    ]);
    return c.json(
      { person: { ...presentPerson({ ...row, photoUrl: null }), email: row.email, phone: row.phone } },
      201,
    );
  })
  .patch('/:slug/people/:id', rules.editPerson, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const b = c.req.valid('json');
    const id = c.req.param('id');
    const { badgeRole, ...fields } = b;
    const changes = {
      ...fields,
      email: fields.email === undefined ? undefined : fields.email || null,
      phone: fields.phone === undefined ? undefined : fields.phone || null,
    };
    const mine = and(eq(people.id, id), eq(people.eventId, eventId));
    const hasChanges = Object.values(changes).some((v) => v !== undefined);
    const [updated] = hasChanges
      ? await c.var.db.update(people).set(changes).where(mine).returning()
      : await c.var.db.select().from(people).where(mine);
    if (!updated) throw notFound('No such person in this event.');
    await atomically(c.env.DB, [
      c.var.db
        .update(registrations)
        .set({
          name: updated.nameZh,
          affiliation: updated.institutionZh,
          jobTitle: updated.honorificZh,
          role: badgeRole,
          updatedAt: Date.now(),
        })
        .where(and(eq(registrations.personId, id), eq(registrations.eventId, eventId))),
      auditEntry(eventId, staff.id, 'person.update', { id, fields: Object.keys(b) }),
    ]);
    return c.json({ person: { ...presentPerson(updated), email: updated.email, phone: updated.phone } }, 200);
  })
  .delete('/:slug/people/:id', rules.removePerson, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    // Their materials are deleted here, not by the cascade, so that their files can be removed with them.
    const [files, gone] = await atomically(c.env.DB, [
      c.var.db
        .delete(materials)
        .where(and(eq(materials.personId, id), eq(materials.eventId, eventId)))
        .returning({ key: materials.r2Key }),
      c.var.db
        .delete(people)
        .where(and(eq(people.id, id), eq(people.eventId, eventId)))
        .returning({ id: people.id }),
      // Their badge goes with them; a registration they made as an attendee stays.
      c.var.db
        .update(registrations)
        .set({ status: 'cancelled', updatedAt: Date.now() })
        .where(
          and(
            eq(registrations.personId, id),
            eq(registrations.eventId, eventId),
            inArray(registrations.role, ['speaker', 'guest']),
          ),
        ),
      auditEntry(eventId, staff.id, 'person.delete', { id }),
    ]);
    if (!gone.length) throw notFound('No such person in this event.');
    const keys = files.map((f) => f.key).filter((k): k is string => !!k);
    c.executionCtx.waitUntil(Promise.all([prunePhotos(c.env, eventId, id), keys.length && c.env.FILES.delete(keys)]));
    return c.json({}, 200);
  })
  .post('/:slug/people/:id/photo', rules.uploadPhoto, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    if (Number(c.req.header('content-length') ?? 0) > PHOTO_MAX_BYTES)
      throw new ApiError(413, 'payload_too_large', 'Photos may be at most 2 MB.');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > PHOTO_MAX_BYTES) throw new ApiError(413, 'payload_too_large', 'Photos may be at most 2 MB.');
    const type = imageType(bytes);
    if (!type) throw new ApiError(415, 'unsupported_media_type', 'Upload a JPEG, PNG or WebP image.');
    const [person] = await c.var.db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.id, id), eq(people.eventId, eventId)));
    if (!person) throw notFound('No such person in this event.');
    const key = `${eventId}/${id}/${randomToken()}`;
    await c.env.PHOTOS.put(key, bytes, {
      httpMetadata: { contentType: type, cacheControl: 'public, max-age=31536000, immutable' },
    });
    const photoUrl = `/api/photos/${key}`;
    await atomically(c.env.DB, [
      c.var.db.update(people).set({ photoUrl }).where(eq(people.id, id)),
      auditEntry(eventId, staff.id, 'person.photo', { id }),
    ]);
    c.executionCtx.waitUntil(prunePhotos(c.env, eventId, id));
    return c.json({ photoUrl }, 200);
  });

/** Photos are public like the event page that shows them. */
export const photoRoutes = new Hono<AppEnv>().get('/:event/:person/:name', rules.showPhoto, async (c) => {
  const { event, person, name } = c.req.param();
  const object = await c.env.PHOTOS.get(`${event}/${person}/${name}`);
  if (!object) throw notFound('No such photo.');
  return new Response(object.body, {
    headers: {
      'content-type': object.httpMetadata?.contentType ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    },
  });
});
