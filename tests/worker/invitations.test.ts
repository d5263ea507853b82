// Invitation-only events: a list is invited once, each link registers only its own address, and can decline.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../worker/email/outbox';
import { parseInvitees } from '../../worker/invitations/rules';
import { makeEvent, organisedEvent, person, statusCounts } from './fixtures';
import { call, signIn } from './helpers';

let organiser: string;
beforeAll(async () => {
  organiser = await signIn('organiser@colloquy.test');
});

async function invitationEvent(capacity = 10) {
  const ev = await organisedEvent(capacity);
  const set = await call(`/api/events/${ev.slug}`, {
    method: 'PATCH',
    headers: { cookie: organiser },
    json: { registrationMode: 'invitation' },
  });
  expect(set.body.event.registrationMode).toBe('invitation');
  return ev;
}

const invite = (slug: string, text: string, locale = 'zh-CN', language = 'en') =>
  call(`/api/events/${slug}/invitations`, {
    method: 'POST',
    headers: { cookie: organiser, 'accept-language': language },
    json: { text, locale },
  });
const list = async (slug: string) =>
  (await call(`/api/events/${slug}/invitations`, { headers: { cookie: organiser } })).body;
/** The personal link, as the invitee reads it in the email (the dev mailbox keeps it). */
async function linkFor(email: string) {
  await deliverDue(env);
  const row = await env.DB.prepare(`SELECT payload, subject, text FROM emails WHERE kind = 'invitation' AND "to" = ?`)
    .bind(email)
    .first<{ payload: string; subject: string; text: string }>();
  const link = new URL(JSON.parse(row!.payload).link);
  return { link, token: link.searchParams.get('invite')!, subject: row!.subject, text: row!.text };
}
const register = (slug: string, body: unknown) =>
  call(`/api/events/${slug}/registrations`, { method: 'POST', json: body });

describe('inviting a list', () => {
  it('emails each new address a personal link, in the chosen language; re-inviting does not duplicate', async () => {
    const ev = await invitationEvent();
    const res = await invite(
      ev.slug,
      '姓名,邮箱\n王医生, wang@example.org\nli@example.org，李医生\n\nnot an address\n王医生, WANG@example.org',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ invited: 2, alreadyInvited: [] });
    expect(res.body.errors).toEqual([
      { line: 5, text: 'not an address', message: 'No valid email address on this line.' },
    ]);
    const wang = await linkFor('wang@example.org');
    expect(wang.subject).toBe('诚邀您参加：测试会议');
    expect(wang.link.pathname).toBe(`/e/${ev.slug}`);
    expect(wang.text).toContain('转发给他人无效');
    expect(wang.text).toMatch(/\n时间：.+\n地点：.+\n\n接受邀请并报名：http/);
    const again = await invite(ev.slug, 'Dr Wang, Wang@Example.org\nDr Zhao, zhao@example.org', 'en');
    expect(again.body).toMatchObject({ invited: 1, alreadyInvited: ['Wang@Example.org'] });
    expect((await linkFor('zhao@example.org')).subject).toBe('You are invited: Test meeting');
    const count = await env.DB.prepare(`SELECT count(*) AS n FROM emails WHERE kind = 'invitation' AND event_id = ?`)
      .bind(ev.id)
      .first<{ n: number }>();
    expect(count!.n).toBe(3);
    const body = await list(ev.slug);
    expect(body.counts).toEqual({ invited: 3, registered: 0, declined: 0, waiting: 3 });
    expect(body.invitations.map((i: { name: string }) => i.name)).toEqual(['王医生', '李医生', 'Dr Zhao']);
  });

  it('refuses an empty list with a field message', async () => {
    const ev = await invitationEvent();
    const res = await invite(ev.slug, 'nobody here', 'zh-CN', 'zh-CN');
    expect(res.status).toBe(400);
    expect(res.body.error.fields!.text).toBe('请至少粘贴一行：姓名, 邮箱。');
    const mixed = await invite(ev.slug, '孙医生, sun@example.org\n没有邮箱', 'zh-CN', 'zh-CN');
    expect(mixed.body.errors).toEqual([{ line: 2, text: '没有邮箱', message: '此行没有有效的邮箱地址。' }]);
  });

  it('reads CSV cells in quotes, tabs and either order', () => {
    expect(parseInvitees('"Zhang San","zhang@example.org"\nli@example.org\tLi Si').invitees).toEqual([
      { line: 1, name: 'Zhang San', email: 'zhang@example.org' },
      { line: 2, name: 'Li Si', email: 'li@example.org' },
    ]);
  });
});

describe('registering for an invitation-only event', () => {
  it('the public page says so; without a link, registering is refused in the request language', async () => {
    const ev = await invitationEvent();
    expect((await call(`/api/events/${ev.slug}`)).body.event.registrationMode).toBe('invitation');
    const res = await call(`/api/events/${ev.slug}/registrations`, {
      method: 'POST',
      json: person('nolink'),
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('invitation_required');
    expect(await statusCounts(ev.id)).toEqual({});
  });

  it('the link registers its own address, and the console counts it as registered', async () => {
    const ev = await invitationEvent();
    await invite(ev.slug, '陈医生, chen@example.org');
    const { token } = await linkFor('chen@example.org');
    const opened = await call(`/api/invitations/${token}`);
    expect(opened.body.invitation).toEqual({
      name: '陈医生',
      email: 'chen@example.org',
      locale: 'zh-CN',
      slug: ev.slug,
      state: 'invited',
    });
    const res = await register(ev.slug, person('chen', { email: 'Chen@Example.org', invitation: token }));
    expect(res.status).toBe(201);
    expect(res.body.registration.status).toBe('confirmed');
    expect((await list(ev.slug)).counts).toMatchObject({ invited: 1, registered: 1, declined: 0 });
    expect((await call(`/api/invitations/${token}`)).body.invitation.state).toBe('registered');
  });

  it('a forwarded link registers nobody else: another address is refused on the email field', async () => {
    const ev = await invitationEvent();
    await invite(ev.slug, '周医生, zhou@example.org');
    const { token } = await linkFor('zhou@example.org');
    const res = await call(`/api/events/${ev.slug}/registrations`, {
      method: 'POST',
      json: person('friend', { invitation: token }),
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('invitation_email_mismatch');
    expect(res.body.error.fields!.email).toBe('此邀请对应的是另一个邮箱地址，请使用受邀邮箱报名。');
    expect(await statusCounts(ev.id)).toEqual({});
  });

  it('a link of another event does not open this one', async () => {
    const ev = await invitationEvent();
    const other = await invitationEvent();
    await invite(other.slug, '吴医生, wu@example.org');
    const { token } = await linkFor('wu@example.org');
    const res = await register(ev.slug, person('wu', { email: 'wu@example.org', invitation: token }));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('invitation_required');
  });

  it('the invitee can decline from the link; a registered invitee cannot', async () => {
    const ev = await invitationEvent();
    await invite(ev.slug, '郑医生, zheng@example.org\n冯医生, feng@example.org');
    const zheng = (await linkFor('zheng@example.org')).token;
    const feng = (await linkFor('feng@example.org')).token;
    const declined = await call(`/api/invitations/${zheng}/decline`, { method: 'POST', json: {} });
    expect(declined.body.invitation.state).toBe('declined');
    await register(ev.slug, person('feng', { email: 'feng@example.org', invitation: feng }));
    const late = await call(`/api/invitations/${feng}/decline`, { method: 'POST', json: {} });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('invitation_registered');
    expect((await list(ev.slug)).counts).toEqual({ invited: 2, registered: 1, declined: 1, waiting: 0 });
    const unknown = await call('/api/invitations/not-a-real-token/decline', { method: 'POST', json: {} });
    expect(unknown.status).toBe(404);
  });

  it('an open event ignores the invitation field and still registers anyone', async () => {
    const ev = await makeEvent(5);
    const res = await register(ev.slug, person('open1', { invitation: 'whatever' }));
    expect(res.status).toBe(201);
  });
});
