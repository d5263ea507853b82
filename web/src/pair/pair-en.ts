// English strings of device pairing; pair-zh-CN.ts must have the same keys.
export const pairEn = {
  'pair.title': 'Pair this device as a desk',
  'pair.intro':
    'This signs this phone or tablet in as a front desk for the event that made the pairing code. No email is needed.',
  'pair.deviceName': 'Device name',
  'pair.deviceNameHint': 'So the organiser can tell the desks apart, e.g. “Side door phone”.',
  'pair.submit': 'Pair this device',
  'pair.pairing': 'Pairing…',
  'pair.noToken':
    'This page needs a pairing code. Scan the pairing QR code on the organiser’s console with this device’s camera.',
  'pair.unavailable': 'This pairing code has expired, been used up or been revoked. Ask the organiser for a new one.',
  'pair.invalid': 'This is not a valid pairing code. Scan the QR code again.',
  'pair.rateLimited': 'Too many attempts, wait a minute and try again.',
  'pair.network': 'Could not reach the server. Check the connection and try again.',
  'pair.failed': 'Pairing did not work. Try again, or ask the organiser for a new code.',
  'pair.done': 'Paired as {name}. Opening the desk…',
  'pair.optional': 'optional',
} as const;

export type PairKey = keyof typeof pairEn;
