// The organiser console in Chromium: people, agenda and the public page, failures and warnings, registrations, CSV, axe.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testAttendees } from './attendees';
import { launch, newPage, seriousA11yViolations } from './browser';
import { sharedCookie, signInPage, staffCookie, useSession } from './staff-session';
import { DEMO_SLUG, UPCOMING_SLUG } from '../../schema/seed/demo';

const baseUrl = inject('baseUrl');
/** The demo seminar (ended) for the agenda; its upcoming edition for anything with new registrations. */
const SLUG = DEMO_SLUG;
const NEXT = UPCOMING_SLUG;
const ORGANISER = 'organiser@colloquy.test';
const PANEL_EN = 'Panel discussion: the future of cell therapy';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const toast = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

describe('the organiser console', () => {
  it('sends a visitor without a session to sign in, and comes back to the console', async () => {
    const page = await newPage(browser, 'en');
    await page.goto(`${baseUrl}/console`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/console');
    await page.context().close();
  });

  it('adds a panel guest, puts them on the panel discussion, and the public page lists them', async () => {
    const page = await newPage(browser, 'en');
    const u = unique();
    const guest = { zh: `测试嘉宾${u}`, en: `Guest ${u}`, instZh: `测试医院${u}`, instEn: `Test Hospital ${u}` };
    await signInPage(baseUrl, page, ORGANISER, '/console');
    await page.getByRole('heading', { level: 1, name: 'Your events' }).waitFor();

    // The dashboard: headline counts and charts, described for screen readers.
    await page.getByRole('link', { name: 'Cell therapy for autoimmune diseases: second session' }).click();
    await page.waitForURL(`${baseUrl}/console/${NEXT}/overview`);
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    await page.getByText('Attendees confirmed').waitFor();
    await page.getByRole('img', { name: 'Check-in rate' }).waitFor();
    expect(await page.getByRole('link', { name: 'API docs' }).getAttribute('href')).toBe('/api/docs');
    expect(await page.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // People: a new panel guest with both names and institutions and a guest badge.
    await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('People');
    await page.getByRole('button', { name: 'Add a person' }).click();
    const form = page.getByRole('region', { name: 'New person' });
    await form.getByLabel('Name (Chinese)').fill(guest.zh);
    await form.getByLabel('Name (English)').fill(guest.en);
    await form.getByLabel(/^Institution \(Chinese\)/).fill(guest.instZh);
    await form.getByLabel(/^Institution \(English\)/).fill(guest.instEn);
    await form.getByLabel('Badge').selectOption('guest');
    await form.getByRole('button', { name: 'Add person' }).click();
    await toast(page, `Added ${guest.en}.`).waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: guest.en }) });
    await card.waitFor();
    expect(await card.textContent()).toContain(guest.instEn);
    expect(await card.textContent()).toContain('Not on the agenda yet');

    // Agenda: put the guest on the panel discussion as a panellist.
    await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
    const panel = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: PANEL_EN }) });
    expect(await panel.getByText('Panel', { exact: true }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: `People on “${PANEL_EN}”` }).click();
    const people = panel.getByRole('group', { name: `People on “${PANEL_EN}”` });
    const before = await people.getByRole('combobox', { name: /^Person \d+$/ }).count();
    await people.getByRole('button', { name: 'Add a person' }).click();
    const n = before + 1;
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
      .toMatch(new RegExp(`-person-${n - 1}$`));
    await people.getByLabel(`Person ${n}`, { exact: true }).selectOption({ label: `${guest.en} · ${guest.instEn}` });
    expect(await people.getByLabel(`Role of person ${n}`).inputValue()).toBe('panelist');
    await panel.getByRole('button', { name: 'Save people' }).click();
    await toast(page, `Saved the people on “${PANEL_EN}”.`).waitFor();
    await panel.getByText(guest.en).waitFor();
    expect(await panel.locator('.people-inline').textContent()).toContain(`Panel guest ${guest.en}`);
    // The focus returns to the button that opened the editor.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`People on “${PANEL_EN}”`);

    // The public page lists the guest on the panel item and among the cards.
    await page.goto(`${baseUrl}/`);
    const agenda = page.getByRole('region', { name: 'Agenda' });
    const item = agenda.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: PANEL_EN }) });
    await item.getByText(guest.en).waitFor();
    expect(await item.textContent()).toContain(`Panel guest ${guest.en}`);
    const cards = page.getByRole('region', { name: 'Speakers and panel guests' });
    const guestCard = cards
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: guest.en }) });
    expect(await guestCard.textContent()).toContain(guest.instEn);
    expect(await guestCard.textContent()).toContain('Panel guest');
    await page.context().close();
  });

  it('keeps what was typed through a failure, warns about a double booking next to both items, and moves items by keyboard', async () => {
    const page = await newPage(browser, 'en');
    const u = unique();
    const title = `Parallel talk ${u}`;
    await signInPage(baseUrl, page, ORGANISER, '/console');
    await page.goto(`${baseUrl}/console/${SLUG}/agenda`);
    await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();

    // A new item during the panel; the first attempt meets a dead network and loses nothing.
    await page.getByRole('button', { name: 'Add an agenda item' }).click();
    const form = page.getByRole('region', { name: 'New agenda item' });
    await form.getByLabel('Kind').selectOption('talk');
    await form.getByLabel('Title (Chinese)').fill(`平行报告${u}`);
    await form.getByLabel('Title (English)').fill(title);
    await form.getByLabel('Starts').fill('2026-01-22T16:30');
    await form.getByLabel('Ends').fill('2026-01-22T17:00');
    await page.route('**/api/events/*/sessions', (route) => route.abort('internetdisconnected'));
    await form.getByRole('button', { name: 'Add item' }).click();
    await form.getByRole('alert').filter({ hasText: 'Could not reach the server' }).waitFor();
    expect(await form.getByLabel('Title (English)').inputValue()).toBe(title);
    expect(await form.getByLabel('Starts').inputValue()).toBe('2026-01-22T16:30');
    expect(await form.getByRole('button', { name: 'Add item' }).isEnabled()).toBe(true);

    // While the request is in flight the button says so and cannot be pressed twice.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.unroute('**/api/events/*/sessions');
    await page.route('**/api/events/*/sessions', async (route) => {
      await held;
      await route.continue();
    });
    await form.getByRole('button', { name: 'Add item' }).click();
    const busy = form.getByRole('button', { name: 'Saving…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    release();
    await toast(page, `Added “${title}” to the agenda.`).waitFor();
    await page.unroute('**/api/events/*/sessions');

    // The panel's moderator on the new item too: a warning in the toast and beside both items.
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title }) });
    expect(await item.locator('.agenda-when').textContent()).toMatch(/^16:30–.*17:00$/);
    await item.getByRole('button', { name: `People on “${title}”` }).click();
    await item.getByRole('button', { name: 'Add a person' }).click();
    await item.getByLabel('Person 1', { exact: true }).selectOption('per_demo_jin');
    await item.getByLabel('Role of person 1').selectOption('speaker');
    await item.getByRole('button', { name: 'Save people' }).click();
    await toast(page, `Saved the people on “${title}”, with 1 overlap warning:`).waitFor();
    await item.getByText(`Jin Jingyu is also on ${PANEL_EN} (16:25–17:10), at an overlapping time.`).waitFor();
    const panel = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: PANEL_EN }) });
    await panel.getByText(`Jin Jingyu is also on ${title} (16:30–17:00), at an overlapping time.`).waitFor();

    // Deleting asks first; afterwards the warnings are gone.
    await item.getByRole('button', { name: `Delete “${title}”` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete “${title}”?` });
    await dialog.getByRole('button', { name: 'Yes, delete it' }).click();
    await toast(page, `Deleted “${title}”.`).waitFor();
    await item.waitFor({ state: 'detached' });
    expect(await panel.locator('.overlap-warnings').count()).toBe(0);

    // Moving the tea break earlier swaps it with the talk before it; the focus stays on the arrow; moving it back restores the times.
    const tea = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Tea break' }) });
    expect(await tea.locator('.agenda-when').textContent()).toMatch(/^15:30–.*15:45$/);
    await page.getByRole('button', { name: 'Move “Tea break” earlier' }).focus();
    await page.keyboard.press('Enter');
    await toast(page, 'Moved “Tea break” earlier: now 15:00–15:15.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Move “Tea break” earlier');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await toast(page, 'Moved “Tea break” later: now 15:30–15:45.').waitFor();
    expect(await tea.locator('.agenda-when').textContent()).toMatch(/^15:30–.*15:45$/);
    await page.context().close();
  });

  it('searches registrations, sorts by name, offers the CSV, in Chinese', async () => {
    const u = unique();
    const name = `检索测试${u}`;
    const res = await fetch(`${baseUrl}/api/events/${NEXT}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({
        name,
        email: `console-${u}@example.org`,
        affiliation: '北京协和医院',
        locale: 'zh-CN',
        consent: true,
      }),
    });
    expect(res.status).toBe(201);

    const page = await newPage(browser, 'zh-CN');
    await signInPage(baseUrl, page, ORGANISER, '/console');
    await page.goto(`${baseUrl}/console/${NEXT}/registrations`);
    await page.getByRole('heading', { level: 2, name: '报名' }).waitFor();
    const table = page.getByRole('table', { name: '报名列表' });
    await table.getByRole('row').nth(1).waitFor();

    await page.getByRole('searchbox', { name: '搜索' }).fill(name);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const row = table.locator('tbody tr').first();
    expect(await row.getByRole('rowheader').textContent()).toBe(name);
    expect(await row.textContent()).toContain('北京协和医院');
    expect(await row.textContent()).toContain('已确认');
    await page.getByRole('status').filter({ hasText: '共 1 条符合条件' }).waitFor();
    expect(await row.getByRole('button', { name: `取消报名：${name}` }).count()).toBe(1);

    // Sorting by a header puts the rows in order, ignoring case, and says so to screen readers. Three names
    // registered in the order Zhao, an, Bai, found by the start they share.
    const sorted = [`${u} an`, `${u} Bai`, `${u} Zhao`];
    for (const n of [sorted[2]!, sorted[0]!, sorted[1]!]) {
      const r = await fetch(`${baseUrl}/api/events/${NEXT}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseUrl },
        body: JSON.stringify({
          name: n,
          email: `sort-${n.split(' ')[1]!.toLowerCase()}-${u}@example.org`,
          locale: 'zh-CN',
          consent: true,
        }),
      });
      expect(r.status).toBe(201);
    }
    await page.getByRole('searchbox', { name: '搜索' }).fill(u);
    const names = () => table.locator('tbody tr').getByRole('rowheader').allTextContents();
    await expect.poll(async () => (await names()).length).toBe(3);
    const nameHeader = table.getByRole('columnheader', { name: /姓名/ });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('none');
    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(names).toEqual(sorted);
    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(names).toEqual([...sorted].reverse());
    await page.getByRole('searchbox', { name: '搜索' }).fill('');

    // The CSV button fetches every registration in pages with the organiser's session, then saves one file.
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载全部（CSV）' }).click();
    const download = await saved;
    expect(download.suggestedFilename()).toBe(`${NEXT}-registrations.csv`);
    const file = await readFile((await download.path())!);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = file.toString('utf8');
    expect(csvText).toContain(name);
    // In the organiser's language: Chinese headers and statuses, with the codes in their own columns.
    expect(csvText.split('\r\n')[0]).toMatch(/^\uFEFF?姓名,邮箱,电话,单位,职务,状态,身份,/);
    expect(csvText.split('\r\n').find((l) => l.includes(name))).toMatch(/,已确认,参会者,.*,confirmed,attendee$/);
    await expect.poll(() => page.locator('.csv-progress').textContent()).toMatch(/^CSV 已保存：共 [\d,]+ 条。$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('fits every table on the page at 390 and 1366 px, in Chinese and in English, with real rows in them', async () => {
    const u = unique();
    const cookie = await staffCookie(baseUrl, ORGANISER);
    const post = (path: string, body: unknown, withSession = true) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseUrl, ...(withSession ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    // The rows that broke the layout: a long English name, address and institution, and a Chinese one.
    for (const [name, email, affiliation] of [
      [
        `Dr. Alexandra Montgomery-Smythe ${u}`,
        `alexandra.montgomery-smythe.${u}@university-hospital.example.org`,
        'Charité – Universitätsmedizin Berlin, Department of Rheumatology',
      ],
      [`欧阳明日${u}`, `ouyang-${u}@example.org`, '中国人民解放军总医院第一医学中心'],
    ])
      expect(
        (
          await post(
            `/api/events/${NEXT}/registrations`,
            { name, email, affiliation, phone: '138 0013 8000', jobTitle: '主任医师', consent: true },
            false,
          )
        ).status,
      ).toBe(201);
    expect(
      (
        await post(`/api/events/${NEXT}/messages`, {
          audience: { type: 'speakers' },
          subject: `Layout ${u} {{name}}`,
          body: 'Dear {{name}}',
        })
      ).status,
    ).toBe(202);
    expect(
      (
        await post(`/api/events/${NEXT}/pairings`, {
          label: `Side door entrance, second floor ${u}`,
          maxUses: 3,
          ttlMinutes: 60,
        })
      ).status,
    ).toBe(201);

    const [name, value] = cookie.split('=') as [string, string];
    const misfits: string[] = [];
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const width of [390, 1366]) {
        const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
        await context.addCookies([{ name, value, url: baseUrl }]);
        const page = await context.newPage();
        for (const tab of ['registrations', 'messages', 'devices', 'audit']) {
          await page.goto(`${baseUrl}/console/${NEXT}/${tab}`);
          await page.locator('#console-panel-title').waitFor();
          await page.locator('.table-wrap tbody tr').first().waitFor();
          const seen = await page.evaluate(() => ({
            page: document.documentElement.scrollWidth,
            inner: innerWidth,
            rows: document.querySelectorAll('.table-wrap tbody tr').length,
            tables: Array.from(document.querySelectorAll('.table-wrap'), (w) => ({
              table: w.querySelector('table')!.className,
              scroll: w.scrollWidth,
              box: w.clientWidth,
            })),
          }));
          expect(seen.rows).toBeGreaterThan(0);
          if (seen.page > seen.inner) misfits.push(`${locale} ${width}px ${tab}: the page is ${seen.page} px wide`);
          for (const t of seen.tables)
            if (t.scroll > t.box)
              misfits.push(`${locale} ${width}px ${tab}: ${t.table} needs ${t.scroll} px in a ${t.box} px box`);
        }
        await context.close();
      }
    }
    expect(misfits).toEqual([]);
  }, 300_000); // sixteen page loads
});

describe('an agenda item on another day than the event', () => {
  it('says its date in the console, in the hours to extend to, and on the public page', async () => {
    const cookie = await sharedCookie(baseUrl, ORGANISER);
    const slug = `other-day-${unique()}`;
    const post = (path: string, body: unknown) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { cookie, origin: baseUrl, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const created = await post('/api/events', {
      slug,
      titleZh: '单日研讨会',
      titleEn: 'One-day seminar',
      venueZh: '报告厅',
      venueEn: 'Lecture hall',
      timezone: 'Asia/Shanghai',
      startsAt: '2027-03-02T14:00:00+08:00',
      endsAt: '2027-03-02T17:00:00+08:00',
      capacity: 50,
      registrationMode: 'open',
      status: 'published',
    });
    expect(created.status).toBe(201);
    const item = (title: string, startsAt: string, endsAt: string) => ({
      kind: 'talk',
      titleZh: title,
      titleEn: title,
      descriptionZh: '',
      descriptionEn: '',
      roomZh: '',
      roomEn: '',
      startsAt,
      endsAt,
    });
    expect(
      (
        await post(
          `/api/events/${slug}/sessions`,
          item('Opening', '2027-03-02T14:00:00+08:00', '2027-03-02T14:30:00+08:00'),
        )
      ).status,
    ).toBe(201);
    // Typed as March 30 instead of March 2.
    expect(
      (
        await post(
          `/api/events/${slug}/sessions`,
          item('Closing', '2027-03-30T16:30:00+08:00', '2027-03-30T17:00:00+08:00'),
        )
      ).status,
    ).toBe(201);

    const page = await newPage(browser, 'zh-CN', { viewport: { width: 390, height: 900 } });
    await useSession(page.context(), baseUrl, cookie);
    await page.goto(`${baseUrl}/console/${slug}/agenda`);
    const closing = page.locator('.agenda-admin-item', { hasText: 'Closing' });
    await expect(closing.locator('.agenda-day').textContent()).resolves.toBe('2027年3月30日');
    expect(await page.locator('.agenda-admin-item', { hasText: 'Opening' }).locator('.agenda-day').count()).toBe(0);
    await page.getByRole('button', { name: /^将会议时间改为 2027年3月2日 14:00 – 2027年3月30日 17:00$/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await page.close();

    const pub = await newPage(browser, 'en', { viewport: { width: 390, height: 900 } });
    await pub.goto(`${baseUrl}/e/${slug}`);
    const days = pub.locator('.timeline .when-day');
    await days.first().waitFor();
    await expect(days.allTextContents()).resolves.toEqual(['Mar 30, 2027']);
    await pub.close();
  });
});

describe('seats set below who is already confirmed', () => {
  it('the settings say so before saving, in both languages, and nothing is sent', async () => {
    const cookie = await sharedCookie(baseUrl, ORGANISER);
    const read = async () =>
      (
        (await (await fetch(`${baseUrl}/api/console/events/${NEXT}`, { headers: { cookie } })).json()) as {
          event: { seatsTaken: number; capacity: number };
        }
      ).event;
    const attendees = testAttendees(baseUrl, NEXT, 'e2e-seats', 'en');
    await attendees.register(`Seats ${unique()}`);
    const { seatsTaken: taken, capacity } = await read();
    expect(taken).toBeGreaterThan(0);
    for (const [locale, label, text] of [
      ['zh-CN', '参会者席位数', `已有 ${taken} 位参会者确认，多于此席位数。他们的席位保留，新的报名将进入候补。`],
      [
        'en',
        'Seats for attendees',
        `${taken} attendees are already confirmed, more than this. They keep their seats; new registrations will join the waitlist.`,
      ],
    ] as const) {
      const page = await newPage(browser, locale, { viewport: { width: 390, height: 900 } });
      await useSession(page.context(), baseUrl, cookie);
      await page.goto(`${baseUrl}/console/${NEXT}/event`);
      const seats = page.getByLabel(label);
      await seats.fill(String(taken));
      expect(await page.locator('.capacity-over').count()).toBe(0);
      await seats.fill(String(taken - 1));
      await expect(page.getByRole('status').filter({ hasText: text }).textContent()).resolves.toBe(text);
      await page.close();
    }
    expect((await read()).capacity).toBe(capacity);
    await attendees.cancelAll();
  });
});
