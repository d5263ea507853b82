// Where answers go: the console list and its filter, the CSV, the desk's result and offline snapshot, badges and
// message placeholders; a sensitive answer is masked in every one of them.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { giveStaffRoles, makeEvent, person } from './fixtures';
import { call, signIn } from './helpers';
import { answerCellsFor } from '../../worker/questions/export';
import type { Question } from '../../worker/questions/model';

let org: string;
let desk: string;
let slug: string;
const regs: Record<string, { id: string; ticketCode: string }> = {};
const l = (zh: string, en: string) => ({ zh, en });
const ID = '11010119900101123X';

beforeAll(async () => {
  const ev = await makeEvent(50);
  slug = ev.slug;
  await giveStaffRoles(ev.id, { desk: true });
  org = await signIn('organiser@colloquy.test');
  desk = await signIn('desk@colloquy.test');
  const preset = await call(`/api/events/${slug}/questions/clinical-preset`, {
    method: 'POST',
    headers: { cookie: org },
    json: {},
  });
  const questions = [
    ...preset.body.questions,
    { id: 'diet', type: 'short_text', label: l('饮食', 'Diet') },
    { id: 'id_number', type: 'short_text', label: l('身份证号', 'ID number'), sensitive: true, desk: true },
  ];
  expect(
    (await call(`/api/events/${slug}/questions`, { method: 'PUT', headers: { cookie: org }, json: { questions } }))
      .status,
  ).toBe(200);
  const answers = (department: string, title: string) => ({
    department,
    professional_title: title,
    practice_category: 'clinical',
    cme_number: 'CME-2026-0001',
    diet: '清真',
    id_number: ID,
  });
  for (const [key, dept, title] of [
    ['a', '心血管内科', 'attending_physician'],
    ['b', '风湿免疫科', 'chief_physician'],
  ] as const) {
    const res = await call(`/api/events/${slug}/registrations`, {
      method: 'POST',
      json: person(`rd-${key}`, { answers: answers(dept, title), sensitiveConsent: ['id_number'] }),
    });
    expect(res.status).toBe(201);
    regs[key] = res.body.registration;
  }
  // diet is removed after people answered it.
  await call(`/api/events/${slug}/questions`, {
    method: 'PUT',
    headers: { cookie: org },
    json: { questions: questions.filter((q) => q.id !== 'diet') },
  });
});

describe('the console', () => {
  it('lists the answers with the sensitive one masked, and filters by an answer', async () => {
    const list = await call(`/api/events/${slug}/registrations`, { headers: { cookie: org } });
    expect(list.status).toBe(200);
    const a = list.body.registrations.find((r: { id: string }) => r.id === regs.a!.id);
    expect(a!.answers).toMatchObject({ department: '心血管内科', professional_title: 'attending_physician' });
    expect(a!.answers.id_number).toBe('**************123X');
    expect(JSON.stringify(list.body)).not.toContain(ID);
    const byTitle = await call(`/api/events/${slug}/registrations?question=professional_title&answer=chief_physician`, {
      headers: { cookie: org },
    });
    expect(byTitle.body.registrations.map((r: { id: string }) => r.id)).toEqual([regs.b!.id]);
    const byDept = await call(
      `/api/events/${slug}/registrations?question=department&answer=${encodeURIComponent('心血管')}`,
      {
        headers: { cookie: org },
      },
    );
    expect(byDept.body.total).toBe(1);
    // No guessing a sensitive answer through the filter: it is ignored.
    const bySecret = await call(`/api/events/${slug}/registrations?question=id_number&answer=1101`, {
      headers: { cookie: org },
    });
    expect(bySecret.body.total).toBe(2);
  });

  it('exports one column per question in the organiser language, the removed one marked, the sensitive one masked', async () => {
    const zh = await call(`/api/events/${slug}/registrations.csv?lang=zh-CN`, { headers: { cookie: org } });
    const [header, first] = (zh.body as string).replace('\uFEFF', '').split('\r\n');
    expect(header!.split(',').slice(-6)).toEqual([
      '科室',
      '职称',
      '执业类别',
      '继续医学教育卡号',
      '身份证号',
      '饮食（已删除）',
    ]);
    expect(first!.split(',').slice(-6)).toEqual([
      '心血管内科',
      '主治医师',
      '临床',
      'CME-2026-0001',
      '**************123X',
      '清真',
    ]);
    expect(zh.body).not.toContain(ID);
    const en = await call(`/api/events/${slug}/registrations.csv?lang=en`, { headers: { cookie: org } });
    const [enHeader, enFirst] = (en.body as string).replace('\uFEFF', '').split('\r\n');
    expect(enHeader!.split(',').slice(-6)).toEqual([
      'Department',
      'Professional title',
      'Practice category',
      'CME card number',
      'ID number',
      'Diet (removed)',
    ]);
    expect(enFirst!.split(',').slice(-5, -3)).toEqual(['Attending physician', 'Clinical medicine']);
  });
});

describe('the desk', () => {
  it("shows the answers the organiser chose (科室) on a scan's result, the sensitive one masked", async () => {
    const res = await call(`/api/events/${slug}/checkins`, {
      method: 'POST',
      headers: { cookie: desk },
      json: { code: regs.a!.ticketCode, deviceId: 'd1', clientId: 'q-1', deskId: 'Desk 1' },
    });
    expect(res.status).toBe(200);
    expect(res.body.result).toBe('checked_in');
    expect(res.body.registration?.details).toEqual([
      { id: 'department', label: { zh: '科室', en: 'Department' }, text: { zh: '心血管内科', en: '心血管内科' } },
      {
        id: 'id_number',
        label: { zh: '身份证号', en: 'ID number' },
        text: { zh: '**************123X', en: '**************123X' },
      },
    ]);
  });

  it('carries the same lines in the offline snapshot, and badges get the department', async () => {
    const snap = await call(`/api/events/${slug}/checkins/snapshot`, { headers: { cookie: desk } });
    const b = snap.body.tickets.find((t: { id: string }) => t.id === regs.b!.id);
    expect(b!.details?.[0]).toMatchObject({ id: 'department', text: { zh: '风湿免疫科' } });
    expect(JSON.stringify(snap.body)).not.toContain(ID);
    const badges = await call(`/api/events/${slug}/badges`, { headers: { cookie: desk } });
    expect(badges.body.badges.map((x: { department: string }) => x.department).sort()).toEqual([
      '心血管内科',
      '风湿免疫科',
    ]);
  });
});

describe('message placeholders', () => {
  it('{{answer.<id>}} fills in each recipient answer, masked when sensitive; an unknown id is refused', async () => {
    const preview = await call(`/api/events/${slug}/messages/preview`, {
      method: 'POST',
      headers: { cookie: org },
      json: {
        audience: { type: 'ids', ids: [regs.a!.id] },
        subject: '{{answer.department}}的{{name}}',
        body: '职称：{{answer.professional_title}}，证件：{{answer.id_number}}',
      },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.preview?.subject).toBe('心血管内科的参会者 rd-a');
    // The plain-text part: the event's title, the message, the footer.
    expect(preview.body.preview?.text).toMatch(/^.+\n\n职称：主治医师，证件：\*{14}123X\n\n此邮件由 Colloquy 发送。$/);
    expect(preview.body.preview?.html).toContain('职称：主治医师');
    const bad = await call(`/api/events/${slug}/messages/preview`, {
      method: 'POST',
      headers: { cookie: org, 'accept-language': 'en' },
      json: { audience: { type: 'attendees' }, subject: 'x', body: '{{answer.shoe_size}}' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.body).toContain('{{answer.shoe_size}}');
  });

  it('sending checks answer placeholders against the questions, and fills them in each email', async () => {
    const send = (body: string) =>
      call(`/api/events/${slug}/messages`, {
        method: 'POST',
        headers: { cookie: org, 'accept-language': 'en' },
        json: { audience: { type: 'ids', ids: [regs.b!.id] }, subject: 'Note', body },
      });
    const count = async () =>
      (await env.DB.prepare('SELECT count(*) AS n FROM messages WHERE subject = ?')
        .bind('Note')
        .first<{ n: number }>())!.n;
    const bad = await send('{{answer.shoe_size}}');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.body).toContain('{{answer.shoe_size}}');
    expect(await count()).toBe(0);
    const ok = await send('科室：{{answer.department}}');
    expect(ok.status).toBe(202);
    expect(await count()).toBe(1);
    const { fanOutStep } = await import('../../worker/messages/fanout');
    const m = await env.DB.prepare('SELECT fan_out FROM messages WHERE id = ?')
      .bind(ok.body.message.id)
      .first<{ fan_out: string | null }>();
    if (m?.fan_out) while (!(await fanOutStep(env, ok.body.message.id, JSON.parse(m.fan_out))).done);
    const email = await env.DB.prepare('SELECT text FROM emails WHERE message_id = ?')
      .bind(ok.body.message.id)
      .first<{ text: string }>();
    expect(email?.text).toMatch(/^.+\n\n科室：风湿免疫科\n\n此邮件由 Colloquy 发送。$/);
  });
});

describe('the CME roster', () => {
  it('is the one reader that gets the sensitive answer unmasked', async () => {
    const { rosterAnswers } = await import('../../worker/questions/export');
    const row = await env.DB.prepare(
      'SELECT r.answers, e.questions FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.id = ?',
    )
      .bind(regs.a!.id)
      .first<{ answers: string; questions: string }>();
    expect(rosterAnswers(row!.questions, row!.answers, 'zh-CN')).toMatchObject({
      department: '心血管内科',
      professional_title: '主治医师',
      id_number: ID,
    });
  });
});

describe("the CSV's answer cells, a page at a time", () => {
  const form = [
    { id: 'department', type: 'short_text', label: { zh: '科室', en: 'Department' }, required: false },
    {
      id: 'title',
      type: 'single_choice',
      label: { zh: '职称', en: 'Title' },
      required: false,
      options: [{ value: 'chief', label: { zh: '主任医师', en: 'Chief physician' } }],
    },
    {
      id: 'id_number',
      type: 'short_text',
      label: { zh: '身份证号', en: 'ID number' },
      required: false,
      sensitive: true,
    },
  ] as Question[];

  it('gives one empty cell per question to a registration with no answers, and none when there are no questions', () => {
    const cells = answerCellsFor(form, 'zh-CN');
    expect(cells('{}')).toEqual(['', '', '']);
    expect(cells(null)).toEqual(['', '', '']);
    expect(answerCellsFor([], 'en')('{"department":"x"}')).toEqual([]);
  });

  it('writes choices in the organiser language and masks the sensitive answer, row after row', () => {
    const zh = answerCellsFor(form, 'zh-CN');
    const row = JSON.stringify({ department: '心内科', title: 'chief', id_number: ID });
    expect(zh(row)).toEqual(['心内科', '主任医师', '**************123X']);
    expect(zh('{"department":"风湿免疫科"}')).toEqual(['风湿免疫科', '', '']);
    expect(answerCellsFor(form, 'en')(row)).toEqual(['心内科', 'Chief physician', '**************123X']);
    // Without a sensitive question the answers are read as they are.
    expect(answerCellsFor(form.slice(0, 2), 'en')(row)).toEqual(['心内科', 'Chief physician']);
  });
});
