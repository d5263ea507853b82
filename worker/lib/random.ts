// Unguessable identifiers from WebCrypto.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64url without padding, three bytes at a time (btoa and three replaces cost a registration more than its hash). */
export function base64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  if (i < bytes.length) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** 128 random bits, URL-safe: 22 characters. */
export const randomToken = () => base64url(crypto.getRandomValues(new Uint8Array(16)));

export const newId = (prefix: string, token = randomToken()) => `${prefix}_${token}`;

/** n tokens as randomToken makes them, from one call for random bytes (a registration needs four). */
export function randomTokens(n: number): string[] {
  const bytes = crypto.getRandomValues(new Uint8Array(16 * n));
  return Array.from({ length: n }, (_, i) => base64url(bytes.subarray(16 * i, 16 * i + 16)));
}

export async function sha256(text: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}
