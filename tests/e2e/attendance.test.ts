// The desk signs people in and out of an agenda item: it switches to "sign-out for the panel", scans by camera, and shows the time inside;
// offline, a sign-in is answered from the saved list, queued with its point and synced once the network is back.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UPCOMING_SLUG } from '../../schema/seed/demo';
import { testAttendees, unique } from './attendees';
import { newPage, seriousA11yViolations } from './browser';
import { launchWithQrCamera, type QrCamera } from './fake-camera';
import { sharedCookie, signInPage } from './staff-session';

const baseUrl = inject('baseUrl');
const SLUG = UPCOMING_SLUG;
const PANEL = 'ses_next_panel';
const attendees = testAttendees(baseUrl, SLUG, 'attendance', 'zh-CN');

let browser: Browser;
let camera: QrCamera | undefined;
let ticket: { ticketCode: string; ticketUrl: string };
let offlineTicket: { ticketCode: string; ticketUrl: string };
const name = `签退测试 ${unique()}`;
const offlineName = `离线签到 ${unique()}`;
/** The desk's counters at the panel, as the server has them. */
const panelCounts = async (cookie: string) =>
  (
    (await (
      await fetch(`${baseUrl}/api/events/${SLUG}/attendance/desk?sessionId=${PANEL}`, { headers: { cookie } })
    ).json()) as { counts: { signedIn: number; presentNow: number } }
  ).counts;

beforeAll(async () => {
  ticket = await attendees.register(name, '北京协和医院');
  offlineTicket = await attendees.register(offlineName, '四川大学华西医院');
  // Signed in at the panel 25 minutes ago by another desk, which synced it.
  const cookie = await sharedCookie(baseUrl, 'desk@colloquy.test');
  const res = await fetch(`${baseUrl}/api/events/${SLUG}/checkins/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, cookie },
    body: JSON.stringify({
      deviceId: 'e2e-other-desk',
      deskId: 'Desk 5',
      scans: [
        {
          clientId: `e2e-in-${unique()}`,
          code: ticket.ticketCode,
          scannedAt: new Date(Date.now() - 25 * 60_000).toISOString(),
          sessionId: PANEL,
          direction: 'in',
        },
      ],
    }),
  });
  expect(res.status).toBe(200);
  camera = await launchWithQrCamera(ticket.ticketUrl);
  browser = camera.browser;
});
afterAll(async () => {
  await camera?.close();
  await attendees.cancelAll();
});

describe('signing out of the panel at the desk', () => {
  it('switches to "sign-out for the panel", scans by camera and shows signed out with the time inside', async () => {
    const page = await newPage(browser, 'zh-CN', { permissions: ['camera'], viewport: { width: 1280, height: 800 } });
    await signInPage(baseUrl, page, 'desk@colloquy.test', `/desk/${SLUG}`);
    await page.getByRole('heading', { level: 1, name: '签到台' }).waitFor();
    const picker = page.getByLabel('扫码用途');
    await picker.locator('option', { hasText: '签退：专家讨论：细胞治疗新未来' }).waitFor({ state: 'attached' });
    await picker.selectOption({ label: '签退：专家讨论：细胞治疗新未来' });
    await page.getByText('正在签退：专家讨论：细胞治疗新未来').waitFor();
    expect(await page.locator('[data-count="present"]').textContent()).not.toBeNull();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '打开摄像头' }).click();
    const out = page.locator('.desk-result[data-result="signed_out"]');
    await out.waitFor({ timeout: 20_000 });
    expect(await out.getAttribute('class')).toContain('tone-out');
    expect(await out.locator('.desk-result-heading').textContent()).toBe('签退成功');
    expect(await out.locator('.desk-result-name').textContent()).toBe(name);
    expect(await out.locator('.desk-result-inside').textContent()).toMatch(/^累计在场：2[56] 分钟$/);
    expect(await page.getByText(/^本次在场：2[56] 分钟$/).count()).toBe(1);

    // The choice is remembered on this device.
    await page.reload();
    await page.getByText('正在签退：专家讨论：细胞治疗新未来').waitFor();
    expect(await page.getByLabel('扫码用途').inputValue()).toBe(`out:${PANEL}`);
    await page.context().close();
  });

  it('signs in at the panel with the network gone: answered from the saved list, queued, and synced once when back', async () => {
    const cookie = await sharedCookie(baseUrl, 'desk@colloquy.test');
    const page = await newPage(browser, 'zh-CN', { viewport: { width: 1280, height: 800 } });
    await signInPage(baseUrl, page, 'desk@colloquy.test', `/desk/${SLUG}`);
    await page.getByRole('heading', { level: 1, name: '签到台' }).waitFor();
    const picker = page.getByLabel('扫码用途');
    await picker.locator('option', { hasText: '签到：专家讨论：细胞治疗新未来' }).waitFor({ state: 'attached' });
    await picker.selectOption({ label: '签到：专家讨论：细胞治疗新未来' });
    await page.getByText('正在签到：专家讨论：细胞治疗新未来').waitFor();
    // The ticket list is saved before the network goes.
    await expect
      .poll(() => page.getByTestId('last-synced').textContent(), { timeout: 15_000 })
      .toMatch(/\d{2}:\d{2}:\d{2}/);
    const before = await panelCounts(cookie);

    await page.context().setOffline(true);
    const box = page.getByLabel('扫码或输入票号', { exact: true });
    await box.fill(offlineTicket.ticketUrl);
    await box.press('Enter');
    const shown = page.locator('.desk-result[data-result="signed_in"]');
    await shown.waitFor();
    expect(await shown.locator('.desk-result-name').textContent()).toBe(offlineName);
    expect(await shown.locator('.desk-result-offline').textContent()).toBe('已保存在本设备，网络恢复后自动同步。');
    // Offline there is no time inside to show: it needs every desk's scans.
    expect(await shown.locator('.desk-result-inside').count()).toBe(0);
    await page.keyboard.press('Escape');
    await shown.waitFor({ state: 'detached' });
    expect(await page.locator('.desk-sync-waiting').textContent()).toBe('1 条签到待同步');

    // The same badge again: this device knows it signed them in, and queues nothing more.
    await box.fill(offlineTicket.ticketUrl);
    await box.press('Enter');
    await page.locator('.desk-result[data-result="already_signed_in"]').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('.desk-sync-waiting').textContent()).toBe('1 条签到待同步');
    expect(await panelCounts(cookie)).toEqual(before); // nothing reached the server

    await page.context().setOffline(false);
    await expect
      .poll(() => page.locator('.desk-sync-waiting').textContent(), { timeout: 20_000 })
      .toBe('签到已全部同步');
    const after = await panelCounts(cookie);
    expect(after.signedIn).toBe(before.signedIn + 1);
    expect(after.presentNow).toBe(before.presentNow + 1);
    await page.context().close();
  });
});
