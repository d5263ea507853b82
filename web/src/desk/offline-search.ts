// Searching the ticket list saved on this device, by the server's rules, for the desk when it is offline.
import { foldCase, parseDeskQuery, SEARCH_LIMIT, searchRank } from '../../../worker/checkin/search-rules';
import type { Attendee } from './desk-api';
import type { SavedTicket } from './offline-store';

/**
 * The saved list has names and institutions only (no phone or email), so offline search looks at those two, with
 * the server's rules: any part of a name or institution from 1 CJK character or 2 letters, ranked the same way.
 */
export function searchTickets(tickets: SavedTicket[], q: string): Attendee[] {
  const query = parseDeskQuery(q);
  if (query?.kind !== 'text') return [];
  const ranked: { t: SavedTicket; rank: number }[] = [];
  for (const t of tickets) {
    const rank = searchRank(t.name, t.affiliation, query.text);
    if (rank !== null) ranked.push({ t, rank });
  }
  // Ties in the server's order too: by the folded name, code unit by code unit.
  const byName = (a: SavedTicket, b: SavedTicket) =>
    foldCase(a.name) < foldCase(b.name) ? -1 : foldCase(a.name) > foldCase(b.name) ? 1 : 0;
  return ranked
    .sort((a, b) => a.rank - b.rank || byName(a.t, b.t))
    .slice(0, SEARCH_LIMIT)
    .map(({ t }) => ({
      id: t.id,
      name: t.name,
      affiliation: t.affiliation,
      role: t.role,
      status: t.status,
      phone: '',
      email: '',
      checkedInAt: t.checkedInAt,
    }));
}
