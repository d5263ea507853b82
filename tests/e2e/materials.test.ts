// Faculty slides in Chromium: an organiser uploads a PDF for a panel guest (watching its progress), marks it public
// after the event, and the public page of the ended seminar shows it beside the panel with a working download.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_SLUG } from '../../schema/seed/demo';
import { launch, newPage, seriousA11yViolations } from './browser';
import { signInPage } from './staff-session';

const baseUrl = inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A valid PDF of about `megabytes` MB (a long comment line), so the upload takes long enough to watch. */
function pdf(megabytes: number): Buffer {
  const head = '%PDF-1.4\n%';
  const body =
    '\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  return Buffer.from(head + 'x'.repeat(megabytes * 1024 * 1024) + body);
}

describe('faculty slides', () => {
  it('an organiser uploads a panel guest’s PDF with progress; the public page offers it after the panel', async () => {
    const page = await newPage(browser, 'en');
    await signInPage(baseUrl, page, 'organiser@colloquy.test', `/console/${DEMO_SLUG}/people`);
    await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Li Yan/ }) });
    await card.getByRole('button', { name: 'Slides and materials' }).click();
    const editor = card.getByRole('region', { name: 'Slides and materials' });
    await editor.getByText('Nothing uploaded yet.').waitFor();

    // A PNG named .pdf is refused in the browser, before any upload, by its first bytes.
    await editor.locator('input[type=file]').setInputFiles({
      name: 'slides.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    });
    await editor.getByRole('alert').filter({ hasText: 'not a PDF or a PowerPoint' }).waitFor();

    // From disk, as a person picks it: the browser streams it, and a large file keeps the bar on screen long enough.
    const dir = await mkdtemp(join(tmpdir(), 'colloquy-slides-'));
    const path = join(dir, 'CAR-T panel.pdf');
    await writeFile(path, pdf(40));
    await editor.locator('input[type=file]').setInputFiles(path);
    await expect.poll(() => editor.getByLabel('Title', { exact: true }).inputValue()).toBe('CAR-T panel');
    await editor.getByLabel('Who may see it').selectOption({ label: 'Public after the session' });
    expect(await editor.getByLabel('Agenda item').inputValue()).toBe('ses_demo_panel');
    await editor.getByRole('button', { name: 'Upload' }).click();
    const bar = editor.getByRole('progressbar', { name: 'Upload progress' });
    await bar.waitFor();
    // Seen part-way: more than nothing and less than everything, with the words beside the bar.
    const value = () => bar.evaluate((el) => (el as HTMLProgressElement).value, undefined, { timeout: 1000 });
    await expect.poll(value, { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
    const partway = await value();
    expect(partway).toBeLessThan(100);
    expect(await editor.getByText(/^Uploading… \d+%$/).textContent()).toMatch(/Uploading… [1-9]\d?%/);
    await page.getByRole('status').filter({ hasText: 'Uploaded “CAR-T panel”.' }).waitFor({ timeout: 30_000 });
    await rm(dir, { recursive: true, force: true });
    const item = editor.getByRole('listitem').filter({ hasText: 'CAR-T panel' });
    expect(await item.getByRole('combobox').inputValue()).toBe('public_after_event');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();

    // The seminar has ended, so the public page (in Chinese) shows the slides beside the panel.
    const visitor = await newPage(browser, 'zh-CN');
    await visitor.goto(`${baseUrl}/e/${DEMO_SLUG}`);
    const panel = visitor
      .getByRole('listitem')
      .filter({ has: visitor.getByRole('heading', { name: '专家讨论：细胞治疗新未来' }) });
    const link = panel.getByRole('link', { name: /CAR-T panel/ });
    await link.waitFor();
    const href = await link.getAttribute('href');
    const file = await visitor.request.get(`${baseUrl}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await visitor.context().close();
  });
});
