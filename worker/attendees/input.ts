// What an organiser sends to list, export and edit registrations.
import { z } from 'zod';
import { REGISTRATION_ROLES, REGISTRATION_STATUSES } from '../../schema/registrations';
import { asciiText } from '../http/validate';

export const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(REGISTRATION_STATUSES).optional(),
  role: z.enum(REGISTRATION_ROLES).optional(),
  checkedIn: z.enum(['true', 'false']).optional(),
  sort: z.enum(['created', '-created', 'name', '-name']).optional().default('created'),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
  pageSize: z.coerce.number().int().min(1).max(200).optional().default(50),
  /** With `answer`: only registrations whose answer to this question contains it. */
  question: z.string().max(40).optional(),
  answer: z.string().trim().max(200).optional(),
});

export const editInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    email: asciiText().max(254).pipe(z.email('Enter a valid email address.')),
    phone: asciiText()
      .max(40)
      .regex(/^[0-9+()\-\s]*$/, 'Use digits, spaces, + - ( ) only.'),
    affiliation: z.string().trim().max(200),
    jobTitle: z.string().trim().max(120),
    locale: z.enum(['zh-CN', 'en']),
    role: z.enum(REGISTRATION_ROLES),
  })
  .partial();

/**
 * The CSV export: the whole file at once, or with `limit` one page of it (the first with the BOM and header,
 * then each `after` the cursor the previous page gave in X-Next-Cursor), so no request handles more rows than that.
 */
export const csvQuery = z.object({
  after: z
    .string()
    .max(200)
    .regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,150}$/, 'Use the cursor from the previous page.')
    .optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
  /** The organiser's language for headers, statuses, roles and desks; without it, Accept-Language. */
  lang: z.enum(['zh-CN', 'en']).optional(),
});
