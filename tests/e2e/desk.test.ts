// The front desk: staff sign in by emailed link, then check guests in by camera, USB scanner, search and walk-in.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPage, seriousA11yViolations } from './browser';
import { signInLink, signInPage } from './staff-session';
import { testAttendees, unique } from './attendees';
import { launchWithQrCamera, type QrCamera } from './fake-camera';
import { UPCOMING_SLUG } from '../../schema/seed/demo';

const baseUrl = inject('baseUrl');
// The upcoming edition: the demo seminar itself has ended and takes no registrations.
const SLUG = UPCOMING_SLUG;
const DESK_EMAIL = 'desk@colloquy.test';
/** The demo's main speaker's badge (schema/seed/demo.ts, personTicket). */
const SPEAKER_BADGE = 'demo-next-jin-badge-7Kq2xVw9';

// Tickets this file creates are cancelled at the end, so the seats they took go back for the other test files.
const attendees = testAttendees(baseUrl, SLUG, 'desk', 'zh-CN');
const { register } = attendees;

const overlay = (page: Page) => page.locator('.desk-result');
const scanBox = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

let browser: Browser;
let camera: QrCamera | undefined;
let cameraTicket: { ticketCode: string; ticketUrl: string };
const cameraName = `扫码测试 ${unique()}`;

beforeAll(async () => {
  cameraTicket = await register(cameraName, '北京协和医院');
  camera = await launchWithQrCamera(cameraTicket.ticketUrl);
  browser = camera.browser;
});
afterAll(async () => {
  await camera?.close();
  await attendees.cancelAll();
});

describe('staff sign-in', () => {
  it('sends someone who is not signed in to /sign-in, and the emailed link brings them back to the desk', async () => {
    const page = await newPage(browser, 'zh-CN');
    await page.goto(`${baseUrl}/desk`);
    await page.waitForURL(`${baseUrl}/sign-in?next=%2Fdesk`);
    await page.getByRole('heading', { level: 1, name: '工作人员登录' }).waitFor();
    await expect.poll(() => focusedId(page)).toBe('signin-email');

    await page.getByRole('button', { name: '发送登录链接' }).click();
    expect(await page.locator('#signin-email-error').textContent()).toBe('请填写电子邮箱。');
    expect(await page.getByLabel('电子邮箱').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('电子邮箱').fill(DESK_EMAIL);
    await page.getByRole('button', { name: '发送登录链接' }).click();
    await page.getByRole('heading', { level: 1, name: '请查收邮件' }).waitFor();
    await expect.poll(() => focusedId(page)).toBe('signin-title');
    expect(await page.getByRole('link', { name: '打开开发用邮箱' }).getAttribute('href')).toBe('/dev/mailbox');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const link = await signInLink(baseUrl, DESK_EMAIL);
    expect(new URL(link).searchParams.get('next')).toBe('/desk');
    await page.goto(link);
    await page.waitForURL(`${baseUrl}/desk`);
    await page.getByRole('heading', { level: 1, name: '签到台' }).waitFor();
    // The staff member's events, by name and day (not their web addresses), the one open here marked as current.
    const events = page.getByRole('navigation', { name: '会议' }).getByRole('link');
    expect(await events.allTextContents()).toEqual([
      expect.stringMatching(/^细胞治疗治疗自身免疫性疾病学术交流会（第二期） 20\d\d年\d{1,2}月\d{1,2}日$/),
      '细胞治疗治疗自身免疫性疾病学术交流会 2026年1月22日',
    ]);
    expect(await events.first().getAttribute('aria-current')).toBe('page');

    // A used link does not sign anyone in again; the page says so, and that the session still stands, in one message
    // (not an error beside "you are signed in").
    await page.goto(link);
    await page.waitForURL(/\/sign-in\?error=/);
    await page.getByText(/^该登录链接已过期或已被使用；您仍处于登录状态：.+。 继续$/).waitFor();
    await expect(page.locator('.form-message').textContent()).resolves.toBe('');
    await page.context().close();
    // Signed out, the same link gets the error and the way to a new one.
    const fresh = await newPage(browser, 'zh-CN');
    await fresh.goto(link);
    await fresh.waitForURL(/\/sign-in\?error=/);
    await fresh.getByRole('alert').filter({ hasText: '该登录链接已过期或已被使用，请在下方重新获取。' }).waitFor();
    await fresh.context().close();
  });
});

describe('the front desk', () => {
  let zh: Page;
  let en: Page;
  beforeAll(async () => {
    zh = await newPage(browser, 'zh-CN', { permissions: ['camera'], viewport: { width: 1280, height: 800 } });
    await signInPage(baseUrl, zh, DESK_EMAIL, '/desk');
    en = await newPage(browser, 'en', { viewport: { width: 1024, height: 768 } });
    await signInPage(baseUrl, en, DESK_EMAIL, '/desk');
  });
  afterAll(async () => {
    await zh?.context().close();
    await en?.context().close();
  });

  it('scans a ticket with the camera: welcome first, and "already checked in" with the time and desk on the next read', async () => {
    const page = zh;
    await page.getByRole('heading', { level: 1, name: '签到台' }).waitFor();
    // The desk's name is remembered across visits.
    await page.getByLabel('本签到台').selectOption('Desk 2');
    await page.reload();
    expect(await page.getByLabel('本签到台').inputValue()).toBe('Desk 2');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Timed twice: as the test sees it (with the automation's own latency), and inside the page from the click to the result in the DOM.
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
    const started = performance.now();
    await page.getByRole('button', { name: '打开摄像头' }).click();
    const welcome = overlay(page).and(page.locator('[data-result="checked_in"]'));
    await welcome.waitFor({ timeout: 20_000 });
    const elapsed = performance.now() - started;
    const inPage = await page.evaluate(() => {
      const w = window as unknown as { clickAt: number; shownAt: number };
      return w.shownAt - w.clickAt;
    });
    const decoder = await page.locator('.desk-camera').getAttribute('data-decoder');
    console.log(
      `camera: "start camera" to the welcome screen in ${Math.round(inPage)} ms in the page, ${Math.round(elapsed)} ms as the test saw it (decoder: ${decoder})`,
    );
    expect(['native', 'zxing']).toContain(decoder);
    expect(await welcome.locator('.desk-result-heading').textContent()).toBe('欢迎');
    expect(await welcome.locator('.desk-result-name').textContent()).toBe(cameraName);
    expect(await welcome.locator('.desk-result-affiliation').textContent()).toBe('北京协和医院');
    expect(await page.getByRole('alert').filter({ hasText: cameraName }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // It resets by itself, and the QR still in front of the camera is now a second scan.
    await welcome.waitFor({ state: 'detached', timeout: 6_000 });
    const already = overlay(page).and(page.locator('[data-result="already_checked_in"]'));
    await already.waitFor({ timeout: 10_000 });
    expect(await already.locator('.desk-result-heading').textContent()).toBe('已签到');
    expect(await already.locator('.desk-result-name').textContent()).toBe(cameraName);
    expect(await already.locator('.desk-result-detail').textContent()).toMatch(/^已于 \d{2}:\d{2} 在2号签到台签到$/);

    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '关闭摄像头' }).click();
    await page.getByRole('button', { name: '打开摄像头' }).waitFor();
  });

  it("takes a USB scanner's typing plus Enter, in the scan box and anywhere on the page", async () => {
    const page = en;
    const name = `Wedge Test ${unique()}`;
    const { ticketCode } = await register(name, 'Peking Union Medical College Hospital');
    await page.getByRole('heading', { level: 1, name: 'Front desk' }).waitFor();
    const box = scanBox(page, 'Scan or type a ticket code');
    await box.focus();
    await page.keyboard.type(ticketCode, { delay: 5 });
    await page.keyboard.press('Enter');
    const welcome = overlay(page).and(page.locator('[data-result="checked_in"]'));
    await welcome.waitFor();
    expect(await welcome.locator('.desk-result-heading').textContent()).toBe('Welcome');
    expect(await welcome.locator('.desk-result-name').textContent()).toBe(name);
    await expect.poll(() => box.inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'detached' });
    await expect.poll(() => focusedId(page)).toBe('desk-scan-code');

    // With focus outside any field, scanner-fast keys are still caught. They are sent from inside the page, all in one
    // go as a scanner does: typed through the automation protocol, a busy machine spaces them like a person's.
    await page.evaluate((code) => {
      (document.activeElement as HTMLElement | null)?.blur();
      for (const key of [...code, 'Enter'])
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }, ticketCode);
    const already = overlay(page).and(page.locator('[data-result="already_checked_in"]'));
    await already.waitFor();
    expect(await already.locator('.desk-result-detail').textContent()).toMatch(
      /^Already checked in at \d{2}:\d{2}, Desk\s1$/,
    );
    await already.click(); // a tap dismisses it
    await overlay(page).waitFor({ state: 'detached' });
    await expect.poll(() => focusedId(page)).toBe('desk-scan-code');

    // A cancelled ticket is red too, and says so.
    const cancelled = await register(`Cancelled ${unique()}`);
    await fetch(`${baseUrl}/api/tickets/${cancelled.ticketCode}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ token: new URL(cancelled.manageUrl).searchParams.get('m') }),
    });
    await box.fill(cancelled.ticketUrl);
    await box.press('Enter');
    const refused = overlay(page).and(page.locator('[data-result="cancelled"]'));
    await refused.waitFor();
    expect(await refused.evaluate((el) => el.classList.contains('tone-bad'))).toBe(true);
    expect(await refused.locator('.desk-result-heading').textContent()).toBe('Registration cancelled');
    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'detached' });

    // An unknown code is red and says what to do.
    await box.fill('no-such-ticket-123');
    await box.press('Enter');
    const unknown = overlay(page).and(page.locator('[data-result="unknown_ticket"]'));
    await unknown.waitFor();
    expect(await unknown.evaluate((el) => el.classList.contains('tone-bad'))).toBe(true);
    expect(await unknown.textContent()).toContain('Search by name instead.');
    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'detached' });

    // A ticket of the January seminar, at this event's desk: red, says what to ask for, and names nobody (a desk
    // does not read another event's registrations).
    await box.fill('demo-att-01-9fTq4Lm2');
    await box.press('Enter');
    const other = overlay(page).and(page.locator('[data-result="wrong_event"]'));
    await other.waitFor();
    expect(await other.evaluate((el) => el.classList.contains('tone-bad'))).toBe(true);
    expect(await other.textContent()).toContain(
      'This ticket is for another event. Ask for the ticket of this one, or search by name instead.',
    );
    expect(await other.textContent()).not.toContain('王丽华');
    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'detached' });
  });

  it("shows the speaker band for the main speaker's badge", async () => {
    const page = en;
    const box = scanBox(page, 'Scan or type a ticket code');
    await box.fill(SPEAKER_BADGE);
    await box.press('Enter');
    await overlay(page).waitFor();
    const band = overlay(page).locator('.role-band.role-speaker');
    expect(await band.textContent()).toBe('SPEAKER 主讲');
    expect(await overlay(page).locator('.desk-result-name').textContent()).toBe('金京玉');
    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'detached' });
  });

  it('finds a guest by name and checks them in with the button', async () => {
    const page = en;
    const name = `Searchable ${unique()}`;
    await register(name, 'Beijing Hospital');
    await page.getByLabel('Name, institution, email or phone').fill(name.slice(0, 16));
    const row = page.locator('.desk-person', { hasText: name });
    await row.waitFor();
    expect(await page.locator('.desk-search-status').textContent()).toMatch(/^(1 match|\d+ matches)$/);
    await page.getByRole('button', { name: `Check in ${name}` }).click();
    const welcome = overlay(page).and(page.locator('[data-result="checked_in"]'));
    await welcome.waitFor();
    expect(await welcome.locator('.desk-result-name').textContent()).toBe(name);
    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'detached' });
    await expect.poll(() => focusedId(page)).toBe('desk-scan-code');
    await expect.poll(() => row.locator('.desk-person-in').textContent()).toMatch(/^Checked in \d{2}:\d{2}$/);
    expect(await row.getByRole('button').count()).toBe(0);
  });

  it('finds guests by their institution (单位), by a given name, and by one character of a surname', async () => {
    const page = zh;
    const u = unique();
    const given = Array.from(
      { length: 2 },
      () => '明芳伟娜敏静丽强磊军洋勇艳杰娟涛超霞'[Math.floor(Math.random() * 18)],
    ).join('');
    const institution = `${u}心血管病医院`;
    await register(`王${given}`, institution);
    await register(`欧阳${given}`, institution);
    const box = page.getByLabel('姓名、单位、邮箱或手机号');
    expect(await page.locator('#desk-search-hint').textContent()).toContain('手机号（完整号码或后 4 位）');
    const rows = page.locator('.desk-person');

    await box.fill(u); // a part of the institution
    await expect
      .poll(() => rows.locator('.desk-person-name strong').allTextContents())
      .toEqual([`欧阳${given}`, `王${given}`]);
    expect(await rows.first().locator('.desk-person-affiliation').textContent()).toBe(institution);
    expect(await page.locator('.desk-search-status').textContent()).toBe('找到 2 人');

    await box.fill(given); // the given name, inside both names
    await expect
      .poll(() => rows.locator('.desk-person-name strong').allTextContents())
      .toEqual(expect.arrayContaining([`欧阳${given}`, `王${given}`]));

    await box.fill('王'); // one character is enough for Chinese
    await rows.filter({ hasText: `欧阳${given}` }).waitFor({ state: 'detached' });
    expect(await rows.locator('.desk-person-name strong').allTextContents()).toContain(`王${given}`);
    await box.fill('');
  });

  it('registers a walk-in and checks them in at once; the counter goes up', async () => {
    const page = en;
    const counter = page.getByTestId('checked-in');
    await counter.waitFor();
    const before = Number(await counter.textContent());
    const form = page.getByRole('region', { name: 'Walk-in registration' });

    await form.getByRole('button', { name: 'Register and check in' }).click();
    await expect.poll(() => focusedId(page)).toBe('walkin-name');
    expect(await page.locator('#walkin-name-error').textContent()).toBe('Enter the guest’s name.');

    const name = `Walk In ${unique()}`;
    await form.getByLabel('Full name').fill(name);
    await form.getByLabel(/^Email/).fill('not-an-email');
    await form.getByLabel(/^Institution/).fill('Beijing Electric Power Hospital');
    await form.getByRole('button', { name: 'Register and check in' }).click();
    expect(await page.locator('#walkin-email-error').textContent()).toBe('This is not a valid email address.');
    expect(await form.getByLabel('Full name').inputValue()).toBe(name); // what was typed stays

    await form.getByLabel(/^Email/).fill('');
    const response = page.waitForResponse((r) => r.url().endsWith(`/api/events/${SLUG}/walk-ins`));
    await form.getByRole('button', { name: 'Register and check in' }).click();
    expect((await response).status()).toBe(201);
    attendees.track(((await (await response).json()) as { ticketCode: string }).ticketCode);
    const welcome = overlay(page).and(page.locator('[data-result="checked_in"]'));
    await welcome.waitFor();
    expect(await welcome.locator('.desk-result-name').textContent()).toBe(name);
    expect(await welcome.locator('.desk-result-affiliation').textContent()).toBe('Beijing Electric Power Hospital');
    await page.keyboard.press('Escape');
    await expect.poll(() => form.getByLabel('Full name').inputValue()).toBe('');
    await expect.poll(async () => Number(await counter.textContent())).toBeGreaterThan(before);
  });

  it('a cancelled ticket: one tap registers the guest again and checks them in, and the screen says what happened', async () => {
    const page = en;
    const name = `Came Back ${unique()}`;
    const old = await register(name, 'Peking Union Medical College Hospital');
    await fetch(`${baseUrl}/api/tickets/${old.ticketCode}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ token: new URL(old.manageUrl).searchParams.get('m') }),
    });
    const box = scanBox(page, 'Scan or type a ticket code');
    await box.fill(old.ticketUrl);
    await box.press('Enter');
    const refused = overlay(page).and(page.locator('[data-result="cancelled"]'));
    await refused.waitFor();
    expect(await refused.locator('.desk-result-detail').textContent()).toContain('register them again');

    const response = page.waitForResponse((r) => r.url().endsWith('/admit'));
    await refused.getByRole('button', { name: 'Register again and check in' }).click();
    attendees.track(((await (await response).json()) as { ticketCode: string }).ticketCode);
    const welcome = overlay(page).and(page.locator('[data-result="checked_in"]'));
    await welcome.waitFor();
    expect(await welcome.locator('.desk-result-heading').textContent()).toBe('Welcome');
    expect(await welcome.locator('.desk-result-name').textContent()).toBe(name);
    expect(await welcome.locator('.desk-result-detail').textContent()).toBe(
      'Registered again with a new ticket (sent by email) and checked in.',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'detached' });

    // The old ticket stays cancelled; the person is now checked in under the new one.
    await box.fill(old.ticketCode);
    await box.press('Enter');
    await overlay(page).and(page.locator('[data-result="cancelled"]')).waitFor();
    await page.keyboard.press('Escape');
    await page.getByLabel('Name, institution, email or phone').fill(name);
    await page.locator('.desk-person', { hasText: name }).locator('.desk-person-in').first().waitFor();
  });

  it('the register-again action needs the network: offline it is disabled and says why; a dropped request changes nothing', async () => {
    const page = en;
    const context: BrowserContext = page.context();
    const old = await register(`No Network ${unique()}`);
    await fetch(`${baseUrl}/api/tickets/${old.ticketCode}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ token: new URL(old.manageUrl).searchParams.get('m') }),
    });
    const box = scanBox(page, 'Scan or type a ticket code');
    await box.fill(old.ticketCode);
    await box.press('Enter');
    const refused = overlay(page).and(page.locator('[data-result="cancelled"]'));
    await refused.waitFor();
    const action = refused.getByRole('button', { name: 'Register again and check in' });

    await context.setOffline(true);
    await refused.getByText('Needs the network, and this desk is offline.').waitFor();
    expect(await action.isDisabled()).toBe(true);
    expect(await action.getAttribute('aria-describedby')).toBe('desk-admit-why');
    await context.setOffline(false);
    await expect.poll(() => action.isDisabled()).toBe(false);

    // The request is lost on the way: the screen says so and nobody is checked in.
    await context.route('**/api/events/*/registrations/*/admit', (route) => route.abort('internetdisconnected'));
    await action.click();
    await refused.getByText('Needs the network, and this desk is offline.').waitFor();
    expect(await page.locator('[data-result="checked_in"]').count()).toBe(0);
    await context.unroute('**/api/events/*/registrations/*/admit');
    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'detached' });
  });

  it("after a walk-in error, the last walk-in's green success message is gone", async () => {
    const page = en;
    const form = page.getByRole('region', { name: 'Walk-in registration' });
    const taken = `desk-taken-${unique()}@example.org`;
    await form.getByLabel('Full name').fill(`First ${unique()}`);
    await form.getByLabel(/^Email/).fill(taken);
    const first = page.waitForResponse((r) => r.url().endsWith(`/api/events/${SLUG}/walk-ins`));
    await form.getByRole('button', { name: 'Register and check in' }).click();
    attendees.track(((await (await first).json()) as { ticketCode: string }).ticketCode);
    await page.keyboard.press('Escape');
    await form.locator('.desk-walkin-done').waitFor();

    await form.getByLabel('Full name').fill(`Second ${unique()}`);
    await form.getByLabel(/^Email/).fill(taken);
    await form.getByRole('button', { name: 'Register and check in' }).click();
    await form.getByText('This email is already registered').waitFor();
    expect(await form.locator('.desk-walkin-done').count()).toBe(0);
  });

  it('says clearly when the server cannot be reached, and keeps the typed code', async () => {
    const page = en;
    const context: BrowserContext = page.context();
    await context.route('**/api/events/*/checkins', (route) => route.abort('internetdisconnected'));
    const box = scanBox(page, 'Scan or type a ticket code');
    await box.fill('some-ticket-code');
    await box.press('Enter');
    await page.getByText('Offline — could not reach the server').waitFor();
    expect(await box.inputValue()).toBe('some-ticket-code');
    expect(await overlay(page).count()).toBe(0);
    await context.unroute('**/api/events/*/checkins');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
