// Registration questions end to end: an organiser adds the clinical preset in the console, a clinician answers it on
// a phone in Chinese, the desk shows 科室 on the result, and the CSV has one column per question.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newPage, seriousA11yViolations } from './browser';
import { sharedCookie, useSession } from './staff-session';

const baseUrl = inject('baseUrl');
/** Set SHOTS_DIR to keep screenshots of each page this feature touches (390 and 1366 px wide, zh-CN and en). */
const shots = process.env.SHOTS_DIR;
let browser: Browser;
let cookie: string;
const slug = `clinical-${Date.now().toString(36)}`;

const shot = async (page: Page, name: string) => {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${process.env.SHOTS_PREFIX ?? ''}${name}.png`, fullPage: true });
};

const beijing = (days: number, hhmm: string) => {
  const d = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  return `${d}T${hhmm}:00+08:00`;
};

beforeAll(async () => {
  browser = await launch();
  cookie = await sharedCookie(baseUrl, 'organiser@colloquy.test');
  const res = await fetch(`${baseUrl}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, cookie },
    body: JSON.stringify({
      slug,
      titleZh: '心血管病例研讨会',
      titleEn: 'Cardiology case seminar',
      venueZh: '门诊楼 5 层报告厅',
      venueEn: 'Outpatient building, 5th floor hall',
      timezone: 'Asia/Shanghai',
      // Long after the demo's upcoming edition, so / and the desk's default event stay the seminar for the other files.
      startsAt: beijing(200, '09:00'),
      endsAt: beijing(200, '12:00'),
      capacity: 100,
      status: 'published',
    }),
  });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
});

async function organiserPage(lang: 'zh-CN' | 'en', width: number) {
  const page = await newPage(browser, lang, { viewport: { width, height: 900 } });
  await useSession(page.context(), baseUrl, cookie);
  return page;
}

let ticketCode = '';

describe('registration questions', () => {
  it('an organiser adds the clinical meeting preset in one click', async () => {
    const page = await organiserPage('zh-CN', 1366);
    await page.goto(`${baseUrl}/console/${slug}/questions`);
    await page.getByRole('heading', { level: 2, name: '报名问题' }).waitFor();
    expect(await page.getByText('还没有问题').count()).toBe(1);
    await page.getByRole('button', { name: /添加临床会议常用项/ }).click();
    await page.locator('.question-card').nth(3).waitFor();
    expect(
      await page.locator('.question-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-question'))),
    ).toEqual(['department', 'professional_title', 'practice_category', 'cme_number']);
    expect(await page.locator('.question-card strong').allTextContents()).toEqual([
      '1. 科室',
      '2. 职称',
      '3. 执业类别',
      '4. 继续医学教育卡号',
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'console-questions-zh-1366');

    // A new question with a bad id and no words: told inline, in Chinese, and nothing is saved.
    await page.getByRole('button', { name: '添加问题' }).click();
    const added = page.locator('.question-card').nth(4);
    await added.getByLabel(/^编号/).fill('Bad Id');
    await page.getByRole('button', { name: '保存问题' }).click();
    await added.getByText('只能使用小写字母、数字和 _，并以字母开头。').waitFor();
    expect(await added.getByText('请用中文或英文填写问题。').count()).toBe(1);
    await added.getByRole('button', { name: '删除' }).click();
    expect(await page.locator('.question-card').count()).toBe(4);

    for (const [lang, width] of [
      ['en', 390],
      ['zh-CN', 390],
      ['en', 1366],
    ] as const) {
      const other = await organiserPage(lang, width);
      await other.goto(`${baseUrl}/console/${slug}/questions`);
      await other.locator('.question-card').nth(3).waitFor();
      await shot(other, `console-questions-${lang === 'en' ? 'en' : 'zh'}-${width}`);
      await other.context().close();
    }
    await page.context().close();
  });

  it('a clinician answers it on a 390-px phone in Chinese, with inline errors first', async () => {
    const page = await newPage(browser, 'zh-CN', {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    // The event page may be cached for up to 5 s (Cache-Control: max-age=5), so the new questions can take that long.
    await expect
      .poll(
        async () => {
          await page.goto(`${baseUrl}/e/${slug}`);
          await page.getByRole('region', { name: '报名' }).waitFor();
          return page.locator('[name="answers.department"]').count();
        },
        { timeout: 15_000, interval: 1000 },
      )
      .toBe(1);
    const form = page.getByRole('region', { name: '报名' });
    await page.getByLabel('姓名', { exact: true }).fill('李医生');
    await page.getByLabel('电子邮箱', { exact: true }).fill(`li-${Date.now()}@example.com`);
    await page.getByRole('checkbox', { name: '我同意主办方为举办本次会议而保存我的个人信息。' }).check();
    await form.getByRole('button', { name: '提交报名' }).click();
    // The required questions say so beside themselves, and the first gets the focus.
    const department = page.locator('[name="answers.department"]');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
      .toBe('answers.department');
    expect(await department.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-question="department"] .field-error').textContent()).toBe('请填写此项。');
    expect(await page.locator('[data-question="professional_title"] .field-error').textContent()).toBe('请选择一项。');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'register-errors-zh-390');

    await page.getByLabel('科室', { exact: true }).fill('心血管内科');
    await page.getByLabel('职称', { exact: true }).selectOption({ label: '主治医师' });
    await page.getByLabel(/执业类别/).selectOption({ label: '临床' });
    await page.getByLabel(/继续医学教育卡号/).fill('BJ2026-00123');
    // Nothing on the phone runs off the side.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'register-filled-zh-390');
    await form.getByRole('button', { name: '提交报名' }).click();
    await page.waitForURL(/\/t\/[A-Za-z0-9_-]+\?m=/);
    ticketCode = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: '您的电子票' }).waitFor();
    // The ticket page shows the answers, correctable until registration closes.
    await page.getByRole('heading', { level: 2, name: '报名信息' }).waitFor();
    expect(await page.getByLabel('科室', { exact: true }).inputValue()).toBe('心血管内科');
    expect(await page.getByLabel('职称', { exact: true }).inputValue()).toBe('attending_physician');
    await shot(page, 'ticket-answers-zh-390');
    await page.context().close();

    for (const [lang, width] of [
      ['en', 1366],
      ['en', 390],
      ['zh-CN', 1366],
    ] as const) {
      const p = await newPage(browser, lang, { viewport: { width, height: 900 } });
      await p.goto(`${baseUrl}/e/${slug}`);
      await p.locator('[data-question="professional_title"]').waitFor();
      await shot(p, `register-${lang}-${width}`);
      await p.context().close();
    }
  });

  it('the desk shows 科室 on the result of a scan', async () => {
    const page = await organiserPage('zh-CN', 390);
    await page.goto(`${baseUrl}/desk/${slug}`);
    await page.getByRole('heading', { level: 1, name: '签到台' }).waitFor();
    const box = page.getByLabel('扫码或输入票号', { exact: true });
    await box.fill(ticketCode);
    await box.press('Enter');
    const result = page.locator('.desk-result');
    await result.waitFor();
    expect(await result.locator('.desk-result-name').textContent()).toBe('李医生');
    expect(await result.locator('[data-question="department"]').textContent()).toBe('科室心血管内科');
    await shot(page, 'desk-result-zh-390');
    await page.context().close();
  });

  it('the CSV has one column per question, in the organiser language', async () => {
    const csv = await (
      await fetch(`${baseUrl}/api/events/${slug}/registrations.csv?lang=zh-CN`, { headers: { cookie } })
    ).text();
    const [header, row] = csv.replace('\uFEFF', '').split('\r\n');
    expect(header!.split(',').slice(-4)).toEqual(['科室', '职称', '执业类别', '继续医学教育卡号']);
    expect(row!.split(',').slice(-4)).toEqual(['心血管内科', '主治医师', '临床', 'BJ2026-00123']);
  });

  it("the registrations table shows a column per question in the organiser's language, and filters by an answer", async () => {
    const page = await organiserPage('zh-CN', 1366);
    await page.goto(`${baseUrl}/console/${slug}/registrations`);
    const table = page.locator('table.registrations');
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('th.col-answer').allTextContents()).toEqual([
      '科室',
      '职称',
      '执业类别',
      '继续医学教育卡号',
    ]);
    const row = table.locator('tbody tr', { hasText: '李医生' });
    expect(await row.locator('td.answer').allTextContents()).toEqual([
      '心血管内科',
      '主治医师',
      '临床',
      'BJ2026-00123',
    ]);
    // A text answer: any part of it; a choice: picked from the question's options.
    await page.getByLabel('按回答筛选').selectOption('department');
    await page.getByLabel('回答', { exact: true }).fill('骨科');
    await page.getByText('没有符合条件的报名').waitFor();
    await page.getByLabel('回答', { exact: true }).fill('心血管');
    await row.waitFor();
    await page.getByLabel('按回答筛选').selectOption('professional_title');
    await page.getByLabel('回答', { exact: true }).selectOption({ label: '主治医师' });
    await row.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'console-registrations-zh-1366');
    await page.context().close();
    for (const [lang, width] of [
      ['en', 390],
      ['zh-CN', 390],
      ['en', 1366],
    ] as const) {
      const other = await organiserPage(lang, width);
      await other.goto(`${baseUrl}/console/${slug}/registrations`);
      await other.locator('table.registrations tbody tr').first().waitFor();
      if (lang === 'en')
        expect(await other.locator('th.col-answer').allTextContents()).toEqual([
          'Department',
          'Professional title',
          'Practice category',
          'CME card number',
        ]);
      await shot(other, `console-registrations-${lang === 'en' ? 'en' : 'zh'}-${width}`);
      await other.context().close();
    }
  });
});
