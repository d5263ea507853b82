// The agenda's plain rules: item kinds, the server's warnings filed under each item they concern, and hours as text.
import { locale } from '../../i18n';
import { formatDateTime, formatTime, sameDay } from '../../lib/time';
import type { AgendaWarning } from '../console-api';

export const KINDS = ['talk', 'panel', 'ceremony', 'break'] as const;
export type Kind = (typeof KINDS)[number];

/** One of the server's warnings as seen from one item: the other item it concerns, if any. */
export type ItemWarning = { warning: AgendaWarning; otherId: string | null };

/** The server's warnings, filed under every item they concern (a double booking shows beside both items). */
export function warningsBySession(warnings: AgendaWarning[]): Map<string, ItemWarning[]> {
  const out = new Map<string, ItemWarning[]>();
  for (const w of warnings) {
    const ids: string[] = w.sessionIds;
    for (const id of ids)
      out.set(id, [...(out.get(id) ?? []), { warning: w, otherId: ids.find((x) => x !== id) ?? null }]);
  }
  return out;
}

/** "14:00–17:20" in the event's zone; with the dates when the hours run over more than one day. */
export const hoursText = (h: { startsAt: string; endsAt: string }, tz: string) =>
  sameDay(h.startsAt, h.endsAt, tz)
    ? `${formatTime(h.startsAt, tz, locale())}–${formatTime(h.endsAt, tz, locale())}`
    : `${formatDateTime(h.startsAt, tz, locale())} – ${formatDateTime(h.endsAt, tz, locale())}`;
