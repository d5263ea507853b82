// An attendee registers on the event page, gets a QR ticket and its email, and can cancel it or delete their data.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newPage, seriousA11yViolations } from './browser';
import { UPCOMING_SLUG } from '../../schema/seed/demo';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const uniqueEmail = (who: string) => `${who}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.tagName);

/** The error text a field points at through aria-describedby. */
async function describedError(page: Page, name: string) {
  const ids = (await page.locator(`[name="${name}"]`).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

describe('registration and the ticket', () => {
  it('a Chinese attendee fixes the inline errors, registers, gets the QR ticket and finds the same ticket in the email', async () => {
    const page = await newPage(browser, 'zh-CN');
    const email = uniqueEmail('zh');
    await page.goto(baseUrl + '/');
    const form = page.getByRole('region', { name: '报名' });
    await form.waitFor();
    expect(await form.locator('.seats').textContent()).toMatch(/剩余 \d+ 个席位/);
    expect(await page.getByLabel('邮件语言').inputValue()).toBe('zh-CN');

    // Submitting the empty form: errors next to each field, in Chinese, and focus on the first one.
    await form.getByRole('button', { name: '提交报名' }).click();
    await expect.poll(() => focusedName(page)).toBe('name');
    expect(await page.locator('[name="name"]').getAttribute('aria-invalid')).toBe('true');
    expect(await describedError(page, 'name')).toContain('请填写姓名。');
    expect(await describedError(page, 'email')).toContain('请填写电子邮箱。');
    expect(await describedError(page, 'consent')).toContain('需同意此项才能报名。');
    expect(await page.locator('[name="phone"]').getAttribute('aria-invalid')).toBeNull();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A malformed address is caught before anything is sent.
    await page.getByLabel('姓名', { exact: true }).fill('王小明');
    await page.getByLabel('电子邮箱', { exact: true }).fill('wang-at-example.com');
    await form.getByRole('button', { name: '提交报名' }).click();
    await expect.poll(() => focusedName(page)).toBe('email');
    expect(await describedError(page, 'email')).toContain('电子邮箱格式不正确。');
    expect(await page.locator('[name="name"]').getAttribute('aria-invalid')).toBeNull();

    await page.getByLabel('电子邮箱', { exact: true }).fill(email);
    await page.getByLabel(/手机号码/).fill('+86 138 0000 0000');
    await page.getByLabel(/单位/).fill('北京陆道培医院');
    await page.getByLabel(/职务/).fill('主治医师');
    await page.getByRole('checkbox', { name: '我同意主办方为举办本次会议而保存我的个人信息。' }).check();
    await form.getByRole('button', { name: '提交报名' }).click();

    // The ticket page: status heading (focused), the name, the QR code, and word of the email.
    await page.waitForURL(/\/t\/[A-Za-z0-9_-]+\?m=[A-Za-z0-9_-]+$/);
    const code = new URL(page.url()).pathname.split('/').pop()!;
    const heading = page.getByRole('heading', { level: 1, name: '您的电子票' });
    await heading.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('main').textContent()).toContain(`确认邮件已发送至 ${email}`);
    expect(await page.locator('.attendee-name').textContent()).toBe('王小明');
    expect(await page.locator('main').textContent()).toContain('细胞治疗治疗自身免疫性疾病学术交流会');
    // Who to ask, beside the venue on the ticket.
    expect(await page.locator('.ticket-facts dd.contact').textContent()).toBe(
      '风湿免疫科会务组 王老师 · meeting@ludaopei.example',
    );
    const qr = page.getByRole('img', { name: '您的电子票二维码' });
    expect(await qr.getAttribute('src')).toBe(`/api/tickets/${code}/qr.svg`);
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.getByRole('link', { name: '添加到日历' }).getAttribute('href')).toBe(
      `/api/events/${UPCOMING_SLUG}/agenda.ics`,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The dev mailbox has the confirmation email; its ticket link leads to the same ticket.
    await page.goto(baseUrl + '/dev/mailbox');
    await page.getByRole('heading', { level: 1, name: '开发用邮箱' }).waitFor();
    await page.getByLabel('按收件人或主题筛选').fill(email);
    await page.locator('.mail-item', { hasText: email }).first().click();
    expect(await page.locator('.mail-to').textContent()).toBe(email);
    const href = await page
      .frameLocator('iframe.mail-html')
      .locator(`a[href*="/t/${code}"]`)
      .first()
      .getAttribute('href');
    expect(new URL(href!, baseUrl).pathname).toBe(`/t/${code}`);
    // The ticket code alone (what a badge or a desk holds) shows the ticket but cannot cancel: it says how to.
    await page.goto(baseUrl + new URL(href!, baseUrl).pathname);
    await heading.waitFor();
    expect(await page.locator('main').textContent()).toContain('仅凭胸牌上的票码无法操作');
    expect(await page.getByRole('button', { name: '取消报名' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '将链接发到我的邮箱' }).count()).toBe(1);
    // The email's link carries the management token.
    expect(new URL(href!, baseUrl).searchParams.get('m')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await page.goto(new URL(href!, baseUrl).href);
    await heading.waitFor();
    expect(await page.locator('.attendee-name').textContent()).toBe('王小明');
    expect(await page.getByRole('img', { name: '您的电子票二维码' }).getAttribute('src')).toBe(
      `/api/tickets/${code}/qr.svg`,
    );

    // Cancelling asks first; "keep" changes nothing, "confirm" cancels and drops the QR code.
    await page.getByRole('button', { name: '取消报名' }).click();
    const dialog = page.getByRole('dialog', { name: '确定取消报名吗？' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '不取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await heading.isVisible()).toBe(true);
    await page.getByRole('button', { name: '取消报名' }).click();
    await dialog.getByRole('button', { name: '确定取消' }).click();
    await page.getByRole('heading', { level: 1, name: '此报名已取消' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: '您的报名已取消。' }).count()).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
  });

  it('keeps what an English attendee typed through a network failure, refuses a second registration, and deletes the data on request', async () => {
    const page = await newPage(browser, 'en');
    const email = uniqueEmail('en');
    await page.goto(baseUrl + '/');
    const form = page.getByRole('region', { name: 'Register' });
    await form.waitFor();
    expect(await page.getByLabel('Language for emails').inputValue()).toBe('en');
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel(/Institution/).fill('Analytical Engine Society');
    await page.getByRole('checkbox', { name: /I agree that the organiser stores my details/ }).check();

    await page.route('**/api/events/*/registrations', (route) => route.abort('internetdisconnected'));
    await form.getByRole('button', { name: 'Register' }).click();
    const alert = form.getByRole('alert').filter({ hasText: 'Could not reach the server' });
    await alert.waitFor();
    expect(await page.getByLabel('Full name').inputValue()).toBe('Ada Lovelace');
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(email);
    expect(await page.getByRole('checkbox').isChecked()).toBe(true);
    expect(await form.getByRole('button', { name: 'Register' }).isEnabled()).toBe(true);

    // While the request is in flight the button says so and cannot be pressed twice.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.unroute('**/api/events/*/registrations');
    await page.route('**/api/events/*/registrations', async (route) => {
      await held;
      await route.continue();
    });
    await form.getByRole('button', { name: 'Register' }).click();
    const busy = form.getByRole('button', { name: 'Registering…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    release();
    await page.waitForURL(/\/t\/[A-Za-z0-9_-]+\?m=[A-Za-z0-9_-]+$/);
    const ticketUrl = page.url();
    await page.getByRole('heading', { level: 1, name: 'Your ticket' }).waitFor();
    await page.unroute('**/api/events/*/registrations');

    // The same address again: told the ticket was re-sent, shown no ticket.
    await page.goto(baseUrl + '/');
    await form.waitFor();
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Email', { exact: true }).fill(email.toUpperCase());
    await page.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Register' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: 'This email is already registered. We have sent the ticket to it again.' })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('img[src*="/api/tickets/"]').count()).toBe(0);

    // Delete my data: asks first, then says it is done; the ticket link no longer leads anywhere.
    await page.goto(ticketUrl);
    await page.getByRole('button', { name: 'Delete my data' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your personal data?' });
    await dialog.getByRole('button', { name: 'Yes, delete my data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your personal data has been deleted' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ticket not found' }).waitFor();
  });
});
