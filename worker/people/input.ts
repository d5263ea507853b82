// What an organiser sends to add or edit a speaker, panel guest or moderator.
import { z } from 'zod';
import { asciiText } from '../http/validate';

const t = (max: number) => z.string().trim().max(max);

export const personFields = z.object({
  nameZh: t(120).min(1, 'Enter the Chinese name.'),
  nameEn: t(120).min(1, 'Enter the English name.'),
  honorificZh: t(60),
  honorificEn: t(60),
  institutionZh: t(200),
  institutionEn: t(200),
  email: z.union([z.literal(''), asciiText().max(254).pipe(z.email('Enter a valid email address.'))]),
  phone: asciiText()
    .max(40)
    .regex(/^[0-9+()\-\s]*$/, 'Use digits, spaces, + - ( ) only.'),
  bioZh: t(4000),
  bioEn: t(4000),
  /** The badge role: speakers and guests check in with their own band, and take no seat. */
  badgeRole: z.enum(['speaker', 'guest']),
});

export const createPersonInput = personFields.partial({
  honorificZh: true,
  honorificEn: true,
  institutionZh: true,
  institutionEn: true,
  email: true,
  phone: true,
  bioZh: true,
  bioEn: true,
  badgeRole: true,
});
export const updatePersonInput = personFields.partial();

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** Recognises JPEG, PNG and WebP by their first bytes, whatever the upload claims. */
export function imageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP')
    return 'image/webp';
  return null;
}
