// What an attendee sends to register, validated at the boundary.
import { z } from 'zod';
import { asciiText } from '../http/validate';

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

export const registrationInput = z.object({
  name: text(120).min(1, 'Enter your name.'),
  email: asciiText().max(254).pipe(z.email('Enter a valid email address.')),
  phone: asciiText()
    .max(40, 'At most 40 characters.')
    .regex(/^[0-9+()\-\s]*$/, 'Use digits, spaces, + - ( ) only.')
    .optional()
    .default(''),
  affiliation: text(200).optional().default(''),
  jobTitle: text(120).optional().default(''),
  locale: z.enum(['zh-CN', 'en']).optional().default('zh-CN'),
  /** The token from an invitation link: needed for an invitation-only event, and bound to the invited address. */
  invitation: z.string().trim().max(100).optional(),
  consent: z.literal(true, 'Please agree to the use of your details for this event.'),
  /** Answers to the event's questions, checked against them in worker/questions/register.ts. */
  answers: z.record(z.string().max(40), z.unknown()).optional(),
  /** The ids of the sensitive questions whose own consent box was ticked. */
  sensitiveConsent: z.array(z.string().max(40)).max(50).optional(),
});

/** The registrations an organiser approves or rejects at once. */
export const decisionInput = z.object({
  ids: z.array(z.string().trim().min(1).max(100)).min(1, 'Choose at least one registration.').max(200),
});

export type RegistrationInput = z.infer<typeof registrationInput>;

/** The key for "one registration per email per event": trimmed and case-insensitive. */
export const emailKey = (email: string) => email.trim().toLowerCase();
