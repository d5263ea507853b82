// Phone numbers and emails as Chinese input methods type them: full-width forms become ASCII before anything checks or stores them.

/**
 * NFKC turns full-width digits, letters and signs (１３８, ｗａｎｇ＠, ＋８６, －, （）) into ASCII, then trim() drops
 * spaces at either end, the ideographic space U+3000 included. Only for phones and emails, on the server (through
 * `asciiText` in http/validate) and in the forms: names and institutions keep their full-width punctuation (（）、，),
 * which NFKC would rewrite, and are only trimmed; String.prototype.trim already removes U+3000.
 */
export const typedAscii = (s: string) => s.normalize('NFKC').trim();

/** A form's phone and email made ASCII, its other fields untouched: what the web forms check and send. */
export const asciiContact = <V extends { email: string; phone: string }>(v: V): V => ({
  ...v,
  email: typedAscii(v.email),
  phone: typedAscii(v.phone),
});
