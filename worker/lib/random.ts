// Unguessable identifiers from WebCrypto.

export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** 128 random bits, URL-safe: 22 characters. */
export const randomToken = () => base64url(crypto.getRandomValues(new Uint8Array(16)));

export const newId = (prefix: string) => `${prefix}_${randomToken()}`;

export async function sha256(text: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}
