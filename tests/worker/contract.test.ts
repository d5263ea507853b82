// /api/openapi.json describes what the routes really take: each documented field, given a value the documented
// schema rejects, is rejected by the route for that same field; and the document lists every served route's contract.
import { Validator } from '@cfworker/json-schema';
import type { ErrorBody } from '../../worker/http/errors';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { servedRoutes } from '../../worker/http/contract';
import { inputSchema } from '../../worker/http/openapi';
import { call, signIn } from './helpers';

const SLUG = 'cell-therapy-autoimmune-2026';
type Schema = { type?: string | string[]; enum?: unknown[]; maxLength?: number; properties?: Record<string, Schema> };
type Operation = {
  'x-access': string;
  parameters: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
};

let organiser: string;
let doc: { paths: Record<string, Record<string, Operation>> };
/** A working faculty portal link: its routes check the link before the body, as organiser routes check the session. */
let portalToken = '';
beforeAll(async () => {
  organiser = await signIn('organiser@colloquy.test');
  doc = (await call('/api/openapi.json')).body as unknown as typeof doc;
  await call(`/api/events/${SLUG}/faculty/per_demo_li/link`, { method: 'POST', headers: { cookie: organiser } });
  const mail = await env.DB.prepare(
    `SELECT text FROM emails WHERE kind = 'faculty_link' ORDER BY created_at DESC LIMIT 1`,
  ).first<{
    text: string;
  }>();
  portalToken = /\/portal\/([A-Za-z0-9_-]{22})/.exec(mail?.text ?? '')?.[1] ?? '';
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
const concrete = (path: string) =>
  path
    .replace('{slug}', SLUG)
    .replace('{token}', portalToken)
    .replace(/\{[A-Za-z]+\}/g, 'AAAAAAAAAAAAAAAAAAAAAA');

/** A value the field's documented schema rejects, or undefined when this test cannot build one simply. */
function breaking(s: Schema, inQuery: boolean): unknown {
  if (s.enum) return 'not-one-of-these';
  if (inQuery) {
    if (s.type === 'number' || s.type === 'integer') return 'not-a-number';
    if (s.type === 'string' && s.maxLength !== undefined) return 'x'.repeat(s.maxLength + 1);
    return undefined;
  }
  return { string: 12345, number: 'NaN', integer: 'one', boolean: 'yes', array: 'no', object: 'no' }[String(s.type)];
}

describe('the API description', () => {
  it('lists exactly the served routes, each with the schemas its rule validates with', () => {
    const served = servedRoutes(app.routes);
    const documented = operations().map((o) => `${o.method} ${o.path}`);
    const toDoc = (p: string) => p.replace(/:([A-Za-z]+)/g, '{$1}');
    expect(documented.sort()).toEqual(served.map((r) => `${r.method} ${toDoc(r.path)}`).sort());
    for (const { method, path, contracts } of served) {
      const op = doc.paths[toDoc(path)]![method.toLowerCase()]!;
      const [contract] = contracts;
      expect(op['x-access'], `${method} ${path}`).toBe(contract!.access);
      expect(op.requestBody?.content['application/json'].schema).toEqual(
        contract!.json && JSON.parse(JSON.stringify(inputSchema(contract!.json))),
      );
    }
  });

  it('each documented body field, sent with a value the document rejects, is rejected by the route for that field', async () => {
    let checked = 0;
    for (const { method, path, op } of operations()) {
      const schema = op.requestBody?.content['application/json'].schema;
      if (!schema?.properties) continue;
      const validator = new Validator(schema as never, '2020-12', false);
      for (const [field, fieldSchema] of Object.entries(schema.properties)) {
        const bad = breaking(fieldSchema, false);
        if (bad === undefined) continue;
        const json = { [field]: bad };
        expect(validator.validate(json).valid, `the document rejects ${JSON.stringify(json)}`).toBe(false);
        const res = await call(concrete(path), { method, json, headers: { cookie: organiser } });
        const body = res.body as ErrorBody;
        const what = `${method} ${path} ${JSON.stringify(json)}`;
        expect(res.status, what).toBe(400);
        expect(body.error.code, what).toBe('invalid');
        expect(Object.keys(body.error.fields ?? {}), what).toContain(field);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('each documented query parameter, sent with a value the document rejects, is rejected by the route for it', async () => {
    let checked = 0;
    for (const { method, path, op } of operations()) {
      for (const p of op.parameters.filter((q) => q.in === 'query')) {
        const bad = breaking(p.schema, true);
        if (bad === undefined) continue;
        const res = await call(`${concrete(path)}?${new URLSearchParams({ [p.name]: String(bad) })}`, {
          method,
          headers: { cookie: organiser },
        });
        const what = `${method} ${path}?${p.name}=${String(bad).slice(0, 20)}`;
        expect(res.status, what).toBe(400);
        expect(Object.keys(res.body.error.fields ?? {}), what).toContain(p.name);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8);
  });
});
