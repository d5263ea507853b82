// PLACEHOLDER: replaced by h-certpdf at merge
// Certificate numbers: 17 random base-32 characters (85 bits) and a check character, grouped for typing.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function check(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum = (sum * 7 + ALPHABET.indexOf(body[i]!) * (i + 1)) % 32;
  return ALPHABET[sum]!;
}

const group = (s: string) => s.match(/.{1,6}/g)!.join('-');

export function newCertificateNumber(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(17));
  const body = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return group(body + check(body));
}

/** The canonical number for what a person typed, or null when it cannot be one. */
export function parseCertificateNumber(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== 18 || [...s].some((ch) => !ALPHABET.includes(ch))) return null;
  return check(s.slice(0, 17)) === s[17] ? group(s) : null;
}
