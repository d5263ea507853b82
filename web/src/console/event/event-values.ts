// The event settings form's rules: its values from an event, the checks before sending, and the create or patch body.
import type { ConsoleEvent, EventCreate, EventPatch } from '../console-api';
import { type ConsoleKey, ct } from '../text';
import { fromLocalInput, toLocalInput } from '../zoned';

export type EventValues = {
  slug: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  venueZh: string;
  venueEn: string;
  addressZh: string;
  addressEn: string;
  contactZh: string;
  contactEn: string;
  timezone: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  registrationUntilEnd: boolean;
  registrationMode: 'open' | 'approval' | 'invitation';
  status: 'draft' | 'published' | 'closed';
};

export const STATUSES = ['draft', 'published', 'closed'] as const;
export const MODES = ['open', 'approval', 'invitation'] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TEXT = [
  'titleZh',
  'titleEn',
  'descriptionZh',
  'descriptionEn',
  'venueZh',
  'venueEn',
  'addressZh',
  'addressEn',
  'contactZh',
  'contactEn',
] as const;

/** An existing event as the form shows it: times as wall-clock inputs in the event's own zone. */
export function valuesOf(e: ConsoleEvent): EventValues {
  return {
    slug: e.slug,
    titleZh: e.title.zh,
    titleEn: e.title.en,
    descriptionZh: e.description.zh,
    descriptionEn: e.description.en,
    venueZh: e.venue.zh,
    venueEn: e.venue.en,
    addressZh: e.address.zh,
    addressEn: e.address.en,
    contactZh: e.contact.zh,
    contactEn: e.contact.en,
    timezone: e.timezone,
    startsAt: toLocalInput(e.startsAt, e.timezone),
    endsAt: toLocalInput(e.endsAt, e.timezone),
    capacity: String(e.capacity),
    registrationOpensAt: toLocalInput(e.registrationOpensAt, e.timezone),
    registrationClosesAt: toLocalInput(e.registrationClosesAt, e.timezone),
    registrationUntilEnd: e.registrationUntilEnd,
    registrationMode: e.registrationMode,
    status: e.status as EventValues['status'],
  };
}

export const blankEvent = (): EventValues => ({
  slug: '',
  titleZh: '',
  titleEn: '',
  descriptionZh: '',
  descriptionEn: '',
  venueZh: '',
  venueEn: '',
  addressZh: '',
  addressEn: '',
  contactZh: '',
  contactEn: '',
  timezone: 'Asia/Shanghai',
  startsAt: '',
  endsAt: '',
  capacity: '100',
  registrationOpensAt: '',
  registrationClosesAt: '',
  registrationUntilEnd: false,
  registrationMode: 'open',
  status: 'draft',
});

/** A slug offered from the English title until the organiser types one. */
export const slugFrom = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

export function checkEvent(v: EventValues, creating: boolean): Record<string, string> {
  const e: Record<string, string> = {};
  const need = (k: keyof EventValues, key: ConsoleKey) => {
    if (!String(v[k]).trim()) e[k] = ct(key);
  };
  if (creating) {
    if (!v.slug.trim()) e.slug = ct('err.slugRequired');
    else if (!SLUG.test(v.slug.trim()) || v.slug.trim().length < 3) e.slug = ct('err.slugPattern');
  }
  need('titleZh', 'err.required');
  need('titleEn', 'err.required');
  need('venueZh', 'err.required');
  need('venueEn', 'err.required');
  need('startsAt', 'err.timeRequired');
  need('endsAt', 'err.timeRequired');
  const cap = Number(v.capacity);
  if (!/^\d+$/.test(v.capacity.trim()) || cap > 100_000) e.capacity = ct('err.capacity');
  if (v.startsAt && v.endsAt && v.endsAt <= v.startsAt) e.endsAt = ct('err.endAfterStart');
  if (v.registrationOpensAt && v.registrationClosesAt && v.registrationClosesAt <= v.registrationOpensAt)
    e.registrationClosesAt = ct('err.closeAfterOpen');
  else if (v.endsAt && v.registrationClosesAt && v.registrationClosesAt > v.endsAt)
    e.registrationClosesAt = ct('err.closeByEnd');
  return e;
}

const iso = (v: EventValues, value: string) => fromLocalInput(value, v.timezone)!;
const isoOrNull = (v: EventValues, value: string) => (value ? fromLocalInput(value, v.timezone) : null);

export function createBody(v: EventValues): EventCreate {
  return {
    slug: v.slug.trim(),
    titleZh: v.titleZh,
    titleEn: v.titleEn,
    descriptionZh: v.descriptionZh,
    descriptionEn: v.descriptionEn,
    venueZh: v.venueZh,
    venueEn: v.venueEn,
    addressZh: v.addressZh,
    addressEn: v.addressEn,
    contactZh: v.contactZh,
    contactEn: v.contactEn,
    timezone: v.timezone,
    startsAt: iso(v, v.startsAt),
    endsAt: iso(v, v.endsAt),
    capacity: Number(v.capacity),
    status: v.status,
    registrationOpensAt: isoOrNull(v, v.registrationOpensAt),
    registrationClosesAt: isoOrNull(v, v.registrationClosesAt),
    registrationUntilEnd: v.registrationUntilEnd,
    registrationMode: v.registrationMode,
  };
}

/** Only what changed; a new zone keeps the wall-clock times the organiser sees, so every time is re-read in it. */
export function patchBody(v: EventValues, baseline: EventValues): EventPatch {
  const patch: EventPatch = {};
  for (const k of TEXT) if (v[k] !== baseline[k]) patch[k] = v[k];
  const zoneChanged = v.timezone !== baseline.timezone;
  if (zoneChanged) patch.timezone = v.timezone;
  if (zoneChanged || v.startsAt !== baseline.startsAt) patch.startsAt = iso(v, v.startsAt);
  if (zoneChanged || v.endsAt !== baseline.endsAt) patch.endsAt = iso(v, v.endsAt);
  if (zoneChanged || v.registrationOpensAt !== baseline.registrationOpensAt)
    patch.registrationOpensAt = isoOrNull(v, v.registrationOpensAt);
  if (zoneChanged || v.registrationClosesAt !== baseline.registrationClosesAt)
    patch.registrationClosesAt = isoOrNull(v, v.registrationClosesAt);
  if (v.registrationUntilEnd !== baseline.registrationUntilEnd) patch.registrationUntilEnd = v.registrationUntilEnd;
  if (v.registrationMode !== baseline.registrationMode) patch.registrationMode = v.registrationMode;
  if (v.capacity !== baseline.capacity) patch.capacity = Number(v.capacity);
  if (v.status !== baseline.status) patch.status = v.status;
  return patch;
}
