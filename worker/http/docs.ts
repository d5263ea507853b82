// GET /api/openapi.json and a readable reference page rendered from it (no scripts, so the CSP stays strict).
import { Hono } from 'hono';
import { html, type Safe } from '../email/html';
import type { AppEnv } from '../env';
import { rule, servedRoutes } from './contract';
import { openApiDocument } from './openapi';
import { publicOrigin } from './origin';

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  description?: string;
};
type Operation = {
  summary: string;
  'x-access': string;
  parameters: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
};

/** "string (email, ≤ 254)", "one of confirmed | waitlisted", "array of object (≤ 50)". */
function typeOf(s: Schema): string {
  if (s.enum) return `one of ${s.enum.map((v) => JSON.stringify(v)).join(' | ')}`;
  if (s.const !== undefined) return `exactly ${JSON.stringify(s.const)}`;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map(typeOf).join(', or ');
  const base =
    s.type === 'array'
      ? `array of ${s.items ? typeOf(s.items) : 'anything'}`
      : Array.isArray(s.type)
        ? s.type.join(' or ')
        : (s.type ?? 'any');
  const limits = [
    s.format,
    s.minLength !== undefined && `≥ ${s.minLength} chars`,
    s.maxLength !== undefined && `≤ ${s.maxLength} chars`,
    s.minimum !== undefined && `≥ ${s.minimum}`,
    s.maximum !== undefined && `≤ ${s.maximum}`,
    s.minItems !== undefined && `≥ ${s.minItems} items`,
    s.maxItems !== undefined && `≤ ${s.maxItems} items`,
    s.pattern && `matches ${s.pattern}`,
    s.default !== undefined && `default ${JSON.stringify(s.default)}`,
  ].filter(Boolean);
  return limits.length ? `${base} (${limits.join(', ')})` : base;
}

/** One row per field, nested objects (and arrays of them) as dotted names, a few levels deep. */
function fieldRows(s: Schema, prefix = '', depth = 0): Safe[] {
  const obj = s.type === 'array' && s.items ? s.items : s;
  if (!obj.properties || depth > 3) return [];
  return Object.entries(obj.properties).flatMap(([name, f]) => {
    const path = `${prefix}${name}${f.type === 'array' ? '[]' : ''}`;
    return [
      html`<tr><td><code>${path}</code></td><td>${typeOf(f)}</td><td>${obj.required?.includes(name) ? 'required' : 'optional'}</td></tr>`,
      ...fieldRows(f, `${path}.`, depth + 1),
    ];
  });
}

function shapes(op: Operation): Safe | string {
  const query = op.parameters.filter((p) => p.in === 'query');
  const body = op.requestBody?.content['application/json'].schema;
  if (!query.length && !body) return '';
  return html`<div class="shape">
${query.length ? html`<p>Query</p><table><tbody>${query.map((p) => html`<tr><td><code>${p.name}</code></td><td>${typeOf(p.schema)}</td><td>optional</td></tr>`)}</tbody></table>` : ''}
${body ? html`<p>JSON body</p><table><tbody>${fieldRows(body).length ? fieldRows(body) : html`<tr><td colspan="3">${typeOf(body)}</td></tr>`}</tbody></table>` : ''}
</div>`;
}

type Routes = () => readonly { method: string; path: string; handler: unknown }[];

/** `routes` reads the whole app's routes when asked (they are all mounted by then); the document is built once per origin. */
export const docsRoutes = (routes: Routes) => {
  let built: { origin: string; doc: ReturnType<typeof openApiDocument> } | undefined;
  const documentFor = (origin: string) => {
    if (built?.origin !== origin) built = { origin, doc: openApiDocument(origin, servedRoutes(routes())) };
    return built.doc;
  };
  return new Hono<AppEnv>()
    .get('/openapi.json', rule({ access: 'public', tag: 'meta', summary: 'This API description.' }), (c) =>
      c.json(documentFor(publicOrigin(c)), 200),
    )
    .get('/docs', rule({ access: 'public', tag: 'meta', summary: 'A readable reference of this API.' }), (c) => {
      const doc = documentFor(publicOrigin(c));
      const rows = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, raw]) => {
          const op = raw as Operation;
          return html`<tr><td><code>${method.toUpperCase()}</code></td><td><code>${path}</code></td><td>${op['x-access']}</td><td>${op.summary}${shapes(op)}</td></tr>`;
        }),
      );
      const page = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Colloquy API reference</title>
<style>body{font-family:system-ui,sans-serif;max-width:80rem;margin:2rem auto;padding:0 1rem;color:#1b2330}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d9dee5;padding:.4rem;text-align:left;vertical-align:top}code{font-size:.9em;overflow-wrap:anywhere}.shape{margin:.5rem 0 0;font-size:.9em}.shape p{margin:.4rem 0 .1rem;font-weight:600}.shape table{background:#f6f7f9}.shape td{border-color:#e6e9ee;padding:.2rem .4rem}.shape td:first-child,.shape td:last-child{white-space:nowrap;width:1%}.shape td:first-child code{overflow-wrap:normal}pre{background:#f6f7f9;padding:.6rem;overflow:auto}</style>
</head><body><h1>Colloquy API reference</h1>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1, generated from the schemas the routes validate with).
Writes need <code>content-type: application/json</code> and a same-origin request. Messages come in the request's language:
the body's <code>locale</code>, else <code>Accept-Language</code> (<code>zh-CN</code> or <code>en</code>).</p>
<p>Every error answers with this shape (4xx for bad input; <code>fields</code> names each field to fix):</p>
<pre>{ "error": { "code": "invalid", "message": "Some fields need attention.", "fields": { "email": "Enter a valid email address." } } }</pre>
<table><thead><tr><th>Method</th><th>Path</th><th>Who</th><th>What, and what it takes</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
      return c.html(page.html, 200);
    });
};
