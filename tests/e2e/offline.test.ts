// The offline desk, device pairing and badge sheets: a scan made with Chromium offline survives a reload and reaches the
// server exactly once; a pairing QR signs a phone in as a desk once; badges print as a clean PDF.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousA11yViolations } from './browser';
import { testAttendees, unique } from './attendees';
import { launchWithQrCamera, type QrCamera } from './fake-camera';
import { contextCookie, sharedCookie, signInPage, useSession } from './staff-session';
import { UPCOMING_SLUG } from '../../schema/seed/demo';

const baseUrl = inject('baseUrl');
// The upcoming edition: the demo seminar itself has ended and takes no registrations.
const SLUG = UPCOMING_SLUG;
const DESK_EMAIL = 'desk@colloquy.test';
const ORGANISER_EMAIL = 'organiser@colloquy.test';

// Tickets this file creates are cancelled at the end, so the seats they took go back for the other test files.
const attendees = testAttendees(baseUrl, SLUG, 'offline', 'en');
const json = { 'content-type': 'application/json', origin: baseUrl };

/** A confirmed attendee: offline scans must admit them. */
async function register(name: string, affiliation: string) {
  const registration = await attendees.register(name, affiliation);
  expect(registration.status).toBe('confirmed');
  return registration;
}

const ticket = async (code: string) =>
  (
    (await (await fetch(`${baseUrl}/api/tickets/${encodeURIComponent(code)}`)).json()) as {
      ticket: { checkedInAt: string | null };
    }
  ).ticket;
const checkedInCount = async (cookie: string) =>
  (
    (await (await fetch(`${baseUrl}/api/events/${SLUG}/stats`, { headers: { cookie } })).json()) as {
      checkedIn: number;
    }
  ).checkedIn;

const overlay = (page: Page) => page.locator('.desk-result');
const syncLine = (page: Page) => page.locator('.desk-sync-line');
const waitingText = (page: Page) => page.locator('.desk-sync-waiting').textContent();

let browser: Browser;
let camera: QrCamera | undefined;
let offlineTicket: { ticketCode: string; ticketUrl: string };
const offlineName = `离线测试 ${unique()}`;

beforeAll(async () => {
  offlineTicket = await register(offlineName, '北京陆道培医院');
  camera = await launchWithQrCamera(offlineTicket.ticketUrl);
  browser = camera.browser;
});
afterAll(async () => {
  await camera?.close();
  await attendees.cancelAll();
});

describe('the offline desk', () => {
  let context: BrowserContext;
  afterAll(async () => {
    await context?.close();
  });

  it('checks a ticket in with Chromium offline, keeps it through a reload, and syncs it exactly once when back online', async () => {
    context = await browser.newContext({
      locale: 'en',
      permissions: ['camera'],
      viewport: { width: 1280, height: 860 },
    });
    const page = await context.newPage();
    await signInPage(baseUrl, page, DESK_EMAIL);
    await page.goto(`${baseUrl}/desk/${SLUG}`);
    await page.getByRole('heading', { level: 1, name: 'Front desk' }).waitFor();
    // The shell is cached and the ticket list saved before the network goes.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect
      .poll(() => page.getByTestId('last-synced').textContent(), { timeout: 15_000 })
      .toMatch(/^Last synced \d{2}:\d{2}:\d{2}$/);
    expect(await syncLine(page).textContent()).toContain('Online');
    expect(await waitingText(page)).toBe('All scans synced');
    const cookie = await contextCookie(context);
    const before = await checkedInCount(cookie);

    await context.setOffline(true);
    await expect.poll(() => syncLine(page).textContent()).toContain('Offline');
    await page.evaluate(() => {
      const w = window as unknown as { clickAt?: number; shownAt?: number };
      document.addEventListener(
        'click',
        () => {
          w.clickAt ??= performance.now();
        },
        { capture: true },
      );
      new MutationObserver(() => {
        if (!w.shownAt && document.querySelector('.desk-result')) w.shownAt = performance.now();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Start camera' }).click();
    const welcome = overlay(page).and(page.locator('[data-result="checked_in"]'));
    await welcome.waitFor({ timeout: 20_000 });
    const inPage = await page.evaluate(() => {
      const w = window as unknown as { clickAt: number; shownAt: number };
      return w.shownAt - w.clickAt;
    });
    console.log(
      `offline: "start camera" to the welcome screen in ${Math.round(inPage)} ms, answered from the saved list`,
    );
    expect(await welcome.locator('.desk-result-name').textContent()).toBe(offlineName);
    expect(await welcome.locator('.desk-result-affiliation').textContent()).toBe('北京陆道培医院');
    expect(await welcome.locator('.desk-result-offline').textContent()).toBe(
      'Saved on this device; it syncs when the connection is back.',
    );
    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Stop camera' }).click();
    expect(await waitingText(page)).toBe('1 scan waiting to sync');
    expect((await ticket(offlineTicket.ticketCode)).checkedInAt).toBeNull(); // nothing reached the server

    // The same ticket again, typed this time: this device knows it let them in.
    const box = page.getByLabel('Scan or type a ticket code', { exact: true });
    await box.fill(offlineTicket.ticketUrl);
    await box.press('Enter');
    const already = overlay(page).and(page.locator('[data-result="already_checked_in"]'));
    await already.waitFor();
    expect(await already.locator('.desk-result-detail').textContent()).toMatch(
      /^Already checked in at \d{2}:\d{2}, Desk\s1$/,
    );
    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'detached' });
    expect(await waitingText(page)).toBe('1 scan waiting to sync');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A reload with no network: the service worker serves the page from its cache (its own fetches fail too), IndexedDB still has the scan.
    const [worker] = context.serviceWorkers();
    expect(
      await worker!.evaluate(() =>
        fetch('/').then(
          () => 'reached',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { level: 1, name: 'Front desk' }).waitFor();
    await expect.poll(() => waitingText(page)).toBe('1 scan waiting to sync');
    expect(await syncLine(page).textContent()).toContain('Offline');
    expect(await page.getByTestId('last-synced').textContent()).toMatch(/^Last synced \d{2}:\d{2}:\d{2}$/);
    // Walk-ins need the server, and the form says so.
    await page
      .getByRole('region', { name: 'Walk-in registration' })
      .getByText('Walk-in registration needs the network')
      .waitFor();
    expect((await ticket(offlineTicket.ticketCode)).checkedInAt).toBeNull();

    await context.setOffline(false);
    await expect.poll(() => waitingText(page), { timeout: 15_000 }).toBe('All scans synced');
    expect(await syncLine(page).textContent()).toContain('Online');
    const synced = await ticket(offlineTicket.ticketCode);
    expect(synced.checkedInAt).not.toBeNull();
    expect(await checkedInCount(cookie)).toBe(before + 1);
    // More rounds of syncing change nothing: the scan was sent and taken off the queue once.
    await page.waitForTimeout(3500);
    expect(await checkedInCount(cookie)).toBe(before + 1);
    expect((await ticket(offlineTicket.ticketCode)).checkedInAt).toBe(synced.checkedInAt);
    expect(await page.locator('.desk-sync-notes').count()).toBe(0);

    // Online again, the server answers: already checked in, at the time of the offline scan.
    await box.fill(offlineTicket.ticketCode);
    await box.press('Enter');
    await already.waitFor();
    expect(await already.locator('.desk-result-offline').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('flags a ticket that two desks both let in while offline: the later sync gets a sync note, the organisers a conflict', async () => {
    const name = `Two Desks ${unique()}`;
    const shared = await register(name, 'Beijing Hospital');
    const desks: Page[] = [];
    for (const deskName of ['Desk 3', 'Desk 4']) {
      const ctx = await browser.newContext({ locale: 'en', viewport: { width: 1024, height: 800 } });
      await useSession(ctx, baseUrl, await sharedCookie(baseUrl, DESK_EMAIL));
      const page = await ctx.newPage();
      await page.goto(`${baseUrl}/desk/${SLUG}`);
      await page.getByLabel('This desk').selectOption(deskName);
      await expect
        .poll(() => page.getByTestId('last-synced').textContent(), { timeout: 15_000 })
        .toMatch(/^Last synced/);
      // The fresh ticket must be in this desk's saved list before the network goes.
      await expect
        .poll(
          () =>
            page.evaluate(
              (who) =>
                new Promise<boolean>((resolve) => {
                  const open = indexedDB.open('colloquy-desk:cell-therapy-autoimmune-next');
                  open.onsuccess = () => {
                    const all = open.result.transaction('tickets').objectStore('tickets').getAll();
                    all.onsuccess = () => {
                      resolve(all.result.some((t: { name: string }) => t.name === who));
                      open.result.close();
                    };
                  };
                }),
              name,
            ),
          { timeout: 10_000 },
        )
        .toBe(true);
      desks.push(page);
    }
    for (const page of desks) {
      await page.context().setOffline(true);
      const box = page.getByLabel('Scan or type a ticket code', { exact: true });
      await box.fill(shared.ticketUrl);
      await box.press('Enter');
      await overlay(page).and(page.locator('[data-result="checked_in"]')).waitFor();
      await page.keyboard.press('Escape');
    }
    const [first, second] = desks as [Page, Page];
    await first.context().setOffline(false);
    await expect.poll(() => waitingText(first), { timeout: 15_000 }).toBe('All scans synced');
    await second.context().setOffline(false);
    await expect.poll(() => waitingText(second), { timeout: 15_000 }).toBe('All scans synced');
    const note = second.locator('.desk-sync-notes li');
    await note.waitFor();
    expect(await note.textContent()).toMatch(
      new RegExp(
        `^${name}: let in here offline at \\d{2}:\\d{2}, but already checked in at \\d{2}:\\d{2}, Desk\\s3\\. The organisers have been told\\.$`,
      ),
    );
    expect(await first.locator('.desk-sync-notes').count()).toBe(0);
    expect(await seriousA11yViolations(second)).toEqual([]);

    const organiser = await sharedCookie(baseUrl, ORGANISER_EMAIL);
    const { conflicts } = (await (
      await fetch(`${baseUrl}/api/events/${SLUG}/checkins/conflicts`, { headers: { cookie: organiser } })
    ).json()) as { conflicts: { name: string; keptDeskId: string; otherDeskId: string }[] };
    expect(conflicts.filter((c) => c.name === name)).toEqual([
      expect.objectContaining({ keptDeskId: 'Desk 3', otherDeskId: 'Desk 4' }),
    ]);

    await second.getByRole('button', { name: 'Clear notes' }).click();
    await second.locator('.desk-sync-notes').waitFor({ state: 'detached' });
    for (const page of desks) await page.context().close();
  });
});

describe('pairing a phone as a desk', () => {
  it('signs a fresh device in from the pairing QR, once; the next device is told the code is used up', async () => {
    const organiser = await sharedCookie(baseUrl, ORGANISER_EMAIL);
    const res = await fetch(`${baseUrl}/api/events/${SLUG}/pairings`, {
      method: 'POST',
      headers: { ...json, cookie: organiser },
      body: JSON.stringify({ label: 'Side door', maxUses: 1 }),
    });
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^${baseUrl}/pair#`));

    const phone = await browser.newContext({
      locale: 'en',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Pair this device as a desk' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel(/^Device name/).fill('Side door phone');
    await page.getByRole('button', { name: 'Pair this device' }).click();
    await page.waitForURL(`${baseUrl}/desk/${SLUG}`);
    await page.getByRole('heading', { level: 1, name: 'Front desk' }).waitFor();
    expect(page.url()).not.toContain('#');
    // Its scans carry the device's name as their desk.
    expect(await page.getByLabel('This desk').inputValue()).toBe('Side door phone');
    await page.getByText('Signed in as Side door phone').waitFor();
    await phone.close();

    const second = await browser.newContext({ locale: 'en' });
    const other = await second.newPage();
    await other.goto(url);
    await other.getByRole('button', { name: 'Pair this device' }).click();
    await other
      .getByRole('alert')
      .filter({ hasText: 'This pairing code has expired, been used up or been revoked' })
      .waitFor();
    expect(other.url()).toBe(`${baseUrl}/pair`); // the token is gone from the address bar
    expect(await other.getByRole('button', { name: 'Pair this device' }).count()).toBe(0);
    const me = await other.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    expect(await seriousA11yViolations(other)).toEqual([]);
    await second.close();
  });
});

describe('badge sheets', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1100, height: 900 } });
    await useSession(context, baseUrl, await sharedCookie(baseUrl, DESK_EMAIL));
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  const imagesLoaded = (p: Page) =>
    p.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('.namebadge img')).every(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    );
  /** PDF points to whole millimetres (Chromium rounds page sizes to CSS pixels). */
  const mm = (pt: number) => Math.round((pt / 72) * 25.4);
  const pdfInfo = (pdf: Buffer) => {
    const text = pdf.toString('latin1');
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
    return {
      pages: (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length,
      width: Number(box?.[1]),
      height: Number(box?.[2]),
    };
  };

  it('prints everyone on 90 × 54 mm cards, speakers first, ten to an A4 page', async () => {
    await page.goto(`${baseUrl}/badges/${SLUG}`);
    const cards = page.locator('.namebadge');
    await cards.first().waitFor();
    const count = await cards.count();
    expect(count).toBeGreaterThanOrEqual(4);
    await expect.poll(() => imagesLoaded(page)).toBe(true);
    expect(await cards.first().evaluate((el) => el.classList.contains('role-speaker'))).toBe(true);
    expect(await cards.first().locator('.namebadge-name').textContent()).toBe('金京玉');
    expect(await cards.first().locator('.namebadge-band').textContent()).toBe('SPEAKER 主讲');
    expect(await page.locator('.namebadge.role-guest .namebadge-band').first().textContent()).toBe('GUEST 嘉宾');
    expect(await page.locator('.namebadge.role-attendee .namebadge-band').first().textContent()).toBe(
      'ATTENDEE 参会者',
    );
    // Real size: 90 × 54 mm at 96 px per inch.
    const box = await cards.first().boundingBox();
    expect(Math.round(box!.width)).toBe(340);
    expect(Math.round(box!.height)).toBe(204);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const info = pdfInfo(pdf);
    expect([mm(info.width), mm(info.height)]).toEqual([210, 297]); // A4
    expect(info.pages).toBe(Math.ceil(count / 10));

    // On a phone the preview shows one card a row and the page does not scroll sideways; the print stays the same.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    const [first, second] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
    expect(pdfInfo(await page.pdf({ preferCSSPageSize: true, printBackground: true })).pages).toBe(info.pages);
    await page.setViewportSize({ width: 1100, height: 900 });
  });

  it("prints A6, one badge per page, and a single walk-in's badge from the desk", async () => {
    const res = await fetch(`${baseUrl}/api/events/${SLUG}/walk-ins`, {
      method: 'POST',
      headers: { ...json, cookie: await contextCookie(context) },
      body: JSON.stringify({
        name: 'Alexandra Konstantinopoulou-Whitfield',
        affiliation: 'Peking University Third Hospital',
        deviceId: 'test-device',
        clientId: `walkin-${unique()}`,
        deskId: 'Desk 1',
      }),
    });
    expect(res.status).toBe(201);
    const walkIn = (await res.json()) as { registration: { id: string }; ticketCode: string };
    attendees.track(walkIn.ticketCode);

    await page.goto(`${baseUrl}/badges/${SLUG}?ids=${walkIn.registration.id}&format=a6`);
    const card = page.locator('.namebadge');
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.locator('.namebadge-name').textContent()).toBe('Alexandra Konstantinopoulou-Whitfield');
    expect(await page.getByLabel('A6，每页一个').isChecked()).toBe(true);
    await expect.poll(() => imagesLoaded(page)).toBe(true);
    // The long name stays inside the card.
    expect(
      await card.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1),
    ).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    const info = pdfInfo(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect([mm(info.width), mm(info.height)]).toEqual([105, 148]); // A6
    expect(info.pages).toBe(1);

    // At the desk, the walk-in's result screen links to this sheet.
    await page.goto(`${baseUrl}/desk/${SLUG}`);
    const form = page.getByRole('region', { name: '现场登记' });
    await form.getByLabel('姓名').fill(`现场 ${unique()}`);
    const response = page.waitForResponse((r) => r.url().endsWith(`/api/events/${SLUG}/walk-ins`));
    await form.getByRole('button', { name: '登记并签到' }).click();
    const answer = (await (await response).json()) as { registration: { id: string }; ticketCode: string };
    attendees.track(answer.ticketCode);
    const link = overlay(page).getByRole('link', { name: '打印胸牌' });
    expect(await link.getAttribute('href')).toBe(`/badges/${SLUG}?ids=${answer.registration.id}`);
    await page.keyboard.press('Escape');
    expect(await form.getByRole('link', { name: /^打印 .* 的胸牌$/ }).getAttribute('href')).toBe(
      `/badges/${SLUG}?ids=${answer.registration.id}`,
    );
  });
});
