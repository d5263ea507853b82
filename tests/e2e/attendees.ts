// Attendees a browser test registers through the API, cancelled when the file ends so their seats go back.
import { expect } from 'vitest';

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Registration = { ticketCode: string; ticketUrl: string; manageUrl: string; status: string };

const post = (baseUrl: string, path: string, body: unknown) =>
  fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(body),
  });

/** The management token of a ticket made without one at hand (a walk-in): asked for by email, read from the dev mailbox. */
async function emailedToken(baseUrl: string, code: string): Promise<string | null> {
  await post(baseUrl, `/api/tickets/${encodeURIComponent(code)}/send-link`, {});
  for (let attempt = 0; attempt < 20; attempt++) {
    const { emails } = (await (await fetch(`${baseUrl}/api/dev/mailbox`)).json()) as {
      emails: { kind: string; text: string | null }[];
    };
    const mail = emails.find((m) => m.kind === 'manage_link' && m.text?.includes(`/t/${code}?m=`));
    const token = mail && new RegExp(`/t/${code}\\?m=([\\w-]+)`).exec(mail.text!)?.[1];
    if (token) return token;
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

export function testAttendees(baseUrl: string, slug: string, emailPrefix: string, locale: 'zh-CN' | 'en') {
  // Ticket codes with their management token, when the test has it (registrations it made through the API).
  const created: { code: string; token: string | null }[] = [];
  return {
    /** Tickets made another way (walk-ins) that should be given back too. */
    track: (ticketCode: string) => created.push({ code: ticketCode, token: null }),
    async register(name: string, affiliation?: string): Promise<Registration> {
      const res = await fetch(`${baseUrl}/api/events/${slug}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseUrl },
        body: JSON.stringify({
          name,
          email: `${emailPrefix}-${unique()}@example.org`,
          affiliation,
          locale,
          consent: true,
        }),
      });
      expect(res.status).toBe(201);
      const { registration } = (await res.json()) as { registration: Registration };
      created.push({ code: registration.ticketCode, token: new URL(registration.manageUrl).searchParams.get('m') });
      return registration;
    },
    async cancelAll() {
      // Cancelling needs the management token, as for an attendee: the ticket code alone no longer does it.
      for (const { code, token } of created.splice(0)) {
        const manage = token ?? (await emailedToken(baseUrl, code));
        if (manage) await post(baseUrl, `/api/tickets/${encodeURIComponent(code)}/cancel`, { token: manage });
      }
    },
  };
}
