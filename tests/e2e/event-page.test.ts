// An attendee opens the public page and sees the agenda and the four people, in Chinese and in English.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newPage, seriousA11yViolations } from './browser';
import { DEMO_SLUG, UPCOMING_SLUG } from '../../schema/seed/demo';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the public event page', () => {
  it('shows the upcoming edition of the seminar at / in Chinese for a Chinese browser, with no serious accessibility problems', async () => {
    const page = await newPage(browser, 'zh-CN');
    await page.goto(baseUrl + '/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('细胞治疗治疗自身免疫性疾病学术交流会（第二期）');
    const agenda = page.getByRole('region', { name: '会议日程' });
    expect(await agenda.getByRole('listitem').filter({ hasText: '茶歇' }).count()).toBeGreaterThan(0);
    expect(await agenda.textContent()).toContain('14:00');
    const people = page.getByRole('region', { name: '讲者与讨论嘉宾' });
    for (const name of ['金京玉', '张江林', '李艳', '杨春花']) expect(await people.textContent()).toContain(name);
    // Other browser tests register too, so the figure is whatever the API says now.
    const { event } = (await (await fetch(`${baseUrl}/api/events/${UPCOMING_SLUG}`)).json()) as {
      event: { seatsLeft: number };
    };
    expect(await page.locator('.seats').textContent()).toContain(`剩余 ${event.seatsLeft} 个席位`);
    expect(await page.getByRole('button', { name: '提交报名' }).count()).toBe(1);
    // Who to ask, with the address as a link a phone opens in its mail app.
    expect(await page.locator('.hero .contact').textContent()).toBe(
      '联系：风湿免疫科会务组 王老师 · meeting@ludaopei.example',
    );
    expect(
      await page.locator('.hero .contact').getByRole('link', { name: 'meeting@ludaopei.example' }).getAttribute('href'),
    ).toBe('mailto:meeting@ludaopei.example');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('switches to English, remembers the choice, and reads the same agenda at /e/:slug', async () => {
    const page = await newPage(browser, 'zh-CN');
    await page.goto(baseUrl + '/e/cell-therapy-autoimmune-2026');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cell therapy for autoimmune diseases');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cell therapy for autoimmune diseases');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const people = page.getByRole('region', { name: 'Speakers and panel guests' });
    for (const name of ['Jin Jingyu', 'Zhang Jianglin', 'Li Yan', 'Yang Chunhua'])
      expect(await people.textContent()).toContain(name);
    const panel = page.getByRole('listitem').filter({ hasText: 'Panel discussion' });
    expect(await panel.textContent()).toMatch(/Panel guest.*Zhang Jianglin/);
    expect(await page.getByRole('region', { name: 'Agenda' }).textContent()).toContain('16:25');
    expect(await page.locator('.hero .contact').textContent()).toBe(
      'Contact: Ms Wang, meeting office, Dept. of Rheumatology · meeting@ludaopei.example',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the seminar of 22 January 2026 says it has ended, in both languages, with no form and no seats left', async () => {
    const page = await newPage(browser, 'zh-CN');
    await page.goto(`${baseUrl}/e/${DEMO_SLUG}`);
    const card = page.getByRole('region', { name: '报名' });
    await expect.poll(() => card.textContent()).toContain('已结束');
    expect(await card.locator('form').count()).toBe(0);
    expect(await page.locator('.seats').count()).toBe(0);
    expect(await page.getByRole('region', { name: '会议日程' }).textContent()).toContain('14:00');
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Register' }).textContent())
      .toContain('This event has ended');
    expect(await page.locator('form').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('an unknown event address says so instead of showing a blank page', async () => {
    const page = await newPage(browser, 'en');
    await page.goto(baseUrl + '/e/not-a-real-event');
    await expect.poll(() => page.locator('main').textContent()).toContain('No event is open for registration.');
  });
});
