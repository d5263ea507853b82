// Chinese is drawn in a Chinese font, not as boxes, on the public page and on a printed badge, whichever Chromium runs the tests.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newPage } from './browser';
import { sharedCookie, useSession } from './staff-session';

const baseUrl = inject('baseUrl');
const SLUG = 'cell-therapy-autoimmune-next';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The fonts Chromium actually drew the element's text with, and how many glyphs each drew (DevTools' "Rendered Fonts"). */
async function renderedFonts(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => ({ family: f.familyName, glyphs: f.glyphCount }));
}

// A font with Chinese glyphs: npm's Noto Sans SC, or the system's Noto Sans CJK where fonts-noto-cjk is installed.
const CJK_FONT = /^Noto Sans (CJK )?SC$/;

describe('Chinese text', () => {
  it('on the public page is drawn entirely in a Chinese font', async () => {
    const page = await newPage(browser, 'zh-CN');
    await page.goto(baseUrl + '/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('细胞治疗治疗自身免疫性疾病学术交流会（第二期）');
    const fonts = await renderedFonts(page, 'h1');
    expect(fonts.map((f) => f.family)).toEqual([expect.stringMatching(CJK_FONT)]);
    expect(fonts[0]!.glyphs).toBe('细胞治疗治疗自身免疫性疾病学术交流会（第二期）'.length);
    await page.context().close();
  });

  it('on a badge is drawn in a Chinese font, name and role alike', async () => {
    const page = await newPage(browser, 'zh-CN');
    await useSession(page.context(), baseUrl, await sharedCookie(baseUrl, 'organiser@colloquy.test'));
    await page.goto(`${baseUrl}/badges/${SLUG}`);
    await expect.poll(() => page.locator('.namebadge-name').first().textContent()).toBe('金京玉');
    expect((await renderedFonts(page, '.namebadge-name')).map((f) => f.family)).toEqual([
      expect.stringMatching(CJK_FONT),
    ]);
    // "SPEAKER 主讲": the Latin part may come from another font, the two characters must not.
    const band = await renderedFonts(page, '.namebadge-band');
    expect(band.filter((f) => CJK_FONT.test(f.family)).reduce((n, f) => n + f.glyphs, 0)).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });
});
