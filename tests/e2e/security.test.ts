// Pages in Chromium: security headers and CSP, and stored XSS tried through names, titles and bios.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newPage } from './browser';
import { signInPage } from './staff-session';
import { UPCOMING_SLUG } from '../../schema/seed/demo';

const baseUrl = inject('baseUrl');
// 50 characters, so it fits even the shortest text fields (honorifics).
const XSS = `"><img src=x onerror="window.__xss=1"><script>x</script>`.slice(0, 50);
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function expectNoScriptRan(page: Page) {
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
}

describe('security headers', () => {
  it('pages carry a strict CSP and the usual protections', async () => {
    const res = await fetch(`${baseUrl}/`);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+; includeSubDomains/);
    const api = await fetch(`${baseUrl}/api/events`);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('stored XSS', () => {
  it('names, titles and bios render as text on the public, ticket, mailbox, console, desk and badge pages', async () => {
    const page = await newPage(browser, 'en');
    await signInPage(baseUrl, page, 'organiser@colloquy.test', '/');
    // The link made a staff session in this browser: the pages below are seen as the organiser sees them.
    expect((await page.context().cookies()).map((c) => c.name)).toContain('colloquy_session');
    const me = (await page.evaluate(async () => (await fetch('/api/auth/me')).json())) as { staff?: { email: string } };
    expect(me.staff?.email).toBe('organiser@colloquy.test');
    const api = async (method: string, path: string, body: unknown) =>
      page.evaluate(
        async ([m, p, b]) => {
          const r = await fetch(p as string, {
            method: m as string,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(b),
          });
          return r.json();
        },
        [method, path, body] as const,
      );
    const person = await api('POST', `/api/events/${UPCOMING_SLUG}/people`, {
      nameZh: XSS,
      nameEn: XSS,
      honorificEn: XSS,
      institutionEn: XSS,
      bioEn: XSS,
      badgeRole: 'guest',
    });
    await api('POST', `/api/events/${UPCOMING_SLUG}/sessions`, {
      kind: 'talk',
      titleZh: XSS,
      titleEn: XSS,
      descriptionEn: XSS,
      roomEn: XSS,
      startsAt: '2026-01-22T17:20:00+08:00',
      endsAt: '2026-01-22T17:30:00+08:00',
    });
    expect((person as { person: { id: string } }).person.id).toBeTruthy();
    const address = `xss-${Date.now()}@example.org`;
    const reg = (await (
      await fetch(`${baseUrl}/api/events/${UPCOMING_SLUG}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseUrl },
        body: JSON.stringify({
          name: XSS,
          email: address,
          affiliation: XSS,
          jobTitle: XSS,
          consent: true,
          locale: 'en',
        }),
      })
    ).json()) as { registration: { ticketCode: string } };

    await page.goto(`${baseUrl}/`);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain('onerror=');
    await expectNoScriptRan(page);

    await page.goto(`${baseUrl}/t/${reg.registration.ticketCode}`);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain('onerror');
    await expectNoScriptRan(page);

    // The confirmation in the dev mailbox: the name shows as text in the email's own (sandboxed) frame and in
    // the plain-text part, and nothing runs in either.
    await page.goto(`${baseUrl}/dev/mailbox`);
    await page.getByLabel('Filter by recipient or subject').fill(address);
    await page.locator('.mail-item').filter({ hasText: address }).first().click();
    const mail = page.frameLocator('iframe.mail-html');
    await expect.poll(() => mail.locator('body').textContent(), { timeout: 10_000 }).toContain('onerror=');
    expect(await mail.locator('img[src="x"]').count()).toBe(0);
    await expect.poll(() => page.locator('.mail-text').textContent(), { timeout: 10_000 }).toContain('onerror=');
    await expectNoScriptRan(page);
    for (const frame of page.frames())
      expect(await frame.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // The console's people, agenda and registrations tabs, where the organiser reads the same strings.
    for (const tab of ['people', 'agenda', 'registrations']) {
      await page.goto(`${baseUrl}/console/${UPCOMING_SLUG}/${tab}`);
      await expect
        .poll(() => page.locator('main').textContent(), { timeout: 10_000, message: tab })
        .toContain('onerror=');
      await expectNoScriptRan(page);
    }

    // The desk's search results show the same names, and the badge sheet prints them.
    await page.goto(`${baseUrl}/desk/${UPCOMING_SLUG}`);
    await page.getByLabel('Name, institution, email or phone').fill('"><img');
    await expect
      .poll(() => page.locator('.desk-search-results').textContent(), { timeout: 10_000 })
      .toContain('onerror=');
    await expectNoScriptRan(page);

    await page.goto(`${baseUrl}/badges/${UPCOMING_SLUG}`);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain('onerror=');
    await expectNoScriptRan(page);
  }, 180_000);
});
