// What an organiser sends to create or edit an event.
import { z } from 'zod';

const isoTime = z.iso.datetime({
  offset: true,
  message: 'Use an ISO-8601 time with an offset, e.g. 2026-01-22T14:00:00+08:00.',
});
const validZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const eventFields = z.object({
  slug: z
    .string()
    .trim()
    .min(3)
    .max(80)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and hyphens.'),
  titleZh: z.string().trim().min(1, 'Enter a Chinese title.').max(200),
  titleEn: z.string().trim().min(1, 'Enter an English title.').max(200),
  descriptionZh: z.string().trim().max(5000),
  descriptionEn: z.string().trim().max(5000),
  venueZh: z.string().trim().min(1, 'Enter the venue.').max(200),
  venueEn: z.string().trim().min(1, 'Enter the venue.').max(200),
  addressZh: z.string().trim().max(300),
  addressEn: z.string().trim().max(300),
  /** Who attendees may ask: a name, a phone, an email. */
  contactZh: z.string().trim().max(300),
  contactEn: z.string().trim().max(300),
  timezone: z.string().trim().refine(validZone, 'Unknown time zone.'),
  startsAt: isoTime,
  endsAt: isoTime,
  capacity: z.number().int().min(0).max(100_000),
  registrationOpensAt: isoTime.nullable(),
  registrationClosesAt: isoTime.nullable(),
  /** Without a closing time, registration closes at the start; true keeps it open until the end. */
  registrationUntilEnd: z.boolean(),
  /** open: anyone; approval: an organiser approves each registration; invitation: only invited addresses. */
  registrationMode: z.enum(['open', 'approval', 'invitation']),
  status: z.enum(['draft', 'published', 'closed']),
});

const endsAfterStart = (v: { startsAt?: string; endsAt?: string }) =>
  !v.startsAt || !v.endsAt || Date.parse(v.endsAt) > Date.parse(v.startsAt);

export const CLOSE_AFTER_OPEN = 'Registration must close after it opens.';
export const CLOSE_BY_END = 'Registration must close by the end of the event.';

/**
 * The registration window against the event, on the values an edit leaves (its own and the stored ones): a field
 * name and message for each rule broken. Registration closing after the end would be stored and never apply (it
 * closes at the end regardless), so the form would say one date and the public page another.
 */
export function windowErrors(v: {
  endsAt: number;
  registrationOpensAt: number | null;
  registrationClosesAt: number | null;
}): Record<string, string> {
  const close = v.registrationClosesAt;
  if (close === null) return {};
  if (v.registrationOpensAt !== null && close <= v.registrationOpensAt)
    return { registrationClosesAt: CLOSE_AFTER_OPEN };
  if (close > v.endsAt) return { registrationClosesAt: CLOSE_BY_END };
  return {};
}

export const createEventInput = eventFields
  .partial({
    descriptionZh: true,
    descriptionEn: true,
    addressZh: true,
    addressEn: true,
    contactZh: true,
    contactEn: true,
    registrationOpensAt: true,
    registrationClosesAt: true,
    registrationUntilEnd: true,
    registrationMode: true,
    status: true,
  })
  .refine(endsAfterStart, { message: 'The end must be after the start.', path: ['endsAt'] });

export const updateEventInput = eventFields
  .omit({ slug: true })
  .partial()
  .refine(endsAfterStart, { message: 'The end must be after the start.', path: ['endsAt'] });

export const msOrNull = (iso: string | null | undefined) =>
  iso === undefined ? undefined : iso === null ? null : Date.parse(iso);
