// The public read API: the demo seminar as an attendee's browser sees it.
import { env } from 'cloudflare:workers';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { demoSeedStatements, UPCOMING_SLUG } from '../../schema/seed/demo';
import { EVENT_STALE_SECONDS } from '../../worker/events/cache';
import { call, signIn } from './helpers';

const SLUG = 'cell-therapy-autoimmune-2026';

describe('GET /api/events', () => {
  it('lists the upcoming edition first, open with its seats left, then the demo seminar that has ended', async () => {
    const { status, body } = await call('/api/events');
    expect(status).toBe(200);
    expect(body.events.map((e: { slug: string }) => e.slug)).toEqual([UPCOMING_SLUG, SLUG]);
    const [upcoming, ended] = body.events;
    expect(upcoming).toMatchObject({
      registrationOpen: true,
      ended: false,
      capacity: 200,
      seatsLeft: 200,
      title: { en: 'Cell therapy for autoimmune diseases: second session' },
    });
    // Four weeks after the day the seed ran, at the seminar's own times of day in Beijing.
    expect(Date.parse(upcoming.startsAt)).toBeGreaterThan(Date.now() + 26 * 86_400_000);
    expect(upcoming.startsAt).toMatch(/T14:00:00\+08:00$/);
    expect(upcoming.endsAt).toMatch(/T17:20:00\+08:00$/);
    expect(ended).toMatchObject({
      slug: SLUG,
      title: { zh: '细胞治疗治疗自身免疫性疾病学术交流会', en: 'Cell therapy for autoimmune diseases' },
      venue: { en: 'Beijing Lu Daopei Hospital' },
      timezone: 'Asia/Shanghai',
      startsAt: '2026-01-22T14:00:00+08:00',
      registrationOpen: false,
      registrationState: 'ended',
      ended: true,
    });
  });

  it('hides draft events', async () => {
    await env.DB.prepare(`INSERT INTO events (id, slug, title_zh, title_en, venue_zh, venue_en, timezone, starts_at, ends_at, capacity, status)
      VALUES ('evt_draft', 'draft-one', '草稿', 'Draft', '某地', 'Somewhere', 'Asia/Shanghai', 0, 1, 10, 'draft')`).run();
    const { body } = await call('/api/events');
    expect(body.events.map((e: { slug: string }) => e.slug)).toEqual([UPCOMING_SLUG, SLUG]);
    expect((await call('/api/events/draft-one')).status).toBe(404);
  });
});

describe('GET /api/events/:slug', () => {
  it('returns the agenda in time order with kinds, rooms and times in Beijing time', async () => {
    const { status, body } = await call(`/api/events/${SLUG}`);
    expect(status).toBe(200);
    const sessions = body.event.sessions;
    expect(sessions.length).toBeGreaterThanOrEqual(5);
    expect(sessions.map((s: any) => s.kind)).toEqual(expect.arrayContaining(['ceremony', 'talk', 'break', 'panel']));
    expect(sessions[0]).toMatchObject({
      kind: 'ceremony',
      startsAt: '2026-01-22T14:00:00+08:00',
      room: { zh: '学术报告厅', en: 'Lecture Hall' },
    });
    const starts = sessions.map((s: any) => s.startsAt);
    expect([...starts].sort()).toEqual(starts);
  });

  it('puts Director Jin as main speaker and the three guests on the panel', async () => {
    const { body } = await call(`/api/events/${SLUG}`);
    const panel = body.event.sessions.find((s: any) => s.kind === 'panel')!;
    const panelists = panel.people.filter((p: any) => p.role === 'panelist').map((p: any) => p.name.en);
    expect(panelists.sort()).toEqual(['Li Yan', 'Yang Chunhua', 'Zhang Jianglin']);
    const talks = body.event.sessions.filter((s: any) => s.kind === 'talk');
    expect(talks.every((t: any) => t.people.some((p: any) => p.name.zh === '金京玉' && p.role === 'speaker'))).toBe(
      true,
    );
    expect(body.event.people).toHaveLength(4);
    for (const p of body.event.people) {
      expect(p.honorific.zh).toBe('主任');
      expect(p.institution.zh).not.toBe('');
      expect(p.bio.en).not.toBe('');
    }
    // People's contact details are not public.
    expect(JSON.stringify(body)).not.toContain('@example.org');
  });

  it('answers 404 in the one error shape for an unknown slug', async () => {
    const { status, body } = await call('/api/events/no-such-meeting');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('unknown API paths are 404 JSON too', async () => {
    const { status, body } = await call('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('the demo seed', () => {
  it('running it again duplicates nothing', async () => {
    const count = async () =>
      env.DB.prepare(
        `SELECT (SELECT count(*) FROM events WHERE slug IN ('cell-therapy-autoimmune-2026', 'cell-therapy-autoimmune-next')) e, (SELECT count(*) FROM sessions) s, (SELECT count(*) FROM people) p,
              (SELECT count(*) FROM session_people) sp, (SELECT count(*) FROM staff) st, (SELECT count(*) FROM staff_roles) sr,
              (SELECT count(*) FROM registrations) r`,
      ).first();
    const before = await count();
    await env.DB.batch(demoSeedStatements().map((s: string) => env.DB.prepare(s)));
    await env.DB.batch(demoSeedStatements().map((s: string) => env.DB.prepare(s)));
    expect(await count()).toEqual(before);
    expect(before).toMatchObject({ e: 2, p: 8, st: 2, sr: 4 });
  });
});

describe('repeat views', () => {
  it('carry an ETag, and a conditional request gets 304 with no body', async () => {
    const first = await call('/api/events/cell-therapy-autoimmune-2026');
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await call('/api/events/cell-therapy-autoimmune-2026', { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it("are served from the edge cache without D1; an organiser's change shows at once, seats left within 5 s", async () => {
    await call(`/api/events/${UPCOMING_SLUG}`);
    // The edge copy was stored by the time that view returned.
    const storedBy = Date.now();
    const cached = await call(`/api/events/${UPCOMING_SLUG}`);
    expect(cached.headers.get('server-timing')).toContain('round_trips=0');
    expect(cached.headers.get('cache-control')).toBe('public, max-age=4');
    const before = cached.body.event.seatsLeft;

    // A registration (the write that comes in bursts) lets the edge copy run out rather than purge it.
    const registered = await call(`/api/events/${UPCOMING_SLUG}/registrations`, {
      method: 'POST',
      json: { name: '缓存测试', email: 'cache@example.org', consent: true },
    });
    expect(registered.status).toBe(201);
    const soon = await call(`/api/events/${UPCOMING_SLUG}`);
    expect(soon.headers.get('server-timing')).toContain('round_trips=0');
    expect(soon.body.event.seatsLeft).toBe(before);

    // …and within EVENT_STALE_SECONDS of being stored it is gone: the page shows the registration without
    // anyone purging anything (the copy lives a second less, as max-age counts whole seconds). Polled, so the
    // test waits no longer than the cache does; a view asked for after the deadline must be fresh.
    const deadline = storedBy + EVENT_STALE_SECONDS * 1000;
    let lastStaleAskedAt = 0;
    let seen = soon;
    while (seen.body.event.seatsLeft === before && Date.now() < deadline + 2000) {
      await new Promise((r) => setTimeout(r, 100));
      const askedAt = Date.now();
      seen = await call(`/api/events/${UPCOMING_SLUG}`);
      if (seen.body.event.seatsLeft === before) lastStaleAskedAt = askedAt;
    }
    expect(seen.body.event.seatsLeft).toBe(before - 1);
    expect(seen.headers.get('server-timing')).not.toContain('round_trips=0');
    expect(lastStaleAskedAt).toBeLessThan(deadline);

    // An organiser's edit purges it: the next view is read from D1 and has both the edit and the new seat count.
    const cookie = await signIn('organiser@colloquy.test');
    const edited = await call(`/api/events/${UPCOMING_SLUG}`, {
      method: 'PATCH',
      headers: { cookie },
      json: { capacity: 250 },
    });
    expect(edited.status).toBe(200);
    const fresh = await call(`/api/events/${UPCOMING_SLUG}`);
    expect(fresh.headers.get('server-timing')).not.toContain('round_trips=0');
    expect(fresh.body.event).toMatchObject({ capacity: 250, seatsLeft: before - 1 + 50 });
  }, 15_000);
});

describe('the agenda file', () => {
  it('folds long Chinese lines at 75 octets without splitting a character, and unfolds to the agenda', async () => {
    const res = await call('/api/events/cell-therapy-autoimmune-2026/agenda.ics?lang=zh-CN');
    expect(res.status).toBe(200);
    const text = res.body as string;
    const lines = text.split('\r\n');
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(0);
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    const { results: sessions } = await env.DB.prepare(
      `SELECT s.title_zh FROM sessions s JOIN events e ON e.id = s.event_id WHERE e.slug = 'cell-therapy-autoimmune-2026' ORDER BY s.starts_at`,
    ).all<{ title_zh: string }>();
    const summaries = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .map((v) => v.getFirstPropertyValue('summary'));
    expect(summaries).toEqual(sessions.map((s) => s.title_zh));
  });
});

describe('cost reporting in development', () => {
  it('reports D1 round trips and rows read in a Server-Timing header', async () => {
    const { headers } = await call('/api/events/cell-therapy-autoimmune-2026/agenda.ics');
    expect(headers.get('server-timing')).toMatch(/^d1;desc="round_trips=1 rows_read=\d+ rows_written=0"$/);
  });
});
