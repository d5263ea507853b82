// Staff sign-in for browser tests, the way a person does it: ask for a link, open it from the dev mailbox.
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The newest sign-in link in the dev mailbox for this address. */
export async function signInLink(baseUrl: string, email: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const { emails } = (await (await fetch(`${baseUrl}/api/dev/mailbox`)).json()) as {
      emails: { to: string; html: string | null; text: string | null }[];
    };
    const mail = emails.find((m) => m.to === email);
    const link = /https?:\/\/[^\s"'<>]+\/api\/auth\/verify\?[^\s"'<>]+/.exec(mail?.text ?? mail?.html ?? '')?.[0];
    if (link) return link.replaceAll('&amp;', '&');
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no sign-in link for ${email} in the dev mailbox`);
}

async function requestLink(baseUrl: string, email: string, next: string) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, next }),
  });
  expect(res.status).toBe(202);
  return signInLink(baseUrl, email);
}

/** Signs the page's browser context in and waits for the page the link leads to. */
export async function signInPage(baseUrl: string, page: Page, email: string, next = '/desk') {
  await page.goto(await requestLink(baseUrl, email, next));
  await page.waitForURL(`${baseUrl}${next}`);
}

/** A Cookie header for API calls made by the test itself (organiser set-up, server-side checks). */
export async function staffCookie(baseUrl: string, email: string): Promise<string> {
  const verify = await fetch(await requestLink(baseUrl, email, '/desk'), { redirect: 'manual' });
  const cookie = verify.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('colloquy_session='));
  if (!cookie) throw new Error(`no session cookie for ${email} (HTTP ${verify.status})`);
  return cookie;
}

const sessions = new Map<string, Promise<string>>();
/**
 * One session per address for a whole test file: sign-in requests are rate-limited per IP, and every browser test
 * file signs in from the same one.
 */
export function sharedCookie(baseUrl: string, email: string): Promise<string> {
  if (!sessions.has(email)) sessions.set(email, staffCookie(baseUrl, email));
  return sessions.get(email)!;
}

/** Puts a session made by the test into a browser context, as if that browser had opened the link. */
export async function useSession(context: BrowserContext, baseUrl: string, cookie: string) {
  const [name, value] = cookie.split(/=(.*)/s) as [string, string];
  await context.addCookies([{ name, value, url: baseUrl }]);
}

/** The browser context's session, for API calls made as that desk. */
export async function contextCookie(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}
