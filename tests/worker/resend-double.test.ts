// The Resend double itself: it must refuse what Resend refuses, or the email tests prove nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installResendDouble, MAX_BATCH } from '../fakes/resend';

afterEach(() => vi.restoreAllMocks());

const headers = { authorization: 'Bearer re_test_key_123', 'content-type': 'application/json' };
const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
  fetch(`https://api.resend.com${path}`, {
    method: 'POST',
    headers: { ...headers, ...extra },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const email = (i = 0, extra: Record<string, unknown> = {}) => ({
  from: 'Colloquy <events@colloquy.test>',
  to: [`a${i}@example.org`],
  subject: '报名成功',
  html: '<p>你好</p>',
  text: '你好',
  ...extra,
});

describe('the Resend double accepts what the app sends', () => {
  it('a single email with an inline image and an .ics, tags, and a bare sender address', async () => {
    const resend = installResendDouble();
    const res = await post(
      '/emails',
      email(0, {
        from: 'events@colloquy.test',
        attachments: [
          { filename: 'qr.png', content: 'iVBORw0KGgo=', content_type: 'image/png', content_id: 'ticket-qr' },
          { filename: 'agenda.ics', content: 'QkVHSU4=', content_type: 'text/calendar; charset=utf-8' },
        ],
        tags: [{ name: 'kind', value: 'confirmation' }],
        reply_to: 'office@colloquy.test',
      }),
      { 'idempotency-key': 'eml_1' },
    );
    expect(res.status).toBe(200);
    expect(resend.violations).toEqual([]);
    const { id } = (await res.json()) as { id: string };
    expect(resend.deliveries).toEqual([expect.objectContaining({ id, idempotencyKey: 'eml_1' })]);
    // The same key answers with the first send's id and sends nothing more.
    const again = await post('/emails', email(0, { from: 'events@colloquy.test' }), { 'idempotency-key': 'eml_1' });
    expect(await again.json()).toEqual({ id });
    expect(resend.deliveries).toHaveLength(1);
  });

  it('a batch of exactly 100, text only, and records its size', async () => {
    const resend = installResendDouble();
    const res = await post(
      '/emails/batch',
      Array.from({ length: MAX_BATCH }, (_, i) => email(i, { html: undefined })),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(100);
    expect(resend.calls).toEqual([{ method: 'POST', path: '/emails/batch', status: 200, emails: 100 }]);
  });
});

describe('the Resend double refuses what Resend would refuse, with 422', () => {
  const refused = async (path: string, body: unknown, pattern: RegExp) => {
    const resend = installResendDouble();
    const res = await post(path, body);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ statusCode: 422, name: 'validation_error' });
    expect(resend.violations.join('\n')).toMatch(pattern);
    expect(resend.deliveries).toEqual([]);
    vi.restoreAllMocks();
  };

  it("unknown top-level keys, such as the SDK's camelCase replyTo or a typo", async () => {
    await refused('/emails', email(0, { replyTo: 'office@colloquy.test' }), /\/replyTo is not a field/);
    await refused('/emails', email(0, { bogus: 1 }), /\/bogus is not a field/);
    await refused(
      '/emails/batch',
      [email(0), email(1, { scheduledAt: 'tomorrow' })],
      /\/1\/scheduledAt is not a field/,
    );
  });

  it("unknown attachment keys (contentType is the SDK's name, content_type the API's) and bad tags", async () => {
    await refused(
      '/emails',
      email(0, { attachments: [{ filename: 'a.ics', content: 'QQ==', contentType: 'text/calendar' }] }),
      /attachments\/0\/contentType is not a field/,
    );
    await refused('/emails', email(0, { tags: [{ name: 'kind', value: 'event 2026/1' }] }), /tags\/0\/value must be/);
  });

  it('more than 100 emails in a batch', async () => {
    await refused(
      '/emails/batch',
      Array.from({ length: MAX_BATCH + 1 }, (_, i) => email(i)),
      /a batch of 101 emails; at most 100/,
    );
  });

  it('an email with neither html nor text, or a template with html', async () => {
    await refused('/emails', email(0, { html: undefined, text: undefined }), /has neither html, text nor template/);
    await refused('/emails/batch', [email(0), email(1, { html: undefined, text: undefined })], /\/1 has neither html/);
    await refused('/emails', email(0, { template: { id: 'tpl_1' } }), /has a template and also html or text/);
  });

  it('a from that is not an address, and a recipient that is not one', async () => {
    await refused('/emails', email(0, { from: 'Colloquy' }), /from "Colloquy" is not an address/);
    await refused('/emails', email(0, { from: 'Colloquy <events>' }), /from "Colloquy <events>" is not an address/);
    await refused('/emails', email(0, { to: ['张三'] }), /to "张三" is not an address/);
  });

  it('missing required fields (from the OpenAPI schema) and broken JSON, without throwing', async () => {
    await refused('/emails', { to: 'a@example.org' }, /from|subject/);
    await refused('/emails', '{"from": "events@colloquy.test", "to": ', /does not parse as JSON/);
    await refused('/emails/batch', '[{', /does not parse as JSON/);
  });
});

describe("the Resend double's injected faults", () => {
  it('answers a planned 429 with retry-after, then succeeds', async () => {
    const resend = installResendDouble();
    resend.failNext(429);
    const first = await post('/emails', email());
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '1']);
    expect((await post('/emails', email())).status).toBe(200);
    expect(resend.calls.map((c) => c.status)).toEqual([429, 200]);
  });
});
