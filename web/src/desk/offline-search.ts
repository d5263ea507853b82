// Searching the ticket list saved on this device, by the server's rules, for the desk when it is offline.
import { parseDeskQuery, rankSaved } from '../../../worker/checkin/search-rules';
import type { Attendee } from './desk-api';
import type { SavedTicket } from './offline-store';

/**
 * The saved list has names and institutions only (no phone or email), so offline search looks at those two, with
 * the server's rules: any part of a name or institution from 1 CJK character or 2 letters, ranked the same way.
 */
export function searchTickets(tickets: SavedTicket[], q: string): Attendee[] {
  const query = parseDeskQuery(q);
  if (query?.kind !== 'text') return [];
  return rankSaved(tickets, query.text).map((t) => ({
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
