// English strings of the staff sign-in page; signin-zh-CN.ts must have the same keys.
export const signinEn = {
  'signin.title': 'Staff sign-in',
  'signin.intro':
    'Enter the email address the organiser registered for you. We email you a link that signs you in; it works once, for 15 minutes.',
  'signin.email': 'Email',
  'signin.submit': 'Email me a sign-in link',
  'signin.sending': 'Sending…',
  'signin.sentTitle': 'Check your email',
  'signin.sent': 'If {email} belongs to a staff member, a sign-in link is on its way. Open it on this device.',
  'signin.devMailbox': 'Local development: the email is in the development mailbox.',
  'signin.openMailbox': 'Open the development mailbox',
  'signin.again': 'Use another email address',
  'signin.emailRequired': 'Enter your email address.',
  'signin.emailInvalid': 'This is not a valid email address.',
  'signin.network': 'Could not reach the server. Check your connection and try again.',
  'signin.rateLimited': 'Too many attempts, wait a minute and try again.',
  'signin.hourlyLimit': 'Too many links for this address this hour. Use one already sent, or try again later.',
  'signin.recentlySent':
    'A link was already asked for this address in the last hour. Emails can take a minute or two: check your inbox and spam folder before asking again. Each link works once, within 15 minutes.',
  'signin.failed': 'Something went wrong on our side. Please try again.',
  'signin.linkFailed': 'That sign-in link has expired or has already been used. Ask for a new one below.',
  'signin.already': 'You are signed in as {who}.',
  'signin.linkFailedIn': 'That sign-in link has expired or has already been used; you are still signed in as {who}.',
  'signin.continue': 'Continue',
} as const;

export type SignInKey = keyof typeof signinEn;
