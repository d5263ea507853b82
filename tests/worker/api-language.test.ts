// The API answers in the requester's language: errors and field messages in zh-CN or English, for every code and message.
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { CODE_MESSAGES, chinese } from '../../worker/http/messages';
import { person } from './fixtures';
import { call, signIn } from './helpers';

const SLUG = 'cell-therapy-autoimmune-next';
const register = (body: unknown, headers: Record<string, string> = {}) =>
  call(`/api/events/${SLUG}/registrations`, { method: 'POST', headers, json: body });

describe("error messages in the request's language", () => {
  it('a Chinese registration with a bad email is told in Chinese which field to fix', async () => {
    const res = await register(person('lang-zh', { email: 'wang-at-example.com', name: 'x'.repeat(121) }));
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'invalid',
      message: '部分内容需要修改。',
      fields: { name: '最多 120 个字符。', email: '电子邮箱格式不正确。' },
    });
    expect(res.headers.get('content-language')).toBe('zh-CN');
  });

  it('an English one is told in English, whatever the browser says', async () => {
    const res = await register(person('lang-en', { email: 'ada-at-example.com', locale: 'en', consent: false }), {
      'accept-language': 'zh-CN',
    });
    expect(res.body.error.message).toBe('Some fields need attention.');
    expect(res.body.error.fields!).toEqual({
      email: 'Enter a valid email address.',
      consent: 'Please agree to the use of your details for this event.',
    });
  });

  it("an organiser writing a Chinese message is answered in the console's language, not the message's", async () => {
    const cookie = await signIn('organiser@colloquy.test');
    const res = await call(`/api/events/${SLUG}/messages/preview`, {
      method: 'POST',
      headers: { cookie, 'accept-language': 'en' },
      json: { audience: { type: 'people' }, subject: '诚邀', body: '{{fax}}', locale: 'zh-CN' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields!.body).toMatch(/^Unknown placeholder \{\{fax\}\}\./);
  });

  it("without a body, Accept-Language decides; zod's own wording becomes a plain sentence in both languages", async () => {
    const zh = await call('/api/tickets/AAAAAAAAAAAAAAAAAAAAAA', {
      headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
    });
    expect(zh.body.error).toEqual({ code: 'not_found', message: '没有使用此票码的电子票。' });
    const en = await call('/api/tickets/AAAAAAAAAAAAAAAAAAAAAA', {
      headers: { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' },
    });
    expect(en.body.error.message).toBe('No ticket has this code.');
    expect((await call('/nowhere/at/all', { headers: { 'accept-language': 'zh' } })).body.error.message).toBe(
      '此地址没有内容。',
    );

    const missing = await register({ consent: true }, { 'accept-language': 'zh-CN' });
    expect(missing.body.error.fields!.name).toBe('请填写此项。');
    const missingEn = await register({ consent: true }, { 'accept-language': 'en' });
    expect(missingEn.body.error.fields!.name).toBe('Fill this in.');
  });

  it('errors raised before the body is read (wrong content type) follow Accept-Language too', async () => {
    const res = await call(`/api/events/${SLUG}/registrations`, {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'text/plain', origin: 'http://localhost:8787', 'accept-language': 'zh-CN' },
    });
    expect(res.status).toBe(415);
    expect(res.body.error.message).toBe('请以 content-type: application/json 发送 JSON。');
  });
});

// Every source file of the Worker, to find each code and message it can answer with.
const sources = import.meta.glob('../../worker/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
// Files that hold bilingual text of their own (emails, docs, CSV headers, the certificate's printed labels), not answers.
const NOT_ERRORS =
  /worker-configuration|\/email\/|http\/docs|http\/openapi|http\/messages|messages\/templates|messages\/render|attendees\/csv-text|certificates\/pdf/;

describe('every code and message the Worker uses has zh-CN and English', () => {
  const files = Object.entries(sources).filter(([path]) => !NOT_ERRORS.test(path));

  it("finds the Worker's sources", () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('each error code', () => {
    const codes = new Set<string>();
    for (const [, text] of files) {
      for (const m of text.matchAll(/new ApiError\(\s*\d+,\s*'([a-z_]+)'/g)) codes.add(m[1]!);
      for (const m of text.matchAll(/errorResponse\(c,\s*\d+,\s*'([a-z_]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(15);
    // Read as plain strings: the scan finds codes by text, whatever the ErrorCode type says.
    const messages: Partial<Record<string, { en?: string; 'zh-CN'?: string }>> = CODE_MESSAGES;
    const missing = [...codes].filter((code) => !messages[code]?.en || !messages[code]?.['zh-CN']);
    expect(missing).toEqual([]);
  });

  it('each sentence a route or schema writes', () => {
    const sentences = new Set<string>();
    // A route's summary documents the API in English for /api/docs; it is never an answer.
    const summaries = /summary:\s*('[^'\n]*'|"[^"\n]*")/g;
    for (const [, text] of files)
      for (const m of text.replace(summaries, '').matchAll(/'([A-Z][^'\n\\]{3,}[.?!])'/g)) sentences.add(m[1]!);
    expect(sentences.size).toBeGreaterThan(40);
    expect([...sentences].filter((s) => !chinese(s))).toEqual([]);
  });
});
