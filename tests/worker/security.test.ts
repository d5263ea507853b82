// Issue 22: what an independent probe found, each closed and kept closed.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../worker/index';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installResendDouble } from '../fakes/resend';
import { sameSitePath } from '../../worker/auth/next-path';
import { deliverDue } from '../../worker/email/outbox';
import { makeEvent, person, statusCounts } from './fixtures';
import { call, signIn } from './helpers';

const latestSignIn = async (email: string) => {
  const row = await env.DB.prepare(
    `SELECT payload FROM emails WHERE kind = 'sign_in' AND "to" = ? ORDER BY created_at DESC LIMIT 1`,
  )
    .bind(email)
    .first<{ payload: string }>();
  return row ? new URL(JSON.parse(row.payload).link) : null;
};

describe('where sign-in lands (1: open redirect)', () => {
  it('accepts paths on this site and nothing that a browser would read as another site', () => {
    expect(sameSitePath(undefined)).toBe('/desk');
    expect(sameSitePath('/console?tab=people#x')).toBe('/console?tab=people#x');
    for (const bad of [
      '/\t/evil.example/landing',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\\\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '\t//evil.example',
      '/x\u0000',
      ' //evil.example',
    ]) {
      expect(sameSitePath(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('refuses a sign-in request whose next hides another site behind a TAB, with 400 and no email', async () => {
    const res = await call('/api/auth/sign-in', {
      method: 'POST',
      json: { email: 'desk@colloquy.test', next: '/\t/evil.example/landing' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid');
    const link = await latestSignIn('desk@colloquy.test');
    expect(link?.searchParams.get('next') ?? null).not.toBe('/\t/evil.example/landing');
  });

  it('answers 400 to a link whose next was tampered with (TAB, CR/LF), and leaves the link usable', async () => {
    await call('/api/auth/sign-in', { method: 'POST', json: { email: 'organiser@colloquy.test', next: '/console' } });
    const link = (await latestSignIn('organiser@colloquy.test'))!;
    const token = link.searchParams.get('token')!;
    for (const next of ['/\t/evil.example/landing', '/x\r\nSet-Cookie: a=b', '/\\evil.example']) {
      const res = await call(`/api/auth/verify?token=${token}&next=${encodeURIComponent(next)}`, {
        redirect: 'manual',
      });
      expect(res.status, JSON.stringify(next)).toBe(400);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const opened = await call(link.pathname + link.search, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe('/console');
    expect(opened.headers.get('set-cookie')).toMatch(/HttpOnly/);
  });
});

const register = async (slug: string, who: Record<string, unknown>) => {
  const res = await call(`/api/events/${slug}/registrations`, { method: 'POST', json: who });
  expect(res.status).toBe(201);
  return res.body.registration as {
    id: string;
    status: string;
    ticketCode: string;
    ticketUrl: string;
    manageUrl: string;
  };
};
type Mail = { to: string; kind: string; text: string; html: string };
const mailTo = async (to: string, kind: string) => {
  await deliverDue(env, { limit: 500 });
  const { emails } = (await call('/api/dev/mailbox')).body as { emails: Mail[] };
  return emails.find((m) => m.to === to && m.kind === kind);
};
/** The management token in an email's link to this ticket, if it has one. */
const tokenIn = (mail: Mail | undefined, code: string) =>
  new RegExp(`/t/${code}\\?m=([\\w-]+)`).exec(mail?.text ?? '')?.[1];
const cancel = (code: string, json: unknown) => call(`/api/tickets/${code}/cancel`, { method: 'POST', json });
const erase = (code: string, json: unknown) => call(`/api/tickets/${code}/delete`, { method: 'POST', json });

describe('badge codes and management links (2)', () => {
  it('the code a desk gets for badges can neither cancel nor erase; the emailed link can', async () => {
    const reg = await register('cell-therapy-autoimmune-next', person('badge-victim'));
    const desk = await signIn('desk@colloquy.test');
    const badges = await call('/api/events/cell-therapy-autoimmune-next/badges', { headers: { cookie: desk } });
    const code = (badges.body.badges as { id: string; ticketCode: string }[]).find((b) => b.id === reg.id)!.ticketCode;
    for (const attempt of [{}, { token: code }, { token: 'AAAAAAAAAAAAAAAAAAAAAA' }]) {
      const refused = await cancel(code, attempt);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('manage_link_needed');
      expect(refused.body.error.message).toMatch(/link from your confirmation email/);
      expect((await erase(code, attempt)).status).toBe(403);
    }
    const still = await call(`/api/tickets/${code}`);
    expect(still.body.ticket).toMatchObject({ status: 'confirmed', name: '参会者 badge-victim' });

    const token = tokenIn(await mailTo('attendeebadge-victim@example.org', 'confirmation'), code);
    expect(token).toBeTruthy();
    expect(token).toBe(new URL(reg.manageUrl).searchParams.get('m'));
    const done = await cancel(code, { token });
    expect(done.status).toBe(200);
    expect(done.body.ticket.status).toBe('cancelled');
  });

  it('keeps only hashes of management tokens, and a token manages only its own registration', async () => {
    const { slug } = await makeEvent(5);
    const a = await register(slug, person('own-a'));
    const b = await register(slug, person('own-b'));
    const tokenA = new URL(a.manageUrl).searchParams.get('m')!;
    // The first link's hash sits on the registration (no extra row written, issue 21); later ones in manage_tokens.
    const { results } = await env.DB.prepare(
      `SELECT token_hash FROM manage_tokens WHERE registration_id IN (?1, ?2)
       UNION ALL SELECT manage_hash FROM registrations WHERE id IN (?1, ?2) AND manage_hash IS NOT NULL`,
    )
      .bind(a.id, b.id)
      .all<{ token_hash: string }>();
    expect(results).toHaveLength(2);
    expect(results.map((r) => r.token_hash)).not.toContain(tokenA);
    expect((await cancel(b.ticketCode, { token: tokenA })).status).toBe(403);
    expect((await erase(b.ticketCode, { token: tokenA })).status).toBe(403);
  });

  it('a promotion email, queued by SQL, carries a working management link too', async () => {
    const { id, slug } = await makeEvent(1);
    const first = await register(slug, person('promo-1'));
    const second = await register(slug, person('promo-2'));
    expect(second.status).toBe('waitlisted');
    expect((await cancel(first.ticketCode, { token: new URL(first.manageUrl).searchParams.get('m') })).status).toBe(
      200,
    );
    const promoted = await mailTo('attendeepromo-2@example.org', 'promoted');
    const token = tokenIn(promoted, second.ticketCode);
    expect(token).toBeTruthy();
    expect((await cancel(second.ticketCode, { token })).status).toBe(200);
    expect(await statusCounts(id)).toEqual({ cancelled: 2 });
  });

  it('a registration with no token yet (made before this change) gets one by asking for the link, sent to its own address only', async () => {
    const { slug } = await makeEvent(5);
    const reg = await register(slug, person('old-reg'));
    await env.DB.prepare(`DELETE FROM manage_tokens WHERE registration_id = ?`).bind(reg.id).run();
    await env.DB.prepare(`UPDATE registrations SET manage_hash = NULL WHERE id = ?`).bind(reg.id).run();
    expect((await cancel(reg.ticketCode, { token: new URL(reg.manageUrl).searchParams.get('m') })).status).toBe(403);
    const asked = await call(`/api/tickets/${reg.ticketCode}/send-link`, { method: 'POST', json: {} });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ sent: true });
    const again = await call(`/api/tickets/${reg.ticketCode}/send-link`, { method: 'POST', json: {} });
    expect(again.body).toEqual({ sent: false });
    const mail = await mailTo('attendeeold-reg@example.org', 'manage_link');
    expect(mail?.text).toMatch(/cancel|delete/i);
    const token = tokenIn(mail, reg.ticketCode);
    expect((await erase(reg.ticketCode, { token })).status).toBe(200);
    expect((await call(`/api/tickets/${reg.ticketCode}`)).status).toBe(404);
    const left = await env.DB.prepare(`SELECT count(*) n FROM manage_tokens WHERE registration_id = ?`)
      .bind(reg.id)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });
});

/** A request as a deployed Worker would see it: production bindings, and whatever Host the caller claims. */
async function asProduction(url: string, init: RequestInit & { json?: unknown }, bindings: Record<string, unknown>) {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(url, {
      ...init,
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    }) as never,
    { ...env, APP_ENV: 'production', ...bindings } as never,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

describe('links in emails (4: Host header)', () => {
  it('production without PUBLIC_URL refuses to serve: 503 misconfigured on every route', async () => {
    for (const path of ['/api/health', '/api/events', '/api/auth/sign-in']) {
      const res = await asProduction(
        `https://colloquy.example${path}`,
        path.endsWith('sign-in')
          ? { method: 'POST', json: { email: 'desk@colloquy.test' }, headers: { origin: 'https://colloquy.example' } }
          : {},
        { PUBLIC_URL: undefined },
      );
      expect(res.status, path).toBe(503);
      expect(res.body.error.code).toBe('misconfigured');
      expect(res.body.error.message).toMatch(/PUBLIC_URL/);
    }
  });

  it('a forged Host never reaches an email: sign-in and ticket links come from PUBLIC_URL', async () => {
    const bindings = { PUBLIC_URL: 'https://meeting.example/' };
    const forged = { origin: 'http://evil.example' };
    const asked = await asProduction(
      'http://evil.example/api/auth/sign-in',
      { method: 'POST', json: { email: 'organiser@colloquy.test' }, headers: forged },
      bindings,
    );
    expect(asked.status).toBe(202);
    expect((await latestSignIn('organiser@colloquy.test'))!.origin).toBe('https://meeting.example');

    const registered = await asProduction(
      'http://evil.example/api/events/cell-therapy-autoimmune-next/registrations',
      { method: 'POST', json: person('forged-host'), headers: forged },
      bindings,
    );
    expect(registered.status).toBe(201);
    expect(registered.body.registration.ticketUrl).toMatch(/^https:\/\/meeting\.example\/t\//);
    const row = await env.DB.prepare(
      `SELECT payload FROM emails WHERE "to" = 'attendeeforged-host@example.org'`,
    ).first<{ payload: string }>();
    expect(JSON.parse(row!.payload).origin).toBe('https://meeting.example');
  });
});

describe('CSV cells (5: Excel with ;)', () => {
  const NAME = "Hosp;=cmd|' /C calc'!A0";
  /** Splits a record on a separator the way a spreadsheet does: quotes group, "" is a quote. */
  const cellsOf = (line: string, sep: string) => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === sep) {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    return [...out, cur];
  };
  const formula = (cell: string) => /^[=+\-@]/.test(cell);

  it('quotes a cell with ; so a semicolon locale keeps it whole, and no piece of it starts a formula', async () => {
    const { toCsv } = await import('../../worker/attendees/csv');
    const csv = toCsv(
      ['Name', 'Institution'],
      [
        [NAME, 'a,+b'],
        ['=1+1', 'plain'],
      ],
    );
    const [, first, second] = csv.replace('\uFEFF', '').split('\r\n');
    expect(cellsOf(first!, ';')).toEqual([`Hosp;'=cmd|' /C calc'!A0,a,'+b`]);
    expect(cellsOf(first!, ',')).toEqual([`Hosp;'=cmd|' /C calc'!A0`, `a,'+b`]);
    for (const sep of [';', ',']) {
      for (const cell of [...cellsOf(first!, sep), ...cellsOf(second!, sep)]) expect(formula(cell), cell).toBe(false);
      // A reader that ignores quotes altogether still finds no formula.
      for (const piece of first!.split(sep)) expect(formula(piece.replace(/^"/, '')), piece).toBe(false);
    }
  });
});

describe('links in messages (6)', () => {
  const values = {
    name: 'javascript:alert(1)',
    title: '',
    institution: '',
    event: 'Seminar',
    venue: 'Hall',
    contact: '',
    ticket_url: 'https://meeting.example/t/abc',
    sessions: [],
    locale: 'en' as const,
  };
  const hrefs = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]);

  it('keeps http, https, mailto, tel and the ticket link, and turns every other link into its text', async () => {
    const { renderMessage } = await import('../../worker/messages/render');
    const body = [
      '[site](https://example.org/a) [plain](http://example.org) [mail](mailto:desk@example.org) [call](tel:+861012345678) [ticket]({{ticket_url}})',
      '[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [vb](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD4=)',
      '[ent](jav&#x61;script:alert(1)) [rel](/t/x) [name]({{name}}) <javascript:alert(2)> ![img](data:image/png;base64,AAAA)',
    ].join('\n\n');
    const m = renderMessage('Hi', body, values);
    expect(hrefs(m.html)).toEqual([
      'https://example.org/a',
      'http://example.org',
      'mailto:desk@example.org',
      'tel:+861012345678',
      'https://meeting.example/t/abc',
    ]);
    expect(m.html).not.toContain('<img');
    for (const text of ['>js<', '>JS<', '>vb<', '>data<', '>ent<', '>rel<', '>name<'].map((t) => t.slice(1, -1)))
      expect(m.html).toContain(text);
  });
});

describe('"delete my data" reaches every copy (7)', () => {
  const SLUG = 'cell-therapy-autoimmune-next';
  /** The management token a person gets by asking for the link, read from the email sent to them. */
  const askedToken = async (code: string, to: string) => {
    expect((await call(`/api/tickets/${code}/send-link`, { method: 'POST', json: {} })).status).toBe(202);
    return tokenIn(await mailTo(to, 'manage_link'), code)!;
  };

  it("erases the organiser's test-send rendered for this attendee", async () => {
    const org = await signIn('organiser@colloquy.test');
    const reg = await register(
      SLUG,
      person('test-sent', { name: 'Zhou Testsend', affiliation: 'Testsend Hospital', jobTitle: 'Testsend Professor' }),
    );
    const sent = await call(`/api/events/${SLUG}/messages/test`, {
      method: 'POST',
      headers: { cookie: org },
      json: {
        audience: { type: 'ids', ids: [reg.id] },
        recipientId: reg.id,
        subject: 'For {{name}}',
        body: '{{name}}, {{title}}, {{institution}}',
      },
    });
    expect(sent.status).toBe(202);
    const copies = `SELECT count(*) n FROM emails WHERE coalesce(subject, '') || coalesce(html, '') || coalesce(text, '') || payload LIKE '%Testsend%'`;
    expect((await env.DB.prepare(copies).first<{ n: number }>())!.n).toBeGreaterThan(0);
    expect((await erase(reg.ticketCode, { token: new URL(reg.manageUrl).searchParams.get('m') })).status).toBe(200);
    expect((await env.DB.prepare(copies).first<{ n: number }>())!.n).toBe(0);
  });

  it("erases a speaker's contact details from the people row, and a later edit of the person does not copy the name back", async () => {
    const org = await signIn('organiser@colloquy.test');
    const created = await call(`/api/events/${SLUG}/people`, {
      method: 'POST',
      headers: { cookie: org },
      json: {
        nameZh: '擦除讲者',
        nameEn: 'Erased Speaker',
        email: 'erased.speaker@example.org',
        phone: '13911112222',
        bioEn: 'Bio',
        badgeRole: 'speaker',
      },
    });
    expect(created.status).toBe(201);
    const personId = created.body.person.id as string;
    const badge = await env.DB.prepare(`SELECT ticket_code AS code FROM registrations WHERE person_id = ?`)
      .bind(personId)
      .first<{ code: string }>();
    const token = await askedToken(badge!.code, 'erased.speaker@example.org');
    expect((await erase(badge!.code, { token })).status).toBe(200);
    const row = await env.DB.prepare(`SELECT email, phone FROM people WHERE id = ?`).bind(personId).first();
    expect(row).toEqual({ email: null, phone: null });
    expect(
      (
        await call(`/api/events/${SLUG}/people/${personId}`, {
          method: 'PATCH',
          headers: { cookie: org },
          json: { bioEn: 'New bio' },
        })
      ).status,
    ).toBe(200);
    const regs = await env.DB.prepare(
      `SELECT count(*) n FROM registrations WHERE name = '擦除讲者' OR email = 'erased.speaker@example.org' OR phone = '13911112222'`,
    ).first<{ n: number }>();
    expect(regs!.n).toBe(0);
  });
});

describe('sign-in flooding and timing (8, 9)', () => {
  const ask = (email: string, bindings = {}) =>
    call('/api/auth/sign-in', { method: 'POST', json: { email } }, bindings);
  const linksTo = async (email: string) =>
    (await env.DB.prepare(`SELECT count(*) n FROM emails WHERE kind = 'sign_in' AND "to" = ?`)
      .bind(email)
      .first<{ n: number }>())!.n;

  it('caps links per address per hour, whatever the IP, and says when a link was already asked for', async () => {
    await env.DB.prepare(
      `INSERT INTO staff (id, email, name) VALUES ('stf_flooded', 'flooded@colloquy.test', 'Flooded')`,
    ).run();
    const bindings = { SIGN_IN_PER_EMAIL_PER_MINUTE: '100', SIGN_IN_PER_EMAIL_PER_HOUR: '3' };
    const answers = [];
    for (let i = 0; i < 5; i++) {
      const res = await call(
        '/api/auth/sign-in',
        { method: 'POST', json: { email: 'flooded@colloquy.test' }, headers: { 'cf-connecting-ip': `203.0.113.${i}` } },
        bindings,
      );
      answers.push([res.status, res.body.recentlySent ?? res.body.error.code]);
    }
    expect(answers).toEqual([
      [202, false],
      [202, true],
      [202, true],
      [429, 'hourly_limit'],
      [429, 'hourly_limit'],
    ]);
    expect(await linksTo('flooded@colloquy.test')).toBe(3);
  });

  it('answers a staff address and a stranger alike: same body, same D1 work', async () => {
    await env.DB.prepare(
      `INSERT INTO staff (id, email, name) VALUES ('stf_timing', 'timing@colloquy.test', 'Timing')`,
    ).run();
    const staff = await ask('timing@colloquy.test');
    const stranger = await ask('nobody-here@example.org');
    expect([staff.status, stranger.status]).toEqual([202, 202]);
    expect(staff.body).toEqual(stranger.body);
    const trips = (h: Headers) => /round_trips=(\d+)/.exec(h.get('server-timing') ?? '')?.[1];
    expect(trips(staff.headers)).toBeDefined();
    expect(trips(staff.headers)).toBe(trips(stranger.headers));
    expect(await linksTo('timing@colloquy.test')).toBe(1);
    expect(await linksTo('nobody-here@example.org')).toBe(0);
  });
});

describe('smaller items (9)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('HTML pages carry HSTS, like the API', async () => {
    const headers = (await import('../../web/public/_headers?raw')).default;
    const pages = headers.split(/\n(?=\S)/).find((block) => block.startsWith('/*'))!;
    expect(pages).toMatch(/^\s+Strict-Transport-Security: max-age=\d{7,}; includeSubDomains$/m);
    const api = await call('/api/health');
    expect(api.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });

  it('once sent through Resend, the outbox keeps no working sign-in or management link', async () => {
    installResendDouble();
    const withKey = { ...env, RESEND_API_KEY: 're_test_key_123' };
    await env.DB.prepare(
      `INSERT INTO staff (id, email, name) VALUES ('stf_redact', 'redact@colloquy.test', 'Redact')`,
    ).run();
    await call(
      '/api/auth/sign-in',
      { method: 'POST', json: { email: 'redact@colloquy.test' } },
      { OUTBOX: { send: async () => {} } as never },
    );
    const reg = await register('cell-therapy-autoimmune-next', person('redact-me'));
    const signInToken = (await latestSignIn('redact@colloquy.test'))!.searchParams.get('token')!;
    const manage = new URL(reg.manageUrl).searchParams.get('m')!;
    await deliverDue(withKey, { limit: 500 });
    const rows = await env.DB.prepare(
      `SELECT kind, status, payload, html, text FROM emails WHERE "to" IN ('redact@colloquy.test', 'attendeeredact-me@example.org')`,
    ).all<Record<string, string>>();
    expect(rows.results.map((r) => [r.kind, r.status]).sort()).toEqual([
      ['confirmation', 'sent'],
      ['sign_in', 'sent'],
    ]);
    for (const row of rows.results) {
      for (const secret of [signInToken, manage]) expect(row.payload + row.html + row.text).not.toContain(secret);
      expect(row.text).toContain('REDACTED');
    }
  });

  it('escapes a bare CR in .ics text, so no line of the file ends early', async () => {
    const { agendaIcs } = await import('../../worker/events/ics');
    const ics = agendaIcs(
      'Cal',
      [{ uid: 'u1', start: 0, end: 60_000, summary: 'A\rB', location: 'L\r\nM', description: 'x\ny' }],
      0,
    );
    expect(ics).toContain('SUMMARY:A\\nB');
    expect(ics).toContain('LOCATION:L\\nM');
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });
});
