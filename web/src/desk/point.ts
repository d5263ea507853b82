// The desk's attendance point: what it scans for (entrance, whole event or one agenda item; in or out), kept per event.
import { createSignal } from 'solid-js';
import { api } from '../api';
import { attempt, type Outcome, type Role, type Scan, submitScan } from './checkin';

/** null: the entrance (today's check-in). sessionId '' is the whole event. */
export type Point = { sessionId: string; direction: 'in' | 'out' } | null;

export type PointResult =
  | 'signed_in'
  | 'already_signed_in'
  | 'signed_out'
  | 'already_signed_out'
  | 'not_signed_in'
  | 'cancelled'
  | 'waitlisted'
  | 'unknown_ticket'
  | 'wrong_event';

/** POST /api/events/:slug/checkins with a point → 200. */
export type PointResponse = {
  result: PointResult;
  point: { sessionId: string | null; direction: 'in' | 'out' };
  registration: { id: string; name: string; affiliation: string | null; role: Role } | null;
  at: string | null;
  deskId: string | null;
  automatic: boolean;
  again: boolean;
  minutesInside: number;
  intervalMinutes: number | null;
  signedIn: boolean;
  flagged: boolean;
};

export type DeskItem = {
  id: string;
  kind: string;
  title: { zh: string; en: string };
  startsAt: string;
  endsAt: string;
};
export type PointCounts = { presentNow: number; signedIn: number; signedOut: number };

const key = (slug: string) => `colloquy.desk.point:${slug}`;

function load(slug: string): Point {
  try {
    const v = JSON.parse(localStorage.getItem(key(slug)) ?? 'null');
    return v && typeof v.sessionId === 'string' && (v.direction === 'in' || v.direction === 'out') ? v : null;
  } catch {
    return null;
  }
}

/** The chosen point, remembered on this device: a desk at the panel's door stays on it after a reload. */
export function createPoint(slug: string) {
  const [point, setPoint] = createSignal<Point>(load(slug));
  const choose = (p: Point) => {
    setPoint(p);
    try {
      localStorage.setItem(key(slug), JSON.stringify(p));
    } catch {
      /* kept for this page only */
    }
  };
  return { point, choose };
}

/** Encodes a point as one <select> value: "entrance", "in:" (whole event), "out:ses_…". */
export const pointValue = (p: Point) => (p ? `${p.direction}:${p.sessionId}` : 'entrance');
export function parsePointValue(v: string): Point {
  const m = /^(in|out):(.*)$/.exec(v);
  return m ? { direction: m[1] as 'in' | 'out', sessionId: m[2]! } : null;
}

/** Sends a scan at a point: the same request as the entrance check-in, with the item and direction. */
export function submitPointScan(scan: Scan, p: NonNullable<Point>): Promise<Outcome<PointResponse>> {
  const withPoint = { ...scan, direction: p.direction, ...(p.sessionId ? { sessionId: p.sessionId } : {}) };
  return submitScan(withPoint as Scan, 8000) as unknown as Promise<Outcome<PointResponse>>;
}

export function getPointDesk(slug: string, sessionId: string) {
  return attempt<{ items: DeskItem[]; counts: PointCounts }>(() =>
    api.api.events[':slug'].attendance.desk.$get({ param: { slug }, query: { sessionId } }),
  );
}
