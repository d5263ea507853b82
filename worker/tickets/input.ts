// What a ticket holder sends to manage their registration.
import { z } from 'zod';

export const manageInput = z.object({ token: z.string().max(100).optional() }).strict();

/** Sending the link takes nothing: the address is the one registered. */
export const sendLinkInput = z.object({}).strict();
