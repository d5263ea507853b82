// Certificate numbers: 80 random bits a person can read off paper and type back, with a check character.

/**
 * 32 symbols: digits and capitals without 0, O, 1 and I, which people confuse with one another. 32 divides 256,
 * so five random bits pick a symbol with no bias.
 */
export const CERTIFICATE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CERTIFICATE_PREFIX = 'CQ';
/** Random symbols in a number: 16 × 5 = 80 bits. */
export const CERTIFICATE_RANDOM_SYMBOLS = 16;

const VALUE = new Map([...CERTIFICATE_ALPHABET].map((c, i) => [c, i]));

/**
 * The check is Damm's algorithm over GF(32): the quasigroup x∘y = 2·x + y, with GF(32) built on x⁵ + x² + 1.
 * x ↦ 2x + y and y ↦ 2x + y are both bijections, so any single substituted symbol changes the result, and
 * (c∘x)∘y = (c∘y)∘x only when x = y, so any swap of two different adjacent symbols does too (the check symbol
 * included). A Luhn mod 32 would miss some transpositions; a mod-37 check would need a 33rd symbol.
 */
const times2 = (x: number) => (x & 0x10 ? ((x << 1) ^ 0x25) & 0x1f : x << 1);

/** Damm's interim value after the symbols' values: 0 for a valid number with its check symbol. */
function damm(values: readonly number[]): number {
  let interim = 0;
  for (const v of values) interim = times2(interim) ^ v;
  return interim;
}

/** The check symbol's value: the one that brings the interim value back to 0 (addition in GF(32) is xor). */
const checkValue = (values: readonly number[]) => times2(damm(values));

/** The grouped form people see: CQ-XXXX-XXXX-XXXX-XXXX-C (C is the check symbol). */
function grouped(symbols: string): string {
  const groups = symbols.slice(0, CERTIFICATE_RANDOM_SYMBOLS).match(/.{4}/g)!;
  return [CERTIFICATE_PREFIX, ...groups, symbols.slice(CERTIFICATE_RANDOM_SYMBOLS)].join('-');
}

/** A new certificate number from crypto.getRandomValues, in its canonical grouped form. */
export function newCertificateNumber(): string {
  const bytes = crypto.getRandomValues(new Uint8Array((CERTIFICATE_RANDOM_SYMBOLS * 5) / 8));
  const values: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      values.push((acc >> bits) & 0x1f);
    }
    acc &= (1 << bits) - 1;
  }
  values.push(checkValue(values));
  return grouped(values.map((v) => CERTIFICATE_ALPHABET[v]).join(''));
}

// Spaces and every dash an input method may produce (NFKC has already made a full-width － into -), dots and
// underscores: people group the symbols however they like.
const SEPARATORS = /[\s\-‐‑‒–—―−ー_.·•]/gu;

/**
 * What a person typed, as the canonical number, or null when it cannot be one (wrong length, a symbol outside
 * the alphabet, or a failing check). NFKC folds full-width letters and digits (ＣＱ７Ｈ…) to ASCII; case,
 * spaces and dashes do not matter, and the CQ prefix may be left out.
 *
 * O, 0, I and 1 never occur in a number, so a typed one is a misreading; which symbol was meant (D or Q? L, J,
 * T or 7?) cannot be known, and guessing one that passes the check would turn the check into a corrector that
 * accepts wrong numbers. They are refused, and the verify page asks to check the number.
 */
export function parseCertificateNumber(input: string): string | null {
  let s = input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  const length = CERTIFICATE_RANDOM_SYMBOLS + 1;
  if (s.length === length + CERTIFICATE_PREFIX.length && s.startsWith(CERTIFICATE_PREFIX)) {
    s = s.slice(CERTIFICATE_PREFIX.length);
  }
  if (s.length !== length) return null;
  const values: number[] = [];
  for (const c of s) {
    const v = VALUE.get(c);
    if (v === undefined) return null;
    values.push(v);
  }
  return damm(values) === 0 ? grouped(s) : null;
}
