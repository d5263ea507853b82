// Faculty materials over HTTP: organisers upload on a speaker's behalf, list, change visibility and delete; files are
// read through one route that checks access on every read; the event page and the ticket page list what they may show.
import { and, desc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { type MaterialVisibility, materials } from '../../schema';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import type { AppEnv, Bindings, Db } from '../env';
import { rule } from '../http/contract';
import { notFound } from '../http/errors';
import { newId } from '../lib/random';
import { isoInZone } from '../lib/time';
import { mayRead } from './access';
import { editMaterialInput, uploadQuery, videoLinkInput } from './input';
import { storeMaterial, uploader } from './store';

const NO_MATERIAL = 'No such material.';
const ID = /^mat_[A-Za-z0-9_-]{16,64}$/;
const CODE = /^[A-Za-z0-9_-]{16,64}$/;

type Row = typeof materials.$inferSelect;

/**
 * The audit entry of the statement just before it in the batch, written only if that statement changed a row
 * (SQLite's changes() on the batch's one connection), so a refused change leaves no trace.
 */
function auditIfChanged(eventId: string, staffId: string | null, action: string, detail: Record<string, unknown>) {
  return sql`INSERT INTO audit (event_id, staff_id, action, detail, created_at)
    SELECT ${eventId}, ${staffId}, ${action}, ${JSON.stringify(detail)}, ${Date.now()} WHERE changes() > 0`;
}

/** The address a material is read at; a ticket holder's carries their code, which the read checks again. */
export const materialHref = (id: string, ticket?: string) =>
  `/api/materials/${id}/file${ticket ? `?ticket=${encodeURIComponent(ticket)}` : ''}`;

/** One material as the console and the portal list it. */
export function presentMaterial(m: Row, timezone: string) {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    filename: m.filename,
    bytes: m.bytes,
    visibility: m.visibility,
    sessionId: m.sessionId,
    url: m.url,
    href: materialHref(m.id),
    uploadedBy: m.uploadedBy.startsWith('person:') ? ('person' as const) : ('organiser' as const),
    createdAt: isoInZone(m.createdAt, timezone),
  };
}

/** A person's ready materials, newest first (uploads in progress are never listed). */
export async function listMaterials(db: Db, eventId: string, personId: string) {
  return db
    .select()
    .from(materials)
    .where(and(eq(materials.eventId, eventId), eq(materials.personId, personId), eq(materials.status, 'ready')))
    .orderBy(desc(materials.createdAt));
}

/** Adds a video link for a person; `staffId` null for the person's own portal. Throws 404 if person or session is not the event's. */
export async function addVideoLink(
  env: Bindings,
  link: {
    eventId: string;
    personId: string;
    sessionId?: string | null;
    title: string;
    url: string;
    visibility: MaterialVisibility;
    staffId: string | null;
  },
) {
  const id = newId('mat');
  const session = link.sessionId ?? null;
  const [, , inserted] = await atomically(env.DB, [
    sql`INSERT INTO materials (id, event_id, person_id, session_id, kind, title, url, visibility, status, uploaded_by)
      SELECT ${id}, ${link.eventId}, ${link.personId}, ${session}, 'video_link', ${link.title}, ${link.url}, ${link.visibility}, 'ready', ${uploader(link)}
      FROM people p WHERE p.id = ${link.personId} AND p.event_id = ${link.eventId}
        AND (${session} IS NULL OR EXISTS (SELECT 1 FROM sessions s WHERE s.id = ${session} AND s.event_id = ${link.eventId}))`,
    auditIfChanged(link.eventId, link.staffId, 'material.link', {
      id,
      personId: link.personId,
      title: link.title,
      visibility: link.visibility,
      by: uploader(link),
    }),
    sql`SELECT id FROM materials WHERE id = ${id}`,
  ]);
  if (!inserted.length) throw notFound('No such person (or agenda item) in this event.');
  return id;
}

/** Changes a person's material (title, visibility, session); null when it is not theirs in this event. */
export async function editMaterial(
  db: Db,
  d1: D1Database,
  where: { eventId: string; personId: string; id: string; staffId: string | null },
  change: { title?: string; visibility?: MaterialVisibility; sessionId?: string | null },
) {
  const session = change.sessionId;
  const sessionOk =
    session == null
      ? sql`1`
      : sql`EXISTS (SELECT 1 FROM sessions s WHERE s.id = ${session} AND s.event_id = ${where.eventId})`;
  const [updated] = await atomically(d1, [
    db
      .update(materials)
      .set(change)
      .where(
        and(
          eq(materials.id, where.id),
          eq(materials.eventId, where.eventId),
          eq(materials.personId, where.personId),
          eq(materials.status, 'ready'),
          sessionOk,
        ),
      )
      .returning(),
    auditIfChanged(where.eventId, where.staffId, 'material.update', {
      id: where.id,
      personId: where.personId,
      fields: Object.keys(change),
      ...(change.visibility ? { visibility: change.visibility } : {}),
    }),
  ]);
  return updated[0] ?? null;
}

/** Deletes a person's material: the row (and its audit entry) first, so it is gone from every list, then the R2 object. */
export async function deleteMaterial(
  env: Bindings,
  db: Db,
  where: { eventId: string; personId: string; id: string; staffId: string | null },
) {
  const [gone] = await atomically(env.DB, [
    db
      .delete(materials)
      .where(
        and(eq(materials.id, where.id), eq(materials.eventId, where.eventId), eq(materials.personId, where.personId)),
      )
      .returning(),
    auditIfChanged(where.eventId, where.staffId, 'material.delete', { id: where.id, personId: where.personId }),
  ]);
  const row = gone[0];
  if (!row) return false;
  if (row.r2Key) await env.FILES.delete(row.r2Key);
  return true;
}

const declaredLength = (header: string | undefined) => (header === undefined || header === '' ? null : Number(header));

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  list: rule({ access: 'organiser', tag: 'materials', summary: "A person's slides, files and video links." }),
  upload: rule({
    access: 'organiser',
    tag: 'materials',
    summary:
      "Upload a PDF or PPTX (raw bytes, at most 100 MB) on a person's behalf; title and visibility in the query.",
    query: uploadQuery,
  }),
  link: rule({
    access: 'organiser',
    tag: 'materials',
    summary: 'Add a video link for a person.',
    json: videoLinkInput,
  }),
  edit: rule({
    access: 'organiser',
    tag: 'materials',
    summary: "Change a material's title, visibility or agenda item.",
    json: editMaterialInput,
  }),
  remove: rule({ access: 'organiser', tag: 'materials', summary: 'Delete a material and its file.' }),
  published: rule({
    access: 'public',
    tag: 'materials',
    summary: 'Slides published on the event page: public ones, after their session has ended.',
  }),
  forTicket: rule({
    access: 'ticket',
    tag: 'materials',
    summary:
      "Materials a ticket holder may read now: attendees' ones from their session's start, public ones after its end.",
  }),
  file: rule({
    access: 'public',
    tag: 'materials',
    summary:
      'A material\'s file, after checking access on this read (organiser, ticket in "?ticket=", or public after the session); 404 otherwise.',
  }),
};

export const materialAdminRoutes = new Hono<AppEnv>()
  .get('/:slug/people/:personId/materials', rules.list, async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const rows = await listMaterials(c.var.db, eventId, c.req.param('personId'));
    return c.json({ materials: rows.map((m) => presentMaterial(m, timezone)) }, 200);
  })
  .post('/:slug/people/:personId/materials/file', rules.upload, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const q = c.req.valid('query');
    const stored = await storeMaterial(
      c.env,
      {
        eventId,
        personId: c.req.param('personId'),
        sessionId: q.sessionId || null,
        title: q.title,
        visibility: q.visibility,
        filename: q.filename ?? '',
        staffId: staff.id,
      },
      c.req.raw.body,
      declaredLength(c.req.header('content-length')),
    );
    return c.json({ material: { ...stored, href: materialHref(stored.id) } }, 201);
  })
  .post('/:slug/people/:personId/materials/link', rules.link, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const b = c.req.valid('json');
    await addVideoLink(c.env, { ...b, eventId, personId: c.req.param('personId'), staffId: staff.id });
    return c.json({}, 201);
  })
  .patch('/:slug/people/:personId/materials/:id', rules.edit, async (c) => {
    const { eventId, staff, timezone } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const where = { eventId, personId: c.req.param('personId'), id: c.req.param('id'), staffId: staff.id };
    const updated = await editMaterial(c.var.db, c.env.DB, where, c.req.valid('json'));
    if (!updated) throw notFound(NO_MATERIAL);
    return c.json({ material: presentMaterial(updated, timezone) }, 200);
  })
  .delete('/:slug/people/:personId/materials/:id', rules.remove, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const where = { eventId, personId: c.req.param('personId'), id: c.req.param('id'), staffId: staff.id };
    if (!(await deleteMaterial(c.env, c.var.db, where))) throw notFound(NO_MATERIAL);
    return c.json({}, 200);
  });

type Listed = {
  id: string;
  personId: string;
  sessionId: string | null;
  kind: Row['kind'];
  title: string;
  filename: string;
  bytes: number;
  url: string | null;
  visibility: MaterialVisibility;
  startsAt: number;
  endsAt: number;
  sessionZh: string | null;
  sessionEn: string | null;
  personZh: string;
  personEn: string;
};

/** An event's ready, non-organiser materials with the times that open them; one statement. */
const OPENABLE = `SELECT m.id, m.person_id AS personId, m.session_id AS sessionId, m.kind, m.title, m.filename, m.bytes, m.url,
    m.visibility, COALESCE(s.starts_at, e.starts_at) AS startsAt, COALESCE(s.ends_at, e.ends_at) AS endsAt,
    s.title_zh AS sessionZh, s.title_en AS sessionEn, p.name_zh AS personZh, p.name_en AS personEn
  FROM materials m JOIN events e ON e.id = m.event_id JOIN people p ON p.id = m.person_id
    LEFT JOIN sessions s ON s.id = m.session_id
  WHERE m.status = 'ready' AND m.visibility != 'organisers' AND e.status != 'draft'`;

const presentListed = (m: Listed, ticket?: string) => ({
  id: m.id,
  personId: m.personId,
  sessionId: m.sessionId,
  kind: m.kind,
  title: m.title,
  filename: m.filename,
  bytes: m.bytes,
  visibility: m.visibility,
  session: m.sessionId ? { zh: m.sessionZh ?? '', en: m.sessionEn ?? '' } : null,
  person: { zh: m.personZh, en: m.personEn },
  // A video link is opened where it lives; a file through the checked route.
  href: m.kind === 'video_link' ? (m.url ?? '') : materialHref(m.id, ticket),
});

export const publishedMaterialRoutes = new Hono<AppEnv>().get('/:slug/materials', rules.published, async (c) => {
  const { results } = await c.env.DB.prepare(
    `${OPENABLE} AND e.slug = ? AND m.visibility = 'public_after_event' ORDER BY m.created_at`,
  )
    .bind(c.req.param('slug'))
    .all<Listed>();
  const now = Date.now();
  const open = results.filter((m) =>
    mayRead(m.visibility, { ...m, eventStatus: 'published' }, { organiser: false, ticketHolder: false }, now),
  );
  c.header('cache-control', 'no-cache');
  return c.json({ materials: open.map((m) => presentListed(m)) }, 200);
});

export const ticketMaterialRoutes = new Hono<AppEnv>().get('/:code/materials', rules.forTicket, async (c) => {
  const code = c.req.param('code');
  if (!CODE.test(code)) throw notFound('No ticket has this code.');
  const { results } = await c.env.DB.prepare(
    `${OPENABLE} AND m.event_id = (SELECT event_id FROM registrations WHERE ticket_code = ? AND status = 'confirmed') ORDER BY m.created_at`,
  )
    .bind(code)
    .all<Listed>();
  const now = Date.now();
  const open = results.filter((m) =>
    mayRead(m.visibility, { ...m, eventStatus: 'published' }, { organiser: false, ticketHolder: true }, now),
  );
  c.header('cache-control', 'private, no-store');
  return c.json({ materials: open.map((m) => presentListed(m, code)) }, 200);
});

type FileRow = {
  kind: Row['kind'];
  filename: string;
  contentType: string;
  r2Key: string | null;
  url: string | null;
  visibility: MaterialVisibility;
  slug: string;
  eventStatus: 'draft' | 'published' | 'closed';
  startsAt: number;
  endsAt: number;
  holder: number;
};

/** A download name both old and new browsers read, with no header injection from what the uploader called the file. */
function disposition(filename: string, kind: Row['kind']) {
  const fallback = kind === 'pptx' ? 'slides.pptx' : 'slides.pdf';
  const name = filename.replace(/[\r\n"\\/]/g, '_') || fallback;
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const materialFileRoutes = new Hono<AppEnv>().get('/:id/file', rules.file, async (c) => {
  const id = c.req.param('id');
  const ticket = c.req.query('ticket') ?? '';
  // Unknown, not yet readable, or not for this reader: the same 404, so nobody learns that a material exists.
  const hidden = () => notFound(NO_MATERIAL);
  if (!ID.test(id)) throw hidden();
  const row = await c.env.DB.prepare(
    `SELECT m.kind, m.filename, m.content_type AS contentType, m.r2_key AS r2Key, m.url, m.visibility, e.slug,
       e.status AS eventStatus, COALESCE(s.starts_at, e.starts_at) AS startsAt, COALESCE(s.ends_at, e.ends_at) AS endsAt,
       EXISTS (SELECT 1 FROM registrations r WHERE r.ticket_code = ?2 AND r.event_id = m.event_id AND r.status = 'confirmed') AS holder
     FROM materials m JOIN events e ON e.id = m.event_id LEFT JOIN sessions s ON s.id = m.session_id
     WHERE m.id = ?1 AND m.status = 'ready'`,
  )
    .bind(id, CODE.test(ticket) ? ticket : '')
    .first<FileRow>();
  if (!row) throw hidden();
  const viewer = { organiser: c.var.staff?.roles[row.slug]?.role === 'organiser', ticketHolder: row.holder === 1 };
  if (!mayRead(row.visibility, row, viewer, Date.now())) throw hidden();
  if (row.kind === 'video_link') return c.redirect(row.url ?? '/', 302);
  const object = row.r2Key ? await c.env.FILES.get(row.r2Key) : null;
  if (!object) throw hidden();
  return new Response(object.body, {
    headers: {
      'content-type': row.contentType,
      'content-length': String(object.size),
      'content-disposition': disposition(row.filename, row.kind),
      // Access can change (visibility, a cancelled ticket): never let a shared cache keep a copy.
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
