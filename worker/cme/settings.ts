// The event's CME project and credit rule as stored, and the national and provincial presets.
import type { z } from 'zod';
import type { cmeInput } from './input';

export type CmeSettings = z.output<typeof cmeInput>;

/** The published rules (../shared/cme/README.md); every number stays editable, because provinces differ. */
export const CME_PRESETS: Record<
  'national' | 'provincial',
  Omit<CmeSettings, 'projectName' | 'projectNumber' | 'accreditedSessionIds'>
> = {
  national: {
    level: 'national',
    creditClass: 'I',
    attendee: { mode: 'per_hours', hoursPerCredit: 3 },
    lecturerCreditsPerHour: 2,
    cap: 25,
    minPresencePercent: 90,
    requireSignOut: true,
    countAutomaticSignOut: false,
    assessmentRequired: false,
    rounding: 'half',
  },
  provincial: {
    level: 'provincial',
    creditClass: 'I',
    attendee: { mode: 'per_hours', hoursPerCredit: 6 },
    lecturerCreditsPerHour: 1,
    cap: 25,
    minPresencePercent: 90,
    requireSignOut: true,
    countAutomaticSignOut: false,
    assessmentRequired: false,
    rounding: 'half',
  },
};
