// The record `npm start` seeds for the January seminar (schema/seed/showcase.ts), read back as the organiser sees it:
// the settings pass the app's own validators, credits and reasons come out of the rule, the evaluation has its
// results, certificates issue to exactly the eligible, and the seed runs twice without duplicating anything.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EVENT_ID, DEMO_SLUG } from '../../schema/seed/demo';
import { showcaseCme, showcaseEvaluation, showcaseStatements } from '../../schema/seed/showcase';
import { cmeInput } from '../../worker/cme/input';
import { formInput } from '../../worker/evaluation/input';
import { CLINICAL_PRESET } from '../../worker/questions/preset';
import { call, signIn } from './helpers';

const quiet = { send: async () => {}, sendBatch: async () => {} };
const bindings = { CERTIFICATES: quiet as never, OUTBOX: quiet as never };
type Row = { id: string; name: string; eligible: boolean; credits: number; lecturerCredits: number; reason: string };

let org: string;
const seed = () => env.DB.batch(showcaseStatements(CLINICAL_PRESET).map((s) => env.DB.prepare(s)));
const report = async (lang: 'zh-CN' | 'en') => {
  const r = await call(`/api/events/${DEMO_SLUG}/attendance?limit=500&lang=${lang}`, { headers: { cookie: org } });
  expect(r.status).toBe(200);
  return new Map(((r.body as any).registrations as Row[]).map((x) => [x.name, x]));
};

beforeAll(async () => {
  await seed();
  org = await signIn('organiser@colloquy.test');
});

describe('the January seminar as npm start seeds it', () => {
  it('stores settings the console itself would accept, unchanged by parsing', () => {
    expect(cmeInput.parse(showcaseCme)).toEqual(showcaseCme);
    expect(formInput.parse(showcaseEvaluation)).toEqual(showcaseEvaluation);
  });

  it('asks the CME office questions, and each attendee has answered them', async () => {
    const page = await call(`/api/events/${DEMO_SLUG}`);
    expect((page.body as any).event.questions.map((x: any) => x.id)).toEqual(CLINICAL_PRESET.map((x) => x.id));
    const roster = await call(`/api/events/${DEMO_SLUG}/attendance.csv?lang=zh-CN`, { headers: { cookie: org } });
    expect(roster.status).toBe(200);
    const line = String(roster.body)
      .split('\r\n')
      .find((l) => l.includes('韩冰'));
    expect(line).toContain('风湿免疫科');
    expect(line).toContain('主治医师');
  });

  it('gives each pattern of the day its credit and its reason, in both languages', async () => {
    const zh = await report('zh-CN');
    // 30 registered, one cancelled; the speaker and the three panel guests on their badges.
    expect(zh.size).toBe(33);
    const eligible = [...zh.values()].filter((r) => r.eligible);
    expect(eligible.length).toBe(23);
    expect(zh.get('王丽华')).toMatchObject({ eligible: true, credits: 1, reason: '在场 160/160 分钟（100%）' });
    expect(zh.get('Emily Carter')).toMatchObject({ eligible: true, credits: 1, reason: '在场 153/160 分钟（95%）' });
    expect(zh.get('韩冰')!.reason).toBe(
      '《细胞治疗在自身免疫性疾病中的突破：从研究到临床》迟到 30 分钟；在场 130/160 分钟（81%）',
    );
    expect(zh.get('曹阳')!.reason).toMatch(
      /提前 5 分钟离开；《病例分享.*》未在场（20 分钟）；《专家讨论.*》未在场（45 分钟）/,
    );
    expect(zh.get('彭亮')).toMatchObject({ eligible: false, reason: '全场未签退；在场 0/160 分钟（0%）' });
    expect(zh.get('许文')).toMatchObject({ eligible: true, credits: 1 });
    expect(zh.get('谢婉')).toMatchObject({ eligible: false, reason: '在场 160/160 分钟（100%）；考核未通过' });
    expect(zh.get('沈超')!.reason).toBe('未签到；在场 0/160 分钟（0%）；未参加考核');
    expect(zh.get('金京玉')).toMatchObject({ lecturerCredits: 2.5 });
    expect(zh.get('张江林')).toMatchObject({ lecturerCredits: 0.5 });
    const en = await report('en');
    expect(en.get('谢婉')!.reason).toBe('present 160 of 160 minutes (100 %); assessment not passed');
    expect(en.get('沈超')!.reason).toBe('not signed in; present 0 of 160 minutes (0 %); assessment not taken');
  });

  it('tells each attendee on their ticket whether they earned the credit, and why not, in the page’s language', async () => {
    const creditOf = async (n: string, lang = 'zh-CN') =>
      (await call(`/api/tickets/demo-att-${n}-9fTq4Lm2/certificates`, { headers: { 'accept-language': lang } })).body
        .credit;
    expect(await creditOf('01')).toEqual({
      eligible: true,
      credits: 1,
      reason: '在场 160/160 分钟（100%）',
      decidedByOrganiser: false,
    });
    expect(await creditOf('27')).toMatchObject({
      eligible: false,
      credits: 0,
      reason: '在场 160/160 分钟（100%）；考核未通过',
    });
    expect((await creditOf('23', 'en'))?.reason).toMatch(
      /^left “Clinical efficacy and safety” 5 minutes early; absent from/,
    );
    // The override's note is the organiser's; the attendee is told it was their decision.
    expect(await creditOf('25')).toEqual({ eligible: true, credits: 1, reason: '', decidedByOrganiser: true });
    // A speaker's badge (teaching certificates speak for them) and the upcoming edition's tickets get none.
    const speaker = await call('/api/tickets/demo-jin-badge-7Kq2xVw9/certificates');
    expect(speaker.body.credit).toBeNull();
  });

  it('shows the override in the audit log with its reason', async () => {
    const audit = await env.DB.prepare(
      `SELECT count(*) AS n FROM audit WHERE event_id = ? AND action = 'attendance.override'`,
    )
      .bind(DEMO_EVENT_ID)
      .first<{ n: number }>();
    expect(audit!.n).toBe(1);
  });

  it('has evaluation results: responses, ratings and the assessment', async () => {
    const r = await call(`/api/events/${DEMO_SLUG}/evaluation/results`, { headers: { cookie: org } });
    expect(r.status).toBe(200);
    const b = r.body as any;
    expect(b.configured).toBe(true);
    expect(b.eligible).toBe(31); // everyone who signed in: 27 attendees and 4 on the programme
    expect(b.responded).toBe(18);
    expect(b.overall.n).toBe(18);
    expect(b.overall.avg).toBeGreaterThanOrEqual(4);
    expect(b.assessment).toMatchObject({ attempted: 27, passed: 26 });
    expect(b.assessment.questions[0].id).toBe('safety');
  });

  it('issues certificates to exactly the eligible, and a teaching certificate to each lecturer', async () => {
    const issued = await call(
      `/api/events/${DEMO_SLUG}/certificates?limit=50`,
      {
        method: 'POST',
        headers: { cookie: org },
      },
      bindings,
    );
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ issued: 27 });
    const list = await call(`/api/events/${DEMO_SLUG}/certificates`, { headers: { cookie: org } });
    const certs = (list.body as any).certificates as { kind: string; holderName: string; credits: number }[];
    // Class II: a 参会证明 (attendance), not a class I 学分证书.
    const attendee = certs.filter((c) => c.kind === 'attendance');
    expect(attendee.length).toBe(23);
    expect(attendee.map((c) => c.holderName)).toContain('许文');
    expect(attendee.map((c) => c.holderName)).not.toContain('谢婉');
    expect(certs.filter((c) => c.kind === 'teaching').map((c) => [c.holderName, c.credits])).toEqual(
      expect.arrayContaining([
        ['金京玉', 2.5],
        ['张江林', 0.5],
      ]),
    );
  });

  it('runs again without adding a row', async () => {
    const count = () =>
      env.DB.prepare(
        `SELECT (SELECT count(*) FROM registrations) + (SELECT count(*) FROM attendance_scans) + (SELECT count(*) FROM evaluation_answers) + (SELECT count(*) FROM assessment_attempts) + (SELECT count(*) FROM audit WHERE action = 'attendance.override') AS n`,
      ).first<{ n: number }>();
    const before = (await count())!.n;
    await seed();
    expect((await count())!.n).toBe(before);
  });
});
