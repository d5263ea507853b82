// What a person sends through their portal, and what an organiser sends on the faculty board.
import { z } from 'zod';
import { FACULTY_ANSWERS, RELATIONSHIP_TYPES } from '../../schema/faculty';
import { asciiText } from '../http/validate';

const t = (max: number) => z.string().trim().max(max);

export const responseInput = z.object({
  status: z.enum(FACULTY_ANSWERS, 'Choose confirm or decline.'),
  note: t(1000).optional(),
});

/** The profile fields a person may change; the organiser's setting decides whether they wait for approval. */
export const profileInput = z.object({
  nameZh: t(120).min(1, 'Enter the Chinese name.'),
  nameEn: t(120).min(1, 'Enter the English name.'),
  honorificZh: t(60),
  honorificEn: t(60),
  institutionZh: t(200),
  institutionEn: t(200),
  bioZh: t(4000),
  bioEn: t(4000),
});
export type ProfileChange = z.infer<typeof profileInput> & { photoUrl?: string };

export const disclosureItem = z.object({
  company: t(200).min(1, 'Enter the company.'),
  relationship: z.enum(RELATIONSHIP_TYPES, 'Choose a relationship type.'),
  status: z.enum(['ongoing', 'ended'], 'Choose ongoing or ended.'),
});

export const disclosureInput = z
  .object({
    nothing: z.boolean(),
    items: z.array(disclosureItem).max(20, 'At most 20 relationships.'),
    offLabel: t(2000),
    signature: t(120),
  })
  .superRefine((d, ctx) => {
    if (d.nothing && d.items.length)
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: 'Either list your relationships or choose nothing to disclose, not both.',
      });
    if (!d.nothing && !d.items.length)
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: 'List at least one relationship, or choose nothing to disclose.',
      });
    if (!d.signature) ctx.addIssue({ code: 'custom', path: ['signature'], message: 'Sign by typing your name.' });
  });
export type Disclosure = Omit<z.infer<typeof disclosureInput>, 'signature'>;

export const consentInput = z.object({ recording: z.boolean(), slides: z.boolean() });

const localTime = z.union([
  z.literal(''),
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Use a date and time, e.g. 2026-01-22T09:30.'),
]);

export const logisticsInput = z
  .object({
    arrival: localTime,
    departure: localTime,
    hotel: z.boolean(),
    dietary: t(500),
    payee: t(120),
    bankName: t(200),
    /** Left out (or empty) keeps the account already given: it is never sent back whole to fill the form. */
    bankAccount: asciiText()
      .max(40)
      .regex(/^[0-9 -]*$/, 'Use digits only.')
      .optional(),
  })
  .superRefine((l, ctx) => {
    // Both are local times of the same form (YYYY-MM-DDTHH:MM), so they compare as text.
    if (l.arrival && l.departure && l.departure <= l.arrival)
      ctx.addIssue({ code: 'custom', path: ['departure'], message: 'The departure must be after the arrival.' });
  });
export type Logistics = Omit<z.infer<typeof logisticsInput>, 'bankAccount'>;

export const renewInput = z.object({ email: asciiText().max(254).pipe(z.email('Enter a valid email address.')) });

export const MISSING_ITEMS = ['confirmation', 'disclosure', 'bio_photo', 'consent', 'logistics'] as const;
export type MissingItem = (typeof MISSING_ITEMS)[number];

export const settingsInput = z.object({
  approveChanges: z.boolean(),
  reminderDays: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-01-15.'))
    .max(20, 'At most 20 reminder days.'),
});

export const decisionInput = z.object({ decision: z.enum(['approve', 'reject']) });
