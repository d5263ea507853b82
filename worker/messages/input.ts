// What an organiser sends to preview, test and send a message.
import { z } from 'zod';
import { audienceInput } from './recipients';

export const composeInput = z.object({
  audience: audienceInput,
  subject: z.string().trim().min(1, 'Write a subject.').max(200),
  body: z.string().trim().min(1, 'Write the message.').max(20_000),
  locale: z.enum(['zh-CN', 'en']).optional(),
});

export const previewInput = composeInput.extend({ recipientId: z.string().max(100).optional() });
