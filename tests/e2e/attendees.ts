// Attendees a browser test registers through the API, cancelled when the file ends so their seats go back.
import { expect } from 'vitest';

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Registration = { ticketCode: string; ticketUrl: string; status: string };

export function testAttendees(baseUrl: string, slug: string, emailPrefix: string, locale: 'zh-CN' | 'en') {
  const created: string[] = [];
  return {
    /** Tickets made another way (walk-ins) that should be given back too. */
    track: (ticketCode: string) => created.push(ticketCode),
    async register(name: string, affiliation?: string): Promise<Registration> {
      const res = await fetch(`${baseUrl}/api/events/${slug}/registrations`, {
        method: 'POST', headers: { 'content-type': 'application/json', origin: baseUrl },
        body: JSON.stringify({ name, email: `${emailPrefix}-${unique()}@example.org`, affiliation, locale, consent: true }),
      });
      expect(res.status).toBe(201);
      const { registration } = (await res.json()) as { registration: Registration };
      created.push(registration.ticketCode);
      return registration;
    },
    async cancelAll() {
      for (const code of created.splice(0)) {
        await fetch(`${baseUrl}/api/tickets/${encodeURIComponent(code)}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json', origin: baseUrl }, body: '{}' });
      }
    },
  };
}
