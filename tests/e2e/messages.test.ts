// The console's Messages and Devices tabs in Chromium: template, per-recipient preview, test-send, confirmed send, delivery; pairing codes; axe.
import jsQR from 'jsqr';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newPage, seriousA11yViolations } from './browser';
import { signInPage } from './staff-session';
import { UPCOMING_SLUG } from '../../schema/seed/demo';

const baseUrl = inject('baseUrl');
// The upcoming edition: the demo seminar itself has ended and takes no registrations.
const SLUG = UPCOMING_SLUG;
const ORGANISER = 'organiser@colloquy.test';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type MailboxEmail = { to: string; subject: string | null; html: string | null; text: string | null };
const mailbox = async () =>
  ((await (await fetch(`${baseUrl}/api/dev/mailbox`)).json()) as { emails: MailboxEmail[] }).emails;

let browser: Browser;
// One sign-in for the whole file: the API allows only a few sign-in emails per address per minute, and other files sign in too.
let session: BrowserContextOptions['storageState'];
beforeAll(async () => {
  browser = await launch();
  const page = await newPage(browser, 'en');
  await signInPage(baseUrl, page, ORGANISER, '/console');
  session = await page.context().storageState();
  await page.context().close();
});
afterAll(async () => {
  await browser?.close();
});

const organiserPage = (locale: 'zh-CN' | 'en') => newPage(browser, locale, { storageState: session });

const toast = (page: Page, text: string | RegExp) => page.locator('.console-toasts[role="status"]').getByText(text);

describe('messages', () => {
  it('fills the speaker invitation in Chinese, previews each recipient, test-sends, refuses an unknown placeholder, sends after confirming and shows delivery', async () => {
    const page = await organiserPage('en');
    const u = unique();
    await page.goto(`${baseUrl}/console/${SLUG}/messages`);
    await page.getByRole('heading', { level: 2, name: 'Messages' }).waitFor();
    expect(await page.getByRole('link', { name: 'Messages' }).getAttribute('aria-current')).toBe('page');

    // Other test files may add people, so the expected audience comes from the API itself.
    const templates = (await (await page.request.get(`${baseUrl}/api/events/${SLUG}/messages/templates`)).json()) as {
      templates: Record<string, { id: string; subject: string; body: string }[]>;
    };
    const invitation = templates.templates['zh-CN']!.find((x) => x.id === 'speaker_invitation')!;
    const audience = (await (
      await page.request.post(`${baseUrl}/api/events/${SLUG}/messages/preview`, {
        headers: { origin: baseUrl },
        data: { audience: { type: 'people' }, subject: invitation.subject, body: invitation.body, locale: 'zh-CN' },
      })
    ).json()) as { count: number; recipients: { id: string; name: string; email: string }[] };
    expect(audience.count).toBeGreaterThanOrEqual(4);
    expect(audience.recipients.map((r) => r.email)).toContain('jin.jingyu@example.org');

    // The template: speaker invitation, in Chinese, for speakers, guests and moderators.
    await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Speaker invitation' });
    await page.getByLabel('Template language').selectOption({ label: '中文' });
    await page.getByRole('button', { name: 'Use this template' }).click();
    await toast(page, 'Filled in the “Speaker invitation” template.').waitFor();
    expect(await page.getByLabel('Send to', { exact: true }).inputValue()).toBe('people');
    expect(await page.getByLabel('Language of the email').inputValue()).toBe('zh-CN');
    const subject = page.getByRole('textbox', { name: 'Subject' });
    expect(await subject.inputValue()).toBe(invitation.subject);
    await subject.fill(`${invitation.subject} ${u}`);
    const body = page.getByRole('textbox', { name: 'Message' });
    expect(await body.inputValue()).toContain('{{sessions}}');

    // The preview counts the recipients and shows one person's email; another person shows another name.
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText(`${audience.count} recipients`, { exact: true }).waitFor();
    const first = audience.recipients[0]!;
    const second = audience.recipients[1]!;
    await preview.locator(`iframe[title="The email to ${first.name}"]`).waitFor();
    await expect
      .poll(() => preview.locator('.msg-subject').textContent())
      .toBe(`诚邀您出席细胞治疗治疗自身免疫性疾病学术交流会（第二期） ${u}`);
    expect(
      await page.frameLocator(`iframe[title="The email to ${first.name}"]`).locator('body').textContent(),
    ).toContain(first.name);
    await preview.getByLabel('Preview the email of').selectOption(second.id);
    await preview.locator(`iframe[title="The email to ${second.name}"]`).waitFor();
    const secondText = await page
      .frameLocator(`iframe[title="The email to ${second.name}"]`)
      .locator('body')
      .textContent();
    expect(secondText).toContain(second.name);
    expect(secondText).not.toContain(first.name);
    expect(await preview.getByRole('term').allTextContents()).toEqual(['To', 'Subject']);
    expect(await preview.getByRole('definition').first().textContent()).toBe(`${second.name} <${second.email}>`);

    // A placeholder inserted at the cursor.
    await body.focus();
    await page.keyboard.press('Control+End');
    await page
      .getByRole('group', { name: 'Insert a placeholder' })
      .getByRole('button', { name: /\{\{institution\}\}/ })
      .click();
    await expect.poll(() => body.inputValue()).toMatch(/\{\{institution\}\}$/);
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.name))
      .toBe('body');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A test to the organiser, as the chosen recipient would get it, lands in the dev mailbox.
    await page.getByRole('button', { name: 'Send a test to me' }).click();
    await toast(page, `Test sent to ${ORGANISER}.`).waitFor();
    const note = page.locator('.msg-tested');
    await note.getByText(`The email of ${second.name} went to ${ORGANISER} as a test`).waitFor();
    expect(await note.getByRole('link', { name: /Open the development mailbox/ }).getAttribute('href')).toBe(
      '/dev/mailbox',
    );
    const devMailbox = await page.context().newPage();
    await devMailbox.goto(`${baseUrl}/dev/mailbox`);
    await devMailbox.getByRole('button', { name: new RegExp(`^\\[Test\\] 诚邀您出席.* ${u}`) }).click();
    expect(await devMailbox.locator('.mail-to').textContent()).toBe(ORGANISER);
    expect(await devMailbox.frameLocator('iframe.mail-html').locator('body').textContent()).toContain(second.name);
    await devMailbox.close();

    // An unknown placeholder is refused next to the message, and nothing written is lost.
    const written = await body.inputValue();
    await body.fill(`${written}\n\n{{fax}}`);
    const bodyError = page.getByText(/Unknown placeholder \{\{fax\}\}/);
    await bodyError.waitFor();
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    expect(await body.getAttribute('aria-describedby')).toContain(await bodyError.getAttribute('id'));
    // The preview does not pass off the last good rendering as this text.
    await preview.getByText('Fix the marked field to see the email.').waitFor();
    expect(await preview.locator('iframe').count()).toBe(0);
    await page.getByRole('button', { name: `Send to ${audience.count}…` }).click();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.name))
      .toBe('body');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await body.inputValue()).toBe(`${written}\n\n{{fax}}`);
    await body.fill(written);
    await bodyError.waitFor({ state: 'detached' });

    // The draft survives a visit to another section.
    const nav = page.getByRole('navigation', { name: 'Console sections' });
    await nav.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
    await nav.getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('heading', { level: 2, name: 'Messages' }).waitFor();
    expect(await subject.inputValue()).toBe(`${invitation.subject} ${u}`);
    expect(await body.inputValue()).toBe(written);
    await preview.getByText(`${audience.count} recipients`, { exact: true }).waitFor();

    // Sending asks first, with the number of recipients.
    await page.getByRole('button', { name: `Send to ${audience.count}…` }).click();
    const dialog = page.getByRole('dialog', { name: `Send to ${audience.count} recipients?` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Speakers, panel guests and moderators');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('No, go back');
    await dialog.getByRole('button', { name: `Yes, send to ${audience.count}` }).click();
    await toast(page, new RegExp(`^Sending “.*${u}” to ${audience.count}\\.`)).waitFor();

    // Progress until everyone is sent (kept in the dev mailbox here, with no email service), and each recipient's status.
    const detail = page.getByRole('region', { name: new RegExp(`^Delivery of “.*${u}”$`) });
    await detail.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H4');
    await detail.getByText(`Done: ${audience.count} of ${audience.count} sent, 0 failed.`).waitFor({ timeout: 20_000 });
    const bar = detail.getByRole('progressbar', { name: 'Progress' });
    expect(await bar.evaluate((el: HTMLProgressElement) => [el.value, el.max])).toEqual([
      audience.count,
      audience.count,
    ]);
    const table = detail.getByRole('table', { name: 'Delivery status per recipient' });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(audience.count);
    for (const r of audience.recipients) {
      const row = rows.filter({ has: page.getByRole('rowheader', { name: r.email, exact: true }) });
      expect(await row.getByText(/^(In the dev mailbox|Sent|Delivered)$/).count()).toBe(1);
    }
    await detail.getByRole('link', { name: /Open the development mailbox/ }).waitFor();

    // The list of sent messages has it, and the compose form is empty for the next message.
    const history = page.getByRole('table', { name: 'Sent messages, newest first' });
    await history
      .getByRole('row')
      .filter({ hasText: u })
      .getByText(`${audience.count} of ${audience.count} sent`)
      .waitFor();
    expect(await subject.inputValue()).toBe('');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The sent message can start the next one.
    await detail.getByRole('button', { name: 'Use as a new message' }).click();
    await toast(page, `Copied “${invitation.subject} ${u}” into the new message.`).waitFor();
    expect(await subject.inputValue()).toBe(`${invitation.subject} ${u}`);
    expect(await body.inputValue()).toBe(written);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('New message');

    // Each person got their own email, in Chinese.
    const sent = (await mailbox()).filter(
      (m) => m.subject === `诚邀您出席细胞治疗治疗自身免疫性疾病学术交流会（第二期） ${u}`,
    );
    expect(sent.map((m) => m.to).sort()).toEqual(audience.recipients.map((r) => r.email).sort());
    const jin = sent.find((m) => m.to === 'jin.jingyu@example.org')!;
    expect(jin.html).toContain('尊敬的金京玉主任');
    expect(jin.text).toContain('金京玉');
    // The upcoming edition's day, as the Chinese email writes it (the seed dates it four weeks after it ran).
    const { event } = (await (await fetch(`${baseUrl}/api/events/${SLUG}`)).json()) as { event: { startsAt: string } };
    const [, month, day] = event.startsAt.slice(0, 10).split('-').map(Number);
    expect(jin.text).toMatch(new RegExp(`${month}月${day}日 14:15–15:00 细胞治疗在自身免疫性疾病中的突破`));
    await page.context().close();
  });
});

describe('devices', () => {
  it('chosen people: someone who cancelled and registered again is one recipient, reached at the new ticket; in Chinese', async () => {
    const u = unique();
    const name = `赵敏${u}`;
    const email = `zhao.min.${u}@example.org`;
    const register = async () => {
      const res = await fetch(`${baseUrl}/api/events/${SLUG}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseUrl },
        body: JSON.stringify({ name, email, affiliation: '北京协和医院', locale: 'zh-CN', consent: true }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { registration: { ticketCode: string; manageUrl: string } }).registration;
    };
    const first = await register();
    const cancelled = await fetch(`${baseUrl}/api/tickets/${first.ticketCode}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ token: new URL(first.manageUrl).searchParams.get('m') }),
    });
    expect(cancelled.status).toBe(200);
    const again = await register();

    const page = await organiserPage('zh-CN');
    await page.goto(`${baseUrl}/console/${SLUG}/messages`);
    await page.getByRole('heading', { level: 2, name: '消息' }).waitFor();
    // "Cancelled attendees" says whom it leaves out.
    await page.getByLabel('发送给', { exact: true }).selectOption({ label: '参会者' });
    await page.getByLabel('报名状态').selectOption({ label: '已取消' });
    await page.getByText('不含已重新报名的人；同一邮箱只发一封。').waitFor();
    await page.getByLabel('发送给', { exact: true }).selectOption({ label: '自选报名者' });
    await page.getByRole('searchbox', { name: '查找报名者' }).fill(name);
    const found = page.getByRole('list', { name: '符合条件的报名' }).getByRole('listitem');
    await expect.poll(() => found.count()).toBe(2);
    // The cancelled registration is chosen; the new one, at the same address, is then shown as covered.
    const old = found.filter({ hasText: '已取消' });
    const live = found.filter({ hasNotText: '已取消' });
    await old.getByRole('button', { name: `添加 ${name}` }).click();
    await old.getByRole('button', { name: '已添加' }).waitFor();
    const covered = live.getByRole('button', { name: '该邮箱已选' });
    await covered.waitFor();
    expect(await covered.getAttribute('aria-disabled')).toBe('true');
    await covered.click({ force: true });
    await page.getByText('已选 1 人').waitFor();
    // The chosen row says it is cancelled; what is sent goes to the live registration all the same.
    await page.getByRole('group', { name: '已选 1 人' }).getByText('已取消', { exact: true }).waitFor();

    await page.getByRole('textbox', { name: '主题' }).fill(`停车 ${u}`);
    await page.getByRole('textbox', { name: '正文' }).fill('{{name}}，您的电子票：{{ticket_url}}');
    const preview = page.getByRole('region', { name: '预览' });
    await preview.getByText('共 1 位收件人', { exact: true }).waitFor();
    // Chinese text without half-width brackets; no space on the side of the name that is Chinese (赵敏…), one on the
    // side where it ends in Latin letters (the test's suffix), as Chinese typesetting spaces Latin words.
    await page.getByRole('button', { name: '发送测试邮件给我' }).click();
    await page
      .locator('.msg-tested')
      .getByText(new RegExp(`^已于 .+ 将${name} 的邮件作为测试发送至 ${ORGANISER}。`))
      .waitFor();
    await preview.locator(`iframe[title="发给${name} 的邮件"]`).waitFor();
    await page.getByRole('button', { name: '发送给 1 人…' }).click();
    const confirm = page.getByRole('dialog', { name: '确定发送给 1 位收件人吗？' });
    await confirm.getByText('自选报名者（共 1 位收件人）', { exact: true }).waitFor();
    await confirm.getByRole('button', { name: '确定发送给 1 人' }).click();
    await toast(page, new RegExp(`^正在将“停车 ${u}”发送给 1 人`)).waitFor();

    // One email, with the ticket that admits: the new registration's, not the cancelled one's.
    await expect
      .poll(async () => (await mailbox()).filter((m) => m.subject === `停车 ${u}`).length, { timeout: 20_000 })
      .toBe(1);
    const [mail] = (await mailbox()).filter((m) => m.subject === `停车 ${u}`);
    expect(mail!.to).toBe(email);
    expect(mail!.text).toContain(`/t/${again.ticketCode}`);
    expect(mail!.text).not.toContain(first.ticketCode);
    await page.context().close();
  });

  it('creates a pairing code with a QR shown once, lists it with its use, revokes it; in Chinese', async () => {
    const page = await organiserPage('zh-CN');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const u = unique();
    const label = `入口${u}`;

    // Two desks admitted the same ticket while offline.
    const name = `共用测试${u}`;
    const reg = await fetch(`${baseUrl}/api/events/${SLUG}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({
        name,
        email: `shared-${u}@example.org`,
        affiliation: '北京协和医院',
        locale: 'zh-CN',
        consent: true,
      }),
    });
    expect(reg.status).toBe(201);
    const { registration } = (await reg.json()) as { registration: { id: string } };
    for (const [desk, minutes] of [
      ['A', 10],
      ['B', 5],
    ] as const) {
      const res = await page.request.post(`${baseUrl}/api/events/${SLUG}/checkins/batch`, {
        headers: { origin: baseUrl },
        data: {
          deviceId: `dev-${desk}-${u}`,
          deskId: `签到台 ${desk}`,
          scans: [
            {
              clientId: `scan-${desk}-${u}`,
              registrationId: registration.id,
              scannedAt: new Date(Date.now() - minutes * 60_000).toISOString(),
              localResult: 'checked_in',
            },
          ],
        },
      });
      expect(res.status()).toBe(200);
    }

    await page.goto(`${baseUrl}/console/${SLUG}/overview`);
    const nav = page.getByRole('navigation', { name: '控制台栏目' });
    await nav.getByRole('link', { name: /^设备 \(\d+ 张疑似共用胸卡\)$/ }).click();
    await page.getByRole('heading', { level: 2, name: '设备' }).waitFor();
    expect(await page.getByRole('link', { name: /打印全部胸卡/ }).getAttribute('href')).toBe(`/badges/${SLUG}`);
    const conflicts = page.getByRole('table', { name: '在两个签到台被放行的票' });
    const conflict = conflicts.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('签到台 A');
    expect(await conflict.textContent()).toContain('签到台 B');

    const form = page.getByRole('region', { name: '配对设备' });
    await form.getByLabel(/^名称/).fill(label);
    await form.getByLabel('可配对的设备数').fill('0');
    await form.getByRole('button', { name: '生成配对码' }).click();
    await form.getByText('请输入 1 至 50 之间的整数。').waitFor();
    expect(await form.getByLabel(/^名称/).inputValue()).toBe(label);
    await form.getByLabel('可配对的设备数').fill('3');
    await form.getByLabel('有效期').selectOption({ label: '1 小时' });
    await form.getByRole('button', { name: '生成配对码' }).click();
    await toast(page, `已生成配对码“${label}”。`).waitFor();

    // The QR and the link, once; the token is only in the link's fragment.
    const created = page.getByRole('region', { name: `扫码配对：“${label}”` });
    const qr = created.getByRole('img', { name: '将设备配对为本会议签到台的二维码' });
    await qr.locator('svg').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`扫码配对：“${label}”`);
    expect(await created.textContent()).toContain('还可配对 3 台设备（共 3 台）');
    expect(await created.textContent()).toContain('此二维码仅显示这一次');
    const url = await created.getByLabel('配对链接').inputValue();
    expect(url).toMatch(new RegExp(`^${baseUrl}/pair#[A-Za-z0-9_-]{16,}$`));
    // What a phone's camera would read: the QR on screen, decoded independently.
    const shot = PNG.sync.read(await qr.screenshot());
    expect(jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data).toBe(url);
    await created.getByRole('button', { name: '复制链接' }).click();
    await toast(page, '配对链接已复制。').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const row = page
      .getByRole('table', { name: '配对码（最新的在前）' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: label }) });
    expect(await row.textContent()).toContain('0 / 3');
    expect(await row.textContent()).toContain('有效');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A phone pairs with it; afterwards the QR is gone for good and the list counts the device.
    const paired = await fetch(`${baseUrl}/api/auth/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ token: new URL(url).hash.slice(1) }),
    });
    expect(paired.status).toBe(200);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '设备' }).waitFor();
    await row.getByText('1 / 3').waitFor();
    expect(await page.getByRole('region', { name: `扫码配对：“${label}”` }).count()).toBe(0);

    // Revoking asks first and signs the device out.
    await row.getByRole('button', { name: `撤销“${label}”` }).click();
    const dialog = page.getByRole('dialog', { name: `撤销“${label}”吗？` });
    expect(await dialog.textContent()).toContain('1 台设备将被登出');
    await dialog.getByRole('button', { name: '确定撤销' }).click();
    await toast(page, `已撤销“${label}”，1 台设备已登出。`).waitFor();
    await row.getByText('已撤销').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('offers a badge per confirmed registration and for a selection', async () => {
    const page = await organiserPage('en');
    await page.goto(`${baseUrl}/console/${SLUG}/registrations`);
    await page.getByRole('searchbox', { name: 'Search' }).fill('jin.jingyu@example.org');
    const table = page.getByRole('table', { name: 'List of registrations' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const row = table.locator('tbody tr').first();
    const href = await row
      .getByRole('link', { name: /^Print the badge of .+ \(opens in a new tab\)$/ })
      .getAttribute('href');
    expect(href).toMatch(new RegExp(`^/badges/${SLUG}\\?ids=reg_\\w+$`));
    await row.getByRole('checkbox', { name: /^Select / }).check();
    const selected = page.getByRole('link', { name: /Print 1 selected badge/ });
    expect(await selected.getAttribute('href')).toBe(href);
    await page.getByRole('button', { name: 'Clear the selection' }).click();
    await selected.waitFor({ state: 'detached' });
    expect(await page.getByRole('link', { name: /^Print all badges/ }).getAttribute('href')).toBe(`/badges/${SLUG}`);
    await page.context().close();
  });
});
