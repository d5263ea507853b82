// Approval and invitation events in Chromium: the organiser works the approval queue; an invitee registers from a phone.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newPage, seriousA11yViolations } from './browser';
import { sharedCookie, useSession } from './staff-session';

const baseUrl = inject('baseUrl');
const ORGANISER = 'organiser@colloquy.test';
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const inDays = (days: number, hh: number) => new Date(Date.now() + days * 86_400_000 + hh * 3_600_000).toISOString();

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function api(path: string, method = 'GET', json?: unknown, cookie?: string) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(json ? { 'content-type': 'application/json', origin: baseUrl } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body: json ? JSON.stringify(json) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** A published event the demo organiser runs, in the given registration mode. */
async function eventIn(registrationMode: 'approval' | 'invitation', capacity: number) {
  const cookie = await sharedCookie(baseUrl, ORGANISER);
  const slug = `${registrationMode}-${unique()}`;
  const made = await api(
    '/api/events',
    'POST',
    {
      slug,
      titleZh: '审核制研讨会',
      titleEn: 'Seminar with approval',
      venueZh: '报告厅',
      venueEn: 'Lecture hall',
      timezone: 'Asia/Shanghai',
      // Long after the demo's upcoming edition, so / and the desk's default event stay the seminar for the other files.
      startsAt: inDays(200, 0),
      endsAt: inDays(200, 3),
      capacity,
      status: 'published',
      registrationMode,
    },
    cookie,
  );
  expect(made.status).toBe(201);
  return { slug, cookie };
}

const person = (name: string, email: string) => ({ name, email, consent: true, locale: 'zh-CN' });

describe('the approval queue', () => {
  it('lists pending registrations; the organiser approves one, then the rest in bulk, and sees the counts', async () => {
    const { slug, cookie } = await eventIn('approval', 2);
    for (const [name, email] of [
      ['赵医生', 'zhao-appr@example.org'],
      ['钱医生', 'qian-appr@example.org'],
      ['孙医生', 'sun-appr@example.org'],
    ] as const) {
      const reg = await api(`/api/events/${slug}/registrations`, 'POST', person(name, email));
      expect(reg.body.registration.status).toBe('pending');
    }
    const page = await newPage(browser, 'en', { viewport: { width: 1366, height: 900 } });
    await useSession(page.context(), baseUrl, cookie);
    await page.goto(`${baseUrl}/console/${slug}/approvals`);
    await page.getByRole('heading', { level: 2, name: 'Approvals' }).waitFor();
    await page.getByText('3 registrations await approval · 2 seats left').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Approve: 赵医生' }).click();
    await page.getByText('1 confirmed, 0 waitlisted, 0 rejected, 0 unchanged.').first().waitFor();
    await page.getByText('2 registrations await approval · 1 seat left').waitFor();

    await page.getByRole('checkbox', { name: 'Select all' }).check();
    await page.getByRole('button', { name: 'Approve selected (2)' }).click();
    await page.getByText('1 confirmed, 1 waitlisted, 0 rejected, 0 unchanged.').first().waitFor();
    await page.getByText('Nobody is waiting for approval.').waitFor();
    await page.getByText('0 registrations await approval · 0 seats left').waitFor();

    const list = await api(`/api/events/${slug}/registrations?sort=created`, 'GET', undefined, cookie);
    expect(list.body.registrations.map((r: { status: string }) => r.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
    await page.context().close();
  });
});

describe('an invitation on a phone', () => {
  it('opens the personal form with the address fixed, registers, and the page without the link says invitation only', async () => {
    const { slug, cookie } = await eventIn('invitation', 50);
    const email = `li-${unique()}@example.org`;
    const invited = await api(`/api/events/${slug}/invitations`, 'POST', { text: `李医生, ${email}` }, cookie);
    expect(invited.body.invited).toBe(1);
    let link = '';
    for (let i = 0; i < 20 && !link; i++) {
      const { emails } = (await (await fetch(`${baseUrl}/api/dev/mailbox`)).json()) as {
        emails: { to: string; text: string | null }[];
      };
      link = /https?:\/\/\S+\?invite=\S+/.exec(emails.find((m) => m.to === email)?.text ?? '')?.[0] ?? '';
      if (!link) await new Promise((r) => setTimeout(r, 250));
    }
    expect(link).toContain(`/e/${slug}?invite=`);

    const phone = await newPage(browser, 'zh-CN', {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.goto(`${baseUrl}/e/${slug}`);
    await phone.getByText('本会议仅限受邀人员报名。').waitFor();
    expect(await phone.getByRole('button', { name: '提交报名' }).count()).toBe(0);

    await phone.goto(link);
    await phone.getByText('李医生，诚邀您参会。').waitFor();
    const emailField = phone.getByLabel('电子邮箱');
    expect(await emailField.inputValue()).toBe(email);
    expect(await emailField.getAttribute('readonly')).not.toBeNull();
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.getByLabel(/我同意/).check();
    await phone.getByRole('button', { name: '提交报名' }).click();
    await phone.waitForURL(/\/t\//);
    await phone.getByRole('heading', { level: 1, name: '您的电子票' }).waitFor();

    const counts = await api(`/api/events/${slug}/invitations`, 'GET', undefined, cookie);
    expect(counts.body.counts).toMatchObject({ invited: 1, registered: 1, declined: 0 });
    await phone.context().close();
  });
});
