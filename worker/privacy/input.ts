// What an organiser sends to purge an event's personal data.
import { z } from 'zod';

export const purgeInput = z.object({ confirm: z.string().max(100) });
