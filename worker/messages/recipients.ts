// Who a message goes to, and the values its placeholders take for each of them.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../env';
import { clockRange, zonedParts } from '../lib/time';
import { answerTexts } from '../questions/placeholders';
import type { RecipientSession, RecipientValues } from './render';

export const audienceInput = z.union([
  z.object({ type: z.enum(['speakers', 'guests', 'people']) }),
  z.object({
    type: z.literal('attendees'),
    status: z.enum(['confirmed', 'waitlisted', 'cancelled']).optional(),
    checkedIn: z.boolean().optional(),
  }),
  z.object({ type: z.literal('ids'), ids: z.array(z.string().max(100)).min(1).max(5000) }),
]);
export type Audience = z.infer<typeof audienceInput>;

export type Recipient = {
  id: string;
  email: string;
  name: string;
  locale: 'zh-CN' | 'en';
  ticketCode: string;
  affiliation: string;
  jobTitle: string;
  personId: string | null;
  nameZh: string | null;
  nameEn: string | null;
  honorificZh: string | null;
  honorificEn: string | null;
  institutionZh: string | null;
  institutionEn: string | null;
  answers: string;
};

function audienceFilter(a: Audience): SQL {
  switch (a.type) {
    case 'speakers':
      return sql`r.person_id IS NOT NULL AND r.role = 'speaker' AND r.status != 'cancelled'`;
    case 'guests':
      return sql`r.person_id IS NOT NULL AND r.role = 'guest' AND r.status != 'cancelled'`;
    case 'people':
      return sql`r.person_id IS NOT NULL AND r.status != 'cancelled'`;
    case 'attendees': {
      const parts = [sql`r.role = 'attendee'`, sql`r.status = ${a.status ?? 'confirmed'}`];
      if (a.checkedIn === true) parts.push(sql`EXISTS (SELECT 1 FROM checkins c WHERE c.registration_id = r.id)`);
      if (a.checkedIn === false) parts.push(sql`NOT EXISTS (SELECT 1 FROM checkins c WHERE c.registration_id = r.id)`);
      return sql.join(parts, sql` AND `);
    }
    case 'ids':
      return sql`r.id IN (SELECT value FROM json_each(${JSON.stringify(a.ids)}))`;
  }
}

export async function findRecipients(db: Db, eventId: string, a: Audience): Promise<Recipient[]> {
  return db.all<Recipient>(sql`
    SELECT r.id, r.email, r.name, r.locale, r.ticket_code AS ticketCode, r.affiliation, r.job_title AS jobTitle, r.person_id AS personId,
           p.name_zh AS nameZh, p.name_en AS nameEn, p.honorific_zh AS honorificZh, p.honorific_en AS honorificEn,
           p.institution_zh AS institutionZh, p.institution_en AS institutionEn, r.answers
    FROM registrations r LEFT JOIN people p ON p.id = r.person_id
    WHERE r.event_id = ${eventId} AND r.email != '' AND r.email NOT LIKE 'erased+%' AND ${audienceFilter(a)}
    ORDER BY r.created_at, r.id`);
}

type EventInfo = {
  titleZh: string;
  titleEn: string;
  venueZh: string;
  venueEn: string;
  addressZh: string;
  addressEn: string;
  timezone: string;
  questions?: string;
};
type SessionSlot = {
  personId: string;
  role: string;
  startsAt: number;
  endsAt: number;
  titleZh: string;
  titleEn: string;
  roomZh: string;
  roomEn: string;
};

export async function sessionsByPerson(db: Db, eventId: string) {
  const rows = await db.all<SessionSlot>(sql`
    SELECT sp.person_id AS personId, sp.role, s.starts_at AS startsAt, s.ends_at AS endsAt, s.title_zh AS titleZh, s.title_en AS titleEn, s.room_zh AS roomZh, s.room_en AS roomEn
    FROM session_people sp JOIN sessions s ON s.id = sp.session_id WHERE s.event_id = ${eventId} ORDER BY s.starts_at`);
  const map = new Map<string, SessionSlot[]>();
  for (const r of rows) map.set(r.personId, [...(map.get(r.personId) ?? []), r]);
  return map;
}

const ROLE_NAMES = {
  'zh-CN': { speaker: '主讲', panelist: '讨论嘉宾', moderator: '主持人', host: '主持人' },
  en: { speaker: 'speaker', panelist: 'panellist', moderator: 'moderator', host: 'moderator' },
} as const;

function when(startsAt: number, endsAt: number, tz: string, locale: 'zh-CN' | 'en') {
  const s = zonedParts(startsAt, tz);
  const e = zonedParts(endsAt, tz);
  const day = locale === 'zh-CN' ? `${s.month}月${s.day}日` : `${s.day}/${s.month}`;
  return `${day} ${clockRange(s, e)}`;
}

export function valuesFor(
  r: Recipient,
  event: EventInfo,
  slots: Map<string, SessionSlot[]>,
  origin: string,
  localeOverride?: 'zh-CN' | 'en',
): RecipientValues {
  const zh = (localeOverride ?? r.locale) === 'zh-CN';
  const locale = zh ? 'zh-CN' : 'en';
  const person = r.personId !== null;
  const sessions: RecipientSession[] = (r.personId ? (slots.get(r.personId) ?? []) : []).map((s) => ({
    when: when(s.startsAt, s.endsAt, event.timezone, locale),
    title: zh ? s.titleZh : s.titleEn,
    role: ROLE_NAMES[locale][s.role as keyof (typeof ROLE_NAMES)['en']] ?? s.role,
    room: zh ? s.roomZh : s.roomEn,
  }));
  return {
    name: person ? (zh ? r.nameZh : r.nameEn) || r.name : r.name,
    title: person ? ((zh ? r.honorificZh : r.honorificEn) ?? '') : r.jobTitle,
    institution: person ? ((zh ? r.institutionZh : r.institutionEn) ?? '') : r.affiliation,
    event: zh ? event.titleZh : event.titleEn,
    venue: [zh ? event.venueZh : event.venueEn, zh ? event.addressZh : event.addressEn].filter(Boolean).join(' · '),
    ticket_url: `${origin}/t/${r.ticketCode}`,
    sessions,
    answers: answerTexts(event.questions, r.answers, locale),
  };
}
