// Certificate numbers: 80 random bits in a 32-symbol alphabet, a Damm check that catches every typo of one symbol and every swap of two neighbours, and what people type.
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_ALPHABET, newCertificateNumber, parseCertificateNumber } from '../../worker/certificates/number';

const symbolsOf = (n: string) => n.slice(3).replaceAll('-', '');
const withSymbols = (s: string) => `CQ-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s[16]}`;

describe('a new certificate number', () => {
  it('reads CQ-XXXX-XXXX-XXXX-XXXX-C, with 16 random symbols (80 bits) and a check symbol, none of 0 O 1 I', () => {
    expect(CERTIFICATE_ALPHABET).toHaveLength(32);
    expect(new Set(CERTIFICATE_ALPHABET).size).toBe(32);
    expect(CERTIFICATE_ALPHABET).not.toMatch(/[0O1I]/);
    for (let i = 0; i < 200; i++) {
      const n = newCertificateNumber();
      expect(n).toMatch(/^CQ-[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}-[2-9A-HJ-NP-Z]$/);
      expect(parseCertificateNumber(n)).toBe(n);
    }
  });

  it('uses every symbol in every random position, and 1,000 numbers never repeat', () => {
    const numbers = Array.from({ length: 1000 }, newCertificateNumber);
    expect(new Set(numbers).size).toBe(1000);
    const seen = Array.from({ length: 17 }, () => new Set<string>());
    for (const n of numbers) for (const [i, c] of [...symbolsOf(n)].entries()) seen[i]!.add(c);
    // 1,000 draws from 32 symbols miss one with probability about 32 × (31/32)^1000 ≈ 5e-13.
    for (const s of seen) expect(s.size).toBe(32);
  });
});

describe('the check symbol', () => {
  const samples = [newCertificateNumber(), newCertificateNumber(), withSymbols('2222222222222222' + '2')];

  it('holds for the all-2 number (the zero of the check), so the sample above is a real number', () => {
    expect(parseCertificateNumber(samples[2]!)).toBe(samples[2]);
  });

  it('rejects every substitution of one symbol, in all 17 positions, by each of the 31 other symbols', () => {
    let tried = 0;
    for (const n of samples) {
      const s = symbolsOf(n);
      for (let i = 0; i < s.length; i++) {
        for (const c of CERTIFICATE_ALPHABET) {
          if (c === s[i]) continue;
          const typo = s.slice(0, i) + c + s.slice(i + 1);
          expect(parseCertificateNumber(withSymbols(typo)), `${n}: ${s[i]}→${c} at ${i}`).toBeNull();
          tried++;
        }
      }
    }
    expect(tried).toBe(samples.length * 17 * 31);
  });

  it('rejects every swap of two different neighbours, the check symbol included, for every pair of symbols', () => {
    // Every ordered pair (x, y), x ≠ y, at every position, inside a random number.
    const base = symbolsOf(samples[0]!);
    let tried = 0;
    for (let i = 0; i < 16; i++) {
      for (const x of CERTIFICATE_ALPHABET) {
        for (const y of CERTIFICATE_ALPHABET) {
          if (x === y) continue;
          // A valid number with x, y at i, i+1: one free position (the check symbol, or the first symbol when
          // y is the check symbol) takes the one value that makes the check hold.
          const free = i + 1 < 16 ? 16 : 0;
          const body = base.slice(0, i) + x + y + base.slice(i + 2);
          const valid = [...CERTIFICATE_ALPHABET]
            .map((c) => body.slice(0, free) + c + body.slice(free + 1))
            .filter((t) => parseCertificateNumber(withSymbols(t)));
          expect(valid).toHaveLength(1);
          const v = valid[0]!;
          const swapped = v.slice(0, i) + v[i + 1] + v[i] + v.slice(i + 2);
          expect(parseCertificateNumber(withSymbols(swapped)), `${x}${y} at ${i}`).toBeNull();
          tried++;
        }
      }
    }
    expect(tried).toBe(16 * 32 * 31);
  });

  it('has exactly one valid check symbol for any 16 symbols', () => {
    const body = symbolsOf(samples[1]!).slice(0, 16);
    const valid = [...CERTIFICATE_ALPHABET].filter((c) => parseCertificateNumber(withSymbols(body + c)));
    expect(valid).toEqual([symbolsOf(samples[1]!)[16]]);
  });
});

describe('what a person types', () => {
  const n = newCertificateNumber();
  const s = symbolsOf(n);
  const fullWidth = (t: string) =>
    [...t].map((c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('');

  it.each([
    ['lowercase', n.toLowerCase()],
    ['full-width (全角) letters, digits and dashes', fullWidth(n)],
    ['spaces instead of dashes', n.replaceAll('-', ' ')],
    ['no dashes at all', n.replaceAll('-', '')],
    ['without the CQ prefix', n.slice(3)],
    ['other groupings and extra dashes', `cq--${s.slice(0, 3)}-${s.slice(3, 9)} ${s.slice(9)}-`],
    ['an ideographic space and a long dash from a Chinese input method', `CQ—${s.slice(0, 8)}\u3000${s.slice(8)}`],
    ['surrounding spaces and a newline', `  ${n}\n`],
  ])('%s gives back the canonical number', (_label, typed) => {
    expect(parseCertificateNumber(typed)).toBe(n);
  });

  it('refuses O, 0, I and 1 (never part of a number), a wrong length, a wrong prefix and other characters', () => {
    const at = (i: number, c: string) => withSymbols(s.slice(0, i) + c + s.slice(i + 1));
    for (const c of ['O', 'o', '0', 'I', 'i', '1', '０', 'Ｏ']) expect(parseCertificateNumber(at(3, c))).toBeNull();
    expect(parseCertificateNumber(n.slice(0, -1))).toBeNull();
    expect(parseCertificateNumber(`${n}2`)).toBeNull();
    expect(parseCertificateNumber(`QC-${n.slice(3)}`)).toBeNull();
    expect(parseCertificateNumber(n.replace('-', '/'))).toBeNull();
    expect(parseCertificateNumber('')).toBeNull();
    expect(parseCertificateNumber('张晓林')).toBeNull();
  });
});
