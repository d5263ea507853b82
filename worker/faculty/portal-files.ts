// The faculty portal's files: the link holder's own slides and materials (upload, list, change, delete, read) and
// their teaching certificate, each found by the person and event the link opens, never by an id alone.
import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { materials } from '../../schema';
import { pdfResponse } from '../certificates/download';
import type { AppEnv } from '../env';
import { rule } from '../http/contract';
import { notFound } from '../http/errors';
import { editMaterialInput, uploadQuery, videoLinkInput } from '../materials/input';
import { addVideoLink, deleteMaterial, editMaterial, listMaterials, presentMaterial } from '../materials/routes';
import { storeMaterial } from '../materials/store';
import type { Faculty } from './link';

const NO_MATERIAL = 'No such material.';
const NO_TEACHING_CERTIFICATE = 'There is no teaching certificate for you at this event yet.';

const rules = {
  list: rule({
    access: 'faculty',
    tag: 'faculty portal',
    summary: "The link holder's own slides, files and video links.",
  }),
  upload: rule({
    access: 'faculty',
    tag: 'faculty portal',
    summary: 'Upload your slides: a PDF or PPTX (raw bytes, at most 100 MB); title and visibility in the query.',
    query: uploadQuery,
  }),
  link: rule({ access: 'faculty', tag: 'faculty portal', summary: 'Add a video link.', json: videoLinkInput }),
  edit: rule({
    access: 'faculty',
    tag: 'faculty portal',
    summary: "Change one of your materials' title, visibility or agenda item.",
    json: editMaterialInput,
  }),
  remove: rule({ access: 'faculty', tag: 'faculty portal', summary: 'Delete one of your materials and its file.' }),
  file: rule({ access: 'faculty', tag: 'faculty portal', summary: "Read one of your own materials' file." }),
  certificate: rule({
    access: 'faculty',
    tag: 'faculty portal',
    summary: 'Your latest teaching certificate for this event as a PDF (404 when none is ready).',
  }),
};

/** The portal's own read of a file: the console's href checks organiser or ticket access, which a link holder has not. */
const portalHref = (token: string, id: string) =>
  `/api/portal/${encodeURIComponent(token)}/materials/${encodeURIComponent(id)}/file`;

const present = (token: string, m: typeof materials.$inferSelect, f: Faculty) => {
  const shown = presentMaterial(m, f.timezone);
  return { ...shown, href: m.kind === 'video_link' ? (m.url ?? '') : portalHref(token, m.id) };
};

const whose = (f: Faculty, id: string) => ({ eventId: f.eventId, personId: f.personId, id, staffId: null });

/** The SQL the portal's GET also reads, so the page knows at once whether to offer the download. */
export const teachingCertificateSql = (f: Faculty) =>
  sql`SELECT number, r2_key AS r2Key FROM certificates
    WHERE person_id = ${f.personId} AND event_id = ${f.eventId} AND kind = 'teaching' AND status = 'ready' AND revoked_at IS NULL
    ORDER BY issued_at DESC, rowid DESC LIMIT 1`;

export const portalFileRoutes = new Hono<AppEnv>()
  .get('/:token/materials', rules.list, async (c) => {
    const f = c.var.faculty!;
    const rows = await listMaterials(c.var.db, f.eventId, f.personId);
    c.header('cache-control', 'private, no-store');
    return c.json({ materials: rows.map((m) => present(c.req.param('token'), m, f)) }, 200);
  })
  .post('/:token/materials/file', rules.upload, async (c) => {
    const f = c.var.faculty!;
    const q = c.req.valid('query');
    const length = c.req.header('content-length');
    const stored = await storeMaterial(
      c.env,
      {
        eventId: f.eventId,
        personId: f.personId,
        sessionId: q.sessionId || null,
        title: q.title,
        visibility: q.visibility,
        filename: q.filename ?? '',
        staffId: null,
      },
      c.req.raw.body,
      length === undefined || length === '' ? null : Number(length),
    );
    return c.json({ material: { ...stored, href: portalHref(c.req.param('token'), stored.id) } }, 201);
  })
  .post('/:token/materials/link', rules.link, async (c) => {
    const f = c.var.faculty!;
    await addVideoLink(c.env, { ...c.req.valid('json'), eventId: f.eventId, personId: f.personId, staffId: null });
    return c.json({}, 201);
  })
  .patch('/:token/materials/:id', rules.edit, async (c) => {
    const f = c.var.faculty!;
    const updated = await editMaterial(c.var.db, c.env.DB, whose(f, c.req.param('id')), c.req.valid('json'));
    if (!updated) throw notFound(NO_MATERIAL);
    return c.json({ material: present(c.req.param('token'), updated, f) }, 200);
  })
  .delete('/:token/materials/:id', rules.remove, async (c) => {
    const f = c.var.faculty!;
    if (!(await deleteMaterial(c.env, c.var.db, whose(f, c.req.param('id'))))) throw notFound(NO_MATERIAL);
    return c.json({}, 200);
  })
  .get('/:token/materials/:id/file', rules.file, async (c) => {
    const f = c.var.faculty!;
    const [row] = await c.var.db
      .select()
      .from(materials)
      .where(
        and(
          eq(materials.id, c.req.param('id')),
          eq(materials.eventId, f.eventId),
          eq(materials.personId, f.personId),
          eq(materials.status, 'ready'),
        ),
      );
    if (!row) throw notFound(NO_MATERIAL);
    if (row.kind === 'video_link') return c.redirect(row.url ?? '/', 302);
    const object = row.r2Key ? await c.env.FILES.get(row.r2Key) : null;
    if (!object) throw notFound(NO_MATERIAL);
    const name = row.filename.replace(/[\r\n"\\/]/g, '_') || (row.kind === 'pptx' ? 'slides.pptx' : 'slides.pdf');
    return new Response(object.body, {
      headers: {
        'content-type': row.contentType,
        'content-length': String(object.size),
        'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  })
  .get('/:token/certificate.pdf', rules.certificate, async (c) => {
    const f = c.var.faculty!;
    const cert = await c.var.db.get<{ number: string; r2Key: string } | undefined>(teachingCertificateSql(f));
    const object = cert ? await c.env.FILES.get(cert.r2Key) : null;
    if (!cert || !object) throw notFound(NO_TEACHING_CERTIFICATE);
    return pdfResponse(object, 'teaching', cert.number);
  });
