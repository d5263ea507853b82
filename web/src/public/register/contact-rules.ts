// The registration form's own checks of the contact fields, and the server's field errors put in the reader's words.
import { asciiContact } from '../../../../worker/lib/normalize';
import type { PublicKey } from '../text';

export type Field = 'name' | 'email' | 'phone' | 'affiliation' | 'jobTitle' | 'locale' | 'consent';
export type TextFieldName = 'name' | 'email' | 'phone' | 'affiliation' | 'jobTitle';
export type Contact = Record<TextFieldName, string>;
export type Errors = Partial<Record<Field, PublicKey>>;
/** Page order: focus goes to the first invalid field in it. */
export const ORDER: Field[] = ['name', 'email', 'phone', 'affiliation', 'jobTitle', 'locale', 'consent'];
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^[0-9+()\-\s]*$/;
/** The server's length limits, checked here first so the message comes in the reader's language. */
export const MAX = { name: 120, email: 254, phone: 40, affiliation: 200, jobTitle: 120 } as const;

export function checkContact(values: Contact, consent: boolean): Errors {
  const v = asciiContact(values);
  const found: Errors = {};
  if (!v.name.trim()) found.name = 'err.nameRequired';
  if (!v.email.trim()) found.email = 'err.emailRequired';
  else if (!EMAIL.test(v.email.trim())) found.email = 'err.email';
  for (const f of Object.keys(MAX) as (keyof typeof MAX)[])
    if (!found[f] && v[f].trim().length > MAX[f]) found[f] = 'err.tooLong';
  if (!found.phone && !PHONE.test(v.phone)) found.phone = 'err.phone';
  if (!consent) found.consent = 'err.consent';
  return found;
}

/** The server's messages are English; show ours, in the reader's language, for the fields it names. */
export function contactErrorsFromServer(fields: Record<string, string>, values: Contact): Errors {
  const found: Errors = {};
  for (const [key, msg] of Object.entries(fields)) {
    const f = key as Field;
    if (!ORDER.includes(f)) continue;
    const value = f === 'consent' || f === 'locale' ? 'x' : values[f].trim();
    if (f === 'consent') found.consent = 'err.consent';
    else if (!value) found[f] = f === 'email' ? 'err.emailRequired' : f === 'name' ? 'err.nameRequired' : 'err.invalid';
    else if (/too long|too big|at most|too_big|maximum|characters/i.test(msg)) found[f] = 'err.tooLong';
    else if (f === 'email') found.email = 'err.email';
    else if (f === 'phone') found.phone = 'err.phone';
    else found[f] = 'err.invalid';
  }
  return found;
}

/** The answers' errors the server named, keyed by question id. */
export function answerErrorsFromServer(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => k.startsWith('answers.'))
      .map(([k, v]) => [k.slice('answers.'.length), v]),
  );
}
