// What an organiser sends to invite people to an invitation-only event.
import { z } from 'zod';

/** Pasted lines or a CSV file's text; the whole list is read at once, so it is capped. */
export const inviteInput = z.object({
  text: z.string().min(1, 'Paste at least one line: name, email.').max(200_000),
  locale: z.enum(['zh-CN', 'en']).optional().default('zh-CN'),
});
