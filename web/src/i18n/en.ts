// English strings. Keys are shared with zh-CN.ts, which TypeScript keeps complete.
export const en = {
  skipToContent: 'Skip to content',
  loading: 'Loading…',
  language: 'Language',
  notFound: 'This page does not exist.',
  backHome: 'Back to the event',
  loadFailed: 'Could not load the event. Check your connection and try again.',
  retry: 'Try again',
  venue: 'Venue',
  /** Who to ask about the event, as the organiser wrote it. */
  contact: 'Contact',
  'kind.talk': 'Talk',
  'kind.panel': 'Panel',
  'kind.ceremony': 'Ceremony',
  'kind.break': 'Break',
  'role.speaker': 'Speaker',
  'role.panelist': 'Panel guest',
  'role.moderator': 'Moderator',
  'role.host': 'Moderator',
  'role.guest': 'Guest',
  'role.attendee': 'Attendee',
  'role.staff': 'Staff',
} as const;

export type MessageKey = keyof typeof en;
