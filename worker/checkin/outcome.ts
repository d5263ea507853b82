// The check-in rule, as a plain function: what the desk sees for a scanned ticket.
export type CheckinResult =
  | 'checked_in'
  | 'already_checked_in'
  | 'cancelled'
  | 'waitlisted'
  | 'pending'
  | 'rejected'
  | 'unknown_ticket'
  | 'wrong_event';

export type TicketState = {
  eventId: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'pending' | 'rejected';
  checkin: { clientId: string; scannedAt: number; deskId: string } | null;
} | null;

/**
 * The first check-in wins. A scan whose clientId is the recorded one is that same scan replayed (a retry or
 * an offline sync), so it reports checked_in again rather than "already".
 */
export function checkinOutcome(ticket: TicketState, eventId: string, clientId: string): CheckinResult {
  if (!ticket) return 'unknown_ticket';
  if (ticket.eventId !== eventId) return 'wrong_event';
  if (ticket.checkin) return ticket.checkin.clientId === clientId ? 'checked_in' : 'already_checked_in';
  if (ticket.status === 'cancelled') return 'cancelled';
  if (ticket.status === 'waitlisted') return 'waitlisted';
  // Awaiting the organiser's approval, or refused by them: the person has no seat, and the desk says why.
  if (ticket.status === 'pending') return 'pending';
  if (ticket.status === 'rejected') return 'rejected';
  // Confirmed but no check-in row: only possible if the insert was refused, which it never is for confirmed.
  return 'unknown_ticket';
}

/** A QR holds the ticket URL (…/t/CODE); a USB scanner or a person may give the bare code. */
export function ticketCodeFrom(scanned: string): string {
  const text = scanned.trim();
  const m = /\/t\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/.exec(text);
  return m ? m[1]! : text;
}
