// The faculty portal: a link opens one person on one event, renewing kills the old link, answers, approval of profile
// changes, the signed disclosure (and its public display), masked bank details, message audiences and reminders.
import { fanOutStep } from '../../worker/messages/fanout';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendFacultyReminders } from '../../worker/faculty/reminders';
import { localDay } from '../../worker/faculty/rules';
import { pdfBytes, pngBytes } from '../fakes/files';
import { call, ORIGIN, signIn } from './helpers';

const NEXT = 'cell-therapy-autoimmune-next';
const DEMO = 'cell-therapy-autoimmune-2026';

let organiser: string;
let otherOrganiser: string;
beforeAll(async () => {
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO staff (id, email, name) VALUES ('stf_fac_other', 'fac-other@colloquy.test', 'Other')`),
  ]);
  organiser = await signIn('organiser@colloquy.test');
  otherOrganiser = await signIn('fac-other@colloquy.test');
});

const PORTAL = /\/portal\/([A-Za-z0-9_-]{22})/;

/** The newest portal link emailed to a person, read from the email text as they would read it. */
async function emailedToken(personId: string): Promise<string> {
  const row = await env.DB.prepare(
    `SELECT text FROM emails WHERE json_extract(payload, '$.personId') = ? ORDER BY created_at DESC LIMIT 1`,
  )
    .bind(personId)
    .first<{ text: string }>();
  const m = row?.text.match(PORTAL);
  if (!m) throw new Error(`no portal link emailed to ${personId}`);
  return m[1]!;
}

async function sendLink(slug: string, personId: string) {
  const sent = await call(`/api/events/${slug}/faculty/${personId}/link`, {
    method: 'POST',
    headers: { cookie: organiser },
  });
  expect(sent.status).toBe(202);
  return emailedToken(personId);
}

const open = (token: string) => call(`/api/portal/${token}`);
const auditOf = async (action: string, personId: string) =>
  (
    await env.DB.prepare(`SELECT staff_id AS staffId, detail FROM audit WHERE action = ? AND detail LIKE ?`)
      .bind(action, `%${personId}%`)
      .all<{ staffId: string | null; detail: string }>()
  ).results;

describe('a portal link', () => {
  it('opens only its own person on its own event, with their sessions and co-panellists', async () => {
    const li = await sendLink(NEXT, 'per_next_li');
    const zhang = await sendLink(NEXT, 'per_next_zhang');
    const liOld = await sendLink(DEMO, 'per_demo_li');

    const mine = await open(li);
    expect(mine.status).toBe(200);
    expect(mine.body.person.nameZh).toBe('李艳');
    expect(mine.body.event.slug).toBe(NEXT);
    expect(mine.body.sessions.map((s) => s.id)).toEqual(['ses_next_panel']);
    const panel = mine.body.sessions[0]!;
    expect(panel.role).toBe('panelist');
    expect(panel.startsAt).toMatch(/T\d\d:\d\d:00\+08:00$/);
    // The co-panellists and the moderator, never the link holder.
    expect(panel.others.map((o) => o.role).sort()).toEqual(['moderator', 'panelist', 'panelist']);
    expect(panel.others.some((o) => o.name.zh === '李艳')).toBe(false);

    expect((await open(zhang)).body.person.nameZh).not.toBe('李艳');
    const lastYear = await open(liOld);
    expect(lastYear.body.event.slug).toBe(DEMO);
    expect(lastYear.body.sessions.map((s) => s.id)).toEqual(['ses_demo_panel']);

    // Another person's session, or the same session of another edition, is not theirs to answer.
    const jinTalk = await call(`/api/portal/${li}/sessions/ses_next_breakthroughs/response`, {
      method: 'POST',
      json: { status: 'confirmed' },
    });
    expect(jinTalk.status).toBe(404);
    const otherEdition = await call(`/api/portal/${li}/sessions/ses_demo_panel/response`, {
      method: 'POST',
      json: { status: 'confirmed' },
    });
    expect(otherEdition.status).toBe(404);
    const untouched = await env.DB.prepare(
      `SELECT count(*) AS n FROM faculty_responses WHERE person_id = 'per_next_li'`,
    ).first<{
      n: number;
    }>();
    expect(untouched?.n).toBe(0);
  });

  it('is a 404 when made up, and only its hash is stored', async () => {
    const token = await sendLink(NEXT, 'per_next_yang');
    expect((await open('AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await open(`${token}x`)).status).toBe(404);
    const stored = await env.DB.prepare(`SELECT token_hash FROM faculty_links WHERE person_id = 'per_next_yang'`).all<{
      token_hash: string;
    }>();
    expect(stored.results.length).toBeGreaterThan(0);
    expect(stored.results.some((r) => r.token_hash === token)).toBe(false);
  });

  it('renewed by the person: the form answers the same for any address, the old link stops working', async () => {
    const old = await sendLink(NEXT, 'per_next_zhang');
    // A minute must pass between two emails to one person: age the last link.
    await env.DB.prepare(
      `UPDATE faculty_links SET created_at = created_at - 120000 WHERE person_id = 'per_next_zhang'`,
    ).run();
    const known = await call('/api/portal/renew', { method: 'POST', json: { email: 'Zhang.Jianglin@example.org' } });
    const unknown = await call('/api/portal/renew', { method: 'POST', json: { email: 'nobody@example.org' } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const fresh = await emailedToken('per_next_zhang');
    expect(fresh).not.toBe(old);
    expect((await open(old)).status).toBe(404);
    expect((await open(fresh)).status).toBe(200);
    expect(await auditOf('faculty.link_renew', 'per_next_zhang')).toHaveLength(1);
  });

  it('renewed by the organiser: the old link stops working, and the send is audited with the organiser', async () => {
    const first = await sendLink(NEXT, 'per_next_jin');
    const second = await sendLink(NEXT, 'per_next_jin');
    expect((await open(first)).status).toBe(404);
    expect((await open(second)).status).toBe(200);
    const sends = await auditOf('faculty.link_send', 'per_next_jin');
    expect(sends.length).toBe(2);
    expect(sends[0]!.staffId).toBe('stf_demo_organiser');
  });
});

describe('answers', () => {
  it('a person confirms or declines each invitation with a note; the board shows it; both are audited', async () => {
    const jin = await sendLink(NEXT, 'per_next_jin');
    const talk = await call(`/api/portal/${jin}/sessions/ses_next_breakthroughs/response`, {
      method: 'POST',
      json: { status: 'confirmed', note: '需要翻页笔' },
    });
    expect(talk.status).toBe(200);
    const panel = await call(`/api/portal/${jin}/sessions/ses_next_panel/response`, {
      method: 'POST',
      json: { status: 'declined', note: 'Another commitment' },
    });
    expect(panel.status).toBe(200);
    const page = (await open(jin)).body;
    expect(page.sessions.find((s) => s.id === 'ses_next_breakthroughs')!.answer).toBe('confirmed');
    expect(page.sessions.find((s) => s.id === 'ses_next_panel')!).toMatchObject({
      answer: 'declined',
      note: 'Another commitment',
    });
    const board = await call(`/api/events/${NEXT}/faculty`, { headers: { cookie: organiser } });
    const row = board.body.people.find((p) => p.id === 'per_next_jin')!;
    expect(row.notes).toContain('需要翻页笔');
    // Jin has four talks: some still open.
    expect(row.invitation).toBe('partly');
    expect(await auditOf('faculty.confirm', 'per_next_jin')).toHaveLength(1);
    expect(await auditOf('faculty.decline', 'per_next_jin')).toHaveLength(1);

    const bad = await call(`/api/portal/${jin}/sessions/ses_next_panel/response`, {
      method: 'POST',
      json: { status: 'maybe' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.status).toBeTruthy();
  });

  it('a note without a choice is refused in the person’s language and answers nothing', async () => {
    const li = await sendLink(NEXT, 'per_next_li');
    const noteOnly = await call(`/api/portal/${li}/sessions/ses_next_panel/response`, {
      method: 'POST',
      json: { note: '需要提前半小时到场' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(noteOnly.status).toBe(400);
    expect(noteOnly.body.error.fields?.status).toBe('请选择确认或婉拒。');
    expect((await open(li)).body.sessions.find((s) => s.id === 'ses_next_panel')!.answer).toBeNull();
    expect(await auditOf('faculty.confirm', 'per_next_li')).toHaveLength(0);
  });

  it('an item that has taken place keeps its answer: answering it afterwards is refused, in the person’s language', async () => {
    const jin = await sendLink(DEMO, 'per_demo_jin');
    const late = await call(`/api/portal/${jin}/sessions/ses_demo_breakthroughs/response`, {
      method: 'POST',
      json: { status: 'declined' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('此日程已经举行，回复保持原样。');
    expect((await open(jin)).body.sessions.find((s) => s.id === 'ses_demo_breakthroughs')!.answer).toBeNull();
    expect(await auditOf('faculty.decline', 'per_demo_jin')).toHaveLength(0);
  });
});

describe('the audience feedback link', () => {
  it('is offered only when the event has an evaluation and it has ended, or someone has already rated the person', async () => {
    const li = await sendLink(NEXT, 'per_next_li');
    const liOld = await sendLink(DEMO, 'per_demo_li');
    // Last year's event has ended but has no evaluation; this year's has not taken place.
    expect((await open(liOld)).body.feedback).toBe(false);
    expect((await open(li)).body.feedback).toBe(false);
    const form = (slug: string) =>
      call(`/api/events/${slug}/evaluation`, { method: 'PUT', headers: { cookie: organiser }, json: {} });
    expect((await form(NEXT)).status).toBe(200);
    expect((await form(DEMO)).status).toBe(200);
    expect((await open(liOld)).body.feedback).toBe(true);
    // Before the event nobody can have rated her yet: no link to an empty page.
    expect((await open(li)).body.feedback).toBe(false);
    // An attendee who signed out early rates her panel: the link comes with the first rating.
    const reg = await env.DB.prepare(
      `SELECT id FROM registrations WHERE event_id = 'evt_next_cell_therapy' AND status = 'confirmed' LIMIT 1`,
    ).first<{ id: string }>();
    await env.DB.prepare(
      `INSERT INTO evaluation_answers (event_id, registration_id, target, aspect, score, at)
        VALUES ('evt_next_cell_therapy', ?, 'person:per_next_li@ses_next_panel', 'content', 4, ?)`,
    )
      .bind(reg!.id, Date.now())
      .run();
    expect((await open(li)).body.feedback).toBe(true);
    expect((await open(await sendLink(NEXT, 'per_next_zhang'))).body.feedback).toBe(false);
  });
});

describe('profile changes', () => {
  it('wait for approval by default; approving puts them on the public page and the badge; rejecting drops them', async () => {
    const yang = await sendLink(NEXT, 'per_next_yang');
    const before = (await open(yang)).body.person;
    const change = { ...before, bioZh: '新的简介', bioEn: 'A new bio' };
    delete (change as { photoUrl?: unknown }).photoUrl;
    const saved = await call(`/api/portal/${yang}/profile`, { method: 'PUT', json: change });
    expect(saved.status).toBe(200);
    expect(saved.body.state).toBe('waiting');
    const publicBefore = await call(`/api/events/${NEXT}`);
    expect(publicBefore.body.event.people.find((p) => p.id === 'per_next_yang')!.bio.zh).toBe(before.bioZh);
    // Only what differs from the live profile waits for review.
    expect((await open(yang)).body.pending).toEqual({ bioZh: '新的简介', bioEn: 'A new bio' });

    const approve = await call(`/api/events/${NEXT}/faculty/per_next_yang/changes`, {
      method: 'POST',
      headers: { cookie: organiser },
      json: { decision: 'approve' },
    });
    expect(approve.status).toBe(200);
    const after = await call(`/api/events/${NEXT}`);
    expect(after.body.event.people.find((p) => p.id === 'per_next_yang')!.bio.en).toBe('A new bio');
    expect((await open(yang)).body.pending).toBeNull();
    expect(await auditOf('faculty.changes_approve', 'per_next_yang')).toHaveLength(1);

    await call(`/api/portal/${yang}/profile`, { method: 'PUT', json: { ...change, institutionZh: '别的医院' } });
    const reject = await call(`/api/events/${NEXT}/faculty/per_next_yang/changes`, {
      method: 'POST',
      headers: { cookie: organiser },
      json: { decision: 'reject' },
    });
    expect(reject.status).toBe(200);
    const page = (await open(yang)).body;
    expect(page.pending).toBeNull();
    expect(page.person.institutionZh).toBe(before.institutionZh);
    const again = await call(`/api/events/${NEXT}/faculty/per_next_yang/changes`, {
      method: 'POST',
      headers: { cookie: organiser },
      json: { decision: 'approve' },
    });
    expect(again.status).toBe(409);
    // An organiser of another event decides nothing here.
    const other = await call(`/api/events/${NEXT}/faculty/per_next_yang/changes`, {
      method: 'POST',
      headers: { cookie: otherOrganiser },
      json: { decision: 'approve' },
    });
    expect(other.status).toBe(403);
  });

  it('go live at once when the organiser says so, badge included', async () => {
    const set = await call(`/api/events/${DEMO}/faculty/settings`, {
      method: 'PUT',
      headers: { cookie: organiser },
      json: { approveChanges: false, reminderDays: [] },
    });
    expect(set.status).toBe(200);
    const zhang = await sendLink(DEMO, 'per_demo_zhang');
    const { photoUrl: _, ...person } = (await open(zhang)).body.person;
    const saved = await call(`/api/portal/${zhang}/profile`, {
      method: 'PUT',
      json: { ...person, nameZh: '张江林', honorificZh: '主任医师' },
    });
    expect(saved.body.state).toBe('live');
    const badge = await env.DB.prepare(
      `SELECT job_title AS jobTitle FROM registrations WHERE person_id = 'per_demo_zhang'`,
    ).first<{
      jobTitle: string;
    }>();
    expect(badge?.jobTitle).toBe('主任医师');
    expect((await open(zhang)).body.pending).toBeNull();
  });

  it('a photo is checked by its bytes and waits like the rest', async () => {
    const li = await sendLink(NEXT, 'per_next_li');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const up = await call(`/api/portal/${li}/photo`, {
      method: 'POST',
      body: png,
      headers: { 'content-type': 'image/png' },
    });
    expect(up.status).toBe(200);
    expect((await open(li)).body.pending?.photoUrl).toMatch(/^\/api\/photos\/evt_next_cell_therapy\/per_next_li\//);
    const text = await call(`/api/portal/${li}/photo`, {
      method: 'POST',
      body: 'not an image',
      headers: { 'content-type': 'image/png' },
    });
    expect(text.status).toBe(415);
  });
});

describe('the disclosure', () => {
  const valid = {
    nothing: false,
    items: [{ company: 'Kite Pharma', relationship: 'consultant', status: 'ongoing' }],
    offLabel: '',
    signature: '李艳',
  };

  it('refuses a bad relationship type, a missing or wrong signature, and nothing-to-disclose with entries', async () => {
    const li = await sendLink(NEXT, 'per_next_li');
    const put = (json: unknown) =>
      call(`/api/portal/${li}/disclosure`, { method: 'PUT', json, headers: { 'accept-language': 'zh-CN' } });
    const badType = await put({ ...valid, items: [{ ...valid.items[0], relationship: 'friend' }] });
    expect(badType.status).toBe(400);
    expect(badType.body.error.fields?.['items.0.relationship']).toBe('请选择关系类型。');
    const unsigned = await put({ ...valid, signature: '' });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.error.fields?.signature).toBe('请输入您的姓名以签署。');
    const wrongName = await put({ ...valid, signature: '张三' });
    expect(wrongName.status).toBe(400);
    expect(wrongName.body.error.fields?.signature).toBeTruthy();
    const both = await put({ ...valid, nothing: true });
    expect(both.status).toBe(400);
    expect(both.body.error.fields?.items).toBeTruthy();
    const neither = await put({ ...valid, items: [] });
    expect(neither.status).toBe(400);
    // Nothing was stored, so the public agenda shows no disclosure yet.
    const event = await call(`/api/events/${NEXT}`);
    const panel = event.body.event.sessions.find((s) => s.id === 'ses_next_panel')!;
    expect(panel.people.find((p) => p.id === 'per_next_li')!.disclosure).toBeNull();
  });

  it('once signed, shows beside the talk on the public agenda, with the date; nothing-to-disclose too', async () => {
    const li = await sendLink(NEXT, 'per_next_li');
    const signed = await call(`/api/portal/${li}/disclosure`, {
      method: 'PUT',
      json: { ...valid, signature: ' 李 艳 ' },
    });
    expect(signed.status).toBe(200);
    expect(signed.body.signedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const yang = await sendLink(NEXT, 'per_next_yang');
    const none = await call(`/api/portal/${yang}/disclosure`, {
      method: 'PUT',
      json: { nothing: true, items: [], offLabel: '', signature: 'Yang Chunhua' },
    });
    expect(none.status).toBe(200);
    const event = await call(`/api/events/${NEXT}`);
    const panel = event.body.event.sessions.find((s) => s.id === 'ses_next_panel')!;
    expect(panel.people.find((p) => p.id === 'per_next_li')!.disclosure).toEqual({
      nothing: false,
      items: [{ company: 'Kite Pharma', relationship: 'consultant', status: 'ongoing' }],
      offLabel: '',
    });
    expect(panel.people.find((p) => p.id === 'per_next_yang')!.disclosure?.nothing).toBe(true);
    expect((await open(li)).body.disclosure?.signedName).toBe(' 李 艳 '.trim());
    expect(await auditOf('faculty.disclosure', 'per_next_li')).toHaveLength(1);
  });
});

describe('logistics', () => {
  it('the bank account is masked in the portal, on the board and in the CSV; the one reveal is audited', async () => {
    const jin = await sendLink(NEXT, 'per_next_jin');
    const saved = await call(`/api/portal/${jin}/logistics`, {
      method: 'PUT',
      json: {
        arrival: '2026-01-21T18:30',
        departure: '',
        hotel: true,
        dietary: '素食',
        payee: '金京玉',
        bankName: '中国银行',
        bankAccount: '6217 0000 1234 5678',
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.bankAccount).toBe('•••• 5678');
    const page = (await open(jin)).body;
    expect(page.logistics?.bankAccount).toBe('•••• 5678');
    expect(JSON.stringify(page)).not.toContain('62170000');
    const board = await call(`/api/events/${NEXT}/faculty`, { headers: { cookie: organiser } });
    expect(JSON.stringify(board.body)).not.toContain('62170000');
    expect(board.body.people.find((p) => p.id === 'per_next_jin')!.logistics?.bankAccount).toBe('•••• 5678');
    const csv = await call(`/api/events/${NEXT}/faculty.csv`, {
      headers: { cookie: organiser, 'accept-language': 'zh-CN' },
    });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('•••• 5678');
    expect(String(csv.body)).toContain('素食');
    expect(String(csv.body)).not.toContain('62170000');
    // Saving again without the number keeps it.
    await call(`/api/portal/${jin}/logistics`, {
      method: 'PUT',
      json: { arrival: '', departure: '', hotel: false, dietary: '', payee: '金京玉', bankName: '中国银行' },
    });
    expect(await auditOf('faculty.bank_reveal', 'per_next_jin')).toHaveLength(0);
    const reveal = await call(`/api/events/${NEXT}/faculty/per_next_jin/bank`, {
      method: 'POST',
      headers: { cookie: organiser },
    });
    expect(reveal.body.bankAccount).toBe('6217000012345678');
    const audited = await auditOf('faculty.bank_reveal', 'per_next_jin');
    expect(audited).toHaveLength(1);
    expect(audited[0]!.staffId).toBe('stf_demo_organiser');
    expect(JSON.stringify(await env.DB.prepare(`SELECT detail FROM audit`).all())).not.toContain('62170000');
    const desk = await signIn('desk@colloquy.test');
    expect(
      (await call(`/api/events/${NEXT}/faculty/per_next_jin/bank`, { method: 'POST', headers: { cookie: desk } }))
        .status,
    ).toBe(403);
  });

  it('a departure before the arrival is refused in the person’s language, and nothing is saved', async () => {
    const yang = await sendLink(NEXT, 'per_next_yang');
    const travel = { hotel: true, dietary: '', payee: '', bankName: '' };
    const backwards = await call(`/api/portal/${yang}/logistics`, {
      method: 'PUT',
      json: { ...travel, arrival: '2026-01-22T09:30', departure: '2026-01-21T18:00' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toEqual({ departure: '离开时间须晚于到达时间。' });
    const same = await call(`/api/portal/${yang}/logistics`, {
      method: 'PUT',
      json: { ...travel, arrival: '2026-01-22T09:30', departure: '2026-01-22T09:30' },
    });
    expect(same.status).toBe(400);
    expect(same.body.error.fields?.departure).toBe('The departure must be after the arrival.');
    expect((await open(yang)).body.logistics).toBeNull();
    expect(await auditOf('faculty.logistics', 'per_next_yang')).toHaveLength(0);
    // Either time alone, or a departure after the arrival, is saved.
    const onlyArrival = await call(`/api/portal/${yang}/logistics`, {
      method: 'PUT',
      json: { ...travel, arrival: '2026-01-22T09:30', departure: '' },
    });
    expect(onlyArrival.status).toBe(200);
    const ok = await call(`/api/portal/${yang}/logistics`, {
      method: 'PUT',
      json: { ...travel, arrival: '2026-01-22T09:30', departure: '2026-01-23T16:00' },
    });
    expect(ok.status).toBe(200);
    expect((await open(yang)).body.logistics).toMatchObject({ departure: '2026-01-23T16:00' });
  });

  it('consent is stored with its time and audited', async () => {
    const li = await sendLink(NEXT, 'per_next_li');
    const given = await call(`/api/portal/${li}/consent`, { method: 'PUT', json: { recording: true, slides: false } });
    expect(given.status).toBe(200);
    expect((await open(li)).body.consent).toMatchObject({ recording: true, slides: false });
    expect(await auditOf('faculty.consent', 'per_next_li')).toHaveLength(1);
  });
});

describe('messages to faculty', () => {
  it('audiences select who misses what; {{portal_url}} is each recipient’s own working link', async () => {
    const preview = (missing: string) =>
      call(`/api/events/${DEMO}/messages/preview`, {
        method: 'POST',
        headers: { cookie: organiser },
        json: { audience: { type: 'faculty', missing }, subject: 'x', body: '{{portal_url}}' },
      });
    // Demo edition: nobody has answered yet; Zhang signs a disclosure, Li declines the one item they are on.
    const zhang = await sendLink(DEMO, 'per_demo_zhang');
    await call(`/api/portal/${zhang}/disclosure`, {
      method: 'PUT',
      json: { nothing: true, items: [], offLabel: '', signature: '张江林' },
    });
    const li = await sendLink(DEMO, 'per_demo_li');
    // The January seminar is over, so its answers are on record from before the day (the portal refuses new ones).
    expect(li).toBeTruthy();
    await env.DB.prepare(
      `INSERT INTO faculty_responses (session_id, person_id, status, note, responded_at) VALUES ('ses_demo_panel', 'per_demo_li', 'declined', '', ?)`,
    )
      .bind(Date.parse('2026-01-10T10:00:00+08:00'))
      .run();
    const names = async (missing: string) => (await preview(missing)).body.recipients.map((r) => r.email).sort();
    expect(await names('disclosure')).toEqual(['jin.jingyu@example.org', 'yang.chunhua@example.org']);
    expect(await names('confirmation')).toEqual([
      'jin.jingyu@example.org',
      'yang.chunhua@example.org',
      'zhang.jianglin@example.org',
    ]);
    const unknownItem = await preview('shoe_size');
    expect(unknownItem.status).toBe(400);

    const sent = await call(`/api/events/${DEMO}/messages`, {
      method: 'POST',
      headers: { cookie: organiser },
      json: {
        audience: { type: 'faculty', missing: 'disclosure' },
        subject: '请填写利益冲突声明',
        body: '{{name}}，请打开 [您的页面]({{portal_url}})',
      },
    });
    expect(sent.status).toBe(202);
    // The queue's fan-out writes each recipient's email (and issues their link): run its steps as the consumer would.
    while (!(await fanOutStep(env, sent.body.message.id, { origin: 'http://localhost:8787' })).done);
    const rows = (
      await env.DB.prepare(`SELECT "to", text, html FROM emails WHERE message_id = ?`)
        .bind(sent.body.message.id)
        .all<{ to: string; text: string; html: string }>()
    ).results;
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      const token = r.text.match(PORTAL)![1]!;
      expect(r.html).toContain(`href="http://localhost:8787/portal/${token}"`);
      const page = await open(token);
      expect(page.status).toBe(200);
      expect(r.to).toContain(page.body.person.nameEn.split(' ')[0]!.toLowerCase());
    }
  });
});

describe('reminders', () => {
  it('go out on the chosen day only, once per person per day, listing what is missing', async () => {
    const now = Date.now();
    const today = localDay(now, 'Asia/Shanghai');
    const set = await call(`/api/events/${NEXT}/faculty/settings`, {
      method: 'PUT',
      headers: { cookie: organiser },
      json: { approveChanges: true, reminderDays: [localDay(now + 86_400_000, 'Asia/Shanghai')] },
    });
    expect(set.status).toBe(200);
    expect(await sendFacultyReminders(env, now, 'http://localhost:8787')).toBe(0);
    await call(`/api/events/${NEXT}/faculty/settings`, {
      method: 'PUT',
      headers: { cookie: organiser },
      json: { approveChanges: true, reminderDays: [today] },
    });
    const first = await sendFacultyReminders(env, now, 'http://localhost:8787');
    // All four of the next edition still miss something (nobody has given everything).
    expect(first).toBe(4);
    expect(await sendFacultyReminders(env, now + 60_000, 'http://localhost:8787')).toBe(0);
    const mail = await env.DB.prepare(
      `SELECT text FROM emails WHERE kind = 'faculty_reminder' AND "to" = 'li.yan@example.org' ORDER BY created_at DESC`,
    ).all<{ text: string }>();
    expect(mail.results).toHaveLength(1);
    const text = mail.results[0]!.text;
    // Li signed a disclosure and gave consent above: those are not asked for again.
    expect(text).toContain('确认或婉拒邀请');
    expect(text).not.toContain('利益冲突声明');
    expect(text).not.toContain('录像与讲稿发布授权');
    const token = text.match(PORTAL)![1]!;
    expect((await open(token)).body.person.nameZh).toBe('李艳');
    const board = await call(`/api/events/${NEXT}/faculty`, { headers: { cookie: organiser } });
    expect(board.body.people.find((p) => p.id === 'per_next_li')!.reminders).toBe(1);
    expect(await auditOf('faculty.reminder', 'per_next_li')).toHaveLength(1);
  });
});

/** A file's raw bytes as the body, as the materials editor sends them. */
const sendBytes = (path: string, bytes: Uint8Array, cookie?: string) =>
  call(path, {
    method: 'POST',
    body: bytes as BodyInit,
    headers: {
      origin: ORIGIN,
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.byteLength),
      ...(cookie ? { cookie } : {}),
    },
  });

const boardSlides = async (personId: string) =>
  (await call(`/api/events/${NEXT}/faculty`, { headers: { cookie: organiser } })).body.people.find(
    (p) => p.id === personId,
  )!.slides;

describe("the board's slides column", () => {
  it("counts the person's ready materials in this event; an upload still in progress does not count", async () => {
    expect(await boardSlides('per_next_yang')).toBe(0);
    await env.DB.prepare(
      `INSERT INTO materials (id, event_id, person_id, kind, title, status) SELECT 'mat_board_uploading_0001', event_id, id, 'pdf', 'Half', 'uploading' FROM people WHERE id = 'per_next_yang'`,
    ).run();
    expect(await boardSlides('per_next_yang')).toBe(0);
    const sent = await sendBytes(
      `/api/events/${NEXT}/people/per_next_yang/materials/file?title=Slides&visibility=organisers`,
      pdfBytes(),
      organiser,
    );
    expect(sent.status).toBe(201);
    expect(await boardSlides('per_next_yang')).toBe(1);
  });
});

describe('slides in the portal', () => {
  it('the link holder uploads a PDF and lists it; a PNG named .pdf is refused; another person cannot see or touch it', async () => {
    const jin = await sendLink(NEXT, 'per_next_jin');
    const li = await sendLink(NEXT, 'per_next_li');
    const sent = await sendBytes(
      `/api/portal/${jin}/materials/file?title=${encodeURIComponent('主题报告')}&visibility=attendees&filename=talk.pdf`,
      pdfBytes(),
    );
    expect(sent.status).toBe(201);
    const listed = await call(`/api/portal/${jin}/materials`);
    expect(listed.status).toBe(200);
    const mine = listed.body.materials.find((m) => m.title === '主题报告')!;
    expect(mine).toMatchObject({ kind: 'pdf', visibility: 'attendees', uploadedBy: 'person' });
    // The link holder reads their own file back through their link.
    const file = await call(mine.href as `/api/portal/${string}/materials/${string}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(await auditOf('material.upload', 'per_next_jin')).not.toHaveLength(0);

    const png = await sendBytes(`/api/portal/${jin}/materials/file?title=Fake&filename=fake.pdf`, pngBytes());
    expect(png.status).toBe(415);
    expect((await call(`/api/portal/${jin}/materials`)).body.materials.some((m) => m.title === 'Fake')).toBe(false);

    // Li's link neither lists, reads, changes nor deletes Jin's material.
    expect((await call(`/api/portal/${li}/materials`)).body.materials.some((m) => m.id === mine.id)).toBe(false);
    expect((await call(`/api/portal/${li}/materials/${mine.id}/file`)).status).toBe(404);
    const patched = await call(`/api/portal/${li}/materials/${mine.id}`, {
      method: 'PATCH',
      json: { visibility: 'public_after_event' },
    });
    expect(patched.status).toBe(404);
    expect(
      (await call(`/api/portal/${li}/materials/${mine.id}`, { method: 'DELETE', headers: { origin: ORIGIN } })).status,
    ).toBe(404);
    expect((await call(`/api/portal/${jin}/materials`)).body.materials.find((m) => m.id === mine.id)?.visibility).toBe(
      'attendees',
    );

    // Their own: changed, then deleted.
    const changed = await call(`/api/portal/${jin}/materials/${mine.id}`, {
      method: 'PATCH',
      json: { visibility: 'organisers' },
    });
    expect(changed.status).toBe(200);
    const link = await call(`/api/portal/${jin}/materials/link`, {
      method: 'POST',
      json: { title: 'Recording', url: 'https://video.example.org/talk', visibility: 'attendees' },
    });
    expect(link.status).toBe(201);
    expect(await boardSlides('per_next_jin')).toBe(2);
    expect(
      (await call(`/api/portal/${jin}/materials/${mine.id}`, { method: 'DELETE', headers: { origin: ORIGIN } })).status,
    ).toBe(200);
    expect((await call(`/api/portal/${jin}/materials`)).body.materials.map((m) => m.title)).toEqual(['Recording']);
  });
});
