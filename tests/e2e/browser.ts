// Chromium through playwright-core (Debian's, or the pinned one from npm: scripts/chromium.mjs decides), plus an axe-core check.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { launchOptions } from '../../scripts/chromium.mjs';

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch(await launchOptions(extraArgs));
}

export async function newPage(
  browser: Browser,
  locale: 'zh-CN' | 'en',
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ locale, ...options });
  return context.newPage();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Violations that axe rates serious or critical. */
export async function seriousA11yViolations(page: Page) {
  await page.evaluate(axeSource); // evaluated over CDP, so the page's CSP stays as strict as users get it
  const result = await page.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return (result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
