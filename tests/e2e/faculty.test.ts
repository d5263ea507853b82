// The faculty portal in Chromium: on a phone in Chinese a panel guest opens the emailed link, confirms, discloses and
// consents and uploads slides; the organiser sees it on the faculty board; the public agenda shows the disclosure beside the talk.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UPCOMING_SLUG } from '../../schema/seed/demo';
import { launch, newPage, seriousA11yViolations } from './browser';
import { sharedCookie, useSession } from './staff-session';

const baseUrl = inject('baseUrl');
const SLUG = UPCOMING_SLUG;
const ORGANISER = 'organiser@colloquy.test';
const GUEST = 'li.yan@example.org';

type MailboxEmail = { to: string; kind: string; text: string | null };

/** The personal link in the newest portal email to this address, as the guest reads it. */
async function emailedLink(to: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const { emails } = (await (await fetch(`${baseUrl}/api/dev/mailbox`)).json()) as { emails: MailboxEmail[] };
    const mail = emails.find((m) => m.to === to && m.kind === 'faculty_link');
    const link = /https?:\/\/\S+\/portal\/[A-Za-z0-9_-]{22}/.exec(mail?.text ?? '')?.[0];
    if (link) return link;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no portal link for ${to} in the dev mailbox`);
}

let browser: Browser;
let organiser: string;
beforeAll(async () => {
  browser = await launch();
  organiser = await sharedCookie(baseUrl, ORGANISER);
});
afterAll(async () => {
  await browser?.close();
});

describe('the faculty portal', () => {
  it('a panel guest confirms, discloses, consents and uploads slides on a phone in Chinese; the board and the public page show it', async () => {
    const sent = await fetch(`${baseUrl}/api/events/${SLUG}/faculty/per_next_li/link`, {
      method: 'POST',
      headers: { cookie: organiser, origin: baseUrl },
    });
    expect(sent.status).toBe(202);
    const link = await emailedLink(GUEST);

    const phone = await newPage(browser, 'zh-CN', {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: /细胞治疗/ }).waitFor();
    // Before the event there is no audience feedback to read, so no link to it.
    expect(await phone.getByRole('link', { name: '听众反馈' }).count()).toBe(0);
    const sessions = phone.getByRole('region', { name: '您的日程' });
    const panel = sessions.getByRole('listitem').filter({ hasText: '讨论嘉宾' }).first();
    await panel.getByText('请确认或婉拒').waitFor();
    // Times are "北京时间" as on the ticket and the public agenda.
    await panel.getByText('北京时间', { exact: true }).waitFor();
    // Nothing is chosen for her: saving a note alone asks her to choose and records no answer.
    expect(await panel.getByLabel('确认参加').isChecked()).toBe(false);
    expect(await panel.getByLabel('婉拒').isChecked()).toBe(false);
    await panel.getByLabel('给主办方的备注（选填）').fill('需要提前半小时到场');
    await panel.getByRole('button', { name: '保存' }).click();
    await panel.getByText('请选择确认或婉拒。').waitFor();
    await panel.getByText('请确认或婉拒').waitFor();
    const token = link.split('/portal/')[1]!;
    const unanswered = (await (await fetch(`${baseUrl}/api/portal/${token}`)).json()) as {
      sessions: { role: string; answer: string | null }[];
    };
    expect(unanswered.sessions.filter((s) => s.role === 'panelist').map((s) => s.answer)).not.toContain('confirmed');
    expect(await panel.getByLabel('给主办方的备注（选填）').inputValue()).toBe('需要提前半小时到场');
    await panel.getByLabel('确认参加').check();
    await panel.getByRole('button', { name: '保存' }).click();
    await panel.getByText('您已确认').waitFor();
    await panel.getByText(/已于 \d\d:\d\d 保存/).waitFor();

    const disclosure = phone.getByRole('region', { name: '利益冲突声明' });
    await disclosure.getByLabel('我有需要声明的关系').check();
    await disclosure.getByLabel('公司').fill('Kite Pharma');
    await disclosure.getByLabel('关系类型').selectOption('consultant');
    // A wrong signature is refused and everything typed stays.
    await disclosure.getByLabel('输入您的姓名以签署').fill('张三');
    await disclosure.getByRole('button', { name: '签署并保存' }).click();
    await disclosure.getByText('请输入与日程中一致的姓名以签署。').waitFor();
    expect(await disclosure.getByLabel('公司').inputValue()).toBe('Kite Pharma');
    await disclosure.getByLabel('输入您的姓名以签署').fill('李艳');
    await disclosure.getByRole('button', { name: '签署并保存' }).click();
    await disclosure.getByText(/李艳 已于 .+ 签署。/).waitFor();

    const consent = phone.getByRole('region', { name: '授权', exact: true });
    await consent.getByLabel('我同意对我的报告进行录像。').check();
    await consent.getByLabel('我同意会后公开发布我的讲稿。').check();
    await consent.getByRole('button', { name: '保存' }).click();
    await consent.getByText(/已于 .+ 答复。/).waitFor();
    // Slides: the editor opens on demand, takes a small PDF and lists it.
    await phone.getByRole('button', { name: '上传或管理讲稿' }).click();
    const slides = phone.getByRole('region', { name: '讲稿与资料' });
    await slides.locator('input[type=file]').setInputFiles({
      name: '讨论讲稿.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
      ),
    });
    await expect.poll(() => slides.getByLabel('标题', { exact: true }).inputValue()).toBe('讨论讲稿');
    await slides.getByRole('button', { name: '上传', exact: true }).click();
    await phone.getByRole('status').filter({ hasText: '已上传“讨论讲稿”。' }).waitFor({ timeout: 30_000 });
    await slides.getByRole('listitem').filter({ hasText: '讨论讲稿' }).waitFor();
    // Nothing wider than the phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.context().close();

    // The same page in English, on a laptop: the console's and public page's words.
    const laptop = await newPage(browser, 'en', { viewport: { width: 1366, height: 900 } });
    await laptop.goto(link);
    const enPanel = laptop.getByRole('region', { name: 'Your sessions' }).getByRole('listitem').first();
    await enPanel.getByText('Panel guest', { exact: true }).waitFor();
    await enPanel.getByText('Beijing time', { exact: true }).waitFor();
    expect(await laptop.getByText('Panellist').count()).toBe(0);
    await laptop.context().close();

    const desk = await newPage(browser, 'en', { viewport: { width: 1366, height: 900 } });
    await useSession(desk.context(), baseUrl, organiser);
    await desk.goto(`${baseUrl}/console/${SLUG}/faculty`);
    const row = desk.getByRole('row').filter({ hasText: 'Li Yan' });
    await row.waitFor();
    await row.getByText('Confirmed').waitFor();
    await row.getByText('1 relationship(s)').waitFor();
    await row.getByText('Rec. ✓ · Slides ✓').waitFor();
    await row.getByText('需要提前半小时到场').waitFor();
    // The slides column counts the upload.
    const slidesColumn = await desk.getByRole('columnheader').allTextContents();
    expect(
      await row
        .getByRole('cell')
        .nth(slidesColumn.indexOf('Slides') - 1)
        .textContent(),
    ).toBe('1');
    await desk.context().close();

    const reader = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 844 } });
    await reader.goto(`${baseUrl}/e/${SLUG}`);
    const talk = reader.getByRole('listitem').filter({ hasText: '讨论' }).filter({ hasText: '利益冲突声明' });
    await talk.getByText('Kite Pharma（顾问，持续中）').waitFor();
    await reader.context().close();
  });
});
