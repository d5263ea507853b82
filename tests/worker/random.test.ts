// Tokens and ids: URL-safe base64 of the random bytes, the same text the platform's btoa gives less its padding.
import { describe, expect, it } from 'vitest';
import { base64url, newId, randomTokens } from '../../worker/lib/random';

/** What base64url gave before it encoded from a table: btoa, then made URL-safe and unpadded. */
const viaBtoa = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

describe('base64url', () => {
  it('encodes every length from 0 to 69 bytes as btoa does, URL-safe and unpadded', () => {
    for (let length = 0; length < 70; length++) {
      for (let k = 0; k < 20; k++) {
        const bytes = crypto.getRandomValues(new Uint8Array(length));
        expect(base64url(bytes)).toBe(viaBtoa(bytes));
      }
    }
    // The two characters that differ from standard base64, and the bytes that make them.
    expect(base64url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });

  it('gives n distinct 22-character tokens from one call, and ids with their prefix', () => {
    const tokens = randomTokens(4);
    expect(tokens).toHaveLength(4);
    expect(new Set(tokens).size).toBe(4);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newId('reg', tokens[0])).toBe(`reg_${tokens[0]}`);
    expect(newId('eml')).toMatch(/^eml_[A-Za-z0-9_-]{22}$/);
  });
});
