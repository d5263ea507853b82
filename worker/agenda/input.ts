// What an organiser sends to edit the agenda.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true, message: 'Use an ISO-8601 time with an offset.' });

export const sessionFields = z.object({
  kind: z.enum(['talk', 'panel', 'ceremony', 'break']),
  titleZh: z.string().trim().min(1, 'Enter the Chinese title.').max(300),
  titleEn: z.string().trim().min(1, 'Enter the English title.').max(300),
  descriptionZh: z.string().trim().max(5000),
  descriptionEn: z.string().trim().max(5000),
  roomZh: z.string().trim().max(120),
  roomEn: z.string().trim().max(120),
  startsAt: isoTime,
  endsAt: isoTime,
});

const ordered = (v: { startsAt?: string; endsAt?: string }) =>
  !v.startsAt || !v.endsAt || Date.parse(v.endsAt) > Date.parse(v.startsAt);
const endAfterStart = { message: 'The end must be after the start.', path: ['endsAt'] };

export const createSessionInput = sessionFields
  .partial({ descriptionZh: true, descriptionEn: true, roomZh: true, roomEn: true })
  .refine(ordered, endAfterStart);
export const updateSessionInput = sessionFields.partial().refine(ordered, endAfterStart);
export const moveInput = z.object({ direction: z.enum(['earlier', 'later']) });
export const reorderInput = z.object({ ids: z.array(z.string().max(100)).min(1).max(500) });
export const assignInput = z.object({
  people: z
    .array(z.object({ personId: z.string().max(100), role: z.enum(['speaker', 'panelist', 'moderator', 'host']) }))
    .max(50),
});
