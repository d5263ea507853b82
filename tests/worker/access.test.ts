// The route-by-role matrix: every route declares a rule in its chain, and every rule holds for anonymous callers,
// desk staff, organisers of another event and organisers of the event. A new route without a rule fails here.
import type { ErrorBody } from '../../worker/http/errors';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { servedRoutes } from '../../worker/http/contract';
import { call, signIn } from './helpers';

const SLUG = 'cell-therapy-autoimmune-2026';
const served = servedRoutes(app.routes);
const RULES = served.flatMap((r) =>
  r.contracts.length === 1 ? [[`${r.method} ${r.path}`, r.contracts[0]!] as const] : [],
);

let desk: string;
let organiser: string;
let otherOrganiser: string;
beforeAll(async () => {
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO events (id, slug, title_zh, title_en, venue_zh, venue_en, timezone, starts_at, ends_at, capacity, status) VALUES ('evt_other', 'other-meeting', '另一个会', 'Another meeting', '某地', 'Somewhere', 'Asia/Shanghai', 0, 1, 10, 'published')`,
    ),
    env.DB.prepare(
      `INSERT INTO staff (id, email, name) VALUES ('stf_other', 'other@colloquy.test', 'Other organiser')`,
    ),
    env.DB.prepare(`INSERT INTO staff_roles (staff_id, event_id, role) VALUES ('stf_other', 'evt_other', 'organiser')`),
  ]);
  desk = await signIn('desk@colloquy.test');
  organiser = await signIn('organiser@colloquy.test');
  otherOrganiser = await signIn('other@colloquy.test');
});

const concrete = (path: string) => path.replace(':slug', SLUG).replace(/:[A-Za-z]+/g, 'AAAAAAAAAAAAAAAAAAAAAA');
const request = (key: string, cookie?: string) => {
  const [method, path] = key.split(' ') as [string, string];
  const write = method !== 'GET';
  return call(concrete(path), {
    method,
    ...(write ? { json: {} } : {}),
    headers: cookie ? { cookie } : {},
    redirect: 'manual',
  });
};

describe('the routes', () => {
  it('each declare exactly one rule in their chain', () => {
    const wrong = served.filter((r) => r.contracts.length !== 1).map((r) => `${r.method} ${r.path}`);
    expect(wrong).toEqual([]);
    // Read from the app itself: a route added without rule() is served all the same and shows up above.
    expect(RULES.length).toBeGreaterThanOrEqual(64);
  });
});

describe('the evaluation routes (issue 19)', () => {
  it('are served with ticket, organiser and faculty access', () => {
    const access = Object.fromEntries(
      RULES.filter(([k]) => /evaluation|assessment|feedback/.test(k)).map(([k, r]) => [k, r.access]),
    );
    expect(access).toEqual({
      'GET /api/tickets/:code/evaluation': 'ticket',
      'PUT /api/tickets/:code/evaluation/answers': 'ticket',
      'PUT /api/tickets/:code/assessment/draft': 'ticket',
      'POST /api/tickets/:code/assessment/attempts': 'ticket',
      'GET /api/events/:slug/evaluation': 'organiser',
      'PUT /api/events/:slug/evaluation': 'organiser',
      'POST /api/events/:slug/evaluation/copy': 'organiser',
      'GET /api/events/:slug/evaluation/results': 'organiser',
      'GET /api/events/:slug/evaluation/comments': 'organiser',
      'GET /api/events/:slug/evaluation/results.csv': 'organiser',
      'GET /api/events/:slug/evaluation/speakers': 'organiser',
      'POST /api/events/:slug/evaluation/speakers/send': 'organiser',
      'GET /api/portal/:token/feedback': 'faculty',
    });
  });
});

describe.each(RULES)('%s', (key, rule) => {
  it(`is ${rule.access}`, async () => {
    // Signing out revokes the session it is called with, so that route gets sessions of its own.
    const fresh = key === 'POST /api/auth/sign-out';
    const anon = await request(key);
    const asDesk = await request(key, fresh ? await signIn('desk@colloquy.test') : desk);
    const asOther = await request(key, fresh ? await signIn('other@colloquy.test') : otherOrganiser);
    const asOrganiser = await request(key, fresh ? await signIn('organiser@colloquy.test') : organiser);
    const denied = (s: number) => s === 401 || s === 403;
    for (const r of [anon, asDesk, asOther, asOrganiser]) {
      expect(r.status).toBeLessThan(500);
      if (r.status >= 400 && r.headers.get('content-type')?.includes('json'))
        // The path is built from the route table, so its body is unknown to the compiler: this is the claim checked.
        expect((r.body as ErrorBody).error.code).toEqual(expect.any(String));
    }
    switch (rule.access) {
      case 'public':
      case 'ticket':
        expect([anon, asDesk, asOther, asOrganiser].some((r) => denied(r.status))).toBe(false);
        break;
      case 'staff':
        expect(anon.status).toBe(401);
        expect(denied(asOrganiser.status)).toBe(false);
        break;
      case 'desk':
        expect(anon.status).toBe(401);
        expect(asOther.status).toBe(403);
        expect(denied(asDesk.status)).toBe(false);
        expect(denied(asOrganiser.status)).toBe(false);
        break;
      case 'organiser':
        expect(anon.status).toBe(401);
        expect(asDesk.status).toBe(403);
        expect(asOther.status).toBe(403);
        expect(denied(asOrganiser.status)).toBe(false);
        break;
      case 'faculty':
        // A link that opens nobody is refused the same way whoever calls, signed in or not: staff sessions open no
        // portal (tests/worker/faculty.test.ts opens real links, and only their own person's data).
        for (const r of [anon, asDesk, asOther, asOrganiser]) expect(r.status).toBe(404);
        break;
      case 'webhook':
        // Unsigned calls never get through, whoever makes them.
        for (const r of [anon, asDesk, asOther, asOrganiser]) expect([401, 404]).toContain(r.status);
        break;
      case 'dev': {
        const [method, path] = key.split(' ') as [string, string];
        const deployed = await call(concrete(path), { method }, { APP_ENV: 'production' });
        expect(deployed.status).toBe(404);
        break;
      }
      default:
        throw new Error(`no check for access ${rule.access}`);
    }
  });
});
