// The January seminar as `npm start` seeds it (schema/seed/showcase.ts): the organiser reads its CME record in the
// console, on a phone and on a desktop, in Chinese and English; an attendee opens their ticket after the day.
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_SLUG, UPCOMING_SLUG } from '../../schema/seed/demo';
import { launch, newPage, seriousA11yViolations } from './browser';
import { sharedCookie, useSession } from './staff-session';

const baseUrl = inject('baseUrl');
let browser: Browser;
let organiser: string;

beforeAll(async () => {
  organiser = await sharedCookie(baseUrl, 'organiser@colloquy.test');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function cmeTab(locale: 'zh-CN' | 'en', width: number) {
  const page = await newPage(browser, locale, { viewport: { width, height: 900 } });
  await useSession(page.context(), baseUrl, organiser);
  await page.goto(`${baseUrl}/console/${DEMO_SLUG}/cme`);
  await page.locator('.cme-table tbody tr').first().waitFor();
  return page;
}

/** What a narrow screen shows as a cell's label (console.css: the column's name before the value). */
const shownLabel = (cell: Locator) =>
  cell.evaluate((el) => getComputedStyle(el, '::before').content.replace(/^"|"$/g, ''));
/** How many lines a cell's text takes. */
const lines = (cell: Locator) =>
  cell.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
  });

describe('the seeded seminar’s CME record in the console', () => {
  it('on a 390-px phone in Chinese: every value in a person’s card is named, and the reason is in words', async () => {
    const page = await cmeTab('zh-CN', 390);
    const row = page.locator('.cme-table tbody tr', { hasText: '韩冰' });
    await expect(row.locator('.cme-verdict').textContent()).resolves.toBe('不合格');
    await expect(row.locator('td.wide').textContent()).resolves.toContain('迟到 30 分钟');
    const cells = row.locator('td');
    const labels = [];
    for (let i = 0; i < (await cells.count()); i++) labels.push(await shownLabel(cells.nth(i)));
    expect(labels).toEqual(['在场分钟', '是否合格', '原因', '学分', '授课学分', '人工调整']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('on a desktop: 不合格 keeps to one line; in English a missed item is named with its minutes', async () => {
    const zh = await cmeTab('zh-CN', 1366);
    const verdict = zh.locator('.cme-table tbody tr', { hasText: '曹阳' }).locator('.cme-verdict');
    await expect(verdict.textContent()).resolves.toBe('不合格');
    expect(await lines(verdict)).toBe(1);
    await zh.close();
    const page = await cmeTab('en', 1366);
    const left = page.locator('.cme-table tbody tr', { hasText: '曹阳' });
    await expect(left.locator('td.wide').textContent()).resolves.toMatch(
      /left “Clinical efficacy and safety” 5 minutes early; absent from “Case report: .*” \(20 minutes\)/,
    );
    const speaker = page.locator('.cme-table tbody tr', { hasText: '金京玉' });
    await expect(speaker.locator('td').nth(4).textContent()).resolves.toBe('2.5');
    await expect(speaker.locator('td.wide').textContent()).resolves.toContain('assessment not taken');
    await page.close();
  });

  it('the overview after the day counts who never came instead of seats left, and stops refreshing itself', async () => {
    const page = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 900 } });
    await useSession(page.context(), baseUrl, organiser);
    await page.goto(`${baseUrl}/console/${DEMO_SLUG}/overview`);
    const noShows = page.locator('.kpis > div', { hasText: '已确认未到场' });
    await expect(noShows.locator('dd').textContent()).resolves.toBe('2');
    expect(await page.getByText('剩余席位').count()).toBe(0);
    await page.getByText('会议已结束，仅在点击刷新时更新').waitFor();
    expect(await page.locator('.chart-legend').getByText('已确认、未到场', { exact: true }).count()).toBe(1);
    await page.goto(`${baseUrl}/console/${UPCOMING_SLUG}/overview`);
    await page.locator('.kpis > div', { hasText: '剩余席位' }).waitFor();
    expect(await page.getByText('已确认未到场').count()).toBe(0);
    await page.getByText('每 30 秒自动刷新').waitFor();
    await page.close();
  });

  it('the registrations list with every clinical question answered scrolls inside its box, not the page', async () => {
    const page = await newPage(browser, 'en', { viewport: { width: 1366, height: 900 } });
    await useSession(page.context(), baseUrl, organiser);
    await page.goto(`${baseUrl}/console/${DEMO_SLUG}/registrations`);
    await page.getByRole('columnheader', { name: 'CME card number' }).waitFor();
    const box = page.getByRole('region', { name: 'List of registrations' });
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1366);
    await page.close();
  });

  it('an attendee opens their ticket after the day: the event is over, no QR or calendar, and whether they earned the credit', async () => {
    for (const [locale, heading, hint, manage, privacy] of [
      ['zh-CN', '本次会议已结束', '感谢您的参会。', '如需删除个人信息', '个人信息'],
      ['en', 'This event has ended', 'Thank you for coming.', 'To delete your data', 'Your personal data'],
    ] as const) {
      const page = await newPage(browser, locale, { viewport: { width: 390, height: 900 } });
      await page.goto(`${baseUrl}/t/demo-att-01-9fTq4Lm2`);
      await expect(page.locator('h1').textContent()).resolves.toBe(heading);
      await expect(page.locator('.ticket-hint').textContent()).resolves.toBe(hint);
      expect(await page.locator('.ticket-card .qr').count()).toBe(0);
      expect(await page.locator('a[type="text/calendar"]').count()).toBe(0);
      // Only erasing is left to the emailed link after the day: the way to it sits under "Your personal data".
      const privacySection = page.getByRole('region', { name: privacy });
      await expect(privacySection.locator('#manage-needed-text').textContent()).resolves.toContain(manage);
      await expect(page.locator('.ticket-card').textContent()).resolves.toContain('王丽华');
      await expect(page.locator('.ticket-credit').textContent()).resolves.toContain(
        locale === 'zh-CN' ? '您符合学分条件（1 学分）' : 'You qualify for 1 credit.',
      );
      await page.locator('.eval-entry li').first().waitFor();
      await expect(page.locator('.eval-entry li').allTextContents()).resolves.toEqual(
        locale === 'zh-CN'
          ? ['您已提交评价，谢谢。', '考核已通过（80%）。']
          : ['You rated the talks. Thank you.', 'Assessment passed (80%).'],
      );
      expect(await page.getByRole('link', { name: /开始评价|Open the evaluation/ }).count()).toBe(0);
      await page.close();
    }
    // Someone present all afternoon who failed the assessment three times is told so, not just thanked.
    const failed = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 900 } });
    await failed.goto(`${baseUrl}/t/demo-att-27-9fTq4Lm2`);
    const credit = failed.locator('.ticket-credit');
    await expect(credit.textContent()).resolves.toContain('您未获得本次会议的学分。');
    await expect(credit.textContent()).resolves.toContain('在场 160/160 分钟（100%）；考核未通过');
    // The evaluation closed two weeks after the day; the ticket says when, and what this person did in it.
    const evaluation = failed.getByRole('region', { name: '会后评价' });
    await evaluation.locator('li').first().waitFor();
    await expect(evaluation.locator('p, li').allTextContents()).resolves.toEqual([
      '评价已于2026年2月5日截止。',
      '您未提交评价。',
      '考核未通过：共 3 次，最高 60%。',
    ]);
    expect(await seriousA11yViolations(failed)).toEqual([]);
    await failed.close();
    // Someone who registered and never came is told the ticket is no longer needed, not thanked.
    const page = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 900 } });
    await page.goto(`${baseUrl}/t/demo-att-28-9fTq4Lm2`);
    await expect(page.locator('.ticket-hint').textContent()).resolves.toBe('此电子票已无需再用于签到。');
    await page.close();
  });

  it('a panel guest opens their link after the day: a record of the items, no questions about them, travel not asked', async () => {
    const sent = await fetch(`${baseUrl}/api/events/${DEMO_SLUG}/faculty/per_demo_zhang/link`, {
      method: 'POST',
      headers: { cookie: organiser, origin: baseUrl },
    });
    expect(sent.status).toBe(202);
    let link: string | undefined;
    for (let i = 0; i < 20 && !link; i++) {
      const { emails } = (await (await fetch(`${baseUrl}/api/dev/mailbox`)).json()) as {
        emails: { to: string; kind: string; text: string | null }[];
      };
      const mail = emails.find(
        (m) => m.to === 'zhang.jianglin@example.org' && m.kind === 'faculty_link' && !m.text?.includes('第二期'),
      );
      link = /https?:\/\/\S+\/portal\/[A-Za-z0-9_-]{22}/.exec(mail?.text ?? '')?.[0];
      if (!link) await new Promise((r) => setTimeout(r, 250));
    }
    const page = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 844 } });
    await page.goto(link!);
    await page.getByText('本次会议已结束，感谢您的参与。').waitFor();
    const panel = page.getByRole('region', { name: '您的日程' }).getByRole('listitem').first();
    await expect(panel.locator('.portal-answer').textContent()).resolves.toBe('已举行 · 您已确认');
    expect(await panel.getByLabel('确认参加').count()).toBe(0);
    expect(await page.getByText('行程与劳务').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await page.close();
  });

  // Last: it issues the seminar's certificates, which the ticket tests above expect not yet issued.
  it('a CME office verifies a 参会证明 and reads the class II credit its PDF states', async () => {
    const issued = await fetch(`${baseUrl}/api/events/${DEMO_SLUG}/certificates?limit=50`, {
      method: 'POST',
      headers: { cookie: organiser, origin: baseUrl },
    });
    expect(issued.status).toBe(200);
    const { certificates } = (await (
      await fetch(`${baseUrl}/api/tickets/demo-att-01-9fTq4Lm2/certificates`)
    ).json()) as {
      certificates: { number: string; kind: string }[];
    };
    expect(certificates.map((c) => c.kind)).toEqual(['attendance']);
    // The ticket still says what was earned, above the certificate now issued.
    const ticket = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 900 } });
    await ticket.goto(`${baseUrl}/t/demo-att-01-9fTq4Lm2`);
    await expect(ticket.locator('.ticket-credit').textContent()).resolves.toBe('您已获得本次会议 1 学分。');
    await ticket.close();
    for (const [locale, valid, credit] of [
      ['zh-CN', '证书有效', '学分1 · Ⅱ类'],
      ['en', 'Valid certificate', 'Credits1 · Class II'],
    ] as const) {
      const page = await newPage(browser, locale, { viewport: { width: 390, height: 900 } });
      await page.goto(`${baseUrl}/verify/${encodeURIComponent(certificates[0]!.number)}`);
      await page.getByText(valid, { exact: true }).waitFor();
      await expect(page.locator('.verify-facts').textContent()).resolves.toContain(credit);
      await page.close();
    }
  });
});
