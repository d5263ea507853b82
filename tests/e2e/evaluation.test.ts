// The evaluation end to end: an attendee who signed out of the panel opens it from the ticket page on a phone in
// Chinese, rates the panel (a dropped connection loses nothing), passes the assessment and downloads the certificate;
// the organiser sees the averages chart in the console.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UPCOMING_SLUG } from '../../schema/seed/demo';
import { testAttendees, unique } from './attendees';
import { launch, newPage, seriousA11yViolations } from './browser';
import { sharedCookie, useSession } from './staff-session';

const baseUrl = inject('baseUrl');
const SLUG = UPCOMING_SLUG;
const PANEL = 'ses_next_panel';
const PANEL_TITLE = '专家讨论：细胞治疗新未来';
const attendees = testAttendees(baseUrl, SLUG, 'evaluation', 'zh-CN');
const name = `评价测试${unique().slice(-4)}`;

let browser: Browser;
let ticket: { ticketCode: string; ticketUrl: string };
let absent: { ticketCode: string; ticketUrl: string; manageUrl: string };
let organiser: string;

const call = async (cookie: string, path: string, method: string, body?: unknown) => {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), origin: baseUrl, cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};

const cme = (over: Record<string, unknown>) => ({
  projectName: '细胞治疗新进展',
  projectNumber: '2026-04-01-123 (国)',
  level: 'national',
  creditClass: 'I',
  accreditedSessionIds: [PANEL],
  attendee: { mode: 'fixed', credits: 1 },
  lecturerCreditsPerHour: 2,
  ...over,
});

beforeAll(async () => {
  organiser = await sharedCookie(baseUrl, 'organiser@colloquy.test');
  const desk = await sharedCookie(baseUrl, 'desk@colloquy.test');
  ticket = await attendees.register(name, '北京协和医院');
  absent = await attendees.register(`未到场${unique().slice(-4)}`, '北京协和医院');
  // The organiser has issued the attendee certificates already (under the usual 90% rule, before this attendee was
  // eligible): a pass afterwards issues theirs at once.
  expect((await call(organiser, `/api/events/${SLUG}/cme`, 'PUT', cme({}))).status).toBe(200);
  let after = '';
  do {
    const page = await call(organiser, `/api/events/${SLUG}/certificates${after ? `?after=${after}` : ''}`, 'POST');
    expect(page.status).toBe(200);
    after = page.body.next ?? '';
  } while (after);
  // The agenda lies ahead, so presence is not measured against it here: the rule asks for none, but for the assessment.
  const rule = await call(
    organiser,
    `/api/events/${SLUG}/cme`,
    'PUT',
    cme({ minPresencePercent: 0, assessmentRequired: true }),
  );
  expect(rule.status).toBe(200);
  const form = await call(organiser, `/api/events/${SLUG}/evaluation`, 'PUT', {
    opensOn: 'sign_out',
    closesAfterDays: 7,
    audience: 'attended',
    assessment: {
      passPercent: 100,
      maxTries: 3,
      questions: [
        {
          id: 'car',
          kind: 'single',
          promptZh: 'CAR-T 细胞疗法中的 T 细胞来自哪里？',
          promptEn: 'Where do the T cells in CAR-T therapy come from?',
          options: [
            { zh: '通常来自患者本人', en: 'Usually the patient' },
            { zh: '来自动物', en: 'Animals' },
          ],
          correct: [0],
        },
        {
          id: 'sle',
          kind: 'multiple',
          promptZh: '以下哪些是系统性红斑狼疮常见受累器官？',
          promptEn: 'Which organs does lupus often affect?',
          options: [
            { zh: '肾脏', en: 'Kidneys' },
            { zh: '皮肤', en: 'Skin' },
            { zh: '指甲', en: 'Nails' },
          ],
          correct: [0, 1],
        },
      ],
    },
  });
  expect(form.status).toBe(200);
  // Signed in at the panel an hour ago and out five minutes ago, at the desk.
  const scans = await call(desk, `/api/events/${SLUG}/checkins/batch`, 'POST', {
    deviceId: 'e2e-evaluation-desk',
    deskId: 'Desk 2',
    scans: [
      { minutes: 60, direction: 'in' },
      { minutes: 5, direction: 'out' },
    ].map((s) => ({
      clientId: `e2e-eval-${s.direction}-${unique()}`,
      code: ticket.ticketCode,
      scannedAt: new Date(Date.now() - s.minutes * 60_000).toISOString(),
      sessionId: PANEL,
      direction: s.direction,
    })),
  });
  expect(scans.status).toBe(200);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  // Other browser tests share this event: it goes back to a rule without the assessment.
  await call(organiser, `/api/events/${SLUG}/cme`, 'PUT', cme({ accreditedSessionIds: [PANEL] }));
  await attendees.cancelAll();
});

describe('the evaluation', () => {
  it('on a phone in Chinese: rate the panel from the ticket page, keep an answer through a dropped connection, pass, download', async () => {
    const page = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 844 } });
    await page.goto(ticket.ticketUrl);
    await page.getByRole('heading', { name: '会后评价' }).waitFor();
    await page.getByRole('link', { name: '开始评价' }).click();
    await page.getByRole('heading', { level: 1, name: '会后评价' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/t/${ticket.ticketCode}/evaluation`);

    const panel = page.getByRole('group', { name: PANEL_TITLE, exact: false }).first();
    await panel.waitFor();
    for (const aspect of ['内容', '表达', '与临床实践的相关性']) {
      const group = panel.getByRole('group', { name: aspect, exact: true });
      await group.getByRole('radio', { name: '5 分（满分 5 分）' }).check();
      await group.getByText('✓ 已保存').waitFor();
    }
    // A panel guest, rated with the keyboard: focus the first mark and move with the arrow keys.
    const guest = page.getByRole('group', { name: /张江林/ }).first();
    const content = guest.getByRole('group', { name: '内容', exact: true });
    await content.getByRole('radio', { name: '1 分（满分 5 分）' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await content.getByRole('radio', { name: '4 分（满分 5 分）' }).isChecked()).toBe(true);
    await content.getByText('✓ 已保存').waitFor();

    // The connection drops: the answer stays chosen, says it is not saved, and goes through once back online.
    await page.context().setOffline(true);
    const delivery = guest.getByRole('group', { name: '表达', exact: true });
    await delivery.getByRole('radio', { name: '3 分（满分 5 分）' }).check();
    await delivery.getByText(/^未保存：网络已断开/).waitFor();
    expect(await delivery.getByRole('radio', { name: '3 分（满分 5 分）' }).isChecked()).toBe(true);
    await delivery.getByRole('button', { name: '重试' }).waitFor();
    await page.context().setOffline(false);
    await delivery.getByText('✓ 已保存').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Reopened later, the answers are there.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '会后评价' }).waitFor();
    const again = page.getByRole('group', { name: /张江林/ }).first();
    await again.getByRole('group', { name: '表达', exact: true }).waitFor();
    expect(
      await again
        .getByRole('group', { name: '表达', exact: true })
        .getByRole('radio', { name: '3 分（满分 5 分）' })
        .isChecked(),
    ).toBe(true);

    // The assessment: one wrong answer first (tries left), then right.
    const assessment = page.locator('.eval-assessment');
    await assessment.getByText('考核合格后方可获得继续医学教育学分。').waitFor();
    await assessment.getByRole('radio', { name: '通常来自患者本人' }).check();
    await assessment.getByRole('checkbox', { name: '肾脏' }).check();
    await assessment.getByText('答案已保留').first().waitFor();
    await assessment.getByRole('button', { name: '提交答案' }).click();
    await assessment.getByRole('heading', { name: '您的得分：50% · 未合格：合格线为 100%。' }).waitFor();
    await assessment.getByText('还剩 2 次机会。您的答案已保留，修改后可再次提交。').waitFor();
    await assessment.getByRole('checkbox', { name: '皮肤' }).check();
    await assessment.getByRole('button', { name: '提交答案' }).click();
    await assessment.getByRole('heading', { name: '您的得分：100% · 考核合格' }).waitFor();

    const link = page.getByRole('link', { name: '下载学分证书' });
    await link.waitFor({ timeout: 45_000 });
    const res = await fetch(new URL((await link.getAttribute('href'))!, baseUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('someone who has not come yet is told when it opens; once their ticket is cancelled, why they cannot answer', async () => {
    const page = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 844 } });
    await page.goto(`${absent.ticketUrl}/evaluation`);
    await page.getByText(/^评价最晚于 .+ 开放；签退授学分日程后即可提前作答。$/).waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);
    // The ticket says what is coming and that the credit needs the assessment, without a way in yet.
    await page.goto(absent.ticketUrl);
    const card = page.getByRole('region', { name: '会后评价' });
    await card.getByText(/^会议结束后可在此为各场报告打分，\d{4}年\d{1,2}月\d{1,2}日截止。$/).waitFor();
    await card.getByText('获得继续医学教育学分需通过其中的考核。').waitFor();
    expect(await page.getByRole('link', { name: '开始评价' }).count()).toBe(0);
    const manage = new URL(absent.manageUrl).searchParams.get('m');
    const cancelled = await fetch(`${baseUrl}/api/tickets/${absent.ticketCode}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ token: manage }),
    });
    expect(cancelled.status).toBe(200);
    await page.goto(`${absent.ticketUrl}/evaluation`);
    await page.getByText('只有到场签到且报名仍有效的参会者才能参加评价。如果您到场了，请联系主办方。').waitFor();
    await page.goto(absent.ticketUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('region', { name: '会后评价' }).count()).toBe(0);
    await page.context().close();
  });

  it('the organiser sees the averages chart with the panel at 5', async () => {
    const page = await newPage(browser, 'zh-CN', { viewport: { width: 1366, height: 900 } });
    await useSession(page.context(), baseUrl, organiser);
    await page.goto(`${baseUrl}/console/${SLUG}/evaluation`);
    const chart = page.getByRole('figure').filter({ has: page.getByRole('heading', { name: '各项平均分' }) });
    await chart.waitFor();
    expect(await chart.getByRole('img', { name: '各项平均分' }).count()).toBe(1);
    // The chart's numbers, as a screen reader gets them: the panel's row with its averages.
    const row = chart.locator('table tr', { hasText: PANEL_TITLE });
    expect(await row.locator('td').allTextContents()).toEqual(['5.0', '5.0', '5.0', '1']);
    await page.getByText(/^回复率/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The panel guest rated above gets their report through the messages.
    const reports = page.locator('.eval-speakers');
    await reports.getByRole('rowheader', { name: '张江林' }).waitFor();
    await reports.getByRole('button', { name: '发送给讲者' }).click();
    await page
      .getByRole('dialog', { name: '把反馈报告发送给每位讲者？' })
      .getByRole('button', { name: '发送给讲者' })
      .click();
    await reports.getByText(/^已为 \d+ 位讲者排队发送。发送状态见“消息”页。/).waitFor();
    await page.context().close();
  });

  it('the panel guest opens the emailed link and reads their anonymous feedback, comments held back under 3 responses', async () => {
    let link = '';
    for (let attempt = 0; attempt < 20 && !link; attempt++) {
      const { emails } = (await (await fetch(`${baseUrl}/api/dev/mailbox`)).json()) as {
        emails: { to: string; kind: string; text: string | null }[];
      };
      const mail = emails.find((m) => m.to === 'zhang.jianglin@example.org' && m.text?.includes('完整报告'));
      link = /https?:\/\/\S+\/portal\/[A-Za-z0-9_-]{22}/.exec(mail?.text ?? '')?.[0] ?? '';
      if (!link) await new Promise((r) => setTimeout(r, 250));
    }
    expect(link).not.toBe('');
    const page = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 844 } });
    await page.goto(link);
    await page.getByRole('link', { name: '听众反馈' }).click();
    await page.getByRole('heading', { level: 1, name: '听众反馈' }).waitFor();
    await page.getByRole('heading', { level: 2, name: PANEL_TITLE }).waitFor();
    await page.getByText(/^共有 \d+ 人为您评分。评价匿名，不会显示任何姓名。$/).waitFor();
    await page
      .getByText(/^至少 3 人评分后才显示意见，以免意见被追溯到填写人（目前 [12] 人）。$/)
      .first()
      .waitFor();
    expect(await page.getByText(name).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
