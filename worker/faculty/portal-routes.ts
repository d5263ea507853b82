// The faculty portal API: a person's own sessions, answers, profile, disclosure, consents and logistics, by their link.
import { type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import type { AppEnv } from '../env';
import { forgetEvent } from '../events/cache';
import { hasEnded } from '../events/window';
import { prunePhotos } from '../people/files';
import { rule } from '../http/contract';
import { ApiError, notFound } from '../http/errors';
import { originOf, publicOrigin } from '../http/origin';
import { isoInZone, isoOrNull } from '../lib/time';
import { randomToken } from '../lib/random';
import { imageType, PHOTO_MAX_BYTES } from '../people/input';
import { linkEmail } from './emails';
import {
  consentInput,
  type Disclosure,
  disclosureInput,
  type Logistics,
  logisticsInput,
  type ProfileChange,
  profileInput,
  renewInput,
  responseInput,
} from './input';
import { type Faculty, newLink, portalUrl, revokeLinks } from './link';
import { teachingCertificateSql } from './portal-files';
import { maskAccount, signatureMatches } from './rules';

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  open: rule({
    access: 'faculty',
    tag: 'faculty portal',
    summary: "The link holder's own sessions, profile, disclosure, consents and logistics (bank account masked).",
  }),
  respond: rule({
    access: 'faculty',
    tag: 'faculty portal',
    summary: 'Confirm or decline one invitation (an agenda item the person is on), with a note.',
    json: responseInput,
  }),
  profile: rule({
    access: 'faculty',
    tag: 'faculty portal',
    summary: 'Change name as printed, honorific, institution and bio: live at once, or waiting for approval.',
    json: profileInput,
  }),
  photo: rule({
    access: 'faculty',
    tag: 'faculty portal',
    summary: 'Upload a photo (JPEG, PNG or WebP, at most 2 MB; raw bytes): live at once, or waiting for approval.',
  }),
  disclosure: rule({
    access: 'faculty',
    tag: 'faculty portal',
    summary: 'Sign the disclosure of financial relationships (or nothing to disclose) and off-label use.',
    json: disclosureInput,
  }),
  consent: rule({
    access: 'faculty',
    tag: 'faculty portal',
    summary: 'Consent (or not) to recording and to publishing slides.',
    json: consentInput,
  }),
  logistics: rule({
    access: 'faculty',
    tag: 'faculty portal',
    summary: 'Arrival, departure, hotel, dietary needs and honorarium details (organisers only see them).',
    json: logisticsInput,
  }),
  renew: rule({
    access: 'public',
    tag: 'faculty portal',
    summary: 'Email a new portal link to this address if it is on a programme (always the same answer).',
    json: renewInput,
  }),
};

/** Portal writes are audited without a staff member: the person acted through their link. */
const audit = (f: Faculty, action: string, detail: Record<string, unknown> = {}, when: SQL = sql`1`) =>
  sql`INSERT INTO audit (event_id, staff_id, action, detail, created_at)
    SELECT ${f.eventId}, NULL, ${action}, ${JSON.stringify({ personId: f.personId, via: 'portal', ...detail })}, ${Date.now()} WHERE ${when}`;

const ensureProfile = (f: Faculty, now: number) =>
  sql`INSERT INTO faculty_profiles (person_id, event_id, updated_at) VALUES (${f.personId}, ${f.eventId}, ${now}) ON CONFLICT (person_id) DO NOTHING`;

/** Applies profile fields to the person and their badge at once (no approval asked, or an organiser approved). */
export function applyProfile(personId: string, eventId: string, p: Partial<ProfileChange>, now: number): SQL[] {
  const set = (column: string, value: string | undefined) =>
    value === undefined ? null : sql`${sql.raw(column)} = ${value}`;
  const sets = [
    set('name_zh', p.nameZh),
    set('name_en', p.nameEn),
    set('honorific_zh', p.honorificZh),
    set('honorific_en', p.honorificEn),
    set('institution_zh', p.institutionZh),
    set('institution_en', p.institutionEn),
    set('bio_zh', p.bioZh),
    set('bio_en', p.bioEn),
    set('photo_url', p.photoUrl),
  ].filter((s): s is SQL => s !== null);
  if (!sets.length) return [];
  return [
    sql`UPDATE people SET ${sql.join(sets, sql`, `)} WHERE id = ${personId} AND event_id = ${eventId}`,
    // The badge prints the Chinese name, institution and honorific, as when an organiser edits the person.
    sql`UPDATE registrations SET name = p.name_zh, affiliation = p.institution_zh, job_title = p.honorific_zh, updated_at = ${now}
      FROM (SELECT name_zh, institution_zh, honorific_zh FROM people WHERE id = ${personId}) p
      WHERE person_id = ${personId} AND event_id = ${eventId}`,
  ];
}

/**
 * A profile change (or photo) either goes live or joins what already waits for approval. Only fields that differ from
 * what is live are kept waiting, so the organiser reviews what actually changed (and a field set back drops out).
 */
async function changeProfile(
  c: { env: AppEnv['Bindings']; var: AppEnv['Variables']; req: { url: string } },
  f: Faculty,
  change: Partial<ProfileChange>,
  action: string,
) {
  const now = Date.now();
  const current = await c.var.db.get<
    Record<keyof ProfileChange, string | null> & { approve: number | null; pending: string | null }
  >(sql`
    SELECT p.name_zh AS nameZh, p.name_en AS nameEn, p.honorific_zh AS honorificZh, p.honorific_en AS honorificEn,
      p.institution_zh AS institutionZh, p.institution_en AS institutionEn, p.bio_zh AS bioZh, p.bio_en AS bioEn,
      p.photo_url AS photoUrl, fs.approve_changes AS approve, fp.pending
    FROM people p LEFT JOIN faculty_settings fs ON fs.event_id = p.event_id LEFT JOIN faculty_profiles fp ON fp.person_id = p.id
    WHERE p.id = ${f.personId}`);
  const approve = (current?.approve ?? 1) === 1;
  if (approve) {
    const waiting: Record<string, unknown> = { ...(current?.pending ? JSON.parse(current.pending) : {}), ...change };
    for (const [k, v] of Object.entries(waiting)) if (current?.[k as keyof ProfileChange] === v) delete waiting[k];
    const fields = Object.keys(waiting);
    await atomically(c.env.DB, [
      ensureProfile(f, now),
      sql`UPDATE faculty_profiles SET pending = ${fields.length ? JSON.stringify(waiting) : null},
        pending_at = ${fields.length ? now : null}, updated_at = ${now} WHERE person_id = ${f.personId}`,
      audit(f, action, { fields, waiting: true }),
    ]);
    // Nothing differs from what is live: nothing waits.
    return fields.length ? ('waiting' as const) : ('live' as const);
  } else {
    await atomically(c.env.DB, [
      ...applyProfile(f.personId, f.eventId, change, now),
      audit(f, action, { fields: Object.keys(change), waiting: false }),
    ]);
    await forgetEvent(originOf(c.req.url), f.slug);
  }
  return 'live' as const;
}

type PortalRow = {
  personId: string;
  nameZh: string;
  nameEn: string;
  honorificZh: string;
  honorificEn: string;
  institutionZh: string;
  institutionEn: string;
  bioZh: string;
  bioEn: string;
  photoUrl: string | null;
  slug: string;
  titleZh: string;
  titleEn: string;
  venueZh: string;
  venueEn: string;
  timezone: string;
  startsAt: number;
  endsAt: number;
  pending: string | null;
  disclosure: string | null;
  signedName: string | null;
  signedAt: number | null;
  consentRecording: number | null;
  consentSlides: number | null;
  consentAt: number | null;
  logistics: string | null;
  bankAccount: string | null;
  logisticsAt: number | null;
  approve: number | null;
  evaluation: number;
  rated: number;
};

type SessionRow = {
  id: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  startsAt: number;
  endsAt: number;
  roomZh: string;
  roomEn: string;
  role: string;
  answer: string | null;
  note: string | null;
  answeredAt: number | null;
};

type OtherRow = {
  sessionId: string;
  nameZh: string;
  nameEn: string;
  honorificZh: string;
  honorificEn: string;
  institutionZh: string;
  institutionEn: string;
  role: string;
};

const ITEM_OVER = 'This agenda item has already taken place, so its answer stays as it was.';

export const portalRoutes = new Hono<AppEnv>()
  .post('/renew', rules.renew, async (c) => {
    const { email } = c.req.valid('json');
    const now = Date.now();
    // Events still to come or recently over; a person asked again within a minute gets no second email.
    const found = await c.var.db.all<{
      personId: string;
      eventId: string;
      email: string;
      nameZh: string;
      nameEn: string;
      titleZh: string;
      titleEn: string;
    }>(sql`
      SELECT p.id AS personId, p.event_id AS eventId, p.email, p.name_zh AS nameZh, p.name_en AS nameEn, e.title_zh AS titleZh, e.title_en AS titleEn
      FROM people p JOIN events e ON e.id = p.event_id
      WHERE lower(p.email) = ${email.toLowerCase()} AND e.ends_at > ${now - 30 * 86_400_000}
        AND NOT EXISTS (SELECT 1 FROM faculty_links l WHERE l.person_id = p.id AND l.created_at > ${now - 60_000})
      LIMIT 10`);
    if (found.length) {
      const origin = publicOrigin(c);
      const statements: SQL[] = [];
      for (const p of found) {
        const link = await newLink(p.personId, p.eventId, now);
        statements.push(
          revokeLinks(p.personId, now),
          link.insert,
          linkEmail(p, { titleZh: p.titleZh, titleEn: p.titleEn }, portalUrl(origin, link.token), link.token, now),
          sql`INSERT INTO audit (event_id, staff_id, action, detail, created_at) VALUES (${p.eventId}, NULL, 'faculty.link_renew', ${JSON.stringify({ personId: p.personId, via: 'portal' })}, ${now})`,
        );
      }
      await atomically(c.env.DB, statements);
      deliverSoon(c);
    }
    // The same answer whether or not the address is known: nobody learns who is on a programme.
    return c.json({ sent: true }, 202);
  })
  .get('/:token', rules.open, async (c) => {
    const f = c.var.faculty!;
    const [[row], sessionRows, others, [teaching]] = (await atomically(c.env.DB, [
      sql`SELECT p.id AS personId, p.name_zh AS nameZh, p.name_en AS nameEn, p.honorific_zh AS honorificZh, p.honorific_en AS honorificEn,
          p.institution_zh AS institutionZh, p.institution_en AS institutionEn, p.bio_zh AS bioZh, p.bio_en AS bioEn, p.photo_url AS photoUrl,
          e.slug, e.title_zh AS titleZh, e.title_en AS titleEn, e.venue_zh AS venueZh, e.venue_en AS venueEn, e.timezone, e.starts_at AS startsAt, e.ends_at AS endsAt,
          fp.pending, fp.disclosure, fp.disclosure_signed_name AS signedName, fp.disclosure_signed_at AS signedAt,
          fp.consent_recording AS consentRecording, fp.consent_slides AS consentSlides, fp.consent_at AS consentAt,
          fp.logistics, fp.bank_account AS bankAccount, fp.logistics_at AS logisticsAt, fs.approve_changes AS approve,
          EXISTS (SELECT 1 FROM evaluation_forms WHERE event_id = e.id) AS evaluation,
          EXISTS (SELECT 1 FROM evaluation_answers WHERE event_id = e.id
            AND target >= ${`person:${f.personId}@`} AND target < ${`person:${f.personId}A`}) AS rated
        FROM people p JOIN events e ON e.id = p.event_id
        LEFT JOIN faculty_profiles fp ON fp.person_id = p.id LEFT JOIN faculty_settings fs ON fs.event_id = e.id
        WHERE p.id = ${f.personId} AND p.event_id = ${f.eventId}`,
      sql`SELECT s.id, s.kind, s.title_zh AS titleZh, s.title_en AS titleEn, s.starts_at AS startsAt, s.ends_at AS endsAt,
          s.room_zh AS roomZh, s.room_en AS roomEn, sp.role, fr.status AS answer, fr.note, fr.responded_at AS answeredAt
        FROM session_people sp JOIN sessions s ON s.id = sp.session_id
        LEFT JOIN faculty_responses fr ON fr.session_id = sp.session_id AND fr.person_id = sp.person_id
        WHERE sp.person_id = ${f.personId} AND s.event_id = ${f.eventId} ORDER BY s.starts_at, s.position`,
      sql`SELECT o.session_id AS sessionId, p.name_zh AS nameZh, p.name_en AS nameEn, p.honorific_zh AS honorificZh, p.honorific_en AS honorificEn,
          p.institution_zh AS institutionZh, p.institution_en AS institutionEn, o.role
        FROM session_people sp JOIN session_people o ON o.session_id = sp.session_id AND o.person_id != sp.person_id
        JOIN people p ON p.id = o.person_id
        WHERE sp.person_id = ${f.personId} ORDER BY p.position`,
      teachingCertificateSql(f),
    ])) as [PortalRow[], SessionRow[], OtherRow[], { number: string }[]];
    if (!row) throw notFound('This portal link is not valid any more. Ask for a new one with your email address.');
    const tz = row.timezone;
    const ended = hasEnded(row, Date.now());
    const logistics = row.logistics ? (JSON.parse(row.logistics) as Logistics) : null;
    const disclosure = row.disclosure ? (JSON.parse(row.disclosure) as Disclosure) : null;
    return c.json(
      {
        event: {
          slug: row.slug,
          title: { zh: row.titleZh, en: row.titleEn },
          venue: { zh: row.venueZh, en: row.venueEn },
          timezone: tz,
          startsAt: isoInZone(row.startsAt, tz),
          endsAt: isoInZone(row.endsAt, tz),
          ended,
        },
        approveChanges: (row.approve ?? 1) === 1,
        person: {
          nameZh: row.nameZh,
          nameEn: row.nameEn,
          honorificZh: row.honorificZh,
          honorificEn: row.honorificEn,
          institutionZh: row.institutionZh,
          institutionEn: row.institutionEn,
          bioZh: row.bioZh,
          bioEn: row.bioEn,
          photoUrl: row.photoUrl,
        },
        pending: row.pending ? (JSON.parse(row.pending) as Partial<ProfileChange>) : null,
        sessions: sessionRows.map((s) => ({
          id: s.id,
          kind: s.kind,
          title: { zh: s.titleZh, en: s.titleEn },
          room: { zh: s.roomZh, en: s.roomEn },
          startsAt: isoInZone(s.startsAt, tz),
          endsAt: isoInZone(s.endsAt, tz),
          role: s.role,
          answer: s.answer as 'confirmed' | 'declined' | null,
          note: s.note ?? '',
          answeredAt: isoOrNull(s.answeredAt, tz),
          others: others
            .filter((o) => o.sessionId === s.id)
            .map((o) => ({
              name: { zh: o.nameZh, en: o.nameEn },
              honorific: { zh: o.honorificZh, en: o.honorificEn },
              institution: { zh: o.institutionZh, en: o.institutionEn },
              role: o.role,
            })),
        })),
        disclosure:
          disclosure && row.signedAt
            ? { ...disclosure, signedName: row.signedName ?? '', signedAt: isoInZone(row.signedAt, tz) }
            : null,
        consent:
          row.consentAt !== null
            ? { recording: !!row.consentRecording, slides: !!row.consentSlides, at: isoInZone(row.consentAt, tz) }
            : null,
        logistics:
          logistics && row.logisticsAt
            ? { ...logistics, bankAccount: maskAccount(row.bankAccount), at: isoInZone(row.logisticsAt, tz) }
            : null,
        /**
         * Whether "Audience feedback" (/:token/feedback) can have anything in it: the event has an evaluation, and it has
         * ended (the window opens at the end at the latest) or someone has already rated this person.
         */
        feedback: row.evaluation === 1 && (ended || row.rated === 1),
        /** Whether "Download teaching certificate" (certificate.pdf) has a file behind it. */
        teachingCertificate: teaching ? { number: teaching.number } : null,
      },
      200,
    );
  })
  .post('/:token/sessions/:sessionId/response', rules.respond, async (c) => {
    const f = c.var.faculty!;
    const sessionId = c.req.param('sessionId');
    const { status, note } = c.req.valid('json');
    const now = Date.now();
    const onIt = sql`EXISTS (SELECT 1 FROM session_people sp JOIN sessions s ON s.id = sp.session_id
      WHERE sp.session_id = ${sessionId} AND sp.person_id = ${f.personId} AND s.event_id = ${f.eventId})`;
    // An item that has taken place keeps the answer it had: confirming or declining it afterwards would rewrite the record.
    const ahead = sql`EXISTS (SELECT 1 FROM sessions WHERE id = ${sessionId} AND event_id = ${f.eventId} AND ends_at > ${now})`;
    const [saved, , [where]] = await atomically(c.env.DB, [
      sql`INSERT INTO faculty_responses (session_id, person_id, status, note, responded_at)
        SELECT ${sessionId}, ${f.personId}, ${status}, ${note ?? ''}, ${now} WHERE ${onIt} AND ${ahead}
        ON CONFLICT (session_id, person_id) DO UPDATE SET status = excluded.status, note = excluded.note, responded_at = excluded.responded_at
        RETURNING session_id`,
      audit(
        f,
        `faculty.${status === 'confirmed' ? 'confirm' : 'decline'}`,
        { sessionId, note: note ?? '' },
        sql`${onIt} AND ${ahead}`,
      ),
      sql`SELECT ${onIt} AS onIt`,
    ]);
    if (!saved.length) {
      if (!(where as { onIt: number } | undefined)?.onIt) throw notFound('You are not on this agenda item.');
      throw new ApiError(409, 'conflict', ITEM_OVER);
    }
    return c.json({ answer: status, answeredAt: isoInZone(now, f.timezone) }, 200);
  })
  .put('/:token/profile', rules.profile, async (c) => {
    const f = c.var.faculty!;
    const state = await changeProfile(c, f, c.req.valid('json'), 'faculty.profile');
    return c.json({ state }, 200);
  })
  .post('/:token/photo', rules.photo, async (c) => {
    const f = c.var.faculty!;
    if (Number(c.req.header('content-length') ?? 0) > PHOTO_MAX_BYTES)
      throw new ApiError(413, 'payload_too_large', 'Photos may be at most 2 MB.');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > PHOTO_MAX_BYTES) throw new ApiError(413, 'payload_too_large', 'Photos may be at most 2 MB.');
    const type = imageType(bytes);
    if (!type) throw new ApiError(415, 'unsupported_media_type', 'Upload a JPEG, PNG or WebP image.');
    // The same store and public path as the organiser's upload (people/routes.ts): one way to keep photos.
    const key = `${f.eventId}/${f.personId}/${randomToken()}`;
    await c.env.PHOTOS.put(key, bytes, {
      httpMetadata: { contentType: type, cacheControl: 'public, max-age=31536000, immutable' },
    });
    const photoUrl = `/api/photos/${key}`;
    const state = await changeProfile(c, f, { photoUrl }, 'faculty.photo');
    // A photo replaced while another waited for approval is no longer named anywhere.
    c.executionCtx.waitUntil(prunePhotos(c.env, f.eventId, f.personId));
    return c.json({ state, photoUrl }, 200);
  })
  .put('/:token/disclosure', rules.disclosure, async (c) => {
    const f = c.var.faculty!;
    const { signature, ...disclosure } = c.req.valid('json');
    if (!signatureMatches(signature, [f.nameZh, f.nameEn]))
      throw new ApiError(400, 'invalid', 'Sign by typing your name as printed on the programme.', {
        signature: 'Sign by typing your name as printed on the programme.',
      });
    const now = Date.now();
    await atomically(c.env.DB, [
      ensureProfile(f, now),
      sql`UPDATE faculty_profiles SET disclosure = ${JSON.stringify(disclosure)}, disclosure_signed_name = ${signature},
        disclosure_signed_at = ${now}, updated_at = ${now} WHERE person_id = ${f.personId}`,
      audit(f, 'faculty.disclosure', { nothing: disclosure.nothing, items: disclosure.items.length }),
    ]);
    await forgetEvent(originOf(c.req.url), f.slug);
    return c.json({ signedAt: isoInZone(now, f.timezone), signedName: signature }, 200);
  })
  .put('/:token/consent', rules.consent, async (c) => {
    const f = c.var.faculty!;
    const { recording, slides } = c.req.valid('json');
    const now = Date.now();
    await atomically(c.env.DB, [
      ensureProfile(f, now),
      sql`UPDATE faculty_profiles SET consent_recording = ${recording ? 1 : 0}, consent_slides = ${slides ? 1 : 0},
        consent_at = ${now}, updated_at = ${now} WHERE person_id = ${f.personId}`,
      audit(f, 'faculty.consent', { recording, slides }),
    ]);
    return c.json({ at: isoInZone(now, f.timezone) }, 200);
  })
  .put('/:token/logistics', rules.logistics, async (c) => {
    const f = c.var.faculty!;
    const { bankAccount, ...logistics } = c.req.valid('json');
    const account = bankAccount?.replace(/[\s-]/g, '') || null;
    const now = Date.now();
    const [, [saved]] = await atomically(c.env.DB, [
      ensureProfile(f, now),
      sql`UPDATE faculty_profiles SET logistics = ${JSON.stringify(logistics)}, bank_account = coalesce(${account}, bank_account),
        logistics_at = ${now}, updated_at = ${now} WHERE person_id = ${f.personId} RETURNING bank_account AS bankAccount`,
      // The account itself never enters the audit log: only that it changed.
      audit(f, 'faculty.logistics', { bankAccountChanged: !!account }),
    ]);
    return c.json(
      { at: isoInZone(now, f.timezone), bankAccount: maskAccount((saved?.bankAccount as string | null) ?? null) },
      200,
    );
  });
