// The organiser console's API: events, agenda, people, registrations, CSV, audit and the API description.
import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../worker/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { UPCOMING_SLUG } from '../../schema/seed/demo';
import { beijingIso, person } from './fixtures';
import { call, signIn } from './helpers';

const SLUG = 'cell-therapy-autoimmune-2026';
/** The upcoming edition, for whatever needs new registrations: the demo seminar itself has ended. */
const NEXT = UPCOMING_SLUG;
let org: string;
beforeAll(async () => {
  org = await signIn('organiser@colloquy.test');
});
const as = <M extends string, P extends string>(method: M, path: P, json?: unknown) =>
  call(path, { method, headers: { cookie: org }, ...(json !== undefined ? { json } : {}) });

async function newEvent(slug: string, capacity: number, status = 'published') {
  const res = await as('POST', '/api/events', {
    slug,
    titleZh: '测试',
    titleEn: 'Test',
    venueZh: '医院',
    venueEn: 'Hospital',
    timezone: 'Asia/Shanghai',
    startsAt: beijingIso(30, '09:00'),
    endsAt: beijingIso(30, '12:00'),
    capacity,
    status,
  });
  expect(res.status).toBe(201);
  return res.body.event;
}

describe('events', () => {
  it('creates a draft that the public cannot see until it is published', async () => {
    await newEvent('draft-check', 10, 'draft');
    expect((await call('/api/events/draft-check')).status).toBe(404);
    expect((await as('GET', '/api/console/events/draft-check')).body.event.status).toBe('draft');
    const dup = await as('POST', '/api/events', {
      slug: 'draft-check',
      titleZh: 'x',
      titleEn: 'x',
      venueZh: 'x',
      venueEn: 'x',
      timezone: 'Asia/Shanghai',
      startsAt: beijingIso(30, '09:00'),
      endsAt: beijingIso(30, '10:00'),
      capacity: 1,
    });
    expect(dup.status).toBe(409);
    await as('PATCH', '/api/events/draft-check', { status: 'published' });
    expect((await call('/api/events/draft-check')).status).toBe(200);
  });

  it('keeps a contact for attendees: set at creation, shown on the public page, edited, emptied, and held to 300 characters', async () => {
    const created = await as('POST', '/api/events', {
      slug: 'contact-check',
      titleZh: '测试',
      titleEn: 'Test',
      venueZh: '医院',
      venueEn: 'Hospital',
      contactZh: '  会务组 王老师 010-5670 1234  ',
      timezone: 'Asia/Shanghai',
      startsAt: beijingIso(30, '09:00'),
      endsAt: beijingIso(30, '12:00'),
      capacity: 10,
      status: 'published',
    });
    expect(created.status).toBe(201);
    const contact = async () => (await call('/api/events/contact-check')).body.event.contact;
    expect(await contact()).toEqual({ zh: '会务组 王老师 010-5670 1234', en: '' });
    await as('PATCH', '/api/events/contact-check', { contactEn: 'Ms Wang, meeting@example.org' });
    expect(await contact()).toEqual({ zh: '会务组 王老师 010-5670 1234', en: 'Ms Wang, meeting@example.org' });
    expect((await as('GET', '/api/console/events/contact-check')).body.event.contact.en).toBe(
      'Ms Wang, meeting@example.org',
    );
    const long = await as('PATCH', '/api/events/contact-check', { contactZh: '电'.repeat(301) });
    expect([long.status, Object.keys(long.body.error.fields!)]).toEqual([400, ['contactZh']]);
    await as('PATCH', '/api/events/contact-check', { contactZh: '' });
    expect(await contact()).toEqual({ zh: '', en: 'Ms Wang, meeting@example.org' });
  });

  it('refuses an end before the start and an unknown time zone', async () => {
    const bad = await as('PATCH', `/api/events/${SLUG}`, {
      startsAt: '2026-01-22T18:00:00+08:00',
      timezone: 'Mars/Olympus',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields!)).toEqual(['timezone']);
    const order = await as('PATCH', `/api/events/${SLUG}`, { endsAt: '2026-01-22T10:00:00+08:00' });
    expect([order.status, Object.keys(order.body.error.fields!)]).toEqual([400, ['endsAt']]);
  });

  it('raising capacity promotes the waitlist in order and emails those promoted', async () => {
    await newEvent('cap-raise', 1);
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (await call('/api/events/cap-raise/registrations', { method: 'POST', json: person(`cr${i}`) })).body
          .registration.ticketCode,
      );
    const res = await as('PATCH', '/api/events/cap-raise', { capacity: 3 });
    expect(res.status).toBe(200);
    expect(res.body.event.seatsLeft).toBe(0);
    const statuses = await Promise.all(codes.map(async (c) => (await call(`/api/tickets/${c}`)).body.ticket.status));
    expect(statuses).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);
    const mails = await env.DB.prepare(
      `SELECT "to" FROM emails WHERE kind = 'promoted' AND "to" LIKE 'attendeecr%' ORDER BY "to"`,
    ).all<{ to: string }>();
    expect(mails.results.map((m) => m.to)).toEqual(['attendeecr1@example.org', 'attendeecr2@example.org']);
  });
});

describe('agenda and people', () => {
  it('adds a panel guest to an agenda item, who then appears on the public page with a guest badge', async () => {
    // Read with the organiser's cookie, which skips the public edge cache: the numbers are D1's own.
    const seatsBefore = (await as('GET', `/api/events/${SLUG}`)).body.event.seatsLeft;
    const p = await as('POST', `/api/events/${SLUG}/people`, {
      nameZh: '王芳',
      nameEn: 'Wang Fang',
      honorificZh: '教授',
      honorificEn: 'Professor',
      institutionZh: '北京协和医院',
      institutionEn: 'Peking Union Medical College Hospital',
      email: 'wang.fang@example.org',
      bioZh: '风湿免疫专家。',
      bioEn: 'Rheumatologist.',
      badgeRole: 'guest',
    });
    expect(p.status).toBe(201);
    const panel = (await call(`/api/events/${SLUG}`)).body.event.sessions.find((s: any) => s.kind === 'panel')!;
    const people = [
      ...panel.people.map((x: any) => ({ personId: x.id, role: x.role })),
      { personId: p.body.person.id, role: 'panelist' },
    ];
    expect((await as('PUT', `/api/events/${SLUG}/sessions/${panel.id}/people`, { people })).status).toBe(200);
    const after = (await call(`/api/events/${SLUG}`)).body.event;
    expect(after.sessions.find((s: any) => s.id === panel.id)!.people.map((x: any) => x.name.en)).toContain(
      'Wang Fang',
    );
    const badge = await env.DB.prepare(`SELECT role, status FROM registrations WHERE person_id = ?`)
      .bind(p.body.person.id)
      .first();
    expect(badge).toEqual({ role: 'guest', status: 'confirmed' });
    // A guest has a badge but takes no attendee's seat.
    expect((await as('GET', `/api/events/${SLUG}`)).body.event.seatsLeft).toBe(seatsBefore);
  });

  it("shows organisers each person's contact details and badge role, which the public page hides", async () => {
    const { body } = await as('GET', `/api/console/events/${SLUG}`);
    expect(body.event.people.find((p: any) => p.id === 'per_demo_jin')).toMatchObject({
      email: 'jin.jingyu@example.org',
      badgeRole: 'speaker',
    });
  });

  it('warns when one person is booked on overlapping items', async () => {
    const s = await as('POST', `/api/events/${SLUG}/sessions`, {
      kind: 'talk',
      titleZh: '加场',
      titleEn: 'Extra talk',
      startsAt: '2026-01-22T16:30:00+08:00',
      endsAt: '2026-01-22T16:50:00+08:00',
    });
    expect(s.status).toBe(201);
    const res = await as('PUT', `/api/events/${SLUG}/sessions/${s.body.session.id}/people`, {
      people: [{ personId: 'per_demo_zhang', role: 'speaker' }],
    });
    expect(res.body.warnings).toContainEqual(
      expect.objectContaining({
        code: 'person_overlap',
        personId: 'per_demo_zhang',
        sessionIds: expect.arrayContaining(['ses_demo_panel', s.body.session.id]),
      }),
    );
    expect((await as('DELETE', `/api/events/${SLUG}/sessions/${s.body.session.id}`)).status).toBe(200);
  });

  it('edits, reorders and deletes agenda items', async () => {
    const edit = await as('PATCH', `/api/events/${SLUG}/sessions/ses_demo_break`, {
      titleEn: 'Tea and posters',
      roomEn: 'Foyer',
    });
    expect(edit.status).toBe(200);
    const ev = (await call(`/api/events/${SLUG}`)).body.event;
    expect(ev.sessions.find((s: any) => s.id === 'ses_demo_break')).toMatchObject({
      title: { en: 'Tea and posters' },
      room: { en: 'Foyer' },
    });

    // The order the organiser sets decides between items that start at the same time; time decides the rest.
    await newEvent('agenda-order', 10);
    const add = async (titleEn: string, startsAt: string) =>
      (
        await as('POST', '/api/events/agenda-order/sessions', {
          kind: 'talk',
          titleZh: titleEn,
          titleEn,
          startsAt,
          endsAt: '2026-12-01T11:00:00+08:00',
        })
      ).body.session.id as string;
    const early = await add('Early', '2026-12-01T09:00:00+08:00');
    const a = await add('Room A', '2026-12-01T10:00:00+08:00');
    const b = await add('Room B', '2026-12-01T10:00:00+08:00');
    // Read with the organiser's cookie: no edge cache between the write and the read.
    const titles = async () =>
      (await as('GET', '/api/events/agenda-order')).body.event.sessions.map((s: any) => s.title.en);
    expect(await titles()).toEqual(['Early', 'Room A', 'Room B']);
    expect((await as('POST', '/api/events/agenda-order/sessions/reorder', { ids: [b, a, early] })).status).toBe(200);
    expect(await titles()).toEqual(['Early', 'Room B', 'Room A']);

    expect((await as('DELETE', `/api/events/agenda-order/sessions/${a}`)).status).toBe(200);
    expect(await titles()).toEqual(['Early', 'Room B']);
    expect((await as('DELETE', `/api/events/agenda-order/sessions/${a}`)).status).toBe(404);
    expect((await as('DELETE', `/api/events/${SLUG}/sessions/nope`)).status).toBe(404);
  });

  it('stores a photo in R2, refuses non-images and photos over 2 MB', async () => {
    const png = Uint8Array.from(
      atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='),
      (ch) => ch.charCodeAt(0),
    );
    const up = await call(`/api/events/${SLUG}/people/per_demo_li/photo`, {
      method: 'POST',
      body: png,
      headers: { cookie: org, 'content-type': 'image/png', origin: 'http://localhost:8787' },
    });
    expect(up.status).toBe(200);
    const img = await call(up.body.photoUrl);
    expect([img.status, img.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(
      (await call(`/api/events/${SLUG}`)).body.event.people.find((p: any) => p.id === 'per_demo_li')!.photoUrl,
    ).toBe(up.body.photoUrl);
    const text = await call(`/api/events/${SLUG}/people/per_demo_li/photo`, {
      method: 'POST',
      body: '<svg onload=alert(1)>',
      headers: { cookie: org, 'content-type': 'image/png', origin: 'http://localhost:8787' },
    });
    expect(text.status).toBe(415);
    const big = await call(`/api/events/${SLUG}/people/per_demo_li/photo`, {
      method: 'POST',
      body: new Uint8Array(2 * 1024 * 1024 + 1),
      headers: { cookie: org, 'content-type': 'image/jpeg', origin: 'http://localhost:8787' },
    });
    expect(big.status).toBe(413);
  });
});

describe('registrations', () => {
  it('lists with search, filters, sort and pages', async () => {
    await newEvent('list-check', 3);
    for (const [i, name] of ['Chen Wei', 'An Qi', 'Bai Lu', 'Du Fei', 'Chen Hao'].entries()) {
      await call('/api/events/list-check/registrations', { method: 'POST', json: person(`l${i}`, { name }) });
    }
    const all = await as('GET', '/api/events/list-check/registrations?sort=name&pageSize=2&page=2');
    expect(all.body.total).toBe(5);
    expect(all.body.registrations.map((r: any) => r.name)).toEqual(['Chen Hao', 'Chen Wei']);
    expect((await as('GET', '/api/events/list-check/registrations?status=waitlisted')).body.total).toBe(2);
    expect(
      (await as('GET', '/api/events/list-check/registrations?q=chen')).body.registrations
        .map((r: any) => r.name)
        .sort(),
    ).toEqual(['Chen Hao', 'Chen Wei']);
    expect((await as('GET', '/api/events/list-check/registrations?checkedIn=true')).body.total).toBe(0);
    expect((await as('GET', '/api/events/list-check/registrations?pageSize=1000')).status).toBe(400);
  });

  it('edits, cancels (promoting), moves off the waitlist, and reissues a leaked ticket', async () => {
    await newEvent('admin-check', 1);
    const a = (await call('/api/events/admin-check/registrations', { method: 'POST', json: person('ad1') })).body
      .registration;
    const b = (await call('/api/events/admin-check/registrations', { method: 'POST', json: person('ad2') })).body
      .registration;
    const c = (await call('/api/events/admin-check/registrations', { method: 'POST', json: person('ad3') })).body
      .registration;
    const edited = await as('PATCH', `/api/events/admin-check/registrations/${a.id}`, {
      affiliation: '首都医科大学附属北京朝阳医院',
    });
    expect(edited.body.registration.affiliation).toBe('首都医科大学附属北京朝阳医院');
    expect((await as('POST', `/api/events/admin-check/registrations/${a.id}/cancel`)).status).toBe(200);
    expect((await call(`/api/tickets/${b.ticketCode}`)).body.ticket.status).toBe('confirmed');
    expect((await as('POST', `/api/events/admin-check/registrations/${c.id}/promote`)).status).toBe(200);
    expect((await call(`/api/tickets/${c.ticketCode}`)).body.ticket.status).toBe('confirmed');
    const re = await as('POST', `/api/events/admin-check/registrations/${c.id}/reissue`);
    expect(re.body.ticketCode).not.toBe(c.ticketCode);
    expect((await call(`/api/tickets/${c.ticketCode}`)).status).toBe(404);
    const scanOld = await call('/api/events/admin-check/checkins', {
      method: 'POST',
      headers: { cookie: org },
      json: { code: c.ticketCode, deviceId: 'd', clientId: 'old' },
    });
    expect(scanOld.body.result).toBe('unknown_ticket');
    const mail = await env.DB.prepare(
      `SELECT kind FROM emails WHERE registration_id = ? ORDER BY created_at DESC LIMIT 1`,
    )
      .bind(c.id)
      .first<{ kind: string }>();
    expect(mail!.kind).toBe('reissued');
  });

  it('exports an Excel-friendly CSV: BOM, Chinese intact, formulas neutralised', async () => {
    await call(`/api/events/${NEXT}/registrations`, {
      method: 'POST',
      json: person('csv', {
        name: '=HYPERLINK("http://evil")',
        affiliation: '北京大学第一医院',
        jobTitle: 'Chief;=1+1',
      }),
    });
    const res = await call(`/api/events/${NEXT}/registrations.csv`, { headers: { cookie: org } });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const raw = await worker.fetch(
      new Request(`http://localhost:8787/api/events/${NEXT}/registrations.csv`, { headers: { cookie: org } }) as never,
      env,
      createExecutionContext(),
    );
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body).toContain('北京大学第一医院');
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(res.body).not.toMatch(/(^|,)=HYPERLINK/m);
    // A formula after a separator inside the cell is neutralised too; an ordinary '@' or '-' is left alone.
    expect(res.body).toContain(`"Chief;'=1+1"`);
    expect(res.body).toMatch(/,attendeecsv@example\.org,/);
    expect(res.body.split('\r\n')[0]).toContain('Name');
  });

  it("exports the CSV in the organiser's language: headers, statuses, roles and desks, with the codes in their own columns", async () => {
    const reg = await call(`/api/events/${NEXT}/registrations`, {
      method: 'POST',
      json: person('csvlang', { name: '李雷' }),
    });
    const scanned = await call(`/api/events/${NEXT}/checkins`, {
      method: 'POST',
      headers: { cookie: org },
      json: {
        code: reg.body.registration.ticketCode,
        deskId: 'Desk 2',
        deviceId: 'dev-csv',
        clientId: crypto.randomUUID(),
        source: 'scan',
      },
    });
    expect(scanned.status).toBeLessThan(300);
    const line = (csv: string) => csv.split('\r\n').find((l) => l.startsWith('李雷'))!;

    const zh = await call(`/api/events/${NEXT}/registrations.csv?lang=zh-CN`, { headers: { cookie: org } });
    expect(zh.body.split('\r\n')[0]).toBe(
      '姓名,邮箱,电话,单位,职务,状态,身份,报名时间,签到时间,签到台,状态代码,身份代码',
    );
    expect(line(zh.body)).toMatch(/,已确认,参会者,[^,]+,[^,]+,2号签到台,confirmed,attendee$/);
    expect(zh.body).not.toMatch(/,Confirmed,|,Desk 2,/);

    const en = await call(`/api/events/${NEXT}/registrations.csv`, {
      headers: { cookie: org, 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.body.split('\r\n')[0]).toBe(
      'Name,Email,Phone,Institution,Job title,Status,Role,Registered,Checked in,Desk,Status code,Role code',
    );
    expect(line(en.body)).toMatch(/,Confirmed,Attendee,[^,]+,[^,]+,Desk 2,confirmed,attendee$/);
    // Accept-Language alone picks Chinese too (the console sends ?lang=, a script may send the header).
    const zhHeader = await call(`/api/events/${NEXT}/registrations.csv`, {
      headers: { cookie: org, 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(zhHeader.body.split('\r\n')[0]).toContain('姓名,邮箱');
  });

  it('exports the same CSV in pages that each read only their own rows', async () => {
    for (let i = 0; i < 7; i++)
      await call(`/api/events/${NEXT}/registrations`, { method: 'POST', json: person(`page${i}`) });
    const whole = await call(`/api/events/${NEXT}/registrations.csv`, { headers: { cookie: org } });
    const wholeRows = whole.body.split('\r\n').filter(Boolean);

    let text = '';
    let next: string | null = null;
    const pages: { status: number; rows: number; rowsRead: number; total: string | null; link: string | null }[] = [];
    do {
      const path: `/api/events/${string}/registrations.csv?${string}` = `/api/events/${NEXT}/registrations.csv?limit=3${next ? `&after=${encodeURIComponent(next)}` : ''}`;
      const res = await call(path, { headers: { cookie: org } });
      text += res.body;
      next = res.headers.get('x-next-cursor');
      const rowsRead = Number(/rows_read=(\d+)/.exec(res.headers.get('server-timing') ?? '')?.[1]);
      pages.push({
        status: res.status,
        rows: res.body.split('\r\n').filter(Boolean).length,
        rowsRead,
        total: res.headers.get('x-total-count'),
        link: res.headers.get('link'),
      });
    } while (next && pages.length < 50);

    // Appended as they come, the pages are the whole file: one BOM, one header, every row once, in order.
    expect(text).toBe(whole.body);
    expect(pages[0]!.total).toBe(String(wholeRows.length - 1));
    expect(pages.every((p) => p.status === 200)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.link?.includes('rel="next"'))).toBe(true);
    expect(pages.at(-1)!.link).toBeNull();
    expect(pages.slice(1, -1).every((p) => p.rows === 3)).toBe(true);
    // Each later page reads about its own rows (and their check-ins and event), not the whole event.
    expect(Math.max(...pages.slice(1).map((p) => p.rowsRead))).toBeLessThan(20);
  });

  it('refuses a CSV cursor it did not give out', async () => {
    const res = await call(`/api/events/${NEXT}/registrations.csv?limit=3&after=${encodeURIComponent("1' OR 1=1")}`, {
      headers: { cookie: org },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields!.after).toBeTruthy();
    expect((await call(`/api/events/${NEXT}/registrations.csv?limit=0`, { headers: { cookie: org } })).status).toBe(
      400,
    );
  });
});

describe('audit and dashboard', () => {
  it('records who changed what', async () => {
    await as('PATCH', `/api/events/${SLUG}`, { descriptionEn: 'Updated by the test.' });
    const { body } = await as('GET', `/api/events/${SLUG}/audit`);
    expect(body.entries[0]).toMatchObject({
      action: 'event.update',
      by: 'organiser@colloquy.test',
      detail: { descriptionEn: 'Updated by the test.' },
    });
  });

  it('gives the dashboard its figures for known registrations and check-ins', async () => {
    await newEvent('dash-check', 3);
    const affiliations = ['北京协和医院', '复旦大学附属华山医院', '北京协和医院', '四川大学华西医院'];
    const regs = [];
    for (const [i, affiliation] of affiliations.entries()) {
      regs.push(
        (
          await call('/api/events/dash-check/registrations', {
            method: 'POST',
            json: person(`dash${i}`, { affiliation }),
          })
        ).body.registration,
      );
    }
    expect(regs.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);
    for (const r of regs.slice(0, 2)) {
      const scan = await as('POST', '/api/events/dash-check/checkins', {
        code: r.ticketCode,
        deviceId: 'dash-dev',
        clientId: `dash-${r.id}`,
      });
      expect(scan.body.result).toBe('checked_in');
    }
    const { body } = await as('GET', '/api/events/dash-check/dashboard');
    const today = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date());
    expect(body.registrationsPerDay).toEqual([{ day: today, count: 4 }]);
    // Confirmed attendees only: the waitlisted person's hospital is not in the room.
    expect(body.byInstitution).toEqual([
      { institution: '北京协和医院', count: 2 },
      { institution: '复旦大学附属华山医院', count: 1 },
    ]);
    expect(body.byRole).toEqual(
      expect.arrayContaining([
        { role: 'attendee', status: 'confirmed', count: 3, checkedIn: 2 },
        { role: 'attendee', status: 'waitlisted', count: 1, checkedIn: 0 },
      ]),
    );
    expect(body.byRole).toHaveLength(2);
    expect(body.arrivals.reduce((n: number, a: { count: number }) => n + a.count, 0)).toBe(2);
    expect([body.confirmed, body.checkedIn, body.checkinRate]).toEqual([3, 2, 0.667]);
  });
});

describe('the API description', () => {
  it('is OpenAPI 3.1 with the request schemas the routes validate with', async () => {
    const { body } = await call('/api/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    // The document's operations are JSON values; the test reads them as the plain objects they are.
    const paths = body.paths as Record<string, Record<string, any>>;
    const reg = paths['/api/events/{slug}/registrations']!.post;
    expect(reg.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['name', 'email', 'consent']),
    );
    expect(paths['/api/events/{slug}/checkins']!.post['x-access']).toBe('desk');
    const docs = await call('/api/docs');
    expect(docs.body).toContain('/api/events/{slug}/walk-ins');
  });

  it('the docs page shows what each route takes: body fields with types, limits and whether required, and query parameters', async () => {
    const { body: page } = await call('/api/docs');
    const rowOf = (path: string, method: string) => {
      const start = page.indexOf(`<td><code>${method}</code></td><td><code>${path}</code></td>`);
      expect(start, `${method} ${path}`).toBeGreaterThan(-1);
      return page.slice(start, page.indexOf('</td></tr>\n<tr><td><code>', start + 1) >>> 0 || undefined);
    };
    const register = rowOf('/api/events/{slug}/registrations', 'POST');
    expect(register).toContain('JSON body');
    expect(register).toMatch(/<code>email<\/code><\/td><td>string \(≤ 254 chars\)<\/td><td>required<\/td>/);
    expect(register).toMatch(
      /<code>locale<\/code><\/td><td>one of &quot;zh-CN&quot; \| &quot;en&quot;[^<]*<\/td><td>optional<\/td>/,
    );
    expect(register).toMatch(/<code>name<\/code><\/td><td>string \([^)]*≤ 120 chars/);
    const list = rowOf('/api/events/{slug}/registrations', 'GET');
    expect(list).toContain('Query');
    expect(list).toMatch(
      /<code>status<\/code><\/td><td>one of &quot;confirmed&quot; \| &quot;waitlisted&quot; \| &quot;cancelled&quot;/,
    );
    // Nested fields by their dotted names, and the one error shape.
    expect(rowOf('/api/events/{slug}/sessions/{id}/people', 'PUT')).toContain('<code>people[].personId</code>');
    expect(page).toContain('"fields": { "email"');
  });
});
