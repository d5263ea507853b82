// Approval events: a registration waits without a seat, the organiser approves (seat or waitlist, never oversold) or rejects.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../worker/email/outbox';
import { giveStaffRoles, makeEvent, person, statusCounts } from './fixtures';
import { call, signIn } from './helpers';

let organiser: string;
let desk: string;
beforeAll(async () => {
  organiser = await signIn('organiser@colloquy.test');
  desk = await signIn('desk@colloquy.test');
});

/** A fresh event in approval mode (set as the organiser does, through PATCH), with the demo organiser and desk on it. */
async function approvalEvent(capacity: number) {
  const ev = await makeEvent(capacity);
  await giveStaffRoles(ev.id, { desk: true });
  const set = await setMode(ev.slug, 'approval');
  expect(set.status).toBe(200);
  expect(set.body.event.registrationMode).toBe('approval');
  return ev;
}
const setMode = (slug: string, registrationMode: string) =>
  call(`/api/events/${slug}`, { method: 'PATCH', headers: { cookie: organiser }, json: { registrationMode } });

const register = async (slug: string, who: string) =>
  (await call(`/api/events/${slug}/registrations`, { method: 'POST', json: person(who) })).body.registration as {
    id: string;
    ticketCode: string;
    status: string;
  };
// One literal path per decision, so call() finds each route's answer type.
const decide = (slug: string, id: string, decision: 'approve' | 'reject', cookie = organiser) =>
  decision === 'approve'
    ? call(`/api/events/${slug}/registrations/${id}/approve`, { method: 'POST', headers: { cookie }, json: {} })
    : call(`/api/events/${slug}/registrations/${id}/reject`, { method: 'POST', headers: { cookie }, json: {} });
const decideMany = (slug: string, ids: string[], decision: 'approve' | 'reject') => {
  const init = { method: 'POST' as const, headers: { cookie: organiser }, json: { ids } };
  return decision === 'approve'
    ? call(`/api/events/${slug}/registrations/approve`, init)
    : call(`/api/events/${slug}/registrations/reject`, init);
};
const emailsTo = async (registrationId: string) =>
  (
    await env.DB.prepare(`SELECT kind, subject, text FROM emails WHERE registration_id = ? ORDER BY created_at, kind`)
      .bind(registrationId)
      .all<{ kind: string; subject: string | null; text: string | null }>()
  ).results;
const seatsLeft = async (slug: string) => (await call(`/api/events/${slug}`)).body.event.seatsLeft as number;

describe('registering for an approval event', () => {
  it('is pending, takes no seat, and the email and the ticket page say it awaits approval', async () => {
    const ev = await approvalEvent(2);
    const reg = await register(ev.slug, 'p1');
    expect(reg.status).toBe('pending');
    expect(await seatsLeft(ev.slug)).toBe(2);
    await deliverDue(env);
    const [mail] = await emailsTo(reg.id);
    expect(mail).toMatchObject({ kind: 'pending', subject: '报名已提交，等待主办方审核：测试会议' });
    expect(mail!.text).toContain('审核通过后我们会把参会票发送给您');
    const ticket = await call(`/api/tickets/${reg.ticketCode}`);
    expect(ticket.body.ticket.status).toBe('pending');
  });

  it('more pending registrations than seats: nobody is waitlisted, since nobody holds a seat yet', async () => {
    const ev = await approvalEvent(1);
    const regs = await Promise.all(['q1', 'q2', 'q3'].map((w) => register(ev.slug, w)));
    expect(regs.map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
    expect(await statusCounts(ev.id)).toEqual({ pending: 3 });
  });

  it('a pending ticket at the desk shows its own result and is not admitted, by scan or by the admit action', async () => {
    const ev = await approvalEvent(5);
    const reg = await register(ev.slug, 'd1');
    const scan = await call(`/api/events/${ev.slug}/checkins`, {
      method: 'POST',
      headers: { cookie: desk },
      json: { code: reg.ticketCode, deviceId: 'dev', clientId: 'c-1' },
    });
    expect(scan.body).toMatchObject({ result: 'pending', registration: { name: '参会者 d1' }, checkedInAt: null });
    const admit = await call(`/api/events/${ev.slug}/registrations/${reg.id}/admit`, {
      method: 'POST',
      headers: { cookie: desk },
      json: { deviceId: 'dev', clientId: 'c-2' },
    });
    expect(admit.body).toMatchObject({ result: 'pending', admitted: null });
    expect(await statusCounts(ev.id)).toEqual({ pending: 1 });
    const snapshot = await call(`/api/events/${ev.slug}/checkins/snapshot`, { headers: { cookie: desk } });
    expect(snapshot.body.tickets).toEqual([expect.objectContaining({ id: reg.id, status: 'pending' })]);
  });
});

describe('approving', () => {
  it('gives a seat and sends the ticket with its QR; approving again says it is not pending', async () => {
    const ev = await approvalEvent(3);
    const reg = await register(ev.slug, 'a1');
    const res = await decide(ev.slug, reg.id, 'approve');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      registration: { id: reg.id, status: 'confirmed' },
      outcome: 'confirmed',
      seatsLeft: 2,
    });
    await deliverDue(env);
    const mails = await emailsTo(reg.id);
    expect(mails.map((m) => m.kind).sort()).toEqual(['approved', 'pending']);
    expect(mails.find((m) => m.kind === 'approved')!.subject).toBe('报名已通过审核：测试会议');
    const html = await env.DB.prepare(`SELECT html FROM emails WHERE registration_id = ? AND kind = 'approved'`)
      .bind(reg.id)
      .first<{ html: string }>();
    expect(html!.html).toContain('cid:ticket-qr');
    const again = await decide(ev.slug, reg.id, 'approve');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('not_pending');
    expect((await emailsTo(reg.id)).length).toBe(2);
  });

  it('N approvals racing for fewer seats never oversell: the rest go to the waitlist', async () => {
    const ev = await approvalEvent(3);
    const regs: { id: string }[] = [];
    for (let i = 0; i < 8; i++) regs.push(await register(ev.slug, `race${i}`));
    const answers = await Promise.all(regs.map((r) => decide(ev.slug, r.id, 'approve')));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const outcomes = answers.map((a) => a.body.outcome);
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(5);
    expect(await statusCounts(ev.id)).toEqual({ confirmed: 3, waitlisted: 5 });
    expect(await seatsLeft(ev.slug)).toBe(0);
  });

  it('bulk approval, twice at once, fills the seats earliest first and says what became of each', async () => {
    const ev = await approvalEvent(2);
    const regs: { id: string }[] = [];
    for (let i = 0; i < 5; i++) regs.push(await register(ev.slug, `bulk${i}`));
    const ids = regs.map((r) => r.id);
    const [a, b] = await Promise.all([decideMany(ev.slug, ids, 'approve'), decideMany(ev.slug, ids, 'approve')]);
    expect(a.status).toBe(200);
    const first = a.body.counts.confirmed + a.body.counts.waitlisted > 0 ? a : b;
    const second = first === a ? b : a;
    expect(first.body.counts).toEqual({ confirmed: 2, waitlisted: 3, rejected: 0, unchanged: 0 });
    expect(first.body.results.slice(0, 2).map((r: { outcome: string }) => r.outcome)).toEqual([
      'confirmed',
      'confirmed',
    ]);
    expect(second.body.counts).toEqual({ confirmed: 0, waitlisted: 0, rejected: 0, unchanged: 5 });
    expect(await statusCounts(ev.id)).toEqual({ confirmed: 2, waitlisted: 3 });
    // Each person got exactly one decision email.
    const kinds = await env.DB.prepare(
      `SELECT kind, count(*) AS n FROM emails WHERE event_id = ? AND kind != 'pending' GROUP BY kind ORDER BY kind`,
    )
      .bind(ev.id)
      .all<{ kind: string; n: number }>();
    expect(kinds.results).toEqual([
      { kind: 'approved', n: 2 },
      { kind: 'waitlisted', n: 3 },
    ]);
  });

  it('a cancellation after approval promotes the approved waitlist, never a pending registration', async () => {
    const ev = await approvalEvent(1);
    const one = await register(ev.slug, 'c1');
    const two = await register(ev.slug, 'c2');
    const three = await register(ev.slug, 'c3');
    await decideMany(ev.slug, [one.id, two.id], 'approve');
    const cancel = await call(`/api/events/${ev.slug}/registrations/${one.id}/cancel`, {
      method: 'POST',
      headers: { cookie: organiser },
      json: {},
    });
    expect(cancel.status).toBe(200);
    const status = async (id: string) =>
      (await env.DB.prepare(`SELECT status FROM registrations WHERE id = ?`).bind(id).first<{ status: string }>())!
        .status;
    expect(await status(two.id)).toBe('confirmed');
    expect(await status(three.id)).toBe('pending');
  });
});

describe('rejecting', () => {
  it('sends a polite email without a ticket, frees nothing, and refuses a second time', async () => {
    const ev = await approvalEvent(2);
    const reg = await register(ev.slug, 'r1');
    const res = await decide(ev.slug, reg.id, 'reject');
    expect(res.body).toMatchObject({ registration: { status: 'rejected' }, outcome: 'rejected', seatsLeft: 2 });
    await deliverDue(env);
    const mail = (await emailsTo(reg.id)).find((m) => m.kind === 'rejected')!;
    expect(mail.subject).toBe('关于您的报名：测试会议');
    expect(mail.text).toContain('感谢您报名');
    expect(mail.text).not.toContain('/t/');
    const again = await decide(ev.slug, reg.id, 'reject');
    expect(again.status).toBe(409);
    const ticket = await call(`/api/tickets/${reg.ticketCode}`);
    expect(ticket.body.ticket.status).toBe('rejected');
    const scan = await call(`/api/events/${ev.slug}/checkins`, {
      method: 'POST',
      headers: { cookie: desk },
      json: { code: reg.ticketCode, deviceId: 'dev', clientId: 'rej-1' },
    });
    expect(scan.body.result).toBe('rejected');
  });

  it('in English for an English registration, and the same address cannot register again', async () => {
    const ev = await approvalEvent(2);
    const reg = (
      await call(`/api/events/${ev.slug}/registrations`, { method: 'POST', json: person('en1', { locale: 'en' }) })
    ).body.registration;
    await decide(ev.slug, reg.id, 'reject');
    await deliverDue(env);
    const mail = (await emailsTo(reg.id)).find((m) => m.kind === 'rejected')!;
    expect(mail.subject).toBe('About your registration: Test meeting');
    const again = await call(`/api/events/${ev.slug}/registrations`, { method: 'POST', json: person('en1') });
    expect(again.status).toBe(409);
    expect(await statusCounts(ev.id)).toEqual({ rejected: 1 });
  });

  it('desk staff may not approve or reject; an id of another event is not found', async () => {
    const ev = await approvalEvent(2);
    const reg = await register(ev.slug, 'x1');
    expect((await decide(ev.slug, reg.id, 'approve', desk)).status).toBe(403);
    const other = await approvalEvent(2);
    const res = await decide(other.slug, reg.id, 'approve');
    expect(res.status).toBe(404);
    expect(await statusCounts(ev.id)).toEqual({ pending: 1 });
  });

  it('answers in Chinese for a Chinese request', async () => {
    const ev = await approvalEvent(2);
    const reg = await register(ev.slug, 'zh1');
    await decide(ev.slug, reg.id, 'approve');
    const res = await call(`/api/events/${ev.slug}/registrations/${reg.id}/reject`, {
      method: 'POST',
      headers: { cookie: organiser, 'accept-language': 'zh-CN' },
      json: {},
    });
    expect(res.body.error.message).toBe('只有待审核的报名才能被拒绝。');
  });
});

describe('changing the mode', () => {
  it('back to open: new registrations take seats at once, and those still pending wait for the organiser', async () => {
    const ev = await approvalEvent(5);
    const waiting = await register(ev.slug, 'm1');
    expect((await setMode(ev.slug, 'open')).body.event.registrationMode).toBe('open');
    const open = await register(ev.slug, 'm2');
    expect(open.status).toBe('confirmed');
    expect(await statusCounts(ev.id)).toEqual({ pending: 1, confirmed: 1 });
    expect((await decide(ev.slug, waiting.id, 'approve')).body.outcome).toBe('confirmed');
  });

  it('refuses an unknown mode with a field message', async () => {
    const ev = await approvalEvent(5);
    const res = await setMode(ev.slug, 'lottery');
    expect(res.status).toBe(400);
    expect(res.body.error.fields!.registrationMode).toEqual(expect.any(String));
  });
});
