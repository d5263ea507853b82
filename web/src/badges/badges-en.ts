// English strings of the badge printing page; badges-zh-CN.ts must have the same keys.
export const badgesEn = {
  'badges.title': 'Badges',
  'badges.count': '{n, plural, one {# badge} other {# badges}}',
  'badges.format': 'Format',
  'badges.formatCard': 'Cards, 90 × 54 mm (10 per A4 page)',
  'badges.formatA6': 'A6, one per page',
  'badges.role': 'Who',
  'badges.roleAll': 'Everyone confirmed',
  'badges.selected': 'Only the selected registrations ({n})',
  'badges.showAll': 'Show everyone',
  'badges.print': 'Print',
  'badges.printHint': 'In the print dialog, keep the scale at 100 % and the paper size the sheet asks for.',
  'badges.none': 'No confirmed registration matches.',
  'badges.qrAlt': 'Ticket QR code of {name}',
  'badges.unreachable': 'Could not load the badges. Check the connection and try again.',
  'badges.forbidden': 'You are not on the staff of this event.',
} as const;

export type BadgesKey = keyof typeof badgesEn;
