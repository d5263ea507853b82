// "Add to calendar" on the ticket page hands over the agenda as an iCalendar file, in the reader's language.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newPage } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh ticket on the first listed event that takes registrations. */
async function newTicketUrl(locale: 'zh-CN' | 'en') {
  const { events } = (await (await fetch(`${baseUrl}/api/events`)).json()) as { events: { slug: string }[] };
  for (const { slug } of events) {
    const res = await fetch(`${baseUrl}/api/events/${slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({
        name: locale === 'en' ? 'Ada Carter' : '王小明',
        email: `cal-${locale}-${Date.now()}@example.org`,
        locale,
        consent: true,
      }),
    });
    if (res.status === 201)
      return ((await res.json()) as { registration: { ticketUrl: string } }).registration.ticketUrl;
  }
  throw new Error('no event takes registrations');
}

describe('add to calendar', () => {
  for (const [locale, label, agendaWord] of [
    ['zh-CN', '添加到日历', '开幕致辞'],
    ['en', 'Add to calendar', 'welcome'],
  ] as const) {
    it(`tapping "${label}" gives the agenda as a calendar file, not the app's "page does not exist"`, async () => {
      const page = await newPage(browser, locale, { acceptDownloads: true });
      await page.goto(await newTicketUrl(locale));
      const link = page.getByRole('link', { name: label });
      await link.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/\.ics$/);
      const ics = await (await download.createReadStream())
        .toArray()
        .then((chunks) => Buffer.concat(chunks).toString('utf8'));
      expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(ics).toContain('BEGIN:VEVENT');
      expect(ics.toLowerCase()).toContain(agendaWord.toLowerCase());
      // The ticket stays on screen; the app's not-found page never shows.
      expect(await page.getByText(locale === 'en' ? 'This page does not exist' : '页面不存在').count()).toBe(0);
      expect(new URL(page.url()).pathname).toMatch(/^\/t\//);
      await page.context().close();
    });
  }
});
