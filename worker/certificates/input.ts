// What organisers send about certificates: issuing pages, the list's filters, revocation, the organiser's name.
import { z } from 'zod';

/**
 * Issuing goes a page of registrations at a time (each request evaluates at most `limit` people, like the
 * attendance report), so one request stays within the CPU budget whatever the event's size; the answer's `next`
 * says where the following request starts. bench/certificates.ts: a page of 50 (× 8 items, everyone eligible) costs
 * about 6 ms CPU on a loaded machine, 100 about 12 ms: so at most 50, and 5,000 registrations are 100 requests.
 */
export const issueQuery = z.object({
  after: z.string().max(100).optional().default(''),
  limit: z.coerce.number().int().min(1).max(50).optional().default(50),
});

export const listQuery = z.object({
  after: z.string().max(100).optional().default(''),
  limit: z.coerce.number().int().min(1).max(200).optional().default(50),
  status: z.enum(['pending', 'ready', 'failed', 'revoked']).optional(),
});

export const revokeInput = z.object({ reason: z.string().trim().min(1, 'Say why.').max(500) });

export const reissueInput = z.object({ reason: z.string().trim().max(500).optional().default('') });

export const organiserInput = z.object({
  organiserName: z.string().trim().min(1, 'Enter the organiser’s name as it should appear on certificates.').max(120),
});

export const SEAL_MAX_BYTES = 1024 * 1024;

/** Seals are drawn into the PDF, which takes PNG and JPEG: recognised by their first bytes, whatever the upload says. */
export function sealType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  return null;
}
