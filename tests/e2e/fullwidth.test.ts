// Typing through a Chinese input method: a full-width phone and email register, sign in and walk in, and are kept half-width.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { unique } from './attendees';
import { launch, newPage } from './browser';
import { sharedCookie, useSession } from './staff-session';

const baseUrl = inject('baseUrl');
const SLUG = 'cell-therapy-autoimmune-next';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** What a Chinese IME in full-width mode types for ASCII text. */
const fullWidth = (s: string) =>
  [...s].map((ch) => (ch >= '!' && ch <= '~' ? String.fromCodePoint(ch.codePointAt(0)! + 0xfee0) : ch)).join('');

/** The registration as the organiser's console lists it. */
async function listed(email: string) {
  const cookie = await sharedCookie(baseUrl, 'organiser@colloquy.test');
  const res = await fetch(`${baseUrl}/api/events/${SLUG}/registrations?q=${encodeURIComponent(email)}`, {
    headers: { cookie },
  });
  const { registrations } = (await res.json()) as {
    registrations: { name: string; email: string; phone: string; status: string; ticketCode?: string }[];
  };
  return registrations;
}

describe('full-width input', () => {
  it('registers from the event page with a full-width email and phone, and the ticket names the half-width address', async () => {
    const page = await newPage(browser, 'zh-CN');
    const email = `fw-${unique()}@example.org`;
    expect(fullWidth('wang@example.org')).toBe('ｗａｎｇ＠ｅｘａｍｐｌｅ．ｏｒｇ');
    await page.goto(baseUrl + '/');
    const form = page.getByRole('region', { name: '报名' });
    await page.getByLabel('姓名', { exact: true }).fill('　王小明　');
    await page.getByLabel('电子邮箱', { exact: true }).fill(fullWidth(email));
    await page.getByLabel(/手机号码/).fill('１３８００１３８０００');
    await page.getByRole('checkbox', { name: /我同意/ }).check();
    await form.getByRole('button', { name: '提交报名' }).click();
    await page.waitForURL(/\/t\/[A-Za-z0-9_-]+\?m=[A-Za-z0-9_-]+$/);
    await page.getByRole('heading', { level: 1, name: '您的电子票' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(`确认邮件已发送至 ${email}`);
    expect(await page.locator('.attendee-name').textContent()).toBe('王小明');
    expect(await listed(email)).toEqual([
      expect.objectContaining({ name: '王小明', email, phone: '13800138000', status: 'confirmed' }),
    ]);
    // Give the seat back for the other browser tests.
    const url = new URL(page.url());
    const code = url.pathname.split('/').pop()!;
    await fetch(`${baseUrl}/api/tickets/${code}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ token: url.searchParams.get('m') }),
    });
    await page.context().close();
  });

  it('signs staff in with a full-width email', async () => {
    const page = await newPage(browser, 'zh-CN');
    await page.goto(baseUrl + '/sign-in');
    await page.getByLabel('电子邮箱').fill(fullWidth('desk@colloquy.test'));
    await page.getByRole('button', { name: '发送登录链接' }).click();
    await page.getByRole('heading', { name: '请查收邮件' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('如果 desk@colloquy.test 属于工作人员');
    await page.context().close();
  });

  it('takes a walk-in at the desk with a full-width phone and email', async () => {
    const page = await newPage(browser, 'zh-CN');
    await useSession(page.context(), baseUrl, await sharedCookie(baseUrl, 'desk@colloquy.test'));
    await page.goto(`${baseUrl}/desk/${SLUG}`);
    const email = `fw-walk-in-${unique()}@example.org`;
    const form = page.getByRole('region', { name: '现场登记' });
    await form.getByLabel('姓名').fill('　李雷　');
    await form.getByLabel(/手机号码/).fill('＋８６　１３９００１３９０００');
    await form.getByLabel(/电子邮箱/).fill(fullWidth(email));
    const response = page.waitForResponse((r) => r.url().endsWith(`/api/events/${SLUG}/walk-ins`));
    await form.getByRole('button', { name: '登记并签到' }).click();
    expect((await response).status()).toBe(201);
    expect(await listed(email)).toEqual([
      expect.objectContaining({ name: '李雷', email, phone: '+86 13900139000', status: 'confirmed' }),
    ]);
    await page.context().close();
  });
});
