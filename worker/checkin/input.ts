// What the desk sends: scans, searches, walk-ins, admissions, offline syncs and badge lists.
import { z } from 'zod';
import { REGISTRATION_ROLES } from '../../schema/registrations';
import { asciiText } from '../http/validate';

const scanFields = {
  deviceId: z.string().trim().min(1).max(100),
  clientId: z.string().trim().min(1).max(100),
  deskId: z.string().trim().max(60).optional().default(''),
};

export const checkinInput = z
  .object({
    code: z.string().trim().min(1).max(500).optional(),
    registrationId: z.string().trim().min(1).max(100).optional(),
    scannedAt: z.iso.datetime({ offset: true }).optional(),
    source: z.enum(['scan', 'search']).optional().default('scan'),
    ...scanFields,
  })
  .refine((v) => v.code || v.registrationId, {
    message: 'Give the scanned code or a registration id.',
    path: ['code'],
  });

export const walkInInput = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(120),
  email: asciiText().max(254).pipe(z.email('Enter a valid email address.')).optional().or(z.literal('')),
  phone: asciiText()
    .max(40)
    .regex(/^[0-9+()\-\s]*$/, 'Use digits, spaces, + - ( ) only.')
    .optional()
    .default(''),
  affiliation: z.string().trim().max(200).optional().default(''),
  jobTitle: z.string().trim().max(120).optional().default(''),
  locale: z.enum(['zh-CN', 'en']).optional().default('zh-CN'),
  ...scanFields,
});

export const TOO_SHORT = 'Type at least 1 Chinese character or 2 letters or digits.';

export const searchQuery = z.object({ q: z.string().trim().min(1, TOO_SHORT).max(100) });

export const admitInput = z.object({
  deviceId: z.string().trim().min(1).max(100),
  clientId: z.string().trim().min(1).max(100),
  deskId: z.string().trim().max(60).optional().default(''),
});

export const snapshotQuery = z.object({
  since: z.coerce.number().int().min(0).optional().default(0),
  after: z.string().max(100).optional().default(''),
  /** 2: compact rows and short hashes (worker/checkin/snapshot-rows.ts); absent: objects, as desks before it read. */
  v: z.enum(['1', '2']).optional().default('1'),
});

export const batchInput = z.object({
  deviceId: z.string().trim().min(1).max(100),
  deskId: z.string().trim().max(60).optional().default(''),
  scans: z
    .array(
      z
        .object({
          clientId: z.string().trim().min(1).max(100),
          code: z.string().trim().min(1).max(500).optional(),
          registrationId: z.string().trim().min(1).max(100).optional(),
          scannedAt: z.iso.datetime({ offset: true }),
          /** What this desk showed while offline: 'checked_in' means it let the person in. */
          localResult: z.string().max(40).optional(),
          /** Attendance (issue 17): as for a live scan, an item and/or a direction make it a sign-in or sign-out. */
          sessionId: z.string().trim().min(1).max(100).optional(),
          direction: z.enum(['in', 'out']).optional(),
        })
        .refine((s) => s.code || s.registrationId, {
          message: 'Give the scanned code or a registration id.',
          path: ['code'],
        }),
    )
    .min(1)
    .max(100),
});

/** Badge sheets: everyone confirmed, or the comma-separated `ids` (e.g. a walk-in printed at the desk); `role` for one role. */
export const badgesQuery = z.object({
  ids: z
    .string()
    .optional()
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean)
        .slice(0, 1000),
    ),
  // An empty role is no filter, as the badge page sends it.
  role: z.enum([...REGISTRATION_ROLES, ''], { error: 'Unknown role.' }).optional(),
});
