// What a staff member sends to sign in, and what pairs a desk device.
import { z } from 'zod';
import { asciiText } from '../http/validate';
import { sameSitePath } from './next-path';

export const BAD_NEXT = 'Choose a page on this site.';

export const signInInput = z.object({
  email: asciiText().max(254).pipe(z.email('Enter a valid email address.')),
  locale: z.enum(['zh-CN', 'en']).optional().default('zh-CN'),
  next: z
    .string()
    .max(200)
    .optional()
    .refine((n) => sameSitePath(n) !== null, BAD_NEXT),
});

export const createPairingInput = z.object({
  label: z.string().trim().max(60).optional().default(''),
  maxUses: z.number().int().min(1).max(50).optional().default(5),
  ttlMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .optional()
    .default(12 * 60),
});

export const pairInput = z.object({
  token: z.string().trim().min(16).max(64),
  deviceName: z.string().trim().max(60).optional().default(''),
});
