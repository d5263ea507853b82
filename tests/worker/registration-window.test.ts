// When an event takes registrations: an ended event takes none, registration closes at the start unless kept open.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUG, demoSeedStatements, UPCOMING_EVENT_ID, UPCOMING_SLUG } from '../../schema/seed/demo';
import { makeEvent, person, statusCounts } from './fixtures';
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
