// Where a staff member lands after sign-in: a path on this site only, shared by the server and the sign-in page.

/** C0 and C1 control characters, DEL included: none belongs in a path a person would follow. */
const hasControl = (s: string) =>
  [...s].some((ch) => {
    const n = ch.charCodeAt(0);
    return n < 0x20 || (n >= 0x7f && n <= 0x9f);
  });
/** Any fixed origin will do: `next` is accepted only if resolving it against this one leaves the origin unchanged. */
const BASE = 'https://colloquy.invalid';

/**
 * The same-site path `next` points to, or null when it would leave the site or carries control characters
 * (browsers drop a TAB or newline inside a URL, so "/\t/evil.example" becomes "//evil.example"). No `next`
 * at all means the desk.
 */
export function sameSitePath(next: string | null | undefined): string | null {
  if (next === undefined || next === null || next === '') return '/desk';
  if (hasControl(next) || !next.startsWith('/')) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  return url.origin === BASE ? url.pathname + url.search + url.hash : null;
}
