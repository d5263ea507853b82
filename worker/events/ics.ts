// The agenda as an iCalendar file (RFC 5545): one VEVENT per agenda item, with stable UIDs and UTC times.
import { eventContact } from './contact';

const utc = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const escapeText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** UTF-8 length of one code point. */
const utf8Bytes = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
function fold(line: string): string {
  if (line.length <= 25) return line; // at most 3 bytes per UTF-16 unit: 75 octets
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = utf8Bytes(ch.codePointAt(0)!);
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

export type IcsItem = {
  uid: string;
  start: number;
  end: number;
  summary: string;
  location: string;
  description: string;
  /** Who to ask (RFC 5545 CONTACT), when the event has one. */
  contact?: string;
};

export function agendaIcs(calendarName: string, items: IcsItem[], stamp: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Colloquy//Agenda//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
  ];
  for (const it of items) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${it.uid}`,
      `DTSTAMP:${utc(stamp)}`,
      `DTSTART:${utc(it.start)}`,
      `DTEND:${utc(it.end)}`,
      `SUMMARY:${escapeText(it.summary)}`,
      `LOCATION:${escapeText(it.location)}`,
    );
    if (it.description) lines.push(`DESCRIPTION:${escapeText(it.description)}`);
    if (it.contact) lines.push(`CONTACT:${escapeText(it.contact)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

type EventLike = {
  titleZh: string;
  titleEn: string;
  venueZh: string;
  venueEn: string;
  contactZh?: string;
  contactEn?: string;
  updatedAt: number;
};
type SessionLike = {
  id: string;
  startsAt: number;
  endsAt: number;
  titleZh: string;
  titleEn: string;
  roomZh: string;
  roomEn: string;
  descriptionZh: string;
  descriptionEn: string;
};

/** An event's agenda as iCalendar, in one language. */
export function eventAgendaIcs(e: EventLike, items: SessionLike[], locale: 'zh-CN' | 'en', stamp = e.updatedAt) {
  const zh = locale === 'zh-CN';
  const contact = eventContact(e, zh);
  return agendaIcs(
    zh ? e.titleZh : e.titleEn,
    items.map((s) => ({
      uid: `${s.id}@colloquy`,
      start: s.startsAt,
      end: s.endsAt,
      summary: zh ? s.titleZh : s.titleEn,
      location: [zh ? e.venueZh : e.venueEn, zh ? s.roomZh : s.roomEn].filter(Boolean).join(' · '),
      description: zh ? s.descriptionZh : s.descriptionEn,
      contact,
    })),
    stamp,
  );
}
