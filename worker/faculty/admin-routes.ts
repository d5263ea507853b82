// The organiser's faculty board: who has answered and given what, pending profile changes, links, settings, bank reveal.
import { type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { toCsv } from '../attendees/csv';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import type { AppEnv, Db } from '../env';
import { ORGANISER_ROLES, rule } from '../http/contract';
import { ApiError, notFound } from '../http/errors';
import { requestLocale } from '../http/messages';
import { publicOrigin } from '../http/origin';
import { isoOrNull } from '../lib/time';
import { prunePhotos } from '../people/files';
import { linkEmail } from './emails';
import {
  decisionInput,
  type Disclosure,
  type Logistics,
  MISSING_ITEMS,
  type MissingItem,
  type ProfileChange,
  settingsInput,
} from './input';
import { newLink, portalUrl, revokeLinks } from './link';
import { applyProfile } from './portal-routes';
import { invitationStatus, maskAccount, missingSql, onProgrammeSql } from './rules';

const rules = {
  board: rule({
    access: 'organiser',
    tag: 'faculty',
    summary: 'One row per person: invitation answers, bio, photo, slides, disclosure, consent, logistics, reminders.',
  }),
  csv: rule({ access: 'organiser', tag: 'faculty', summary: 'The faculty board as CSV (bank accounts masked).' }),
  settings: rule({
    access: 'organiser',
    tag: 'faculty',
    summary: 'Whether profile changes wait for approval, and the reminder days.',
    json: settingsInput,
  }),
  link: rule({
    access: 'organiser',
    tag: 'faculty',
    summary: 'Email a person a new portal link (earlier links stop working).',
  }),
  decide: rule({
    access: 'organiser',
    tag: 'faculty',
    summary: "Approve or reject a person's waiting profile changes.",
    json: decisionInput,
  }),
  bank: rule({
    access: 'organiser',
    tag: 'faculty',
    summary: "Reveal a person's full bank account (audited).",
  }),
};

type BoardRow = {
  id: string;
  nameZh: string;
  nameEn: string;
  email: string | null;
  photoUrl: string | null;
  bioZh: string;
  bioEn: string;
  pending: string | null;
  pendingAt: number | null;
  disclosure: string | null;
  signedAt: number | null;
  consentRecording: number | null;
  consentSlides: number | null;
  consentAt: number | null;
  logistics: string | null;
  bankAccount: string | null;
  logisticsAt: number | null;
  slides: number;
  answers: string;
  reminders: number;
  lastReminder: number | null;
  linkSentAt: number | null;
  onProgramme: number;
} & Record<`m_${MissingItem}`, number>;

/** The board in one round trip: the settings and one row per person, every "missing" read from rules.ts. */
async function readBoard(d1: D1Database, eventId: string) {
  const missing = MISSING_ITEMS.map((m) => sql`${missingSql(m, sql`p.id`)} AS ${sql.raw(`m_${m}`)}`);
  const [settingsRows, rows] = (await atomically(d1, [
    sql`SELECT approve_changes AS approve, reminder_days AS reminderDays FROM faculty_settings WHERE event_id = ${eventId}`,
    sql`SELECT p.id, p.name_zh AS nameZh, p.name_en AS nameEn, p.email, p.photo_url AS photoUrl, p.bio_zh AS bioZh, p.bio_en AS bioEn,
        fp.pending, fp.pending_at AS pendingAt, fp.disclosure, fp.disclosure_signed_at AS signedAt,
        fp.consent_recording AS consentRecording, fp.consent_slides AS consentSlides, fp.consent_at AS consentAt,
        fp.logistics, fp.bank_account AS bankAccount, fp.logistics_at AS logisticsAt,
        (SELECT count(*) FROM materials m WHERE m.person_id = p.id AND m.event_id = p.event_id AND m.status = 'ready') AS slides,
        (SELECT json_group_array(json_object('role', sp.role, 'answer', fr.status, 'note', fr.note))
          FROM session_people sp LEFT JOIN faculty_responses fr ON fr.session_id = sp.session_id AND fr.person_id = sp.person_id
          WHERE sp.person_id = p.id) AS answers,
        (SELECT count(*) FROM faculty_reminders r WHERE r.person_id = p.id) AS reminders,
        (SELECT max(created_at) FROM faculty_reminders r WHERE r.person_id = p.id) AS lastReminder,
        (SELECT max(created_at) FROM faculty_links l WHERE l.person_id = p.id) AS linkSentAt,
        ${onProgrammeSql(sql`p.id`)} AS onProgramme, ${sql.join(missing, sql`, `)}
      FROM people p LEFT JOIN faculty_profiles fp ON fp.person_id = p.id
      WHERE p.event_id = ${eventId} ORDER BY p.position, p.id`,
  ])) as [{ approve: number; reminderDays: string }[], BoardRow[]];
  const s = settingsRows[0];
  return {
    settings: {
      approveChanges: (s?.approve ?? 1) === 1,
      reminderDays: JSON.parse(s?.reminderDays ?? '[]') as string[],
    },
    rows,
  };
}

function presentRow(r: BoardRow, tz: string) {
  const answers = JSON.parse(r.answers) as { role: string; answer: string | null; note: string | null }[];
  const disclosure = r.disclosure && r.signedAt ? (JSON.parse(r.disclosure) as Disclosure) : null;
  const logistics = r.logistics && r.logisticsAt ? (JSON.parse(r.logistics) as Logistics) : null;
  return {
    id: r.id,
    name: { zh: r.nameZh, en: r.nameEn },
    email: r.email,
    roles: [...new Set(answers.map((a) => a.role))],
    invitation: invitationStatus(answers.map((a) => a.answer)),
    notes: answers.map((a) => a.note).filter((n): n is string => !!n),
    bio: r.bioZh !== '' || r.bioEn !== '',
    photoUrl: r.photoUrl,
    /** Ready materials (files and video links) the person has in this event; uploads in progress do not count. */
    slides: r.slides,
    disclosure: disclosure ? { ...disclosure, signedAt: isoOrNull(r.signedAt, tz) } : null,
    consent:
      r.consentAt !== null
        ? { recording: !!r.consentRecording, slides: !!r.consentSlides, at: isoOrNull(r.consentAt, tz) }
        : null,
    logistics: logistics
      ? { ...logistics, bankAccount: maskAccount(r.bankAccount), at: isoOrNull(r.logisticsAt, tz) }
      : null,
    pending: r.pending ? (JSON.parse(r.pending) as Partial<ProfileChange>) : null,
    pendingAt: isoOrNull(r.pendingAt, tz),
    reminders: r.reminders,
    lastReminderAt: isoOrNull(r.lastReminder, tz),
    linkSentAt: isoOrNull(r.linkSentAt, tz),
    onProgramme: r.onProgramme === 1,
    missing: MISSING_ITEMS.filter((m) => r[`m_${m}`] === 1),
  };
}

const CSV_HEADERS = {
  'zh-CN': [
    '姓名',
    '英文名',
    '邮箱',
    '邀请',
    '简介',
    '照片',
    '讲稿',
    '利益冲突声明',
    '录像授权',
    '讲稿发布授权',
    '到达',
    '离开',
    '需要住宿',
    '饮食',
    '收款人',
    '开户行',
    '账号',
    '已发提醒',
  ],
  en: [
    'Name',
    'English name',
    'Email',
    'Invitation',
    'Bio',
    'Photo',
    'Slides',
    'Disclosure',
    'Recording consent',
    'Slides consent',
    'Arrival',
    'Departure',
    'Hotel',
    'Dietary',
    'Payee',
    'Bank',
    'Account',
    'Reminders sent',
  ],
};
const INVITATION_WORDS = {
  'zh-CN': { confirmed: '已确认', declined: '已婉拒', partly: '部分确认', waiting: '待回复' },
  en: { confirmed: 'Confirmed', declined: 'Declined', partly: 'Partly confirmed', waiting: 'Waiting' },
};
const RELATIONSHIP_WORDS: Record<string, { 'zh-CN': string; en: string }> = {
  consultant: { 'zh-CN': '顾问', en: 'Consultant' },
  speakers_bureau: { 'zh-CN': '讲者团', en: "Speakers' bureau" },
  research_funding: { 'zh-CN': '研究资助', en: 'Research funding' },
  stock: { 'zh-CN': '股票', en: 'Stock' },
  employee: { 'zh-CN': '雇员', en: 'Employee' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

async function personWithEmail(db: Db, eventId: string, personId: string) {
  const p = await db.get<{
    personId: string;
    eventId: string;
    email: string | null;
    nameZh: string;
    nameEn: string;
    titleZh: string;
    titleEn: string;
  }>(sql`
    SELECT p.id AS personId, p.event_id AS eventId, p.email, p.name_zh AS nameZh, p.name_en AS nameEn, e.title_zh AS titleZh, e.title_en AS titleEn
    FROM people p JOIN events e ON e.id = p.event_id WHERE p.id = ${personId} AND p.event_id = ${eventId}`);
  if (!p) throw notFound('No such person in this event.');
  return p;
}

export const facultyAdminRoutes = new Hono<AppEnv>()
  .get('/:slug/faculty', rules.board, async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const { settings, rows } = await readBoard(c.env.DB, eventId);
    return c.json({ settings, people: rows.map((r) => presentRow(r, timezone)) }, 200);
  })
  .get('/:slug/faculty.csv', rules.csv, async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const lang = requestLocale(c);
    const { rows } = await readBoard(c.env.DB, eventId);
    const yes = lang === 'zh-CN' ? ['是', '否'] : ['yes', 'no'];
    const yn = (v: boolean | null | undefined) => (v === null || v === undefined ? '' : v ? yes[0]! : yes[1]!);
    const csv = toCsv(
      CSV_HEADERS[lang],
      rows
        .map((r) => presentRow(r, timezone))
        .map((r) => [
          r.name.zh,
          r.name.en,
          r.email,
          INVITATION_WORDS[lang][r.invitation],
          yn(r.bio),
          yn(!!r.photoUrl),
          r.slides,
          r.disclosure
            ? r.disclosure.nothing
              ? lang === 'zh-CN'
                ? '无利益冲突'
                : 'Nothing to disclose'
              : r.disclosure.items
                  .map(
                    (i) =>
                      `${i.company} (${RELATIONSHIP_WORDS[i.relationship]![lang]}, ${i.status === 'ongoing' ? (lang === 'zh-CN' ? '持续' : 'ongoing') : lang === 'zh-CN' ? '已结束' : 'ended'})`,
                  )
                  .join('; ')
            : '',
          yn(r.consent?.recording),
          yn(r.consent?.slides),
          r.logistics?.arrival ?? '',
          r.logistics?.departure ?? '',
          yn(r.logistics?.hotel),
          r.logistics?.dietary ?? '',
          r.logistics?.payee ?? '',
          r.logistics?.bankName ?? '',
          // Masked here too: the full number leaves only through the audited reveal.
          r.logistics?.bankAccount ?? '',
          r.reminders,
        ]),
    );
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${c.req.param('slug')}-faculty.csv"`,
        'content-language': lang,
        'cache-control': 'no-store',
      },
    });
  })
  .put('/:slug/faculty/settings', rules.settings, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const b = c.req.valid('json');
    const days = [...new Set(b.reminderDays)].sort();
    await atomically(c.env.DB, [
      sql`INSERT INTO faculty_settings (event_id, approve_changes, reminder_days) VALUES (${eventId}, ${b.approveChanges ? 1 : 0}, ${JSON.stringify(days)})
        ON CONFLICT (event_id) DO UPDATE SET approve_changes = excluded.approve_changes, reminder_days = excluded.reminder_days`,
      auditEntry(eventId, staff.id, 'faculty.settings', { approveChanges: b.approveChanges, reminderDays: days }),
    ]);
    return c.json({ settings: { approveChanges: b.approveChanges, reminderDays: days } }, 200);
  })
  .post('/:slug/faculty/:personId/link', rules.link, async (c) => {
    const { eventId, staff, timezone } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const p = await personWithEmail(c.var.db, eventId, c.req.param('personId'));
    if (!p.email) throw new ApiError(409, 'no_recipients', 'This person has no email address. Add one first.');
    const now = Date.now();
    const link = await newLink(p.personId, eventId, now);
    await atomically(c.env.DB, [
      revokeLinks(p.personId, now),
      link.insert,
      linkEmail({ ...p, email: p.email }, p, portalUrl(publicOrigin(c), link.token), link.token, now),
      auditEntry(eventId, staff.id, 'faculty.link_send', { personId: p.personId }),
    ]);
    deliverSoon(c);
    return c.json({ sentTo: p.email, linkSentAt: isoOrNull(now, timezone) }, 202);
  })
  .post('/:slug/faculty/:personId/changes', rules.decide, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const personId = c.req.param('personId');
    const { decision } = c.req.valid('json');
    const row = await c.var.db.get<{ pending: string | null }>(
      sql`SELECT pending FROM faculty_profiles WHERE person_id = ${personId} AND event_id = ${eventId}`,
    );
    if (!row?.pending) throw new ApiError(409, 'not_pending', 'This person has no changes waiting for approval.');
    const change = JSON.parse(row.pending) as Partial<ProfileChange>;
    const now = Date.now();
    const statements: SQL[] = [
      ...(decision === 'approve' ? applyProfile(personId, eventId, change, now) : []),
      // Only the version read here is cleared: a change the person saves meanwhile stays waiting.
      sql`UPDATE faculty_profiles SET pending = NULL, pending_at = NULL, updated_at = ${now} WHERE person_id = ${personId} AND pending = ${row.pending}`,
      auditEntry(eventId, staff.id, `faculty.changes_${decision}`, { personId, fields: Object.keys(change) }),
    ];
    await atomically(c.env.DB, statements);
    // Approved, the old photo goes; refused, the proposed one does.
    if (change.photoUrl !== undefined) c.executionCtx.waitUntil(prunePhotos(c.env, eventId, personId));
    return c.json({ decision }, 200);
  })
  .post('/:slug/faculty/:personId/bank', rules.bank, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const personId = c.req.param('personId');
    const [[row]] = await atomically(c.env.DB, [
      sql`SELECT bank_account AS bankAccount FROM faculty_profiles WHERE person_id = ${personId} AND event_id = ${eventId}`,
      // Written in the same batch as the read: no reveal leaves without its audit entry.
      auditEntry(eventId, staff.id, 'faculty.bank_reveal', { personId }),
    ]);
    if (!row?.bankAccount) throw notFound('This person has not given a bank account.');
    return c.json({ bankAccount: row.bankAccount as string }, 200);
  });
