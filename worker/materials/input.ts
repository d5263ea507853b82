// What a faculty member or an organiser sends with a file or a video link, and with a change of visibility.
import { z } from 'zod';
import { MATERIAL_VISIBILITIES } from '../../schema';

const title = z.string().trim().min(1, 'Give it a title.').max(200, 'Too long.');
const visibility = z.enum(MATERIAL_VISIBILITIES);
const sessionId = z.string().trim().max(64);

/** A video link: http or https only, so no javascript: or data: address ever becomes a link on a page. */
export const videoUrl = z
  .string()
  .trim()
  .max(2000, 'Too long.')
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'Enter a web address starting with https://.');

/** The file's own bytes are the body, so what goes with them travels in the query. */
export const uploadQuery = z.object({
  title,
  visibility: visibility.default('organisers'),
  sessionId: sessionId.optional(),
  filename: z.string().trim().max(255).optional(),
});

export const videoLinkInput = z.object({ title, url: videoUrl, visibility, sessionId: sessionId.optional() });

export const editMaterialInput = z
  .object({ title: title.optional(), visibility: visibility.optional(), sessionId: sessionId.nullable().optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'Change at least one thing.');
