// GET /api/openapi.json and a readable reference page rendered from it (no scripts, so the CSP stays strict).
import { Hono } from 'hono';
import { html } from '../email/html';
import type { AppEnv } from '../env';
import { openApiDocument, ROUTE_RULES } from './route-rules';
import { publicOrigin } from './origin';

export const docsRoutes = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json(openApiDocument(publicOrigin(c)), 200))
  .get('/docs', (c) => {
    const rows = Object.entries(ROUTE_RULES).map(([key, r]) => {
      const [method, path] = key.split(' ');
      return html`<tr><td><code>${method}</code></td><td><code>${path}</code></td><td>${r.access}</td><td>${r.summary}</td></tr>`;
    });
    const page = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Colloquy API reference</title>
<style>body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b2330}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d9dee5;padding:.4rem;text-align:left;vertical-align:top}code{font-size:.9em}</style>
</head><body><h1>Colloquy API reference</h1>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1, generated from the schemas the routes validate with).
Errors always look like <code>{ "error": { "code", "message", "fields"? } }</code>. Writes need <code>content-type: application/json</code> and a same-origin request.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Who</th><th>What</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
    return c.html(page.html, 200);
  });
