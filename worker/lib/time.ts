// Times are stored as UTC epoch milliseconds and shown as ISO-8601 with the event zone's offset.

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

type ZonedParts = Readonly<{ year: number; month: number; day: number; hour: number; minute: number; second: number }>;
/** The same few instants (an event's start and end, its agenda) are shown in every email of a run: remembered. */
const partsCache = new Map<string, ZonedParts>();

/** Wall-clock fields of an instant in a zone (shared and frozen: read them, do not change them). */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const key = `${timeZone}|${ms}`;
  let parts = partsCache.get(key);
  if (!parts) {
    const p = Object.fromEntries(
      formatter(timeZone)
        .formatToParts(new Date(ms))
        .map((x) => [x.type, x.value]),
    );
    parts = Object.freeze({
      year: +p.year!,
      month: +p.month!,
      day: +p.day!,
      hour: +p.hour!,
      minute: +p.minute!,
      second: +p.second!,
    });
    if (partsCache.size > 2000) partsCache.clear();
    partsCache.set(key, parts);
  }
  return parts;
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** "14:00–17:20": the wall-clock span between two zonedParts. */
export const clockRange = (from: { hour: number; minute: number }, to: { hour: number; minute: number }) =>
  `${pad(from.hour)}:${pad(from.minute)}–${pad(to.hour)}:${pad(to.minute)}`;

/**
 * The zone's UTC offset in minutes at an instant. Offsets change only on whole quarter hours, so one
 * Intl lookup per zone per quarter hour serves every time in it (a CSV of 10,000 rows makes a handful).
 */
const offsets = new Map<string, number>();
export function offsetMinutes(ms: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(ms / 900_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const z = zonedParts(ms, timeZone);
    offset = Math.round(
      (Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second) - Math.floor(ms / 1000) * 1000) / 60000,
    );
    if (offsets.size > 5000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The last second isoInZone wrote, and in which zone: a desk's scans in one second answer with the same time. */
let lastIso = { second: Number.NaN, timeZone: '', text: '' };

/** e.g. 2026-01-22T14:00:00+08:00 */
export function isoInZone(ms: number, timeZone: string): string {
  const second = Math.floor(ms / 1000);
  if (lastIso.second === second && lastIso.timeZone === timeZone) return lastIso.text;
  const offset = offsetMinutes(ms, timeZone);
  const local = new Date(second * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const text = `${local}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  lastIso = { second, timeZone, text };
  return text;
}

export const isoOrNull = (ms: number | null, timeZone: string) => (ms === null ? null : isoInZone(ms, timeZone));
