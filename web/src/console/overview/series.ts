// The dashboard's numbers shaped for its charts: a running total by day, even 5-minute arrival slots, counts by role.
import type { Dashboard } from '../console-api';

const SLOT_MS = 5 * 60_000;
const ROLES = ['attendee', 'speaker', 'guest', 'staff'] as const;

export type Point = { x: number; y: number; day: number };
export type Slot = { at: number; label: string; value: number };

export function cumulative(d: Dashboard): Point[] {
  let total = 0;
  const days = d.registrationsPerDay.map((p) => ({
    x: Date.parse(`${p.day}T00:00:00Z`),
    y: (total += p.count),
    day: p.count,
  }));
  // The line starts from zero on the day before the first registration, so even one day draws a rise.
  return days.length ? [{ x: days[0]!.x - 86_400_000, y: 0, day: 0 }, ...days] : [];
}

/** Every 5-minute slot from the first arrival to the last, empty ones included, so the time axis is even. */
export function arrivalSlots(d: Dashboard, label: (at: number) => string): Slot[] {
  if (!d.arrivals.length) return [];
  const counts = new Map(d.arrivals.map((a) => [Date.parse(a.at), a.count]));
  const last = Math.max(...counts.keys());
  // At least an hour of slots, padded with the (truly empty) slots before the first arrival.
  const first = Math.min(last - 11 * SLOT_MS, ...counts.keys());
  const n = Math.min(288, Math.round((last - first) / SLOT_MS) + 1);
  return Array.from({ length: n }, (_, i) => {
    const at = first + i * SLOT_MS;
    return { at, label: label(at), value: counts.get(at) ?? 0 };
  });
}

export function roleRows(d: Dashboard) {
  return ROLES.map((role) => {
    const rows = d.byRole.filter((r) => r.role === role);
    const confirmed = rows.filter((r) => r.status === 'confirmed').reduce((a, r) => a + r.count, 0);
    const checkedIn = rows.reduce((a, r) => a + r.checkedIn, 0);
    const waitlisted = rows.filter((r) => r.status === 'waitlisted').reduce((a, r) => a + r.count, 0);
    const cancelled = rows.filter((r) => r.status === 'cancelled').reduce((a, r) => a + r.count, 0);
    return { role, confirmed, checkedIn, waitlisted, cancelled };
  }).filter((r) => r.confirmed + r.waitlisted + r.cancelled > 0);
}
