// The agenda editor's API: warnings that never block (double-booked rooms, items outside the event's hours), the
// one-click extension of the event's hours, and moving an item as one atomic operation.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { beijingIso } from './fixtures';
import { call, signIn } from './helpers';

let org: string;
beforeAll(async () => {
  org = await signIn('organiser@colloquy.test');
});
const as = <M extends string, P extends string>(method: M, path: P, json?: unknown) =>
  call(path, { method, headers: { cookie: org }, ...(json !== undefined ? { json } : {}) });

const at = (hhmm: string) => beijingIso(30, hhmm);
let n = 0;
/** An event of 09:00–12:00 with three talks back to back in the Main Hall, 09:00–09:30–10:30–11:00. */
async function agendaEvent() {
  const slug = `agenda-${++n}`;
  expect(
    (
      await as('POST', '/api/events', {
        slug,
        titleZh: '议程',
        titleEn: 'Agenda',
        venueZh: '医院',
        venueEn: 'Hospital',
        timezone: 'Asia/Shanghai',
        startsAt: at('09:00'),
        endsAt: at('12:00'),
        capacity: 10,
      })
    ).status,
  ).toBe(201);
  const ids: string[] = [];
  for (const [t, s, e] of [
    ['A', '09:00', '09:30'],
    ['B', '09:30', '10:30'],
    ['C', '10:30', '11:00'],
  ] as const) {
    const res = await as('POST', `/api/events/${slug}/sessions`, {
      kind: 'talk',
      titleZh: `报告${t}`,
      titleEn: `Talk ${t}`,
      roomZh: '主会场',
      roomEn: 'Main Hall',
      startsAt: at(s),
      endsAt: at(e),
    });
    expect(res.body.warnings).toEqual([]);
    ids.push(res.body.session.id);
  }
  return { slug, ids };
}
const agenda = async (slug: string) => (await as('GET', `/api/console/events/${slug}`)).body.event;
const clock = (iso: string) => iso.slice(11, 16);

describe('agenda warnings', () => {
  it('an item in a room already in use is saved, with a room_overlap warning naming both items in both languages', async () => {
    const { slug, ids } = await agendaEvent();
    const res = await as('POST', `/api/events/${slug}/sessions`, {
      kind: 'talk',
      titleZh: '插播',
      titleEn: 'Extra',
      roomZh: '主会场',
      roomEn: 'main hall ',
      startsAt: at('10:00'),
      endsAt: at('10:45'),
    });
    expect(res.status).toBe(201);
    const extra = res.body.session.id;
    expect(res.body.warnings).toEqual([
      {
        code: 'room_overlap',
        room: { zh: '主会场', en: 'Main Hall' },
        sessionIds: [ids[1], extra],
        message: {
          'zh-CN': '“报告B”和“插播”同时使用主会场。',
          en: '“Talk B” and “Extra” are in Main Hall at overlapping times.',
        },
      },
      expect.objectContaining({ code: 'room_overlap', sessionIds: [extra, ids[2]] }),
    ]);
    expect((await agenda(slug)).sessions.map((s: any) => s.title.en)).toContain('Extra');
    // In another room, at the same time, nothing to say.
    const moved = await as('PATCH', `/api/events/${slug}/sessions/${extra}`, { roomZh: '分会场', roomEn: 'Room 2' });
    expect(moved.body.warnings).toEqual([]);
    expect((await agenda(slug)).warnings).toEqual([]);
  });

  it("an item outside the event's hours is saved with a warning and the hours that would hold it; extending the event clears it", async () => {
    const { slug } = await agendaEvent();
    const late = await as('POST', `/api/events/${slug}/sessions`, {
      kind: 'break',
      titleZh: '午餐',
      titleEn: 'Lunch',
      startsAt: at('12:00'),
      endsAt: at('13:00'),
    });
    expect(late.status).toBe(201);
    expect(late.body.warnings).toEqual([
      {
        code: 'outside_event_hours',
        sessionIds: [late.body.session.id],
        message: { 'zh-CN': '“午餐”超出了会议的起止时间。', en: "“Lunch” falls outside the event's hours." },
      },
    ]);
    expect(late.body.extendTo).toEqual({ startsAt: at('09:00'), endsAt: at('13:00') });
    const early = await as('POST', `/api/events/${slug}/sessions`, {
      kind: 'ceremony',
      titleZh: '签到',
      titleEn: 'Sign-in',
      startsAt: at('08:30'),
      endsAt: at('09:00'),
    });
    expect(early.body.warnings.map((w: any) => w.code)).toEqual(['outside_event_hours', 'outside_event_hours']);
    expect(early.body.extendTo).toEqual({ startsAt: at('08:30'), endsAt: at('13:00') });
    // The console page carries the same warnings, and "extend the event" is one PATCH with extendTo.
    const page = await agenda(slug);
    expect(page.extendTo).toEqual(early.body.extendTo);
    expect((await as('PATCH', `/api/events/${slug}`, page.extendTo)).status).toBe(200);
    const after = await agenda(slug);
    expect([clock(after.startsAt), clock(after.endsAt), after.warnings, after.extendTo]).toEqual([
      '08:30',
      '13:00',
      [],
      null,
    ]);
  });
});

describe('moving an item', () => {
  it('swaps it with its neighbour in one request: each keeps its length, the pair keeps its span; moving back restores both', async () => {
    const { slug, ids } = await agendaEvent();
    const res = await as('POST', `/api/events/${slug}/sessions/${ids[2]}/move`, { direction: 'earlier' });
    expect(res.status).toBe(200);
    expect([clock(res.body.session.startsAt), clock(res.body.session.endsAt)]).toEqual(['09:30', '10:00']);
    expect([clock(res.body.swappedWith.startsAt), clock(res.body.swappedWith.endsAt)]).toEqual(['10:00', '11:00']);
    expect(res.body.warnings).toEqual([]);
    expect(
      (await agenda(slug)).sessions.map((s: any) => `${s.title.en} ${clock(s.startsAt)}–${clock(s.endsAt)}`),
    ).toEqual(['Talk A 09:00–09:30', 'Talk C 09:30–10:00', 'Talk B 10:00–11:00']);
    expect((await as('POST', `/api/events/${slug}/sessions/${ids[2]}/move`, { direction: 'later' })).status).toBe(200);
    expect(
      (await agenda(slug)).sessions.map((s: any) => `${s.title.en} ${clock(s.startsAt)}–${clock(s.endsAt)}`),
    ).toEqual(['Talk A 09:00–09:30', 'Talk B 09:30–10:30', 'Talk C 10:30–11:00']);
    const { results } = await env.DB.prepare(`SELECT action FROM audit WHERE action = 'session.move' AND detail LIKE ?`)
      .bind(`%${ids[2]}%`)
      .all();
    expect(results).toHaveLength(2);
  });

  it('items that start together only change places in the list', async () => {
    const { slug, ids } = await agendaEvent();
    const twin = (
      await as('POST', `/api/events/${slug}/sessions`, {
        kind: 'talk',
        titleZh: '并行',
        titleEn: 'Parallel',
        roomEn: 'Room 2',
        startsAt: at('09:30'),
        endsAt: at('10:00'),
      })
    ).body.session.id;
    const order = async () => (await agenda(slug)).sessions.map((s: any) => s.id);
    const before = await order();
    expect(before.indexOf(twin)).toBe(before.indexOf(ids[1]) + 1);
    expect((await as('POST', `/api/events/${slug}/sessions/${twin}/move`, { direction: 'earlier' })).status).toBe(200);
    const after = await order();
    expect(after.indexOf(twin)).toBe(after.indexOf(ids[1]) - 1);
    expect((await agenda(slug)).sessions.find((s: any) => s.id === twin)).toMatchObject({
      startsAt: at('09:30'),
      endsAt: at('10:00'),
    });
  });

  it('moves sent at the same moment never leave half a swap: lengths and the span survive', async () => {
    const { slug, ids } = await agendaEvent();
    const results = await Promise.all([
      as('POST', `/api/events/${slug}/sessions/${ids[0]}/move`, { direction: 'later' }),
      as('POST', `/api/events/${slug}/sessions/${ids[2]}/move`, { direction: 'earlier' }),
      as('POST', `/api/events/${slug}/sessions/${ids[1]}/move`, { direction: 'later' }),
      as('POST', `/api/events/${slug}/sessions/${ids[1]}/move`, { direction: 'earlier' }),
    ]);
    expect(results.map((r) => r.status).every((s) => s === 200 || s === 409)).toBe(true);
    const items = (await agenda(slug)).sessions.map((s: any) => ({
      t: s.title.en,
      s: Date.parse(s.startsAt),
      e: Date.parse(s.endsAt),
    }));
    const minutes = Object.fromEntries(items.map((i: any) => [i.t, (i.e - i.s) / 60_000]));
    expect(minutes).toEqual({ 'Talk A': 30, 'Talk B': 60, 'Talk C': 30 });
    expect(items[0].s).toBe(Date.parse(at('09:00')));
    expect(items.at(-1)!.e).toBe(Date.parse(at('11:00')));
    for (let i = 1; i < items.length; i++) expect(items[i].s).toBe(items[i - 1].e);
  });

  it('says so when there is nowhere to go, or no such item, or a wrong direction', async () => {
    const { slug, ids } = await agendaEvent();
    const first = await as('POST', `/api/events/${slug}/sessions/${ids[0]}/move`, { direction: 'earlier' });
    expect(first.status).toBe(409);
    expect(first.body.error).toEqual({ code: 'cannot_move', message: 'This item is already the first on the agenda.' });
    expect(
      (await as('POST', `/api/events/${slug}/sessions/${ids[2]}/move`, { direction: 'later' })).body.error.code,
    ).toBe('cannot_move');
    expect((await as('POST', `/api/events/${slug}/sessions/nope/move`, { direction: 'later' })).status).toBe(404);
    expect((await as('POST', `/api/events/${slug}/sessions/${ids[0]}/move`, { direction: 'up' })).status).toBe(400);
    const { results } = await env.DB.prepare(`SELECT action FROM audit WHERE action = 'session.move' AND detail LIKE ?`)
      .bind(`%${ids[0]}%`)
      .all();
    expect(results).toEqual([]);
  });
});
