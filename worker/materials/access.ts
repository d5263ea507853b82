// Who may read a material, decided afresh on every read: the rule the file route and the lists share.
import type { MaterialVisibility } from '../../schema';

export type Viewer = { organiser: boolean; ticketHolder: boolean };
/** The times that open a material: its session's, or the event's when it belongs to no session. */
export type Opening = { startsAt: number; endsAt: number; eventStatus: 'draft' | 'published' | 'closed' };

/**
 * Organisers of the event read everything. Nobody else reads anything of a draft event. Public slides open to
 * anyone once the session has ended; attendees' materials open to confirmed ticket holders from the session's start.
 */
export function mayRead(visibility: MaterialVisibility, at: Opening, viewer: Viewer, now: number): boolean {
  if (viewer.organiser) return true;
  if (at.eventStatus === 'draft') return false;
  if (visibility === 'public_after_event') return now >= at.endsAt;
  if (visibility === 'attendees') return viewer.ticketHolder && now >= at.startsAt;
  return false;
}
