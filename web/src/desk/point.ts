// The desk's attendance point: what it scans for (entrance, whole event or one agenda item; in or out), kept per event.
import { createSignal } from 'solid-js';
import { api, type Success } from '../api';
import { attempt, type Outcome, type Scan } from './checkin';

/** null: the entrance (today's check-in). sessionId '' is the whole event. */
export type Point = { sessionId: string; direction: 'in' | 'out' } | null;

const event = api.api.events[':slug'];
/** The answer to a sign-in or sign-out at a point. */
export type PointResponse = Success<(typeof event)['attendance']['scans']['$post']>;
export type PointResult = PointResponse['result'];
/** What the result screen shows: the server's answer, or the offline desk's own (savedOffline: queued to sync). */
export type PointShown = PointResponse & { savedOffline?: boolean };
type DeskAnswer = Success<(typeof event)['attendance']['desk']['$get']>;
export type DeskItem = DeskAnswer['items'][number];
export type PointCounts = DeskAnswer['counts'];

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
export function submitPointScan(scan: Scan, p: NonNullable<Point>, timeoutMs = 8000): Promise<Outcome<PointResponse>> {
  const { slug, ...body } = scan;
  const json = { ...body, direction: p.direction, ...(p.sessionId ? { sessionId: p.sessionId } : {}) };
  return attempt(() =>
    event.attendance.scans.$post({ param: { slug }, json }, { init: { signal: AbortSignal.timeout(timeoutMs) } }),
  );
}

export function getPointDesk(slug: string, sessionId: string) {
  return attempt(() => event.attendance.desk.$get({ param: { slug }, query: { sessionId } }));
}
