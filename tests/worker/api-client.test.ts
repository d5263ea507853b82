// The web app's API client runtime (web/src/api-client.ts) sends what hono's hc sends for the same call: the pages
// keep hc's types, and this keeps hc's behaviour for the calls they make. A hono upgrade that changes hc shows here.
import { hc } from 'hono/client';
import { describe, expect, it, vi } from 'vitest';
import { apiClient } from '../../web/src/api-client';

/** A route object of either client, untyped: any path, any method, called with hc's arguments. */
type Route = { [segment: string]: Route } & ((args?: object, options?: object) => Promise<Response>);
type Sent = { url: string; method: string; headers: [string, string][]; body: unknown; fields: string[] };

async function sent(call: (client: Route) => Promise<unknown>, client: Route): Promise<Sent> {
  let seen: Sent | undefined;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const headers: [string, string][] = [];
    new Headers(init?.headers).forEach((value, name) => {
      headers.push([name, value]);
    });
    seen = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers,
      body: init?.body ?? null,
      fields: Object.keys(init ?? {}).sort(),
    };
    return new Response('{}');
  });
  try {
    await call(client);
  } finally {
    spy.mockRestore();
  }
  return seen!;
}

const defaults = { headers: () => ({ 'accept-language': 'zh-CN' }) };
const ours = apiClient<Route>(defaults);
const theirs = hc('/', defaults) as unknown as Route;

const calls: [string, (c: Route) => Promise<unknown>][] = [
  ['a path parameter', (c) => c.api!.events![':slug']!.$get!({ param: { slug: 'cell-therapy-2026' } })],
  ['an optional parameter left empty', (c) => c.api!.files![':id?']!.$get!({ param: { id: '' } })],
  [
    'a query with an array, a number and an undefined value',
    (c) => c.api!.search!.$get!({ query: { q: '张 wa', tag: ['a', 'b'], skip: undefined, n: 3 } }),
  ],
  ['the index route', (c) => c.api!.index!.$get!()],
  [
    'a JSON body with per-call headers over the defaults',
    (c) =>
      c.api!.events![':slug']!.registrations!.$post!(
        { param: { slug: 's' }, json: { name: '王芳', answers: { dept: ['心内科'] } } },
        { headers: { 'accept-language': 'en', 'x-desk': 'd1' } },
      ),
  ],
  ['a JSON body on a GET, which is dropped', (c) => c.api!.things!.$get!({ json: { a: 1 } })],
  [
    'fetch init overriding the method and headers, with a file body of its own type',
    (c) =>
      c.api!.files!.$put!(undefined, {
        init: { method: 'POST', body: '%PDF-1.7', headers: { 'content-type': 'application/pdf' } },
      }),
  ],
  [
    'a DELETE with a parameter and a query',
    (c) => c.api!.items![':id']!.$delete!({ param: { id: 'x1' }, query: { at: '1' } }),
  ],
];

describe('the web API client', () => {
  it.each(calls)('builds the same request as hc for %s', async (_, call) => {
    const mine = await sent(call, ours);
    expect(mine.url.startsWith('/api')).toBe(true);
    expect(mine).toEqual(await sent(call, theirs));
  });
});
