// Page weight: loads each page in Chromium (scripts/chromium.mjs picks which) and sums the gzipped JS and CSS it fetched, plus JS it would fetch on demand.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { launchOptions } from '../scripts/chromium.mjs';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => Math.round((n / 1024) * 100) / 100;

/** Dynamic imports in a chunk other than the entry: code a page loads later (e.g. the jsQR decoder when there is no BarcodeDetector). */
const dynamicImports = (text) => [...text.matchAll(/import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g)].map((m) => m[1]);

async function measurePage(browser, origin, page, cookie) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    if (cookie) {
      const [name, value] = cookie.split(/=(.*)/s);
      await context.addCookies([{ name, value, url: origin }]);
    }
    const tab = await context.newPage();
    const files = new Map();
    const pending = [];
    tab.on('response', (res) => {
      const type = res.headers()['content-type'] ?? '';
      const kind = /javascript/.test(type) ? 'js' : /text\/css/.test(type) ? 'css' : null;
      if (!kind || files.has(res.url())) return;
      files.set(res.url(), null);
      // A response that arrives after the page is measured and closed has no body to read: it is left out
      // rather than failing the run with an unhandled rejection.
      pending.push(
        res.body().then(
          (body) =>
            files.set(res.url(), {
              kind,
              raw: body.length,
              gzip: gz(body),
              text: kind === 'js' ? body.toString('utf8') : '',
            }),
          () => {},
        ),
      );
    });
    const response = await tab.goto(origin + page.path, { waitUntil: 'networkidle', timeout: 30_000 });
    if (!response?.ok()) throw new Error(`${page.path}: HTTP ${response?.status()}`);
    if (page.waitFor) await tab.waitForSelector(page.waitFor, { timeout: 15_000 });
    await tab.waitForLoadState('networkidle');
    await Promise.all(pending);
    const finalPath = new URL(tab.url()).pathname;

    const loaded = [...files].filter(([, f]) => f).map(([url, f]) => ({ file: new URL(url).pathname, ...f }));
    // The entry's dynamic imports are the other pages' routes, so they are not this page's on-demand code.
    const entrySrc = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(
      await (await fetch(origin + page.path)).text(),
    )?.[1];
    const entry = loaded.find((f) => f.kind === 'js' && entrySrc && f.file === new URL(entrySrc, origin).pathname);
    if (!entry) throw new Error(`${page.path}: could not find the entry script among the loaded files`);
    const onDemandNames = new Set();
    for (const f of loaded)
      if (f.kind === 'js' && f !== entry) for (const name of dynamicImports(f.text)) onDemandNames.add(name);
    const onDemand = [];
    for (const name of onDemandNames) {
      const url = new URL(`/assets/${name}`, origin).href;
      if (files.has(url)) continue;
      const res = await fetch(url);
      if (!res.ok) continue;
      const body = Buffer.from(await res.arrayBuffer());
      onDemand.push({ file: `/assets/${name}`, kind: 'js', raw: body.length, gzip: gz(body) });
    }
    const sum = (list, kind, k = 'gzip') => list.filter((f) => f.kind === kind).reduce((n, f) => n + f[k], 0);
    return {
      path: page.label ?? page.path,
      finalPath,
      jsGzipKB: kb(sum(loaded, 'js')),
      cssGzipKB: kb(sum(loaded, 'css')),
      jsRawKB: kb(sum(loaded, 'js', 'raw')),
      cssRawKB: kb(sum(loaded, 'css', 'raw')),
      onDemandJsGzipKB: kb(sum(onDemand, 'js')),
      files: [...loaded, ...onDemand.map((f) => ({ ...f, onDemand: true }))].map(({ text, ...f }) => ({
        ...f,
        gzipKB: kb(f.gzip),
      })),
    };
  } finally {
    await context.close();
  }
}

/** pages: [{ key, path, cookie?, waitFor? }] → { [key]: weights } */
export async function measurePages(origin, pages) {
  const browser = await chromium.launch(await launchOptions());
  try {
    const out = {};
    for (const page of pages) out[page.key] = await measurePage(browser, origin, page, page.cookie);
    return out;
  } finally {
    await browser.close();
  }
}
