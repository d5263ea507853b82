// The event console's sections, in the order its navigation lists them.
import type { ConsoleEvent } from '../console-api';

export const TABS = [
  'overview',
  'event',
  'agenda',
  'people',
  'faculty',
  'questions',
  'registrations',
  'approvals',
  'invitations',
  'messages',
  'cme',
  'evaluation',
  'devices',
  'audit',
] as const;
export type Tab = (typeof TABS)[number];

/** Sections that belong to one registration mode: the navigation lists them only for an event in that mode. */
const MODE_TABS: Partial<Record<Tab, ConsoleEvent['registrationMode']>> = {
  approvals: 'approval',
  invitations: 'invitation',
};

/** The sections the navigation lists for this event. */
export const tabsFor = (event: ConsoleEvent) =>
  TABS.filter((t) => !MODE_TABS[t] || MODE_TABS[t] === event.registrationMode);
