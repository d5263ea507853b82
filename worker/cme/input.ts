// What an organiser sends to set the event's CME project and credit rule.
import { z } from 'zod';

export const CME_LEVELS = ['national', 'provincial', 'municipal', 'hospital'] as const;
export type CmeLevel = (typeof CME_LEVELS)[number];

const credits = z.number().min(0).max(100);

export const cmeInput = z.object({
  projectName: z.string().trim().min(1, 'Enter the project name.').max(200),
  /** 项目编号, as the CME committee gave it (e.g. 2026-04-01-123 (国)). */
  projectNumber: z.string().trim().max(60).optional().default(''),
  level: z.enum(CME_LEVELS),
  /** Ⅰ类 (national and provincial projects) or Ⅱ类 (hospital and department activities). */
  creditClass: z.enum(['I', 'II']),
  accreditedSessionIds: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
  attendee: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('per_hours'), hoursPerCredit: z.number().min(0.25).max(100) }),
    z.object({ mode: z.literal('fixed'), credits }),
  ]),
  /** Lecturer credits per hour of their own accredited items (a province with "1 per 2 hours" sets 0.5). */
  lecturerCreditsPerHour: credits,
  /** The most credits one project gives one person. */
  cap: credits.default(25),
  /** Share of the accredited minutes a person must be present, in per cent. */
  minPresencePercent: z.number().min(0).max(100).default(90),
  /** Count only intervals with both a sign-in and a sign-out. */
  requireSignOut: z.boolean().default(true),
  /** Whether an interval closed automatically at the block's end counts as signed out. */
  countAutomaticSignOut: z.boolean().default(false),
  /** Whether an attendee must also pass the assessment (考核合格, worker/evaluation) to be eligible. */
  assessmentRequired: z.boolean().default(false),
  rounding: z.enum(['whole', 'half']).default('half'),
});
