// The CME project, attendance per registration with reasons and credits, overrides in the audit log, and the roster CSV.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { UPCOMING_EVENT_ID, UPCOMING_SLUG } from '../../schema/seed/demo';
import { endUpcomingAgendaAnHourAgo, NATIONAL_RULE, person, TALKS } from './fixtures';
import { call, signIn } from './helpers';

const SLUG = UPCOMING_SLUG;
const PANEL = 'ses_next_panel';
let desk: string;
let org: string;
beforeAll(async () => {
  desk = await signIn('desk@colloquy.test');
  org = await signIn('organiser@colloquy.test');
  // Synced scans cannot lie in the future: move the upcoming edition's agenda so its last item ended an hour ago.
  await endUpcomingAgendaAnHourAgo();
});

const times = async () => {
  const { results } = await env.DB.prepare(`SELECT id, starts_at AS s, ends_at AS e FROM sessions WHERE id IN (?, ?)`)
    .bind(...TALKS)
    .all<{ id: string; s: number; e: number }>();
  return new Map(results.map((r) => [r.id, r]));
};
const register = async (i: string) =>
  (await call(`/api/events/${SLUG}/registrations`, { method: 'POST', json: person(i, { jobTitle: '主任医师' }) })).body
    .registration as { id: string; ticketCode: string };
const sync = (scans: unknown[]) =>
  call(`/api/events/${SLUG}/checkins/batch`, {
    method: 'POST',
    headers: { cookie: desk },
    json: { deviceId: 'dev-cme', deskId: 'Desk 1', scans },
  });
const iso = (ms: number) => new Date(ms).toISOString();
const national = NATIONAL_RULE;
const putCme = (body: unknown, cookie = org) =>
  call(`/api/events/${SLUG}/cme`, { method: 'PUT', headers: { cookie }, json: body });
const attendance = (lang = 'en') => call(`/api/events/${SLUG}/attendance?lang=${lang}`, { headers: { cookie: org } });

describe('the CME project', () => {
  it('before it is set, attendance says to set it up; GET /cme offers the presets', async () => {
    const res = await attendance();
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('Set up the CME project first.');
    const cme = await call(`/api/events/${SLUG}/cme`, { headers: { cookie: org } });
    expect(cme.body.cme).toBeNull();
    expect(cme.body.presets.provincial.attendee).toEqual({ mode: 'per_hours', hoursPerCredit: 6 });
    expect(cme.body.sessions.map((s: any) => s.id)).toContain(PANEL);
  });

  it('refuses items of another event and bad rules, in words', async () => {
    const foreign = await putCme({ ...national, accreditedSessionIds: ['ses_demo_panel'] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields!.accreditedSessionIds).toBe('Choose agenda items of this event.');
    const bad = await putCme({ ...national, level: 'galactic', assessmentRequired: 'yes' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields!)).toEqual(expect.arrayContaining(['level', 'assessmentRequired']));
    expect((await putCme(national, desk)).status).toBe(403);
  });

  it('saves the project with its defaults', async () => {
    const res = await putCme(national);
    expect(res.status).toBe(200);
    expect(res.body.cme).toMatchObject({ projectNumber: '2026-04-01-123 (国)', cap: 25, minPresencePercent: 90 });
  });
});

describe('attendance', () => {
  it('says who is eligible, who left 40 minutes early and who never signed out, with credits', async () => {
    await putCme(national);
    const t = await times();
    const talk = t.get(TALKS[0]!)!;
    const panel = t.get(PANEL)!;
    const full = await register('cme-full');
    const early = await register('cme-early');
    const open = await register('cme-open');
    await sync([
      // Whole event, in before the talk and out after the panel.
      { clientId: 'f-in', code: full.ticketCode, scannedAt: iso(talk.s - 60_000), direction: 'in' },
      { clientId: 'f-out', code: full.ticketCode, scannedAt: iso(panel.e + 60_000), direction: 'out' },
      // The talk in full; the panel until 40 minutes before its end.
      { clientId: 'e-1', code: early.ticketCode, scannedAt: iso(talk.s), sessionId: TALKS[0] },
      { clientId: 'e-2', code: early.ticketCode, scannedAt: iso(talk.e), sessionId: TALKS[0], direction: 'out' },
      { clientId: 'e-3', code: early.ticketCode, scannedAt: iso(panel.s), sessionId: PANEL },
      {
        clientId: 'e-4',
        code: early.ticketCode,
        scannedAt: iso(panel.e - 40 * 60_000),
        sessionId: PANEL,
        direction: 'out',
      },
      { clientId: 'o-1', code: open.ticketCode, scannedAt: iso(talk.s), direction: 'in' },
    ]);
    const res = await attendance();
    expect(res.status).toBe(200);
    const of = Math.floor((talk.e - talk.s + panel.e - panel.s) / 60_000);
    const row = (id: string) => res.body.registrations.find((r: any) => r.id === id);
    expect(row(full.id)).toMatchObject({ eligible: true, minutes: of, of, credits: Math.floor((of / 180) * 2) / 2 });
    expect(row(early.id)).toMatchObject({ eligible: false, credits: 0, minutes: of - 40 });
    expect(row(early.id)!.reason).toContain('left “Panel discussion: the future of cell therapy” 40 minutes early');
    expect(row(open.id)!.reason).toContain('no sign-out at the event');
    const zh = await attendance('zh-CN');
    expect(zh.body.registrations.find((r: any) => r.id === early.id)!.reason).toContain('提前 40 分钟离开');
  });

  it('gives lecturer credits to the agenda speakers, moderators and panel guests of accredited items', async () => {
    await putCme(national);
    const res = await attendance();
    const { results } = await env.DB.prepare(
      `SELECT DISTINCT sp.person_id AS id FROM session_people sp WHERE sp.session_id IN (?, ?) AND sp.role IN ('speaker','panelist','moderator')`,
    )
      .bind(...TALKS)
      .all<{ id: string }>();
    expect(res.body.lecturers.map((l: any) => l.personId).sort()).toEqual(results.map((r) => r.id).sort());
    for (const l of res.body.lecturers) expect(l.credits).toBe(Math.floor((l.minutes / 60) * 2 * 2) / 2);
    const speaker = res.body.registrations.find((r: any) => r.id === `reg_${res.body.lecturers[0].personId}`);
    expect(speaker!.lecturerCredits).toBe(res.body.lecturers[0].credits);
  });

  it('an organiser override decides, says why, and is in the audit log; removing it lets the rule decide', async () => {
    await putCme(national);
    const reg = await register('cme-override');
    const before = (await attendance()).body.registrations.find((r: any) => r.id === reg.id);
    expect(before!.eligible).toBe(false);
    const bad = await call(`/api/events/${SLUG}/attendance/${reg.id}/override`, {
      method: 'PUT',
      headers: { cookie: org, 'accept-language': 'zh-CN' },
      json: { eligible: true, reason: ' ' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields!.reason).toBe('请说明原因。');
    const put = await call(`/api/events/${SLUG}/attendance/${reg.id}/override`, {
      method: 'PUT',
      headers: { cookie: org },
      json: { eligible: true, reason: 'Badge printer failed; signed the paper list' },
    });
    expect(put.status).toBe(200);
    const after = (await attendance()).body.registrations.find((r: any) => r.id === reg.id);
    expect(after).toMatchObject({
      eligible: true,
      computedEligible: false,
      override: { eligible: true, reason: 'Badge printer failed; signed the paper list' },
    });
    expect(after!.credits).toBeGreaterThan(0);
    const audit = await env.DB.prepare(
      `SELECT action, detail FROM audit WHERE event_id = ? AND action LIKE 'attendance.%' ORDER BY id DESC LIMIT 1`,
    )
      .bind(UPCOMING_EVENT_ID)
      .first<{ action: string; detail: string }>();
    expect(audit!.action).toBe('attendance.override');
    expect(JSON.parse(audit!.detail)).toMatchObject({ id: reg.id, eligible: true });
    const del = await call(`/api/events/${SLUG}/attendance/${reg.id}/override`, {
      method: 'DELETE',
      headers: { cookie: org },
    });
    expect(del.status).toBe(200);
    expect((await attendance()).body.registrations.find((r: any) => r.id === reg.id)!.eligible).toBe(false);
    const missing = await call(`/api/events/${SLUG}/attendance/reg_nobody/override`, {
      method: 'PUT',
      headers: { cookie: org },
      json: { eligible: false, reason: 'x' },
    });
    expect(missing.status).toBe(404);
  });

  it('pages: each page evaluates its own registrations and gives the next cursor', async () => {
    await putCme(national);
    const first = await call(`/api/events/${SLUG}/attendance?limit=2`, { headers: { cookie: org } });
    expect(first.body.registrations).toHaveLength(2);
    const second = await call(`/api/events/${SLUG}/attendance?limit=2&after=${first.body.next}`, {
      headers: { cookie: org },
    });
    expect(second.body.registrations[0].id > first.body.registrations[1].id).toBe(true);
  });
});

describe('the roster CSV', () => {
  it('has the Chinese headers, the project number and level, and neutralises formulas', async () => {
    await putCme({ ...national, projectNumber: '=HYPERLINK("x")' });
    const reg = await register('cme-csv');
    await env.DB.prepare(`UPDATE registrations SET name = '=1+1' WHERE id = ?`).bind(reg.id).run();
    const res = await call(`/api/events/${SLUG}/attendance.csv?lang=zh-CN`, { headers: { cookie: org } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (res.body as string).split('\r\n');
    expect(lines[0]).toBe(
      '姓名,单位,科室,职称,学分卡号,签到时间,签退时间,在场分钟,学分,授课学分,是否合格,说明,证书编号,项目编号,项目级别,学分类别',
    );
    const mine = lines.find((l) => l.startsWith("'=1+1"))!;
    expect(mine).toContain(',北京协和医院,,主任医师,,');
    expect(mine).toContain(`,"'=HYPERLINK(""x"")",国家级,Ⅰ类`);
    await putCme(national);
  });
});

describe('the roster and the clinical questions', () => {
  it("fills 科室, 职称 and the CME card number from the clinical preset's answers, the card number unmasked", async () => {
    await putCme(national);
    const preset = await call(`/api/events/${SLUG}/questions/clinical-preset`, {
      method: 'POST',
      headers: { cookie: org },
      json: {},
    });
    expect(preset.status).toBe(200);
    const res = await call(`/api/events/${SLUG}/registrations`, {
      method: 'POST',
      json: {
        ...person('cme-roster', { jobTitle: '医生' }),
        answers: { department: '风湿免疫科', professional_title: 'attending_physician', cme_number: 'CME20260042' },
      },
    });
    expect(res.status).toBe(201);
    const csv = await call(`/api/events/${SLUG}/attendance.csv?lang=zh-CN`, { headers: { cookie: org } });
    const row = (csv.body as string).split('\r\n').find((l) => l.startsWith('参会者 cme-roster,'));
    expect(row).toContain(',风湿免疫科,主治医师,CME20260042,');
    // Without the preset's 职称 answer, the registration's job title stands in (the earlier roster test).
    await call(`/api/events/${SLUG}/questions`, { method: 'PUT', headers: { cookie: org }, json: { questions: [] } });
  });
});
