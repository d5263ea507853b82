// The QR in the confirmation email, read back by independent decoders (pngjs + jsQR), leads to the ticket.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { UPCOMING_SLUG } from '../../schema/seed/demo';

const baseUrl = inject('baseUrl');

describe('the emailed QR code', () => {
  it('decodes to the ticket URL, at most 60 characters, with no personal data', async () => {
    const email = `qr-${Date.now()}@example.org`;
    const res = await fetch(`${baseUrl}/api/events/${UPCOMING_SLUG}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ name: '王医生', email, locale: 'zh-CN', consent: true }),
    });
    expect(res.status).toBe(201);
    const { registration } = (await res.json()) as { registration: { ticketUrl: string } };
    const { emails } = (await (await fetch(`${baseUrl}/api/dev/mailbox`)).json()) as {
      emails: { to: string; html: string; attachments: { contentId: string | null; path: string | null }[] }[];
    };
    const mail = emails.find((m) => m.to === email)!;
    // The image is an inline attachment (cid:), embedded by Resend from the hosted PNG.
    const cid = /<img src="cid:([^"]+)"/.exec(mail.html)![1]!;
    const src = mail.attachments.find((a) => a.contentId === cid)!.path!;
    const png = PNG.sync.read(Buffer.from(await (await fetch(src)).arrayBuffer()));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(registration.ticketUrl);
    expect(decoded!.data.length).toBeLessThanOrEqual(60);
    expect(decoded!.data).not.toContain('王');
    expect(decoded!.data).not.toContain('qr-');
  });
});
