// Organiser API for certificates: issue (a page at a time), progress and the list, corrections, the seal and name.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../http/errors';
import { ORGANISER_ROLES, rule } from '../http/contract';
import { publicOrigin } from '../http/origin';
import { isoOrNull } from '../lib/time';
import {
  attendanceReport,
  lecturers,
  type RegRow,
  type ScanRow,
  type SessionRow,
  type TeachingRow,
} from '../attendance/report';
import { NOT_SET, pageReads, settingsOf } from '../attendance/routes';
import type { CertificateKindName, CertificateStatus } from '../../schema/certificates';
import { pdfResponse } from './download';
import { issueQuery, listQuery, organiserInput, reissueInput, revokeInput, SEAL_MAX_BYTES, sealType } from './input';
import { attendeeCertificates, certificateKey, type PersonRow, teachingCertificates } from './issue';
import { newId, randomToken } from '../lib/random';
import { newCertificateNumber, parseCertificateNumber } from './number';
import { queueRendering } from './render';

const NO_SUCH = 'No certificate of this event has this number.';
const ALREADY_REVOKED = 'This certificate is already revoked.';
const SEAL_TYPES = 'Upload the seal or signature as a PNG or JPEG image.';
const SEAL_TOO_BIG = 'The seal image may be at most 1 MB.';

type ListRow = {
  id: string;
  number: string;
  kind: CertificateKindName;
  status: CertificateStatus;
  holderName: string;
  holderAffiliation: string;
  credits: number;
  registrationId: string | null;
  personId: string | null;
  issuedAt: number;
  revokedAt: number | null;
  revokeReason: string | null;
  replacedBy: string | null;
  lastError: string | null;
  emailSentAt: number | null;
};

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  issue: rule({
    access: 'organiser',
    tag: 'certificates',
    summary:
      'Issue certificates for one page of registrations (and, on the first page, the lecturers); idempotent; answers `next` for the following page.',
    query: issueQuery,
  }),
  list: rule({
    access: 'organiser',
    tag: 'certificates',
    summary: 'Counts by status (pending, ready, failed, revoked) and a page of certificates.',
    query: listQuery,
  }),
  download: rule({ access: 'organiser', tag: 'certificates', summary: 'A certificate PDF.' }),
  reissue: rule({
    access: 'organiser',
    tag: 'certificates',
    summary: 'Revoke a certificate and issue a new one with the current name (audited).',
    json: reissueInput,
  }),
  revoke: rule({
    access: 'organiser',
    tag: 'certificates',
    summary: 'Revoke a certificate, with a reason (audited).',
    json: revokeInput,
  }),
  organiser: rule({
    access: 'organiser',
    tag: 'certificates',
    summary: 'The organiser’s name printed on certificates.',
    json: organiserInput,
  }),
  putSeal: rule({
    access: 'organiser',
    tag: 'certificates',
    summary: 'Upload the seal or signature image (PNG or JPEG, at most 1 MB; raw bytes).',
  }),
  showSeal: rule({ access: 'organiser', tag: 'certificates', summary: 'The seal or signature image, for a preview.' }),
  deleteSeal: rule({ access: 'organiser', tag: 'certificates', summary: 'Remove the seal or signature image.' }),
};

const presentRow = (r: ListRow, timezone: string) => ({
  ...r,
  issuedAt: isoOrNull(r.issuedAt, timezone),
  revokedAt: isoOrNull(r.revokedAt, timezone),
  emailSentAt: isoOrNull(r.emailSentAt, timezone),
});

const findByNumber = (eventId: string, number: string) =>
  sql`SELECT c.id, c.kind, c.status, c.number, c.r2_key AS r2Key, c.replaced_by AS replacedBy, c.holder_name AS holderName,
        c.holder_affiliation AS holderAffiliation, r.name AS regName, r.affiliation AS regAffiliation,
        p.name_zh AS nameZh, p.name_en AS nameEn, p.institution_zh AS institutionZh, p.institution_en AS institutionEn
      FROM certificates c LEFT JOIN registrations r ON r.id = c.registration_id LEFT JOIN people p ON p.id = c.person_id
      WHERE c.event_id = ${eventId} AND c.number = ${number}`;

type Found = {
  id: string;
  kind: CertificateKindName;
  status: CertificateStatus;
  number: string;
  r2Key: string;
  replacedBy: string | null;
  holderName: string;
  holderAffiliation: string;
  regName: string | null;
  regAffiliation: string | null;
  nameZh: string | null;
  nameEn: string | null;
  institutionZh: string | null;
  institutionEn: string | null;
};

async function certificateOf(d1: D1Database, eventId: string, typed: string): Promise<Found> {
  const number = parseCertificateNumber(typed);
  if (!number) throw notFound(NO_SUCH);
  const [rows] = await atomically(d1, [findByNumber(eventId, number)]);
  if (!rows[0]) throw notFound(NO_SUCH);
  return rows[0] as Found;
}

export const certificateRoutes = new Hono<AppEnv>()
  .post('/:slug/certificates', rules.issue, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const { after, limit } = c.req.valid('query');
    const first = after === '';
    const [cme, sessions, regs, scans, teaching, people] = await atomically(c.env.DB, [
      ...pageReads(eventId, after, limit),
      sql`SELECT p.id, p.name_zh AS nameZh, p.name_en AS nameEn, p.institution_zh AS institutionZh,
            p.institution_en AS institutionEn,
            (SELECT r.id FROM registrations r WHERE r.person_id = p.id AND r.event_id = p.event_id AND r.status = 'confirmed' LIMIT 1) AS registrationId
          FROM people p WHERE p.event_id = ${eventId} AND ${first ? 1 : 0}`,
    ] as const);
    const settings = settingsOf(cme);
    if (!settings) throw new ApiError(409, 'conflict', NOT_SET);
    const more = regs.length > limit;
    const page = (more ? regs.slice(0, limit) : regs) as RegRow[];
    const report = attendanceReport(
      settings,
      sessions as SessionRow[],
      page,
      scans as ScanRow[],
      teaching as TeachingRow[],
      'en',
    );
    const rows = [
      ...attendeeCertificates(eventId, settings, report),
      ...(first
        ? teachingCertificates(
            eventId,
            lecturers(settings, sessions as SessionRow[], teaching as TeachingRow[]),
            people as PersonRow[],
            sessions as SessionRow[],
          )
        : []),
    ];
    const now = Date.now();
    // The partial unique indexes keep one live certificate per registration and per lecturer: issuing again adds
    // only the newly eligible, and a retried request adds nothing.
    const [inserted, retried] = await atomically(c.env.DB, [
      sql`INSERT INTO certificates (id, event_id, registration_id, person_id, kind, number, holder_name, holder_affiliation,
            credits, detail, r2_key, issued_at, staff_id)
          SELECT j.value ->> 'id', ${eventId}, j.value ->> 'registrationId', j.value ->> 'personId', j.value ->> 'kind',
            j.value ->> 'number', j.value ->> 'holderName', j.value ->> 'holderAffiliation', j.value ->> 'credits',
            j.value ->> 'detail', j.value ->> 'r2Key', ${now}, ${staff.id}
          FROM json_each(${JSON.stringify(rows)}) j WHERE true
          ON CONFLICT DO NOTHING RETURNING id`,
      // The first page also gives failed certificates another run.
      sql`UPDATE certificates SET status = 'pending', attempts = 0 WHERE event_id = ${eventId} AND status = 'failed' AND ${first ? 1 : 0}
          RETURNING id`,
      ...(first ? [auditEntry(eventId, staff.id, 'certificates.issue', {})] : []),
    ]);
    const ids = [...inserted, ...retried].map((r) => String(r.id));
    if (ids.length) await queueRendering(c.env, ids, publicOrigin(c));
    return c.json(
      {
        issued: inserted.length,
        retried: retried.length,
        next: more ? String(regs[limit - 1]!.id) : null,
      },
      200,
    );
  })
  .get('/:slug/certificates', rules.list, async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const q = c.req.valid('query');
    const [counts, rows, project] = await atomically(c.env.DB, [
      sql`SELECT status, count(*) AS n FROM certificates WHERE event_id = ${eventId} GROUP BY status`,
      sql`SELECT id, number, kind, status, holder_name AS holderName, holder_affiliation AS holderAffiliation, credits,
            registration_id AS registrationId, person_id AS personId, issued_at AS issuedAt, revoked_at AS revokedAt,
            revoke_reason AS revokeReason, replaced_by AS replacedBy, last_error AS lastError, email_sent_at AS emailSentAt
          FROM certificates WHERE event_id = ${eventId} AND id > ${q.after} ${q.status ? sql`AND status = ${q.status}` : sql``}
          ORDER BY id LIMIT ${q.limit + 1}`,
      sql`SELECT organiser_name AS organiserName, seal_key IS NOT NULL AS hasSeal, json_extract(settings, '$.creditClass') AS creditClass
          FROM cme_projects WHERE event_id = ${eventId}`,
    ]);
    const n = Object.fromEntries(counts.map((r) => [String(r.status), Number(r.n)]));
    const more = rows.length > q.limit;
    const page = (more ? rows.slice(0, q.limit) : rows) as ListRow[];
    const p = project[0];
    return c.json(
      {
        counts: { pending: n.pending ?? 0, ready: n.ready ?? 0, failed: n.failed ?? 0, revoked: n.revoked ?? 0 },
        project: p
          ? {
              organiserName: String(p.organiserName ?? ''),
              hasSeal: !!p.hasSeal,
              creditClass: p.creditClass === 'II' ? ('II' as const) : ('I' as const),
            }
          : null,
        certificates: page.map((r) => presentRow(r, timezone)),
        next: more ? page.at(-1)!.id : null,
      },
      200,
    );
  })
  .get('/:slug/certificates/:number/certificate.pdf', rules.download, async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const cert = await certificateOf(c.env.DB, eventId, c.req.param('number'));
    const object = cert.status === 'ready' || cert.status === 'revoked' ? await c.env.FILES.get(cert.r2Key) : null;
    if (!object) throw notFound('This certificate has not been drawn yet.');
    return pdfResponse(object, cert.kind, cert.number);
  })
  .post('/:slug/certificates/:number/reissue', rules.reissue, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const { reason } = c.req.valid('json');
    const old = await certificateOf(c.env.DB, eventId, c.req.param('number'));
    if (old.status === 'revoked') throw new ApiError(409, 'conflict', ALREADY_REVOKED);
    // The corrected name: the registration's for an attendee, the agenda person's for a lecturer.
    const teaching = old.kind === 'teaching';
    const name = (teaching ? old.nameZh || old.nameEn : old.regName) || old.holderName;
    const affiliation =
      (teaching ? old.institutionZh || old.institutionEn : old.regAffiliation) ?? old.holderAffiliation;
    const number = newCertificateNumber();
    const id = newId('crt');
    const now = Date.now();
    const why = reason || 'Reissued with corrections.';
    const [revoked] = await atomically(c.env.DB, [
      sql`UPDATE certificates SET status = 'revoked', revoked_at = ${now}, revoke_reason = ${why}, replaced_by = ${number}
          WHERE id = ${old.id} AND status != 'revoked' RETURNING id`,
      sql`INSERT INTO certificates (id, event_id, registration_id, person_id, kind, number, holder_name, holder_affiliation,
            credits, detail, r2_key, issued_at, staff_id)
          SELECT ${id}, event_id, registration_id, person_id, kind, ${number}, ${name}, ${affiliation}, credits, detail,
            ${certificateKey(eventId)}, ${now}, ${staff.id}
          FROM certificates WHERE id = ${old.id} AND replaced_by = ${number}`,
      sql`INSERT INTO audit (event_id, staff_id, action, detail, created_at)
          SELECT ${eventId}, ${staff.id}, 'certificate.reissue', ${JSON.stringify({ number: old.number, replacedBy: number, reason: why, name })}, ${now}
          WHERE EXISTS (SELECT 1 FROM certificates WHERE number = ${number})`,
    ]);
    if (!revoked.length) throw new ApiError(409, 'conflict', ALREADY_REVOKED);
    await queueRendering(c.env, [id], publicOrigin(c));
    return c.json({ revoked: old.number, certificate: { number, holderName: name, status: 'pending' as const } }, 200);
  })
  .post('/:slug/certificates/:number/revoke', rules.revoke, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const { reason } = c.req.valid('json');
    const old = await certificateOf(c.env.DB, eventId, c.req.param('number'));
    const now = Date.now();
    const [revoked] = await atomically(c.env.DB, [
      sql`UPDATE certificates SET status = 'revoked', revoked_at = ${now}, revoke_reason = ${reason}
          WHERE id = ${old.id} AND status != 'revoked' RETURNING id`,
      sql`INSERT INTO audit (event_id, staff_id, action, detail, created_at)
          SELECT ${eventId}, ${staff.id}, 'certificate.revoke', ${JSON.stringify({ number: old.number, reason })}, ${now}
          WHERE EXISTS (SELECT 1 FROM certificates WHERE id = ${old.id} AND revoked_at = ${now})`,
    ]);
    if (!revoked.length) throw new ApiError(409, 'conflict', ALREADY_REVOKED);
    return c.json({ revoked: old.number }, 200);
  })
  .put('/:slug/certificates/organiser', rules.organiser, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const { organiserName } = c.req.valid('json');
    const [rows] = await atomically(c.env.DB, [
      sql`UPDATE cme_projects SET organiser_name = ${organiserName} WHERE event_id = ${eventId} RETURNING event_id`,
      sql`INSERT INTO audit (event_id, staff_id, action, detail, created_at)
          SELECT ${eventId}, ${staff.id}, 'certificates.organiser', ${JSON.stringify({ organiserName })}, ${Date.now()}
          WHERE EXISTS (SELECT 1 FROM cme_projects WHERE event_id = ${eventId})`,
    ]);
    if (!rows.length) throw new ApiError(409, 'conflict', NOT_SET);
    return c.json({ organiserName }, 200);
  })
  .put('/:slug/certificates/seal', rules.putSeal, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    if (Number(c.req.header('content-length') ?? 0) > SEAL_MAX_BYTES)
      throw new ApiError(413, 'payload_too_large', SEAL_TOO_BIG);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > SEAL_MAX_BYTES) throw new ApiError(413, 'payload_too_large', SEAL_TOO_BIG);
    const type = sealType(bytes);
    if (!type) throw new ApiError(415, 'unsupported_media_type', SEAL_TYPES);
    const [project] = await atomically(c.env.DB, [
      sql`SELECT seal_key AS sealKey FROM cme_projects WHERE event_id = ${eventId}`,
    ]);
    if (!project[0]) throw new ApiError(409, 'conflict', NOT_SET);
    const key = `seals/${eventId}/${randomToken()}`;
    await c.env.FILES.put(key, bytes, { httpMetadata: { contentType: type } });
    await atomically(c.env.DB, [
      sql`UPDATE cme_projects SET seal_key = ${key}, seal_type = ${type} WHERE event_id = ${eventId}`,
      auditEntry(eventId, staff.id, 'certificates.seal', { type, bytes: bytes.byteLength }),
    ]);
    if (project[0].sealKey) await c.env.FILES.delete(String(project[0].sealKey));
    return c.json({ seal: { type, bytes: bytes.byteLength } }, 200);
  })
  .get('/:slug/certificates/seal', rules.showSeal, async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const [project] = await atomically(c.env.DB, [
      sql`SELECT seal_key AS sealKey, seal_type AS sealType FROM cme_projects WHERE event_id = ${eventId}`,
    ]);
    const object = project[0]?.sealKey ? await c.env.FILES.get(String(project[0].sealKey)) : null;
    if (!object) throw notFound('No seal image has been uploaded.');
    return new Response(object.body, {
      headers: {
        'content-type': String(project[0]!.sealType),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  })
  .delete('/:slug/certificates/seal', rules.deleteSeal, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const [project] = await atomically(c.env.DB, [
      sql`SELECT seal_key AS sealKey FROM cme_projects WHERE event_id = ${eventId}`,
      sql`UPDATE cme_projects SET seal_key = NULL, seal_type = NULL WHERE event_id = ${eventId}`,
      auditEntry(eventId, staff.id, 'certificates.seal_removed', {}),
    ]);
    if (!project[0]?.sealKey) throw notFound('No seal image has been uploaded.');
    await c.env.FILES.delete(String(project[0].sealKey));
    return c.json({ seal: null }, 200);
  });
