// Certificates end to end: the organiser issues them in the CME tab and watches the progress reach done, the
// attendee downloads theirs from the ticket page, and the verify page says it is valid, in Chinese.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UPCOMING_SLUG } from '../../schema/seed/demo';
import { pdfPageText } from '../worker/pdf-text';
import { testAttendees, unique } from './attendees';
import { launch, newPage, seriousA11yViolations } from './browser';
import { sharedCookie, useSession } from './staff-session';

const baseUrl = inject('baseUrl');
const SLUG = UPCOMING_SLUG;
const attendees = testAttendees(baseUrl, SLUG, 'certificates', 'zh-CN');
const name = `证书测试${unique().slice(-4)}`;

let browser: Browser;
let ticket: { id: string; ticketCode: string; ticketUrl: string; manageUrl: string };
let organiser: string;

const api = async (path: string, method: string, body?: unknown) => {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: baseUrl, cookie: organiser },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  organiser = await sharedCookie(baseUrl, 'organiser@colloquy.test');
  ticket = (await attendees.register(name, '北京协和医院')) as unknown as typeof ticket;
  const set = await api(`/api/events/${SLUG}/cme`, 'PUT', {
    projectName: '细胞治疗新进展',
    projectNumber: '2026-04-01-123 (国)',
    level: 'national',
    creditClass: 'I',
    accreditedSessionIds: ['ses_next_breakthroughs', 'ses_next_panel'],
    attendee: { mode: 'per_hours', hoursPerCredit: 3 },
    lecturerCreditsPerHour: 2,
  });
  expect(set.status).toBe(200);
  // The agenda lies ahead, so nobody has signed in yet: the organiser vouches for this attendee.
  const vouched = await api(`/api/events/${SLUG}/attendance/${ticket.id}/override`, 'PUT', {
    eligible: true,
    reason: '纸质签到表',
  });
  expect(vouched.status).toBe(200);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await attendees.cancelAll();
});

describe('certificates', () => {
  it('the organiser issues them in the CME tab and the progress reaches done', async () => {
    const page = await newPage(browser, 'zh-CN', { viewport: { width: 1366, height: 900 } });
    await useSession(page.context(), baseUrl, organiser);
    await page.goto(`${baseUrl}/console/${SLUG}/cme`);
    const panel = page.locator('.cert-panel');
    await panel.getByRole('heading', { name: '证书' }).waitFor();
    // Other browser tests may have issued this event's certificates already, and the panel then says all of those are
    // ready before the click: the wait is for the total that includes what this click issued.
    const { counts } = (await api(`/api/events/${SLUG}/certificates`, 'GET')).body;
    const had = counts.pending + counts.ready + counts.failed;
    await panel.getByRole('button', { name: '签发证书' }).click();
    const note = panel.getByText(/^新签发 \d+ 份证书。$/);
    await note.waitFor({ timeout: 45_000 });
    const issued = Number(/\d+/.exec((await note.textContent())!)![0]);
    expect(issued).toBeGreaterThan(0);
    await panel.getByText(`全部 ${had + issued} 份证书已生成。`).waitFor({ timeout: 45_000 });
    const row = panel.locator('.cert-table tbody tr', { hasText: name });
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('学分证书');
    expect(await row.getByRole('link', { name: `下载 ${name} 的证书` }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the attendee’s ticket page offers the download, and the PDF reads back with their Chinese name', async () => {
    const page = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 844 } });
    await page.goto(ticket.ticketUrl);
    const link = page.getByRole('link', { name: '下载学分证书' });
    await link.waitFor();
    const res = await fetch(new URL((await link.getAttribute('href'))!, baseUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const pdf = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    // What a person reads on the certificate: their Chinese name, the project's level and the credits' class.
    const { text } = await pdfPageText(pdf);
    expect(text).toContain(name);
    expect(text).toContain('国家级');
    expect(text).toContain('北京协和医院');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('before deleting their data, the attendee is told the certificate stays on record and to download it first', async () => {
    const page = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 844 } });
    await page.goto(ticket.manageUrl);
    await page.getByRole('link', { name: '下载学分证书' }).waitFor();
    await page.getByRole('button', { name: '删除我的个人信息' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain('已签发的证书作为继续医学教育记录保留，仍可凭编号核验');
    await dialog.getByRole('button', { name: '不删除' }).click();
    await expect(page.getByRole('link', { name: '下载学分证书' }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('/verify/<number> says valid in Chinese, with the name partly hidden', async () => {
    const { certificates } = (await (
      await fetch(`${baseUrl}/api/tickets/${ticket.ticketCode}/certificates`)
    ).json()) as { certificates: { number: string }[] };
    const page = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl}/verify/${encodeURIComponent(certificates[0]!.number)}`);
    await page.getByText('证书有效', { exact: true }).waitFor();
    const holder = await page.locator('.verify-holder').textContent();
    expect(holder).toBe(`${name[0]}${'*'.repeat([...name].length - 2)}${name.at(-1)}`);
    expect(await page.locator('.verify-facts').textContent()).toContain('学分证书');
    await page.getByLabel('证书编号').fill('AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: '核验' }).click();
    await page.getByText('未找到此编号的证书').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
