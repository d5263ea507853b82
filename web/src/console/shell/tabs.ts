// The event console's sections, in the order its navigation lists them.
export const TABS = [
  'overview',
  'event',
  'agenda',
  'people',
  'questions',
  'registrations',
  'messages',
  'devices',
  'audit',
] as const;
export type Tab = (typeof TABS)[number];
