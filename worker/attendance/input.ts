// What the desk and organisers send about attendance: the desk's point, attendance pages, eligibility overrides.
import { z } from 'zod';

/** A live sign-in or sign-out: a check-in's fields, with the agenda item (none: the whole event) and the direction. */
export const pointScanInput = z
  .object({
    code: z.string().trim().min(1).max(500).optional(),
    registrationId: z.string().trim().min(1).max(100).optional(),
    /** The desk's clock, as for a check-in; the server times the scan itself. */
    scannedAt: z.iso.datetime({ offset: true }).optional(),
    source: z.enum(['scan', 'search']).optional().default('scan'),
    sessionId: z.string().trim().min(1).max(100).optional(),
    direction: z.enum(['in', 'out']).optional().default('in'),
    deviceId: z.string().trim().min(1).max(100),
    clientId: z.string().trim().min(1).max(100),
    deskId: z.string().trim().max(60).optional().default(''),
  })
  .refine((v) => v.code || v.registrationId, {
    message: 'Give the scanned code or a registration id.',
    path: ['code'],
  });

/** The point a desk counts at: an agenda item's id, or none for the whole event. */
export const pointQuery = z.object({ sessionId: z.string().trim().max(100).optional().default('') });

/**
 * Paged: each request evaluates one page of registrations (by id), so its CPU stays bounded whatever the event's
 * size (bench/attendance.ts measures a page of 50 with 8 items: 5.4 ms CPU on a loaded machine).
 */
export const attendanceQuery = z.object({
  after: z.string().max(100).optional().default(''),
  limit: z.coerce.number().int().min(1).max(500).optional().default(50),
  lang: z.enum(['zh-CN', 'en']).optional(),
});

export const overrideInput = z.object({
  eligible: z.boolean(),
  reason: z.string().trim().min(1, 'Say why.').max(500),
});
