// Full-width input from Chinese input methods (１３８…, ｗａｎｇ＠…, 　name　) is accepted and stored as ASCII, in every form.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, person } from './fixtures';
import { UPCOMING_SLUG } from '../../schema/seed/demo';
import { call, signIn } from './helpers';

const SLUG = UPCOMING_SLUG;
const PHONE_FW = '１３８００１３８０００';
const emailFw = (local: string) =>
  `${[...local].map((ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0)).join('')}＠example.org`;
const stored = (id: string) =>
  env.DB.prepare('SELECT name, email, email_key, phone FROM registrations WHERE id = ?')
    .bind(id)
    .first<{ name: string; email: string; email_key: string; phone: string }>();

let desk: string;
let organiser: string;
beforeAll(async () => {
  desk = await signIn('desk@colloquy.test');
  organiser = await signIn('organiser@colloquy.test');
});

describe('full-width input', () => {
  it('registers with a full-width phone and email, stored half-width, and a name trimmed of ideographic spaces', async () => {
    const { slug } = await makeEvent(10);
    expect(emailFw('wangfw')).toBe('ｗａｎｇｆｗ＠example.org');
    const res = await call(`/api/events/${slug}/registrations`, {
      method: 'POST',
      json: person('fw', { name: '　王小明　', email: emailFw('wangfw'), phone: '＋８６　' + PHONE_FW }),
    });
    expect(res.status).toBe(201);
    expect(await stored(res.body.registration.id)).toEqual({
      name: '王小明',
      email: 'wangfw@example.org',
      email_key: 'wangfw@example.org',
      phone: '+86 13800138000',
    });
    // The same address typed half-width is the same person.
    await call(`/api/events/${slug}/registrations`, {
      method: 'POST',
      json: person('fw2', { email: 'WangFW@example.org' }),
    });
    const rows = await env.DB.prepare(
      `SELECT count(*) n FROM registrations WHERE email_key = 'wangfw@example.org' AND status != 'cancelled'`,
    ).first<{ n: number }>();
    expect(rows!.n).toBe(1);
  });

  it('still refuses what is not a phone or an email once made half-width', async () => {
    const { slug } = await makeEvent(10);
    const res = await call(`/api/events/${slug}/registrations`, {
      method: 'POST',
      json: person('fwbad', { email: 'ｗａｎｇ＠', phone: '１３８ｘ' }),
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields!).sort()).toEqual(['email', 'phone']);
  });

  it('takes a full-width walk-in at the desk', async () => {
    const res = await call(`/api/events/${SLUG}/walk-ins`, {
      method: 'POST',
      headers: { cookie: desk },
      json: {
        name: '　李雷　',
        email: emailFw('lilei'),
        phone: PHONE_FW,
        deviceId: 'd',
        clientId: 'fw-walk-in',
        deskId: 'Desk 1',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.registration.name).toBe('李雷');
    expect(await stored(res.body.registration.id)).toEqual({
      name: '李雷',
      email: 'lilei@example.org',
      email_key: 'lilei@example.org',
      phone: '13800138000',
    });
  });

  it('adds a person and edits a registration with full-width phone and email', async () => {
    const created = await call(`/api/events/${SLUG}/people`, {
      method: 'POST',
      headers: { cookie: organiser },
      json: {
        nameZh: '　韩梅梅　',
        nameEn: 'Han Meimei',
        email: emailFw('hanmm'),
        phone: PHONE_FW,
        badgeRole: 'guest',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.person).toMatchObject({ email: 'hanmm@example.org', phone: '13800138000' });
    const row = await env.DB.prepare('SELECT name_zh, email, phone FROM people WHERE id = ?')
      .bind(created.body.person.id)
      .first();
    expect(row).toEqual({ name_zh: '韩梅梅', email: 'hanmm@example.org', phone: '13800138000' });
    const updated = await call(`/api/events/${SLUG}/people/${created.body.person.id}`, {
      method: 'PATCH',
      headers: { cookie: organiser },
      json: { phone: '（０１０）８８８８－８８８８' },
    });
    expect(updated.body.person.phone).toBe('(010)8888-8888');

    const reg = (await call(`/api/events/${SLUG}/registrations`, { method: 'POST', json: person('fwedit') })).body
      .registration;
    const edited = await call(`/api/events/${SLUG}/registrations/${reg.id}`, {
      method: 'PATCH',
      headers: { cookie: organiser },
      json: { name: '　林涛　', email: emailFw('lintao'), phone: PHONE_FW },
    });
    expect(edited.status).toBe(200);
    expect(await stored(reg.id)).toEqual({
      name: '林涛',
      email: 'lintao@example.org',
      email_key: 'lintao@example.org',
      phone: '13800138000',
    });
  });

  it('signs staff in with a full-width email', async () => {
    const count = async () =>
      (await env.DB.prepare(
        `SELECT count(*) n FROM emails WHERE kind = 'sign_in' AND "to" = 'desk@colloquy.test'`,
      ).first<{ n: number }>())!.n;
    const before = await count();
    const res = await call('/api/auth/sign-in', {
      method: 'POST',
      json: { email: '　ｄｅｓｋ＠ｃｏｌｌｏｑｕｙ．ｔｅｓｔ　' },
    });
    expect(res.status).toBe(202);
    expect(await count()).toBe(before + 1);
    const row = await env.DB.prepare(
      `SELECT payload FROM emails WHERE kind = 'sign_in' AND "to" = 'desk@colloquy.test' ORDER BY created_at DESC LIMIT 1`,
    ).first<{ payload: string }>();
    const link = new URL(JSON.parse(row!.payload).link);
    const opened = await call(link.pathname + link.search, { redirect: 'manual' });
    expect([opened.status, opened.headers.get('set-cookie')]).toEqual([
      302,
      expect.stringMatching(/^colloquy_session=/),
    ]);
  });
});
