// The confirmation email as a phone shows it (390 px, Chromium): labels on one line, the day's agenda, the QR, no sideways scroll.
// An organiser's message too: its bare ticket link is a link, and wraps.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UPCOMING_SLUG } from '../../schema/seed/demo';
import { launch, newPage } from './browser';
import { sharedCookie } from './staff-session';

const baseUrl = inject('baseUrl');
const SHOTS = process.env.COLLOQUY_SHOTS_DIR; // set to keep screenshots for a human look
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Mail = { to: string; html: string; attachments: { contentId: string | null; path: string | null }[] };

/** Registers on the first event that takes registrations, and returns the confirmation as the mailbox holds it. */
async function confirmation(locale: 'zh-CN' | 'en') {
  const email = `render-${locale}-${Date.now()}@example.org`;
  const { events } = (await (await fetch(`${baseUrl}/api/events`)).json()) as { events: { slug: string }[] };
  for (const { slug } of events) {
    const res = await fetch(`${baseUrl}/api/events/${slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ name: locale === 'en' ? 'Ada Carter' : '王小明', email, locale, consent: true }),
    });
    if (res.status === 201) break;
  }
  const { emails } = (await (await fetch(`${baseUrl}/api/dev/mailbox`)).json()) as { emails: Mail[] };
  const mail = emails.find((m) => m.to === email)!;
  // A mail client shows the inline attachment where the cid: points; here it is loaded from where Resend fetches it.
  let html = mail.html;
  for (const a of mail.attachments) if (a.contentId && a.path) html = html.replaceAll(`cid:${a.contentId}`, a.path);
  return html;
}

describe('the confirmation email on a phone', () => {
  for (const [locale, labels, agendaHeading] of [
    ['zh-CN', ['时间', '地点'], '会议日程'],
    ['en', ['When', 'Where'], 'Your day'],
  ] as const) {
    it(`${locale}: the labels stay on one line, the agenda and the QR show, and nothing scrolls sideways at 390 px`, async () => {
      const html = await confirmation(locale);
      const page = await newPage(browser, locale, { viewport: { width: 390, height: 800 } });
      await page.goto(baseUrl + '/api/health'); // same origin, so the QR image loads
      await page.setContent(html, { waitUntil: 'load' });
      for (const label of labels) {
        // One line box for the label's text: a label broken one character per line has one box per line.
        const lines = await page.locator('th', { hasText: label }).evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
        });
        expect(lines, `${label} fits on one line`).toBe(1);
      }
      expect(await page.getByRole('heading', { name: agendaHeading }).isVisible()).toBe(true);
      expect(await page.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
        true,
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/email-${locale}-390.png`, fullPage: true });
      await page.context().close();
    });
  }
});

describe("an organiser's message on a phone", () => {
  it("zh-CN: the reminder template's bare ticket link is a link that wraps, in the system emails' card, at 390 px", async () => {
    // A registrant's ticket code is 22 characters without a hyphen: nowhere for the browser to break the link.
    const registered = await fetch(`${baseUrl}/api/events/${UPCOMING_SLUG}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({
        name: '王小明',
        email: `message-${Date.now()}@example.org`,
        locale: 'zh-CN',
        consent: true,
      }),
    });
    expect(registered.status).toBe(201);
    const { registration } = (await registered.json()) as { registration: { id: string } };
    const cookie = await sharedCookie(baseUrl, 'organiser@colloquy.test');
    const api = (path: string, body?: unknown) =>
      fetch(`${baseUrl}/api/events/${UPCOMING_SLUG}/messages${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { cookie, origin: baseUrl, 'content-type': 'application/json', 'accept-language': 'zh-CN' },
        body: body ? JSON.stringify(body) : undefined,
      });
    const { templates } = (await (await api('/templates')).json()) as {
      templates: Record<'zh-CN', { id: string; body: string }[]>;
    };
    const reminder = templates['zh-CN'].find((t) => t.id === 'attendee_reminder')!;
    const subject = `会议提醒 ${Date.now()}`;
    const audience = { type: 'ids', ids: [registration.id] };
    const sent = await api('/test', { audience, subject, body: reminder.body, locale: 'zh-CN' });
    expect(sent.status).toBe(202);
    let mail: (Mail & { subject: string; text: string }) | undefined;
    await expect
      .poll(async () => {
        const { emails } = (await (await fetch(`${baseUrl}/api/dev/mailbox`)).json()) as {
          emails: NonNullable<typeof mail>[];
        };
        return (mail = emails.find((m) => m.subject.endsWith(subject)));
      })
      .toBeTruthy();
    const url = /二维码：(\S+)/.exec(mail!.text)![1]!;
    const page = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 800 } });
    await page.setContent(mail!.html, { waitUntil: 'load' });
    expect(await page.getByRole('link', { name: url, exact: true }).getAttribute('href')).toBe(url);
    expect(await page.getByText('此邮件由 Colloquy 发送。').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/message-zh-CN-390.png`, fullPage: true });
    await page.context().close();
  });
});
