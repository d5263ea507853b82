// The agenda's warnings, which never block a save: a person or a room booked twice at once, and items outside the
// event's hours (with the hours that would hold them all, so the organiser can extend the event in one click).
import { overlapsFor, type Slot } from './overlaps';

export type AgendaItem = {
  id: string;
  titleZh: string;
  titleEn: string;
  roomZh: string;
  roomEn: string;
  startsAt: number;
  endsAt: number;
};
export type Named = { id: string; nameZh: string; nameEn: string };
type Message = { 'zh-CN': string; en: string };

export type AgendaWarning =
  | { code: 'person_overlap'; personId: string; sessionIds: [string, string]; message: Message }
  | { code: 'room_overlap'; room: { zh: string; en: string }; sessionIds: [string, string]; message: Message }
  | { code: 'outside_event_hours'; sessionIds: [string]; message: Message };

const overlap = (a: { startsAt: number; endsAt: number }, b: { startsAt: number; endsAt: number }) =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** Two items are in the same room when either language names it the same (case and spaces aside); no room is no room. */
const sameRoom = (a: AgendaItem, b: AgendaItem) => {
  const key = (s: string) => s.trim().toLowerCase();
  return (
    (key(a.roomZh) !== '' && key(a.roomZh) === key(b.roomZh)) ||
    (key(a.roomEn) !== '' && key(a.roomEn) === key(b.roomEn))
  );
};

export function roomOverlaps(items: AgendaItem[]): [AgendaItem, AgendaItem][] {
  const sorted = [...items].sort((a, b) => a.startsAt - b.startsAt);
  const out: [AgendaItem, AgendaItem][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.startsAt < sorted[i]!.endsAt; j++) {
      if (overlap(sorted[i]!, sorted[j]!) && sameRoom(sorted[i]!, sorted[j]!)) out.push([sorted[i]!, sorted[j]!]);
    }
  }
  return out;
}

export const outsideHours = (items: AgendaItem[], event: { startsAt: number; endsAt: number }) =>
  items.filter((s) => s.startsAt < event.startsAt || s.endsAt > event.endsAt);

/** The event's hours stretched to hold every item: what "extend the event" sets. Null when they already do. */
export function hoursToHoldAll(items: AgendaItem[], event: { startsAt: number; endsAt: number }) {
  if (!outsideHours(items, event).length) return null;
  return {
    startsAt: Math.min(event.startsAt, ...items.map((s) => s.startsAt)),
    endsAt: Math.max(event.endsAt, ...items.map((s) => s.endsAt)),
  };
}

export function agendaWarnings(
  event: { startsAt: number; endsAt: number },
  items: AgendaItem[],
  slots: Slot[],
  people: Named[],
): AgendaWarning[] {
  const item = new Map(items.map((s) => [s.id, s]));
  const person = new Map(people.map((p) => [p.id, p]));
  const out: AgendaWarning[] = [];
  for (const o of overlapsFor(slots)) {
    const [a, b] = o.sessionIds.map((id) => item.get(id)!);
    const p = person.get(o.personId);
    out.push({
      code: 'person_overlap',
      personId: o.personId,
      sessionIds: o.sessionIds,
      message: {
        'zh-CN': `${p?.nameZh ?? o.personId}同时在“${a!.titleZh}”和“${b!.titleZh}”中，时间重叠。`,
        en: `${p?.nameEn ?? o.personId} is on both “${a!.titleEn}” and “${b!.titleEn}” at overlapping times.`,
      },
    });
  }
  for (const [a, b] of roomOverlaps(items)) {
    const room = { zh: a.roomZh || b.roomZh, en: a.roomEn || b.roomEn };
    out.push({
      code: 'room_overlap',
      room,
      sessionIds: [a.id, b.id],
      message: {
        'zh-CN': `“${a.titleZh}”和“${b.titleZh}”同时使用${room.zh || room.en}。`,
        en: `“${a.titleEn}” and “${b.titleEn}” are in ${room.en || room.zh} at overlapping times.`,
      },
    });
  }
  for (const s of outsideHours(items, event)) {
    out.push({
      code: 'outside_event_hours',
      sessionIds: [s.id],
      message: {
        'zh-CN': `“${s.titleZh}”超出了会议的起止时间。`,
        en: `“${s.titleEn}” falls outside the event's hours.`,
      },
    });
  }
  return out;
}
