// Pages in Chromium: security headers and CSP, and stored XSS tried through names, titles and bios.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newPage } from './browser';
import { signInPage } from './staff-session';

const baseUrl = inject('baseUrl');
// 50 characters, so it fits even the shortest text fields (honorifics).
const XSS = `"><img src=x onerror="window.__xss=1"><script>x</script>`.slice(0, 50);
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

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
    const api = async (method: string, path: string, body: unknown) => page.evaluate(async ([m, p, b]) => {
      const r = await fetch(p as string, { method: m as string, headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
      return r.json();
    }, [method, path, body] as const);
    const person = await api('POST', '/api/events/cell-therapy-autoimmune-2026/people', { nameZh: XSS, nameEn: XSS, honorificEn: XSS, institutionEn: XSS, bioEn: XSS, badgeRole: 'guest' });
    await api('POST', '/api/events/cell-therapy-autoimmune-2026/sessions', { kind: 'talk', titleZh: XSS, titleEn: XSS, descriptionEn: XSS, roomEn: XSS, startsAt: '2026-01-22T17:20:00+08:00', endsAt: '2026-01-22T17:30:00+08:00' });
    expect((person as { person: { id: string } }).person.id).toBeTruthy();
    const reg = await (await fetch(`${baseUrl}/api/events/cell-therapy-autoimmune-2026/registrations`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ name: XSS, email: `xss-${Date.now()}@example.org`, affiliation: XSS, jobTitle: XSS, consent: true, locale: 'en' }),
    })).json() as { registration: { ticketCode: string } };

    await page.goto(`${baseUrl}/`);
    await expect.poll(() => page.locator('main').textContent()).toContain('onerror=');
    await expectNoScriptRan(page);

    await page.goto(`${baseUrl}/t/${reg.registration.ticketCode}`);
    await expect.poll(() => page.locator('main').textContent()).toContain('onerror');
    await expectNoScriptRan(page);

    await page.goto(`${baseUrl}/dev/mailbox`);
    await page.waitForTimeout(500);
    await expectNoScriptRan(page);

    await page.goto(`${baseUrl}/console`);
    await page.waitForTimeout(800);
    await expectNoScriptRan(page);

    // The desk's search results show the same names, and the badge sheet prints them.
    await page.goto(`${baseUrl}/desk/cell-therapy-autoimmune-2026`);
    await page.getByLabel('Name, email, phone or institution').fill('"><img');
    await expect.poll(() => page.locator('.desk-search-results').textContent(), { timeout: 10_000 }).toContain('onerror=');
    await expectNoScriptRan(page);

    await page.goto(`${baseUrl}/badges/cell-therapy-autoimmune-2026`);
    await expect.poll(() => page.locator('main').textContent()).toContain('onerror=');
    await expectNoScriptRan(page);
  });
});
