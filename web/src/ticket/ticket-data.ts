// Loads, cancels and erases a ticket through the typed client; an unknown code reads as null.
import { query } from '@solidjs/router';
import { api, ApiFailure, readJson, type Ticket } from '../api';

export const getTicket = query(async (code: string): Promise<Ticket | null> => {
  try {
    const { ticket } = await readJson<{ ticket: Ticket }>(await api.api.tickets[':code'].$get({ param: { code } }));
    return ticket;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) return null;
    throw e;
  }
}, 'ticket');

/** These routes take no fields; the body is still the JSON {} that every API write sends. */
const EMPTY_JSON = { headers: { 'content-type': 'application/json' }, init: { body: '{}' } };

export async function cancelTicket(code: string): Promise<Ticket> {
  const { ticket } = await readJson<{ ticket: Ticket }>(await api.api.tickets[':code'].cancel.$post({ param: { code } }, EMPTY_JSON));
  return ticket;
}

export async function deleteTicketData(code: string): Promise<void> {
  await readJson<unknown>(await api.api.tickets[':code'].delete.$post({ param: { code } }, EMPTY_JSON));
}

export const qrUrl = (code: string, kind: 'svg' | 'png' = 'svg') => `/api/tickets/${encodeURIComponent(code)}/qr.${kind}`;
/** The agenda as iCalendar, in the reader's language (the API reads ?lang=en, Chinese otherwise). */
export const calendarUrl = (slug: string, lang: 'zh-CN' | 'en') => `/api/events/${encodeURIComponent(slug)}/agenda.ics${lang === 'en' ? '?lang=en' : ''}`;
