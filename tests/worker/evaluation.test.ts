// The evaluation (issue 19): who may answer and when, answers saved one by one and replaced, clear errors, the
// assessment's tries under racing attempts and its pass mark, the certificate a pass unlocks, results, the CSV, the
// anonymous speaker reports (sent, and in the portal) and the cron's one email per registration.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { UPCOMING_EVENT_ID, UPCOMING_SLUG } from '../../schema/seed/demo';
import { sendEvaluationInvitations } from '../../worker/evaluation/emails';
import { endUpcomingAgendaAnHourAgo, NATIONAL_RULE, person, TALKS } from './fixtures';
import { call, cancelTicket, signIn } from './helpers';

const SLUG = UPCOMING_SLUG;
const national = { ...NATIONAL_RULE, minPresencePercent: 90, assessmentRequired: true };
/** Four questions at 75 %: three right is exactly the pass mark. */
const assessment = {
  passPercent: 75,
  maxTries: 2,
  questions: [
    { id: 'q1', kind: 'single', promptZh: '题一', promptEn: 'One', options: opts(3), correct: [0] },
    { id: 'q2', kind: 'single', promptZh: '题二', promptEn: 'Two', options: opts(3), correct: [1] },
    { id: 'q3', kind: 'multiple', promptZh: '题三', promptEn: 'Three', options: opts(4), correct: [0, 2] },
    { id: 'q4', kind: 'single', promptZh: '题四', promptEn: 'Four', options: opts(2), correct: [1] },
  ],
};
function opts(n: number) {
  return Array.from({ length: n }, (_, i) => ({ zh: `选项${i + 1}`, en: `Option ${i + 1}` }));
}
const ALL_RIGHT = { q1: [0], q2: [1], q3: [2, 0], q4: [1] };
const THREE_RIGHT = { q1: [0], q2: [1], q3: [0, 2], q4: [0] };
const TWO_RIGHT = { q1: [0], q2: [1], q3: [0], q4: [0] };

const quiet = { send: async () => {}, sendBatch: async () => {} };
const bindings = { CERTIFICATES: quiet as never, OUTBOX: quiet as never };

type Reg = { id: string; ticketCode: string };
let org: string;
let desk: string;
/** Present for the accredited items and signed out. */
let present: Reg;
/** Present and signed out, English. */
let english: Reg;
/** Registered, never scanned. */
let absent: Reg;
/** Signed in only (no sign-out yet). */
let inOnly: Reg;
/** Present, for racing attempts. */
let racer: Reg;
const raters: Reg[] = [];

const register = async (i: string, extra: Record<string, unknown> = {}) =>
  (await call(`/api/events/${SLUG}/registrations`, { method: 'POST', json: person(i, extra) })).body
    .registration as Reg;
const view = (r: Reg, lang = 'en') =>
  call(`/api/tickets/${r.ticketCode}/evaluation`, { headers: { 'accept-language': lang } }) as Promise<{
    status: number;
    body: any;
  }>;
const answer = (r: Reg, target: string, aspect: string, value: unknown, lang = 'en') =>
  call(`/api/tickets/${r.ticketCode}/evaluation/answers`, {
    method: 'PUT',
    headers: { 'accept-language': lang },
    json: { target, aspect, value },
  }) as Promise<{ status: number; headers: Headers; body: any }>;
const attempt = (r: Reg, answers: Record<string, number[]>) =>
  call(`/api/tickets/${r.ticketCode}/assessment/attempts`, { method: 'POST', json: { answers } }, bindings) as Promise<{
    status: number;
    body: any;
  }>;
const putForm = (form: Record<string, unknown>) =>
  call(`/api/events/${SLUG}/evaluation`, { method: 'PUT', headers: { cookie: org }, json: form }) as Promise<{
    status: number;
    body: any;
  }>;
const organiser = (path: string, lang = 'en') =>
  call(`/api/events/${SLUG}/evaluation${path}`, { headers: { cookie: org, 'accept-language': lang } }) as Promise<{
    status: number;
    headers: Headers;
    body: any;
  }>;
const dbRows = async (sql: string, ...args: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...args)
      .all<Record<string, any>>()
  ).results;
const setEventEnd = (ms: number) =>
  env.DB.prepare(`UPDATE events SET ends_at = ? WHERE id = ?`).bind(ms, UPCOMING_EVENT_ID).run();

let eventEnd: number;
beforeAll(async () => {
  org = await signIn('organiser@colloquy.test');
  desk = await signIn('desk@colloquy.test');
  // The agenda ended an hour ago; the event itself ends later (its last day), so only a sign-out opens the window.
  await endUpcomingAgendaAnHourAgo();
  eventEnd = Date.now() + 6 * 3_600_000;
  await setEventEnd(eventEnd);
  expect(
    (await call(`/api/events/${SLUG}/cme`, { method: 'PUT', headers: { cookie: org }, json: national })).status,
  ).toBe(200);
  present = await register('ev-present', { name: '张晓林' });
  english = await register('ev-en', { name: 'John Smith', locale: 'en' });
  absent = await register('ev-absent', { name: '缺席者' });
  inOnly = await register('ev-in-only', { name: '未签退' });
  racer = await register('ev-racer', { name: '赛跑者' });
  for (const i of [1, 2, 3]) raters.push(await register(`ev-rater-${i}`, { name: `评价人${i}` }));
  const [s] = await dbRows(`SELECT min(starts_at) AS s, max(ends_at) AS e FROM sessions WHERE id IN (?, ?)`, ...TALKS);
  const iso = (ms: number) => new Date(ms).toISOString();
  const both = (r: Reg, tag: string) => [
    { clientId: `${tag}-in`, code: r.ticketCode, scannedAt: iso(s!.s - 60_000), direction: 'in' },
    { clientId: `${tag}-out`, code: r.ticketCode, scannedAt: iso(s!.e + 60_000), direction: 'out' },
  ];
  const synced = await call(`/api/events/${SLUG}/checkins/batch`, {
    method: 'POST',
    headers: { cookie: desk },
    json: {
      deviceId: 'dev-eval',
      deskId: 'Desk 1',
      scans: [
        ...both(present, 'p'),
        ...both(english, 'e'),
        ...both(racer, 'r'),
        ...raters.flatMap((r, i) => both(r, `x${i}`)),
        { clientId: 'i-in', code: inOnly.ticketCode, scannedAt: iso(s!.s - 60_000), direction: 'in' },
      ],
    },
  });
  expect(synced.status).toBe(200);
});

describe('before the organiser sets it up', () => {
  it('the ticket says there is no evaluation, and answering is refused', async () => {
    expect((await view(present)).body.state).toBe('none');
    const r = await answer(present, 'event', 'overall', 5);
    expect(r.status).toBe(404);
  });
});

describe('the form', () => {
  it('starts from the default template, with the targets the agenda gives', async () => {
    const copied = await call(`/api/events/${SLUG}/evaluation/copy`, {
      method: 'POST',
      headers: { cookie: org },
      json: { from: 'default' },
    });
    expect(copied.status).toBe(200);
    const body = copied.body as any;
    expect(body.form.closesAfterDays).toBe(7);
    expect(body.form.audience).toBe('attended');
    expect(body.form.assessment.questions.length).toBeGreaterThan(0);
    const keys = body.targets.map((t: any) => t.key);
    // Each talk with speakers, each of its people once per item, the panel's guests, and the event.
    expect(keys).toEqual(
      expect.arrayContaining([
        'item:ses_next_breakthroughs',
        'person:per_next_jin@ses_next_breakthroughs',
        'item:ses_next_panel',
        'person:per_next_jin@ses_next_panel',
        'person:per_next_zhang@ses_next_panel',
        'event',
      ]),
    );
    expect(keys).not.toContain('item:ses_next_break');
    expect(keys.at(-1)).toBe('event');
  });

  it('copies from another event the organiser runs, and refuses one they do not', async () => {
    const DEMO = 'cell-therapy-autoimmune-2026';
    const set = await call(`/api/events/${DEMO}/evaluation`, {
      method: 'PUT',
      headers: { cookie: org },
      json: { closesAfterDays: 3, assessment },
    });
    expect(set.status).toBe(200);
    const copied = await call(`/api/events/${SLUG}/evaluation/copy`, {
      method: 'POST',
      headers: { cookie: org },
      json: { from: 'event', slug: DEMO },
    });
    expect(copied.status).toBe(200);
    expect((copied.body as any).form.closesAfterDays).toBe(3);
    expect((copied.body as any).form.assessment.questions.map((q: any) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
    const foreign = await call(`/api/events/${SLUG}/evaluation/copy`, {
      method: 'POST',
      headers: { cookie: org },
      json: { from: 'event', slug: 'not-mine' },
    });
    expect(foreign.status).toBe(404);
  });

  it('refuses a question whose correct option does not exist', async () => {
    const bad = await putForm({
      assessment: { ...assessment, questions: [{ ...assessment.questions[0], correct: [5] }] },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toContain('assessment.questions.0.correct');
  });

  it('saves the window, the audience and the assessment', async () => {
    const saved = await putForm({ opensOn: 'sign_out', closesAfterDays: 7, audience: 'attended', assessment });
    expect(saved.status).toBe(200);
    expect(saved.body.form.assessment.passPercent).toBe(75);
    expect((await call(`/api/events/${SLUG}/evaluation`, { headers: { cookie: org } })).body).toMatchObject({
      form: { audience: 'attended', assessment: { maxTries: 2 } },
      // The CME rule requires the assessment: the console can say so beside the questions.
      assessmentRequired: true,
    });
  });
});

describe('who may answer, and when', () => {
  it('opens for a registration once it signed out, and shows the assessment without its answers', async () => {
    const v = await view(present);
    expect(v.status).toBe(200);
    expect(v.body.state).toBe('open');
    expect(v.body.assessment.required).toBe(true);
    expect(v.body.assessment.triesLeft).toBe(2);
    expect(JSON.stringify(v.body.assessment.questions)).not.toContain('correct');
    expect(v.body.targets.find((t: any) => t.key === 'person:per_next_zhang@ses_next_panel')).toMatchObject({
      kind: 'person',
      role: 'panelist',
      aspects: ['content', 'delivery', 'relevance', 'comment'],
    });
  });

  it('waits for a sign-out (or the event end) when the person only signed in', async () => {
    const v = await view(inOnly);
    expect(v.body.state).toBe('not_yet');
    const r = await answer(inOnly, 'event', 'overall', 4, 'zh-CN');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('evaluation_not_open');
    expect(r.body.error.message).toBe('签退授学分的日程后或会议结束后，方可填写评价。');
    // The write rides in the same batch as the reads: refused, it wrote nothing.
    expect(r.headers.get('server-timing')).toMatch(/rows_written=0"/);
    expect(await dbRows(`SELECT * FROM evaluation_answers WHERE registration_id = ?`, inOnly.id)).toEqual([]);
  });

  it('refuses someone who did not attend, until the organiser widens it to everyone registered', async () => {
    // Before the end they may still come: not yet open for them, as for anyone without a sign-out.
    expect((await view(absent)).body.state).toBe('not_yet');
    await setEventEnd(Date.now() - 60_000);
    expect((await view(absent)).body.state).toBe('not_eligible');
    const refused = await answer(absent, 'event', 'overall', 3);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not_eligible');
    await putForm({ audience: 'everyone', assessment });
    // Widened: the absent person is now in.
    expect((await view(absent)).body.state).toBe('open');
    expect((await answer(absent, 'event', 'overall', 3)).status).toBe(200);
    await putForm({ audience: 'attended', assessment });
    expect((await view(absent)).body.state).toBe('not_eligible');
    await setEventEnd(eventEnd);
  });
});

describe('across the seams', () => {
  it('a ticket cancelled after signing out offers no evaluation, and its answers are refused', async () => {
    const reg = (await call(`/api/events/${SLUG}/registrations`, { method: 'POST', json: person('ev-cancel') })).body
      .registration as Reg & { manageUrl: string };
    const [s] = await dbRows(
      `SELECT min(starts_at) AS s, max(ends_at) AS e FROM sessions WHERE id IN (?, ?)`,
      ...TALKS,
    );
    const scan = (tag: string, at: number, direction: string) => ({
      clientId: `cancel-${tag}`,
      code: reg.ticketCode,
      scannedAt: new Date(at).toISOString(),
      direction,
    });
    const synced = await call(`/api/events/${SLUG}/checkins/batch`, {
      method: 'POST',
      headers: { cookie: desk },
      json: {
        deviceId: 'dev-eval',
        deskId: 'Desk 1',
        scans: [scan('in', s!.s - 60_000, 'in'), scan('out', s!.e + 60_000, 'out')],
      },
    });
    expect(synced.status).toBe(200);
    expect((await view(reg)).body.state).toBe('open');
    expect((await cancelTicket(reg)).status).toBe(200);
    expect((await view(reg)).body.state).toBe('not_eligible');
    const refused = await answer(reg, 'event', 'overall', 5, 'zh-CN');
    expect(refused.status).toBe(403);
    // The reason names the cancelled registration too, not only absence.
    expect(refused.body.error).toEqual({
      code: 'not_eligible',
      message: '只有到场参会且报名仍有效的人员才能填写此评价。',
    });
    expect(await dbRows(`SELECT * FROM evaluation_answers WHERE registration_id = ?`, reg.id)).toEqual([]);
  });
});

describe('answers', () => {
  it('are saved one at a time, and saving again replaces the earlier answer', async () => {
    const first = await answer(present, 'person:per_next_zhang@ses_next_panel', 'content', 2);
    expect(first.status).toBe(200);
    expect(first.body.saved).toBe(true);
    const again = await answer(present, 'person:per_next_zhang@ses_next_panel', 'content', 5);
    expect(again.status).toBe(200);
    // D1 bills rows written: an answer is one row (no index beside the key), new or replaced.
    for (const r of [first, again])
      expect(r.headers.get('server-timing')).toMatch(/round_trips=1 rows_read=\d+ rows_written=1"/);
    expect((await answer(present, 'person:per_next_zhang@ses_next_panel', 'comment', '  讲得很清楚  ')).status).toBe(
      200,
    );
    const v = await view(present);
    expect(v.body.answers['person:per_next_zhang@ses_next_panel']).toEqual({ content: 5, comment: '讲得很清楚' });
    const rows = await dbRows(
      `SELECT score FROM evaluation_answers WHERE registration_id = ? AND target = ? AND aspect = 'content'`,
      present.id,
      'person:per_next_zhang@ses_next_panel',
    );
    expect(rows).toEqual([{ score: 5 }]);
    // An emptied comment goes away.
    await answer(present, 'person:per_next_zhang@ses_next_panel', 'comment', '');
    expect((await view(present)).body.answers['person:per_next_zhang@ses_next_panel']).toEqual({ content: 5 });
  });

  it.each([
    [6, 'rating_out_of_range'],
    [0, 'rating_out_of_range'],
    [3.5, 'rating_out_of_range'],
  ])('refuses a rating of %s with a clear error', async (value, code) => {
    const r = await answer(present, 'item:ses_next_panel', 'content', value);
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code, message: 'Rate from 1 to 5.', fields: { value: 'Rate from 1 to 5.' } });
    const zh = await answer(present, 'item:ses_next_panel', 'content', value, 'zh-CN');
    expect(zh.body.error.message).toBe('请打 1 到 5 分。');
  });

  it('refuses an unknown target or an aspect the target does not have', async () => {
    const unknown = await answer(present, 'person:per_nobody@ses_next_panel', 'content', 4);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('unknown_target');
    expect(unknown.body.error.fields).toHaveProperty('target');
    const host = await answer(present, 'item:ses_next_break', 'content', 4);
    expect(host.body.error.code).toBe('unknown_target');
    expect(host.headers.get('server-timing')).toMatch(/rows_written=0"/);
    const stray = await dbRows(
      `SELECT target FROM evaluation_answers WHERE registration_id = ? AND target IN ('item:ses_next_break', 'person:per_nobody@ses_next_panel')`,
      present.id,
    );
    expect(stray).toEqual([]);
    const aspect = await answer(present, 'item:ses_next_panel', 'overall', 4);
    expect(aspect.status).toBe(422);
    expect(aspect.body.error.fields).toHaveProperty('aspect');
    const words = await answer(present, 'item:ses_next_panel', 'comment', 5);
    expect(words.status).toBe(400);
    const long = await answer(present, 'item:ses_next_panel', 'comment', 'x'.repeat(2001));
    expect(long.status).toBe(400);
  });
});

describe('the assessment', () => {
  it('keeps the draft per question, and refuses a question it does not have', async () => {
    const saved = await call(`/api/tickets/${present.ticketCode}/assessment/draft`, {
      method: 'PUT',
      json: { questionId: 'q3', choices: [0, 2] },
    });
    expect(saved.status).toBe(200);
    expect((await view(present)).body.assessment.draft).toEqual({ q3: [0, 2] });
    const unknown = await call(`/api/tickets/${present.ticketCode}/assessment/draft`, {
      method: 'PUT',
      json: { questionId: 'q9', choices: [0] },
    });
    expect(unknown.status).toBe(422);
    expect((unknown.body as any).error.code).toBe('unknown_question');
    const badChoice = await attempt(present, { q1: [7] });
    expect(badChoice.status).toBe(422);
    expect(badChoice.body.error.fields).toHaveProperty('answers.q1');
  });

  it('scores below the pass mark as a fail, and eligibility names the assessment: not taken, then not passed', async () => {
    const reasonOf = async (lang: string) => {
      const report = await call(`/api/events/${SLUG}/attendance?limit=500&lang=${lang}`, { headers: { cookie: org } });
      return (report.body as any).registrations.find((x: any) => x.id === present.id).reason as string;
    };
    expect(await reasonOf('zh-CN')).toContain('未参加考核');
    expect(await reasonOf('en')).toContain('assessment not taken');
    const r = await attempt(present, TWO_RIGHT);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ scorePercent: 50, passed: false, triesLeft: 1, certificate: null });
    const report = await call(`/api/events/${SLUG}/attendance?limit=500&lang=zh-CN`, { headers: { cookie: org } });
    const me = (report.body as any).registrations.find((x: any) => x.id === present.id);
    expect(me.eligible).toBe(false);
    expect(me.reason).toContain('考核未通过');
    const en = await call(`/api/events/${SLUG}/attendance?limit=500&lang=en`, { headers: { cookie: org } });
    expect((en.body as any).registrations.find((x: any) => x.id === present.id).reason).toContain(
      'assessment not passed',
    );
  });

  it('passes at exactly the pass mark, and the certificate is issued at once when certificates are out', async () => {
    // The organiser has issued the attendee certificates: nobody passed yet, so nobody got one.
    const issued = await call(
      `/api/events/${SLUG}/certificates?limit=50`,
      { method: 'POST', headers: { cookie: org } },
      bindings,
    );
    expect(issued.status).toBe(200);
    const before = await call(`/api/tickets/${present.ticketCode}/certificates`);
    expect((before.body as any).certificates).toEqual([]);
    const r = await attempt(present, THREE_RIGHT);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ scorePercent: 75, passed: true, triesLeft: 0 });
    expect(r.body.certificate).toMatchObject({ status: 'pending' });
    const after = await call(`/api/tickets/${present.ticketCode}/certificates`);
    expect((after.body as any).certificates).toEqual([
      expect.objectContaining({ number: r.body.certificate.number, kind: 'credit' }),
    ]);
    expect((await view(present)).body).toMatchObject({
      assessment: { passed: true, triesLeft: 0, draft: {} },
      certificate: { number: r.body.certificate.number },
    });
    const again = await attempt(present, ALL_RIGHT);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_passed');
  });

  it('gives no certificate to someone who passes without the attendance', async () => {
    await putForm({ audience: 'everyone', assessment });
    await setEventEnd(Date.now() - 60_000);
    const r = await attempt(absent, ALL_RIGHT);
    expect(r.body).toMatchObject({ passed: true, certificate: null });
    await putForm({ audience: 'attended', assessment });
    await setEventEnd(eventEnd);
  });

  it('lets racing attempts from one registration take no more tries than allowed', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => attempt(racer, TWO_RIGHT)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'no_tries_left')).toBe(true);
    const rows = await dbRows(`SELECT n FROM assessment_attempts WHERE registration_id = ? ORDER BY n`, racer.id);
    expect(rows).toEqual([{ n: 1 }, { n: 2 }]);
    const last = await attempt(racer, ALL_RIGHT);
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('no_tries_left');
    expect((await view(racer)).body.assessment.triesLeft).toBe(0);
  });
});

describe('results', () => {
  beforeAll(async () => {
    const panel = 'person:per_next_zhang@ses_next_panel';
    const ratings = [4, 3, 5];
    for (const [i, r] of raters.entries()) {
      expect((await answer(r, panel, 'content', ratings[i]!)).status).toBe(200);
      expect((await answer(r, panel, 'comment', `意见${i + 1}`)).status).toBe(200);
      expect((await answer(r, 'event', 'overall', 4)).status).toBe(200);
      expect((await answer(r, 'person:per_next_li@ses_next_panel', 'content', 2)).status).toBe(200);
    }
    await answer(english, 'person:per_next_li@ses_next_panel', 'comment', 'Too fast, slides unreadable');
    await answer(english, 'item:ses_next_panel', 'delivery', 1);
  });

  it('shows the response rate, averages with 1–5 distributions, the pass rate and the most missed question', async () => {
    const r = await organiser('/results');
    expect(r.status).toBe(200);
    // Attended: present, english, inOnly, racer and three raters; responded: present, english, raters (and the absent
    // person answered while the organiser had widened it).
    expect(r.body.eligible).toBe(7);
    expect(r.body.responded).toBe(6);
    expect(r.body.responseRate).toBe(85.7);
    expect(r.body.overall).toEqual({ avg: 3.75, n: 4, dist: [0, 0, 1, 3, 0] });
    const zhang = r.body.targets.find((t: any) => t.key === 'person:per_next_zhang@ses_next_panel');
    expect(zhang.aspects.content).toEqual({ avg: 4.25, n: 4, dist: [0, 0, 1, 1, 2] });
    expect(zhang.n).toBe(4);
    expect(r.body.targets.find((t: any) => t.key === 'item:ses_next_panel').aspects.delivery.dist).toEqual([
      1, 0, 0, 0, 0,
    ]);
    // Attempts: present (fail, pass), absent (pass), racer (two fails): 3 people tried, 2 passed.
    expect(r.body.assessment).toMatchObject({ attempted: 3, passed: 2, passRate: 66.7, attempts: 5 });
    expect(r.body.assessment.questions[0].id).toBe('q4');
    expect(r.body.assessment.questions[0].missedRate).toBe(80);
  });

  it('lists comments without names, filtered by target or words', async () => {
    const all = await organiser('/comments');
    expect(all.status).toBe(200);
    expect(all.body.comments.map((c: any) => c.text).sort()).toEqual(
      ['Too fast, slides unreadable', '意见1', '意见2', '意见3'].sort(),
    );
    const text = JSON.stringify(all.body);
    for (const name of ['John Smith', '评价人1', 'ev-rater']) expect(text).not.toContain(name);
    const li = await organiser(`/comments?target=${encodeURIComponent('person:per_next_li@ses_next_panel')}`);
    expect(li.body.comments.map((c: any) => c.text)).toEqual(['Too fast, slides unreadable']);
    const words = await organiser(`/comments?q=${encodeURIComponent('意见2')}`);
    expect(words.body.comments).toHaveLength(1);
    const paged = await organiser('/comments?limit=3');
    expect(paged.body.comments).toHaveLength(3);
    expect(paged.body.next).toBe(3);
    expect((await organiser('/comments?limit=3&cursor=3')).body.comments).toHaveLength(1);
  });

  it('exports a CSV in Chinese or English, with no respondent names', async () => {
    const zh = await organiser('/results.csv?lang=zh-CN');
    expect(zh.status).toBe(200);
    expect(zh.headers.get('content-type')).toContain('text/csv');
    const zt = zh.body as unknown as string;
    // The BOM (for Excel) is read away as the text is decoded.
    expect(zt.startsWith('类别,对象,日程,方面,人数,平均分')).toBe(true);
    expect(zt).toContain('讲者');
    expect(zt).toContain('意见2');
    const en = (await organiser('/results.csv?lang=en')).body as unknown as string;
    expect(en.startsWith('Kind,Target,Agenda item,Aspect,Responses,Average')).toBe(true);
    expect(en).toContain('Pass rate');
    for (const name of ['John Smith', '评价人1', '张晓林']) {
      expect(zt).not.toContain(name);
      expect(en).not.toContain(name);
    }
  });
});

describe('speaker reports', () => {
  it('are anonymous, and show comments only from three responses', async () => {
    const r = await organiser('/speakers');
    expect(r.status).toBe(200);
    const zhang = r.body.speakers.find((s: any) => s.personId === 'per_next_zhang');
    const li = r.body.speakers.find((s: any) => s.personId === 'per_next_li');
    expect(zhang).toMatchObject({ n: 4, commentsShown: true, averages: { content: 4.25 } });
    expect(li).toMatchObject({ n: 4, commentsShown: true });
    const jin = r.body.speakers.find((s: any) => s.personId === 'per_next_jin');
    expect(jin).toMatchObject({ n: 0, commentsShown: false });
  });

  it('go to each rated speaker through the outbox, and each sees theirs in the portal', async () => {
    const sent = await call(`/api/events/${SLUG}/evaluation/speakers/send`, {
      method: 'POST',
      headers: { cookie: org },
    });
    expect(sent.status).toBe(202);
    const mails = await dbRows(
      `SELECT "to", text, message_id AS messageId FROM emails WHERE kind = 'message' AND message_id = ?`,
      (sent.body as any).message.id,
    );
    // Rated people with an email address: Zhang and Li (Jin got no ratings).
    expect(mails.map((m) => m.to).sort()).toEqual(['li.yan@example.org', 'zhang.jianglin@example.org']);
    const zhangMail = mails.find((m) => m.to === 'zhang.jianglin@example.org')!;
    expect(zhangMail.text).toContain('4.25');
    for (const name of ['John Smith', '评价人1']) expect(zhangMail.text).not.toContain(name);
    // Chinese lines take a full-width colon.
    expect(zhangMail.text).toMatch(/[\u4e00-\u9fff]：\d\.\d\d\n/);
    expect(zhangMail.text).not.toMatch(/[\u4e00-\u9fff]: /);
    const token = zhangMail.text.match(/\/portal\/([A-Za-z0-9_-]{22})/)![1];
    const portal = await call(`/api/portal/${token}/feedback`);
    expect(portal.status).toBe(200);
    const body = portal.body as any;
    expect(body.n).toBe(4);
    expect(body.items).toHaveLength(1);
    expect(body.items[0].aspects.content.avg).toBe(4.25);
    expect(body.items[0].comments.sort()).toEqual(['意见1', '意见2', '意见3']);
    expect(JSON.stringify(body)).not.toContain('评价人');
  });

  it('hide comments when fewer than three people rated the speaker', async () => {
    // Jin's first two ratings: two respondents, a comment, and no comments shown.
    await answer(raters[0]!, 'person:per_next_jin@ses_next_breakthroughs', 'content', 5);
    await answer(raters[0]!, 'person:per_next_jin@ses_next_breakthroughs', 'comment', '只有两人');
    await answer(raters[1]!, 'person:per_next_jin@ses_next_panel', 'content', 4);
    const two = (await organiser('/speakers')).body.speakers.find((s: any) => s.personId === 'per_next_jin');
    expect(two).toMatchObject({ n: 2, commentsShown: false });
    await answer(raters[2]!, 'person:per_next_jin@ses_next_panel', 'delivery', 4);
    const three = (await organiser('/speakers')).body.speakers.find((s: any) => s.personId === 'per_next_jin');
    expect(three).toMatchObject({ n: 3, commentsShown: true });
  });
});

describe('the email with the link', () => {
  it('goes once to each registration that may answer, in its language, however often the cron runs', async () => {
    await env.DB.prepare(`DELETE FROM emails WHERE kind = 'evaluation'`).run();
    const queued = await sendEvaluationInvitations(env as never, Date.now(), 'https://colloquy.example');
    const mails = await dbRows(
      `SELECT registration_id AS id, locale, subject, text FROM emails WHERE kind = 'evaluation'`,
    );
    const ids = mails.map((m) => m.id).sort();
    // Signed out: present, english, racer and the raters. Not the absent one, not the one still signed in.
    expect(ids).toEqual([present.id, english.id, racer.id, ...raters.map((r) => r.id)].sort());
    expect(queued).toBe(ids.length);
    const en = mails.find((m) => m.id === english.id)!;
    expect(en.locale).toBe('en');
    expect(en.subject).toContain('Your evaluation');
    expect(en.text).toContain(`https://colloquy.example/t/${english.ticketCode}/evaluation`);
    expect(mails.find((m) => m.id === present.id)!.subject).toContain('请评价');
    expect(mails.find((m) => m.id === present.id)!.text).toContain(`打开评价：https://colloquy.example/t/`);
    expect(en.text).toContain('Open the evaluation: https://');
    expect(await sendEvaluationInvitations(env as never, Date.now(), 'https://colloquy.example')).toBe(0);
    // The event ends: the one who only signed in may answer now, and gets theirs; still one each.
    await setEventEnd(Date.now() - 60_000);
    expect(await sendEvaluationInvitations(env as never, Date.now(), 'https://colloquy.example')).toBe(1);
    expect(await sendEvaluationInvitations(env as never, Date.now(), 'https://colloquy.example')).toBe(0);
    const per = await dbRows(
      `SELECT registration_id, count(*) AS n FROM emails WHERE kind = 'evaluation' GROUP BY registration_id HAVING n > 1`,
    );
    expect(per).toEqual([]);
    await setEventEnd(eventEnd);
  });
});

describe('the window', () => {
  it('closes the set number of days after the event ends', async () => {
    await setEventEnd(Date.now() - 8 * 86_400_000);
    expect((await view(english)).body.state).toBe('closed');
    const r = await answer(english, 'event', 'overall', 5, 'zh-CN');
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'evaluation_closed', message: '评价已截止。' });
    const a = await attempt(english, ALL_RIGHT);
    expect(a.body.error.code).toBe('evaluation_closed');
    // Ten days: open again.
    await putForm({ closesAfterDays: 10, assessment });
    expect((await view(english)).body.state).toBe('open');
    await setEventEnd(eventEnd);
  });
});

describe('the privacy purge', () => {
  it('erases the comments and the unfinished assessment answers, and keeps the scores', async () => {
    await setEventEnd(Date.now() - 31 * 86_400_000);
    const before = await organiser('/results');
    expect((await organiser('/comments')).body.comments.length).toBeGreaterThan(0);
    const purged = await call(`/api/events/${SLUG}/purge`, {
      method: 'POST',
      headers: { cookie: org },
      json: { confirm: SLUG },
    });
    expect(purged.status).toBe(200);
    // Free text can name anyone; after the retention period it goes, like the registrations' names.
    expect((await organiser('/comments')).body.comments).toEqual([]);
    expect((await organiser('/results.csv?lang=en')).body).not.toContain('意见2');
    const left = await dbRows(
      `SELECT count(*) AS n FROM evaluation_answers WHERE event_id = ? AND (text IS NOT NULL OR target = '~draft')`,
      UPCOMING_EVENT_ID,
    );
    expect(left[0]!.n).toBe(0);
    // The averages the programme committee reads stay.
    const after = await organiser('/results');
    expect(after.body.overall).toEqual(before.body.overall);
    expect(after.body.targets).toEqual(before.body.targets);
    await setEventEnd(eventEnd);
  });
});
