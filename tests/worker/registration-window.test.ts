// When an event takes registrations: an ended event takes none, registration closes at the start unless kept open.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUG, demoSeedStatements, UPCOMING_EVENT_ID, UPCOMING_SLUG } from '../../schema/seed/demo';
import { makeEvent, organisedEvent, person, statusCounts } from './fixtures';
import { call, signIn } from './helpers';

const register = (slug: string, who: Record<string, unknown>) =>
  call(`/api/events/${slug}/registrations`, { method: 'POST', json: who });
const HOUR = 3_600_000;

let org: string;
beforeAll(async () => {
  org = await signIn('organiser@colloquy.test');
});

describe('an event that has ended', () => {
  it('the demo seminar of 22 January 2026 says it has ended, shows no open registration and refuses one with 409', async () => {
    const page = (await call(`/api/events/${DEMO_SLUG}`)).body.event;
    expect(page).toMatchObject({
      startsAt: '2026-01-22T14:00:00+08:00',
      ended: true,
      registrationOpen: false,
      registrationState: 'ended',
    });
    const res = await register(DEMO_SLUG, person('too-late', { locale: 'en' }));
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: 'registration_closed', message: 'This event has ended.' } });
    const { n } = (await env.DB.prepare(
      `SELECT count(*) n FROM registrations WHERE email = 'attendeetoo-late@example.org'`,
    ).first<{ n: number }>())!;
    expect(n).toBe(0);
  });

  it('even when the organiser kept registration open until the end, or set a closing time after it', async () => {
    const { slug } = await makeEvent(10, {
      startsAt: Date.now() - 3 * HOUR,
      endsAt: Date.now() - HOUR,
      untilEnd: true,
      closesAt: Date.now() + 24 * HOUR,
    });
    expect((await call(`/api/events/${slug}`)).body.event).toMatchObject({ ended: true, registrationOpen: false });
    expect((await register(slug, person('after-end', { locale: 'en' }))).body.error).toEqual({
      code: 'registration_closed',
      message: 'This event has ended.',
    });
  });

  it('the upcoming edition of the seminar is open: a newcomer gets a confirmed ticket', async () => {
    const page = (await call(`/api/events/${UPCOMING_SLUG}`)).body.event;
    expect(page).toMatchObject({ ended: false, registrationOpen: true, registrationState: 'open', seatsLeft: 200 });
    // Registration closes at the start by default, and the page says when.
    expect(page.registrationClosesBy).toBe(page.startsAt);
    const res = await register(UPCOMING_SLUG, person('newcomer'));
    expect(res.status).toBe(201);
    expect(res.body.registration.status).toBe('confirmed');
  });
});

describe('an event under way', () => {
  const running = (extra: { untilEnd?: boolean } = {}) =>
    makeEvent(10, { startsAt: Date.now() - HOUR, endsAt: Date.now() + 2 * HOUR, ...extra });

  it('by default closes registration when it starts', async () => {
    const { id, slug } = await running();
    expect((await call(`/api/events/${slug}`)).body.event).toMatchObject({
      ended: false,
      registrationOpen: false,
      registrationState: 'closed',
    });
    const res = await register(slug, person('late-default', { locale: 'en' }));
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ code: 'registration_closed', message: 'Registration for this event is closed.' });
    expect(await statusCounts(id)).toEqual({});
  });

  it('stays open until the end when the organiser keeps it open', async () => {
    const { id, slug } = await running({ untilEnd: true });
    const page = (await call(`/api/events/${slug}`)).body.event;
    expect(page).toMatchObject({ registrationOpen: true, registrationUntilEnd: true });
    expect(page.registrationClosesBy).toBe(page.endsAt);
    expect((await register(slug, person('late-kept-open'))).status).toBe(201);
    expect(await statusCounts(id)).toEqual({ confirmed: 1 });
  });

  it('an organiser turns the setting on in the event form and the next registration goes through', async () => {
    const res = await call('/api/events', {
      method: 'POST',
      headers: { cookie: org },
      json: {
        slug: 'running-now',
        titleZh: '进行中',
        titleEn: 'Running now',
        venueZh: '医院',
        venueEn: 'Hospital',
        timezone: 'Asia/Shanghai',
        startsAt: new Date(Date.now() - HOUR).toISOString(),
        endsAt: new Date(Date.now() + HOUR).toISOString(),
        capacity: 5,
        status: 'published',
      },
    });
    expect(res.status).toBe(201);
    expect((await register('running-now', person('before-toggle'))).status).toBe(409);
    const edited = await call('/api/events/running-now', {
      method: 'PATCH',
      headers: { cookie: org },
      json: { registrationUntilEnd: true },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.event).toMatchObject({ registrationUntilEnd: true, registrationOpen: true });
    expect((await register('running-now', person('after-toggle'))).status).toBe(201);
    expect(
      (
        await call('/api/events/running-now', {
          method: 'PATCH',
          headers: { cookie: org },
          json: { registrationUntilEnd: 'yes' },
        })
      ).status,
    ).toBe(400);
  });
});

describe('the registration window an organiser sets', () => {
  it('must close after it opens and by the end: refused with the field named, in Chinese too, and nothing stored', async () => {
    const { id, slug } = await organisedEvent(20);
    const end = (await call(`/api/events/${slug}`)).body.event.endsAt as string;
    const after = new Date(Date.parse(end) + 10 * 86_400_000).toISOString();
    const patch = (json: Record<string, unknown>, lang = 'en') =>
      call(`/api/events/${slug}`, { method: 'PATCH', headers: { cookie: org, 'accept-language': lang }, json });
    const late = await patch({ registrationClosesAt: after }, 'zh-CN');
    expect([late.status, late.body.error]).toEqual([
      400,
      {
        code: 'invalid',
        message: '报名截止时间不能晚于会议结束时间。',
        fields: { registrationClosesAt: '报名截止时间不能晚于会议结束时间。' },
      },
    ]);
    // Opening after the stored close: the rule is checked on what the edit leaves, not on the edit alone.
    const closes = new Date(Date.parse(end) - 2 * 86_400_000).toISOString();
    expect((await patch({ registrationClosesAt: closes })).status).toBe(200);
    const backwards = await patch({ registrationOpensAt: new Date(Date.parse(closes) + HOUR).toISOString() });
    expect([backwards.status, backwards.body.error.fields]).toEqual([
      400,
      { registrationClosesAt: 'Registration must close after it opens.' },
    ]);
    // Moving the end before the close is refused the same way.
    const earlier = await patch({ endsAt: new Date(Date.parse(closes) - HOUR).toISOString() });
    expect(earlier.status).toBe(400);
    const stored = await env.DB.prepare(
      `SELECT registration_opens_at o, registration_closes_at c, ends_at e FROM events WHERE id = ?`,
    )
      .bind(id)
      .first<{ o: number | null; c: number; e: number }>();
    expect(stored).toEqual({ o: null, c: Date.parse(closes), e: Date.parse(end) });
  });

  it('a new event closing its registration after its end is refused', async () => {
    const res = await call('/api/events', {
      method: 'POST',
      headers: { cookie: org },
      json: {
        slug: 'closes-too-late',
        titleZh: '测试',
        titleEn: 'Test',
        venueZh: '医院',
        venueEn: 'Hospital',
        timezone: 'Asia/Shanghai',
        startsAt: '2027-03-02T14:00:00+08:00',
        endsAt: '2027-03-02T17:00:00+08:00',
        registrationClosesAt: '2027-03-03T09:00:00+08:00',
        capacity: 5,
      },
    });
    expect([res.status, res.body.error.fields]).toEqual([
      400,
      { registrationClosesAt: 'Registration must close by the end of the event.' },
    ]);
    expect((await call('/api/events/closes-too-late')).status).toBe(404);
  });
});

describe('the demo seed over time', () => {
  it('moves an upcoming edition that has ended since to four weeks ahead, agenda and times of day with it, duplicating nothing', async () => {
    const count = async () =>
      env.DB.prepare(
        `SELECT (SELECT count(*) FROM events) e, (SELECT count(*) FROM sessions) s, (SELECT count(*) FROM registrations) r`,
      ).first();
    const before = await count();
    const later = Date.now() + 90 * 86_400_000;
    await env.DB.batch(demoSeedStatements(later).map((s) => env.DB.prepare(s)));
    expect(await count()).toEqual(before);
    const event = await env.DB.prepare(`SELECT starts_at s, ends_at e FROM events WHERE id = ?`)
      .bind(UPCOMING_EVENT_ID)
      .first<{ s: number; e: number }>();
    expect(event!.s).toBeGreaterThan(later + 27 * 86_400_000);
    const { results } = await env.DB.prepare(
      `SELECT starts_at s, ends_at e FROM sessions WHERE event_id = ? ORDER BY starts_at`,
    )
      .bind(UPCOMING_EVENT_ID)
      .all<{ s: number; e: number }>();
    expect(results[0]!.s).toBe(event!.s);
    expect(results.at(-1)!.e).toBe(event!.e);
    expect(new Date(event!.s).toISOString().slice(11, 16)).toBe('06:00'); // 14:00 in Beijing
  });
});
